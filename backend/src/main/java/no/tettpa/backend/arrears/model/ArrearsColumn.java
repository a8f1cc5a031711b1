package no.tettpa.backend.arrears.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The columns an arrears list may have; a header may use the Norwegian or the English name. */
enum ArrearsColumn {
    TENANT_NAME("leietaker", "tenant_name", true),
    NATIONAL_ID("fodselsnummer", "national_id", false),
    ADDRESS("adresse", "address", true),
    LANDLORD("utleier", "landlord", true),
    LANDLORD_TYPE("utleiertype", "landlord_type", true),
    MONTHLY_RENT("husleie", "monthly_rent", true),
    AMOUNT_OWED("restanse", "amount_owed", true),
    MONTHS_IN_ARREARS("maneder", "months_in_arrears", true),
    NOTICE_DATE("varsel_dato", "notice_date", false);

    private final String norwegianName;
    private final String englishName;
    private final boolean required;

    ArrearsColumn(String norwegianName, String englishName, boolean required) {
        this.norwegianName = norwegianName;
        this.englishName = englishName;
        this.required = required;
    }

    /**
     * The column a header cell names, ignoring case and surrounding space. æ, ø and å may be spelt out or
     * written as ae, o and a, so that both "Fødselsnummer" and "fodselsnummer" work.
     */
    static Optional<ArrearsColumn> named(String headerCell) {
        String name = headerCell.strip().toLowerCase(Locale.ROOT)
                .replace("æ", "ae").replace("ø", "o").replace("å", "a");
        return Arrays.stream(values())
                .filter(c -> c.norwegianName.equals(name) || c.englishName.equals(name))
                .findFirst();
    }

    boolean required() {
        return required;
    }

    String bothNames() {
        return norwegianName + "/" + englishName;
    }
}
