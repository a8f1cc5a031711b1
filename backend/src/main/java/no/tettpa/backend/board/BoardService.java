package no.tettpa.backend.board;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import no.tettpa.backend.access.PersonReads;
import no.tettpa.backend.access.TeamAccess;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.org.TeamDirectory;
import no.tettpa.backend.platform.Jdbc;
import no.tettpa.backend.records.ScopedPersons;
import no.tettpa.backend.sync.RecordStore;
import no.tettpa.backend.sync.ScopeResolver;
import no.tettpa.backend.sync.SyncJson;
import no.tettpa.sync.schema.Category;
import no.tettpa.sync.schema.records.Vocabulary;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A team's FACT board (FACT-tavla) as it stands: everyone proposed for or on the board, reddest first, with today's
 * minutes and those of the last days. Read for the team's members, from the persons and the {@code board} category
 * they may see.
 */
@Singleton
public class BoardService {
    public static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");
    public static final int MAX_DAYS = 90;

    private final Jdbc jdbc;
    private final ScopeResolver scopes;
    private final SyncJson json;
    private final PersonReads reads;
    private final TeamDirectory teams;

    public BoardService(Jdbc jdbc, ScopeResolver scopes, SyncJson json, PersonReads reads, TeamDirectory teams) {
        this.teams = teams;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.json = json;
        this.reads = reads;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Minute(UUID id, LocalDate date, String text, UUID boardEntryId, UUID authorId, String authorName,
                         Instant recordedAt) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(UUID entryId, long version, UUID personId, String displayName, String status, String colour,
                        String reason, String nextAction, LocalDate nextActionDate, UUID responsibleId,
                        String responsibleName, LocalDate since, Instant updatedAt, String updatedBy,
                        List<Minute> todaysMinutes, List<Minute> recentMinutes) {}

    /** The board: {@code colours} counts the entries by colour; minutes go back {@code days} days before today. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Board(UUID teamId, String teamName, LocalDate today, int days, Map<String, Integer> colours,
                        List<Entry> entries) {}

    private record Stored(RecordStore.StoredRecord record, String personName, String responsibleName,
                          String authorName) {}

    public Board board(Caller caller, UUID teamId, int days) {
        TeamAccess.requireMemberOf(caller, teamId);
        return jdbc.snapshot(c -> {
            String teamName = teams.name(c, caller.municipalityId(), teamId);
            LocalDate today = LocalDate.now(NORWAY);
            ScopedPersons persons = ScopedPersons.of(scopes.visible(c, caller)).seeing(Category.BOARD);
            List<Stored> entries = entries(c, caller.municipalityId(), persons, teamId);
            ScopedPersons onBoard = persons.only(entries.stream().map(e -> e.record().personId()).toList());
            List<Stored> minutes = minutes(c, caller.municipalityId(), onBoard, today.minusDays(days));

            Map<UUID, List<RecordStore.StoredRecord>> shown = new LinkedHashMap<>();
            List<Entry> out = new ArrayList<>();
            for (Stored s : entries) {
                RecordStore.StoredRecord r = s.record();
                Map<String, Object> b = r.body();
                List<Minute> todays = new ArrayList<>();
                List<Minute> recent = new ArrayList<>();
                shown.computeIfAbsent(r.personId(), k -> new ArrayList<>()).add(r);
                for (Stored m : minutes) {
                    RecordStore.StoredRecord mr = m.record();
                    Object tiedTo = mr.body().get("boardEntryId");
                    if (!mr.personId().equals(r.personId())
                            || (tiedTo != null && !tiedTo.equals(r.recordId().toString()))) {
                        continue;
                    }
                    Minute minute = new Minute(mr.recordId(), date(mr.body().get("date")), (String) mr.body().get("text"),
                            tiedTo == null ? null : UUID.fromString((String) tiedTo), mr.authorId(), m.authorName(),
                            mr.writtenAt());
                    (today.equals(minute.date()) ? todays : recent).add(minute);
                    shown.get(r.personId()).add(mr);
                }
                out.add(new Entry(r.recordId(), r.version(), r.personId(), s.personName(), (String) b.get("status"),
                        (String) b.get("colour"), (String) b.get("reason"), (String) b.get("nextAction"),
                        date(b.get("nextActionDate")), uuid(b.get("responsibleId")), s.responsibleName(),
                        date(b.get("since")), r.writtenAt(), s.authorName(), todays, recent));
            }
            out.sort(Comparator.comparingInt((Entry e) -> rank(Vocabulary.BOARD_COLOURS, e.colour()))
                    .thenComparingInt(e -> "on_board".equals(e.status()) ? 0 : 1)
                    .thenComparing(Entry::since, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Entry::displayName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                    .thenComparing(Entry::entryId));
            for (var e : shown.entrySet()) reads.records(c, caller, e.getKey(), e.getValue(), "FACT board of team " + teamId);
            Map<String, Integer> colours = new LinkedHashMap<>();
            for (String colour : Vocabulary.BOARD_COLOURS) colours.put(colour, 0);
            for (Entry e : out) colours.merge(e.colour(), 1, Integer::sum);
            return new Board(teamId, teamName, today, days, colours, out);
        });
    }

    private List<Stored> entries(Connection c, UUID municipality, ScopedPersons persons, UUID teamId) throws SQLException {
        List<Stored> out = new ArrayList<>();
        if (persons.isEmpty()) return out;
        String sql = "WITH cur AS (SELECT DISTINCT ON (r.record_id) r.record_id, r.version, r.person_id, r.category, "
                + "r.deleted, r.body, r.author_id, r.device_id, r.created_at FROM " + ScopedPersons.FROM
                + " JOIN record_version r ON r.person_id = s.p WHERE r.municipality_id = ? AND r.entity = 'board_entry' "
                + "AND " + ScopedPersons.VISIBLE + " ORDER BY r.record_id, r.version DESC) "
                + "SELECT cur.record_id, cur.version, cur.person_id, cur.category, cur.body::text, cur.author_id, "
                + "cur.device_id, cur.created_at, p.display_name, rs.display_name, a.display_name FROM cur "
                + "JOIN person p ON p.municipality_id = ? AND p.id = cur.person_id "
                + "LEFT JOIN staff rs ON rs.municipality_id = ? AND rs.id = (cur.body->>'responsibleId')::uuid "
                + "LEFT JOIN staff a ON a.municipality_id = ? AND a.id = cur.author_id "
                + "WHERE NOT cur.deleted AND cur.body->>'teamId' = ? AND cur.body->>'status' IN ('proposed', 'on_board')";
        try (var ps = c.prepareStatement(sql)) {
            int i = persons.bind(c, ps, 1);
            for (int k = 0; k < 4; k++) ps.setObject(i++, municipality);
            ps.setString(i, teamId.toString());
            try (var rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Stored(record(rs, "board_entry"), rs.getString(9), rs.getString(10),
                        rs.getString(11)));
            }
        }
        return out;
    }

    /** The minutes dated on or after {@code since}, newest first; a minute a later one corrects is left out. */
    private List<Stored> minutes(Connection c, UUID municipality, ScopedPersons persons, LocalDate since)
            throws SQLException {
        List<Stored> out = new ArrayList<>();
        if (persons.isEmpty()) return out;
        String sql = "WITH m AS MATERIALIZED (SELECT r.record_id, r.version, r.person_id, r.category, r.body, r.author_id, "
                + "r.device_id, r.created_at FROM " + ScopedPersons.FROM + " JOIN record_version r ON r.person_id = s.p "
                + "WHERE r.municipality_id = ? AND r.entity = 'board_minute' AND " + ScopedPersons.VISIBLE + ") "
                + "SELECT m.record_id, m.version, m.person_id, m.category, m.body::text, m.author_id, m.device_id, "
                + "m.created_at, null, null, a.display_name FROM m "
                + "LEFT JOIN staff a ON a.municipality_id = ? AND a.id = m.author_id "
                + "WHERE (m.body->>'date')::date >= ? AND NOT EXISTS (SELECT 1 FROM m x WHERE x.person_id = m.person_id "
                + "AND x.body->>'corrects' = m.record_id::text) ORDER BY (m.body->>'date')::date DESC, m.created_at DESC, "
                + "m.record_id";
        try (var ps = c.prepareStatement(sql)) {
            int i = persons.bind(c, ps, 1);
            ps.setObject(i++, municipality);
            ps.setObject(i++, municipality);
            ps.setObject(i, since);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Stored(record(rs, "board_minute"), null, null, rs.getString(11)));
            }
        }
        return out;
    }

    private RecordStore.StoredRecord record(java.sql.ResultSet rs, String entity) throws SQLException {
        return new RecordStore.StoredRecord(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, UUID.class),
                entity, rs.getShort(4), false, json.readMap(rs.getString(5)), Map.of(), null,
                rs.getObject(6, UUID.class), rs.getObject(7, UUID.class), rs.getTimestamp(8).toInstant());
    }

    private static int rank(List<String> order, String value) {
        int i = value == null ? -1 : order.indexOf(value);
        return i < 0 ? order.size() : i;
    }

    private static LocalDate date(Object v) {
        return v instanceof String s ? LocalDate.parse(s) : null;
    }

    private static UUID uuid(Object v) {
        return v instanceof String s ? UUID.fromString(s) : null;
    }
}
