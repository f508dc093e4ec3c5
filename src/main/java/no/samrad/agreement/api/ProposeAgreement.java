package no.samrad.agreement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record ProposeAgreement(UUID agreementId, String title, AgreementCategory category, List<String> parties,
                               String proposedBy, LocalDate proposedOn) {
}
