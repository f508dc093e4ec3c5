package no.samrad.cases.law.query;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A step in the law's making, dated as precisely as known. */
@Embeddable
public class LawMilestoneView {

    @Column(nullable = false, length = 32)
    public String milestone;
    @Column(name = "reached_on_text", nullable = false, length = 10)
    public String reachedOn;
}
