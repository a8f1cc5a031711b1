package no.tettpa.backend.caseload;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import no.tettpa.backend.access.PersonReads;
import no.tettpa.backend.access.TeamAccess;
import no.tettpa.backend.arrears.LegalSteps;
import no.tettpa.backend.arrears.model.Deadline;
import no.tettpa.backend.arrears.model.LegalDeadlines;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.caseload.model.CaseloadColumn;
import no.tettpa.backend.caseload.model.CaseloadFilter;
import no.tettpa.backend.caseload.model.CaseloadRow;
import no.tettpa.backend.caseload.model.CaseloadRules;
import no.tettpa.backend.caseload.model.CaseloadSummary;
import no.tettpa.backend.caseload.model.NextDeadline;
import no.tettpa.backend.caseload.model.RatingSummary;
import no.tettpa.backend.caseload.model.RatingTrend;
import no.tettpa.backend.caseload.model.VisitStory;
import no.tettpa.backend.org.TeamDirectory;
import no.tettpa.backend.platform.Jdbc;
import no.tettpa.backend.records.ScopedPersons;
import no.tettpa.backend.sync.ScopeResolver;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The caseload overview: for a team (its leader) or for a worker's own persons, one row per person with the figures
 * of {@link CaseloadRules}, the sums per worker and for the whole caseload. Only persons the caller may see are
 * listed, each computed from the record categories the caller may see of them. Every person listed is reported to
 * the access log.
 */
@Singleton
public class CaseloadService {
    private final Jdbc jdbc;
    private final ScopeResolver scopes;
    private final CaseloadQueries queries;
    private final ReviewCounts reviews;
    private final PersonReads reads;
    private final TeamDirectory teams;

    public CaseloadService(Jdbc jdbc, ScopeResolver scopes, CaseloadQueries queries, ReviewCounts reviews,
                           PersonReads reads, TeamDirectory teams) {
        this.teams = teams;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.queries = queries;
        this.reviews = reviews;
        this.reads = reads;
    }

    /** How to list the rows: the sort column and direction, and the filter. */
    public record Listing(CaseloadColumn sort, boolean descending, CaseloadFilter filter) {}

    /** A worker's share of the caseload; {@code staffId} null holds the persons without a coordinator. */
    @Serdeable
    public record WorkerSummary(UUID staffId, String displayName, CaseloadSummary figures) {}

    /**
     * The overview. {@code summary} and {@code workers} cover the whole caseload; {@code persons} is the filtered,
     * sorted list.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Overview(UUID teamId, String teamName, UUID workerId, LocalDate today, CaseloadSummary summary,
                           List<WorkerSummary> workers, List<CaseloadRow> persons, String sort, String order) {}

    private record PersonRow(UUID id, String name, UUID coordinatorId, String coordinatorName) {}

    public Overview team(Caller caller, UUID teamId, Listing listing) {
        TeamAccess.requireLeaderOf(caller, teamId);
        return jdbc.snapshot(c -> {
            String teamName = teams.name(c, caller.municipalityId(), teamId);
            List<PersonRow> persons = persons(c, "p.team_id = ?", caller.municipalityId(), teamId);
            List<TeamDirectory.Member> workers = teams.fieldWorkers(c, caller.municipalityId(), teamId);
            return overview(c, caller, teamId, teamName, null, persons, workers, listing,
                    "caseload overview of team " + teamId);
        });
    }

    /** The persons the caller coordinates on their own teams. */
    public Overview mine(Caller caller, Listing listing) {
        return jdbc.snapshot(c -> {
            List<PersonRow> persons = caller.teamIds().isEmpty() ? List.of()
                    : persons(c, "p.team_id = ANY(?) AND p.coordinator_id = ?", caller.municipalityId(),
                    c.createArrayOf("uuid", caller.teamIds().toArray()), caller.staffId());
            return overview(c, caller, null, null, caller.staffId(), persons,
                    List.of(new TeamDirectory.Member(caller.staffId(), caller.displayName())), listing, "own caseload overview");
        });
    }

