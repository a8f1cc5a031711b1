package no.tettpa.backend.sync;

import no.tettpa.backend.platform.Sql;
import jakarta.inject.Singleton;
import no.tettpa.sync.merge.ConflictDraft;
import no.tettpa.sync.merge.Stamp;
import no.tettpa.sync.schema.Category;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Conflicts are records too (entity {@code conflict}): they travel to devices in the category of the record they
 * are about, they are resolved by a synced change, and their versions are the history of the decision.
 * {@code open_conflict} indexes the open ones for review lists.
 */
@Singleton
public class ConflictRecords {
    public static final String ENTITY = "conflict";

    /** A conflict about to be stored: its record version and, when open, its review-list row. */
    public record Pending(RecordStore.NewVersion version, boolean open, String field, String kind, UUID recordId,
                          String recordEntity) {}

    public Pending create(ConflictDraft d, UUID recordId, String recordEntity, UUID personId, int category,
                          Stamp madeBy, UUID authorId, UUID deviceId, Long mutationSeq) {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new TreeMap<>();
        body.put("recordId", recordId.toString());
        body.put("entity", recordEntity);
        body.put("category", categoryWire(category));
        if (d.field() != null) body.put("field", d.field());
        body.put("kind", d.kind());
        body.put("status", d.open() ? "open" : "auto_resolved");
        putIfPresent(body, "baseValue", d.baseValue());
        putIfPresent(body, "keptValue", d.keptValue());
        stamp(body, "kept", d.kept());
        putIfPresent(body, "otherValue", d.otherValue());
        stamp(body, "other", d.other());
        Map<String, Stamp> stamps = new TreeMap<>();
        body.keySet().forEach(k -> stamps.put(k, madeBy));
        return new Pending(new RecordStore.NewVersion(id, 1, personId, ENTITY, category, false, body, stamps, null,
                authorId, deviceId, mutationSeq), d.open(), d.field(), d.kind(), recordId, recordEntity);
    }

    public void store(Connection c, UUID municipality, List<Pending> pending, RecordStore store) throws SQLException {
        if (pending.isEmpty()) return;
        List<RecordStore.NewVersion> versions = new ArrayList<>(pending.size());
        pending.forEach(p -> versions.add(p.version()));
        store.insert(c, municipality, versions);
        List<Pending> open = pending.stream().filter(Pending::open).toList();
        if (open.isEmpty()) return;
        try (var ps = c.prepareStatement("INSERT INTO open_conflict (municipality_id, conflict_id, person_id, record_id, "
                + "entity, field, kind, authors) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Pending p : open) {
                java.util.Set<Object> authors = new java.util.TreeSet<>();
                for (String k : List.of("keptBy", "otherBy")) {
                    Object a = p.version().body().get(k);
                    if (a instanceof String s && no.tettpa.sync.schema.Validation.isUuid(s)) authors.add(UUID.fromString(s));
                }
                ps.setObject(1, municipality);
                ps.setObject(2, p.version().recordId());
                ps.setObject(3, p.version().personId());
                ps.setObject(4, p.recordId());
                ps.setString(5, p.recordEntity());
                ps.setString(6, p.field());
                ps.setString(7, p.kind());
                ps.setArray(8, c.createArrayOf("uuid", authors.toArray()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public void closed(Connection c, UUID municipality, UUID conflictId) throws SQLException {
        Sql.update(c, "DELETE FROM open_conflict WHERE municipality_id = ? AND conflict_id = ?", municipality, conflictId);
    }

    static String categoryWire(int category) {
        for (Category c : Category.values()) if (c.bit() == category) return c.wire();
        return Category.CORE.wire();
    }

    private static void putIfPresent(Map<String, Object> body, String key, Object value) {
        if (value != null) body.put(key, value);
    }

    private static void stamp(Map<String, Object> body, String prefix, Stamp s) {
        if (s == null) return;
        body.put(prefix + "Hlc", s.hlc().toString());
        if (s.author() != null) body.put(prefix + "By", s.author());
        if (s.device() != null) body.put(prefix + "Device", s.device());
    }
}
