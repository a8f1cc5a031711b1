package no.tettpa.backend.sync;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.org.Staff;
import no.tettpa.backend.persons.Person;
import no.tettpa.backend.support.Db;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.Records;
import no.tettpa.backend.support.TestDevice;
import no.tettpa.sync.merge.Values;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many devices of several workers edit the same persons' records while apart, and sync through duplicated,
 * reordered and interrupted requests. At the end every device equals the server, and every value any device ever
 * wrote is either current or in the conflict history: zero lost.
 */
class ConvergenceTest extends SyncTest {
    private static final int DEVICES = 6;
    private static final int OPERATIONS = 500;

    /** A device's local state: its records, its outbox, what it wrote. */
    private final class Sim {
        final TestDevice device;
        final Map<UUID, JsonNode> records = new HashMap<>();
        final Map<UUID, Long> versions = new HashMap<>();
        final List<Map<String, Object>> outbox = new ArrayList<>();
        final Set<Long> judged = new HashSet<>();
        final Map<Long, String> outcomeOf = new HashMap<>();

        Sim(Staff s) {
            device = device(s);
        }

        long version(UUID id) {
            return versions.getOrDefault(id, 0L);
        }

        void queue(Map<String, Object> m) {
            outbox.add(m);
            origin.put(UUID.fromString((String) m.get("recordId")) + "/" + m.get("seq"), this);
        }

        /** Sends the outbox and pulls; the fault decides what reaches the server and what comes back. */
        void sync(Random rnd) {
            int fault = rnd.nextInt(10);
            List<Map<String, Object>> sent = new ArrayList<>(outbox);
            if (fault == 0 && sent.size() > 1) {
                // reordered: the later half arrives first (a gap), then everything
                handle(device.sync(sent.subList(sent.size() / 2, sent.size()), false));
            }
            var request = device.request(sent, true);
            String checkpointBefore = device.checkpoint;
            Http.Response r = device.send(request);
            if (fault == 1) {
                // interrupted: the response never arrives; the device keeps its outbox and old checkpoint
                device.checkpoint = checkpointBefore;
                return;
            }
            if (fault == 2) {
                // duplicated: the same request arrives twice
                device.checkpoint = checkpointBefore;
                r = device.send(request);
            }
            handle(r);
        }

        void handle(Http.Response r) {
            assertEquals(200, r.status(), r.body());
            JsonNode body = r.json();
            for (JsonNode o : TestDevice.array(body, "outcomes")) {
                judged.add(o.get("seq").getLongValue());
                outcomeOf.putIfAbsent(o.get("seq").getLongValue(), Http.toJson(o));
                String status = o.get("status").getStringValue();
                assertTrue(!status.equals("rejected") || expectedRejection(o), "unexpected rejection " + o);
                if (o.get("record") != null) take(o.get("record"));
                else if (o.get("version") != null && o.get("recordId") != null) {
                    versions.merge(UUID.fromString(o.get("recordId").getStringValue()), o.get("version").getLongValue(), Math::max);
                }
            }
            // A mutation leaves the outbox only when its own outcome has arrived.
            outbox.removeIf(m -> judged.contains(((Number) m.get("seq")).longValue()));
            JsonNode page = body.get("pull");
            if (page != null) {
                for (JsonNode c : TestDevice.array(page, "changes")) take(c);
            }
        }

        void take(JsonNode change) {
            UUID id = UUID.fromString(change.get("id").getStringValue());
            long v = change.get("version").getLongValue();
            if (v >= version(id)) {
                versions.put(id, v);
                records.put(id, change);
            }
        }

        void drain() {
            for (int i = 0; i < 200; i++) {
                var r = device.sync(new ArrayList<>(outbox), true);
                handle(r);
                if (outbox.isEmpty() && !r.json().get("pull").get("more").getBooleanValue()) return;
            }
            throw new AssertionError("device did not drain");
        }
    }

    private static boolean expectedRejection(JsonNode o) {
        String code = o.get("rejection").get("code").getStringValue();
        // an edit of a record another device deleted and nobody revived is refused only when the base is unknown
        return code.equals("not_found") || code.equals("invalid_transition");
    }

    private final Map<String, Sim> origin = new HashMap<>();

    /** Every value written, per record and field (set fields: per element). */
    private final Map<UUID, Map<String, Set<Object>>> ledger = new HashMap<>();

