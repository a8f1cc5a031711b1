package no.tettpa.backend.arrears.model;

/**
 * The time limits that run in an eviction case: which step starts each one, how long it runs, and which later
 * step makes it moot (so it no longer needs watching).
 */
public enum DeadlineKind {
    PAYMENT("Payment deadline in the varsel (betalingsfrist)",
            "tvangsfullbyrdelsesloven § 4-18: the begjæring may not be sent until two weeks after the varsel"
                    + " reached the tenant",
            LegalStep.VARSEL_SENT, 14, true, LegalStep.BEGJAERING_FILED),
    FILING_AFTER_NAV_COPY("Earliest filing after the copy to NAV",
            "husleieloven § 9-11: the begjæring should not be sent to namsmannen until two weeks after the"
                    + " copy of the varsel was sent to NAV",
            LegalStep.NAV_COPY_SENT, 14, true, LegalStep.BEGJAERING_FILED),
    FRAVIKELSE("Fravikelse (eviction) day set by namsmannen",
            "tvangsfullbyrdelsesloven chapter 13: the day namsmannen has set; it is not moved",
            LegalStep.FRAVIKELSE_SCHEDULED, 0, false, LegalStep.FRAVIKELSE_CARRIED_OUT),
    BELONGINGS_COLLECTION("Deadline to collect belongings",
            "tvangsfullbyrdelsesloven § 13-11: belongings left behind are kept for the tenant to collect"
                    + " within 14 days of the fravikelse",
            LegalStep.FRAVIKELSE_CARRIED_OUT, 14, true, LegalStep.BELONGINGS_COLLECTED);

    private final String displayName;
    private final String legalBasis;
    private final LegalStep startedBy;
    private final int days;
    private final boolean movesToWorkingDay;
    private final LegalStep mootAfter;

    DeadlineKind(String displayName, String legalBasis, LegalStep startedBy, int days, boolean movesToWorkingDay,
                 LegalStep mootAfter) {
        this.displayName = displayName;
        this.legalBasis = legalBasis;
        this.startedBy = startedBy;
        this.days = days;
        this.movesToWorkingDay = movesToWorkingDay;
        this.mootAfter = mootAfter;
    }

    public String displayName() {
        return displayName;
    }

    public String legalBasis() {
        return legalBasis;
    }

    public LegalStep startedBy() {
        return startedBy;
    }

    public int days() {
        return days;
    }

    /** False only for a day an authority has set, which is already a working day by choice. */
    public boolean movesToWorkingDay() {
        return movesToWorkingDay;
    }

    /** The step after which this deadline no longer matters. */
    public LegalStep mootAfter() {
        return mootAfter;
    }
}
