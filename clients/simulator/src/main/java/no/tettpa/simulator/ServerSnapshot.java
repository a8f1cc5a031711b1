package no.tettpa.simulator;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the server holds at the end, read from its database: every version of every record (the history), the
 * outcome of every judged mutation, each mutation as it was first received, and who may see whom.
 */
final class ServerSnapshot {
    /** One stored version of a record; {@code deviceId} and {@code mutationSeq} name the mutation that wrote it. */
    record Version(UUID recordId, long version, String entity, UUID personId, boolean deleted, Map<String, Object> body,
                   UUID deviceId, Long mutationSeq) {}

    final Map<UUID, List<Version>> history = new HashMap<>();
    final Map<Ledger.Key, Map<String, Object>> outcomes = new HashMap<>();
    final Map<Ledger.Key, Long> receivedBase = new HashMap<>();
    final Map<UUID, Set<UUID>> visibleTo = new HashMap<>();

    static ServerSnapshot read(Connection c, UUID municipality) throws SQLException {
        ServerSnapshot s = new ServerSnapshot();
        s.readVersions(c, municipality);
        s.readOutcomes(c, municipality);
        s.readRequests(c, municipality);
        s.readScopes(c, municipality);
        return s;
    }

    private void readVersions(Connection c, UUID m) throws SQLException {
        try (var ps = c.prepareStatement("SELECT record_id, version, entity, person_id, deleted, body::text, device_id, "
                + "mutation_seq FROM record_version WHERE municipality_id = ? ORDER BY record_id, version")) {
            ps.setObject(1, m);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(8);
                    Long mutationSeq = rs.wasNull() ? null : seq;
                    Version v = new Version(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getBoolean(5), SimJson.map(rs.getString(6)),
                            rs.getObject(7, UUID.class), mutationSeq);
                    history.computeIfAbsent(v.recordId(), k -> new ArrayList<>()).add(v);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void readOutcomes(Connection c, UUID m) throws SQLException {
        try (var ps = c.prepareStatement("SELECT device_id, outcomes::text FROM sync_outcome WHERE municipality_id = ?")) {
            ps.setObject(1, m);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID device = rs.getObject(1, UUID.class);
                    for (Object o : SimJson.list(rs.getString(2))) {
                        Map<String, Object> outcome = (Map<String, Object>) o;
                        outcomes.put(new Ledger.Key(device, ((Number) outcome.get("seq")).longValue()), outcome);
                    }
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void readRequests(Connection c, UUID m) throws SQLException {
        try (var ps = c.prepareStatement("SELECT device_id, body FROM sync_request WHERE municipality_id = ? "
                + "AND device_id IS NOT NULL ORDER BY id")) {
            ps.setObject(1, m);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID device = rs.getObject(1, UUID.class);
                    Object mutations = SimJson.map(new String(rs.getBytes(2), StandardCharsets.UTF_8)).get("mutations");
                    if (!(mutations instanceof List<?> list)) continue;
                    for (Object o : list) {
                        Map<String, Object> mutation = (Map<String, Object>) o;
                        Ledger.Key key = new Ledger.Key(device, ((Number) mutation.get("seq")).longValue());
                        Object base = mutation.get("baseVersion");
                        if (!receivedBase.containsKey(key)) {
                            receivedBase.put(key, base == null ? null : ((Number) base).longValue());
                        }
                    }
                }
            }
        }
    }

    private void readScopes(Connection c, UUID m) throws SQLException {
        try (var ps = c.prepareStatement("SELECT tm.staff_id, p.id FROM team_member tm "
                + "JOIN team t ON t.municipality_id = tm.municipality_id AND t.id = tm.team_id "
                + "JOIN person p ON p.municipality_id = tm.municipality_id AND p.team_id = tm.team_id "
                + "WHERE tm.municipality_id = ? AND NOT t.partner")) {
            ps.setObject(1, m);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    visibleTo.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getObject(2, UUID.class));
                }
            }
        }
    }

    Version current(UUID recordId) {
        List<Version> versions = history.get(recordId);
        return versions == null ? null : versions.get(versions.size() - 1);
    }

    /** The current, not deleted records about these persons: what a device holding them must hold. */
    Map<UUID, Version> currentAbout(Set<UUID> persons) {
        Map<UUID, Version> out = new TreeMap<>();
        for (List<Version> versions : history.values()) {
            Version v = versions.get(versions.size() - 1);
            if (!v.deleted() && persons.contains(v.personId())) out.put(v.recordId(), v);
        }
        return out;
    }

    private Map<String, List<Version>> conflictsByRecord;

    /** Conflict records (latest versions) about a record. */
    List<Version> conflictsAbout(UUID recordId) {
        if (conflictsByRecord == null) {
            conflictsByRecord = new HashMap<>();
            for (List<Version> versions : history.values()) {
                Version v = versions.get(versions.size() - 1);
                if ("conflict".equals(v.entity())) {
                    conflictsByRecord.computeIfAbsent(String.valueOf(v.body().get("recordId")), k -> new ArrayList<>()).add(v);
                }
            }
        }
        return conflictsByRecord.getOrDefault(recordId.toString(), List.of());
    }

    /** Conflict records by kind and status, for the report. */
    Map<String, Long> conflictCounts() {
        Map<String, Long> out = new TreeMap<>();
        for (List<Version> versions : history.values()) {
            Version v = versions.get(versions.size() - 1);
            if (!"conflict".equals(v.entity())) continue;
            out.merge(v.body().get("kind") + "/" + v.body().get("status"), 1L, Long::sum);
        }
        return out;
    }
}
