package no.tettpa.backend.support;

/** Fødselsnumre with correct check digits for tests: pass a year 54–99, so individual numbers from 500 date the birth to the 1850s–1890s and no living person has one. */
public final class NationalIds {
    private static final int[] K1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] K2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private NationalIds() {}

    /** The first valid number for the given 6-digit birth date (ddmmyy), searching individual numbers from 500. */
    public static String valid(String ddmmyy) {
        for (int individual = 500; individual < 1000; individual++) {
            String nine = ddmmyy + String.format("%03d", individual);
            int c1 = check(nine, K1);
            if (c1 < 0) continue;
            int c2 = check(nine + c1, K2);
            if (c2 < 0) continue;
            return nine + c1 + c2;
        }
        throw new IllegalArgumentException("no valid number for " + ddmmyy);
    }

    private static int check(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) sum += (digits.charAt(i) - '0') * weights[i];
        int k = 11 - sum % 11;
        return k == 11 ? 0 : k == 10 ? -1 : k;
    }
}
