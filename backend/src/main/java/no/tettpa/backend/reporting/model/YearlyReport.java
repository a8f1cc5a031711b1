package no.tettpa.backend.reporting.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The municipality's yearly housing figures, after Husbanken's reporting template ("Status behov pr. 01.01 / pr.
 * 31.12 / antall husstander som har fått egnet bolig i løpet av året") and the national strategy's indicators,
 * counted from the households' housing situations and the arrears cases' legal steps. A person followed up is one
 * household. Definitions:
 *
 * <ul>
 *   <li><b>A. Without a home</b>: situation {@code homeless} or {@code temporary_accommodation} (Husbanken counts
 *       temporary accommodation as having no owned or rented home). <b>B. At risk</b>: {@code at_risk}.
 *       <b>C. Unsuitable</b>: {@code unsuitable}.</li>
 *   <li><b>At 1 January / at 31 December</b>: the situation in effect that day (the latest entry from that day or
 *       before).</li>
 *   <li><b>Housed during the year</b>, per row: households whose situation changed, on a day of the year, from that
 *       row's situation straight to {@code permanent_satisfactory}; each household at most once per row.</li>
 *   <li><b>Families with children</b>: households in A, B or C (together) whose entry says children live in the
 *       household; housed: moved from A, B or C into permanent, satisfactory housing with children.</li>
 *   <li><b>Evictions petitioned / carried out</b>: arrears cases with a legal step {@code petition_filed} /
 *       {@code eviction_carried_out} dated in the year; each case once.</li>
 *   <li><b>Temporary accommodation</b>: households with a stay in {@code temporary_accommodation} (consecutive
 *       entries make one stay) overlapping the year; <b>over 3 months</b>: such a stay lasted more than three calendar
 *       months from its start to its end, counted no further than 31 December or today. With children: a stay during
 *       which children lived in the household.</li>
 *   <li><b>Share in permanent, satisfactory housing</b>: of the households with a known situation at 31 December, the
 *       share in {@code permanent_satisfactory} (national target 80 %).</li>
 * </ul>
 *
 * Every count goes through {@link Suppression}; the households at 31 December by situation add up to those with a
 * known situation, and a temporary stay is either over 3 months or not, so those are the complementary groups. A
 * share is shown only when both its counts are.
 */
public final class YearlyReport {
    public static final Set<String> WITHOUT_HOME = Set.of("homeless", "temporary_accommodation");
    public static final Set<String> AT_RISK = Set.of("at_risk");
    public static final Set<String> UNSUITABLE = Set.of("unsuitable");
    public static final String PERMANENT = "permanent_satisfactory";
    public static final String TEMPORARY = "temporary_accommodation";

    public static final String AT_1_JANUARY = "at_1_january";
    public static final String AT_31_DECEMBER = "at_31_december";
    public static final String HOUSED = "housed_during_year";

    /** One published figure, or the catalogue entry for one. */
    public record FigureDef(String id, String label) {}

    public record IndicatorDef(String id, String description, List<FigureDef> figures) {}

    /**
     * A figure as published: {@code count} (or {@code percent} for a share) is null when suppressed; {@code display}
     * is what a reader sees ({@code 12}, {@code <5}, {@code x}, {@code 71,4}); {@code suppressed} is primary,
     * complementary, or null.
     */
    public record Figure(String id, String label, Long count, Double percent, String display, String suppressed) {}

    public record Indicator(String id, String description, List<Figure> figures) {}

    public record Report(int year, boolean preliminary, int suppressionThreshold, List<Indicator> indicators) {}

    private static final List<FigureDef> STATUS = List.of(
            new FigureDef(AT_1_JANUARY, "Status per 1. januar"),
            new FigureDef(AT_31_DECEMBER, "Status per 31. desember"),
            new FigureDef(HOUSED, "Fått permanent og tilfredsstillende bolig i løpet av året"));

    public static final List<IndicatorDef> CATALOGUE = List.of(
            new IndicatorDef("without_home", "A. Husstander uten eid eller leid bolig (bostedsløse, i midlertidig botilbud)", STATUS),
            new IndicatorDef("at_risk", "B. Husstander i fare for å miste boligen", STATUS),
            new IndicatorDef("unsuitable", "C. Husstander i uegnet bolig", STATUS),
            new IndicatorDef("families_with_children", "Barnefamilier med boligbehov (A, B og C samlet)", STATUS),
            new IndicatorDef("evictions_petitioned", "Begjæringer om fravikelse",
                    List.of(new FigureDef("count", "Saker med begjæring i løpet av året"))),
            new IndicatorDef("evictions_carried_out", "Gjennomførte fravikelser (utkastelser)",
                    List.of(new FigureDef("count", "Saker med gjennomført fravikelse i løpet av året"))),
            new IndicatorDef("temporary_accommodation", "Husstander i midlertidig botilbud", List.of(
                    new FigureDef("during_year", "I midlertidig botilbud i løpet av året"),
                    new FigureDef("over_3_months", "Opphold over 3 måneder"))),
            new IndicatorDef("temporary_accommodation_children", "Barnefamilier i midlertidig botilbud", List.of(
                    new FigureDef("during_year", "I midlertidig botilbud i løpet av året"),
                    new FigureDef("over_3_months", "Opphold over 3 måneder"))),
            new IndicatorDef("permanent_satisfactory", "Husstander i permanent og tilfredsstillende bosituasjon per 31. desember",
                    List.of(new FigureDef("known_at_31_december", "Husstander med kjent bosituasjon per 31. desember"),
                            new FigureDef(AT_31_DECEMBER, "Av dem i permanent og tilfredsstillende bolig"),
                            new FigureDef("share_percent", "Andel i prosent (nasjonalt mål 80 %)"))));

    static final String OTHER_AT_31_DECEMBER = "other.at_31_december";
    static final Set<String> UNPUBLISHED = Set.of(OTHER_AT_31_DECEMBER, "temporary_accommodation.up_to_3_months",
            "temporary_accommodation_children.up_to_3_months");
    static final List<Suppression.Group> GROUPS = List.of(
            new Suppression.Group("permanent_satisfactory.known_at_31_december", List.of(
                    "without_home.at_31_december", "at_risk.at_31_december", "unsuitable.at_31_december",
                    "permanent_satisfactory.at_31_december", OTHER_AT_31_DECEMBER)),
            new Suppression.Group("temporary_accommodation.during_year", List.of(
                    "temporary_accommodation.over_3_months", "temporary_accommodation.up_to_3_months")),
            new Suppression.Group("temporary_accommodation_children.during_year", List.of(
                    "temporary_accommodation_children.over_3_months", "temporary_accommodation_children.up_to_3_months")));

    private YearlyReport() {}

    public static boolean isIndicator(String id) {
        return CATALOGUE.stream().anyMatch(i -> i.id().equals(id));
    }

    /** Every cell's count, published or not, before suppression. */
    public static Map<String, Long> counts(int year, LocalDate today, Collection<List<Situation>> households,
                                           List<EvictionStep> steps) {
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        LocalDate dec31 = LocalDate.of(year, 12, 31);
        LocalDate countUntil = today.isBefore(dec31) ? today.plusDays(1) : dec31.plusDays(1);
        Map<String, Long> c = new LinkedHashMap<>();
        for (IndicatorDef i : CATALOGUE) for (FigureDef f : i.figures()) c.put(i.id() + "." + f.id(), 0L);
        for (String u : UNPUBLISHED) c.put(u, 0L);
        c.remove("permanent_satisfactory.share_percent");
        Map<String, Set<String>> rows = Map.of("without_home", WITHOUT_HOME, "at_risk", AT_RISK, "unsuitable", UNSUITABLE);

        for (List<Situation> entries : households) {
            HousingHistory h = new HousingHistory(entries);
            Situation first = h.on(jan1).orElse(null);
            Situation last = h.on(dec31).orElse(null);
            Set<String> counted = new HashSet<>();
            rows.forEach((row, situations) -> {
                if (first != null && situations.contains(first.situation())) add(c, row + "." + AT_1_JANUARY);
                if (last != null && situations.contains(last.situation())) add(c, row + "." + AT_31_DECEMBER);
            });
            if (first != null && needsHousing(first) && first.children()) add(c, "families_with_children." + AT_1_JANUARY);
            if (last != null && needsHousing(last) && last.children()) add(c, "families_with_children." + AT_31_DECEMBER);
            for (Situation[] change : h.changes()) {
                Situation before = change[0];
                Situation after = change[1];
                if (before == null || !PERMANENT.equals(after.situation()) || after.from().getYear() != year) continue;
                rows.forEach((row, situations) -> {
                    if (situations.contains(before.situation()) && counted.add(row)) add(c, row + "." + HOUSED);
                });
                if (needsHousing(before) && after.children() && counted.add("families_with_children")) {
                    add(c, "families_with_children." + HOUSED);
                }
            }
            if (last != null) {
                add(c, "permanent_satisfactory.known_at_31_december");
                if (PERMANENT.equals(last.situation())) add(c, "permanent_satisfactory.at_31_december");
                if ("other".equals(last.situation())) add(c, OTHER_AT_31_DECEMBER);
            }
            boolean during = false, over = false, duringChildren = false, overChildren = false;
            for (HousingHistory.Stay s : h.stays(TEMPORARY)) {
                if (s.start().isAfter(dec31) || (s.end() != null && !s.end().isAfter(jan1))) continue;
                LocalDate end = s.end() == null || s.end().isAfter(countUntil) ? countUntil : s.end();
                boolean long3 = s.start().plusMonths(3).isBefore(end);
                during = true;
                over |= long3;
                duringChildren |= s.children();
                overChildren |= s.children() && long3;
            }
            if (during) add(c, "temporary_accommodation.during_year");
            if (over) add(c, "temporary_accommodation.over_3_months");
            if (during && !over) add(c, "temporary_accommodation.up_to_3_months");
            if (duringChildren) add(c, "temporary_accommodation_children.during_year");
            if (overChildren) add(c, "temporary_accommodation_children.over_3_months");
            if (duringChildren && !overChildren) add(c, "temporary_accommodation_children.up_to_3_months");
        }
        c.put("evictions_petitioned.count", cases(steps, "petition_filed", year));
        c.put("evictions_carried_out.count", cases(steps, "eviction_carried_out", year));
        return c;
    }

    public static Report compute(int year, LocalDate today, Collection<List<Situation>> households,
                                 List<EvictionStep> steps, int threshold) {
        Map<String, Long> counts = counts(year, today, households, steps);
        Map<String, Suppression.Mark> marks = Suppression.apply(counts, UNPUBLISHED, GROUPS, threshold);
        List<Indicator> indicators = new ArrayList<>();
        for (IndicatorDef def : CATALOGUE) {
            List<Figure> figures = new ArrayList<>();
            for (FigureDef f : def.figures()) {
                String cell = def.id() + "." + f.id();
                if (f.id().equals("share_percent")) {
                    figures.add(share(def.id(), f, counts, marks));
                    continue;
                }
                long value = counts.get(cell);
                Suppression.Mark mark = marks.get(cell);
                figures.add(new Figure(f.id(), f.label(), mark == null ? value : null, null,
                        Suppression.display(value, mark, threshold), markName(mark)));
            }
            indicators.add(new Indicator(def.id(), def.description(), figures));
        }
        return new Report(year, today.isBefore(LocalDate.of(year, 12, 31)), threshold, indicators);
    }

    private static Figure share(String indicator, FigureDef f, Map<String, Long> counts,
                                Map<String, Suppression.Mark> marks) {
        String num = indicator + "." + AT_31_DECEMBER;
        String den = indicator + ".known_at_31_december";
        long n = counts.get(num);
        long d = counts.get(den);
        if (marks.containsKey(num) || marks.containsKey(den)) {
            return new Figure(f.id(), f.label(), null, null, "x", markName(Suppression.Mark.COMPLEMENTARY));
        }
        if (d == 0) return new Figure(f.id(), f.label(), null, null, "", null);
        double percent = Math.round(1000.0 * n / d) / 10.0;
        return new Figure(f.id(), f.label(), null, percent, String.valueOf(percent).replace('.', ','), null);
    }

    private static boolean needsHousing(Situation s) {
        return WITHOUT_HOME.contains(s.situation()) || AT_RISK.contains(s.situation())
                || UNSUITABLE.contains(s.situation());
    }

    private static long cases(List<EvictionStep> steps, String step, int year) {
        Set<UUID> cases = new HashSet<>();
        for (EvictionStep s : steps) {
            if (step.equals(s.step()) && s.date().getYear() == year) cases.add(s.caseId());
        }
        return cases.size();
    }

    private static void add(Map<String, Long> c, String cell) {
        c.merge(cell, 1L, Long::sum);
    }

    private static String markName(Suppression.Mark m) {
        return m == null ? null : m.name().toLowerCase();
    }
}
