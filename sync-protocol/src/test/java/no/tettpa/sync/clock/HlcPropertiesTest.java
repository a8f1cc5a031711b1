package no.tettpa.sync.clock;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of {@link Hlc} and {@link HlcClock}. */
class HlcPropertiesTest {

    // ---------------------------------------------------------------- the clock

    /** How the wall clock moves before an event: stands still, steps back, or jumps forward, by {@code by} ms. */
    enum Move { STILL, BACK, FORWARD }

    record Step(Move move, long by) {
        long apply(long wall) {
            return switch (move) {
                case STILL -> wall;
                case BACK -> Math.max(0, wall - by);
                case FORWARD -> wall + by;
            };
        }
    }

    /** A local event or the receipt of a remote timestamp {@code offset} ms from the wall clock (see {@link #events}). */
    record Event(Step step, boolean receive, long offset, int counter, String node) {}

    static Arbitrary<Step> steps() {
        Arbitrary<Long> by = Arbitraries.oneOf(Arbitraries.longs().between(1, 3),
                Arbitraries.longs().between(1, 100_000), Arbitraries.longs().between(1, 10_000_000_000L));
        return Combinators.combine(Arbitraries.of(Move.class), by).as(Step::new);
    }

    @Provide
    Arbitrary<List<Step>> walls() {
        return steps().list().ofMinSize(1).ofMaxSize(60);
    }

    /**
     * <b>Strictly increasing local timestamps.</b> Starting from any restored timestamp (including counters just below
     * the maximum), and whatever the wall clock does between calls (stands still, steps back by any amount, jumps
     * forward by any amount), every {@code now()} is strictly after the previous one, and never before the wall
     * clock reading it was made at.
     */
    @Property(tries = 1000)
    void nowIsStrictlyIncreasing(@ForAll("walls") List<Step> steps,
                                 @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long start,
                                 @ForAll @IntRange(min = 0, max = Hlc.MAX_COUNTER) int restoredCounter) {
        AtomicLong wall = new AtomicLong(start);
        HlcClock clock = new HlcClock("n1", wall::get, 60_000);
        clock.restore(new Hlc(start, restoredCounter, "n1"));
        Hlc previous = new Hlc(start, restoredCounter, "n1");
        for (Step s : steps) {
            wall.set(s.apply(wall.get()));
            Hlc now = clock.now();
            assertTrue(now.isAfter(previous), previous + " then " + now);
            assertTrue(now.millis() >= wall.get(), "behind the wall clock: " + now + " at " + wall.get());
            assertEquals("n1", now.node());
            previous = now;
        }
    }

