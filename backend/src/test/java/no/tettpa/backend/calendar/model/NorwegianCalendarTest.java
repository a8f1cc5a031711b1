package no.tettpa.backend.calendar.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NorwegianCalendarTest {

    @ParameterizedTest
    @CsvSource({
            "1818, 1818-03-22", "1943, 1943-04-25", "2000, 2000-04-23", "2008, 2008-03-23", "2011, 2011-04-24",
            "2013, 2013-03-31", "2016, 2016-03-27", "2019, 2019-04-21", "2024, 2024-03-31", "2025, 2025-04-20",
            "2026, 2026-04-05", "2027, 2027-03-28", "2030, 2030-04-21", "2035, 2035-03-25", "2038, 2038-04-25",
            "2285, 2285-03-22"})
    void easterSundayOfKnownYears(int year, LocalDate easter) {
        assertEquals(easter, EasterSunday.of(year));
        assertEquals(easter, PublicHoliday.FORSTE_PASKEDAG.dateIn(year));
    }

    @Test
    void easterIsAlwaysASundayBetween22MarchAnd25April() {
        for (int year = 1700; year <= 2500; year++) {
            LocalDate easter = EasterSunday.of(year);
            assertEquals(DayOfWeek.SUNDAY, easter.getDayOfWeek(), "year " + year);
            assertFalse(easter.isBefore(LocalDate.of(year, 3, 22)), "year " + year);
            assertFalse(easter.isAfter(LocalDate.of(year, 4, 25)), "year " + year);
        }
    }

    @Test
    void holidaysOf2026() {
        assertEquals(List.of(
                LocalDate.of(2026, 1, 1),   // 1. nyttårsdag
                LocalDate.of(2026, 4, 2),   // skjærtorsdag
                LocalDate.of(2026, 4, 3),   // langfredag
                LocalDate.of(2026, 4, 5),   // 1. påskedag
                LocalDate.of(2026, 4, 6),   // 2. påskedag
                LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 14),  // Kristi himmelfartsdag
                LocalDate.of(2026, 5, 17),
                LocalDate.of(2026, 5, 24),  // 1. pinsedag
                LocalDate.of(2026, 5, 25),  // 2. pinsedag
                LocalDate.of(2026, 12, 25),
                LocalDate.of(2026, 12, 26)), new ArrayList<>(NorwegianCalendar.publicHolidays(2026)));
    }

    @Test
    void holidaysOf2027WhereWhitMondayIs17May() {
        assertEquals(List.of(
                LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 3, 25),  // skjærtorsdag
                LocalDate.of(2027, 3, 26),  // langfredag
                LocalDate.of(2027, 3, 28),  // 1. påskedag
                LocalDate.of(2027, 3, 29),  // 2. påskedag
                LocalDate.of(2027, 5, 1),
                LocalDate.of(2027, 5, 6),   // Kristi himmelfartsdag
                LocalDate.of(2027, 5, 16),  // 1. pinsedag
                LocalDate.of(2027, 5, 17),  // 17. mai and 2. pinsedag
                LocalDate.of(2027, 12, 25),
                LocalDate.of(2027, 12, 26)), new ArrayList<>(NorwegianCalendar.publicHolidays(2027)));
        assertEquals(PublicHoliday.SYTTENDE_MAI.dateIn(2027), PublicHoliday.ANDRE_PINSEDAG.dateIn(2027));
    }

    @Test
    void firstMayAndAscensionDayCoincideIn2008() {
        LocalDate firstMay = LocalDate.of(2008, Month.MAY, 1);
        assertEquals(firstMay, PublicHoliday.KRISTI_HIMMELFARTSDAG.dateIn(2008));
        assertEquals(firstMay, PublicHoliday.FORSTE_MAI.dateIn(2008));
        assertEquals(11, NorwegianCalendar.publicHolidays(2008).size());
        assertTrue(NorwegianCalendar.isPublicHoliday(firstMay));
        assertEquals(LocalDate.of(2008, 5, 2), NorwegianCalendar.nextWorkingDayOnOrAfter(firstMay));
    }

    @Test
    void seventeenthOfMayOnASunday() {
        LocalDate constitutionDay = LocalDate.of(2026, 5, 17);
        assertEquals(DayOfWeek.SUNDAY, constitutionDay.getDayOfWeek());
        assertTrue(NorwegianCalendar.isPublicHoliday(constitutionDay));
        assertFalse(NorwegianCalendar.isWorkingDay(constitutionDay));
        assertEquals(LocalDate.of(2026, 5, 18), NorwegianCalendar.nextWorkingDayOnOrAfter(constitutionDay));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-24", "2026-12-31", "2026-04-04", "2026-05-23", "2026-04-01", "2027-12-24"})
    void eveningsAndSaturdaysBeforeHolidaysAreNotPublicHolidays(LocalDate date) {
        assertFalse(NorwegianCalendar.isPublicHoliday(date));
    }

    @Test
    void christmasEveOnAWeekdayIsAWorkingDay() {
        LocalDate christmasEve = LocalDate.of(2026, 12, 24);
        assertEquals(DayOfWeek.THURSDAY, christmasEve.getDayOfWeek());
        assertTrue(NorwegianCalendar.isWorkingDay(christmasEve));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-03-10, 2026-03-10",  // an ordinary Tuesday
            "2026-03-14, 2026-03-16",  // Saturday
            "2026-03-15, 2026-03-16",  // Sunday
            "2026-04-02, 2026-04-07",  // skjærtorsdag to the Tuesday after Easter
            "2026-04-05, 2026-04-07",  // 1. påskedag
            "2026-05-01, 2026-05-04",  // 1 May on a Friday
            "2026-05-14, 2026-05-15",  // Kristi himmelfartsdag
            "2026-05-24, 2026-05-26",  // Whit Sunday and Monday
            "2026-12-25, 2026-12-28",  // Christmas Friday and Saturday, then Sunday
            "2027-01-01, 2027-01-04",  // New Year's Day on a Friday
            "2027-05-16, 2027-05-18",  // 1. pinsedag, then 17 May as 2. pinsedag
            "2027-12-25, 2027-12-27"})
    void nextWorkingDay(LocalDate date, LocalDate expected) {
        assertEquals(expected, NorwegianCalendar.nextWorkingDayOnOrAfter(date));
    }

    @Test
    void weekendsAreNotWorkingDays() {
        assertFalse(NorwegianCalendar.isWorkingDay(LocalDate.of(2026, 3, 14)));
        assertFalse(NorwegianCalendar.isWorkingDay(LocalDate.of(2026, 3, 15)));
        assertTrue(NorwegianCalendar.isWorkingDay(LocalDate.of(2026, 3, 13)));
    }

    @Test
    void everyHolidayOfAYearIsInItsSetAndNoOtherDayIs() {
        for (int year = 2020; year <= 2040; year++) {
            Set<LocalDate> holidays = NorwegianCalendar.publicHolidays(year);
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                assertEquals(holidays.contains(d), NorwegianCalendar.isPublicHoliday(d), d.toString());
            }
        }
    }

    @Test
    void theHolidaySetCannotBeChanged() {
        Set<LocalDate> holidays = NorwegianCalendar.publicHolidays(2026);
        assertThrows(UnsupportedOperationException.class, () -> holidays.add(LocalDate.of(2026, 12, 24)));
    }
}
