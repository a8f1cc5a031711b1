package no.tettpa.backend.sync;

import no.tettpa.backend.platform.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A {@link RecordLookup} over the database and the writes of the batch being judged (which win). */
final class BatchLookup implements RecordLookup {
    private final Connection c;
    private final RecordStore store;
    private final WriteBatch batch;

    BatchLookup(Connection c, RecordStore store, WriteBatch batch) {
        this.c = c;
        this.store = store;
        this.batch = batch;
    }

    @Override
    public Optional<Map<String, Object>> find(UUID recordId, String entity, UUID personId) {
        RecordStore.StoredRecord r = batch.state.get(recordId);
        if (r == null) {
            try {
                r = store.current(c, batch.municipality, List.of(recordId)).get(recordId);
            } catch (SQLException e) {
                throw new Jdbc.DatabaseUnavailable(e);
            }
            if (r != null) batch.state.put(recordId, r);
        }
        if (r == null || r.deleted() || !r.entity().equals(entity) || !r.personId().equals(personId)) {
            return Optional.empty();
        }
        return Optional.of(r.body());
    }

    @Override
    public Map<UUID, Map<String, Object>> ofPerson(UUID personId, String entity) {
        Map<UUID, Map<String, Object>> out = new LinkedHashMap<>();
        try {
            for (RecordStore.StoredRecord r : store.ofPerson(c, batch.municipality, personId, entity)) {
                if (!batch.state.containsKey(r.recordId()) && !r.deleted()) out.put(r.recordId(), r.body());
            }
        } catch (SQLException e) {
            throw new Jdbc.DatabaseUnavailable(e);
        }
        for (RecordStore.StoredRecord r : batch.state.values()) {
            if (r.personId().equals(personId) && r.entity().equals(entity) && !r.deleted()) out.put(r.recordId(), r.body());
        }
        return out;
    }
}
