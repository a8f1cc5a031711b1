package no.tettpa.client;

import no.tettpa.sync.SyncOperations;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@link SyncTransport} over {@code java.net.http}: HTTP/1.1, the body gzip-compressed
 * ({@code Content-Encoding: gzip}), a compressed answer asked for ({@code Accept-Encoding: gzip}) and decompressed.
 */
public final class HttpSyncTransport implements SyncTransport {
    private final HttpClient client;
    private final URI endpoint;
    private final Duration timeout;

    /** @param serverBase the server's base address, e.g. {@code https://tettpa.kommune.no/} */
    public HttpSyncTransport(URI serverBase, Duration timeout) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.endpoint = serverBase.resolve(SyncOperations.PATH);
        this.timeout = timeout;
    }

    @Override
    public Response post(byte[] json, String bearerToken) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(json)))
                .build();
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the server", e);
        }
        byte[] body = answer.body();
        if (answer.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()) {
            body = gunzip(body);
        }
        Duration retryAfter = answer.headers().firstValue("Retry-After").flatMap(HttpSyncTransport::seconds).orElse(null);
        return new Response(answer.statusCode(), body, retryAfter);
    }

    private static java.util.Optional<Duration> seconds(String header) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        var out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] data) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }
}
