package no.tettpa.sync.merge;

import java.util.Map;

/**
 * A record as the server holds it: its version, whether it is deleted (a tombstone keeps the last body), the
 * body, and the stamp of each field's current value.
 */
public record RecordState(String entity, long version, boolean deleted, Map<String, Object> body,
                          Map<String, Stamp> stamps, Stamp deletedBy) {
    public RecordState {
        body = Map.copyOf(body);
        stamps = Map.copyOf(stamps);
    }
}
