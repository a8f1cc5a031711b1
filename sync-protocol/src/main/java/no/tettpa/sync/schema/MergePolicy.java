package no.tettpa.sync.schema;

/**
 * What happens to a field of an editable record when a device's change meets the server's current state.
 * A field changed on one side only (the server's value still equals the device's base) always takes the
 * change silently; the policy decides only when both sides changed it to different values. Whatever it
 * decides, the value that is not kept goes into a conflict record, never away.
 */
public enum MergePolicy {
    /** the later hybrid-clock timestamp wins; the loser is kept in an auto-resolved conflict record */
    LWW,
    /** the server's current value wins; the device's value is kept in an auto-resolved conflict record */
    SERVER_WINS,
    /** the server's value stays shown; an open conflict asks a person to choose */
    REVIEW,
    /** long text (notes): never overwritten by a merge; both versions kept, an open conflict asks for review */
    LONG_TEXT,
    /** a set: additions from both sides survive; a removal removes only what the remover had seen */
    ADD_WINS_SET,
    /**
     * a status in a workflow: steps only move forward. A device's step is applied when the workflow allows it from
     * the server's current status; otherwise (the status moved on meanwhile) it is an open conflict
     */
    STATUS,
    /** set when the record is created, never changed afterwards */
    IMMUTABLE,
    /** computed by the server; a device may not write it */
    DERIVED
}
