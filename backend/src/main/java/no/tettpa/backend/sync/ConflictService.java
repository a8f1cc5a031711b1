package no.tettpa.backend.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.auth.Role;
import no.tettpa.backend.platform.Jdbc;
import no.tettpa.backend.problem.Problem;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.problem.ProblemType;
import no.tettpa.backend.sync.model.VisibleScope;
import no.tettpa.sync.merge.Stamp;
import no.tettpa.sync.merge.Values;
import no.tettpa.sync.schema.FieldSpec;
import no.tettpa.sync.schema.Validation;
import no.tettpa.sync.schema.records.FieldRecords;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Conflict review over the API: the open conflicts of a worker or a team, one conflict with both values, authors
 * and clocks, and resolving it. A resolution here is the same change a device makes by syncing one: it is written
 * as new versions of the record and of the conflict, so it reaches every device and stays in the history.
 */
@Singleton
public class ConflictService {
    private final Jdbc jdbc;
    private final RecordStore store;
    private final ConflictResolver resolver;
    private final ScopeResolver scopes;
    private final ServerClock clock;
    private final DomainRules rules;
    private final ConflictRecords conflictRecords;

    public ConflictService(Jdbc jdbc, RecordStore store, ConflictResolver resolver, ScopeResolver scopes,
                           ServerClock clock, DomainRules rules, ConflictRecords conflictRecords) {
        this.conflictRecords = conflictRecords;
        this.jdbc = jdbc;
        this.store = store;
        this.resolver = resolver;
        this.scopes = scopes;
        this.clock = clock;
        this.rules = rules;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConflictView(UUID id, long version, UUID personId, UUID recordId, String entity, String category,
                               @Nullable String field, String kind, String status, @Nullable Object baseValue,
                               @Nullable Object keptValue, @Nullable String keptBy, @Nullable String keptDevice,
                               @Nullable String keptHlc, @Nullable Object otherValue, @Nullable String otherBy,
                               @Nullable String otherDevice, @Nullable String otherHlc, @Nullable Object resolution,
                               @Nullable String resolvedBy, @Nullable String resolvedAt) {}

    @Serdeable
    public record Resolution(String choice, @Nullable Object value, @Nullable String comment) {}

    /** Open conflicts: of a team's persons ({@code teamId}), or involving a worker's values ({@code workerId}). */
    public List<ConflictView> open(Caller caller, UUID teamId, UUID workerId) {
        if (teamId != null && !caller.memberOf(teamId) && !caller.has(Role.ADMINISTRATOR)) {
            throw ProblemException.notFound("team");
        }
        UUID worker = teamId == null && workerId == null ? caller.staffId() : workerId;
        return jdbc.read(c -> {
            if (worker != null && !worker.equals(caller.staffId()) && !leads(c, caller, worker)) {
                throw ProblemException.notFound("staff member");
            }
            List<UUID> ids = new ArrayList<>();
            String sql = "SELECT oc.conflict_id FROM open_conflict oc JOIN person p "
                    + "ON p.municipality_id = oc.municipality_id AND p.id = oc.person_id WHERE oc.municipality_id = ? "
                    + (teamId != null ? "AND p.team_id = ? " : "") + (worker != null ? "AND ? = ANY(oc.authors) " : "")
                    + "ORDER BY oc.opened_at, oc.conflict_id LIMIT 1000";
            try (var ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setObject(i++, caller.municipalityId());
                if (teamId != null) ps.setObject(i++, teamId);
                if (worker != null) ps.setObject(i, worker);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) ids.add(rs.getObject(1, UUID.class));
                }
            }
            var records = store.current(c, caller.municipalityId(), ids);
            Map<UUID, VisibleScope> visible = scopes.visible(c, caller,
                    records.values().stream().map(RecordStore.StoredRecord::personId).distinct().toList());
            List<ConflictView> out = new ArrayList<>();
            for (UUID id : ids) {
                RecordStore.StoredRecord r = records.get(id);
                if (r != null && sees(visible, r)) out.add(view(r));
            }
            return out;
        });
    }

    public ConflictView get(Caller caller, UUID id) {
        return jdbc.read(c -> view(visibleConflict(c, caller, id)));
    }

    public ConflictView resolve(Caller caller, UUID id, Resolution request) {
        Map<String, Object> resolution = resolutionMap(request);
        return jdbc.write(c -> {
            RecordStore.StoredRecord conflict = visibleConflict(c, caller, id);
            UUID target = UUID.fromString(String.valueOf(conflict.body().get("recordId")));
            store.lockPersons(c, caller.municipalityId(), List.of(conflict.personId()));
            var current = store.current(c, caller.municipalityId(), List.of(id, target));
            WriteBatch w = new WriteBatch(caller.municipalityId(), caller, null, current);
            Stamp stamp = new Stamp(clock.now(), caller.staffId().toString(), null);
            ConflictResolver.Result r = resolver.resolve(c, w, current.get(id), resolution, stamp,
                    Validation.Context.today(rules.formats()), null);
            if (r.rejection() != null) {
                ProblemType type = "already_resolved".equals(r.rejection().code()) || "locked".equals(r.rejection().code())
                        ? ProblemType.CONFLICT : ProblemType.VALIDATION;
                throw new ProblemException(type, r.rejection().message(), r.rejection().field() == null ? List.of()
                        : List.of(new Problem.FieldError(r.rejection().field(), r.rejection().message())));
            }
            store.insert(c, caller.municipalityId(), w.versions);
            conflictRecords.store(c, caller.municipalityId(), w.conflicts, store);
            for (UUID closed : w.closedConflicts) conflictRecords.closed(c, caller.municipalityId(), closed);
            return view(w.state.get(id));
        });
    }

    private static Map<String, Object> resolutionMap(Resolution request) {
        Map<String, Object> m = new TreeMap<>();
        if (request != null && request.choice() != null) m.put("choice", request.choice());
        if (request != null && request.value() != null) m.put("value", request.value());
        if (request != null && request.comment() != null) m.put("comment", request.comment());
        Map<String, Object> normalized = Values.normalizeMap(m);
        List<Validation.FieldError> errors = new ArrayList<>();
        FieldSpec spec = FieldRecords.CONFLICT.field("resolution");
        Validation.value(spec, normalized, "", Validation.Context.today(Map.of()), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors.stream()
                    .map(e -> new Problem.FieldError(e.field().replaceFirst("^\\.", ""), e.message())).toList());
        }
        return normalized;
    }

    private RecordStore.StoredRecord visibleConflict(Connection c, Caller caller, UUID id) throws SQLException {
        RecordStore.StoredRecord r = store.current(c, caller.municipalityId(), List.of(id)).get(id);
        if (r == null || !ConflictRecords.ENTITY.equals(r.entity())
                || !sees(scopes.visible(c, caller, List.of(r.personId())), r)) {
            throw ProblemException.notFound("conflict");
        }
        return r;
    }

    private static boolean sees(Map<UUID, VisibleScope> visible, RecordStore.StoredRecord r) {
        VisibleScope v = visible.get(r.personId());
        return v != null && (v.categories() & (1 << r.category())) != 0;
    }

    private static boolean leads(Connection c, Caller caller, UUID worker) throws SQLException {
        if (caller.has(Role.ADMINISTRATOR)) return true;
        if (!caller.has(Role.TEAM_LEADER)) return false;
        try (var ps = c.prepareStatement("SELECT 1 FROM team_member WHERE municipality_id = ? AND staff_id = ? AND team_id = ANY(?)")) {
            ps.setObject(1, caller.municipalityId());
            ps.setObject(2, worker);
            ps.setArray(3, c.createArrayOf("uuid", caller.teamIds().toArray()));
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static ConflictView view(RecordStore.StoredRecord r) {
        Map<String, Object> b = r.body();
        return new ConflictView(r.recordId(), r.version(), r.personId(), UUID.fromString(String.valueOf(b.get("recordId"))),
                str(b, "entity"), str(b, "category"), str(b, "field"), str(b, "kind"), str(b, "status"), b.get("baseValue"),
                b.get("keptValue"), str(b, "keptBy"), str(b, "keptDevice"), str(b, "keptHlc"), b.get("otherValue"),
                str(b, "otherBy"), str(b, "otherDevice"), str(b, "otherHlc"), b.get("resolution"), str(b, "resolvedBy"),
                str(b, "resolvedAt"));
    }

    private static String str(Map<String, Object> b, String k) {
        Object v = b.get(k);
        return v == null ? null : v.toString();
    }
}
