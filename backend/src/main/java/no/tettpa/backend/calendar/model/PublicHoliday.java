package no.tettpa.backend.calendar.model;

import java.time.LocalDate;
import java.time.Month;

/**
 * The Norwegian public holidays: the helligdager of lov om helligdager og helligdagsfred (1995) plus the two
 * lovbestemte høytidsdager 1 and 17 May (lov om 1. og 17. mai som høgtidsdager, 1947).
 *
 * <p>Christmas Eve, New Year's Eve, Easter Saturday and Whit Saturday are not on the list: they are ordinary
 * days in law, however many offices close. Ordinary Sundays are not listed either; {@link NorwegianCalendar}
 * treats every Sunday as a non-working day on its own.
 */
public enum PublicHoliday {
    NYTTARSDAG("1. nyttårsdag"),
    SKJAERTORSDAG("Skjærtorsdag"),
    LANGFREDAG("Langfredag"),
    FORSTE_PASKEDAG("1. påskedag"),
    ANDRE_PASKEDAG("2. påskedag"),
    FORSTE_MAI("1. mai"),
    SYTTENDE_MAI("17. mai"),
    KRISTI_HIMMELFARTSDAG("Kristi himmelfartsdag"),
    FORSTE_PINSEDAG("1. pinsedag"),
    ANDRE_PINSEDAG("2. pinsedag"),
    FORSTE_JULEDAG("1. juledag"),
    ANDRE_JULEDAG("2. juledag");

    private final String norwegianName;

    PublicHoliday(String norwegianName) {
        this.norwegianName = norwegianName;
    }

    public String norwegianName() {
        return norwegianName;
    }

    /** The date of this holiday in the given year (Gregorian calendar). */
    public LocalDate dateIn(int year) {
        return switch (this) {
            case NYTTARSDAG -> LocalDate.of(year, Month.JANUARY, 1);
            case SKJAERTORSDAG -> EasterSunday.of(year).minusDays(3);
            case LANGFREDAG -> EasterSunday.of(year).minusDays(2);
            case FORSTE_PASKEDAG -> EasterSunday.of(year);
            case ANDRE_PASKEDAG -> EasterSunday.of(year).plusDays(1);
            case FORSTE_MAI -> LocalDate.of(year, Month.MAY, 1);
            case SYTTENDE_MAI -> LocalDate.of(year, Month.MAY, 17);
            case KRISTI_HIMMELFARTSDAG -> EasterSunday.of(year).plusDays(39);
            case FORSTE_PINSEDAG -> EasterSunday.of(year).plusDays(49);
            case ANDRE_PINSEDAG -> EasterSunday.of(year).plusDays(50);
            case FORSTE_JULEDAG -> LocalDate.of(year, Month.DECEMBER, 25);
            case ANDRE_JULEDAG -> LocalDate.of(year, Month.DECEMBER, 26);
        };
    }
}
