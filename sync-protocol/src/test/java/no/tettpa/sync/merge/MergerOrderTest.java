package no.tettpa.sync.merge;

import no.tettpa.sync.clock.Hlc;
import no.tettpa.sync.schema.records.FieldRecords;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Merger} depends on what the maps hold, never on the order a map happens to iterate in. */
class MergerOrderTest {

    /**
     * Regression: the locked-record check walked {@code edit.fields()} in its own iteration order, so the
     * rejection named whichever refused field came first: {@code Map.of} iterates in an order that changes from
     * one JVM run to the next, and a client implementation could never agree. It now names the first refused
     * field in field-name order, as every other rejection does.
     */
    @Test
    void lockedRejectionNamesTheSameFieldWhateverTheMapOrder() {
        Stamp s1 = new Stamp(Hlc.parse("0001795458000000-00000-dev-a"), "staff-a", "dev-a");
        Map<String, Object> body = Map.of("status", "active", "versionNumber", 1L, "measures", "m0",
                "responsibilities", "r0");
        RecordState current = new RecordState("agreement", 2, false, body,
                Map.of("status", s1, "versionNumber", s1, "measures", s1, "responsibilities", s1), null);
        Stamp s2 = new Stamp(Hlc.parse("0001795458000001-00000-dev-b"), "staff-b", "dev-b");

        Map<String, Object> forward = new LinkedHashMap<>();
        forward.put("measures", "m1");
        forward.put("responsibilities", "r1");
        Map<String, Object> backward = new LinkedHashMap<>();
        backward.put("responsibilities", "r1");
        backward.put("measures", "m1");

        MergeResult a = Merger.merge(FieldRecords.AGREEMENT, current, current, new Edit(Edit.Op.UPDATE, 2L, forward, s2));
        MergeResult b = Merger.merge(FieldRecords.AGREEMENT, current, current, new Edit(Edit.Op.UPDATE, 2L, backward, s2));
        assertEquals("locked", a.rejection().code());
        assertEquals("measures", a.rejection().field());
        assertEquals(a, b);
    }
}