    private Overview overview(Connection c, Caller caller, UUID teamId, String teamName, UUID workerId,
                              List<PersonRow> persons, List<TeamDirectory.Member> workers, Listing listing, String purpose)
            throws SQLException {
        LocalDate today = LocalDate.now(CaseloadRules.NORWAY);
        UUID m = caller.municipalityId();
        ScopedPersons scoped = ScopedPersons.of(scopes.visible(c, caller, persons.stream().map(PersonRow::id).toList()));
        Map<UUID, VisitStory.Facts> visits = queries.visits(c, m, scoped,
                today.minusDays(CaseloadQueries.RECENT_DAYS).atStartOfDay(CaseloadRules.NORWAY).toInstant());
        Map<UUID, CaseloadQueries.AgreementFacts> agreements = queries.agreements(c, m, scoped,
                today.plusDays(CaseloadRules.EVALUATION_DUE_WITHIN_DAYS));
        Map<UUID, List<CaseloadQueries.OpenCase>> arrears = queries.openArrears(c, m, scoped);
        Map<UUID, List<RatingSummary>> ratings = queries.latestRatings(c, m, scoped);
        Map<UUID, Integer> conflicts = queries.openConflicts(c, m, scoped);
        Map<UUID, Integer> exceptional = reviews.exceptionalAccessToReview(c, m, scoped.ids());

        List<CaseloadRow> rows = new ArrayList<>();
        for (PersonRow p : persons) {
            if (!scoped.ids().contains(p.id())) continue;
            VisitStory.Facts v = visits.get(p.id());
            CaseloadQueries.AgreementFacts a = agreements.get(p.id());
            List<CaseloadQueries.OpenCase> cases = arrears.getOrDefault(p.id(), List.of());
            List<RatingSummary> r = ratings.getOrDefault(p.id(), List.of());
            RatingSummary latest = r.isEmpty() ? null : r.get(0);
            RatingSummary previous = r.size() < 2 ? null : r.get(1);
            rows.add(new CaseloadRow(p.id(), p.name(), p.coordinatorId(), p.coordinatorName(),
                    v == null ? null : v.lastContactAt(),
                    v == null ? null : CaseloadRules.daysSince(v.lastContactAt(), today),
                    v == null ? 0 : v.failedAttemptsInRow(),
                    v == null ? null : v.nextStep(), v == null ? null : v.nextStepDate(),
                    v != null && CaseloadRules.overdue(v.nextStepDate(), today),
                    a == null ? 0 : a.dueForEvaluation(), a == null ? null : a.nextEvaluationDate(),
                    cases.size(), nextDeadline(cases, today),
                    latest, RatingTrend.of(latest, previous).orElse(null),
                    conflicts.getOrDefault(p.id(), 0), exceptional.getOrDefault(p.id(), 0)));
        }
        reads.summaries(c, caller, rows.stream().map(CaseloadRow::personId).toList(), purpose);
        List<CaseloadRow> listed = rows.stream().filter(listing.filter())
                .sorted(listing.sort().comparator(listing.descending())).toList();
        return new Overview(teamId, teamName, workerId, today, CaseloadSummary.of(rows), byWorker(rows, workers),
                listed, listing.sort().wire(), listing.descending() ? "desc" : "asc");
    }

    private static NextDeadline nextDeadline(List<CaseloadQueries.OpenCase> cases, LocalDate today) {
        NextDeadline best = null;
        for (CaseloadQueries.OpenCase oc : cases) {
            Optional<Deadline> d = LegalDeadlines.nextDeadline(LegalSteps.of(oc.events()), today);
            if (d.isPresent() && (best == null || d.get().adjustedDate().isBefore(best.date()))) {
                Deadline x = d.get();
                best = new NextDeadline(oc.caseId(), x.kind().name().toLowerCase(), x.name(), x.legalBasis(),
                        x.adjustedDate());
            }
        }
        return best;
    }

    /** The team's field workers (even with no persons), every other coordinator, and the persons without one. */
    private static List<WorkerSummary> byWorker(List<CaseloadRow> rows, List<TeamDirectory.Member> workers) {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (TeamDirectory.Member w : workers) names.put(w.id(), w.displayName());
        for (CaseloadRow r : rows) {
            if (r.coordinatorId() != null) names.putIfAbsent(r.coordinatorId(), r.coordinatorName());
        }
        List<WorkerSummary> out = new ArrayList<>();
        names.forEach((id, name) -> out.add(new WorkerSummary(id, name, CaseloadSummary.of(
                rows.stream().filter(r -> id.equals(r.coordinatorId())).toList()))));
        out.sort(Comparator.comparing(WorkerSummary::displayName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparing(WorkerSummary::staffId));
        List<CaseloadRow> unassigned = rows.stream().filter(r -> r.coordinatorId() == null).toList();
        if (!unassigned.isEmpty()) out.add(new WorkerSummary(null, null, CaseloadSummary.of(unassigned)));
        return out;
    }

    private static List<PersonRow> persons(Connection c, String where, UUID municipality, Object... params)
            throws SQLException {
        List<PersonRow> out = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT p.id, p.display_name, p.coordinator_id, s.display_name FROM person p "
                + "LEFT JOIN staff s ON s.municipality_id = p.municipality_id AND s.id = p.coordinator_id "
                + "WHERE p.municipality_id = ? AND " + where)) {
            ps.setObject(1, municipality);
            for (int i = 0; i < params.length; i++) ps.setObject(i + 2, params[i]);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PersonRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getString(4)));
                }
            }
        }
        return out;
    }
}
