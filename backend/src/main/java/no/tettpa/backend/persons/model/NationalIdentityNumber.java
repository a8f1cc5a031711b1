package no.tettpa.backend.persons.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A Norwegian fødselsnummer or D-number (folkeregisterloven; format set by Skatteetaten): 11 digits, the date of
 * birth as DDMMYY, a three-digit individual number and two mod-11 check digits.
 *
 * <ul>
 *   <li>D-number: 4 is added to the first digit (day + 40).</li>
 *   <li>Synthetic test numbers are accepted too: month + 40 (NAV's synthetic numbers; this also lets through
 *       helsenummer, which share the form) and month + 80 (Skatteetaten's Tenor test population).</li>
 *   <li>The individual number fixes the century: 000–499 → 1900–1999; 500–749 with year 54–99 → 1854–1899;
 *       500–999 with year 00–39 → 2000–2039; 900–999 with year 40–99 → 1940–1999. Other pairs are never issued.
 *   </li>
 * </ul>
 * Messages never repeat the number: it is personal data and must not reach a log.
 */
public final class NationalIdentityNumber {
    private static final int[] FIRST_CHECK_WEIGHTS = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] SECOND_CHECK_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private NationalIdentityNumber() {}

    /** Why the value is not a valid number, or empty when it is. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("The national identity number is missing.");
        }
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("The national identity number must contain digits only.");
        }
        if (value.length() != 11) {
            return Optional.of("The national identity number must be exactly 11 digits, not " + value.length() + ".");
        }
        if (decodeBirthDate(value).isEmpty()) {
            return Optional.of("The national identity number does not begin with a valid date of birth.");
        }
        if (checkDigit(value, FIRST_CHECK_WEIGHTS) != digit(value, 9)) {
            return Optional.of("The first check digit (digit 10) of the national identity number does not match;"
                    + " it is probably mistyped.");
        }
        if (checkDigit(value, SECOND_CHECK_WEIGHTS) != digit(value, 10)) {
            return Optional.of("The second check digit (digit 11) of the national identity number does not match;"
                    + " it is probably mistyped.");
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** True for a valid D-number; false for a valid fødselsnummer and for anything invalid. */
    public static boolean isDNumber(String value) {
        return isValid(value) && digit(value, 0) >= 4;
    }

    /**
     * The date of birth a valid number encodes.
     *
     * @throws IllegalArgumentException when {@link #problem} finds the number invalid; check that first
     */
    public static LocalDate birthDate(String value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a valid national identity number; check problem() first");
        }
        return decodeBirthDate(value).orElseThrow();
    }

    private static Optional<LocalDate> decodeBirthDate(String value) {
        int day = digit(value, 0) * 10 + digit(value, 1);
        int month = digit(value, 2) * 10 + digit(value, 3);
        int yearInCentury = digit(value, 4) * 10 + digit(value, 5);
        int individual = Integer.parseInt(value.substring(6, 9));
        if (day > 40) {
            day -= 40;
        }
        if (month > 80) {
            month -= 80;
        } else if (month > 40) {
            month -= 40;
        }
        Optional<Integer> century = century(individual, yearInCentury);
        if (century.isEmpty() || month < 1 || month > 12 || day < 1) {
            return Optional.empty();
        }
        YearMonth yearMonth = YearMonth.of(century.get() + yearInCentury, month);
        return day <= yearMonth.lengthOfMonth() ? Optional.of(yearMonth.atDay(day)) : Optional.empty();
    }

    private static Optional<Integer> century(int individual, int yearInCentury) {
        if (individual <= 499) {
            return Optional.of(1900);
        }
        if (individual <= 749 && yearInCentury >= 54) {
            return Optional.of(1800);
        }
        if (yearInCentury <= 39) {
            return Optional.of(2000);
        }
        if (individual >= 900) {
            return Optional.of(1900);
        }
        return Optional.empty();
    }

    /** The mod-11 check digit for the digits the weights cover; 10 never matches a digit, which is the point. */
    private static int checkDigit(String value, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * digit(value, i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }

    private static int digit(String value, int index) {
        return value.charAt(index) - '0';
    }
}
