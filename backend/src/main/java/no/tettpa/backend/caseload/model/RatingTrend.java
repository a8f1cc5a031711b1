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
        int byIndex = Integer.compare(INDEX_ORDER.indexOf(latest.index()), INDEX_ORDER.indexOf(previous.index()));
        if (INDEX_ORDER.contains(latest.index()) && INDEX_ORDER.contains(previous.index()) && byIndex != 0) {
            return Optional.of(byIndex < 0 ? BETTER : WORSE);
        }
        int net = 0;
        for (Map.Entry<String, String> area : latest.areas().entrySet()) {
            int now = LEVEL_ORDER.indexOf(area.getValue());
            int before = LEVEL_ORDER.indexOf(previous.areas().get(area.getKey()));
            if (now >= 0 && before >= 0) net += now - before;
        }
        return Optional.of(net < 0 ? BETTER : net > 0 ? WORSE : SAME);
    }

    /** Severity rank for sorting: 0 for better, 1 for same, 2 for worse; -1 for none. */
    public static int rank(String trend) {
        return trend == null ? -1 : List.of(BETTER, SAME, WORSE).indexOf(trend);
    }
}
