package no.samrad.agreement.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.samrad.agreement.api.AgreementCategory;
import no.samrad.agreement.api.AgreementEntered;
import no.samrad.agreement.api.AgreementErrors;
import no.samrad.agreement.api.AgreementExpired;
import no.samrad.agreement.api.AgreementProposed;
import no.samrad.agreement.api.AgreementRenegotiationStarted;
import no.samrad.agreement.api.AgreementRenewed;
import no.samrad.agreement.api.AgreementStatus;
import no.samrad.agreement.api.AgreementSuperseded;
import no.samrad.agreement.api.AgreementTermCorrected;
import no.samrad.agreement.api.AgreementTerminated;
import no.samrad.agreement.api.CorrectAgreementTerm;
import no.samrad.agreement.api.EnterAgreement;
import no.samrad.agreement.api.EnterProposedAgreement;
import no.samrad.agreement.api.ExpireAgreement;
import no.samrad.agreement.api.ProposeAgreement;
import no.samrad.agreement.api.RenewAgreement;
import no.samrad.agreement.api.StartAgreementRenegotiation;
import no.samrad.agreement.api.TerminateAgreement;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.api.RequiredFields;
import no.samrad.party.api.Entitlement;
import no.samrad.party.api.Party;
import no.samrad.party.api.PartyKind;
import no.samrad.party.api.PartyRegister;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateVersion;
import org.axonframework.serialization.Revision;

