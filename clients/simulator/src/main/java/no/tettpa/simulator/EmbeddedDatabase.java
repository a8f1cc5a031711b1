package no.tettpa.simulator;

import no.tettpa.backend.platform.DatabaseBootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The simulator's own PostgreSQL: embedded, with its data in a directory and on a fixed port, so it can be stopped
 * and started again under a running server, which reconnects to the same URL.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private final Map<String, String> env;
    private DatabaseBootstrap running;
    private String url;

    EmbeddedDatabase(Path dataDirectory, int port) {
        this.env = Map.of("TETTPA_DATA_DIR", dataDirectory.toString(), "TETTPA_EMBEDDED_PG_PORT", String.valueOf(port));
    }

    synchronized void start() {
        running = DatabaseBootstrap.fromEnvironment(env);
        url = (String) running.micronautProperties().get("datasources.default.url");
    }

    /** Stops PostgreSQL (a fast shutdown: open connections are cut) and starts it again on the same directory. */
    synchronized void restart() {
        stop();
        start();
    }

    synchronized void stop() {
        if (running == null) return;
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        running = null;
    }

    /** The server's datasource properties, as the bootstrap gives them. */
    Map<String, Object> micronautProperties() {
        return running.micronautProperties();
    }

    String url() {
        return url;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    @Override
    public void close() {
        stop();
    }
}
