package no.tettpa.backend.demo;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import no.tettpa.backend.auth.DevIssuer;
import no.tettpa.backend.org.Municipality;
import no.tettpa.backend.org.MunicipalityRepository;
import no.tettpa.backend.persons.PersonRegistry;
import no.tettpa.backend.org.Staff;
import no.tettpa.backend.org.StaffRepository;
import no.tettpa.backend.org.Team;
import no.tettpa.backend.org.TeamRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * Seeds a small fictional municipality on the first start of the embedded default, so a newcomer sees something
 * real at once. {@code TETTPA_DEMO_DATA}: auto (embedded default only), true, false.
 */
@Singleton
public class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    public static final String MUNICIPALITY_NUMBER = "9999";
    public static final UUID MUNICIPALITY = UUID.fromString("7e77a000-0000-4000-8000-000000000001");
    public static final UUID TEAM_HOUSING_FIRST = UUID.fromString("7e77a000-0000-4000-8000-0000000000a1");
    public static final UUID TEAM_BOVEILEDNING = UUID.fromString("7e77a000-0000-4000-8000-0000000000a2");
    public static final UUID TEAM_FACT = UUID.fromString("7e77a000-0000-4000-8000-0000000000a3");

    private final MunicipalityRepository municipalities;
    private final TeamRepository teams;
    private final StaffRepository staff;
    private final PersonRegistry persons;
    private final boolean enabled;

    public DemoData(MunicipalityRepository municipalities, TeamRepository teams, StaffRepository staff,
                    PersonRegistry persons,
                    @Property(name = "tettpa.demo-data", defaultValue = "auto") String mode,
                    @Property(name = "tettpa.database.embedded", defaultValue = "false") boolean embedded) {
        this.municipalities = municipalities;
        this.teams = teams;
        this.staff = staff;
        this.persons = persons;
        this.enabled = switch (mode.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> embedded;
        };
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (enabled) {
            seedIfAbsent();
        }
    }

    @Transactional
    public void seedIfAbsent() {
        if (municipalities.findByNumber(MUNICIPALITY_NUMBER).isPresent()) {
            return;
        }
        UUID m = MUNICIPALITY;
        municipalities.save(new Municipality(m, MUNICIPALITY_NUMBER, "Tettvik kommune (demo)"));
        teams.save(new Team(TEAM_HOUSING_FIRST, m, "Housing First Tettvik", "housing_first", "municipality",
                "Tettvik kommune", false));
        teams.save(new Team(TEAM_BOVEILEDNING, m, "Boveiledning Tettvik", "boveiledning", "municipality",
                "Tettvik kommune", false));
        teams.save(new Team(TEAM_FACT, m, "FACT Tettvik", "fact", "hospital_trust", "Helse Tettvik HF", true));

        Staff kari = demoStaff(m, "Kari Nordmann", "demo-worker", "field-worker");
        Staff ola = demoStaff(m, "Ola Hansen", "demo-worker-2", "field-worker");
        Staff lise = demoStaff(m, "Lise Leder", "demo-leader", "team-leader");
        Staff per = demoStaff(m, "Per Partner", "demo-partner", "partner");
        demoStaff(m, "Anne Admin", "demo-admin", "administrator");
        teams.addMember(m, TEAM_HOUSING_FIRST, kari.id());
        teams.addMember(m, TEAM_HOUSING_FIRST, lise.id());
        teams.addMember(m, TEAM_BOVEILEDNING, ola.id());
        teams.addMember(m, TEAM_BOVEILEDNING, lise.id());
        teams.addMember(m, TEAM_FACT, per.id());

        persons.register(m, "Eirik Ås", TEAM_HOUSING_FIRST, kari.id(), lise.id());
        persons.register(m, "Sara Berg", TEAM_HOUSING_FIRST, kari.id(), lise.id());
        persons.register(m, "Jonas Lie", TEAM_HOUSING_FIRST, lise.id(), lise.id());
        persons.register(m, "Mona Dahl", TEAM_BOVEILEDNING, ola.id(), lise.id());
        persons.register(m, "Tor Vik", TEAM_BOVEILEDNING, ola.id(), lise.id());
        LOG.info("seeded the demo municipality {} ({})", "Tettvik kommune (demo)", MUNICIPALITY_NUMBER);
    }

    private Staff demoStaff(UUID municipality, String name, String subject, String role) {
        return staff.save(new Staff(UUID.randomUUID(), municipality, name, DevIssuer.ISSUER, subject, List.of(role), true));
    }
}