    /** 100,001 events in one millisecond: the counter runs out and the clock borrows the next millisecond. */
    @Property(tries = 3)
    void nowBorrowsTheNextMillisecondWhenTheCounterRunsOut(@ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long wall) {
        HlcClock clock = new HlcClock("n1", () -> wall, 60_000);
        Hlc previous = clock.now();
        for (int i = 0; i < Hlc.MAX_COUNTER + 2; i++) {
            Hlc now = clock.now();
            assertTrue(now.isAfter(previous), previous + " then " + now);
            previous = now;
        }
        assertEquals(wall + 1, previous.millis());
    }

    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<Long> offset = Arbitraries.oneOf(Arbitraries.longs().between(-5_000, 5_000),
                Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L), Arbitraries.of(-1L, 0L, 1L));
        Arbitrary<Event> event = Combinators.combine(steps(), Arbitraries.of(false, true, true), offset,
                Arbitraries.oneOf(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, Hlc.MAX_COUNTER),
                        Arbitraries.of(Hlc.MAX_COUNTER)),
                Arbitraries.of("n0", "n1", "n2", "zz")).as(Event::new);
        return event.list().ofMinSize(1).ofMaxSize(60);
    }

    /**
     * <b>Receiving.</b> For any interleaving of local events and remote timestamps (near the wall clock, far ahead,
     * far behind, exactly at the drift limit and one past it; any counter; any node, including this node's name),
     * with a drift limit from 0 to 10 s:
     * <ul>
     *   <li>{@code receive} clamps exactly when {@code remote.millis() > wall + maxDrift}; a clamped timestamp is used
     *       as {@code (wall + maxDrift, 0, remote node)}, an unclamped one as it is; {@code aheadByMillis} is
     *       {@code remote.millis() - wall};</li>
     *   <li>the local timestamp {@code receive} returns is after the remote timestamp as used, and after every
     *       timestamp this clock issued before;</li>
     *   <li>the next {@code now()} is after the remote timestamp as used (after the remote itself when not clamped).</li>
     * </ul>
     * Offsets are taken relative to {@code wall + maxDrift} when they are -1, 0 or 1, to hit the limit exactly.
     */
    @Property(tries = 1000)
    void receiveOrdersLaterEventsAfterTheRemote(@ForAll("events") List<Event> events,
                                                @ForAll @LongRange(min = 0, max = 10_000) long maxDrift,
                                                @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long start) {
        AtomicLong wall = new AtomicLong(start);
        HlcClock clock = new HlcClock("n1", wall::get, maxDrift);
        Hlc previous = null;
        for (Event e : events) {
            wall.set(e.step().apply(wall.get()));
            long w = wall.get();
            if (!e.receive()) {
                Hlc now = clock.now();
                assertTrue(previous == null || now.isAfter(previous), previous + " then " + now);
                previous = now;
                continue;
            }
            long at = Math.abs(e.offset()) <= 1 ? w + maxDrift + e.offset() : w + e.offset();
            Hlc remote = new Hlc(Math.max(0, at), e.counter(), e.node());
            HlcClock.Received r = clock.receive(remote);
            boolean shouldClamp = remote.millis() > w + maxDrift;
            assertEquals(shouldClamp, r.clamped(), "clamped, remote " + remote + " wall " + w + " drift " + maxDrift);
            assertEquals(shouldClamp ? new Hlc(w + maxDrift, 0, remote.node()) : remote, r.remoteAsUsed());
            assertEquals(remote.millis() - w, r.aheadByMillis());
            assertTrue(r.local().isAfter(r.remoteAsUsed()), r.local() + " not after " + r.remoteAsUsed());
            assertTrue(previous == null || r.local().isAfter(previous), previous + " then " + r.local());
            assertEquals("n1", r.local().node());
            Hlc next = clock.now();
            assertTrue(next.isAfter(r.remoteAsUsed()), next + " not after " + r.remoteAsUsed());
            if (!shouldClamp) assertTrue(next.isAfter(remote));
            assertTrue(next.isAfter(r.local()));
            previous = next;
        }
    }

    // ---------------------------------------------------------------- the text form

    @Provide
    Arbitrary<Hlc> hlcs() {
        Arbitrary<Long> millis = Arbitraries.oneOf(Arbitraries.longs().between(0, 9_999_999_999_999_999L),
                Arbitraries.longs().between(1_700_000_000_000L, 1_700_000_000_005L), Arbitraries.of(0L, 9_999_999_999_999_999L));
        Arbitrary<Integer> counter = Arbitraries.oneOf(Arbitraries.integers().between(0, Hlc.MAX_COUNTER),
                Arbitraries.integers().between(0, 3), Arbitraries.of(Hlc.MAX_COUNTER));
        Arbitrary<String> node = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(64),
                Arbitraries.strings().withChars("-a0~").ofMinLength(1).ofMaxLength(4),
                Arbitraries.of("n", "n0", "n00", "server", "0001795458087324-00003-x"));
        return Combinators.combine(millis, counter, node).as(Hlc::new);
    }

    /**
     * <b>Round trip.</b> For millis &lt; 10^16, counters &le; 99999 and nodes of 1..64 printable ASCII characters:
     * {@code Hlc.parse(h.toString())} equals {@code h}, and the text is 16 ASCII digits, '-', 5 ASCII digits, '-',
     * node.
     */
    @Property(tries = 2000)
    void textRoundTrips(@ForAll("hlcs") Hlc h) {
        String text = h.toString();
        assertEquals(h, Hlc.parse(text));
        assertTrue(text.matches("(?s)[0-9]{16}-[0-9]{5}-.+"), text);
        assertEquals(h.node(), text.substring(23));
    }

    /**
     * <b>Text order is timestamp order.</b> For any two such timestamps, comparing their text forms
     * lexicographically (by UTF-16 code units, {@link String#compareTo}) has the same sign as {@link Hlc#compareTo}.
     */
    @Property(tries = 3000)
    void textSortsLikeTimestamps(@ForAll("hlcs") Hlc a, @ForAll("hlcs") Hlc b) {
        assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(a.toString().compareTo(b.toString())), a + " vs " + b);
    }

    /** As above, for timestamps that share their milliseconds or their counter, where the later fields decide. */
    @Property(tries = 3000)
    void textSortsLikeTimestampsWhenPrefixesTie(@ForAll("hlcs") Hlc a, @ForAll("hlcs") Hlc b, @ForAll boolean sameCounter) {
        Hlc b2 = new Hlc(a.millis(), sameCounter ? a.counter() : b.counter(), b.node());
        assertEquals(Integer.signum(a.compareTo(b2)), Integer.signum(a.toString().compareTo(b2.toString())), a + " vs " + b2);
    }
}
