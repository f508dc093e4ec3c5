package no.samrad.material.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.DiscussionOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case on a meeting's agenda, with what the meeting did with it once that is recorded. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "MeetingAgendaItem")
public record AgendaItem(UUID caseId, String caseNumber, CaseKind kind, String title, List<String> ministries,
                         DiscussionOutcome outcome, String note) {
}
