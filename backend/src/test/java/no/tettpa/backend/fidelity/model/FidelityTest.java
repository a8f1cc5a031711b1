package no.tettpa.backend.fidelity.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FidelityTest {
    static final LocalDate FROM = LocalDate.of(2026, 3, 2);
    static final LocalDate TO = LocalDate.of(2026, 3, 29);
    static final UUID KARI = UUID.randomUUID();

    @Test
    void aPersonFollowedForPartOfThePeriodCountsForThatPart() {
        UUID a = UUID.randomUUID(), b = UUID.randomUUID();
        List<VisitFact> visits = List.of(
                new VisitFact(a, FROM.plusDays(1), "planned", "home", Set.of(KARI), false),
                new VisitFact(b, FROM.plusDays(20), "planned", "home", Set.of(KARI), false),
                new VisitFact(b, FROM.plusDays(21), "planned", "car", Set.of(KARI), false));
        FidelityFigures f = Fidelity.compute(new FidelityInput(FROM, TO, List.of(a, b),
                Map.of(b, List.of(new Period(FROM.plusDays(14), null))), Map.of(), 1, visits, Map.of()));
        assertEquals(6.0, f.contactsPerWeek().denominator(), "28 days for a, 14 for b: 6 person-weeks");
        assertEquals(0.5, f.contactsPerWeek().value());
        assertEquals(2, f.personsFollowed());
        assertNull(f.housingFirst());
    }

    @Test
    void someoneNotFollowedAtAllIsLeftOutAndNoWorkersMeansNoRatio() {
        UUID a = UUID.randomUUID();
        FidelityFigures f = Fidelity.compute(new FidelityInput(FROM, TO, List.of(a),
                Map.of(a, List.of(new Period(FROM.minusYears(1), FROM.minusDays(1)))), Map.of(), 0, List.of(), Map.of()));
        assertEquals(0, f.personsFollowed());
        assertNull(f.caseloadRatio().value());
        assertNull(f.contactsInCommunity().value());
        assertNull(f.seenByMoreThanOneStaff().value());
    }

    @Test
    void alreadyHousedAtIntakeIsNotAHousingResult() {
        UUID a = UUID.randomUUID();
        Map<UUID, List<Period>> hf = Map.of(a, List.of(new Period(FROM.minusDays(30), null)));
        FidelityFigures f = Fidelity.compute(new FidelityInput(FROM, TO, List.of(a), hf, hf, 1, List.of(),
                Map.of(a, List.of(new HousingFact(a, FROM.minusDays(400), "permanent_satisfactory"),
                        new HousingFact(a, FROM.plusDays(3), "permanent_satisfactory")))));
        assertEquals(0, f.housingFirst().housedInPeriod());
        assertEquals(0, f.housingFirst().notYetHoused());
        assertNull(f.housingFirst().intakeToHousing().value());
    }
}
