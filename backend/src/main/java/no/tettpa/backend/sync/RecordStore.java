package no.tettpa.backend.sync;

import jakarta.inject.Singleton;
import no.tettpa.backend.sync.model.Position;
import no.tettpa.sync.clock.Hlc;
import no.tettpa.sync.merge.Stamp;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reads and writes {@code record_version}: every version of every record, which is both the history and the change
 * feed. Writers lock the persons whose records they change ({@link #lockPersons}) and then read the current
 * versions, so a merge always sees the latest commit.
 */
@Singleton
public class RecordStore {
    private final SyncJson json;

    public RecordStore(SyncJson json) {
        this.json = json;
    }

    /** The latest version of a record as stored. */
    public record StoredRecord(UUID recordId, long version, UUID personId, String entity, int category, boolean deleted,
                               Map<String, Object> body, Map<String, Stamp> stamps, Stamp deletedBy, UUID authorId,
                               UUID deviceId, java.time.Instant writtenAt) {
        public StoredRecord(UUID recordId, long version, UUID personId, String entity, int category, boolean deleted,
                            Map<String, Object> body, Map<String, Stamp> stamps, Stamp deletedBy) {
            this(recordId, version, personId, entity, category, deleted, body, stamps, deletedBy, null, null, null);
        }
    }

    /** A version to write. */
    public record NewVersion(UUID recordId, long version, UUID personId, String entity, int category, boolean deleted,
                             Map<String, Object> body, Map<String, Stamp> stamps, Stamp deletedBy, UUID authorId,
                             UUID deviceId, Long mutationSeq) {}

    /** A row of the change feed, body still as JSON text. */
    public record FeedRow(UUID recordId, long version, UUID personId, String entity, int category, boolean deleted,
                          String body, long xid, long seq) {}

    /**
     * Locks the persons whose records a transaction will change (updates, deletes, resolutions), until it ends:
     * transaction-scoped advisory locks, taken in one sorted batch so that writers never deadlock. One lock per person
     * keeps the lock table small however many records a push touches. Creates need no lock: the primary key refuses
     * a second record with the same id, and the device retries.
     */
    public void lockPersons(Connection c, UUID municipality, Collection<UUID> personIds) throws SQLException {
        if (personIds.isEmpty()) return;
        TreeSet<Integer> keys = new TreeSet<>();
        for (UUID id : personIds) keys.add(id.hashCode());
        try (var ps = c.prepareStatement(
                "SELECT count(pg_advisory_xact_lock(?, k)) FROM unnest(?::int[]) WITH ORDINALITY AS u(k, o)")) {
            ps.setInt(1, municipality.hashCode());
            ps.setArray(2, c.createArrayOf("int4", keys.toArray()));
            ps.executeQuery().close();
        }
    }

    public Map<UUID, StoredRecord> current(Connection c, UUID municipality, Collection<UUID> recordIds) throws SQLException {
        Map<UUID, StoredRecord> out = new HashMap<>();
        if (recordIds.isEmpty()) return out;
        try (var ps = c.prepareStatement("SELECT DISTINCT ON (record_id) record_id, version, person_id, entity, category, "
                + "deleted, body::text, stamps::text, deleted_by::text, author_id, device_id, created_at FROM record_version "
                + "WHERE municipality_id = ? AND record_id = ANY(?) ORDER BY record_id, version DESC")) {
            ps.setObject(1, municipality);
            ps.setArray(2, c.createArrayOf("uuid", recordIds.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredRecord r = stored(rs);
                    out.put(r.recordId(), r);
                }
            }
        }
        return out;
    }

    /** The current versions of all records of one person (optionally of one entity), tombstones included. */
    public List<StoredRecord> ofPerson(Connection c, UUID municipality, UUID person, String entity) throws SQLException {
        List<StoredRecord> out = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT DISTINCT ON (record_id) record_id, version, person_id, entity, category, "
                + "deleted, body::text, stamps::text, deleted_by::text, author_id, device_id, created_at FROM record_version "
                + "WHERE municipality_id = ? AND person_id = ?" + (entity == null ? "" : " AND entity = ?")
                + " ORDER BY record_id, version DESC")) {
            ps.setObject(1, municipality);
            ps.setObject(2, person);
            if (entity != null) ps.setString(3, entity);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) out.add(stored(rs));
            }
        }
        return out;
    }

    /** The given versions of records (the bases devices edited). */
    public Map<UUID, StoredRecord> versionsAt(Connection c, UUID municipality, Map<UUID, Long> versions) throws SQLException {
        Map<UUID, StoredRecord> out = new HashMap<>();
        if (versions.isEmpty()) return out;
        List<UUID> ids = new ArrayList<>(versions.keySet());
        Long[] vs = ids.stream().map(versions::get).toArray(Long[]::new);
        try (var ps = c.prepareStatement("SELECT r.record_id, r.version, r.person_id, r.entity, r.category, r.deleted, "
                + "r.body::text, r.stamps::text, r.deleted_by::text, r.author_id, r.device_id, r.created_at FROM record_version r "
                + "JOIN unnest(?::uuid[], ?::bigint[]) AS u(id, v) ON r.record_id = u.id AND r.version = u.v "
                + "WHERE r.municipality_id = ?")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            ps.setArray(2, c.createArrayOf("int8", vs));
            ps.setObject(3, municipality);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredRecord r = stored(rs);
                    out.put(r.recordId(), r);
                }
            }
        }
        return out;
    }

    public void insert(Connection c, UUID municipality, List<NewVersion> versions) throws SQLException {
        insert(c, municipality, versions, false);
    }

    /** Inserts the versions whose key is free; returns how many it inserted. */
    public int insertIfAbsent(Connection c, UUID municipality, List<NewVersion> versions) throws SQLException {
        return insert(c, municipality, versions, true);
    }

    private int insert(Connection c, UUID municipality, List<NewVersion> versions, boolean ifAbsent) throws SQLException {
        if (versions.isEmpty()) return 0;
        int n = versions.size();
        Object[] ids = new Object[n], persons = new Object[n], authors = new Object[n], devices = new Object[n];
        Long[] vs = new Long[n], seqs = new Long[n];
        String[] entities = new String[n], bodies = new String[n], stamps = new String[n], deletedBy = new String[n];
        Short[] categories = new Short[n];
        Boolean[] deleted = new Boolean[n];
        for (int i = 0; i < n; i++) {
            NewVersion v = versions.get(i);
            ids[i] = v.recordId();
            vs[i] = v.version();
            persons[i] = v.personId();
            entities[i] = v.entity();
            categories[i] = (short) v.category();
            deleted[i] = v.deleted();
            bodies[i] = json.write(v.body());
            stamps[i] = json.write(encodeStamps(v.stamps()));
            deletedBy[i] = v.deletedBy() == null ? null : json.write(encodeStamp(v.deletedBy()));
            authors[i] = v.authorId();
            devices[i] = v.deviceId();
            seqs[i] = v.mutationSeq();
        }
        try (var ps = c.prepareStatement("INSERT INTO record_version (municipality_id, record_id, version, person_id, entity, "
                + "category, deleted, body, stamps, deleted_by, author_id, device_id, mutation_seq) "
                + "SELECT ?, u.id, u.v, u.p, u.e, u.c, u.d, u.b::jsonb, u.s::jsonb, u.db::jsonb, u.a, u.dev, u.seq "
                + "FROM unnest(?::uuid[], ?::bigint[], ?::uuid[], ?::text[], ?::smallint[], ?::boolean[], ?::text[], "
                + "?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::bigint[]) AS u(id, v, p, e, c, d, b, s, db, a, dev, seq)"
                + (ifAbsent ? " ON CONFLICT DO NOTHING" : ""))) {
            ps.setObject(1, municipality);
            ps.setArray(2, c.createArrayOf("uuid", ids));
            ps.setArray(3, c.createArrayOf("int8", vs));
            ps.setArray(4, c.createArrayOf("uuid", persons));
            ps.setArray(5, c.createArrayOf("text", entities));
            ps.setArray(6, c.createArrayOf("int2", categories));
            ps.setArray(7, c.createArrayOf("bool", deleted));
            ps.setArray(8, c.createArrayOf("text", bodies));
            ps.setArray(9, c.createArrayOf("text", stamps));
            ps.setArray(10, c.createArrayOf("text", deletedBy));
            ps.setArray(11, c.createArrayOf("uuid", authors));
            ps.setArray(12, c.createArrayOf("uuid", devices));
            ps.setArray(13, c.createArrayOf("int8", seqs));
            return ps.executeUpdate();
        }
    }

    /** The oldest transaction still running: every feed row below it is committed (or never will be). */
    public long horizon(Connection c) throws SQLException {
        try (var ps = c.prepareStatement("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
             var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Feed rows of the given persons after {@code after} and below {@code horizon}, in feed order, at most
     * {@code limit}. Rows of categories outside each person's mask are not returned.
     */
    public List<FeedRow> feed(Connection c, UUID municipality, Map<UUID, Integer> personMasks, Position after,
                              long horizon, int limit) throws SQLException {
        List<FeedRow> out = new ArrayList<>();
        List<UUID> persons = new ArrayList<>(personMasks.keySet());
        Integer[] masks = persons.stream().map(personMasks::get).toArray(Integer[]::new);
        String sql = persons.size() == 1
                ? "SELECT r.record_id, r.version, r.person_id, r.entity, r.category, r.deleted, r.body::text, r.xid, r.seq "
                + "FROM record_version r WHERE r.municipality_id = ? AND r.person_id = ? "
                + "AND (r.xid, r.seq) > (?, ?) AND r.xid < ? AND (? & (1 << r.category)) <> 0 "
                + "ORDER BY r.xid, r.seq LIMIT ?"
                : "SELECT r.record_id, r.version, r.person_id, r.entity, r.category, r.deleted, r.body::text, r.xid, r.seq "
                + "FROM record_version r JOIN unnest(?::uuid[], ?::int[]) AS u(p, m) ON r.person_id = u.p "
                + "WHERE r.municipality_id = ? AND (r.xid, r.seq) > (?, ?) AND r.xid < ? AND (u.m & (1 << r.category)) <> 0 "
                + "ORDER BY r.xid, r.seq LIMIT ?";
        try (var ps = c.prepareStatement(sql)) {
            int i = 1;
            if (persons.size() == 1) {
                ps.setObject(i++, municipality);
                ps.setObject(i++, persons.get(0));
                ps.setLong(i++, after.xid());
                ps.setLong(i++, after.seq());
                ps.setLong(i++, horizon);
                ps.setInt(i++, masks[0]);
            } else {
                ps.setArray(i++, c.createArrayOf("uuid", persons.toArray()));
                ps.setArray(i++, c.createArrayOf("int4", masks));
                ps.setObject(i++, municipality);
                ps.setLong(i++, after.xid());
                ps.setLong(i++, after.seq());
                ps.setLong(i++, horizon);
            }
            ps.setInt(i, limit);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FeedRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getShort(5), rs.getBoolean(6), rs.getString(7), rs.getLong(8), rs.getLong(9)));
                }
            }
        }
        return out;
    }

    /** Every version of one record, oldest first. */
    public List<StoredRecord> history(Connection c, UUID municipality, UUID recordId) throws SQLException {
        List<StoredRecord> out = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT record_id, version, person_id, entity, category, deleted, body::text, "
                + "stamps::text, deleted_by::text, author_id, device_id, created_at FROM record_version "
                + "WHERE municipality_id = ? AND record_id = ? ORDER BY version")) {
            ps.setObject(1, municipality);
            ps.setObject(2, recordId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) out.add(stored(rs));
            }
        }
        return out;
    }

    private StoredRecord stored(ResultSet rs) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp(12);
        return new StoredRecord(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getShort(5), rs.getBoolean(6), json.readMap(rs.getString(7)), decodeStamps(rs.getString(8)),
                decodeStamp(rs.getString(9)), rs.getObject(10, UUID.class), rs.getObject(11, UUID.class),
                at == null ? null : at.toInstant());
    }

    /**
     * Stamps are stored grouped: each distinct stamp once, with the fields (and set elements) it covers, as
     * {@code [[{"h":…,"a":…,"d":…}, ["field", …]], …]}. A record written at once has a single group, so a stamp per
     * field costs little more than one per record.
     */
    private List<Object> encodeStamps(Map<String, Stamp> stamps) {
        Map<Stamp, List<String>> byStamp = new LinkedHashMap<>();
        stamps.forEach((k, v) -> byStamp.computeIfAbsent(v, x -> new ArrayList<>()).add(k));
        List<Object> out = new ArrayList<>(byStamp.size());
        byStamp.forEach((stamp, keys) -> out.add(List.of(encodeStamp(stamp), keys)));
        return out;
    }

    private static Map<String, Object> encodeStamp(Stamp s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("h", s.hlc().toString());
        if (s.author() != null) m.put("a", s.author());
        if (s.device() != null) m.put("d", s.device());
        return m;
    }

    private static final io.micronaut.core.type.Argument<List<Object>> LIST =
            io.micronaut.core.type.Argument.listOf(Object.class);

    @SuppressWarnings("unchecked")
    private Map<String, Stamp> decodeStamps(String text) {
        Map<String, Stamp> out = new TreeMap<>();
        if (text.startsWith("{")) {
            // one stamp object per field: the plain form, accepted from bulk loaders and older rows
            json.readMap(text).forEach((k, v) -> out.put(k, toStamp(v)));
            return out;
        }
        for (Object group : json.read(text, LIST)) {
            List<Object> g = (List<Object>) group;
            Stamp stamp = toStamp(g.get(0));
            for (Object key : (List<Object>) g.get(1)) out.put((String) key, stamp);
        }
        return out;
    }

    private Stamp decodeStamp(String text) {
        return text == null ? null : toStamp(json.readMap(text));
    }

    @SuppressWarnings("unchecked")
    private static Stamp toStamp(Object v) {
        Map<String, Object> m = (Map<String, Object>) v;
        // short keys as stored; long keys ("hlc", "author", "device") in the plain form bulk loaders write
        Object h = m.containsKey("h") ? m.get("h") : m.get("hlc");
        Object a = m.containsKey("a") ? m.get("a") : m.get("author");
        Object d = m.containsKey("d") ? m.get("d") : m.get("device");
        return new Stamp(Hlc.parse((String) h), (String) a, (String) d);
    }

    public static no.tettpa.sync.merge.RecordState state(StoredRecord r) {
        return r == null ? null : new no.tettpa.sync.merge.RecordState(r.entity(), r.version(), r.deleted(), r.body(),
                r.stamps(), r.deletedBy());
    }
}
