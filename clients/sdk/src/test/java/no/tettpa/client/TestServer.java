package no.tettpa.client;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import no.tettpa.backend.support.TestDatabase;
import no.tettpa.backend.support.TestTenants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * The real server, in-process on real PostgreSQL, started once per test JVM the way the backend's ApiTest does:
 * development issuer on, no demo data, a random port. Tests isolate themselves by creating their own municipality.
 */
final class TestServer {
    private static TestServer instance;

    final ApplicationContext context;
    final URI uri;
    final TestTenants tenants;

    private TestServer(ApplicationContext context) {
        this.context = context;
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        server.start();
        this.uri = server.getURI();
        this.tenants = context.getBean(TestTenants.class);
    }

    static synchronized TestServer get() {
        if (instance == null) {
            Map<String, Object> props = new HashMap<>(TestDatabase.properties());
            props.put("tettpa.auth.dev-issuer", "true");
            props.put("tettpa.demo-data", "false");
            props.put("micronaut.server.port", "-1");
            try {
                props.put("tettpa.data-directory", Files.createTempDirectory("tettpa-sdk-test").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            instance = new TestServer(ApplicationContext.builder().properties(props).start());
            Runtime.getRuntime().addShutdownHook(new Thread(instance.context::close));
        }
        return instance;
    }
}
