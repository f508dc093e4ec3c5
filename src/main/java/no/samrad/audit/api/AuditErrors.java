package no.samrad.audit.api;

import no.samrad.infrastructure.error.ErrorCode;
import no.samrad.infrastructure.error.ErrorKind;

public enum AuditErrors implements ErrorCode {
    /** The published log is part of the record; unlike a read model it is never rebuilt. */
    LOG_NOT_REBUILDABLE(ErrorKind.RULE),
    /** A rebuild of that read model is running already. */
    REBUILD_RUNNING(ErrorKind.RULE);

    private final ErrorKind kind;

    AuditErrors(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
