package no.tettpa.sync;

/**
 * Versions a client declares in every request. The protocol version covers the envelope (messages, outcomes,
 * checkpoints); the schema version covers the record types and their fields. The server serves protocol
 * {@link #PROTOCOL} and schema versions {@link #SCHEMA_OLDEST}..{@link #SCHEMA_CURRENT}, upgrading mutations written
 * against an older schema; anything else is answered with the problem type {@code upgrade-required}.
 */
public final class ProtocolVersion {
    public static final int PROTOCOL = 1;
    public static final int SCHEMA_CURRENT = 2;
    public static final int SCHEMA_OLDEST = 1;

    private ProtocolVersion() {}

    public static boolean servesSchema(int schemaVersion) {
        return schemaVersion >= SCHEMA_OLDEST && schemaVersion <= SCHEMA_CURRENT;
    }
}
