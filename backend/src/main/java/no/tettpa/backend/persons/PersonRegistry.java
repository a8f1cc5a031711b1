package no.tettpa.backend.persons;

import jakarta.inject.Singleton;
import no.tettpa.backend.platform.Jdbc;
import no.tettpa.backend.sync.RecordStore;
import no.tettpa.backend.sync.ServerClock;
import no.tettpa.sync.merge.Stamp;
import no.tettpa.sync.schema.Category;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Registers a person followed up: the row that decides the caseload (team, coordinator) and the synced
 * {@code person} record devices receive, in one transaction.
 */
@Singleton
public class PersonRegistry {
    private final Jdbc jdbc;
    private final RecordStore records;
    private final ServerClock clock;

    public PersonRegistry(Jdbc jdbc, RecordStore records, ServerClock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.clock = clock;
    }

    public Person register(UUID municipality, String displayName, UUID teamId, UUID coordinatorId, UUID registeredBy) {
        Person p = new Person(UUID.randomUUID(), municipality, displayName, teamId, coordinatorId);
        jdbc.write(c -> {
                insertRow(c, p);
                Map<String, Object> body = new TreeMap<>();
                body.put("displayName", displayName);
                body.put("teamId", teamId.toString());
                if (coordinatorId != null) body.put("coordinatorId", coordinatorId.toString());
                body.put("controller", "municipality");
                Stamp stamp = new Stamp(clock.now(), registeredBy == null ? null : registeredBy.toString(), null);
                Map<String, Stamp> stamps = new TreeMap<>();
                body.keySet().forEach(k -> stamps.put(k, stamp));
                records.insert(c, municipality, List.of(new RecordStore.NewVersion(p.id(), 1, p.id(), "person",
                        Category.CORE.bit(), false, body, stamps, null, registeredBy, null, null)));
                return null;
        });
        return p;
    }

    private static void insertRow(Connection c, Person p) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO person (municipality_id, id, display_name, team_id, coordinator_id) "
                + "VALUES (?, ?, ?, ?, ?)")) {
            ps.setObject(1, p.municipalityId());
            ps.setObject(2, p.id());
            ps.setString(3, p.displayName());
            ps.setObject(4, p.teamId());
            ps.setObject(5, p.coordinatorId());
            ps.executeUpdate();
        }
    }
}
