package no.tettpa.client;

import no.tettpa.sync.wire.SyncRequest;

import java.util.List;

/**
 * A request as built from the store, with what it carried, so its answer can be applied to exactly that.
 *
 * @param receiptIds     the pending receipts it reports, dropped once it is answered
 * @param afterWipe      a last request from a wiped device, carrying only its {@code wiped} receipts
 */
record SentRequest(SyncRequest request, List<Long> receiptIds, boolean afterWipe) {
    int mutationCount() {
        return request.mutationsOrEmpty().size();
    }
}
