package no.tettpa.backend.support;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * Base of tests that drive the running server over HTTP against real PostgreSQL. The development issuer is on
 * (with a key in a temporary data directory) so tests mint tokens for the staff they create.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest implements TestPropertyProvider {
    @Inject
    protected EmbeddedServer server;
    @Inject
    protected TestTenants tenants;

    private Http http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestDatabase.properties());
        props.put("tettpa.auth.dev-issuer", "true");
        props.put("tettpa.demo-data", "false");
        props.put("micronaut.server.port", "-1");
        try {
            props.put("tettpa.data-directory", Files.createTempDirectory("tettpa-test").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        props.putAll(extraProperties());
        return props;
    }

    /** Properties a test class adds or overrides. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    protected Http http() {
        if (http == null) {
            http = new Http(server.getURI());
        }
        return http;
    }
}
