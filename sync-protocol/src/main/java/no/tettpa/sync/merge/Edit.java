package no.tettpa.sync.merge;

import java.util.Map;

/**
 * A device's change to one record. For an update, {@code fields} holds only the fields the device changed, with
 * their new values, and {@code baseVersion} is the version the device changed them from.
 */
public record Edit(Op op, Long baseVersion, Map<String, Object> fields, Stamp stamp) {
    public enum Op {
        CREATE, UPDATE, DELETE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<Op> fromWire(String s) {
            for (Op o : values()) if (o.wire().equals(s)) return java.util.Optional.of(o);
            return java.util.Optional.empty();
        }
    }
}
