package no.samrad.cases.api;

import java.util.List;
import java.util.UUID;
import no.samrad.cases.api.LawInQuestion;
import no.samrad.infrastructure.api.PartialDate;

/**
 * Reports a case to a meeting. {@code reportedBy} left out is the sender's party. A cost-calculation
 * case names the {@code reform} it concerns, a law-participation case the {@code law}; the other
 * kinds name neither.
 */
public record ReportCase(UUID caseId, CaseKind kind, String title, List<String> ministries, String reportedBy,
                         UUID meetingId, PartialDate reportedOn, String summary, String reform, LawInQuestion law) {
}
