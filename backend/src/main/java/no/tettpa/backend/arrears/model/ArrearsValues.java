package no.tettpa.backend.arrears.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the cells of an arrears list are read: NOK amounts, whole months and dates, in Norwegian or ISO form. */
final class ArrearsValues {
    static final int MAX_MONTHS_IN_ARREARS = 120;
    /** Nine digits of kroner is far above any rent or debt, and fits any numeric column downstream. */
    private static final int MAX_KRONER_DIGITS = 9;
    /** Whole kroner grouped by spaces or not, then at most two decimals after a comma or a point. */
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,3}(?: \\d{3})+|\\d+)(?:[.,](\\d{1,2}))?");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern NORWEGIAN_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");

    private ArrearsValues() {}

    /** A cell's value, or why it has none. */
    record Read<T>(T value, String problem) {
        static <T> Read<T> of(T value) {
            return new Read<>(value, null);
        }

        static <T> Read<T> failed(String problem) {
            return new Read<>(null, problem);
        }
    }

    /**
     * A non-negative NOK amount such as {@code 12 500,50}, {@code 12500.50} or {@code 12 500,-}. Spreadsheets
     * group thousands with a no-break space, so every kind of space counts. A point or comma followed by three
     * digits is refused rather than guessed at: "12,500" is twelve and a half kroner to a Norwegian and twelve
     * thousand five hundred to an English reader.
     */
    static Read<BigDecimal> amount(String cell) {
        String text = cell.replace('\u00A0', ' ').replace('\u202F', ' ').strip();
        if (text.endsWith(",-") || text.endsWith(".-")) {
            text = text.substring(0, text.length() - 2).strip();
        }
        if (text.startsWith("-") || text.startsWith("\u2212")) {
            return Read.failed("The amount must not be negative.");
        }
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            return Read.failed("Not an amount in NOK: write e.g. 12 500,50 or 12500.50, with at most two"
                    + " decimals and thousands grouped by spaces only.");
        }
        String kroner = m.group(1).replace(" ", "").replaceFirst("^0+(?=\\d)", "");
        if (kroner.length() > MAX_KRONER_DIGITS) {
            return Read.failed("The amount is too large to be rent or arrears.");
        }
        String ore = m.group(2) == null ? "0" : m.group(2);
        return Read.of(new BigDecimal(kroner + "." + ore).setScale(2));
    }

    static Read<Integer> monthsInArrears(String cell) {
        String text = cell.strip();
        String range = "The number of months must be a whole number from 0 to " + MAX_MONTHS_IN_ARREARS + ".";
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            return Read.failed(range);
        }
        int months = Integer.parseInt(text);
        return months <= MAX_MONTHS_IN_ARREARS ? Read.of(months) : Read.failed(range);
    }

    /** A date written {@code 2026-03-01} or {@code 01.03.2026} (also {@code 1.3.2026}). */
    static Read<LocalDate> date(String cell) {
        String text = cell.strip();
        Matcher iso = ISO_DATE.matcher(text);
        Matcher norwegian = NORWEGIAN_DATE.matcher(text);
        Optional<LocalDate> date;
        if (iso.matches()) {
            date = dateOf(iso.group(1), iso.group(2), iso.group(3));
        } else if (norwegian.matches()) {
            date = dateOf(norwegian.group(3), norwegian.group(2), norwegian.group(1));
        } else {
            return Read.failed("Not a date: write e.g. 2026-03-01 or 01.03.2026.");
        }
        return date.map(Read::of).orElseGet(() -> Read.failed("Not a date in the calendar."));
    }

    private static Optional<LocalDate> dateOf(String year, String month, String day) {
        int m = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        if (m < 1 || m > 12 || d < 1) {
            return Optional.empty();
        }
        YearMonth yearMonth = YearMonth.of(Integer.parseInt(year), m);
        return d <= yearMonth.lengthOfMonth() ? Optional.of(yearMonth.atDay(d)) : Optional.empty();
    }
}
