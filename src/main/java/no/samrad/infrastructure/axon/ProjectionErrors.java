package no.samrad.infrastructure.axon;

import no.samrad.infrastructure.api.ErrorCode;
import no.samrad.infrastructure.api.ErrorKind;

public enum ProjectionErrors implements ErrorCode {
    /** The published log is part of the record; unlike a read model it is never rebuilt. */
    LOG_NOT_REBUILDABLE(ErrorKind.RULE),
    /** A rebuild of that read model is running already. */
    REBUILD_RUNNING(ErrorKind.RULE);

    private final ErrorKind kind;

    ProjectionErrors(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
