package no.tettpa.client;

import no.tettpa.sync.clock.Hlc;
import no.tettpa.sync.clock.HlcClock;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a worker's app calls: record and change field records offline, read them back, see what needs attention,
 * and sync. Thread-safe; one instance per store.
 *
 * <p>Every change is checked on the device first ({@link LocalValidationException} when refused, nothing queued),
 * then numbered, clocked and queued in the outbox in the same transaction as the change to the record the app
 * sees. {@link #sync()} sends the outbox and applies what comes back; a mutation leaves the outbox only with its
 * outcome, and a rejected one stays in {@link #needsAttention()} until {@link #dismiss(long) dismissed}.
 *
 * <p>Data shared with the device by consent or exceptional access is purged by the device itself when the lease
 * from the last sync runs out; every read checks it first.
 */
public final class FieldClient implements AutoCloseable {
    private final LocalStore store;
    private final FieldClientConfig config;
    private final HlcClock clock;
    private final LocalEdits edits;
    private final SyncEngine engine;
    private final UUID deviceId;

    private FieldClient(LocalStore store, SyncTransport transport, TokenSupplier tokens, FieldClientConfig config) {
        this.store = store;
        this.config = config;
        this.deviceId = store.write(FieldClient::deviceIdOf);
        this.clock = new HlcClock("d-" + deviceId, config.wallClock(), Long.MAX_VALUE / 4);
        store.read(tx -> tx.meta(Meta.HLC)).ifPresent(h -> clock.restore(Hlc.parse(h)));
        this.edits = new LocalEdits(config, clock);
        this.engine = new SyncEngine(store, transport, tokens, config, clock);
    }

    /**
     * Opens a client on a store, making the device id on first use (kept for the life of the installation). The
     * client owns the store from now on and closes it in {@link #close()}.
     */
    public static FieldClient open(LocalStore store, SyncTransport transport, TokenSupplier tokens,
                                   FieldClientConfig config) {
        return new FieldClient(store, transport, tokens, config);
    }

    private static UUID deviceIdOf(StoreTransaction tx) {
        Optional<String> id = tx.meta(Meta.DEVICE_ID);
        if (id.isPresent()) return UUID.fromString(id.get());
        UUID fresh = UUID.randomUUID();
        tx.putMeta(Meta.DEVICE_ID, fresh.toString());
        return fresh;
    }

    public UUID deviceId() {
        return deviceId;
    }

    private long wallMillis() {
        return config.wallClock().getAsLong();
    }

    // ---- offline changes -------------------------------------------------------------------------------------

    /** Records a visit or contact (a failed attempt too) about a person; returns the new visit's id. */
    public UUID recordVisit(UUID personId, Map<String, ?> visit) {
        return create("visit", personId, visit);
    }

    /** Changes an agreement: draft fields, goals (sent whole), signatures and status; returns false if nothing changed. */
    public boolean changeAgreement(UUID agreementId, Map<String, ?> changes) {
        return update("agreement", agreementId, changes);
    }

    /** Records a contact in an arrears case ({@code arrears_event} of type {@code contact}); returns its id. */
    public UUID recordArrearsContact(UUID personId, UUID caseId, Map<String, ?> contact) {
        Map<String, Object> fields = new LinkedHashMap<>(contact);
        fields.put("caseId", caseId.toString());
        fields.put("type", "contact");
        return create("arrears_event", personId, fields);
    }

    /** Records a BrukerPlan rating; returns its id. */
    public UUID recordRating(UUID personId, Map<String, ?> rating) {
        return create("rating", personId, rating);
    }

    /** Creates a record with a new time-ordered id; returns the id. */
    public UUID create(String entity, UUID personId, Map<String, ?> fields) {
        return create(entity, Uuid7.at(wallMillis()), personId, fields);
    }

    /** Creates a record with the given id. */
    public UUID create(String entity, UUID recordId, UUID personId, Map<String, ?> fields) {
        return store.write(tx -> edits.create(tx, entity, recordId, personId, fields));
    }

    /**
     * Changes the given fields of a record (null clears a field; a set-valued field is given whole).
     *
     * @return false when every value equals what the device holds, so nothing was queued
     */
    public boolean update(String entity, UUID recordId, Map<String, ?> changes) {
        return store.write(tx -> edits.update(tx, entity, recordId, changes));
    }

    public void delete(String entity, UUID recordId) {
        store.write(tx -> {
            edits.delete(tx, entity, recordId);
            return null;
        });
    }

    /**
     * Resolves an open conflict: {@code kept} keeps the current value, {@code other} takes the other value,
     * {@code value} writes {@code value} (checked by the server against the field it is for).
     */
    public void resolveConflict(UUID conflictId, String choice, Object value, String comment) {
        Map<String, Object> resolution = new LinkedHashMap<>();
        resolution.put("choice", choice);
        if ("value".equals(choice)) resolution.put("value", value);
        if (comment != null) resolution.put("comment", comment);
        update("conflict", conflictId, Map.of("resolution", resolution));
    }

    // ---- reads -----------------------------------------------------------------------------------------------

    private <T> T readChecked(Function<StoreTransaction, T> work) {
        boolean purged = store.write(tx -> !"revoked".equals(tx.meta(Meta.STATE).orElse("active"))
                && Purges.enforceLease(tx, Instant.ofEpochMilli(wallMillis())));
        if (purged) store.scrub();
        return store.read(work);
    }

    /** The record as the app shows it (server copy with pending changes on top), if the device holds it. */
    public Optional<LocalRecord> record(UUID id) {
        return readChecked(tx -> tx.record(id).filter(r -> !r.deleted()));
    }

    /** Records not deleted, optionally of one entity and/or one person (null: any). */
    public List<LocalRecord> records(String entity, UUID personId) {
        return readChecked(tx -> tx.records(entity, personId).stream().filter(r -> !r.deleted()).toList());
    }

    /** The conflict inbox: conflict records received, open ones first. */
    public List<LocalRecord> conflicts() {
        return records("conflict", null).stream()
                .sorted(Comparator.comparing((LocalRecord r) -> !"open".equals(r.fields().get("status")))
                        .thenComparing(r -> String.valueOf(r.fields().get("keptHlc"))))
                .toList();
    }

    /** Pending mutations, oldest first. */
    public List<OutboxEntry> outbox() {
        return store.read(tx -> tx.outbox(Integer.MAX_VALUE));
    }

    /** Rejected mutations and other problems the worker must see, oldest first. */
    public List<AttentionItem> needsAttention() {
        return readChecked(StoreTransaction::attention);
    }

    /** The worker has seen (and redone, if needed) this item. */
    public void dismiss(long attentionId) {
        store.write(tx -> {
            tx.removeAttention(attentionId);
            return null;
        });
    }

    public List<PersonScope> scopes() {
        return readChecked(StoreTransaction::scopes);
    }

    public List<PendingReceipt> pendingReceipts() {
        return store.read(StoreTransaction::receipts);
    }

    public Optional<String> checkpoint() {
        return store.read(tx -> tx.meta(Meta.CHECKPOINT));
    }

    public ClientStatus status() {
        return store.read(tx -> new ClientStatus(tx.meta(Meta.STATE).orElse("active"), tx.outboxSize(),
                tx.attention().size(), tx.meta(Meta.PUSH_BLOCKED).isPresent(), tx.meta(Meta.LEASE_UNTIL).orElse(null),
                tx.meta(Meta.CLOCK_NOTICE).orElse(null), tx.meta(Meta.LAST_SYNC_AT).orElse(null)));
    }

    // ---- sync ------------------------------------------------------------------------------------------------

    /**
     * Syncs now: round trips until the outbox is empty and the server has nothing more, or until the server stops
     * taking the outbox. Throws {@link SyncException} when a round trip fails; everything not answered stays put.
     */
    public SyncResult sync() {
        return engine.sync();
    }

    /**
     * {@link #sync()}, retried after retryable failures with exponential backoff and jitter (honouring the
     * server's {@code Retry-After}), at most {@code attempts} times in all.
     */
    public SyncResult syncWithRetries(int attempts) {
        for (int attempt = 0; ; attempt++) {
            try {
                return sync();
            } catch (SyncException e) {
                if (!e.retryable() || attempt + 1 >= attempts) throw e;
                Duration delay = config.backoff().delay(attempt, e.retryAfter());
                try {
                    config.sleeper().sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
