package no.tettpa.backend.caseload.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a person's newest visits say (see {@link CaseloadRules}): the latest contact, the failed attempts since,
 * and the newest visit's next step. Works on the newest visits only when they include a contact; otherwise it needs
 * the whole history, and says so.
 */
public final class VisitStory {
    /** One visit as the overview reads it. */
    public record Line(UUID id, Instant startedAt, Instant recordedAt, String kind, String nextStep,
                       LocalDate nextStepDate) {}

    public record Facts(Instant lastContactAt, int failedAttemptsInRow, String nextStep, LocalDate nextStepDate) {}

    private static final Comparator<Line> NEWEST_FIRST = Comparator.comparing(Line::startedAt)
            .thenComparing(Line::recordedAt).thenComparing(Line::id).reversed();

    private VisitStory() {}

    /**
     * The facts from {@code visits} (leaving out those in {@code corrected}). When {@code complete} is false the
     * visits are only the newest ones, and the answer is empty unless they include a contact: the failed attempts
     * in a row might go further back.
     */
    public static Optional<Facts> of(List<Line> visits, Set<UUID> corrected, boolean complete) {
        List<Line> effective = new ArrayList<>();
        for (Line l : visits) if (!corrected.contains(l.id())) effective.add(l);
        effective.sort(NEWEST_FIRST);
        int failed = 0;
        for (Line l : effective) {
            if (!"failed_attempt".equals(l.kind())) {
                Line newest = effective.get(0);
                return Optional.of(new Facts(l.startedAt(), failed, newest.nextStep(), newest.nextStepDate()));
            }
            failed++;
        }
        if (!complete) return Optional.empty();
        if (effective.isEmpty()) return Optional.of(new Facts(null, 0, null, null));
        Line newest = effective.get(0);
        return Optional.of(new Facts(null, failed, newest.nextStep(), newest.nextStepDate()));
    }
}
