package no.tettpa.client;

import java.util.function.Function;

/**
 * The device's durable state. Every call of {@link #write} is one transaction: all of its changes are stored,
 * or (if the work throws, or the process dies) none. The SDK never changes state outside it, which is what lets
 * an app be killed at any point. Implementations serialise transactions; {@link SqliteStore} is the JVM one, and
 * an Android app implements this on its own SQLite.
 */
public interface LocalStore extends AutoCloseable {

    /** Runs {@code work} in one write transaction and commits it; rolls back and rethrows if it throws. */
    <T> T write(Function<StoreTransaction, T> work);

    /** Runs {@code work} against a consistent snapshot; it must not change anything. */
    <T> T read(Function<StoreTransaction, T> work);

    /**
     * Makes space freed by purges unreadable on disk (e.g. checkpoints a write-ahead log). Called after purges and
     * wipes, outside any transaction.
     */
    default void scrub() {}

    @Override
    void close();
}
