package no.tettpa.backend.persons.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Valid numbers are built here by an independent reading of the check-digit rule: the weighted digit sums,
 * with the check digit itself weighted 1, must be divisible by 11. Plain fødselsnumre and D-numbers use birth
 * years before 1900 or after today, so that no test number can belong to a living person.
 */
class NationalIdentityNumberTest {

    /** The nine digits completed with both check digits, or null when no check digit fits. */
    static String withCheckDigits(String nineDigits) {
        Integer first = digitMakingSumDivisible(nineDigits, new int[] {3, 7, 6, 1, 8, 9, 4, 5, 2, 1});
        if (first == null) {
            return null;
        }
        Integer second = digitMakingSumDivisible(nineDigits + first, new int[] {5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1});
        return second == null ? null : nineDigits + first + second;
    }

    private static Integer digitMakingSumDivisible(String prefix, int[] weights) {
        for (int candidate = 0; candidate <= 9; candidate++) {
            String digits = prefix + candidate;
            int sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i] * (digits.charAt(i) - '0');
            }
            if (sum % 11 == 0) {
                return candidate;
            }
        }
        return null;
    }

    /** The first of the hundred individual numbers from {@code from} that completes the date digits. */
    static String valid(String dateDigits, int from) {
        for (int individual = from; individual < from + 100; individual++) {
            String number = withCheckDigits(dateDigits + String.format("%03d", individual));
            if (number != null) {
                return number;
            }
        }
        throw new AssertionError("no valid number");
    }

    @ParameterizedTest(name = "{0} with individual number from {1} is born {2}")
    @CsvSource({
            "311299, 500, 1899-12-31",  // 500–749 with year 54–99: 1800s
            "010154, 500, 1854-01-01",
            "010135, 500, 2035-01-01",  // 500–999 with year 00–39: 2000s
            "010139, 900, 2039-01-01",
            "290236, 500, 2036-02-29",  // a leap day
            "290200, 500, 2000-02-29",  // 2000 was a leap year
            "410135, 500, 2035-01-01",  // D-number: day + 40
            "710135, 500, 2035-01-31",
            "014135, 500, 2035-01-01",  // NAV synthetic: month + 40
            "018135, 500, 2035-01-01",  // Tenor synthetic: month + 80
            "019250, 000, 1950-12-01",  // Tenor synthetic, 000–499: 1900s
            "019265, 900, 1965-12-01",  // Tenor synthetic, 900–999 with year 40–99: 1900s
            "519265, 900, 1965-12-11"}) // Tenor synthetic D-number
    void validNumbersAndTheirBirthDates(String dateDigits, int from, LocalDate birthDate) {
        String number = valid(dateDigits, from);
        assertEquals(Optional.empty(), NationalIdentityNumber.problem(number));
        assertTrue(NationalIdentityNumber.isValid(number));
        assertEquals(birthDate, NationalIdentityNumber.birthDate(number));
        assertEquals(dateDigits.charAt(0) >= '4', NationalIdentityNumber.isDNumber(number));
    }

    @Test
    void aNumberCheckedByHand() {
        // 0·3+1·7+0·6+1·1+3·8+5·9+5·4+0·5+0·2 = 97 = 8·11+9, so k1 = 11-9 = 2;
        // 0·5+1·4+0·3+1·2+3·7+5·6+5·5+0·4+0·3+2·2 = 86 = 7·11+9, so k2 = 11-9 = 2.
        assertEquals("01013550022", withCheckDigits("010135500"));
        assertEquals(Optional.empty(), NationalIdentityNumber.problem("01013550022"));
        assertEquals(LocalDate.of(2035, 1, 1), NationalIdentityNumber.birthDate("01013550022"));
    }

    @Test
    void aWrongFirstCheckDigit() {
        String number = valid("010135", 500);
        String wrong = number.substring(0, 9) + (char) ('0' + (number.charAt(9) - '0' + 1) % 10) + number.charAt(10);
        assertProblem(wrong, "first check digit");
    }

    @Test
    void aWrongSecondCheckDigit() {
        String number = valid("010135", 500);
        String wrong = number.substring(0, 10) + (char) ('0' + (number.charAt(10) - '0' + 1) % 10);
        assertProblem(wrong, "second check digit");
    }

    @Test
    void nineDigitsForWhichNoFirstCheckDigitExists() {
        String prefix = null;
        for (int individual = 500; prefix == null; individual++) {
            String candidate = "010135" + individual;
            if (digitMakingSumDivisible(candidate, new int[] {3, 7, 6, 1, 8, 9, 4, 5, 2, 1}) == null) {
                prefix = candidate;
            }
        }
        for (int first = 0; first <= 9; first++) {
            assertProblem(prefix + first + "0", "first check digit");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0101355000", "010135500000", "1", "0101355000712345"})
    void wrongLength(String value) {
        assertProblem(value, "exactly 11 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0101355000a", "010135 50007", "010135-50007", "+4701013550", "٠١٠١٣٥٥٠٠٠٧"})
    void nonDigits(String value) {
        assertProblem(value, "digits only");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missing(String value) {
        assertProblem(value, "missing");
    }

    @ParameterizedTest(name = "date digits {0}")
    @CsvSource({
            "320135, 500",  // day 32
            "000135, 500",  // day 0
            "011335, 500",  // month 13
            "010035, 500",  // month 0
            "300235, 500",  // 30 February
            "290235, 500",  // 29 February in a common year
            "290200, 000",  // 1900 was not a leap year
            "720135, 500",  // D-number with day 32
            "015335, 500",  // synthetic month 13
            "010145, 750",  // 750–899 with year 40–99 is never issued
            "010145, 500"}) // 500–749 with year 40–53 is never issued
    void anInvalidDateOfBirth(String dateDigits, int from) {
        assertProblem(valid(dateDigits, from), "date of birth");
    }

    @Test
    void aFødselsnummerIsNotADNumberAndAnInvalidNumberIsNeither() {
        assertFalse(NationalIdentityNumber.isDNumber(valid("010135", 500)));
        assertFalse(NationalIdentityNumber.isDNumber("41013550000"));
        assertFalse(NationalIdentityNumber.isDNumber(null));
    }

    @Test
    void birthDateRefusesAnInvalidNumberWithoutRepeatingIt() {
        String invalid = "32013550000";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NationalIdentityNumber.birthDate(invalid));
        assertFalse(e.getMessage().contains(invalid));
    }

    private static void assertProblem(String value, String expectedFragment) {
        Optional<String> problem = NationalIdentityNumber.problem(value);
        assertTrue(problem.isPresent(), "expected a problem");
        assertTrue(problem.get().contains(expectedFragment), problem.get());
        if (value != null && value.length() >= 6) {
            assertFalse(problem.get().contains(value.substring(0, 6)), "the message must not repeat the number");
        }
        assertNotNull(problem.get());
    }
}