/**
 * A bilateral agreement between one or more ministries and KS. Command handlers decide, the
 * sender's entitlement included (KS, or a ministry that is a party); the event-sourcing handlers
 * only change state. The party register reaches the handlers as a
 * parameter, so the aggregate itself holds nothing injected.
 *
 * <p>Field visibility is opened to Jackson so that snapshots can store the state.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@Revision("3") // the state of snapshots: revision 3 keeps the line's first year and the coordinator
public class Agreement {

    private static final RequiredFields REQUIRED = new RequiredFields(AgreementErrors.AGREEMENT_FIELD_REQUIRED);

    /** No agreement line in the arrangement predates the arrangement's own beginnings by this much. */
    static final int EARLIEST_FIRST_ENTERED_YEAR = 1945;

    @AggregateIdentifier
    private UUID agreementId;
    @AggregateVersion
    private Long version;
    private AgreementStatus status;
    private String title;
    private AgreementCategory category;
    private List<String> parties;
    /** The day the parties were named for: their codes mean the parties that carried them then. */
    private LocalDate partiesOn;
    private LocalDate enteredOn;
    private LocalDate expiresOn;
    /** The term before the current one, if it was renewed: a correction keeps the terms in order. */
    private LocalDate previousEnteredOn;
    private LocalDate previousExpiresOn;
    /** The year the line's first agreement was entered: a continuation inherits it. */
    private Integer firstEnteredYear;
    private String coordinator;

    protected Agreement() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Agreement(ProposeAgreement command, Entitlement entitlement) {
        String title = REQUIRED.text(command.title(), "title");
        LocalDate proposedOn = REQUIRED.present(command.proposedOn(), "proposedOn");
        List<String> parties = REQUIRED.present(command.parties(), "parties");
        List<Party> named = entitlement.register().requireValid(parties, proposedOn, "parties");
        if (named.stream().noneMatch(party -> party.kind() == PartyKind.MUNICIPAL_SECTOR)) {
            throw new DomainException(AgreementErrors.PARTIES_INCOMPLETE,
                    "A proposed agreement names the municipal sector's organisation (KS) among its parties.",
                    "parties");
        }
        entitlement.requireEntitled(command.agreementId(), parties, proposedOn);
        String proposedBy = command.proposedBy() == null
                ? entitlement.speaksFor(null, "proposedBy").filter(parties::contains).orElse(null)
                : entitlement.speaksFor(command.proposedBy(), "proposedBy").orElseThrow();
        if (proposedBy != null) {
            entitlement.register().requireValid(List.of(proposedBy), proposedOn, "proposedBy");
            if (!parties.contains(proposedBy)) {
                throw new DomainException(AgreementErrors.PARTIES_INCOMPLETE,
                        "The proposing party must be one of the agreement's parties.", "proposedBy");
            }
        }
        apply(new AgreementProposed(command.agreementId(), title, command.category(), List.copyOf(parties),
                proposedBy, proposedOn));
    }

    /**
     * Enters a new agreement; {@code line} is the agreement it continues, as {@link AgreementLines}
     * found it, or {@code null}.
     */
    Agreement(EnterAgreement command, LineStart line, Entitlement entitlement) {
        String title = REQUIRED.text(command.title(), "title");
        AgreementCategory category = REQUIRED.present(command.category(), "category");
        List<String> parties = REQUIRED.present(command.parties(), "parties");
        REQUIRED.present(command.enteredOn(), "enteredOn");
        Integer firstYear = command.firstEnteredYear();
        if (line != null) {
            if (firstYear != null && firstYear != line.firstEnteredYear()) {
                throw new DomainException(AgreementErrors.FIRST_ENTERED_AFTER_ENTRY, "The line this agreement"
                        + " continues was first entered in " + line.firstEnteredYear() + ".", "firstEnteredYear");
            }
            if (command.enteredOn().isBefore(line.enteredOn())) {
                throw new DomainException(AgreementErrors.CONTINUATION_INVALID, "An agreement continues one"
                        + " entered before it; " + line.agreementId() + " was entered on " + line.enteredOn() + ".",
                        "continues");
            }
            firstYear = line.firstEnteredYear();
        }
        AgreementEntered entered = entered(command.agreementId(), title, category, parties, command.enteredOn(),
                command.expiresOn(), firstYear, line == null ? null : line.agreementId(),
                coordinator(command.coordinator(), parties, command.enteredOn(), entitlement.register()), entitlement.register());
        entitlement.requireEntitled(command.agreementId(), parties, entered.enteredOn());
        apply(entered);
    }

    @CommandHandler
    public void handle(EnterProposedAgreement command, Entitlement entitlement) {
        entitlement.requireEntitled(agreementId, parties, partiesOn);
        requireStatus(AgreementStatus.PROPOSED, "Only a proposed agreement can be entered.");
        String newTitle = command.title() == null ? title : REQUIRED.text(command.title(), "title");
        AgreementCategory newCategory = command.category() == null ? category : command.category();
        if (newCategory == null) {
            throw REQUIRED.missing("category");
        }
        List<String> newParties = command.parties() == null ? parties : command.parties();
        apply(entered(agreementId, newTitle, newCategory, newParties, command.enteredOn(), command.expiresOn(),
                command.firstEnteredYear(), null, null, entitlement.register()));
    }

    @CommandHandler
    public void handle(StartAgreementRenegotiation command, Entitlement entitlement) {
        entitlement.requireEntitled(agreementId, parties, partiesOn);
        requireStatus(AgreementStatus.ACTIVE, "Renegotiation can start only on an active agreement.");
        requireWithinTerm(REQUIRED.present(command.startedOn(), "startedOn"), "startedOn");
        apply(new AgreementRenegotiationStarted(agreementId, command.startedOn()));
    }

    @CommandHandler
    public void handle(RenewAgreement command, Entitlement entitlement) {
        entitlement.requireEntitled(agreementId, parties, partiesOn);
        if (status != AgreementStatus.EXPIRED) {
            requireRunning("Only an active, renegotiated or lapsed agreement can be renewed.");
        }
        LocalDate newEnteredOn = REQUIRED.present(command.enteredOn(), "enteredOn");
        LocalDate newExpiresOn = REQUIRED.present(command.expiresOn(), "expiresOn");
        requireExpiryAfterEntry(newEnteredOn, newExpiresOn);
        if (newEnteredOn.isBefore(enteredOn)) {
            throw new DomainException(AgreementErrors.RENEWAL_TERM_INVALID,
                    "A renewal cannot be entered before the current term (entered " + enteredOn + ").",
                    "enteredOn");
        }
        if (!newExpiresOn.isAfter(expiresOn)) {
            throw new DomainException(AgreementErrors.RENEWAL_TERM_INVALID,
                    "A renewal must expire after the current term, which expires on " + expiresOn + ".",
                    "expiresOn");
        }
        List<String> newParties = command.parties() == null ? parties : command.parties();
        requireSignatories(newParties, newEnteredOn, entitlement.register());
        String newCoordinator = command.coordinator() != null
                ? coordinator(command.coordinator(), newParties, newEnteredOn, entitlement.register())
                : coordinator != null && newParties.contains(coordinator) ? coordinator : null;
        if (newEnteredOn.isAfter(expiresOn.plusDays(1)) && status != AgreementStatus.EXPIRED) {
            // The term ran out before this renewal: the record shows that it lapsed, then was renewed.
            apply(new AgreementExpired(agreementId, expiresOn));
        }
        apply(new AgreementRenewed(agreementId, List.copyOf(newParties), newEnteredOn, newExpiresOn,
                newCoordinator));
    }

    @CommandHandler
    public void handle(TerminateAgreement command, Entitlement entitlement) {
        entitlement.requireEntitled(agreementId, parties, partiesOn);
        requireRunning("Only an active agreement or one under renegotiation can be terminated.");
        LocalDate terminatedOn = REQUIRED.present(command.terminatedOn(), "terminatedOn");
        String reason = REQUIRED.text(command.reason(), "reason");
        requireWithinTerm(terminatedOn, "terminatedOn");
        if (!terminatedOn.isBefore(expiresOn)) {
            throw new DomainException(AgreementErrors.DATE_OUTSIDE_TERM,
                    "An early termination must end the agreement before its expiry date, " + expiresOn + ".",
                    "terminatedOn");
        }
        apply(new AgreementTerminated(agreementId, terminatedOn, reason));
    }

    @CommandHandler
    public void handle(CorrectAgreementTerm command, Entitlement entitlement) {
        entitlement.requireEntitled(agreementId, parties, partiesOn);
        requireRunning("Only the term of an active agreement or one under renegotiation can be corrected.");
        if (command.enteredOn() == null && command.expiresOn() == null) {
            throw new DomainException(AgreementErrors.AGREEMENT_FIELD_REQUIRED,
                    "A correction gives the entry date, the expiry date, or both.", "enteredOn");
        }
        LocalDate correctedEntry = command.enteredOn() == null ? enteredOn : command.enteredOn();
        LocalDate correctedExpiry = command.expiresOn() == null ? expiresOn : command.expiresOn();
        requireExpiryAfterEntry(correctedEntry, correctedExpiry);
        requireAfterPreviousTerm(correctedEntry, correctedExpiry);
        String reason = REQUIRED.text(command.reason(), "reason");
        apply(new AgreementTermCorrected(agreementId, correctedEntry, correctedExpiry, reason));
    }

    /**
     * Records that another agreement replaced this one. Called by {@link AgreementSupersession},
     * which has checked the sender's entitlement and that the successor exists.
     */
    void requireEntitled(Entitlement entitlement) {
        entitlement.requireEntitled(agreementId, parties, partiesOn);
    }

    void supersede(UUID supersededBy, LocalDate supersededOn) {
        if (status != AgreementStatus.EXPIRED) {
            requireRunning("Only an active, renegotiated or expired agreement can be superseded.");
        }
        REQUIRED.present(supersededOn, "supersededOn");
        if (agreementId.equals(supersededBy)) {
            throw new DomainException(AgreementErrors.SUCCESSOR_INVALID,
                    "An agreement cannot supersede itself.", "supersededBy");
        }
        if (supersededOn.isBefore(enteredOn)) {
            throw new DomainException(AgreementErrors.DATE_OUTSIDE_TERM,
                    "The supersession date lies before the current term was entered, " + enteredOn + ".",
                    "supersededOn");
        }
        apply(new AgreementSuperseded(agreementId, supersededBy, supersededOn));
    }

    @CommandHandler
    public void handle(ExpireAgreement command, Entitlement entitlement) {
        entitlement.requireEntitled(agreementId, parties, partiesOn);
        requireRunning("Only an active agreement or one under renegotiation can expire.");
        if (!command.today().isAfter(expiresOn)) {
            throw new DomainException(AgreementErrors.NOT_YET_DUE,
                    "The agreement is in force until " + expiresOn + ".");
        }
        apply(new AgreementExpired(agreementId, expiresOn));
    }

    @EventSourcingHandler
    void on(AgreementProposed event) {
        agreementId = event.agreementId();
        status = AgreementStatus.PROPOSED;
        title = event.title();
        category = event.category();
        parties = event.parties();
        partiesOn = event.proposedOn();
    }

    @EventSourcingHandler
    void on(AgreementEntered event) {
        agreementId = event.agreementId();
        status = AgreementStatus.ACTIVE;
        title = event.title();
        category = event.category();
        parties = event.parties();
        partiesOn = event.enteredOn();
        enteredOn = event.enteredOn();
        expiresOn = event.expiresOn();
        firstEnteredYear = event.firstEnteredYear();
        coordinator = event.coordinator();
    }

    @EventSourcingHandler
    void on(AgreementTermCorrected event) {
        enteredOn = event.enteredOn();
        expiresOn = event.expiresOn();
    }

    @EventSourcingHandler
    void on(AgreementRenegotiationStarted event) {
        status = AgreementStatus.RENEGOTIATION;
    }

    @EventSourcingHandler
    void on(AgreementRenewed event) {
        previousEnteredOn = enteredOn;
        previousExpiresOn = expiresOn;
        status = AgreementStatus.ACTIVE;
        parties = event.parties();
        partiesOn = event.enteredOn();
        enteredOn = event.enteredOn();
        expiresOn = event.expiresOn();
        coordinator = event.coordinator();
    }

    @EventSourcingHandler
    void on(AgreementTerminated event) {
        status = AgreementStatus.TERMINATED;
    }

    @EventSourcingHandler
    void on(AgreementSuperseded event) {
        status = AgreementStatus.SUPERSEDED;
    }

    @EventSourcingHandler
    void on(AgreementExpired event) {
        status = AgreementStatus.EXPIRED;
    }

    /** Whether the agreement has been entered, so that it can stand as another's successor. */
    boolean hasBeenEntered() {
        return status != AgreementStatus.PROPOSED;
    }

    /** What a later agreement of this line takes over from it; {@code null} while it is only proposed. */
    LineStart lineStart() {
        return hasBeenEntered() ? new LineStart(agreementId, firstEnteredYear, enteredOn) : null;
    }

    /** The agreement a new one continues: its id, the year its line was first entered, its current term's entry. */
    record LineStart(UUID agreementId, int firstEnteredYear, LocalDate enteredOn) {
    }

    /** The coordinating ministry named, which must be one of the ministries among the parties; or none. */
    private static String coordinator(String named, List<String> parties, LocalDate on, PartyRegister register) {
        if (named == null) {
            return null;
        }
        boolean ministry = register.resolve(named, on)
                .map(party -> party.kind() == PartyKind.MINISTRY).orElse(false);
        if (!parties.contains(named) || !ministry) {
            throw new DomainException(AgreementErrors.COORDINATOR_INVALID,
                    "The coordinating ministry is one of the agreement's ministries; " + named + " is not.",
                    "coordinator");
        }
        return named;
    }

    private static AgreementEntered entered(UUID id, String title, AgreementCategory category, List<String> parties,
                                            LocalDate enteredOn, LocalDate expiresOn, Integer firstEnteredYear,
                                            UUID continues, String coordinator, PartyRegister register) {
        REQUIRED.present(enteredOn, "enteredOn");
        REQUIRED.present(expiresOn, "expiresOn");
        requireExpiryAfterEntry(enteredOn, expiresOn);
        int firstYear = firstEnteredYear == null ? enteredOn.getYear() : firstEnteredYear;
        if (firstYear > enteredOn.getYear()) {
            throw new DomainException(AgreementErrors.FIRST_ENTERED_AFTER_ENTRY,
                    "The first agreement of this line (" + firstYear + ") cannot be entered after this one ("
                            + enteredOn.getYear() + ").", "firstEnteredYear");
        }
        if (firstYear < EARLIEST_FIRST_ENTERED_YEAR) {
            throw new DomainException(AgreementErrors.FIRST_ENTERED_AFTER_ENTRY,
                    "The first year of the line must be " + EARLIEST_FIRST_ENTERED_YEAR + " or later.",
                    "firstEnteredYear");
        }
        requireSignatories(parties, enteredOn, register);
        return new AgreementEntered(id, title, category, List.copyOf(parties), enteredOn, expiresOn, firstYear,
                continues, coordinator);
    }

    private static void requireSignatories(List<String> parties, LocalDate effectiveOn, PartyRegister register) {
        List<Party> named = register.requireValid(parties, effectiveOn, "parties");
        boolean hasMunicipalSector = named.stream().anyMatch(party -> party.kind() == PartyKind.MUNICIPAL_SECTOR);
        boolean hasMinistry = named.stream().anyMatch(party -> party.kind() == PartyKind.MINISTRY);
        if (!hasMunicipalSector || !hasMinistry) {
            throw new DomainException(AgreementErrors.PARTIES_INCOMPLETE,
                    "An agreement is entered between one or more ministries and the municipal sector's"
                            + " organisation (KS); name both sides.", "parties");
        }
    }

    private static void requireExpiryAfterEntry(LocalDate enteredOn, LocalDate expiresOn) {
        if (!expiresOn.isAfter(enteredOn)) {
            throw new DomainException(AgreementErrors.EXPIRY_NOT_AFTER_ENTRY,
                    "The expiry date (" + expiresOn + ") must come after the entry date (" + enteredOn + ").",
                    "expiresOn");
        }
    }

    /**
     * A corrected term still follows the one it renewed, as a renewal must: entered no earlier than
     * that term and no later than its expiry, and expiring after it.
     */
    private void requireAfterPreviousTerm(LocalDate correctedEntry, LocalDate correctedExpiry) {
        if (previousEnteredOn == null) {
            return;
        }
        if (correctedEntry.isBefore(previousEnteredOn) || correctedEntry.isAfter(previousExpiresOn)) {
            throw new DomainException(AgreementErrors.TERMS_OUT_OF_ORDER, "The current term renewed the term of "
                    + previousEnteredOn + " to " + previousExpiresOn + ", so it is entered within that term.",
                    "enteredOn");
        }
        if (!correctedExpiry.isAfter(previousExpiresOn)) {
            throw new DomainException(AgreementErrors.TERMS_OUT_OF_ORDER, "The current term renewed the term that"
                    + " expired on " + previousExpiresOn + ", so it expires after that.", "expiresOn");
        }
    }

    private void requireWithinTerm(LocalDate date, String field) {
        if (date.isBefore(enteredOn) || date.isAfter(expiresOn)) {
            throw new DomainException(AgreementErrors.DATE_OUTSIDE_TERM,
                    "The date must lie within the current term, " + enteredOn + " to " + expiresOn + ".", field);
        }
    }

    private void requireStatus(AgreementStatus expected, String detail) {
        if (status != expected) {
            throw stateConflict(detail);
        }
    }

    private void requireRunning(String detail) {
        if (!status.isRunning()) {
            throw stateConflict(detail);
        }
    }

    private DomainException stateConflict(String detail) {
        return new DomainException(AgreementErrors.AGREEMENT_STATE_CONFLICT,
                detail + " This agreement is " + status + ".");
    }
}
