package no.tettpa.simulator;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The server in this JVM: an application context on the simulator's database; "kill" stops the context at once. */
final class InProcessServer implements Server {
    private final EmbeddedDatabase database;
    private final Path dataDirectory;
    private final int port;
    private ApplicationContext context;

    InProcessServer(EmbeddedDatabase database, Path dataDirectory, int port) {
        this.database = database;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    @Override
    public synchronized void start() {
        Map<String, Object> props = new HashMap<>(database.micronautProperties());
        props.put("tettpa.data-directory", dataDirectory.toString());
        props.put("tettpa.auth.dev-issuer", "true");
        props.put("tettpa.demo-data", "true");
        props.put("micronaut.server.port", String.valueOf(port));
        props.put("micronaut.server.host", "127.0.0.1");
        ApplicationContext started = ApplicationContext.builder().properties(props).start();
        try {
            started.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        context = started;
    }

    @Override
    public synchronized void kill() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Override
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public String killKind() {
        return "server stopped abruptly (in-process)";
    }
}
