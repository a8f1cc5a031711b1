package no.tettpa.simulator;

import no.tettpa.backend.platform.DatabaseBootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code TETTPA_EMBEDDED_PG_PORT}: the embedded PostgreSQL listens on the given port, and after a restart on the
 * same data directory it is back at the same URL with its data, which is how the simulator restarts PostgreSQL
 * under a running server.
 */
class EmbeddedPostgresPortTest {
    @TempDir
    Path dir;

    @Test
    void theEmbeddedDatabaseComesBackOnTheSamePortWithItsData() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> env = Map.of("TETTPA_DATA_DIR", dir.toString(), "TETTPA_EMBEDDED_PG_PORT", String.valueOf(port));
        String url;
        try (DatabaseBootstrap first = DatabaseBootstrap.fromEnvironment(env)) {
            url = (String) first.micronautProperties().get("datasources.default.url");
            assertTrue(url.contains(":" + port + "/"), url);
            try (var c = DriverManager.getConnection(url, "postgres", ""); var st = c.createStatement()) {
                st.execute("CREATE TABLE kept (v int)");
                st.execute("INSERT INTO kept VALUES (42)");
            }
        }
        try (DatabaseBootstrap second = DatabaseBootstrap.fromEnvironment(env)) {
            assertEquals(url, second.micronautProperties().get("datasources.default.url"));
            try (var c = DriverManager.getConnection(url, "postgres", ""); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT v FROM kept")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
        }
    }
}
