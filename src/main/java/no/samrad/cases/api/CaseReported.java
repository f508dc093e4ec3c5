package no.samrad.cases.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.samrad.infrastructure.api.PartialDate;
import org.axonframework.serialization.Revision;

/**
 * A case was reported to a meeting and given its number. {@code ministries} are the responsible
 * ministries (none for a cross-sector theme without one); {@code reportedOn} may be known only to
 * the year, and {@code reportedBy} may be absent, as for the historical cases of the sources that
 * do not say who reported them.
 */
@Revision("1")
public record CaseReported(UUID caseId, String caseNumber, CaseKind kind, String title, List<String> ministries,
                           String reportedBy, UUID meetingId, PartialDate reportedOn, String summary)
        implements CaseEvent {

    @Override
    public LocalDate effectiveOn() {
        return reportedOn.earliest();
    }
}
