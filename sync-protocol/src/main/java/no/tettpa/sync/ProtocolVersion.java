package no.tettpa.sync;

/** Placeholder until the protocol lands. */
public final class ProtocolVersion {
    public static final int CURRENT = 1;
    private ProtocolVersion() {}
}
