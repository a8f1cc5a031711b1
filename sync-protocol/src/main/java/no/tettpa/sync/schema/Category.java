package no.tettpa.sync.schema;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The record categories that access and consent are granted by. A device receives a person's records only in
 * the categories it may see; a consent names categories. {@code bit} is the category's position in the scope
 * masks of checkpoints and is part of the protocol: never renumber.
 */
public enum Category {
    /** the person's details and follow-up episodes; whoever sees any category sees these */
    CORE("core", 0),
    VISITS("visits", 1),
    /** notes recorded as health care (helsehjelp): the journal under health-personnel law */
    HEALTH_NOTES("health_notes", 2),
    /** samarbeidsavtaler, their goals and progress */
    AGREEMENTS("agreements", 3),
    /** husleierestanse cases and their events */
    ARREARS("arrears", 4),
    /** BrukerPlan ratings */
    RATINGS("ratings", 5),
    /** the FACT board (FACT-tavla) */
    BOARD("board", 6);

    private final String wire;
    private final int bit;

    Category(String wire, int bit) {
        this.wire = wire;
        this.bit = bit;
    }

    public String wire() {
        return wire;
    }

    public int bit() {
        return bit;
    }

    public static Optional<Category> fromWire(String value) {
        for (Category c : values()) {
            if (c.wire.equals(value)) return Optional.of(c);
        }
        return Optional.empty();
    }

    public static int mask(Set<Category> categories) {
        int m = 0;
        for (Category c : categories) m |= 1 << c.bit;
        return m;
    }

    public static Set<Category> fromMask(int mask) {
        Set<Category> out = EnumSet.noneOf(Category.class);
        for (Category c : values()) {
            if ((mask & (1 << c.bit)) != 0) out.add(c);
        }
        return out;
    }
}
