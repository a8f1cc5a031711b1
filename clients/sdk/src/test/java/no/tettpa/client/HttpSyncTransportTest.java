package no.tettpa.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** gzip both ways, and Retry-After read, against a plain HTTP server on loopback. */
class HttpSyncTransportTest {

    @Test
    void compressesTheBodyAndUnpacksACompressedAnswer() throws Exception {
        AtomicReference<String> received = new AtomicReference<>();
        AtomicReference<String> encodings = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/sync", ex -> {
            encodings.set(ex.getRequestHeaders().getFirst("Content-Encoding") + "/"
                    + ex.getRequestHeaders().getFirst("Accept-Encoding") + "/"
                    + ex.getRequestHeaders().getFirst("Authorization"));
            received.set(new String(HttpSyncTransport.gunzip(ex.getRequestBody().readAllBytes()), StandardCharsets.UTF_8));
            byte[] answer = HttpSyncTransport.gzip("{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.getResponseHeaders().add("Retry-After", "3");
            ex.sendResponseHeaders(503, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        server.start();
        try {
            var transport = new HttpSyncTransport(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                    Duration.ofSeconds(5));
            var r = transport.post("{\"protocolVersion\":1}".getBytes(StandardCharsets.UTF_8), "tok");
            assertEquals("{\"protocolVersion\":1}", received.get());
            assertEquals("gzip/gzip/Bearer tok", encodings.get());
            assertEquals(503, r.status());
            assertEquals("{\"ok\":true}", new String(r.body(), StandardCharsets.UTF_8));
            assertEquals(Duration.ofSeconds(3), r.retryAfter());
        } finally {
            server.stop(0);
        }
    }
}
