package no.samrad.agreement.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.samrad.agreement.api.AgreementCategory;
import no.samrad.agreement.api.AgreementStatus;
import no.samrad.agreement.query.AgreementQueries;
import no.samrad.agreement.query.AgreementTermView;
import no.samrad.agreement.query.AgreementView;
import no.samrad.infrastructure.web.RecordAnswers;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the agreement endpoints answer with. */
final class AgreementRepresentations {

    private AgreementRepresentations() {
    }

    /** An item of the agreement list. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgreementSummary")
    record Summary(UUID id, String title, AgreementStatus status, AgreementCategory category, List<String> parties,
                   LocalDate enteredOn, LocalDate expiresOn, Integer firstEnteredYear) {

        static Summary of(AgreementQueries.ListItem item) {
            return new Summary(item.id(), item.title(), AgreementStatus.valueOf(item.status()),
                    item.category() == null ? null : AgreementCategory.valueOf(item.category()), item.parties(),
                    item.enteredOn(), item.expiresOn(), item.firstEnteredYear());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgreementTerm")
    record Term(int term, LocalDate enteredOn, LocalDate expiresOn, LocalDate endedOn, List<String> parties) {

        static Term of(AgreementTermView view) {
            return new Term(view.termNo, view.enteredOn, view.expiresOn, view.endedOn, view.partyCodes());
        }
    }

    /** A whole agreement, with every term it has had. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgreementDetail")
    record Detail(UUID id, String title, AgreementStatus status, AgreementCategory category, List<String> parties,
                  LocalDate enteredOn, LocalDate expiresOn, Integer firstEnteredYear, String proposedBy,
                  LocalDate proposedOn, LocalDate endedOn, String endReason, UUID supersededBy, List<Term> terms,
                  long version) implements RecordAnswers.Versioned {

        static Detail of(AgreementView view) {
            return new Detail(view.id, view.title, view.status(), view.category(), List.copyOf(view.parties),
                    view.enteredOn, view.expiresOn, view.firstEnteredYear, view.proposedBy, view.proposedOn,
                    view.endedOn, view.endReason, view.supersededBy, view.terms.stream().map(Term::of).toList(),
                    view.version);
        }
    }
}
