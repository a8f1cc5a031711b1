package no.tettpa.client;

import no.tettpa.sync.clock.Hlc;
import no.tettpa.sync.clock.HlcClock;
import no.tettpa.sync.wire.MutationOutcome;
import no.tettpa.sync.wire.SyncResponse;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a 2xx answer to the store in the caller's one transaction (PROTOCOL.md § 10 step 3): merge the server's
 * clock, store the lease, apply each outcome, note a gap, drop the receipts it carried, apply the page, and wipe
 * when told to.
 */
final class ResponseApplier {
    private ResponseApplier() {}

    /** What one answer did. */
    record Applied(Map<String, Integer> outcomes, int changes, int evictions, boolean more, boolean wiped,
                   Long gapExpectedSeq) {}

    static Applied apply(StoreTransaction tx, SentRequest sent, SyncResponse response, HlcClock clock, Instant now) {
        mergeClock(tx, response.serverHlc(), clock);
        if (response.lease() != null && response.lease().partnerDataUntil() != null) {
            tx.putMeta(Meta.LEASE_UNTIL, Instant.parse(response.lease().partnerDataUntil()).toString());
            tx.putMeta(Meta.LEASE_SECONDS, String.valueOf(response.lease().seconds()));
            tx.putMeta(Meta.LEASE_RECEIVED_AT, now.toString());
        }
        tx.putMeta(Meta.CLOCK_NOTICE, response.clock() == null ? null : Json.write(response.clock()));
        sent.receiptIds().forEach(tx::removeReceipt);
        if (response.device() != null && response.device().wipe()) {
            Purges.wipe(tx, now);
            return new Applied(Map.of(), 0, 0, false, true, null);
        }
        Map<String, Integer> counts = new TreeMap<>();
        if (response.outcomes() != null) {
            for (MutationOutcome o : response.outcomes()) {
                String status = Outcomes.apply(tx, o, now);
                if (status != null) counts.merge(status, 1, Integer::sum);
            }
        }
        Long gap = response.gap() == null ? null : response.gap().expectedSeq();
        if (gap != null && tx.outboxEntry(gap).isEmpty()) {
            blockPush(tx, gap, now);
        }
        Pages.Applied page = response.pull() == null ? new Pages.Applied(0, 0) : Pages.apply(tx, response.pull(), now);
        tx.putMeta(Meta.LAST_SYNC_AT, now.toString());
        boolean more = response.pull() != null && response.pull().more();
        return new Applied(counts, page.changes(), page.evictions(), more, false, gap);
    }

    private static void mergeClock(StoreTransaction tx, String serverHlc, HlcClock clock) {
        if (serverHlc == null) return;
        try {
            tx.putMeta(Meta.HLC, clock.receive(Hlc.parse(serverHlc)).local().toString());
        } catch (IllegalArgumentException e) {
            // an unreadable server clock is ignored: the device's own clock still only moves forward
        }
    }

    /**
     * The server expects a seq this device no longer has: it lost mutations it had acknowledged (a restore from
     * backup), or this store was restored from an older copy. The server never skips a gap, so pushing stops and
     * the worker is told; pulling goes on.
     */
    private static void blockPush(StoreTransaction tx, long expected, Instant now) {
        if (tx.meta(Meta.PUSH_BLOCKED).isPresent()) return;
        tx.putMeta(Meta.PUSH_BLOCKED, String.valueOf(expected));
        tx.addAttention(new AttentionItem(0, "gap", expected, null, null, null, null, null, null, "gap", null,
                "The server expects change number " + expected + ", which this device no longer has. Sending is "
                        + "paused so nothing is applied out of order; contact support.", false, now.toString()));
    }
}
