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

    WriteBatch(UUID municipality, Caller caller, UUID deviceId, Map<UUID, RecordStore.StoredRecord> state) {
        this.municipality = municipality;
        this.caller = caller;
        this.deviceId = deviceId;
        this.state = new HashMap<>(state);
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
        return now;
    }
}
