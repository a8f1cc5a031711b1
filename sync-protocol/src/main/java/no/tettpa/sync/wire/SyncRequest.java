package no.tettpa.sync.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * One sync round trip from a device: its pending mutations (push), where it stands (pull), and the purges it has
 * carried out since the last sync. Any of the three may be absent: push-only, pull-only and receipt-only
 * requests are all valid.
 *
 * @param protocolVersion must be {@link no.tettpa.sync.ProtocolVersion#PROTOCOL}
 * @param schemaVersion   the record schema the device's app was built against
 * @param deviceId        the device's id, made by the device at installation; registered to the signed-in worker
 * @param clientHlc       the device's clock now (an {@link no.tettpa.sync.clock.Hlc} string); used to detect skew
 * @param appVersion      free text for support, e.g. "android 1.4.2"
 * @param mutations       pending mutations in ascending {@code seq} order, at most 1000
 * @param pull            present to ask for changes
 * @param purgeReceipts   purges done since the last successful sync (evictions honoured, leases expired)
 */
@Serdeable
public record SyncRequest(int protocolVersion, int schemaVersion, UUID deviceId, @Nullable String clientHlc,
                          @Nullable String appVersion, @Nullable List<Mutation> mutations, @Nullable Pull pull,
                          @Nullable List<PurgeReceipt> purgeReceipts) {

    public List<Mutation> mutationsOrEmpty() {
        return mutations == null ? List.of() : mutations;
    }

    public List<PurgeReceipt> purgeReceiptsOrEmpty() {
        return purgeReceipts == null ? List.of() : purgeReceipts;
    }
}
