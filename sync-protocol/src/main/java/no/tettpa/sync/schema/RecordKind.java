package no.tettpa.sync.schema;

/** How a record type changes over time, which decides how concurrent writes meet. */
public enum RecordKind {
    /**
     * A fact that happened (a visit, a contact, a rating, a log entry). Created once, never edited or deleted; a
     * correction is a new entry that references the one it corrects. Never conflicts; a repeated create with
     * the same client-made id is the same entry.
     */
    APPEND_ONLY,
    /** A record whose fields change (person details, agreement drafts, case facts): merged field by field. */
    EDITABLE
}
