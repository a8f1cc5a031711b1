package no.tettpa.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The in-process server can be stopped abruptly and started again on the same port and database. */
class InProcessServerRestartTest {
    @TempDir
    Path dir;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void comesBackOnTheSamePort() throws Exception {
        try (EmbeddedDatabase db = new EmbeddedDatabase(dir.resolve("db"), freePort())) {
            db.start();
            InProcessServer server = new InProcessServer(db, dir.resolve("server"), freePort());
            HttpClient http = HttpClient.newHttpClient();
            for (int round = 0; round < 2; round++) {
                server.start();
                var r = http.send(HttpRequest.newBuilder(server.uri().resolve("/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                server.kill();
            }
        }
    }
}
