package no.tettpa.backend.arrears.model;

import no.tettpa.backend.calendar.model.NorwegianCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The legal clocks of an eviction case for unpaid rent, computed from the steps recorded so far.
 *
 * <ul>
 *   <li>Payment: the varsel plus 14 days (tvangsfullbyrdelsesloven § 4-18).</li>
 *   <li>Earliest filing after a copy to NAV: the copy plus 14 days (husleieloven § 9-11), unless the tenant has
 *       reserved against NAV being told; then NAV may not be contacted and there is no wait.</li>
 *   <li>The fravikelse day namsmannen has set, as set.</li>
 *   <li>Collecting belongings: the fravikelse plus 14 days (tvangsfullbyrdelsesloven § 13-11).</li>
 * </ul>
 * A computed limit that ends on a Saturday, Sunday or public holiday runs to the next working day
 * (domstolloven § 149). Steps with a missing part are ignored here and reported by {@link #validate}; a step
 * recorded twice counts with its last recording.
 */
public final class LegalDeadlines {
    /** How far ahead a step may be dated; beyond this it is almost surely a typing error in the year. */
    public static final int MAX_DAYS_AHEAD = 366;

    private LegalDeadlines() {}

    public static CaseDeadlines compute(List<RecordedStep> steps) {
        Map<LegalStep, LocalDate> recorded = lastRecordedDates(steps);
        boolean navMayBeContacted = !recorded.containsKey(LegalStep.TENANT_RESERVATION);
        List<Deadline> deadlines = new ArrayList<>();
        for (DeadlineKind kind : DeadlineKind.values()) {
            LocalDate start = recorded.get(kind.startedBy());
            if (start == null || (kind == DeadlineKind.FILING_AFTER_NAV_COPY && !navMayBeContacted)) {
                continue;
            }
            LocalDate raw = start.plusDays(kind.days());
            LocalDate adjusted = kind.movesToWorkingDay() ? NorwegianCalendar.nextWorkingDayOnOrAfter(raw) : raw;
            deadlines.add(new Deadline(kind, kind.displayName(), kind.legalBasis(), raw, adjusted));
        }
        deadlines.sort(Comparator.comparing(Deadline::adjustedDate));
        return new CaseDeadlines(deadlines, navMayBeContacted);
    }

    /** False once the tenant has reserved in writing against NAV being told (husleieloven § 9-11). */
    public static boolean navMayBeContacted(List<RecordedStep> steps) {
        return !lastRecordedDates(steps).containsKey(LegalStep.TENANT_RESERVATION);
    }

    /**
     * The first deadline ending on or after {@code today} that still matters, i.e. whose {@link
     * DeadlineKind#mootAfter()} step is not yet recorded. A deadline ending today is still upcoming.
     */
    public static Optional<Deadline> nextDeadline(List<RecordedStep> steps, LocalDate today) {
        Set<LegalStep> recorded = lastRecordedDates(steps).keySet();
        return compute(steps).deadlines().stream()
                .filter(d -> !d.adjustedDate().isBefore(today))
                .filter(d -> !recorded.contains(d.kind().mootAfter()))
                .min(Comparator.comparing(Deadline::adjustedDate).thenComparing(Deadline::kind));
    }

    /**
     * Checks recorded steps without throwing: every step and date present, no step recorded twice, no date more
     * than {@value #MAX_DAYS_AHEAD} days after {@code today}, no step dated before an earlier step in {@link
     * LegalStep} order, and no copy to NAV after the tenant's reservation. A begjæring may precede the varsel
     * when {@code directFilingClause} says the lease gives særskilt tvangsgrunnlag (tvangsfullbyrdelsesloven
     * § 13-2). Steps not yet recorded are no error: a worker often learns of a case midway.
     */
    public static List<StepProblem> validate(List<RecordedStep> steps, boolean directFilingClause, LocalDate today) {
        if (steps == null) {
            return List.of(new StepProblem("steps", "is missing"));
        }
        List<StepProblem> problems = new ArrayList<>();
        Set<LegalStep> seen = EnumSet.noneOf(LegalStep.class);
        for (int i = 0; i < steps.size(); i++) {
            RecordedStep s = steps.get(i);
            String field = "steps[" + i + "]";
            if (s == null) {
                problems.add(new StepProblem(field, "is missing"));
                continue;
            }
            if (s.step() == null) {
                problems.add(new StepProblem(field + ".step", "is missing"));
            } else if (!seen.add(s.step())) {
                problems.add(new StepProblem(field + ".step", s.step() + " is recorded more than once"));
            }
            if (s.date() == null) {
                problems.add(new StepProblem(field + ".date", "is missing"));
            } else if (s.date().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
                problems.add(new StepProblem(field + ".date",
                        "is more than " + MAX_DAYS_AHEAD + " days after today (" + today + ")"));
            } else if (s.step() != null) {
                orderProblem(steps, s, directFilingClause)
                        .ifPresent(message -> problems.add(new StepProblem(field + ".date", message)));
            }
        }
        return problems;
    }

    private static Optional<String> orderProblem(List<RecordedStep> steps, RecordedStep step,
                                                 boolean directFilingClause) {
        if (step.step() == LegalStep.TENANT_RESERVATION) {
            return Optional.empty();
        }
        if (step.step() == LegalStep.NAV_COPY_SENT) {
            Optional<RecordedStep> reservation = steps.stream()
                    .filter(LegalDeadlines::complete)
                    .filter(o -> o.step() == LegalStep.TENANT_RESERVATION && o.date().isBefore(step.date()))
                    .min(Comparator.comparing(RecordedStep::date));
            if (reservation.isPresent()) {
                return Optional.of("NAV_COPY_SENT (" + step.date() + ") is after the tenant's reservation against"
                        + " NAV being told (" + reservation.get().date() + ")");
            }
        }
        return steps.stream()
                .filter(LegalDeadlines::complete)
                .filter(earlier -> earlier.step() != LegalStep.TENANT_RESERVATION)
                .filter(earlier -> earlier.step().compareTo(step.step()) < 0)
                .filter(earlier -> earlier.date().isAfter(step.date()))
                .filter(earlier -> !(directFilingClause && earlier.step() == LegalStep.VARSEL_SENT
                        && step.step() == LegalStep.BEGJAERING_FILED))
                .max(Comparator.comparing(RecordedStep::date))
                .map(earlier -> step.step() + " (" + step.date() + ") is dated before " + earlier.step() + " ("
                        + earlier.date() + "); the steps of a case move forward");
    }

    private static boolean complete(RecordedStep s) {
        return s != null && s.step() != null && s.date() != null;
    }

    private static Map<LegalStep, LocalDate> lastRecordedDates(List<RecordedStep> steps) {
        Map<LegalStep, LocalDate> dates = new EnumMap<>(LegalStep.class);
        for (RecordedStep s : Objects.requireNonNullElse(steps, List.<RecordedStep>of())) {
            if (complete(s)) {
                dates.put(s.step(), s.date());
            }
        }
        return dates;
    }
}
