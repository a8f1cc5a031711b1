package no.tettpa.sync.merge;

import no.tettpa.sync.clock.Hlc;
import no.tettpa.sync.schema.EntitySpec;
import no.tettpa.sync.schema.records.FieldRecords;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Last-writer-wins must not depend on the order the server happens to receive concurrent edits: whatever the order,
 * the value written with the highest hybrid-clock timestamp ends up in the field ({@link
 * no.tettpa.sync.schema.MergePolicy#LWW}). These are the minimal counterexamples the convergence properties found.
 */
class MergerLwwOrderTest {
    static final EntitySpec PERSON = FieldRecords.PERSON;

    /** A tiny server: versions by number, the current state, every conflict draft. */
    static final class Server {
        final Map<Long, RecordState> versions = new TreeMap<>();
        RecordState current;

        Server() {
            current = new RecordState("person", 1, false, Map.of("displayName", "Kari", "phone", "X"),
                    Map.of("displayName", stamp("creator", 1000), "phone", stamp("creator", 1000)), null);
            versions.put(1L, current);
        }

        MergeResult apply(Edit e) {
            MergeResult r = Merger.merge(PERSON, versions.get(e.baseVersion()), current, e);
            if (r.changed()) {
                current = new RecordState("person", current.version() + 1, r.deleted(), r.body(), r.stamps(), r.deletedBy());
                versions.put(current.version(), current);
            }
            return r;
        }

        Object apply(List<Edit> edits) {
            edits.forEach(this::apply);
            return current.body().get("phone");
        }
    }

    static Stamp stamp(String device, long millis) {
        return new Stamp(new Hlc(millis, 0, device), "staff-" + device, device);
    }

    static Edit phone(String device, long millis, long baseVersion, String value) {
        return new Edit(Edit.Op.UPDATE, baseVersion, Map.of("phone", value), stamp(device, millis));
    }

    /**
     * Regression: a write equal to the current value was "nothing to do", so the field kept the older stamp of the
     * first writer of that value; a third edit with a timestamp between the two then won against the older stamp.
     * All three edits are based on version 1 (phone X); d1's "A" at 1002 is the latest.
     */
    @Test
    void anEqualValueWithALaterTimestampMovesTheStampOn() {
        Edit a1 = phone("d0", 1001, 1, "A");
        Edit a2 = phone("d1", 1002, 1, "A");
        Edit b = phone("d2", 1001, 1, "B");
        assertEquals("A", new Server().apply(List.of(a2, a1, b)));
        assertEquals("A", new Server().apply(List.of(a1, a2, b)), "was B: d2's B at 1001 beat d0's stamp, not d1's");
    }

    /**
     * Regression: a field that others changed and changed back (X, then A, then X again) counted as untouched since
     * the base because its value equalled the base value, so an older concurrent edit was taken silently over the
     * newer "X". Here d1 writes A and then (offline, same base) X again at 1002; d0 wrote A at 1001.
     */
    @Test
    void aFieldChangedAndChangedBackIsNotUntouched() {
        Edit d1a = phone("d1", 1001, 1, "A");
        Edit d1x = phone("d1", 1002, 1, "X");
        Edit d0a = phone("d0", 1001, 1, "A");
        assertEquals("X", new Server().apply(List.of(d0a, d1a, d1x)));
        assertEquals("X", new Server().apply(List.of(d1a, d1x, d0a)), "was A: d0's older A was taken silently");
    }

    /**
     * The same through the shared history: version 2 set A, version 3 set X back (at 1020). A device that pulled
     * version 1 and writes B at 1005 loses to the later X, and its B is kept in a conflict record.
     */
    @Test
    void anOlderEditLosesToALaterRevertItDidNotSee() {
        Server s = new Server();
        s.apply(phone("p0", 1010, 1, "A"));
        s.apply(phone("p1", 1020, 2, "X"));
        MergeResult r = s.apply(phone("d0", 1005, 1, "B"));
        assertEquals("X", s.current.body().get("phone"));
        assertEquals(1, r.conflicts().size());
        ConflictDraft c = r.conflicts().get(0);
        assertEquals(List.of("phone", "lww", "X", "B"), List.of(c.field(), c.kind(), c.keptValue(), c.otherValue()));
    }

    /** A device's own earlier write is still its base: changing it again is no conflict (unchanged rule). */
    @Test
    void ownEarlierWriteIsStillNoConflict() {
        Server s = new Server();
        s.apply(phone("d0", 1001, 1, "A"));
        MergeResult r = s.apply(phone("d0", 1002, 1, "B"));
        assertEquals(MergeResult.Status.APPLIED, r.status());
        assertTrue(r.conflicts().isEmpty());
        assertEquals("B", s.current.body().get("phone"));
    }
}
