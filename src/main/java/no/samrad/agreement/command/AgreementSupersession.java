package no.samrad.agreement.command;

import no.samrad.agreement.api.AgreementErrors;
import no.samrad.agreement.api.SupersedeAgreement;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.party.api.Entitlement;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Handles supersession, the one agreement command that must look at a second agreement: the
 * successor has to exist in the record and have been entered. The decision itself stays in
 * {@link Agreement#supersede}.
 */
public class AgreementSupersession {

    private final Repository<Agreement> repository;

    public AgreementSupersession(Repository<Agreement> repository) {
        this.repository = repository;
    }

    @CommandHandler
    public void handle(SupersedeAgreement command, Entitlement entitlement) {
        if (command.supersededBy() == null) {
            throw new DomainException(AgreementErrors.AGREEMENT_FIELD_REQUIRED, "supersededBy is required.",
                    "supersededBy");
        }
        Aggregate<Agreement> superseded = repository.load(command.agreementId().toString(),
                command.expectedVersion());
        superseded.execute(agreement -> agreement.requireEntitled(entitlement));
        if (!command.supersededBy().equals(command.agreementId())) {
            requireEnteredSuccessor(command);
        }
        superseded.execute(agreement -> agreement.supersede(command.supersededBy(), command.supersededOn()));
    }

    private void requireEnteredSuccessor(SupersedeAgreement command) {
        try {
            Aggregate<Agreement> successor = repository.load(command.supersededBy().toString());
            if (!successor.invoke(Agreement::hasBeenEntered)) {
                throw new DomainException(AgreementErrors.SUCCESSOR_INVALID,
                        "The successor " + command.supersededBy() + " has only been proposed, not entered.",
                        "supersededBy");
            }
        } catch (AggregateNotFoundException e) {
            throw new DomainException(AgreementErrors.SUCCESSOR_INVALID,
                    "There is no agreement " + command.supersededBy() + " in the record.", "supersededBy");
        }
    }
}
