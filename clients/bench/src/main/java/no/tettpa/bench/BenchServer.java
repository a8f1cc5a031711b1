package no.tettpa.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import no.tettpa.backend.auth.DevIssuer;
import no.tettpa.backend.org.Municipality;
import no.tettpa.backend.org.MunicipalityRepository;
import no.tettpa.backend.org.Staff;
import no.tettpa.backend.org.StaffRepository;
import no.tettpa.backend.org.Team;
import no.tettpa.backend.org.TeamRepository;
import no.tettpa.backend.persons.PersonRegistry;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Tettpå server in the bench's JVM: the application context with the database's properties, the development
 * issuer on, no demo data, an ephemeral port on 127.0.0.1; and the seeding of a municipality, teams, workers and
 * persons through the server's own beans.
 */
final class BenchServer implements AutoCloseable {
    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final UUID municipality = UUID.randomUUID();

    /** A field worker and a token for them. */
    record Worker(UUID staffId, String name, String token) {}

    private BenchServer(ApplicationContext context, EmbeddedServer server) {
        this.context = context;
        this.server = server;
    }

    static BenchServer start(BenchDatabase db, Path dataDir) {
        Map<String, Object> props = new HashMap<>(db.micronautProperties());
        props.put("tettpa.data-directory", dataDir.toString());
        props.put("tettpa.auth.dev-issuer", "true");
        props.put("tettpa.demo-data", "false");
        props.put("micronaut.server.port", -1);
        props.put("micronaut.server.host", "127.0.0.1");
        if (System.getenv("TETTPA_LOG_LEVEL") == null) props.put("logger.levels.org.flywaydb", "WARN");
        ApplicationContext ctx = ApplicationContext.builder()
                .deduceEnvironment(false)
                .banner(false)
                .properties(props)
                .start();
        try {
            EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
            server.start();
            return new BenchServer(ctx, server);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getPort());
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JsonMapper json() {
        return context.getBean(JsonMapper.class);
    }

    /** A server setting as resolved (defaults from application.yml, overrides from -D system properties). */
    String property(String name) {
        return context.getProperty(name, String.class).orElse("?");
    }

    void seedMunicipality() {
        context.getBean(MunicipalityRepository.class).save(new Municipality(municipality, "4999", "Benchvik kommune"));
    }

    UUID team(String name) {
        return context.getBean(TeamRepository.class).save(new Team(UUID.randomUUID(), municipality, name,
                "housing_first", "municipality", "Benchvik kommune", false)).id();
    }

    Worker worker(String name, UUID team) {
        Staff s = context.getBean(StaffRepository.class).save(new Staff(UUID.randomUUID(), municipality, name,
                DevIssuer.ISSUER, "bench-" + UUID.randomUUID(), List.of("field-worker"), true));
        context.getBean(TeamRepository.class).addMember(municipality, team, s.id());
        String token = context.getBean(DevIssuer.class).mint(s.subject(), s.roles(), Duration.ofHours(6));
        return new Worker(s.id(), name, token);
    }

    UUID person(String name, UUID team, UUID coordinator) {
        return context.getBean(PersonRegistry.class).register(municipality, name, team, coordinator, null).id();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            context.close();
        }
    }
}
