package no.tettpa.backend.platform;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs plain JDBC work in a transaction. Reads run REPEATABLE READ and read-only, so everything one request reads
 * comes from one snapshot. A database failure surfaces as {@link DatabaseUnavailable} (answered 503: retry).
 */
@Singleton
public class Jdbc {
    private final TransactionOperations<Connection> tx;

    public Jdbc(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public <T> T write(Work<T> work) {
        return tx.executeWrite(status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new DatabaseUnavailable(e);
            }
        });
    }

    public <T> T read(Work<T> work) {
        return tx.executeRead(status -> {
            try {
                Connection c = status.getConnection();
                try (var st = c.createStatement()) {
                    st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                }
                return work.run(c);
            } catch (SQLException e) {
                throw new DatabaseUnavailable(e);
            }
        });
    }

    /**
     * A read that also logs what it read: one REPEATABLE READ snapshot (so everything read is consistent), in which
     * the access-log events may be inserted. A read that logs nothing commits without a WAL flush.
     */
    public <T> T snapshot(Work<T> work) {
        return tx.executeWrite(status -> {
            try {
                Connection c = status.getConnection();
                try (var st = c.createStatement()) {
                    st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                }
                return work.run(c);
            } catch (SQLException e) {
                throw new DatabaseUnavailable(e);
            }
        });
    }

    /** The database failed under a request; nothing half-written stays, the client retries. */
    public static class DatabaseUnavailable extends RuntimeException {
        public DatabaseUnavailable(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
