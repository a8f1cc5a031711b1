package no.tettpa.backend.fidelity.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Fidelity figures computable from visits, after the ACT scale DACTS (items H1, H2, S1, S5, S6) and the Housing
 * First fidelity scales. Definitions (a <i>contact</i> is a visit that took place, i.e. not a failed attempt; a
 * visit with several staff is one contact; {@link Places} says which places are in the community):
 *
 * <ul>
 *   <li><b>Caseload ratio</b> (H1, target ≤ 10): persons followed on the last day of the period per active field
 *       worker of the team.</li>
 *   <li><b>Seen by more than one staff member</b> (H2, target ≥ 90 %): of the persons followed during all of the
 *       last 14 days of the period, the share who had face-to-face contacts with at least two different staff
 *       members in those days (a visit's staff: its author and its staff and partner-staff participants).</li>
 *   <li><b>Contacts in the community</b> (S1, target ≥ 80 %): of the face-to-face contacts in the period, the share
 *       in the community (home, neighbourhood, café, car, outdoors, viewing); NAV's office is not, and phone and
 *       video are not face to face so they count on neither side.</li>
 *   <li><b>Contacts per person per week</b> (S5, target ≥ 4): face-to-face contacts in the period divided by the
 *       person-weeks followed in it (a person followed for half the period counts half).</li>
 *   <li><b>Network contacts per person per month</b> (S6, target ≥ 4): contacts (any place, phone too) with at
 *       least one participant from the person's network, divided by the person-months followed (a month being
 *       365.25 / 12 days).</li>
 *   <li><b>Housing First</b>, for persons with a Housing First episode in the period: <i>visits per week</i>
 *       (face-to-face contacts per person-week in Housing First, target ≥ 1); <i>weeks with a visit</i> (of the
 *       whole weeks from the period's first day on that a person was in Housing First throughout, the share with
 *       at least one face-to-face contact); <i>intake to housing</i> (for those housed in the period: the median
 *       number of days from the start of the Housing First episode to the first housing situation
 *       {@code permanent_satisfactory} from then on; someone already in permanent, satisfactory housing just before
 *       intake is not counted).</li>
 * </ul>
 *
 * A person is followed on the days of their follow-up episodes; a person with no episode recorded is taken as
 * followed throughout. Only the persons followed at some time in the period count.
 */
public final class Fidelity {
    public static final double DAYS_PER_MONTH = 365.25 / 12;
    public static final int TEAM_APPROACH_DAYS = 14;

    private Fidelity() {}

    public static FidelityFigures compute(FidelityInput in) {
        LocalDate from = in.from();
        LocalDate to = in.to();
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;

        Map<UUID, Integer> followed = new HashMap<>();
        for (UUID p : in.persons()) {
            int d = daysIn(in.followUp().getOrDefault(p, List.of()), from, to, true);
            if (d > 0) followed.put(p, d);
        }
        long personDays = followed.values().stream().mapToLong(Integer::longValue).sum();
        int followedAtEnd = (int) followed.keySet().stream()
                .filter(p -> daysIn(in.followUp().getOrDefault(p, List.of()), to, to, true) == 1).count();

        List<VisitFact> visits = in.visits().stream()
                .filter(v -> followed.containsKey(v.personId()) && !v.date().isBefore(from) && !v.date().isAfter(to))
                .toList();

        Figure ratio = figure(in.workers() == 0 ? null : (double) followedAtEnd / in.workers(), "persons per worker",
                followedAtEnd, in.workers(), "≤ 10", v -> v <= 10,
                "persons followed on the last day of the period per active field worker of the team");

        LocalDate windowStart = to.minusDays(TEAM_APPROACH_DAYS - 1L).isBefore(from) ? from : to.minusDays(TEAM_APPROACH_DAYS - 1L);
        int windowDays = (int) ChronoUnit.DAYS.between(windowStart, to) + 1;
        Map<UUID, Set<UUID>> staffInWindow = new HashMap<>();
        for (VisitFact v : visits) {
            if (v.faceToFace() && !v.date().isBefore(windowStart)) {
                staffInWindow.computeIfAbsent(v.personId(), k -> new HashSet<>()).addAll(v.staff());
            }
        }
        List<UUID> throughWindow = followed.keySet().stream()
                .filter(p -> daysIn(in.followUp().getOrDefault(p, List.of()), windowStart, to, true) == windowDays)
                .toList();
        long seenByTwo = throughWindow.stream().filter(p -> staffInWindow.getOrDefault(p, Set.of()).size() > 1).count();
        Figure team = share(seenByTwo, throughWindow.size(), "≥ 90 %", 90,
                "of the persons followed during all of the last " + windowDays + " days of the period (" + windowStart
                        + " to " + to + "), the share with face-to-face contacts with at least two different staff"
                        + " members in those days");

        long faceToFace = visits.stream().filter(VisitFact::faceToFace).count();
        long community = visits.stream().filter(VisitFact::inCommunity).count();
        Figure inCommunity = share(community, faceToFace, "≥ 80 %", 80,
                "of the face-to-face contacts in the period, the share at home, in the neighbourhood, a café, a car,"
                        + " outdoors or at a viewing (not NAV's office; phone and video are not face to face)");

        double personWeeks = personDays / 7.0;
        Figure perWeek = rate(faceToFace, personWeeks, "contacts per person per week", "≥ 4", 4,
                "face-to-face contacts in the period per person-week followed");
        long network = visits.stream().filter(v -> v.contact() && v.network()).count();
        Figure networkPerMonth = rate(network, personDays / DAYS_PER_MONTH, "contacts per person per month", "≥ 4", 4,
                "contacts with someone from the person's network taking part (any place) per person-month followed");

        return new FidelityFigures(from, to, days, followed.size(), ratio, team, inCommunity, perWeek, networkPerMonth,
                housingFirst(in, visits));
    }

