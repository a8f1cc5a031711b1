package no.tettpa.client;

import java.util.List;
import java.util.UUID;

/**
 * A purge the device carried out and has not yet reported: sent with the next request and dropped once the
 * server answered it.
 *
 * @param evictionId the eviction honoured, or null for a purge the device did by itself
 * @param reason     {@code evicted}, {@code lease_expired} or {@code wiped}
 */
public record PendingReceipt(long id, UUID evictionId, UUID personId, List<String> categories, String reason,
                             String purgedAt, int recordsPurged) {
    public PendingReceipt {
        categories = List.copyOf(categories);
    }
}
