package no.tettpa.backend.caseload.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The definitions behind the caseload overview's figures. Visits, ratings and other appended entries that a later
 * entry {@code corrects} are left out everywhere; the correction counts in their place.
 *
 * <ul>
 *   <li><b>Contact</b>: a visit that took place, i.e. any visit kind except {@code failed_attempt}, at any place
 *       (a phone call is a contact too).</li>
 *   <li><b>Days since last contact</b>: calendar days in Norway from the date of the latest contact to today.</li>
 *   <li><b>Failed attempts in a row</b>: counting back from the newest visit (by start time), how many visits are
 *       failed attempts before the first contact. Zero when the newest visit took place.</li>
 *   <li><b>Overdue next step</b>: the newest visit (of any kind, a failed attempt too: a later attempt is a later
 *       visit) has a next-step date before today.</li>
 *   <li><b>Agreement due for evaluation</b>: an {@code active} agreement whose evaluation date is at most
 *       {@value #EVALUATION_DUE_WITHIN_DAYS} days after today, or past. An agreement already under evaluation is
 *       not due again.</li>
 *   <li><b>Open arrears case</b>: an arrears case with status {@code open}; its next legal deadline is computed
 *       from its legal steps as on the case itself ({@code LegalDeadlines.nextDeadline}).</li>
 *   <li><b>Rating trend</b>: see {@link RatingTrend}.</li>
 * </ul>
 */
public final class CaseloadRules {
    public static final int EVALUATION_DUE_WITHIN_DAYS = 14;
    public static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    private CaseloadRules() {}

    public static boolean overdue(LocalDate nextStepDate, LocalDate today) {
        return nextStepDate != null && nextStepDate.isBefore(today);
    }

    public static boolean evaluationDue(LocalDate evaluationDate, LocalDate today) {
        return evaluationDate != null && !evaluationDate.isAfter(today.plusDays(EVALUATION_DUE_WITHIN_DAYS));
    }

    /** Calendar days from the contact's date in Norway to today; null for no contact. Never negative. */
    public static Integer daysSince(Instant contact, LocalDate today) {
        if (contact == null) return null;
        long days = ChronoUnit.DAYS.between(contact.atZone(NORWAY).toLocalDate(), today);
        return (int) Math.max(0, days);
    }
}
