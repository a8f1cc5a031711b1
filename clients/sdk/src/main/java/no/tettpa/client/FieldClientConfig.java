package no.tettpa.client;

import no.tettpa.sync.ProtocolVersion;
import no.tettpa.sync.schema.Validation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How a {@link FieldClient} behaves. Start from {@link #defaults(String)} and change what differs.
 *
 * @param schemaVersion    the record schema this app was built against
 * @param appVersion       free text sent for support, e.g. "android 1.4.2"
 * @param maxBatch         at most this many mutations per request (the protocol allows 1000)
 * @param pullLimit        at most this many changes per page, or null for the server's default
 * @param wallClock        the device's wall clock in epoch milliseconds (the hybrid clock and the lease use it)
 * @param formats          named format checks for local validation (e.g. {@code national-id}, {@code email})
 * @param backoff          delays between retries in {@link FieldClient#syncWithRetries(int)}
 * @param sleeper          how to wait between retries
 * @param maxRoundsPerSync at most this many round trips in one {@link FieldClient#sync()}
 */
public record FieldClientConfig(int schemaVersion, String appVersion, int maxBatch, Integer pullLimit,
                                LongSupplier wallClock, Map<String, Validation.FormatCheck> formats, Backoff backoff,
                                Sleeper sleeper, int maxRoundsPerSync) {

    /** Waits between retries; tests replace it to run without sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** The same format checks the server applies by default. */
    public static final Map<String, Validation.FormatCheck> DEFAULT_FORMATS = Map.of(
            "national-id", v -> v.matches("\\d{11}") ? Optional.empty() : Optional.of("must be 11 digits"),
            "email", v -> v.contains("@") ? Optional.empty() : Optional.of("must be an e-mail address"));

    public static FieldClientConfig defaults(String appVersion) {
        return new FieldClientConfig(ProtocolVersion.SCHEMA_CURRENT, appVersion, 500, null, System::currentTimeMillis,
                DEFAULT_FORMATS, Backoff.standard(), d -> Thread.sleep(d.toMillis()), 200);
    }

    public FieldClientConfig withWallClock(LongSupplier clock) {
        return new FieldClientConfig(schemaVersion, appVersion, maxBatch, pullLimit, clock, formats, backoff, sleeper,
                maxRoundsPerSync);
    }

    public FieldClientConfig withBatching(int mutationsPerRequest, Integer changesPerPage) {
        return new FieldClientConfig(schemaVersion, appVersion, mutationsPerRequest, changesPerPage, wallClock, formats,
                backoff, sleeper, maxRoundsPerSync);
    }

    public FieldClientConfig withRetry(Backoff b, Sleeper s) {
        return new FieldClientConfig(schemaVersion, appVersion, maxBatch, pullLimit, wallClock, formats, b, s,
                maxRoundsPerSync);
    }

    public FieldClientConfig withSchemaVersion(int v) {
        return new FieldClientConfig(v, appVersion, maxBatch, pullLimit, wallClock, formats, backoff, sleeper,
                maxRoundsPerSync);
    }
}
