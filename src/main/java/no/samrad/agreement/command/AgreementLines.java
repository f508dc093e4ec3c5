package no.samrad.agreement.command;

import java.util.UUID;
import no.samrad.agreement.api.AgreementErrors;
import no.samrad.agreement.api.EnterAgreement;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.party.api.Entitlement;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Enters new agreements. One that continues an earlier line must look at the agreement it
 * continues: it has to exist and have been entered, and it hands on the year its line was first
 * entered. The decision stays with the new {@link Agreement}.
 */
public class AgreementLines {

    private final Repository<Agreement> repository;

    public AgreementLines(Repository<Agreement> repository) {
        this.repository = repository;
    }

    @CommandHandler
    public UUID handle(EnterAgreement command, Entitlement entitlement) throws Exception {
        Agreement.LineStart line = command.continues() == null ? null : lineStart(command);
        repository.newInstance(() -> new Agreement(command, line, entitlement));
        return command.agreementId();
    }

    private Agreement.LineStart lineStart(EnterAgreement command) {
        if (command.continues().equals(command.agreementId())) {
            throw new DomainException(AgreementErrors.CONTINUATION_INVALID,
                    "An agreement cannot continue itself.", "continues");
        }
        try {
            Agreement.LineStart line = repository.load(command.continues().toString()).invoke(Agreement::lineStart);
            if (line == null) {
                throw new DomainException(AgreementErrors.CONTINUATION_INVALID,
                        "The agreement " + command.continues() + " has only been proposed, not entered.", "continues");
            }
            return line;
        } catch (AggregateNotFoundException e) {
            throw new DomainException(AgreementErrors.CONTINUATION_INVALID,
                    "There is no agreement " + command.continues() + " to continue.", "continues");
        }
    }
}
