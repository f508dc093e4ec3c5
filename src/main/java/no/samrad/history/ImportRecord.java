package no.samrad.history;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.LocalDate;
import java.util.List;
import no.samrad.agreement.api.AgreementCategory;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.LawKind;
import no.samrad.cases.law.api.LawMilestone;
import no.samrad.cases.law.api.LawParticipationDecision;
import no.samrad.infrastructure.api.PartialDate;
import no.samrad.meeting.api.MeetingKind;

/**
 * One line of an import file (docs/import.md): a record of historical material with the source
 * it was taken from. {@code key} is the record's key in that source; the record's id is derived
 * from it and the file's namespace, so that importing the same file twice records nothing twice.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "record")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ImportRecord.Agreement.class, name = "agreement"),
        @JsonSubTypes.Type(value = ImportRecord.Meeting.class, name = "meeting"),
        @JsonSubTypes.Type(value = ImportRecord.Case.class, name = "case")})
sealed interface ImportRecord {

    String key();

    String source();

    /**
     * An agreement with its terms: entered (the first term), then each renewal, and how it ended
     * early, if it did; or only proposed. {@code continues} is the key (or id) of the earlier
     * agreement of its line.
     */
    record Agreement(String key, String source, String title, AgreementCategory category, List<String> parties,
                     String coordinator, LocalDate enteredOn, LocalDate expiresOn, Integer firstEnteredYear,
                     String continues, List<Term> renewals, Termination terminated, LocalDate proposedOn,
                     String proposedBy) implements ImportRecord {
    }

    /** A renewal: the new term, with its parties and coordinator where they changed. */
    record Term(LocalDate enteredOn, LocalDate expiresOn, List<String> parties, String coordinator) {
    }

    record Termination(LocalDate terminatedOn, String reason) {
    }

    /** A meeting as it was held (or cancelled); {@code held} without {@code heldOn} means on its date. */
    record Meeting(String key, String source, MeetingKind kind, Integer number, PartialDate date, Integer budgetYear,
                   String ministry, String title, Boolean held, PartialDate heldOn, LocalDate cancelledOn,
                   String cancelReason) implements ImportRecord {
    }

    /** A case reported to a meeting of the file ({@code meeting} is its key, or an id), with what followed. */
    record Case(String key, String source, CaseKind kind, String title, List<String> ministries, String reportedBy,
                String meeting, PartialDate reportedOn, String summary, String reform, Law law, List<Input> inputs,
                Decision decision, List<Milestone> milestones, Conclusion concluded) implements ImportRecord {
    }

    record Law(String title, LawKind kind, boolean eeaOrigin) {
    }

    record Input(String party, LocalDate givenOn, String text) {
    }

    record Decision(LawParticipationDecision decision, String reasons, PartialDate decidedOn) {
    }

    record Milestone(LawMilestone milestone, PartialDate reachedOn) {
    }

    record Conclusion(PartialDate concludedOn, String outcome) {
    }
}
