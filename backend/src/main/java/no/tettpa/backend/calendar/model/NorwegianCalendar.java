package no.tettpa.backend.calendar.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Working days in Norway: every day except Saturday, Sunday and the {@link PublicHoliday public holidays}.
 *
 * <p>This is the calendar that moves a legal deadline: a time limit that ends on a Saturday, Sunday or public
 * holiday runs to the next working day (domstolloven § 149). The current holiday law is applied to every year;
 * the calendar does not model the years before 1 and 17 May became høytidsdager (1947).
 */
public final class NorwegianCalendar {
    private NorwegianCalendar() {}

    public static boolean isPublicHoliday(LocalDate date) {
        return Arrays.stream(PublicHoliday.values()).anyMatch(h -> h.dateIn(date.getYear()).equals(date));
    }

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isPublicHoliday(date);
    }

    /** The date itself when it is a working day, otherwise the first working day after it. */
    public static LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        LocalDate candidate = date;
        while (!isWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /**
     * The distinct public-holiday dates of a year, in date order. Two holidays can share a date (1 May and Kristi
     * himmelfartsdag in 2008, 17 May and 2. pinsedag in 2027), so a year has at most twelve.
     */
    public static Set<LocalDate> publicHolidays(int year) {
        return Collections.unmodifiableSortedSet(Arrays.stream(PublicHoliday.values())
                .map(h -> h.dateIn(year))
                .collect(Collectors.toCollection(TreeSet::new)));
    }
}
