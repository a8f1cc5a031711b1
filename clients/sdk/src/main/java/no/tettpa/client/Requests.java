package no.tettpa.client;

import no.tettpa.sync.ProtocolVersion;
import no.tettpa.sync.clock.HlcClock;
import no.tettpa.sync.wire.Mutation;
import no.tettpa.sync.wire.Pull;
import no.tettpa.sync.wire.PurgeReceipt;
import no.tettpa.sync.wire.SyncRequest;

import java.util.List;
import java.util.UUID;

/** Builds the next request from the store (PROTOCOL.md § 10 step 2): the outbox oldest first, the checkpoint, receipts. */
final class Requests {
    private Requests() {}

    static SentRequest build(StoreTransaction tx, FieldClientConfig config, HlcClock clock, int maxBatch) {
        UUID deviceId = UUID.fromString(tx.meta(Meta.DEVICE_ID).orElseThrow());
        List<PendingReceipt> pending = tx.receipts();
        List<PurgeReceipt> receipts = pending.stream().map(r -> new PurgeReceipt(r.evictionId(), r.personId(),
                r.categories(), r.reason(), r.purgedAt(), r.recordsPurged())).toList();
        List<Long> receiptIds = pending.stream().map(PendingReceipt::id).toList();
        String clientHlc = clock.now().toString();
        tx.putMeta(Meta.HLC, clientHlc);
        if ("revoked".equals(tx.meta(Meta.STATE).orElse("active"))) {
            return new SentRequest(new SyncRequest(ProtocolVersion.PROTOCOL, config.schemaVersion(), deviceId, clientHlc,
                    config.appVersion(), null, null, receipts), receiptIds, true);
        }
        boolean pushBlocked = tx.meta(Meta.PUSH_BLOCKED).isPresent();
        List<Mutation> mutations = pushBlocked ? List.of() : tx.outbox(maxBatch).stream().map(Requests::wire).toList();
        Pull pull = new Pull(tx.meta(Meta.CHECKPOINT).orElse(null), config.pullLimit());
        return new SentRequest(new SyncRequest(ProtocolVersion.PROTOCOL, config.schemaVersion(), deviceId, clientHlc,
                config.appVersion(), mutations.isEmpty() ? null : mutations, pull, receipts.isEmpty() ? null : receipts),
                receiptIds, false);
    }

    static Mutation wire(OutboxEntry e) {
        return new Mutation(e.seq(), e.entity(), e.op(), e.recordId(), e.personId(), e.baseVersion(), e.hlc(), e.fields());
    }
}
