package no.samrad.cases.law.query;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.samrad.cases.query.ReportedCaseView;
import org.hibernate.annotations.BatchSize;

/** A law-participation case as the law-participation projection last saw it. */
@Entity
@Table(name = "law_participation_view")
public class LawParticipationView extends ReportedCaseView {

    /** The responsible ministries, comma separated. */
    @Column(nullable = false, length = 500)
    public String ministries;
    @Column(name = "requested_by", length = 16)
    public String requestedBy;
    @Column(name = "law_title", length = 500)
    public String lawTitle;
    @Column(name = "law_kind", length = 16)
    public String lawKind;
    @Column(name = "eea_origin", nullable = false)
    public boolean eeaOrigin;
    @Column(nullable = false, length = 20)
    public String state;
    @Column(length = 16)
    public String decision;
    @Column(name = "decision_reasons", length = 4000)
    public String decisionReasons;
    @Column(name = "decided_on_text", length = 10)
    public String decidedOnText;
    /** The first day the case was no longer open: concluded or withdrawn. */
    @Column(name = "ended_from")
    public LocalDate endedFrom;
    @Column(name = "concluded_on_text", length = 10)
    public String concludedOnText;
    @Column(length = 4000)
    public String outcome;

    @ElementCollection
    @CollectionTable(name = "law_participation_milestone", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "milestone_order")
    @BatchSize(size = 100)
    public List<LawMilestoneView> milestones = new ArrayList<>();

    public List<String> ministryCodes() {
        return Arrays.asList(ministries.split(","));
    }
}
