package no.tettpa.backend.arrears.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static no.tettpa.backend.arrears.model.LegalStep.BEGJAERING_FILED;
import static no.tettpa.backend.arrears.model.LegalStep.BELONGINGS_COLLECTED;
import static no.tettpa.backend.arrears.model.LegalStep.FRAVIKELSE_CARRIED_OUT;
import static no.tettpa.backend.arrears.model.LegalStep.FRAVIKELSE_SCHEDULED;
import static no.tettpa.backend.arrears.model.LegalStep.NAV_COPY_SENT;
import static no.tettpa.backend.arrears.model.LegalStep.PRESENTED_BY_NAMSMANN;
import static no.tettpa.backend.arrears.model.LegalStep.TENANT_RESERVATION;
import static no.tettpa.backend.arrears.model.LegalStep.VARSEL_SENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LegalDeadlinesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    /** Payment due 2026-03-16, filing allowed from 2026-03-23. */
    private static final List<RecordedStep> VARSEL_AND_NAV_COPY = List.of(step(VARSEL_SENT, "2026-03-02"),
            step(NAV_COPY_SENT, "2026-03-09"));

    private static RecordedStep step(LegalStep step, String date) {
        return new RecordedStep(step, LocalDate.parse(date));
    }

    private static Deadline only(DeadlineKind kind, List<RecordedStep> steps) {
        return LegalDeadlines.compute(steps).deadlines().stream()
                .filter(d -> d.kind() == kind)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " deadline"));
    }

    @ParameterizedTest(name = "varsel {0}: raw {1}, due {2}")
    @CsvSource({
            "2026-03-02, 2026-03-16, 2026-03-16",  // a Monday: no move
            "2026-02-28, 2026-03-14, 2026-03-16",  // ends on a Saturday
            "2026-03-01, 2026-03-15, 2026-03-16",  // ends on a Sunday
            "2026-03-22, 2026-04-05, 2026-04-07",  // 1. påskedag, then 2. påskedag
            "2026-03-19, 2026-04-02, 2026-04-07",  // skjærtorsdag through 2. påskedag
            "2026-04-17, 2026-05-01, 2026-05-04",  // 1 May on a Friday, then the weekend
            "2026-04-30, 2026-05-14, 2026-05-15",  // Kristi himmelfartsdag
            "2026-05-03, 2026-05-17, 2026-05-18",  // 17 May on a Sunday
            "2027-05-03, 2027-05-17, 2027-05-18",  // 17 May on a Monday (also 2. pinsedag)
            "2026-12-11, 2026-12-25, 2026-12-28",  // 1. juledag, 2. juledag, Sunday
            "2026-12-18, 2027-01-01, 2027-01-04",  // 1. nyttårsdag on a Friday, then the weekend
            "2026-12-10, 2026-12-24, 2026-12-24",  // Christmas Eve is a working day
            "2026-12-17, 2026-12-31, 2026-12-31"}) // and so is New Year's Eve
    void paymentIsDueTheVarselPlusFourteenDaysMovedToAWorkingDay(LocalDate varsel, LocalDate raw, LocalDate due) {
        Deadline payment = only(DeadlineKind.PAYMENT, List.of(new RecordedStep(VARSEL_SENT, varsel)));
        assertEquals(raw, payment.rawDate());
        assertEquals(due, payment.adjustedDate());
        assertEquals(!raw.equals(due), payment.moved());
    }

    @Test
    void paymentDeadlineNamesItsLegalBasis() {
        Deadline payment = only(DeadlineKind.PAYMENT, List.of(step(VARSEL_SENT, "2026-03-02")));
        assertTrue(payment.legalBasis().contains("tvangsfullbyrdelsesloven § 4-18"), payment.legalBasis());
        assertFalse(payment.name().isBlank());
    }

    @Test
    void filingWaitsTwoWeeksAfterTheCopyToNav() {
        List<RecordedStep> steps = List.of(step(VARSEL_SENT, "2026-03-20"), step(NAV_COPY_SENT, "2026-03-22"));
        Deadline filing = only(DeadlineKind.FILING_AFTER_NAV_COPY, steps);
        assertEquals(LocalDate.of(2026, 4, 5), filing.rawDate());
        assertEquals(LocalDate.of(2026, 4, 7), filing.adjustedDate());
        assertTrue(filing.legalBasis().contains("husleieloven § 9-11"), filing.legalBasis());
        assertTrue(LegalDeadlines.compute(steps).navMayBeContacted());
        assertTrue(LegalDeadlines.navMayBeContacted(steps));
    }

    @Test
    void aReservationMeansNavMayNotBeContactedAndNoWaitApplies() {
        List<RecordedStep> steps = List.of(step(VARSEL_SENT, "2026-03-20"), step(TENANT_RESERVATION, "2026-03-21"));
        CaseDeadlines result = LegalDeadlines.compute(steps);
        assertFalse(result.navMayBeContacted());
        assertFalse(LegalDeadlines.navMayBeContacted(steps));
        assertEquals(List.of(DeadlineKind.PAYMENT), result.deadlines().stream().map(Deadline::kind).toList());
    }

    @Test
    void aReservationAfterTheCopyStillEndsTheWait() {
        List<RecordedStep> steps = List.of(step(VARSEL_SENT, "2026-03-20"), step(NAV_COPY_SENT, "2026-03-20"),
                step(TENANT_RESERVATION, "2026-03-23"));
        CaseDeadlines result = LegalDeadlines.compute(steps);
        assertFalse(result.navMayBeContacted());
        assertTrue(result.deadlines().stream().noneMatch(d -> d.kind() == DeadlineKind.FILING_AFTER_NAV_COPY));
    }

    @Test
    void withNoStepsNavMayBeContacted() {
        assertTrue(LegalDeadlines.navMayBeContacted(List.of()));
        assertTrue(LegalDeadlines.navMayBeContacted(null));
    }

    @Test
    void belongingsMayBeCollectedForFourteenDays() {
        Deadline belongings = only(DeadlineKind.BELONGINGS_COLLECTION,
                List.of(step(FRAVIKELSE_CARRIED_OUT, "2026-12-12")));
        assertEquals(LocalDate.of(2026, 12, 26), belongings.rawDate());
        assertEquals(LocalDate.of(2026, 12, 28), belongings.adjustedDate());
        assertTrue(belongings.legalBasis().contains("§ 13-11"), belongings.legalBasis());
    }

    @Test
    void theDayNamsmannenSetIsNotMoved() {
        Deadline fravikelse = only(DeadlineKind.FRAVIKELSE, List.of(step(FRAVIKELSE_SCHEDULED, "2026-06-10")));
        assertEquals(LocalDate.of(2026, 6, 10), fravikelse.rawDate());
        assertEquals(LocalDate.of(2026, 6, 10), fravikelse.adjustedDate());
        assertFalse(fravikelse.moved());
    }

    @Test
    void deadlinesComeInDateOrder() {
        List<RecordedStep> steps = List.of(step(FRAVIKELSE_CARRIED_OUT, "2026-06-10"), step(VARSEL_SENT, "2026-03-02"),
                step(FRAVIKELSE_SCHEDULED, "2026-06-10"), step(NAV_COPY_SENT, "2026-03-03"));
        assertEquals(List.of(DeadlineKind.PAYMENT, DeadlineKind.FILING_AFTER_NAV_COPY, DeadlineKind.FRAVIKELSE,
                        DeadlineKind.BELONGINGS_COLLECTION),
                LegalDeadlines.compute(steps).deadlines().stream().map(Deadline::kind).toList());
    }

    @Test
    void aStepRecordedTwiceCountsWithItsLastRecording() {
        List<RecordedStep> steps = List.of(step(FRAVIKELSE_SCHEDULED, "2026-06-10"),
                step(FRAVIKELSE_SCHEDULED, "2026-06-24"));
        assertEquals(LocalDate.of(2026, 6, 24), only(DeadlineKind.FRAVIKELSE, steps).adjustedDate());
    }

    @Test
    void incompleteStepsAreLeftOutOfTheComputation() {
        List<RecordedStep> steps = Arrays.asList(null, new RecordedStep(null, TODAY),
                new RecordedStep(VARSEL_SENT, null), step(NAV_COPY_SENT, "2026-03-02"));
        assertEquals(List.of(DeadlineKind.FILING_AFTER_NAV_COPY),
                LegalDeadlines.compute(steps).deadlines().stream().map(Deadline::kind).toList());
        assertTrue(LegalDeadlines.compute(null).deadlines().isEmpty());
    }

    @Test
    void nextDeadlineIsTheFirstThatEndsOnOrAfterToday() {
        assertEquals(DeadlineKind.PAYMENT, nextKindOn("2026-03-10"));
        assertEquals(DeadlineKind.PAYMENT, nextKindOn("2026-03-16"));
        assertEquals(DeadlineKind.FILING_AFTER_NAV_COPY, nextKindOn("2026-03-17"));
        assertEquals(Optional.empty(), LegalDeadlines.nextDeadline(VARSEL_AND_NAV_COPY, LocalDate.of(2026, 3, 24)));
    }

    @Test
    void nextDeadlineSkipsDeadlinesTheCaseHasMovedPast() {
        List<RecordedStep> filed = new ArrayList<>(VARSEL_AND_NAV_COPY);
        filed.add(step(BEGJAERING_FILED, "2026-03-12"));
        assertEquals(Optional.empty(), LegalDeadlines.nextDeadline(filed, LocalDate.of(2026, 3, 12)));

        List<RecordedStep> evicted = List.of(step(FRAVIKELSE_SCHEDULED, "2026-06-10"),
                step(FRAVIKELSE_CARRIED_OUT, "2026-06-10"));
        Deadline next = LegalDeadlines.nextDeadline(evicted, LocalDate.of(2026, 6, 1)).orElseThrow();
        assertEquals(DeadlineKind.BELONGINGS_COLLECTION, next.kind());
        assertEquals(LocalDate.of(2026, 6, 24), next.adjustedDate());

        List<RecordedStep> collected = new ArrayList<>(evicted);
        collected.add(step(BELONGINGS_COLLECTED, "2026-06-15"));
        assertEquals(Optional.empty(), LegalDeadlines.nextDeadline(collected, LocalDate.of(2026, 6, 15)));
    }

    @Test
    void nextDeadlineMayBeTheScheduledFravikelse() {
        List<RecordedStep> scheduled = List.of(step(VARSEL_SENT, "2026-03-02"), step(BEGJAERING_FILED, "2026-03-17"),
                step(PRESENTED_BY_NAMSMANN, "2026-03-25"), step(FRAVIKELSE_SCHEDULED, "2026-05-06"));
        Deadline next = LegalDeadlines.nextDeadline(scheduled, LocalDate.of(2026, 4, 1)).orElseThrow();
        assertEquals(DeadlineKind.FRAVIKELSE, next.kind());
        assertEquals(LocalDate.of(2026, 5, 6), next.adjustedDate());
    }

    private DeadlineKind nextKindOn(String today) {
        return LegalDeadlines.nextDeadline(VARSEL_AND_NAV_COPY, LocalDate.parse(today)).orElseThrow().kind();
    }

    @Test
    void aCaseMovingForwardIsValid() {
        List<RecordedStep> steps = List.of(step(VARSEL_SENT, "2026-01-05"), step(NAV_COPY_SENT, "2026-01-05"),
                step(BEGJAERING_FILED, "2026-01-26"), step(PRESENTED_BY_NAMSMANN, "2026-02-02"),
                step(FRAVIKELSE_SCHEDULED, "2026-03-04"), step(FRAVIKELSE_CARRIED_OUT, "2026-03-04"),
                step(BELONGINGS_COLLECTED, "2026-03-10"));
        assertEquals(List.of(), LegalDeadlines.validate(steps, false, TODAY));
    }

    @Test
    void theListOrderDoesNotMatterOnlyTheDates() {
        List<RecordedStep> steps = List.of(step(BEGJAERING_FILED, "2026-01-26"), step(VARSEL_SENT, "2026-01-05"));
        assertEquals(List.of(), LegalDeadlines.validate(steps, false, TODAY));
    }

    @Test
    void aBegjaeringBeforeTheVarselIsInvalidWithoutADirectFilingClause() {
        List<RecordedStep> steps = List.of(step(VARSEL_SENT, "2026-02-10"), step(BEGJAERING_FILED, "2026-02-01"));
        List<StepProblem> problems = LegalDeadlines.validate(steps, false, TODAY);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("steps[1].date", problems.get(0).field());
        assertTrue(problems.get(0).message().contains("VARSEL_SENT"), problems.get(0).message());

        assertEquals(List.of(), LegalDeadlines.validate(steps, true, TODAY));
    }

    @Test
    void theDirectFilingClauseExcusesOnlyTheVarsel() {
        List<RecordedStep> steps = List.of(step(VARSEL_SENT, "2026-02-10"), step(NAV_COPY_SENT, "2026-02-10"),
                step(BEGJAERING_FILED, "2026-02-01"));
        List<StepProblem> problems = LegalDeadlines.validate(steps, true, TODAY);
        assertEquals(List.of("steps[2].date"), problems.stream().map(StepProblem::field).toList());
        assertTrue(problems.get(0).message().contains("NAV_COPY_SENT"), problems.get(0).message());
    }

    @Test
    void aStepBeforeSeveralEarlierStepsIsReportedOnceAgainstTheLatest() {
        List<RecordedStep> steps = List.of(step(VARSEL_SENT, "2026-01-05"), step(BEGJAERING_FILED, "2026-01-26"),
                step(PRESENTED_BY_NAMSMANN, "2026-02-02"), step(FRAVIKELSE_CARRIED_OUT, "2026-01-20"));
        List<StepProblem> problems = LegalDeadlines.validate(steps, false, TODAY);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("steps[3].date", problems.get(0).field());
        assertTrue(problems.get(0).message().contains("PRESENTED_BY_NAMSMANN (2026-02-02)"),
                problems.get(0).message());
    }

    @Test
    void theReservationMayComeAtAnyTimeButNoCopyToNavAfterIt() {
        assertEquals(List.of(), LegalDeadlines.validate(List.of(step(TENANT_RESERVATION, "2025-06-01"),
                step(VARSEL_SENT, "2026-01-05"), step(BEGJAERING_FILED, "2026-01-26")), false, TODAY));

        List<StepProblem> problems = LegalDeadlines.validate(List.of(step(VARSEL_SENT, "2026-01-05"),
                step(TENANT_RESERVATION, "2026-01-06"), step(NAV_COPY_SENT, "2026-01-07")), false, TODAY);
        assertEquals(List.of("steps[2].date"), problems.stream().map(StepProblem::field).toList());
        assertTrue(problems.get(0).message().contains("reservation"), problems.get(0).message());
    }

    @Test
    void aDateMoreThan366DaysAheadIsInvalid() {
        LocalDate limit = TODAY.plusDays(366);
        assertEquals(List.of(), LegalDeadlines.validate(
                List.of(new RecordedStep(FRAVIKELSE_SCHEDULED, limit)), false, TODAY));
        List<StepProblem> problems = LegalDeadlines.validate(
                List.of(new RecordedStep(FRAVIKELSE_SCHEDULED, limit.plusDays(1))), false, TODAY);
        assertEquals(List.of("steps[0].date"), problems.stream().map(StepProblem::field).toList());
    }

    @Test
    void aStepRecordedTwiceIsInvalid() {
        List<StepProblem> problems = LegalDeadlines.validate(List.of(step(VARSEL_SENT, "2026-01-05"),
                step(VARSEL_SENT, "2026-01-20")), false, TODAY);
        assertEquals(List.of("steps[1].step"), problems.stream().map(StepProblem::field).toList());
    }

    @Test
    void missingPartsAreReportedNotThrown() {
        List<RecordedStep> steps = Arrays.asList(null, new RecordedStep(null, TODAY),
                new RecordedStep(VARSEL_SENT, null));
        assertEquals(List.of("steps[0]", "steps[1].step", "steps[2].date"),
                LegalDeadlines.validate(steps, false, TODAY).stream().map(StepProblem::field).toList());
        assertEquals(List.of(new StepProblem("steps", "is missing")), LegalDeadlines.validate(null, false, TODAY));
    }
}
