package no.tettpa.backend.caseload.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a person's latest BrukerPlan rating is better, worse or the same as the one before.
 *
 * <p>The rule: the levekårsindeks decides first (green is best, then yellow, red, and blue_light, blålys, the
 * worst); a lower index is better. When the index is unchanged, the eight life areas decide by their net change:
 * each area scores green 0, yellow 1, red 2, and a lower total is better, an equal total is the same (one area
 * better by a step and another worse by a step cancel out). An area missing or unknown on either side is left out
 * of the comparison. Without a previous rating there is no trend.
 */
public final class RatingTrend {
    public static final String BETTER = "better";
    public static final String WORSE = "worse";
    public static final String SAME = "same";

    /** From best to worst. */
    public static final List<String> INDEX_ORDER = List.of("green", "yellow", "red", "blue_light");
    /** From best to worst. */
    public static final List<String> LEVEL_ORDER = List.of("green", "yellow", "red");

    private RatingTrend() {}

    public static Optional<String> of(RatingSummary latest, RatingSummary previous) {
        if (latest == null || previous == null) return Optional.empty();
        int now = indexRank(latest.index());
        int before = indexRank(previous.index());
        if (now >= 0 && before >= 0 && now != before) {
            return Optional.of(now < before ? BETTER : WORSE);
        }
        int net = 0;
        for (Map.Entry<String, String> area : latest.areas().entrySet()) {
            int level = rank(LEVEL_ORDER, area.getValue());
            int earlier = rank(LEVEL_ORDER, previous.areas().get(area.getKey()));
            if (level >= 0 && earlier >= 0) net += level - earlier;
        }
        return Optional.of(net < 0 ? BETTER : net > 0 ? WORSE : SAME);
    }

    /** The index's place from best (0) to worst; -1 when unknown. */
    public static int indexRank(String index) {
        return rank(INDEX_ORDER, index);
    }

    private static int rank(List<String> order, String value) {
        return value == null ? -1 : order.indexOf(value);
    }

    /** Severity rank for sorting: 0 for better, 1 for same, 2 for worse; -1 for none. */
    public static int rank(String trend) {
        return rank(List.of(BETTER, SAME, WORSE), trend);
    }
}