    private void wrote(UUID record, Map<String, Object> fields) {
        fields.forEach((k, v) -> {
            Object n = Values.normalize(v);
            Set<Object> values = ledger.computeIfAbsent(record, x -> new HashMap<>()).computeIfAbsent(k, x -> new HashSet<>());
            if (n instanceof List<?> list) values.addAll(list);
            else values.add(n);
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {7L, 42L, 2026L})
    void devicesConvergeAndNothingIsLost(long seed) throws Exception {
        Random rnd = new Random(seed);
        ledger.clear();
        origin.clear();
        Staff ask = tenant.staff("Åsmund", "field-worker", tenant.teamId);
        List<Staff> workers = List.of(kari, ola, ask);
        List<Person> persons = List.of(eirik, sara, tenant.person("Jonas", tenant.teamId, kari.id()));
        List<Sim> sims = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) sims.add(new Sim(workers.get(i % workers.size())));
        for (Sim s : sims) s.drain();

        List<UUID> cases = new ArrayList<>();
        Map<UUID, UUID> caseOwner = new HashMap<>();
        for (int op = 0; op < OPERATIONS; op++) {
            Sim s = sims.get(rnd.nextInt(sims.size()));
            Person p = persons.get(rnd.nextInt(persons.size()));
            int kind = rnd.nextInt(10);
            if (kind < 3) {
                s.sync(rnd);
            } else if (kind == 3) {
                UUID id = UUID.randomUUID();
                Map<String, Object> f = Records.with(Records.visit(), "durationMinutes", 5 + rnd.nextInt(100));
                s.queue(s.device.create("visit", id, p.id(), f));
                wrote(id, f);
            } else if (kind == 4) {
                UUID id = UUID.randomUUID();
                Map<String, Object> f = Records.arrearsCase();
                s.queue(s.device.create("arrears_case", id, p.id(), f));
                wrote(id, f);
                cases.add(id);
                caseOwner.put(id, p.id());
            } else if (kind <= 7) {
                long base = s.version(p.id());
                if (base == 0) continue;
                Map<String, Object> f = new LinkedHashMap<>();
                switch (rnd.nextInt(3)) {
                    case 0 -> f.put("phone", "9" + rnd.nextInt(10_000_000));
                    case 1 -> f.put("contactNotes", "Notat " + op + " fra " + s.device.id.toString().substring(0, 4));
                    default -> f.put("address", "Gate " + rnd.nextInt(200));
                }
                s.queue(s.device.update("person", p.id(), p.id(), base, f));
                wrote(p.id(), f);
            } else if (!cases.isEmpty()) {
                UUID id = cases.get(rnd.nextInt(cases.size()));
                long base = s.version(id);
                if (base == 0) continue;
                if (kind == 8) {
                    Map<String, Object> f = rnd.nextBoolean() ? Map.of("monthsInArrears", rnd.nextInt(12))
                            : Map.of("notes", "Kontakt " + op);
                    s.queue(s.device.update("arrears_case", id, caseOwner.get(id), base, f));
                    wrote(id, f);
                } else if (rnd.nextInt(4) == 0) {
                    s.queue(s.device.delete("arrears_case", id, caseOwner.get(id), base));
                }
            }
        }
        for (Sim s : sims) s.drain();
        for (Sim s : sims) s.drain();

        Map<UUID, Map<String, Object>> server = serverState();
        for (Sim s : sims) {
            Map<UUID, Map<String, Object>> local = new TreeMap<>();
            s.records.forEach((id, c) -> {
                if (!c.get("deleted").getBooleanValue()) local.put(id, fields(c));
            });
            assertEquals(new TreeMap<>(server), local, "device " + s.device.id + " converged to the server");
        }
        assertNothingLost();
    }

    private Map<String, Object> fields(JsonNode change) {
        return Values.normalizeMap(Http.read(Http.toJson(change.get("fields"))));
    }

    private Map<UUID, Map<String, Object>> serverState() throws Exception {
        Map<UUID, Map<String, Object>> out = new HashMap<>();
        try (Connection c = Db.connect(); var ps = c.prepareStatement("SELECT DISTINCT ON (record_id) record_id, deleted, "
                + "body::text FROM record_version WHERE municipality_id = ? ORDER BY record_id, version DESC");) {
            ps.setObject(1, tenant.id);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getBoolean(2)) out.put(rs.getObject(1, UUID.class), Values.normalizeMap(Http.read(rs.getString(3))));
                }
            }
        }
        return out;
    }

    /**
     * Every value in the ledger is in its record's history (a value overwritten by someone who had seen it is an
     * ordinary edit, kept in the earlier version) or in a conflict about that record (a concurrent overwrite).
     */
    private void assertNothingLost() throws Exception {
        Map<UUID, Map<String, Set<Object>>> seen = new HashMap<>();
        try (Connection c = Db.connect(); var ps = c.prepareStatement("SELECT record_id, entity, body::text "
                + "FROM record_version WHERE municipality_id = ?")) {
            ps.setObject(1, tenant.id);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> body = Values.normalizeMap(Http.read(rs.getString(3)));
                    if (rs.getString(2).equals("conflict")) {
                        UUID target = UUID.fromString((String) body.get("recordId"));
                        String field = (String) body.get("field");
                        if (field == null) continue;
                        for (String k : List.of("keptValue", "otherValue", "baseValue")) add(seen, target, field, body.get(k));
                    } else {
                        UUID id = rs.getObject(1, UUID.class);
                        body.forEach((k, v) -> add(seen, id, k, v));
                    }
                }
            }
        }
        int values = 0;
        for (var record : ledger.entrySet()) {
            for (var field : record.getValue().entrySet()) {
                for (Object v : field.getValue()) {
                    values++;
                    Set<Object> found = seen.getOrDefault(record.getKey(), Map.of()).getOrDefault(field.getKey(), Set.of());
                    if (!found.contains(v)) {
                        StringBuilder who = new StringBuilder();
                        origin.forEach((k, sim) -> {
                            if (k.startsWith(record.getKey().toString())) {
                                long sq = Long.parseLong(k.substring(k.indexOf('/') + 1));
                                who.append(" [device ").append(sim.device.id).append(" seq ").append(sq)
                                        .append(" outcome ").append(sim.outcomeOf.get(sq)).append(']');
                            }
                        });
                        throw new AssertionError("lost: " + field.getKey() + "=" + v + " of record " + record.getKey() + who);
                    }
                }
            }
        }
        assertTrue(values > 100, "the run wrote enough to mean something: " + values);
    }

    private static void add(Map<UUID, Map<String, Set<Object>>> seen, UUID id, String field, Object v) {
        if (v == null) return;
        Set<Object> s = seen.computeIfAbsent(id, x -> new HashMap<>()).computeIfAbsent(field, x -> new HashSet<>());
        if (v instanceof List<?> list) s.addAll(list);
        else s.add(v);
    }
}
