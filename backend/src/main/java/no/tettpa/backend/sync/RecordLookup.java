package no.tettpa.backend.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the field records' rules may read while a write is judged: other records, as they stand including the
 * writes made earlier in the same batch (a device may create an agreement and its first progress entry in one
 * push). Deleted records are not returned.
 */
public interface RecordLookup {
    /** A record by id, if it exists, is not deleted and is of the given entity and person. */
    Optional<Map<String, Object>> find(UUID recordId, String entity, UUID personId);

    /** Every current record of a person of one entity, by id. */
    Map<UUID, Map<String, Object>> ofPerson(UUID personId, String entity);

    /** Records of a person of one entity whose field equals a value (e.g. the events of one case). */
    default List<Map<String, Object>> where(UUID personId, String entity, String field, Object value) {
        return ofPerson(personId, entity).values().stream().filter(b -> value.equals(b.get(field))).toList();
    }
}
