package no.tettpa.backend.calendar.model;

import java.time.LocalDate;

/**
 * Easter Sunday in the Gregorian calendar, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 *
 * <p>Floor division keeps the arithmetic defined for every year {@link LocalDate} accepts; before Norway took
 * up the Gregorian calendar (1700) the answer is the proleptic Gregorian date, not the one kept at the time.
 */
public final class EasterSunday {
    private EasterSunday() {}

    public static LocalDate of(int year) {
        int a = Math.floorMod(year, 19);
        int century = Math.floorDiv(year, 100);
        int yearInCentury = Math.floorMod(year, 100);
        int d = Math.floorDiv(century, 4);
        int e = Math.floorMod(century, 4);
        int f = Math.floorDiv(century + 8, 25);
        int g = Math.floorDiv(century - f + 1, 3);
        int h = Math.floorMod(19 * a + century - d - g + 15, 30);
        int i = Math.floorDiv(yearInCentury, 4);
        int k = Math.floorMod(yearInCentury, 4);
        int l = Math.floorMod(32 + 2 * e + 2 * i - h - k, 7);
        int m = Math.floorDiv(a + 11 * h + 22 * l, 451);
        int monthAndDay = h + l - 7 * m + 114;
        return LocalDate.of(year, monthAndDay / 31, monthAndDay % 31 + 1);
    }
}
