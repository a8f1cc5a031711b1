package no.tettpa.sync.merge;

/**
 * A value a merge did not keep, with the value it kept: becomes a conflict record. {@code open} ones need a
 * person to choose; the others are history ("your value was overwritten by …").
 *
 * @param field  the field, or null when the conflict is about the whole record (delete against edit)
 * @param kind   lww, server_wins, review, long_text, status, set, delete_edit
 */
public record ConflictDraft(String field, String kind, boolean open, Object baseValue,
                            Object keptValue, Stamp kept, Object otherValue, Stamp other) {}
