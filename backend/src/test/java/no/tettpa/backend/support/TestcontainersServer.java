package no.tettpa.backend.support;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/** The Testcontainers branch of {@link TestDatabase}; null when Docker does not answer after all. */
final class TestcontainersServer {
    private TestcontainersServer() {}

    static TestDatabase.Server tryStart() {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return null;
            }
            PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:17-alpine")
                    .withCommand("postgres", "-c", "max_connections=300");
            pg.start();
            Runtime.getRuntime().addShutdownHook(new Thread(pg::stop));
            return new TestDatabase.Server(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword());
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
