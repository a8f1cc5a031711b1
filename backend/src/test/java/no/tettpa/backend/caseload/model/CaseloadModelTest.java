package no.tettpa.backend.caseload.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseloadModelTest {
    static final Instant T = Instant.parse("2026-03-10T09:00:00Z");

    static VisitStory.Line line(int daysAgo, String kind, LocalDate next) {
        return new VisitStory.Line(UUID.randomUUID(), T.minusSeconds(86400L * daysAgo), T, kind,
                next == null ? null : "neste", next);
    }

    @Test
    void theNewestVisitsTellTheStoryWhenTheyHoldAContact() {
        VisitStory.Line contact = line(10, "planned", LocalDate.of(2026, 3, 1));
        VisitStory.Line f1 = line(5, "failed_attempt", null);
        VisitStory.Line f2 = line(2, "failed_attempt", LocalDate.of(2026, 3, 9));
        VisitStory.Facts f = VisitStory.of(List.of(f1, contact, f2), Set.of(), false).orElseThrow();
        assertEquals(contact.startedAt(), f.lastContactAt());
        assertEquals(2, f.failedAttemptsInRow());
        assertEquals(LocalDate.of(2026, 3, 9), f.nextStepDate(), "the newest visit's, a failed attempt's too");
        assertEquals(Optional.empty(), VisitStory.of(List.of(f1, f2), Set.of(), false), "the streak may go further back");
        VisitStory.Facts all = VisitStory.of(List.of(f1, f2), Set.of(), true).orElseThrow();
        assertNull(all.lastContactAt());
        assertEquals(2, all.failedAttemptsInRow());
        VisitStory.Facts corrected = VisitStory.of(List.of(f1, contact, f2), Set.of(f2.id()), true).orElseThrow();
        assertEquals(1, corrected.failedAttemptsInRow());
        assertEquals(0, VisitStory.of(List.of(), Set.of(), true).orElseThrow().failedAttemptsInRow());
    }

    @Test
    void ruleEdges() {
        LocalDate today = LocalDate.of(2026, 3, 10);
        assertFalse(CaseloadRules.overdue(today, today), "due today is not overdue");
        assertTrue(CaseloadRules.overdue(today.minusDays(1), today));
        assertTrue(CaseloadRules.evaluationDue(today.plusDays(14), today));
        assertFalse(CaseloadRules.evaluationDue(today.plusDays(15), today));
        assertEquals(0, CaseloadRules.daysSince(Instant.parse("2026-03-09T23:30:00Z"), today),
                "00:30 on the 10th in Norway is today");
    }

    @Test
    void trendIndexFirstThenTheNetChangeOfTheAreas() {
        RatingSummary yellow = new RatingSummary(LocalDate.of(2025, 12, 1), "yellow", Map.of("housing", "yellow", "economy", "yellow"));
        assertEquals("better", RatingTrend.of(new RatingSummary(LocalDate.now(), "green", Map.of("housing", "red")), yellow).orElseThrow());
        assertEquals("worse", RatingTrend.of(new RatingSummary(LocalDate.now(), "blue_light", Map.of()), yellow).orElseThrow());
        assertEquals("same", RatingTrend.of(new RatingSummary(LocalDate.now(), "yellow",
                Map.of("housing", "green", "economy", "red", "activity", "red")), yellow).orElseThrow(),
                "housing a step better and economy a step worse cancel out; an area missing before is left out");
        assertEquals("worse", RatingTrend.of(new RatingSummary(LocalDate.now(), "yellow",
                Map.of("housing", "red", "economy", "red")), yellow).orElseThrow());
        assertTrue(RatingTrend.of(yellow, null).isEmpty());
    }
}
