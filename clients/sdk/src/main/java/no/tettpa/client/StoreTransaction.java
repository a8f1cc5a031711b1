package no.tettpa.client;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the SDK reads and writes inside one {@link LocalStore} transaction. Lists come back in a stable order:
 * the outbox by {@code seq}, the attention list and receipts by id, records by id.
 */
public interface StoreTransaction {

    Optional<String> meta(String key);

    /** Sets a value; null removes the key. */
    void putMeta(String key, String value);

    Optional<LocalRecord> record(UUID id);

    /** Inserts or replaces the record with this id. */
    void putRecord(LocalRecord record);

    void deleteRecord(UUID id);

    /** Records, optionally of one entity and/or one person (null: any). Includes deleted ones. */
    List<LocalRecord> records(String entity, UUID personId);

    void appendOutbox(OutboxEntry entry);

    /** Replaces the entry with the same seq. */
    void putOutbox(OutboxEntry entry);

    Optional<OutboxEntry> outboxEntry(long seq);

    /** The oldest {@code limit} entries. */
    List<OutboxEntry> outbox(int limit);

    List<OutboxEntry> outboxForRecord(UUID recordId);

    void removeOutbox(long seq);

    int outboxSize();

    /** Adds an item and returns its id. */
    long addAttention(AttentionItem item);

    /** Replaces the item with the same id. */
    void putAttention(AttentionItem item);

    List<AttentionItem> attention();

    void removeAttention(long id);

    Optional<PersonScope> scope(UUID personId);

    void putScope(PersonScope scope);

    void removeScope(UUID personId);

    List<PersonScope> scopes();

    /** Adds a receipt; one with the same (non-null) eviction id already pending is kept instead. */
    void addReceipt(PendingReceipt receipt);

    List<PendingReceipt> receipts();

    void removeReceipt(long id);

    /** Deletes every record, outbox entry, attention item, scope, receipt and meta value. */
    void wipeAll();
}
