package no.tettpa.backend.caseload.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/**
 * The columns a caseload overview sorts by, by their name in {@code sort=}. Empty values (never contacted, no next
 * step, no rating) sort last in either direction; ties are broken by name, then person id, so the order is stable.
 * The rating index sorts by severity (green before blue_light), the trend as better, same, worse.
 */
public enum CaseloadColumn {
    NAME("name", r -> r.displayName() == null ? null : r.displayName().toLowerCase(java.util.Locale.ROOT)),
    COORDINATOR("coordinator", r -> r.coordinatorName() == null ? null : r.coordinatorName().toLowerCase(java.util.Locale.ROOT)),
    DAYS_SINCE_LAST_CONTACT("daysSinceLastContact", CaseloadRow::daysSinceLastContact),
    LAST_CONTACT_AT("lastContactAt", CaseloadRow::lastContactAt),
    FAILED_ATTEMPTS_IN_ROW("failedAttemptsInRow", CaseloadRow::failedAttemptsInRow),
    NEXT_STEP_DATE("nextStepDate", CaseloadRow::nextStepDate),
    OVERDUE_NEXT_STEP("overdueNextStep", CaseloadRow::overdueNextStep),
    AGREEMENTS_DUE_FOR_EVALUATION("agreementsDueForEvaluation", CaseloadRow::agreementsDueForEvaluation),
    NEXT_EVALUATION_DATE("nextEvaluationDate", CaseloadRow::nextEvaluationDate),
    OPEN_ARREARS_CASES("openArrearsCases", CaseloadRow::openArrearsCases),
    NEXT_LEGAL_DEADLINE("nextLegalDeadline", r -> r.nextLegalDeadline() == null ? null : r.nextLegalDeadline().date()),
    RATING_INDEX("ratingIndex", r -> r.latestRating() == null ? null
            : nullIfNegative(RatingTrend.indexRank(r.latestRating().index()))),
    RATED_ON("ratedOn", r -> r.latestRating() == null ? null : r.latestRating().ratedOn()),
    RATING_TREND("ratingTrend", r -> nullIfNegative(RatingTrend.rank(r.ratingTrend()))),
    OPEN_CONFLICTS("openConflicts", CaseloadRow::openConflicts),
    EXCEPTIONAL_ACCESS_TO_REVIEW("exceptionalAccessToReview", CaseloadRow::exceptionalAccessToReview);

    private final String wire;
    private final Function<CaseloadRow, Comparable<?>> key;

    CaseloadColumn(String wire, Function<CaseloadRow, Comparable<?>> key) {
        this.wire = wire;
        this.key = key;
    }

    public String wire() {
        return wire;
    }

    public static Optional<CaseloadColumn> fromWire(String name) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(name)).findFirst();
    }

    /** Rows in this column's order, ascending or descending, empty values last, ties by name and id. */
    public Comparator<CaseloadRow> comparator(boolean descending) {
        Comparator<Comparable<Object>> natural = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Comparator<CaseloadRow> primary = Comparator.comparing(this::keyOf, Comparator.nullsLast(natural));
        Comparator<CaseloadRow> byName = Comparator.comparing(NAME::keyOf, Comparator.nullsLast(Comparator.naturalOrder()));
        return primary.thenComparing(byName).thenComparing(CaseloadRow::personId);
    }

    @SuppressWarnings("unchecked")
    private Comparable<Object> keyOf(CaseloadRow r) {
        return (Comparable<Object>) key.apply(r);
    }

    private static Integer nullIfNegative(int i) {
        return i < 0 ? null : i;
    }
}
