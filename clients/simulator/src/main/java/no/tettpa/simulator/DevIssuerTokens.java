package no.tettpa.simulator;

import no.tettpa.client.TokenSupplier;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tokens for one staff member from the server's development issuer, cached until the server refuses one. */
final class DevIssuerTokens implements TokenSupplier {
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI server;
    private final String subject;
    private volatile String cached;

    DevIssuerTokens(URI server, String subject) {
        this.server = server;
        this.subject = subject;
    }

    @Override
    public String token() {
        String t = cached;
        if (t != null) return t;
        t = mint();
        cached = t;
        return t;
    }

    @Override
    public void invalidate(String rejected) {
        if (rejected.equals(cached)) cached = null;
    }

    private String mint() {
        URI uri = server.resolve("/dev-issuer/token?subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = TOKEN.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no token for " + subject + ": " + r.statusCode() + " " + r.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("the development issuer did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
