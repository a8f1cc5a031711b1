package no.tettpa.backend.caseload.model;

import java.util.UUID;
import java.util.function.Predicate;

/**
 * Which persons an overview lists. Every condition given must hold; an absent one does not filter.
 *
 * @param overdueOnly             only persons with an overdue next step
 * @param withOpenArrears         only persons with an open arrears case
 * @param dueForEvaluation        only persons with an agreement due for evaluation
 * @param withOpenConflicts       only persons with open sync conflicts
 * @param coordinatorId           only persons this staff member coordinates
 * @param minFailedAttempts       only persons with at least this many failed attempts in a row
 * @param minDaysSinceLastContact only persons not contacted for at least this many days (never contacted included)
 * @param ratingTrend             only persons with this rating trend (better, same, worse)
 */
public record CaseloadFilter(boolean overdueOnly, boolean withOpenArrears, boolean dueForEvaluation,
                             boolean withOpenConflicts, UUID coordinatorId, Integer minFailedAttempts,
                             Integer minDaysSinceLastContact, String ratingTrend) implements Predicate<CaseloadRow> {

    public static final CaseloadFilter NONE = new CaseloadFilter(false, false, false, false, null, null, null, null);

    @Override
    public boolean test(CaseloadRow r) {
        return (!overdueOnly || r.overdueNextStep())
                && (!withOpenArrears || r.openArrearsCases() > 0)
                && (!dueForEvaluation || r.agreementsDueForEvaluation() > 0)
                && (!withOpenConflicts || r.openConflicts() > 0)
                && (coordinatorId == null || coordinatorId.equals(r.coordinatorId()))
                && (minFailedAttempts == null || r.failedAttemptsInRow() >= minFailedAttempts)
                && (minDaysSinceLastContact == null || r.daysSinceLastContact() == null
                    || r.daysSinceLastContact() >= minDaysSinceLastContact)
                && (ratingTrend == null || ratingTrend.equals(r.ratingTrend()));
    }
}
