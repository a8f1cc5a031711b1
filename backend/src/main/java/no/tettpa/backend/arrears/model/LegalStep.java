package no.tettpa.backend.arrears.model;

/**
 * The dated events of an eviction case for unpaid rent (husleierestanse), in the order they happen.
 *
 * <p>The declaration order is the legal order: a later step may not be dated before an earlier one, except as
 * {@link LegalDeadlines#validate} allows. {@link #TENANT_RESERVATION} stands outside that order, since the
 * tenant may reserve at any time.
 */
public enum LegalStep {
    /** The landlord's varsel om tvangsfravikelse to the tenant (tvangsfullbyrdelsesloven § 4-18). */
    VARSEL_SENT,
    /** The landlord's copy of the varsel to NAV (husleieloven § 9-11). */
    NAV_COPY_SENT,
    /** The tenant's written reservation against NAV being told (husleieloven § 9-11). */
    TENANT_RESERVATION,
    /** The begjæring om fravikelse sent to namsmannen (tvangsfullbyrdelsesloven § 13-2). */
    BEGJAERING_FILED,
    /** Namsmannen presents the begjæring to the tenant (tvangsfullbyrdelsesloven § 13-6). */
    PRESENTED_BY_NAMSMANN,
    /** The fravikelse is set; the recorded date is the day set for it, not the day it was decided. */
    FRAVIKELSE_SCHEDULED,
    /** Namsmannen carried out the fravikelse and the tenant left the home. */
    FRAVIKELSE_CARRIED_OUT,
    /** The tenant collected the belongings left in the home. */
    BELONGINGS_COLLECTED
}
