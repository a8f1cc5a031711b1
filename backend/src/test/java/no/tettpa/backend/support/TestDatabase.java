package no.tettpa.backend.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * One PostgreSQL server per test JVM, chosen in this order: {@code TEST_JDBC_URL} (with {@code TEST_JDBC_USER},
 * {@code TEST_JDBC_PASSWORD}); Testcontainers when a Docker engine answers; else embedded PostgreSQL (zonky).
 * Each JVM works in a database of its own, created fresh, so runs never see each other's data; inside a run,
 * tests isolate themselves by creating their own municipality (see {@link TestTenants}).
 */
public final class TestDatabase {
    public record Server(String adminUrl, String user, String password) {
        public String urlFor(String database) {
            int q = adminUrl.indexOf('?');
            String base = q < 0 ? adminUrl : adminUrl.substring(0, q);
            String params = q < 0 ? "" : adminUrl.substring(q);
            return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
        }
    }

    private static Server server;
    private static String sharedDatabaseUrl;

    private TestDatabase() {}

    /** Micronaut properties pointing at this JVM's shared test database. */
    public static synchronized Map<String, String> properties() {
        if (sharedDatabaseUrl == null) {
            sharedDatabaseUrl = freshDatabase();
        }
        return Map.of(
                "datasources.default.url", sharedDatabaseUrl,
                "datasources.default.username", server().user(),
                "datasources.default.password", server().password());
    }

    /** A new, empty database on the test server; for tests that need one of their own (migrations). */
    public static synchronized String freshDatabase() {
        Server s = server();
        String name = "tettpa_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
             var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name, e);
        }
        String url = s.urlFor(name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(s, name)));
        return url;
    }

    public static synchronized Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    private static void drop(Server s, String name) {
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
             var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // the server may already be gone (embedded or container stopped first)
        }
    }

    private static Server start() {
        String url = System.getenv("TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return new Server(url, envOr("TEST_JDBC_USER", "postgres"), envOr("TEST_JDBC_PASSWORD", ""));
        }
        if (dockerLikelyAvailable() && !"false".equals(System.getenv("TEST_USE_DOCKER"))) {
            Server container = TestcontainersServer.tryStart();
            if (container != null) {
                return container;
            }
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (Exception ignored) {
                    // shutting down anyway
                }
            }));
            return new Server(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (Exception e) {
            throw new IllegalStateException("no PostgreSQL for tests: set TEST_JDBC_URL, start Docker, or allow "
                    + "embedded PostgreSQL to run", e);
        }
    }

    /** Asks Testcontainers only when a Docker endpoint plausibly exists, to avoid its noisy failure log. */
    private static boolean dockerLikelyAvailable() {
        String host = System.getenv("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return true;
        }
        return Files.exists(Path.of("/var/run/docker.sock"))
                || new File(System.getProperty("user.home"), ".docker/run/docker.sock").exists();
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
