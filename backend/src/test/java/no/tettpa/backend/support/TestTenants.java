package no.tettpa.backend.support;

import jakarta.inject.Singleton;
import no.tettpa.backend.auth.DevIssuer;
import no.tettpa.backend.org.Municipality;
import no.tettpa.backend.org.MunicipalityRepository;
import no.tettpa.backend.persons.Person;
import no.tettpa.backend.persons.PersonRegistry;
import no.tettpa.backend.org.Staff;
import no.tettpa.backend.org.StaffRepository;
import no.tettpa.backend.org.Team;
import no.tettpa.backend.org.TeamRepository;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates a fresh municipality per test (or per test class), so tests never depend on each other's data.
 * Staff are signed in through the development issuer.
 */
@Singleton
public class TestTenants {
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(1000);

    private final MunicipalityRepository municipalities;
    private final TeamRepository teams;
    private final StaffRepository staff;
    private final PersonRegistry persons;
    private final DevIssuer issuer;

    public TestTenants(MunicipalityRepository municipalities, TeamRepository teams, StaffRepository staff,
                       PersonRegistry persons, DevIssuer issuer) {
        this.municipalities = municipalities;
        this.teams = teams;
        this.staff = staff;
        this.persons = persons;
        this.issuer = issuer;
    }

    /** A municipality with one municipal team and one partner (FACT) team, but no staff or persons yet. */
    public Tenant create() {
        UUID id = UUID.randomUUID();
        municipalities.save(new Municipality(id, String.valueOf(NEXT_NUMBER.getAndIncrement()), "Test kommune " + id));
        Team team = teams.save(new Team(UUID.randomUUID(), id, "Housing First", "housing_first", "municipality",
                "Test kommune", false));
        Team partner = teams.save(new Team(UUID.randomUUID(), id, "FACT", "fact", "hospital_trust", "Test HF", true));
        return new Tenant(id, team.id(), partner.id());
    }

    public final class Tenant {
        public final UUID id;
        public final UUID teamId;
        public final UUID partnerTeamId;

        Tenant(UUID id, UUID teamId, UUID partnerTeamId) {
            this.id = id;
            this.teamId = teamId;
            this.partnerTeamId = partnerTeamId;
        }

        public UUID team(String name, String kind, boolean partner) {
            return teams.save(new Team(UUID.randomUUID(), id, name, kind, partner ? "hospital_trust" : "municipality",
                    partner ? "Test HF" : "Test kommune", partner)).id();
        }

        /** A staff member with the given role, member of the given teams. */
        public Staff staff(String name, String role, UUID... teamIds) {
            Staff s = staff.save(new Staff(UUID.randomUUID(), id, name, DevIssuer.ISSUER,
                    "test-" + UUID.randomUUID(), List.of(role), true));
            for (UUID t : teamIds) {
                teams.addMember(id, t, s.id());
            }
            return s;
        }

        public Person person(String name, UUID teamId, UUID coordinatorId) {
            return persons.register(id, name, teamId, coordinatorId, null);
        }

        public String token(Staff s) {
            return issuer.mint(s.subject(), s.roles(), Duration.ofMinutes(30));
        }
    }
}
