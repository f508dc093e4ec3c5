package no.samrad.infrastructure.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises a unique-key violation by its SQL state class 23 (integrity constraint violation),
 * which both H2 and PostgreSQL report, whatever exception class the driver uses. Without it the
 * JDBC storage engine reports a duplicate aggregate sequence as a generic storage failure instead
 * of a {@code ConcurrencyException} or {@code AggregateStreamCreationException}.
 */
final class SqlStateExceptionResolver implements PersistenceExceptionResolver {

    private static final String INTEGRITY_CONSTRAINT_VIOLATION_CLASS = "23";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(INTEGRITY_CONSTRAINT_VIOLATION_CLASS)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
