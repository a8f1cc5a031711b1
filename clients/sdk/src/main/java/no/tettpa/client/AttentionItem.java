package no.tettpa.client;

import java.util.Map;
import java.util.UUID;

/**
 * Something the worker must see: a mutation the server rejected (with the reason), or a problem that stops
 * pushing. Never removed except by {@link FieldClient#dismiss(long)}. When the person it is about is no longer
 * shared with the device, its content is removed and a stub remains ({@code contentPurged}).
 *
 * @param kind    {@code rejected} (the server refused the mutation {@code seq}) or {@code gap} (the server expects
 *                mutations the device no longer has)
 * @param code    the stable rejection code ({@code validation}, {@code out_of_scope}, …)
 * @param field   the offending field, when there is one
 * @param fields  what the mutation carried, or null when purged
 * @param at      the device's wall-clock time it was added (ISO-8601)
 */
public record AttentionItem(long id, String kind, Long seq, String entity, String op, UUID recordId, UUID personId,
                            String category, Map<String, Object> fields, String code, String field, String message,
                            boolean contentPurged, String at) {

    /** The same item without its content: what remains after a purge. */
    public AttentionItem purged() {
        return new AttentionItem(id, kind, seq, entity, op, recordId, personId, category, null, code, field, message,
                true, at);
    }
}
