package no.samrad.cases.cost.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samrad.cases.api.CaseErrors;
import no.samrad.cases.cost.api.AssessCostEstimate;
import no.samrad.cases.cost.api.CostCaseErrors;
import no.samrad.cases.cost.api.CostEstimateAssessed;
import no.samrad.cases.cost.api.CostEstimateRecorded;
import no.samrad.cases.cost.api.RecordCostEstimate;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.api.RequiredFields;
import no.samrad.party.api.Entitlement;
import no.samrad.party.api.Party;
import no.samrad.party.api.PartyKind;
import no.samrad.party.api.PartyRegister;

/**
 * The cost-calculation part of a case: its estimates, which are never changed, only revised by
 * newer ones, and KS' assessments of them. Decides the cost commands for the case aggregate, which
 * has checked the case's own state and the sender's entitlement first.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CostCalculation {

    private static final RequiredFields REQUIRED = new RequiredFields(CostCaseErrors.COST_FIELD_REQUIRED);

    /** NOK to the øre, below a thousand billion: as precise as a budget needs, and exact. */
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000000");
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2200;

    private Map<UUID, Estimate> estimates = new HashMap<>();

    /** What the rules need to know of an estimate. */
    record Estimate(String madeBy, LocalDate madeOn, boolean revised, boolean assessed) {
    }

    public CostEstimateRecorded decideEstimate(UUID caseId, RecordCostEstimate command, List<String> ministries,
                                               LocalDate ministriesOn, Entitlement entitlement) {
        BigDecimal given = REQUIRED.present(command.amountNok(), "amountNok");
        if (given.stripTrailingZeros().scale() > 2 || given.abs().compareTo(LIMIT) >= 0) {
            throw new DomainException(CostCaseErrors.AMOUNT_INVALID, "amountNok is NOK to the øre (at most two"
                    + " decimals) and less than 1 000 000 000 000 000 either way.", "amountNok");
        }
        BigDecimal amount = given.setScale(2);
        int from = REQUIRED.present(command.periodFrom(), "periodFrom");
        int to = command.periodTo() == null ? from : command.periodTo();
        if (from < FIRST_YEAR || to > LAST_YEAR || to < from) {
            throw new DomainException(CostCaseErrors.PERIOD_INVALID, "The period runs from periodFrom to periodTo,"
                    + " years between " + FIRST_YEAR + " and " + LAST_YEAR + ", and does not end before it starts.",
                    to < from ? "periodTo" : "periodFrom");
        }
        String basis = REQUIRED.text(command.basis(), "basis");
        String method = REQUIRED.text(command.method(), "method");
        REQUIRED.present(command.madeOn(), "madeOn");
        String madeBy = entitlement.speaksFor(command.madeBy(), "madeBy")
                .orElseThrow(() -> REQUIRED.missing("madeBy"));
        requireMaker(caseId, madeBy, ministries, ministriesOn, entitlement.register());
        if (command.revises() != null) {
            requireCurrent(command.revises(), "revises");
        }
        return new CostEstimateRecorded(caseId, command.estimateId(), amount, from, to, basis, method, madeBy,
                command.madeOn(), command.revises());
    }

    public CostEstimateAssessed decideAssessment(UUID caseId, AssessCostEstimate command, Entitlement entitlement) {
        entitlement.requireMunicipalSector("assess a cost estimate");
        Estimate estimate = estimates.get(command.estimateId());
        if (estimate == null) {
            throw new DomainException(CostCaseErrors.ESTIMATE_NOT_FOUND,
                    "The case has no estimate " + command.estimateId() + ".");
        }
        if (estimate.revised()) {
            throw revised(command.estimateId(), null);
        }
        boolean ministrys = entitlement.register().find(estimate.madeBy()).map(Party::kind).orElse(null) == PartyKind.MINISTRY;
        if (!ministrys || estimate.assessed()) {
            throw new DomainException(CostCaseErrors.ASSESSMENT_NOT_POSSIBLE, estimate.assessed()
                    ? "KS has assessed this estimate already; a changed view follows a revised estimate."
                    : "KS assesses the ministry's estimates, not its own.");
        }
        REQUIRED.present(command.verdict(), "verdict");
        REQUIRED.present(command.assessedOn(), "assessedOn");
        if (estimate.madeOn() != null && command.assessedOn().isBefore(estimate.madeOn())) {
            throw new DomainException(CaseErrors.CASE_DATE_INVALID, "assessedOn " + command.assessedOn()
                    + " lies before the estimate was made, " + estimate.madeOn() + ".", "assessedOn");
        }
        return new CostEstimateAssessed(caseId, command.estimateId(), command.verdict(),
                REQUIRED.text(command.reasons(), "reasons"), command.assessedOn());
    }

    /** Refuses unless the estimate can be the final one of a conclusion. */
    public void requireFinal(UUID estimateId) {
        requireCurrent(REQUIRED.present(estimateId, "finalEstimate"), "finalEstimate");
    }

    public void on(CostEstimateRecorded event) {
        estimates.put(event.estimateId(), new Estimate(event.madeBy(), event.madeOn(), false, false));
        if (event.revises() != null) {
            estimates.computeIfPresent(event.revises(),
                    (id, old) -> new Estimate(old.madeBy(), old.madeOn(), true, old.assessed()));
        }
    }

    public void on(CostEstimateAssessed event) {
        estimates.computeIfPresent(event.estimateId(),
                (id, old) -> new Estimate(old.madeBy(), old.madeOn(), old.revised(), true));
    }

    private void requireCurrent(UUID estimateId, String field) {
        Estimate estimate = estimates.get(estimateId);
        if (estimate == null) {
            throw new DomainException(CostCaseErrors.ESTIMATE_UNKNOWN,
                    "The case has no estimate " + estimateId + ".", field);
        }
        if (estimate.revised()) {
            throw revised(estimateId, field);
        }
    }

    private static void requireMaker(UUID caseId, String madeBy, List<String> ministries, LocalDate ministriesOn,
                                     PartyRegister register) {
        boolean municipalSector = register.find(madeBy).map(Party::kind).orElse(null) == PartyKind.MUNICIPAL_SECTOR;
        boolean responsible = ministries.stream()
                .anyMatch(code -> register.actsFor(madeBy, caseId.toString(), code, ministriesOn));
        if (!municipalSector && !responsible) {
            throw new DomainException(CostCaseErrors.ESTIMATE_MAKER_INVALID, "An estimate is made by KS or by a"
                    + " responsible ministry (" + String.join(", ", ministries) + "), not by " + madeBy + ".",
                    "madeBy");
        }
    }

    private static DomainException revised(UUID estimateId, String field) {
        return new DomainException(CostCaseErrors.ESTIMATE_REVISED,
                "Estimate " + estimateId + " has been revised; use its latest revision.", field);
    }
}
