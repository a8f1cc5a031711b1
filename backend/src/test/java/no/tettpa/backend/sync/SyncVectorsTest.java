package no.tettpa.backend.sync;

import no.tettpa.backend.org.Staff;
import no.tettpa.backend.persons.Person;
import no.tettpa.backend.support.ApiTest;
import no.tettpa.backend.support.Db;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.TestTenants;
import no.tettpa.sync.merge.Values;
import no.tettpa.sync.schema.Schemas;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the protocol's server-side vectors ({@code sync-protocol/src/test/resources/vectors/sync}) against the real
 * server: the records a server holds and a request in, the outcomes and the records after out.
 */
class SyncVectorsTest extends ApiTest {
    private static final Path DIR = Path.of("..", "sync-protocol", "src", "test", "resources", "vectors", "sync");

    @TestFactory
    Stream<DynamicTest> vectors() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String text = Files.readString(file);
                List<Object> cases = Http.read("{\"c\":" + text + "}").get("c") instanceof List<?> l ? List.copyOf(l) : List.of();
                for (Object c : cases) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> raw = (Map<String, Object>) c;
                    tests.add(DynamicTest.dynamicTest(file.getFileName() + ": " + raw.get("name"), () -> run(Http.toJson(raw))));
                }
            }
        }
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    private void run(String caseJson) throws Exception {
        TestTenants.Tenant t = tenants.create();
        Staff worker = t.staff("Kari", "field-worker", t.teamId);
        Staff leader = t.staff("Lise", "team-leader", t.teamId);
        Staff colleague = t.staff("Ola", "field-worker", t.teamId);
        Person person = t.person("Eirik Ås", t.teamId, worker.id());
        Person stranger = t.person("Utenfor", t.team("Annet", "boveiledning", false), null);
        UUID deviceId = UUID.randomUUID();
        String filled = caseJson.replace("$PERSON", person.id().toString()).replace("$STRANGER", stranger.id().toString())
                .replace("$TEAM", t.teamId.toString()).replace("$WORKER", worker.id().toString())
                .replace("$LEADER", leader.id().toString()).replace("$COLLEAGUE", colleague.id().toString())
                .replace("$DEVICE", deviceId.toString());
        Map<String, Object> c = Http.read(filled);
        String name = String.valueOf(c.get("name"));

        try (Connection db = Db.connect()) {
            Map<String, Object> device = (Map<String, Object>) c.getOrDefault("device", Map.of());
            try (var ps = db.prepareStatement("INSERT INTO device (municipality_id, id, staff_id, last_seq) VALUES (?, ?, ?, ?)")) {
                ps.setObject(1, t.id);
                ps.setObject(2, deviceId);
                ps.setObject(3, worker.id());
                ps.setLong(4, ((Number) device.getOrDefault("lastSeq", 0)).longValue());
                ps.executeUpdate();
            }
            seedRecords(db, t.id, (List<Map<String, Object>>) c.getOrDefault("records", List.of()));
            List<Map<String, Object>> outcomes = (List<Map<String, Object>>) c.getOrDefault("outcomes", List.of());
            if (!outcomes.isEmpty()) {
                try (var ps = db.prepareStatement("INSERT INTO sync_outcome (municipality_id, device_id, first_seq, last_seq, "
                        + "outcomes) VALUES (?, ?, ?, ?, ?::jsonb)")) {
                    ps.setObject(1, t.id);
                    ps.setObject(2, deviceId);
                    ps.setLong(3, ((Number) outcomes.get(0).get("seq")).longValue());
                    ps.setLong(4, ((Number) outcomes.get(outcomes.size() - 1).get("seq")).longValue());
                    ps.setString(5, Http.toJson(outcomes));
                    ps.executeUpdate();
                }
            }
        }

        Map<String, Object> request = new LinkedHashMap<>((Map<String, Object>) c.get("request"));
        request.put("protocolVersion", 1);
        request.putIfAbsent("schemaVersion", 2);
        request.put("deviceId", deviceId.toString());
        var response = http().postGzip("/api/v1/sync", t.token(worker), Http.toJson(request));
        assertEquals(200, response.status(), name + ": " + response.body());
        Map<String, Object> body = Http.read(response.body());
        Map<String, Object> expect = (Map<String, Object>) c.get("expect");

        List<Object> gotOutcomes = body.get("outcomes") instanceof List<?> l ? List.copyOf(l) : List.of();
        List<Map<String, Object>> wantOutcomes = (List<Map<String, Object>>) expect.getOrDefault("outcomes", List.of());
        assertEquals(wantOutcomes.size(), gotOutcomes.size(), name + ": outcomes " + gotOutcomes);
        for (int i = 0; i < wantOutcomes.size(); i++) {
            assertSubset(name + ": outcome " + i, wantOutcomes.get(i), (Map<String, Object>) gotOutcomes.get(i));
        }
        if (expect.get("gap") != null) assertSubset(name + ": gap", (Map<String, Object>) expect.get("gap"), (Map<String, Object>) body.get("gap"));

        try (Connection db = Db.connect()) {
            for (Map<String, Object> want : (List<Map<String, Object>>) expect.getOrDefault("records", List.of())) {
                checkRecord(db, t.id, name, want);
            }
            List<Map<String, Object>> conflicts = conflicts(db, t.id);
            for (Map<String, Object> want : (List<Map<String, Object>>) expect.getOrDefault("conflicts", List.of())) {
                boolean found = conflicts.stream().anyMatch(got -> matches(want, got));
                assertTrue(found, name + ": no conflict like " + want + " in " + conflicts);
            }
            if (expect.get("flagged") != null) {
                assertEquals(((Number) expect.get("flagged")).longValue(),
                        Db.count("SELECT count(*) FROM flagged_mutation WHERE municipality_id = ?", t.id), name + ": flagged");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void seedRecords(Connection db, UUID m, List<Map<String, Object>> records) throws Exception {
        for (Map<String, Object> r : records) {
            UUID id = UUID.fromString((String) r.get("id"));
            long version = ((Number) r.get("version")).longValue();
            if (version == 1) {
                try (var ps = db.prepareStatement("DELETE FROM record_version WHERE municipality_id = ? AND record_id = ?")) {
                    ps.setObject(1, m);
                    ps.setObject(2, id);
                    ps.executeUpdate();
                }
            }
            Map<String, Object> body = (Map<String, Object>) r.get("body");
            int category = Schemas.entity((String) r.get("entity")).orElseThrow().category().apply(Values.normalizeMap(body)).bit();
            try (var ps = db.prepareStatement("INSERT INTO record_version (municipality_id, record_id, version, person_id, entity, "
                    + "category, body, stamps) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
                ps.setObject(1, m);
                ps.setObject(2, id);
                ps.setLong(3, version);
                ps.setObject(4, UUID.fromString((String) r.get("personId")));
                ps.setString(5, (String) r.get("entity"));
                ps.setInt(6, category);
                ps.setString(7, Http.toJson(body));
                ps.setString(8, Http.toJson(r.getOrDefault("stamps", Map.of())));
                ps.executeUpdate();
            }
        }
    }

    private static void checkRecord(Connection db, UUID m, String name, Map<String, Object> want) throws Exception {
        UUID id = UUID.fromString((String) want.get("id"));
        try (var ps = db.prepareStatement("SELECT version, deleted, body::text FROM record_version WHERE municipality_id = ? "
                + "AND record_id = ? ORDER BY version DESC LIMIT 1")) {
            ps.setObject(1, m);
            ps.setObject(2, id);
            try (var rs = ps.executeQuery()) {
                if (Boolean.TRUE.equals(want.get("absent"))) {
                    assertTrue(!rs.next(), name + ": record " + id + " should not exist");
                    return;
                }
                assertTrue(rs.next(), name + ": record " + id + " missing");
                if (want.get("version") != null) assertEquals(((Number) want.get("version")).longValue(), rs.getLong(1), name + ": version");
                if (want.get("deleted") != null) assertEquals(want.get("deleted"), rs.getBoolean(2), name + ": deleted");
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) want.getOrDefault("fields", Map.of());
                Map<String, Object> got = Http.read(rs.getString(3));
                fields.forEach((k, v) -> assertTrue(Values.same(v, got.get(k)), name + ": field " + k + " = " + got.get(k)));
            }
        }
    }

    private static List<Map<String, Object>> conflicts(Connection db, UUID m) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (var ps = db.prepareStatement("SELECT DISTINCT ON (record_id) body::text FROM record_version WHERE municipality_id = ? "
                + "AND entity = 'conflict' ORDER BY record_id, version DESC")) {
            ps.setObject(1, m);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) out.add(Http.read(rs.getString(1)));
            }
        }
        return out;
    }

    private static boolean matches(Map<String, Object> want, Map<String, Object> got) {
        for (Map.Entry<String, Object> e : want.entrySet()) {
            if (!Values.same(e.getValue(), got.get(e.getKey()))) return false;
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static void assertSubset(String what, Map<String, Object> want, Map<String, Object> got) {
        assertTrue(got != null, what + ": missing");
        for (Map.Entry<String, Object> e : want.entrySet()) {
            Object g = got.get(e.getKey());
            if (e.getValue() instanceof Map<?, ?> wm) {
                assertSubset(what + "." + e.getKey(), (Map<String, Object>) wm, (Map<String, Object>) g);
            } else if (e.getValue() instanceof List<?> wl) {
                List<Object> gl = (List<Object>) g;
                assertTrue(gl != null && gl.size() == wl.size(), what + "." + e.getKey() + ": " + g);
                for (int i = 0; i < wl.size(); i++) {
                    assertSubset(what + "." + e.getKey() + "[" + i + "]", (Map<String, Object>) wl.get(i), (Map<String, Object>) gl.get(i));
                }
            } else {
                assertTrue(Values.same(e.getValue(), g), what + "." + e.getKey() + ": expected " + e.getValue() + ", got " + g);
            }
        }
    }
}
