package no.samrad.agreement.api;

import java.util.UUID;
import no.samrad.infrastructure.api.EffectiveDated;

/** Every fact recorded about a bilateral agreement. Each is a stored contract: see docs/events.md. */
public sealed interface AgreementEvent extends EffectiveDated
        permits AgreementProposed, AgreementEntered, AgreementRenegotiationStarted, AgreementRenewed,
        AgreementTerminated, AgreementSuperseded, AgreementExpired, AgreementTermCorrected {

    UUID agreementId();
}
