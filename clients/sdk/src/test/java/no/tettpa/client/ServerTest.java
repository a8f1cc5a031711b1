package no.tettpa.client;

import no.tettpa.backend.org.Staff;
import no.tettpa.backend.persons.Person;
import no.tettpa.backend.support.Db;
import no.tettpa.backend.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Base of tests against the real server: a fresh municipality per test with a team of two workers and a leader
 * and two persons on the team's caseload, and devices (SDK clients) on SQLite files in a temporary directory.
 */
abstract class ServerTest {
    @TempDir
    Path dir;

    TestServer server;
    TestTenants.Tenant tenant;
    Staff kari;
    Staff ola;
    Staff leader;
    Person eirik;
    Person sara;
    final List<FieldClient> open = new ArrayList<>();

    @BeforeEach
    void world() {
        server = TestServer.get();
        tenant = server.tenants.create();
        kari = tenant.staff("Kari", "field-worker", tenant.teamId);
        ola = tenant.staff("Ola", "field-worker", tenant.teamId);
        leader = tenant.staff("Lise", "team-leader", tenant.teamId);
        eirik = tenant.person("Eirik", tenant.teamId, kari.id());
        sara = tenant.person("Sara", tenant.teamId, ola.id());
    }

    @org.junit.jupiter.api.AfterEach
    void closeClients() {
        for (FieldClient c : open) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // already closed by the test (a simulated process death)
            }
        }
    }

    TokenSupplier tokens(Staff s) {
        return () -> tenant.token(s);
    }

    SyncTransport http() {
        return new HttpSyncTransport(server.uri, Duration.ofSeconds(30));
    }

    static FieldClientConfig config() {
        return FieldClientConfig.defaults("sdk-test").withRetry(Backoff.standard(), d -> { });
    }

    /** A device of this worker, its store in {@code name}.db; reopening the same name is a process restart. */
    FieldClient device(String name, Staff s) {
        return device(name, s, http());
    }

    FieldClient device(String name, Staff s, SyncTransport transport) {
        return device(name, SqliteStore.open(dir.resolve(name + ".db")), s, transport, config());
    }

    FieldClient device(String name, LocalStore store, Staff s, SyncTransport transport, FieldClientConfig config) {
        FieldClient c = FieldClient.open(store, transport, tokens(s), config);
        open.add(c);
        return c;
    }

    void sql(String statement, Object... params) {
        try (Connection c = Db.connect(); var ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql, Object... params) {
        return Db.count(sql, params);
    }

    /** A device without the SDK: raw requests, for showing what the server itself does. */
    no.tettpa.backend.support.TestDevice rawDevice(Staff who) {
        return new no.tettpa.backend.support.TestDevice(new no.tettpa.backend.support.Http(server.uri), tenant.token(who));
    }

    /** The last change of a record among pulled changes. */
    static io.micronaut.json.tree.JsonNode latest(List<io.micronaut.json.tree.JsonNode> changes, UUID id) {
        io.micronaut.json.tree.JsonNode found = null;
        for (var c : changes) if (c.get("id").getStringValue().equals(id.toString())) found = c;
        return found;
    }

    /** Whether a pulled conflict record keeps this value (as kept or other value). */
    static boolean inConflictHistory(List<io.micronaut.json.tree.JsonNode> changes, Object value) {
        String wanted = no.tettpa.backend.support.Http.toJson(value);
        for (var c : changes) {
            if (!"conflict".equals(c.get("entity").getStringValue()) || c.get("fields") == null) continue;
            for (String side : List.of("keptValue", "otherValue")) {
                var v = c.get("fields").get(side);
                if (v != null && no.tettpa.backend.support.Http.toJson(v).equals(wanted)) return true;
            }
        }
        return false;
    }

    long versionsOf(UUID recordId) {
        return count("SELECT count(*) FROM record_version WHERE municipality_id = ? AND record_id = ?", tenant.id, recordId);
    }
}
