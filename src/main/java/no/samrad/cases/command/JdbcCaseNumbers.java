package no.samrad.cases.command;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import no.samrad.cases.api.CaseNumber;

/**
 * Case numbers from the table {@code case_number}, one row per year. Taking a number updates the
 * year's row, which locks it until the surrounding transaction ends: concurrent reports of the
 * same year, on this instance or another on the same database, wait for each other, and a
 * rollback returns the number.
 */
@ApplicationScoped
class JdbcCaseNumbers implements CaseNumbers {

    private final DataSource dataSource;
    private final TransactionManager transactions;
    private final Set<Integer> knownYears = ConcurrentHashMap.newKeySet();

    JdbcCaseNumbers(DataSource dataSource, TransactionManager transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    @Override
    public CaseNumber next(int year) {
        requireTransaction();
        if (!knownYears.contains(year)) {
            createYear(year);
            knownYears.add(year);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement take = connection.prepareStatement(
                     "UPDATE case_number SET last_number = last_number + 1 WHERE number_year = ?");
             PreparedStatement read = connection.prepareStatement(
                     "SELECT last_number FROM case_number WHERE number_year = ?")) {
            take.setInt(1, year);
            take.executeUpdate();
            read.setInt(1, year);
            try (ResultSet result = read.executeQuery()) {
                result.next();
                return new CaseNumber(year, result.getInt(1));
            }
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("Could not take a case number for " + year, e);
        }
    }

    /**
     * Creates the year's row in a transaction of its own, so that the report's transaction never
     * meets a duplicate key: should another instance create the row at the same moment, this one
     * fails, rolls back, and finds the row there.
     */
    private void createYear(int year) {
        try {
            QuarkusTransaction.requiringNew().run(() -> insertYearIfAbsent(year));
        } catch (RuntimeException e) {
            if (!duplicateKey(e)) {
                throw e;
            }
        }
    }

    private void insertYearIfAbsent(int year) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement exists = connection.prepareStatement(
                     "SELECT 1 FROM case_number WHERE number_year = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO case_number (number_year, last_number) VALUES (?, 0)")) {
            exists.setInt(1, year);
            try (ResultSet result = exists.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
            insert.setInt(1, year);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("Could not open the case numbers of " + year, e);
        }
    }

    private static boolean duplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private void requireTransaction() {
        try {
            if (transactions.getStatus() != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("A case number is taken inside the transaction that records the case");
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
