package no.tettpa.client;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The {@link LocalStore} on SQLite (sqlite-jdbc), in one file. Write-ahead log with {@code synchronous=FULL}, so a
 * committed transaction survives a crash or power loss; {@code secure_delete}, so purged data is overwritten and
 * not just unlinked. One connection, transactions serialised by a lock: SQLite has one writer anyway.
 */
public final class SqliteStore implements LocalStore {
    private static final int LAYOUT = 1;

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final SqliteTransaction tx;

    private SqliteStore(Connection connection) {
        this.connection = connection;
        this.tx = new SqliteTransaction(connection);
    }

    /** Opens (creating if needed) the store in {@code file}. */
    public static SqliteStore open(Path file) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (var st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                st.execute("PRAGMA secure_delete=ON");
                st.execute("PRAGMA busy_timeout=10000");
            }
            c.setAutoCommit(false);
            SqliteStore store = new SqliteStore(c);
            store.createTables();
            return store;
        } catch (SQLException e) {
            throw new StoreException("could not open the store in " + file, e);
        }
    }

    private void createTables() throws SQLException {
        try (var st = connection.createStatement()) {
            for (String ddl : SqliteSchema.DDL) st.execute(ddl);
            st.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('store_layout', '" + LAYOUT + "')");
        }
        connection.commit();
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        return inTransaction(work);
    }

    @Override
    public <T> T read(Function<StoreTransaction, T> work) {
        return inTransaction(work);
    }

    private <T> T inTransaction(Function<StoreTransaction, T> work) {
        lock.lock();
        try {
            try {
                T result = work.apply(tx);
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(e);
                throw e;
            } catch (SQLException e) {
                rollbackQuietly(e);
                throw new StoreException("commit failed", e);
            }
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly(Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void scrub() {
        lock.lock();
        try (var st = connection.createStatement()) {
            connection.commit();
            connection.setAutoCommit(true);
            // Purged pages may still sit in the write-ahead log: fold it into the database and truncate it.
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw new StoreException("could not scrub the store", e);
        } finally {
            try {
                connection.setAutoCommit(false);
            } catch (SQLException ignored) {
                // the connection is gone; the next transaction reports it
            }
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("could not close the store", e);
        } finally {
            lock.unlock();
        }
    }

    /** A failure of the local database itself. */
    public static final class StoreException extends RuntimeException {
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
