package no.tettpa.client;

import no.tettpa.sync.wire.PullPage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Removing a person's data from the device: when the server evicts it, when the partner-data lease runs out, and
 * when the device is told to wipe. Each leaves a purge receipt to report on the next sync.
 *
 * <p>Pending mutations about a purged person stay in the outbox until they are pushed (the next request carries
 * them): they are the worker's unsent writes, which the server stores and flags rather than drops (PROTOCOL.md
 * § 7.3). They are not shown, and their outcome leaves only a contentless stub.
 */
final class Purges {
    private Purges() {}

    /** Deletes the person's records in these categories and the content of attention items about them. */
    static int purge(StoreTransaction tx, UUID personId, Collection<String> categories) {
        int purged = 0;
        for (LocalRecord r : tx.records(null, personId)) {
            if (!categories.contains(r.category())) continue;
            if (!r.deleted() || (r.serverFields() != null && !r.serverDeleted())) purged++;
            tx.deleteRecord(r.id());
        }
        for (AttentionItem a : tx.attention()) {
            if (personId.equals(a.personId()) && !a.contentPurged()
                    && (a.category() == null || categories.contains(a.category()))) {
                tx.putAttention(a.purged());
            }
        }
        tx.scope(personId).ifPresent(s -> {
            List<String> left = new ArrayList<>(s.categories());
            left.removeAll(categories);
            if (left.isEmpty()) tx.removeScope(personId);
            else tx.putScope(new PersonScope(personId, left, s.basis(), s.until()));
        });
        return purged;
    }

    static void evict(StoreTransaction tx, PullPage.Eviction e, Instant now) {
        List<String> categories = e.categories() == null ? List.of() : e.categories();
        int purged = purge(tx, e.personId(), categories);
        tx.addReceipt(new PendingReceipt(0, e.evictionId(), e.personId(), categories, "evicted", now.toString(), purged));
    }

    /**
     * The lease is over when the device's clock passes either the server's {@code partnerDataUntil} or the lease's
     * length counted from when the device received it; whichever comes first, so a wrong device clock can only
     * shorten it.
     */
    static boolean leaseExpired(StoreTransaction tx, Instant now) {
        var until = tx.meta(Meta.LEASE_UNTIL).map(Instant::parse);
        if (until.isEmpty()) return false;
        Instant end = until.get();
        var received = tx.meta(Meta.LEASE_RECEIVED_AT).map(Instant::parse);
        var seconds = tx.meta(Meta.LEASE_SECONDS).map(Long::parseLong);
        if (received.isPresent() && seconds.isPresent()) {
            Instant local = received.get().plusSeconds(seconds.get());
            if (local.isBefore(end)) end = local;
        }
        return now.isAfter(end);
    }

    /** Past the lease, purges everything held on consent or exceptional access; the next pull starts afresh. */
    static boolean enforceLease(StoreTransaction tx, Instant now) {
        if (!leaseExpired(tx, now)) return false;
        List<PersonScope> partner = tx.scopes().stream().filter(PersonScope::partnerData).toList();
        if (partner.isEmpty()) return false;
        for (PersonScope s : partner) {
            int purged = purge(tx, s.personId(), s.categories());
            tx.addReceipt(new PendingReceipt(0, null, s.personId(), s.categories(), "lease_expired", now.toString(), purged));
        }
        tx.putMeta(Meta.CHECKPOINT, null);
        return true;
    }

    /**
     * Deletes everything: records, outbox, attention list, scopes, checkpoint, lease. What remains is the device id,
     * the revoked state and one {@code wiped} receipt per person the device held, to report in a last request.
     */
    static void wipe(StoreTransaction tx, Instant now) {
        String deviceId = tx.meta(Meta.DEVICE_ID).orElse(null);
        Map<UUID, List<String>> held = new LinkedHashMap<>();
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        for (PersonScope s : tx.scopes()) held.put(s.personId(), s.categories());
        for (LocalRecord r : tx.records(null, null)) {
            held.computeIfAbsent(r.personId(), p -> new ArrayList<>());
            if (!held.get(r.personId()).contains(r.category())) {
                List<String> categories = new ArrayList<>(held.get(r.personId()));
                categories.add(r.category());
                held.put(r.personId(), categories);
            }
            if (!r.deleted()) counts.merge(r.personId(), 1, Integer::sum);
        }
        tx.wipeAll();
        tx.putMeta(Meta.DEVICE_ID, deviceId);
        tx.putMeta(Meta.STATE, "revoked");
        held.forEach((person, categories) -> tx.addReceipt(new PendingReceipt(0, null, person, categories, "wiped",
                now.toString(), counts.getOrDefault(person, 0))));
    }
}
