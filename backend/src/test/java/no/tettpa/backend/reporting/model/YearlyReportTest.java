package no.tettpa.backend.reporting.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The yearly counts on a fixed set of households in 2025, each worked out by hand (see the comments). */
class YearlyReportTest {
    static final int Y = 2025;
    static final LocalDate AFTER = LocalDate.of(2026, 2, 10);

    private static Situation s(int year, int month, int day, String situation, boolean children) {
        return new Situation(LocalDate.of(year, month, day), situation, children, Instant.EPOCH);
    }

    static List<List<Situation>> households() {
        List<List<Situation>> h = new ArrayList<>();
        // 1: homeless at 1 January, temporary from February, housed 15 June (temporary 4.5 months)
        h.add(List.of(s(2024, 6, 1, "homeless", false), s(Y, 2, 1, "temporary_accommodation", false),
                s(Y, 6, 15, "permanent_satisfactory", false)));
        // 2: a family at risk at 1 January, housed 1 September
        h.add(List.of(s(2024, 3, 1, "at_risk", true), s(Y, 9, 1, "permanent_satisfactory", true)));
        // 3: homeless from March
        h.add(List.of(s(Y, 3, 1, "homeless", false)));
        // 4: a family in temporary accommodation from 15 November (1.5 months by 31 December)
        h.add(List.of(s(Y, 11, 15, "temporary_accommodation", true)));
        // 5: in an unsuitable home all year
        h.add(List.of(s(2024, 1, 1, "unsuitable", false)));
        // 6: other from May
        h.add(List.of(s(Y, 5, 1, "other", false)));
        // 7: permanently housed since before the year
        h.add(List.of(s(2024, 5, 1, "permanent_satisfactory", false)));
        // 8: in temporary accommodation since August last year, still there
        h.add(List.of(s(2024, 8, 1, "temporary_accommodation", false), s(Y, 3, 1, "temporary_accommodation", false)));
        return h;
    }

    static List<EvictionStep> steps() {
        UUID k1 = UUID.randomUUID(), k2 = UUID.randomUUID(), k3 = UUID.randomUUID();
        return List.of(new EvictionStep(k1, "petition_filed", LocalDate.of(Y, 5, 10)),
                new EvictionStep(k2, "petition_filed", LocalDate.of(2024, 11, 1)),
                new EvictionStep(k2, "eviction_carried_out", LocalDate.of(Y, 1, 20)),
                new EvictionStep(k3, "petition_filed", LocalDate.of(Y, 3, 15)),
                new EvictionStep(k3, "petition_filed", LocalDate.of(Y, 3, 20)));
    }

    @Test
    void everyCountMatchesTheHandCount() {
        Map<String, Long> c = YearlyReport.counts(Y, AFTER, households(), steps());
        assertEquals(2, c.get("without_home.at_1_january"), "1 homeless, 8 temporary");
        assertEquals(3, c.get("without_home.at_31_december"), "3, 4, 8");
        assertEquals(1, c.get("without_home.housed_during_year"), "1, from temporary");
        assertEquals(1, c.get("at_risk.at_1_january"));
        assertEquals(0, c.get("at_risk.at_31_december"));
        assertEquals(1, c.get("at_risk.housed_during_year"));
        assertEquals(1, c.get("unsuitable.at_1_january"));
        assertEquals(1, c.get("unsuitable.at_31_december"));
        assertEquals(1, c.get("families_with_children.at_1_january"), "2");
        assertEquals(1, c.get("families_with_children.at_31_december"), "4");
        assertEquals(1, c.get("families_with_children.housed_during_year"), "2");
        assertEquals(2, c.get("evictions_petitioned.count"), "k1 and k3, each once; k2 was last year");
        assertEquals(1, c.get("evictions_carried_out.count"));
        assertEquals(3, c.get("temporary_accommodation.during_year"), "1, 4, 8");
        assertEquals(2, c.get("temporary_accommodation.over_3_months"), "1 (4.5 months), 8 (since August)");
        assertEquals(1, c.get("temporary_accommodation_children.during_year"));
        assertEquals(0, c.get("temporary_accommodation_children.over_3_months"));
        assertEquals(8, c.get("permanent_satisfactory.known_at_31_december"));
        assertEquals(3, c.get("permanent_satisfactory.at_31_december"), "1, 2, 7");
    }

    @Test
    void suppressedFiguresAreMarkedAndTheShareNeedsBothCounts() {
        YearlyReport.Report r = YearlyReport.compute(Y, AFTER, households(), steps(), 5);
        assertFalse(r.preliminary());
        YearlyReport.Figure a = figure(r, "without_home", "at_1_january");
        assertNull(a.count());
        assertEquals("<5", a.display());
        assertEquals("primary", a.suppressed());
        assertEquals("0", figure(r, "at_risk", "at_31_december").display(), "zero is shown");
        assertEquals("8", figure(r, "permanent_satisfactory", "known_at_31_december").display());
        assertEquals("x", figure(r, "permanent_satisfactory", "share_percent").display(), "3 of 8 would reveal the 3");

        YearlyReport.Report low = YearlyReport.compute(Y, AFTER, households(), steps(), 2);
        assertEquals(37.5, figure(low, "permanent_satisfactory", "share_percent").percent());
        assertEquals("37,5", figure(low, "permanent_satisfactory", "share_percent").display());
        YearlyReport.Figure over = figure(low, "temporary_accommodation", "over_3_months");
        assertEquals("complementary", over.suppressed(), "3 − 2 would reveal the one short stay");
        assertEquals("x", over.display());
    }

    @Test
    void theCurrentYearIsPreliminaryAndStaysAreCountedToToday() {
        LocalDate today = LocalDate.of(Y, 12, 1);
        List<List<Situation>> h = List.of(List.of(s(Y, 8, 15, "temporary_accommodation", false)),
                List.of(s(Y, 9, 15, "temporary_accommodation", false)));
        YearlyReport.Report r = YearlyReport.compute(Y, today, h, List.of(), 1);
        assertTrue(r.preliminary());
        assertEquals(1L, figure(r, "temporary_accommodation", "over_3_months").count(), "15 Aug + 3 months < 2 Dec");
    }

    static YearlyReport.Figure figure(YearlyReport.Report r, String indicator, String figure) {
        return r.indicators().stream().filter(i -> i.id().equals(indicator)).findFirst().orElseThrow()
                .figures().stream().filter(f -> f.id().equals(figure)).findFirst().orElseThrow();
    }
}
