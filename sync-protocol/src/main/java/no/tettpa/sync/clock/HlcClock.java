package no.tettpa.sync.clock;

import java.util.function.LongSupplier;

/**
 * A hybrid logical clock (Kulkarni et al., 2014) for one node. {@link #now()} stamps a local event;
 * {@link #receive(Hlc)} merges a timestamp seen from another node so that later local events order after it.
 * Timestamps from this clock are strictly increasing even when the wall clock stands still or steps back.
 *
 * <p>A remote timestamp further ahead of this node's wall clock than {@code maxDriftMillis} is clamped to
 * {@code wall + maxDriftMillis} before it is merged, so one device with a clock set a year ahead cannot drag
 * every other clock along. {@link #receive} reports whether it clamped.
 */
public final class HlcClock {
    /** What {@link #receive} did with a remote timestamp. */
    public record Received(Hlc remoteAsUsed, Hlc local, boolean clamped, long aheadByMillis) {}

    private final String node;
    private final LongSupplier wallClock;
    private final long maxDriftMillis;
    private long lastMillis;
    private int lastCounter;

    public HlcClock(String node, LongSupplier wallClock, long maxDriftMillis) {
        this.node = node;
        this.wallClock = wallClock;
        this.maxDriftMillis = maxDriftMillis;
        Hlc.zero(node);
    }

    public String node() {
        return node;
    }

    /** Restores the last timestamp this node issued (e.g. from its store after a restart). */
    public synchronized void restore(Hlc last) {
        if (last != null && (last.millis() > lastMillis || last.millis() == lastMillis && last.counter() > lastCounter)) {
            lastMillis = last.millis();
            lastCounter = last.counter();
        }
    }

    public synchronized Hlc now() {
        long wall = wallClock.getAsLong();
        if (wall > lastMillis) {
            lastMillis = wall;
            lastCounter = 0;
        } else {
            advanceCounter();
        }
        return new Hlc(lastMillis, lastCounter, node);
    }

    public synchronized Received receive(Hlc remote) {
        long wall = wallClock.getAsLong();
        long limit = wall + maxDriftMillis;
        boolean clamped = remote.millis() > limit;
        Hlc used = clamped ? new Hlc(limit, 0, remote.node()) : remote;
        long aheadBy = remote.millis() - wall;

        long max = Math.max(wall, Math.max(lastMillis, used.millis()));
        if (max == lastMillis && max == used.millis()) {
            lastCounter = Math.max(lastCounter, used.counter());
            advanceCounter();
        } else if (max == lastMillis) {
            advanceCounter();
        } else if (max == used.millis()) {
            lastMillis = max;
            lastCounter = used.counter();
            advanceCounter();
        } else {
            lastMillis = max;
            lastCounter = 0;
        }
        return new Received(used, new Hlc(lastMillis, lastCounter, node), clamped, aheadBy);
    }

    private void advanceCounter() {
        if (lastCounter == Hlc.MAX_COUNTER) {
            // More than 100,000 events in one millisecond: borrow the next millisecond rather than wrap.
            lastMillis++;
            lastCounter = 0;
        } else {
            lastCounter++;
        }
    }
}
