package no.tettpa.backend.reporting.model;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static no.tettpa.backend.reporting.model.Suppression.Mark.COMPLEMENTARY;
import static no.tettpa.backend.reporting.model.Suppression.Mark.PRIMARY;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SuppressionTest {
    private static Map<String, Long> values(Object... kv) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
        return m;
    }

    @Test
    void countsFromOneToBelowTheThresholdAreSuppressedZeroIsShown() {
        var marks = Suppression.apply(values("zero", 0, "one", 1, "four", 4, "five", 5), Set.of(), List.of(), 5);
        assertEquals(Map.of("one", PRIMARY, "four", PRIMARY), marks);
        assertEquals("<5", Suppression.display(4, PRIMARY, 5));
        assertEquals("x", Suppression.display(40, COMPLEMENTARY, 5));
        assertEquals("0", Suppression.display(0, null, 5));
        assertEquals(Map.of("four", PRIMARY), Suppression.apply(values("four", 4, "five", 5), Set.of(), List.of(), 5));
        assertEquals(Map.of(), Suppression.apply(values("four", 4), Set.of(), List.of(), 4), "the threshold is configurable");
    }

    @Test
    void aSingleSuppressedPartOfAPublishedTotalGetsACompanion() {
        var g = List.of(new Suppression.Group("total", List.of("a", "b", "c")));
        var marks = Suppression.apply(values("total", 20, "a", 3, "b", 7, "c", 10), Set.of(), g, 5);
        assertEquals(Map.of("a", PRIMARY, "b", COMPLEMENTARY), marks, "the smallest other part is hidden too");
        var two = Suppression.apply(values("total", 20, "a", 3, "b", 2, "c", 15), Set.of(), g, 5);
        assertEquals(Map.of("a", PRIMARY, "b", PRIMARY), two, "two hidden parts protect each other");
    }

    @Test
    void anUnpublishedSmallRemainderIsProtectedLikeAShownOne() {
        var g = List.of(new Suppression.Group("total", List.of("shown", "rest")));
        assertEquals(Map.of("shown", COMPLEMENTARY),
                Suppression.apply(values("total", 12, "shown", 10, "rest", 2), Set.of("rest"), g, 5),
                "12 − 10 would reveal the 2 others");
        assertEquals(Map.of(), Suppression.apply(values("total", 20, "shown", 10, "rest", 10), Set.of("rest"), g, 5));
        assertEquals(Map.of(), Suppression.apply(values("total", 10, "shown", 10, "rest", 0), Set.of("rest"), g, 5));
    }

    @Test
    void protectionSpreadsAcrossGroupsThatShareACellAndFallsBackToTheTotal() {
        var groups = List.of(new Suppression.Group("t1", List.of("x", "y")), new Suppression.Group("t2", List.of("y", "z")));
        var marks = Suppression.apply(values("t1", 23, "x", 3, "y", 20, "t2", 50, "z", 30), Set.of(), groups, 5);
        assertEquals(Map.of("x", PRIMARY, "y", COMPLEMENTARY, "z", COMPLEMENTARY), marks);
        var zeros = Suppression.apply(values("t", 3, "a", 3, "b", 0), Set.of(),
                List.of(new Suppression.Group("t", List.of("a", "b"))), 5);
        assertEquals(Map.of("a", PRIMARY, "t", PRIMARY), zeros);
    }
}
