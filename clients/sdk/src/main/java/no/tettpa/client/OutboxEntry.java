package no.tettpa.client;

import java.util.Map;
import java.util.UUID;

/**
 * A pending mutation: made offline, numbered and clocked when the worker made the change, and kept until the
 * server's outcome for its {@code seq} arrives.
 *
 * @param seq         the device's gap-free mutation number
 * @param op          {@code create}, {@code update} or {@code delete}
 * @param category    the record's category when the change was made
 * @param baseVersion the record version the change was made against (null for a create)
 * @param hlc         the device's hybrid-clock time of the change
 * @param fields      create: all fields; update: the changed fields; delete: null
 * @param createdAt   the device's wall-clock time of the change (ISO-8601)
 */
public record OutboxEntry(long seq, String entity, String op, UUID recordId, UUID personId, String category,
                          Long baseVersion, String hlc, Map<String, Object> fields, String createdAt) {

    public OutboxEntry withBaseVersion(Long v) {
        return new OutboxEntry(seq, entity, op, recordId, personId, category, v, hlc, fields, createdAt);
    }
}
