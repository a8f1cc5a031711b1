package no.tettpa.sync.schema;

/** The JSON shape of a field's value. */
public enum FieldKind {
    /** a one-line string */
    TEXT,
    /** a multi-line note */
    LONG_TEXT,
    /** a whole number */
    INTEGER,
    /** a decimal number, e.g. an amount in NOK */
    DECIMAL,
    BOOLEAN,
    /** an ISO-8601 calendar date, {@code 2026-11-23} */
    DATE,
    /** an ISO-8601 instant with offset, {@code 2026-11-23T09:15:00+01:00} */
    DATETIME,
    /** a string from a fixed list */
    ENUM,
    /** a UUID string */
    UUID,
    /** a JSON array of distinct strings from a fixed list */
    ENUM_SET,
    /** a JSON array of distinct UUID strings */
    UUID_SET,
    /** a JSON array of objects, each with a distinct {@code id} (UUID string) and the item fields */
    OBJECT_LIST,
    /** a JSON object with the item fields */
    OBJECT,
    /** any JSON value; only for server-made fields and conflict resolutions, checked against the field it is for */
    JSON
}
