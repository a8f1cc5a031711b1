package no.tettpa.sync.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * The device's statement that it deleted a person's data in some categories.
 *
 * @param evictionId    the eviction honoured, or null when the device purged on its own (lease expired, wipe)
 * @param reason        {@code evicted}, {@code lease_expired} or {@code wiped}
 * @param purgedAt      the device's wall-clock time of the purge (ISO-8601), as it believed it to be
 * @param recordsPurged how many records it deleted
 */
@Serdeable
public record PurgeReceipt(@Nullable UUID evictionId, UUID personId, List<String> categories, String reason,
                           String purgedAt, int recordsPurged) {}
