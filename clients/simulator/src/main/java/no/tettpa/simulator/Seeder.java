package no.tettpa.simulator;

import no.tettpa.backend.auth.DevIssuer;
import no.tettpa.backend.demo.DemoData;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gives the simulation its people, in the demo municipality the server seeds: teams and workers straight into the
 * simulator's database (there is no API for them yet), and persons over {@code POST /api/v1/persons} as the demo
 * team leader, who is made a member of every simulated team for that.
 */
final class Seeder {
    record Worker(UUID staffId, String subject, UUID teamId) {}

    record Person(UUID id, UUID teamId) {}

    record World(UUID municipality, List<UUID> teams, List<Worker> workers, List<Person> persons) {}

    private final EmbeddedDatabase database;
    private final URI server;

    Seeder(EmbeddedDatabase database, URI server) {
        this.database = database;
        this.server = server;
    }

    World seed(int teams, int workers, int personsPerTeam) throws SQLException {
        UUID m = DemoData.MUNICIPALITY;
        List<UUID> teamIds = new ArrayList<>();
        List<Worker> staff = new ArrayList<>();
        try (Connection c = database.connect()) {
            UUID leader = staffId(c, "demo-leader");
            for (int t = 0; t < teams; t++) {
                UUID team = UUID.randomUUID();
                sql(c, "INSERT INTO team (municipality_id, id, name, kind, controller_kind, controller_name, partner) "
                        + "VALUES (?, ?, ?, 'housing_first', 'municipality', 'Tettvik kommune', false)", m, team, "Sim team " + t);
                sql(c, "INSERT INTO team_member (municipality_id, team_id, staff_id) VALUES (?, ?, ?)", m, team, leader);
                teamIds.add(team);
            }
            for (int w = 0; w < workers; w++) {
                UUID id = UUID.randomUUID();
                String subject = "sim-worker-" + w + "-" + id.toString().substring(0, 8);
                UUID team = teamIds.get(w % teams);
                sql(c, "INSERT INTO staff (municipality_id, id, display_name, issuer, subject, roles) "
                        + "VALUES (?, ?, ?, ?, ?, ARRAY['field-worker'])", m, id, "Sim worker " + w, DevIssuer.ISSUER, subject);
                sql(c, "INSERT INTO team_member (municipality_id, team_id, staff_id) VALUES (?, ?, ?)", m, team, id);
                staff.add(new Worker(id, subject, team));
            }
        }
        List<Person> persons = new ArrayList<>();
        String token = new DevIssuerTokens(server, "demo-leader").token();
        for (UUID team : teamIds) {
            for (int p = 0; p < personsPerTeam; p++) {
                persons.add(new Person(register(token, "Sim person " + persons.size(), team), team));
            }
        }
        return new World(m, teamIds, staff, persons);
    }

    private UUID register(String token, String name, UUID team) {
        HttpClient http = HttpClient.newHttpClient();
        String body = SimJson.write(Map.of("displayName", name, "teamId", team.toString()));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.resolve("/api/v1/persons"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) throw new IllegalStateException("could not register a person: " + r.body());
            return UUID.fromString((String) SimJson.map(r.body()).get("id"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static UUID staffId(Connection c, String subject) throws SQLException {
        try (var ps = c.prepareStatement("SELECT id FROM staff WHERE subject = ?")) {
            ps.setString(1, subject);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("the demo data has no " + subject);
                return rs.getObject(1, UUID.class);
            }
        }
    }

    static void sql(Connection c, String statement, Object... params) throws SQLException {
        try (var ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            ps.executeUpdate();
        }
    }
}
