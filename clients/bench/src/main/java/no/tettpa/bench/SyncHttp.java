package no.tettpa.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@code POST /api/v1/sync} over real HTTP/1.1 (keep-alive), gzip both ways as the protocol asks of clients.
 * Bodies are gzipped by the caller (ahead of time for the push phase, as a device builds its request before it
 * has a network); answers are unzipped here and their size on the wire is kept.
 */
final class SyncHttp {
    /** An answer: HTTP status, the body unzipped, and its size as it came over the wire. */
    record Reply(int status, byte[] body, long wireBytes, boolean gzipped) {}

    private final HttpClient client;
    private final URI sync;

    SyncHttp(URI base, ExecutorService executor) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(executor)
                .build();
        this.sync = base.resolve("/api/v1/sync");
    }

    private HttpRequest request(String token, byte[] gzippedJson) {
        return HttpRequest.newBuilder(sync)
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzippedJson))
                .build();
    }

    CompletableFuture<Reply> postAsync(String token, byte[] gzippedJson) {
        return client.sendAsync(request(token, gzippedJson), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(SyncHttp::reply);
    }

    Reply post(String token, byte[] gzippedJson) {
        try {
            return reply(client.send(request(token, gzippedJson), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Reply reply(HttpResponse<byte[]> r) {
        byte[] wire = r.body();
        boolean gz = r.headers().firstValue("content-encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
        return new Reply(r.statusCode(), gz ? gunzip(wire) : wire, wire.length, gz);
    }

    static byte[] gzip(byte[] data) {
        var out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (var gz = new GZIPOutputStream(out, 8192)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] data) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(data), 8192)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How often {@code needle} occurs in {@code haystack} (a cheap check of a push answer's outcomes). */
    static int occurrences(byte[] haystack, byte[] needle) {
        int count = 0;
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            count++;
            i += needle.length - 1;
        }
        return count;
    }
}
