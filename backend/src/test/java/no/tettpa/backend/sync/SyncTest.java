package no.tettpa.backend.sync;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.org.Staff;
import no.tettpa.backend.persons.Person;
import no.tettpa.backend.support.ApiTest;
import no.tettpa.backend.support.TestDevice;
import no.tettpa.backend.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A fresh municipality per test: a team with two workers and a leader, two persons on the team's caseload. */
abstract class SyncTest extends ApiTest {
    TestTenants.Tenant tenant;
    Staff kari;
    Staff ola;
    Staff leader;
    Person eirik;
    Person sara;

    @BeforeEach
    void tenant() {
        tenant = tenants.create();
        kari = tenant.staff("Kari", "field-worker", tenant.teamId);
        ola = tenant.staff("Ola", "field-worker", tenant.teamId);
        leader = tenant.staff("Lise", "team-leader", tenant.teamId);
        eirik = tenant.person("Eirik", tenant.teamId, kari.id());
        sara = tenant.person("Sara", tenant.teamId, ola.id());
    }

    TestDevice device(Staff s) {
        return new TestDevice(http(), tenant.token(s));
    }

    static JsonNode only(JsonNode outcomes) {
        if (outcomes.size() != 1) throw new AssertionError("expected one outcome, got " + outcomes);
        return outcomes.get(0);
    }

    static String status(JsonNode outcome) {
        return outcome.get("status").getStringValue();
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : array.values()) out.add(n);
        return out;
    }

    static JsonNode change(List<JsonNode> changes, UUID id) {
        JsonNode found = null;
        for (JsonNode c : changes) {
            if (c.get("id").getStringValue().equals(id.toString())) found = c;
        }
        if (found == null) throw new AssertionError("no change for " + id + " in " + changes);
        return found;
    }
}
