package no.tettpa.backend.arrears.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who lets the home; an imported list names it in Norwegian or English. */
public enum LandlordType {
    MUNICIPAL("kommunal", "municipal"),
    PRIVATE("privat", "private"),
    HOUSING_COMPANY("boligselskap", "housing_company");

    private final String norwegianLabel;
    private final String englishLabel;

    LandlordType(String norwegianLabel, String englishLabel) {
        this.norwegianLabel = norwegianLabel;
        this.englishLabel = englishLabel;
    }

    /** The type a label names, ignoring case and surrounding space. */
    public static Optional<LandlordType> fromLabel(String label) {
        String wanted = label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.norwegianLabel.equals(wanted) || t.englishLabel.equals(wanted))
                .findFirst();
    }

    public String norwegianLabel() {
        return norwegianLabel;
    }

    public String englishLabel() {
        return englishLabel;
    }
}
