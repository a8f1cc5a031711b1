package no.tettpa.sync.clock;

import java.util.Objects;

/**
 * A hybrid logical clock timestamp: physical milliseconds, a logical counter for events within one millisecond
 * (or while the physical clock lags), and the id of the node that made it, which breaks ties so that any two
 * timestamps are totally ordered. Its string form sorts in the same order as the timestamps:
 * {@code 0001795458087324-00003-<node>}: 16 digits of milliseconds, 5 of counter, then the node id.
 */
public record Hlc(long millis, int counter, String node) implements Comparable<Hlc> {
    public static final int MAX_COUNTER = 99_999;
    private static final int MILLIS_DIGITS = 16;
    private static final int COUNTER_DIGITS = 5;

    public Hlc {
        if (millis < 0 || counter < 0 || counter > MAX_COUNTER) {
            throw new IllegalArgumentException("HLC out of range");
        }
        Objects.requireNonNull(node, "node");
        if (node.isEmpty() || node.length() > 64 || node.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e)) {
            throw new IllegalArgumentException("HLC node must be 1..64 printable ASCII characters");
        }
    }

    public static Hlc zero(String node) {
        return new Hlc(0, 0, node);
    }

    /** Parses the string form; throws IllegalArgumentException on anything else. */
    public static Hlc parse(String text) {
        if (text == null || text.length() < MILLIS_DIGITS + COUNTER_DIGITS + 3
                || text.charAt(MILLIS_DIGITS) != '-' || text.charAt(MILLIS_DIGITS + 1 + COUNTER_DIGITS) != '-'
                || !asciiDigits(text, 0, MILLIS_DIGITS)
                || !asciiDigits(text, MILLIS_DIGITS + 1, MILLIS_DIGITS + 1 + COUNTER_DIGITS)) {
            // Long.parseLong alone would also take a sign and any Unicode digit: the wire form is ASCII digits only.
            throw new IllegalArgumentException("not an HLC timestamp");
        }
        try {
            long millis = Long.parseLong(text.substring(0, MILLIS_DIGITS));
            int counter = Integer.parseInt(text.substring(MILLIS_DIGITS + 1, MILLIS_DIGITS + 1 + COUNTER_DIGITS));
            String node = text.substring(MILLIS_DIGITS + COUNTER_DIGITS + 2);
            return new Hlc(millis, counter, node);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an HLC timestamp", e);
        }
    }

    private static boolean asciiDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') return false;
        }
        return true;
    }

    @Override
    public int compareTo(Hlc o) {
        int c = Long.compare(millis, o.millis);
        if (c != 0) return c;
        c = Integer.compare(counter, o.counter);
        if (c != 0) return c;
        return node.compareTo(o.node);
    }

    public boolean isAfter(Hlc o) {
        return compareTo(o) > 0;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(MILLIS_DIGITS + COUNTER_DIGITS + 2 + node.length());
        pad(b, Long.toString(millis), MILLIS_DIGITS);
        b.append('-');
        pad(b, Integer.toString(counter), COUNTER_DIGITS);
        return b.append('-').append(node).toString();
    }

    private static void pad(StringBuilder b, String digits, int width) {
        for (int i = digits.length(); i < width; i++) b.append('0');
        b.append(digits);
    }
}
