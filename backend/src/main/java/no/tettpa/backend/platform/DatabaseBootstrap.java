package no.tettpa.backend.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which PostgreSQL the server uses, before the application context starts: a real one when
 * {@code TETTPA_DB_URL} is set, otherwise the embedded default kept under the data directory, on a random port or
 * on {@code TETTPA_EMBEDDED_PG_PORT} (so that clients can reconnect to the same URL after it restarts).
 */
public final class DatabaseBootstrap implements AutoCloseable {
    private static final String EMBEDDED_DATABASE = "tettpa";

    private final Map<String, Object> properties;
    private final EmbeddedPostgres embedded;

    private DatabaseBootstrap(Map<String, Object> properties, EmbeddedPostgres embedded) {
        this.properties = properties;
        this.embedded = embedded;
    }

    public static DatabaseBootstrap fromEnvironment(Map<String, String> env) {
        Path dataDir = DataDirectory.resolve(env);
        String url = env.get("TETTPA_DB_URL");
        if (url != null && !url.isBlank()) {
            Map<String, Object> props = new HashMap<>();
            props.put("tettpa.data-directory", dataDir.toString());
            props.put("datasources.default.url", url);
            props.put("datasources.default.username", env.getOrDefault("TETTPA_DB_USER", "tettpa"));
            props.put("datasources.default.password", env.getOrDefault("TETTPA_DB_PASSWORD", ""));
            props.put("tettpa.database.embedded", false);
            return new DatabaseBootstrap(props, null);
        }
        Path pgData = dataDir.resolve("pgdata");
        EmbeddedPostgres pg = startEmbedded(pgData, embeddedPort(env));
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", pg.getJdbcUrl("postgres", EMBEDDED_DATABASE));
        props.put("datasources.default.username", "postgres");
        props.put("datasources.default.password", "");
        props.put("tettpa.database.embedded", true);
        props.put("tettpa.data-directory", dataDir.toString());
        return new DatabaseBootstrap(props, pg);
    }

    /** Stops the embedded PostgreSQL, if this bootstrap started one; a configured database is left alone. */
    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    public Map<String, Object> micronautProperties() {
        return properties;
    }

    private static Integer embeddedPort(Map<String, String> env) {
        String port = env.get("TETTPA_EMBEDDED_PG_PORT");
        if (port == null || port.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TETTPA_EMBEDDED_PG_PORT must be a port number, not '" + port + "'");
        }
    }

    private static EmbeddedPostgres startEmbedded(Path pgData, Integer port) {
        try {
            Files.createDirectories(pgData.getParent());
            stopOrphanedPostmaster(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port != null) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // zonky starts PostgreSQL without fsync and without synchronous commit; this database holds
                    // real work, and a sync is acknowledged only once it is durable.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            createDatabaseIfMissing(pg);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + pgData, e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg) {
        try (var c = pg.getPostgresDatabase().getConnection();
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, EMBEDDED_DATABASE);
            try (var rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + EMBEDDED_DATABASE);
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create the embedded database", e);
        }
    }

    /**
     * A server killed with SIGKILL leaves its PostgreSQL running on the data directory, which would make the
     * next start fail. Such a postmaster is ours (it runs on our data directory): shut it down cleanly first.
     */
    private static void stopOrphanedPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        String dataDirInPidFile = lines.get(1).trim();
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(cmd -> cmd.contains("postgres")).orElse(false));
        if (postmaster.isEmpty() || !Path.of(dataDirInPidFile).toAbsolutePath().equals(pgData.toAbsolutePath())) {
            return;
        }
        // SIGTERM is PostgreSQL's "smart" shutdown; the orphan has no clients left, so it stops promptly.
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("an earlier embedded PostgreSQL (pid " + pid + ") did not stop", e);
        }
    }
}
