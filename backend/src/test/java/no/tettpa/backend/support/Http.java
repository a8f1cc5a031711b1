package no.tettpa.backend.support;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** A plain HTTP client for tests: raw bodies, any header, no exceptions on 4xx, gzip both ways on request. */
public final class Http {
    public record Response(int status, java.net.http.HttpHeaders headers, byte[] raw) {
        public String body() {
            return new String(raw, StandardCharsets.UTF_8);
        }

        public String contentType() {
            return headers.firstValue("content-type").orElse("");
        }

        public JsonNode json() {
            try {
                return JSON.readValue(raw, JsonNode.class);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body(), e);
            }
        }

        /** The {@code type} of a problem document, with the common prefix removed. */
        public String problemType() {
            String t = json().get("type").getStringValue();
            return t.substring(t.lastIndexOf(':') + 1);
        }
    }

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Http(URI base) {
        this.base = base;
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response get(String path, String token) {
        return send(builder(path, token).GET().build(), false);
    }

    public Response post(String path, String token, String json) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), false);
    }

    public Response put(String path, String token, String json) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), false);
    }

    public Response delete(String path, String token) {
        return send(builder(path, token).DELETE().build(), false);
    }

    /** Sends a raw request; the caller sets method, headers and body. */
    public Response send(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder b = builder(path, token);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(b.build(), false);
    }

    /** POSTs a gzip-compressed JSON body and asks for a gzip-compressed answer, as devices do. */
    public Response postGzip(String path, String token, String json) {
        HttpRequest r = builder(path, token).header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(json.getBytes(StandardCharsets.UTF_8)))).build();
        return send(r, true);
    }

    public static byte[] gzip(byte[] data) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Response send(HttpRequest request, boolean mayBeGzipped) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = r.body();
            if (mayBeGzipped && r.headers().firstValue("content-encoding").filter("gzip"::equalsIgnoreCase).isPresent()) {
                try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            return new Response(r.statusCode(), r.headers(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
