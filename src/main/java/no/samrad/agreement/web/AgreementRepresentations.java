package no.samrad.agreement.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /** Days between two terms when the agreement was not in force: it lapsed, and was renewed later. */
    @Schema(name = "AgreementLapse")
    record Lapse(LocalDate from, LocalDate to) {

        /** The lapses between the terms, each from the day after a term ended to the day before the next began. */
        static List<Lapse> between(List<AgreementTermView> terms) {
            List<Lapse> lapses = new ArrayList<>();
            for (int i = 1; i < terms.size(); i++) {
                AgreementTermView before = terms.get(i - 1);
                LocalDate lastDay = before.endedOn == null ? before.expiresOn : before.endedOn;
                LocalDate next = terms.get(i).enteredOn;
                if (next.isAfter(lastDay.plusDays(1))) {
                    lapses.add(new Lapse(lastDay.plusDays(1), next.minusDays(1)));
                }
            }
            return lapses;
        }
    }

    /**
     * A whole agreement, with every term it has had and the lapses between them; {@code continues}
     * names the earlier agreement of its line, {@code coordinator} the coordinating ministry.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgreementDetail")
    record Detail(UUID id, String title, AgreementStatus status, AgreementCategory category, List<String> parties,
                  String coordinator, LocalDate enteredOn, LocalDate expiresOn, Integer firstEnteredYear,
                  UUID continues, String proposedBy, LocalDate proposedOn, LocalDate endedOn, String endReason,
                  UUID supersededBy, List<Term> terms, List<Lapse> lapses, long version)
            implements RecordAnswers.Versioned {

        static Detail of(AgreementView view) {
            return new Detail(view.id, view.title, view.status(), view.category(), List.copyOf(view.parties),
                    view.coordinator, view.enteredOn, view.expiresOn, view.firstEnteredYear, view.continues,
                    view.proposedBy, view.proposedOn, view.endedOn, view.endReason, view.supersededBy,
                    view.terms.stream().map(Term::of).toList(), Lapse.between(view.terms), view.version);
        }
    }
}
