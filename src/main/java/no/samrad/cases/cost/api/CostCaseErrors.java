package no.samrad.cases.cost.api;

import no.samrad.infrastructure.api.ErrorCode;
import no.samrad.infrastructure.api.ErrorKind;

public enum CostCaseErrors implements ErrorCode {
    /** The case named exists but is of another kind. */
    NOT_A_COST_CASE(ErrorKind.NOT_FOUND),
    /** The estimate named in the path is not one of the case's. */
    ESTIMATE_NOT_FOUND(ErrorKind.NOT_FOUND),
    /** A required value is missing or blank. */
    COST_FIELD_REQUIRED(ErrorKind.VALIDATION),
    /** An amount with more than two decimals (øre) or beyond a thousand billion NOK. */
    AMOUNT_INVALID(ErrorKind.VALIDATION),
    /** A period that ends before it starts or lies outside 1900–2200. */
    PERIOD_INVALID(ErrorKind.VALIDATION),
    /** An estimate made by someone other than KS or a responsible ministry. */
    ESTIMATE_MAKER_INVALID(ErrorKind.VALIDATION),
    /** The estimate named in the body is not one of the case's. */
    ESTIMATE_UNKNOWN(ErrorKind.VALIDATION),
    /** The estimate has been revised; only the current one may be revised, assessed or made final. */
    ESTIMATE_REVISED(ErrorKind.RULE),
    /** KS has assessed this estimate already, or it is KS' own. */
    ASSESSMENT_NOT_POSSIBLE(ErrorKind.RULE);

    private final ErrorKind kind;

    CostCaseErrors(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
