package no.samrad.cases.query;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/** A case as the case projection last saw it. */
@Entity
@Table(name = "case_view")
public class CaseView extends ReportedCaseView {

    @Column(nullable = false, length = 32)
    public String kind;
    @Column(nullable = false, length = 16)
    public String status;
    /** The title as searched: NFC-normalised and lower-cased, so that "Øye" finds "øye" and "ØYE". */
    @Column(name = "title_search", nullable = false, length = 500)
    public String titleSearch;
    @Column(length = 8000)
    public String summary;
    @Column(name = "concluded_on_text", length = 10)
    public String concludedOnText;
    @Column(length = 4000)
    public String outcome;
    @Column(name = "final_estimate_id")
    public UUID finalEstimateId;
    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;
    @Column(name = "withdraw_reason", length = 4000)
    public String withdrawReason;

    @ElementCollection
    @CollectionTable(name = "case_view_ministry", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "ministry_order")
    @Column(name = "ministry", nullable = false, length = 16)
    @BatchSize(size = 100)
    public List<String> ministries = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "case_view_agenda", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "agenda_order")
    @BatchSize(size = 100)
    public List<CaseAgendaView> agenda = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "case_view_input", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "input_order")
    @BatchSize(size = 100)
    public List<CaseInputView> inputs = new ArrayList<>();

    /** How titles and search terms are compared. */
    public static String searchable(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
