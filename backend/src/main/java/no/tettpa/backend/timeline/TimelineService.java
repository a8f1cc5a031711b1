package no.tettpa.backend.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import no.tettpa.backend.access.PersonReads;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.platform.Jdbc;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.sync.RecordStore;
import no.tettpa.backend.sync.ScopeResolver;
import no.tettpa.backend.sync.SyncJson;
import no.tettpa.backend.sync.model.VisibleScope;
import no.tettpa.backend.timeline.model.Placement;
import no.tettpa.sync.schema.Category;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything recorded about one person, in time order, across every record type: each appended entry once, each
 * version of an editable record as a change, with who wrote it (their name) and from which device. Only the
 * categories the caller may see of the person are read at all; a person the caller may not see does not exist.
 */
@Singleton
public class TimelineService {
    private final Jdbc jdbc;
    private final ScopeResolver scopes;
    private final SyncJson json;
    private final PersonReads reads;

    public TimelineService(Jdbc jdbc, ScopeResolver scopes, SyncJson json, PersonReads reads) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.json = json;
        this.reads = reads;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Author(UUID staffId, String displayName) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Device(UUID id, String label) {}

    /**
     * One entry. {@code change} is {@code created}, {@code updated} (with {@code changedFields}) or {@code deleted};
     * {@code fields} is the record as this version left it (absent for a deletion).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(Instant at, boolean dateOnly, String entity, String category, UUID recordId, long version,
                        String change, List<String> changedFields, Map<String, Object> fields, Instant recordedAt,
                        Author recordedBy, Device device) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Timeline(UUID personId, String displayName, List<String> categories, List<Entry> entries) {}

    /** Which entries: those placed on or between the two days (either may be open), of one record type or all. */
    public record Window(LocalDate from, LocalDate to, String entity, boolean newestFirst) {}

    private record Row(RecordStore.StoredRecord record, String authorName, String deviceLabel) {}

    public Timeline of(Caller caller, UUID personId, Window window) {
        return jdbc.snapshot(c -> {
            VisibleScope scope = scopes.visible(c, caller, List.of(personId)).get(personId);
            if (scope == null) throw ProblemException.notFound("person");
            String name = displayName(c, caller.municipalityId(), personId);
            List<Row> rows = versions(c, caller.municipalityId(), personId, scope.categories(), window.entity());
            Map<UUID, Map<String, Object>> previous = new HashMap<>();
            List<Entry> entries = new ArrayList<>();
            List<RecordStore.StoredRecord> shown = new ArrayList<>();
            for (Row row : rows) {
                RecordStore.StoredRecord r = row.record();
                Map<String, Object> before = previous.put(r.recordId(), r.deleted() ? null : r.body());
                Placement.At at = Placement.of(r.entity(), r.body(), r.writtenAt());
                LocalDate day = at.at().atZone(Placement.NORWAY).toLocalDate();
                if ((window.from() != null && day.isBefore(window.from()))
                        || (window.to() != null && day.isAfter(window.to()))) {
                    continue;
                }
                String change = r.deleted() ? "deleted" : r.version() == 1 || before == null ? "created" : "updated";
                entries.add(new Entry(at.at(), at.dateOnly(), r.entity(), wire(r.category()), r.recordId(), r.version(),
                        change, change.equals("updated") ? Placement.changedFields(before, r.body()) : null,
                        r.deleted() ? null : r.body(), r.writtenAt(),
                        r.authorId() == null ? null : new Author(r.authorId(), row.authorName()),
                        r.deviceId() == null ? null : new Device(r.deviceId(), row.deviceLabel())));
                shown.add(r);
            }
            Comparator<Entry> order = Comparator.comparing(Entry::at).thenComparing(Entry::recordedAt)
                    .thenComparing(Entry::recordId).thenComparingLong(Entry::version);
            entries.sort(window.newestFirst() ? order.reversed() : order);
            reads.records(c, caller, personId, shown, "timeline");
            List<String> categories = Category.fromMask(scope.categories()).stream().map(Category::wire).sorted().toList();
            return new Timeline(personId, name, categories, entries);
        });
    }

    private List<Row> versions(Connection c, UUID municipality, UUID person, int mask, String entity) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT r.record_id, r.version, r.entity, r.category, r.deleted, r.body::text, "
                + "r.author_id, s.display_name, r.device_id, d.label, r.created_at FROM record_version r "
                + "LEFT JOIN staff s ON s.municipality_id = r.municipality_id AND s.id = r.author_id "
                + "LEFT JOIN device d ON d.municipality_id = r.municipality_id AND d.id = r.device_id "
                + "WHERE r.municipality_id = ? AND r.person_id = ? AND (? & (1 << r.category)) <> 0"
                + (entity == null ? "" : " AND r.entity = ?") + " ORDER BY r.record_id, r.version")) {
            ps.setObject(1, municipality);
            ps.setObject(2, person);
            ps.setInt(3, mask);
            if (entity != null) ps.setString(4, entity);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    RecordStore.StoredRecord r = new RecordStore.StoredRecord(rs.getObject(1, UUID.class), rs.getLong(2),
                            person, rs.getString(3), rs.getShort(4), rs.getBoolean(5), json.readMap(rs.getString(6)),
                            Map.of(), null, rs.getObject(7, UUID.class), rs.getObject(9, UUID.class),
                            rs.getTimestamp(11).toInstant());
                    out.add(new Row(r, rs.getString(8), rs.getString(10)));
                }
            }
        }
        return out;
    }

    private static String displayName(Connection c, UUID municipality, UUID person) throws SQLException {
        try (var ps = c.prepareStatement("SELECT display_name FROM person WHERE municipality_id = ? AND id = ?")) {
            ps.setObject(1, municipality);
            ps.setObject(2, person);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String wire(int bit) {
        for (Category c : Category.values()) if (c.bit() == bit) return c.wire();
        return null;
    }
}