    private static FidelityFigures.HousingFirstFigures housingFirst(FidelityInput in, List<VisitFact> visits) {
        LocalDate from = in.from();
        LocalDate to = in.to();
        Map<UUID, Integer> hfDays = new HashMap<>();
        for (UUID p : in.persons()) {
            int d = daysIn(in.housingFirst().getOrDefault(p, List.of()), from, to, false);
            if (d > 0) hfDays.put(p, d);
        }
        if (hfDays.isEmpty()) return null;
        long personDays = hfDays.values().stream().mapToLong(Integer::longValue).sum();
        long contacts = visits.stream()
                .filter(v -> v.faceToFace() && hfDays.containsKey(v.personId())
                        && inAny(in.housingFirst().get(v.personId()), v.date()))
                .count();
        Figure perWeek = rate(contacts, personDays / 7.0, "visits per person per week", "≥ 1", 1,
                "face-to-face contacts per person-week in Housing First in the period");

        Map<UUID, TreeSet<LocalDate>> visitDays = new HashMap<>();
        for (VisitFact v : visits) {
            if (v.faceToFace()) visitDays.computeIfAbsent(v.personId(), k -> new TreeSet<>()).add(v.date());
        }
        long weeks = 0, weeksWithVisit = 0;
        for (UUID p : hfDays.keySet()) {
            List<Period> episodes = in.housingFirst().get(p);
            TreeSet<LocalDate> seen = visitDays.getOrDefault(p, new TreeSet<>());
            for (LocalDate start = from; !start.plusDays(6).isAfter(to); start = start.plusWeeks(1)) {
                if (daysIn(episodes, start, start.plusDays(6), false) < 7) continue;
                weeks++;
                LocalDate first = seen.ceiling(start);
                if (first != null && !first.isAfter(start.plusDays(6))) weeksWithVisit++;
            }
        }
        Figure weekly = share(weeksWithVisit, weeks, "100 %", 100,
                "of the whole weeks, counted from the period's first day, in which a person was in Housing First"
                        + " throughout, the share with at least one face-to-face contact");

        List<Long> waits = new ArrayList<>();
        int notYetHoused = 0;
        for (UUID p : hfDays.keySet()) {
            Period episode = in.housingFirst().get(p).stream().filter(e -> !e.start().isAfter(to))
                    .max(Comparator.comparing(Period::start)).orElse(null);
            if (episode == null) continue;
            List<HousingFact> history = new ArrayList<>(in.housing().getOrDefault(p, List.of()));
            history.sort(Comparator.comparing(HousingFact::from));
            HousingFact before = null;
            HousingFact housed = null;
            for (HousingFact h : history) {
                if (h.from().isBefore(episode.start())) before = h;
                else if (housed == null && "permanent_satisfactory".equals(h.situation())) housed = h;
            }
            if (before != null && "permanent_satisfactory".equals(before.situation())) continue;
            if (housed != null && !housed.from().isBefore(from) && !housed.from().isAfter(to)) {
                waits.add(ChronoUnit.DAYS.between(episode.start(), housed.from()));
            } else if ((housed == null || housed.from().isAfter(to)) && episode.contains(to)) {
                notYetHoused++;
            }
        }
        Collections.sort(waits);
        Double median = waits.isEmpty() ? null : waits.size() % 2 == 1 ? (double) waits.get(waits.size() / 2)
                : (waits.get(waits.size() / 2 - 1) + waits.get(waits.size() / 2)) / 2.0;
        Figure intake = new Figure(median, "days (median)", waits.size(), waits.size(), null, null,
                "for the persons housed in the period: the median number of days from the start of the Housing First"
                        + " episode to the first permanent, satisfactory housing situation from then on");
        return new FidelityFigures.HousingFirstFigures(hfDays.size(), perWeek, weekly, intake, waits.size(),
                notYetHoused);
    }

    /** Days of [from, to] inside any of the periods; with none and {@code allWhenNone}, every day. */
    static int daysIn(List<Period> periods, LocalDate from, LocalDate to, boolean allWhenNone) {
        if (periods.isEmpty()) return allWhenNone ? (int) ChronoUnit.DAYS.between(from, to) + 1 : 0;
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (inAny(periods, d)) n++;
        }
        return n;
    }

    private static boolean inAny(List<Period> periods, LocalDate day) {
        for (Period p : periods) if (p.contains(day)) return true;
        return false;
    }

    private static Figure share(long numerator, long denominator, String target, double minimumPercent, String definition) {
        Double value = denominator == 0 ? null : round(100.0 * numerator / denominator);
        return new Figure(value, "percent", numerator, denominator, target,
                value == null ? null : value >= minimumPercent, definition);
    }

    private static Figure rate(long numerator, double denominator, String unit, String target, double minimum,
                               String definition) {
        Double value = denominator <= 0 ? null : round(numerator / denominator);
        return new Figure(value, unit, numerator, round(denominator), target, value == null ? null : value >= minimum,
                definition);
    }

    private static Figure figure(Double value, String unit, long numerator, double denominator, String target,
                                 java.util.function.DoublePredicate meets, String definition) {
        Double v = value == null ? null : round(value);
        return new Figure(v, unit, numerator, denominator, target, v == null ? null : meets.test(v), definition);
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
