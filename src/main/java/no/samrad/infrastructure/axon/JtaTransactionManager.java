package no.samrad.infrastructure.axon;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Lets Axon's units of work run inside Quarkus' JTA transactions (Narayana), so that an event
 * append, a token update and a projection's Panache writes commit or roll back together on one
 * Agroal connection.
 *
 * <p>A unit of work that starts while the thread has a JTA transaction joins it and leaves the
 * outcome to its owner (a rollback only marks it rollback-only); otherwise it begins and ends
 * its own. It joins a transaction already marked rollback-only too: Axon reads the snapshot and
 * then the events in two nested units, and when the first fails (the database is gone), the
 * second must fail inside the same transaction rather than try to begin another on the thread.
 */
final class JtaTransactionManager implements TransactionManager {

    /** Set on a thread while it runs a discarded transaction (see {@link #startDiscarded}). */
    private static final ThreadLocal<Boolean> DISCARDING = ThreadLocal.withInitial(() -> false);

    private final jakarta.transaction.TransactionManager jta;

    public JtaTransactionManager(jakarta.transaction.TransactionManager jta) {
        this.jta = jta;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                return new JoinedTransaction();
            }
            jta.begin();
            return new OwnTransaction();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start a JTA transaction", e);
        }
    }

    /**
     * Begins a transaction whose work is always discarded: its commit rolls back. A unit of work
     * that joins it and fails leaves it usable, as its owner discards everything anyway; so a dry
     * run judges every one of many commands against the work of those before, and changes nothing.
     */
    public Transaction startDiscarded() {
        try {
            jta.begin();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start a JTA transaction", e);
        }
        DISCARDING.set(true);
        return new DiscardedTransaction();
    }

    private final class DiscardedTransaction implements Transaction {
        @Override
        public void commit() {
            rollback();
        }

        @Override
        public void rollback() {
            DISCARDING.remove();
            try {
                if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    jta.rollback();
                }
            } catch (SystemException e) {
                throw new IllegalStateException("Could not roll back the JTA transaction", e);
            }
        }
    }

    private final class OwnTransaction implements Transaction {
        @Override
        public void commit() {
            try {
                if (jta.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                    jta.rollback();
                    throw new IllegalStateException("Transaction was marked for rollback");
                }
                jta.commit();
            } catch (IllegalStateException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Could not commit the JTA transaction", e);
            }
        }

        @Override
        public void rollback() {
            try {
                if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    jta.rollback();
                }
            } catch (SystemException e) {
                throw new IllegalStateException("Could not roll back the JTA transaction", e);
            }
        }
    }

    private final class JoinedTransaction implements Transaction {
        @Override
        public void commit() {
            // The owner of the surrounding transaction commits it.
        }

        @Override
        public void rollback() {
            if (DISCARDING.get()) {
                return;
            }
            try {
                jta.setRollbackOnly();
            } catch (SystemException e) {
                throw new IllegalStateException("Could not mark the JTA transaction rollback-only", e);
            }
        }
    }
}
