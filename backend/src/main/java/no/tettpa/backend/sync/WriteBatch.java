package no.tettpa.backend.sync;

import no.tettpa.backend.auth.Caller;
import no.tettpa.sync.merge.Stamp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The writes of one transaction, gathered while mutations are judged one after another, and the records as they
 * stand after each (so a later mutation in the batch sees an earlier one's effect). Flushed once at the end.
 */
final class WriteBatch {
    final UUID municipality;
    final Caller caller;
    final UUID deviceId;
    final Map<UUID, RecordStore.StoredRecord> state;
    final List<RecordStore.NewVersion> versions = new ArrayList<>();
    final List<ConflictRecords.Pending> conflicts = new ArrayList<>();
    final List<UUID> closedConflicts = new ArrayList<>();
    /** Every version of a record this batch has seen (as loaded, or written by an earlier mutation of the batch). */
    private final Map<UUID, Map<Long, RecordStore.StoredRecord>> seen = new HashMap<>();

    WriteBatch(UUID municipality, Caller caller, UUID deviceId, Map<UUID, RecordStore.StoredRecord> state) {
        this.municipality = municipality;
        this.caller = caller;
        this.deviceId = deviceId;
        this.state = new HashMap<>(state);
        state.values().forEach(this::remember);
    }

    /**
     * The record at a version, if this batch has it: a device that changes a record twice in one push bases both
     * changes on the version it last received, which is the one loaded before the batch, not the one its first change
     * just wrote.
     */
    RecordStore.StoredRecord version(UUID recordId, Long version) {
        if (version == null) return null;
        return seen.getOrDefault(recordId, Map.of()).get(version);
    }

    private void remember(RecordStore.StoredRecord r) {
        seen.computeIfAbsent(r.recordId(), k -> new HashMap<>()).put(r.version(), r);
    }

    /** Records a new version and makes it the current state for the rest of the batch. */
    RecordStore.StoredRecord write(UUID recordId, UUID personId, String entity, int category, long version,
                                   boolean deleted, Map<String, Object> body, Map<String, Stamp> stamps, Stamp deletedBy,
                                   Long mutationSeq) {
        versions.add(new RecordStore.NewVersion(recordId, version, personId, entity, category, deleted, body, stamps,
                deletedBy, caller.staffId(), deviceId, mutationSeq));
        RecordStore.StoredRecord now = new RecordStore.StoredRecord(recordId, version, personId, entity, category,
                deleted, body, stamps, deletedBy);
        state.put(recordId, now);
        remember(now);
        return now;
    }
}
