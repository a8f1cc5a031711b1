package no.tettpa.client;

import no.tettpa.sync.ProtocolVersion;
import no.tettpa.sync.clock.HlcClock;
import no.tettpa.sync.wire.Mutation;
import no.tettpa.sync.wire.Pull;
import no.tettpa.sync.wire.PurgeReceipt;
import no.tettpa.sync.wire.SyncRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        List<Mutation> mutations = pushBlocked ? List.of() : batch(tx.outbox(maxBatch));
        Pull pull = new Pull(tx.meta(Meta.CHECKPOINT).orElse(null), config.pullLimit());
        return new SentRequest(new SyncRequest(ProtocolVersion.PROTOCOL, config.schemaVersion(), deviceId, clientHlc,
                config.appVersion(), mutations.isEmpty() ? null : mutations, pull, receipts.isEmpty() ? null : receipts),
                receiptIds, false);
    }

    /**
     * The oldest entries, ending before the first that changes a record a second time in this request (a create
     * and one change after it may travel together). The server looks up a mutation's base only among versions
     * stored before the request, so a second change of a record judged in the same request would be merged against
     * an unknown base and could turn into a conflict with the device's own first change.
     */
    static List<Mutation> batch(List<OutboxEntry> oldest) {
        Map<UUID, String> seen = new HashMap<>();
        List<Mutation> out = new ArrayList<>();
        for (OutboxEntry e : oldest) {
            String before = seen.get(e.recordId());
            if (before != null && !("create".equals(before) && !"create".equals(e.op()))) break;
            seen.put(e.recordId(), before == null ? e.op() : "more");
            out.add(wire(e));
        }
        return out;
    }

    static Mutation wire(OutboxEntry e) {
        return new Mutation(e.seq(), e.entity(), e.op(), e.recordId(), e.personId(), e.baseVersion(), e.hlc(), e.fields());
    }
}
