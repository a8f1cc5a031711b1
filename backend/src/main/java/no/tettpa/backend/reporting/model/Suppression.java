package no.tettpa.backend.reporting.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-number suppression for published counts, so that no person can be recognised in a small municipality.
 *
 * <p><b>Primary</b>: a count from 1 up to {@code threshold − 1} is suppressed (shown as {@code <threshold}, e.g.
 * {@code <5}). Zero is shown: a zero identifies nobody, and several national targets are zero (no families with
 * children in temporary accommodation), so a municipality must be able to report it.
 *
 * <p><b>Complementary</b>: where published figures add up to a published total (the households at 31 December by
 * housing situation add up to all households with a known situation), a single hidden cell could be worked out by
 * subtraction. So in every such {@link Group}, if exactly one cell is hidden and it needs protecting (it is
 * suppressed, or it is an unpublished part whose count would itself be suppressed), one more published cell is
 * suppressed: the smallest non-zero part, else the total. This repeats until no group has a single such cell.
 * Complementary cells are shown as {@code x}: their value is not small, only hidden.
 */
public final class Suppression {
    public enum Mark { PRIMARY, COMPLEMENTARY }

    /**
     * A total and the parts it is the sum of. A part listed in the unpublished set is computed but never shown
     * (e.g. "other situations"); it still counts as hidden.
     */
    public record Group(String total, List<String> parts) {
        public Group {
            parts = List.copyOf(parts);
        }
    }

    private Suppression() {}

    public static boolean small(long value, int threshold) {
        return value > 0 && value < threshold;
    }

    /**
     * The suppressed published cells and why. {@code values} holds every cell, published or not; cells in
     * {@code unpublished} are never shown and get no mark.
     */
    public static Map<String, Mark> apply(Map<String, Long> values, Set<String> unpublished, List<Group> groups,
                                          int threshold) {
        Map<String, Mark> marks = new LinkedHashMap<>();
        values.forEach((cell, v) -> {
            if (!unpublished.contains(cell) && small(v, threshold)) marks.put(cell, Mark.PRIMARY);
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Group g : groups) {
                List<String> cells = new ArrayList<>(g.parts());
                cells.add(g.total());
                List<String> hidden = cells.stream().filter(c -> unpublished.contains(c) || marks.containsKey(c)).toList();
                if (hidden.size() != 1) continue;
                String alone = hidden.get(0);
                boolean needsCover = marks.containsKey(alone) || small(values.getOrDefault(alone, 0L), threshold);
                if (!needsCover) continue;
                String cover = g.parts().stream()
                        .filter(p -> !unpublished.contains(p) && !marks.containsKey(p) && values.getOrDefault(p, 0L) > 0)
                        .min(Comparator.comparing((String p) -> values.getOrDefault(p, 0L)).thenComparing(p -> p))
                        .orElse(unpublished.contains(g.total()) || marks.containsKey(g.total()) ? null : g.total());
                if (cover == null) {
                    cover = g.parts().stream().filter(p -> !unpublished.contains(p) && !marks.containsKey(p))
                            .findFirst().orElse(null);
                }
                if (cover != null) {
                    marks.put(cover, Mark.COMPLEMENTARY);
                    changed = true;
                }
            }
        }
        return marks;
    }

    /** How a count is shown: the number, {@code <threshold} for a primary suppression, {@code x} for a complementary one. */
    public static String display(long value, Mark mark, int threshold) {
        if (mark == null) return Long.toString(value);
        return mark == Mark.PRIMARY ? "<" + threshold : "x";
    }
}
