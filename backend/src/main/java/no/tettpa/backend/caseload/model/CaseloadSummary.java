package no.tettpa.backend.caseload.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A caseload's figures summed over its persons: for a whole team, or for one worker's persons.
 *
 * @param persons                    persons on the caseload
 * @param neverContacted             persons with no contact recorded
 * @param maxDaysSinceLastContact    the longest silence among those contacted
 * @param withFailedAttempts         persons whose newest visit is a failed attempt
 * @param overdueNextSteps           persons with an overdue next step
 * @param agreementsDueForEvaluation agreements due for evaluation
 * @param openArrearsCases           open arrears cases
 * @param openConflicts              open sync conflicts
 * @param exceptionalAccessToReview  exceptional-access uses to review
 * @param ratingIndexes              persons by the index of their latest rating ({@code none}: never rated)
 * @param ratingTrends               persons by their rating trend ({@code none}: fewer than two ratings)
 */
public record CaseloadSummary(int persons, int neverContacted, Integer maxDaysSinceLastContact, int withFailedAttempts,
                              int overdueNextSteps, int agreementsDueForEvaluation, int openArrearsCases,
                              int openConflicts, int exceptionalAccessToReview, Map<String, Integer> ratingIndexes,
                              Map<String, Integer> ratingTrends) {

    public static CaseloadSummary of(List<CaseloadRow> rows) {
        int never = 0, failed = 0, overdue = 0, due = 0, arrears = 0, conflicts = 0, exceptional = 0;
        Integer maxDays = null;
        Map<String, Integer> indexes = new LinkedHashMap<>();
        for (String i : RatingTrend.INDEX_ORDER) indexes.put(i, 0);
        indexes.put("none", 0);
        Map<String, Integer> trends = new LinkedHashMap<>();
        for (String t : List.of(RatingTrend.BETTER, RatingTrend.SAME, RatingTrend.WORSE, "none")) trends.put(t, 0);
        for (CaseloadRow r : rows) {
            if (r.daysSinceLastContact() == null) never++;
            else if (maxDays == null || r.daysSinceLastContact() > maxDays) maxDays = r.daysSinceLastContact();
            if (r.failedAttemptsInRow() > 0) failed++;
            if (r.overdueNextStep()) overdue++;
            due += r.agreementsDueForEvaluation();
            arrears += r.openArrearsCases();
            conflicts += r.openConflicts();
            exceptional += r.exceptionalAccessToReview();
            String index = r.latestRating() == null ? "none" : r.latestRating().index();
            indexes.merge(indexes.containsKey(index) ? index : "none", 1, Integer::sum);
            trends.merge(r.ratingTrend() == null ? "none" : r.ratingTrend(), 1, Integer::sum);
        }
        return new CaseloadSummary(rows.size(), never, maxDays, failed, overdue, due, arrears, conflicts, exceptional,
                indexes, trends);
    }
}
