package no.tettpa.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server as a separate process, {@code java -jar tettpa.jar}, on the simulator's database, with the development
 * issuer on; "kill" is a real {@code kill -9} (SIGKILL). Its output goes to {@code server.log} in the work directory.
 */
final class JarServer implements Server {
    private final Path jar;
    private final Path workDirectory;
    private final EmbeddedDatabase database;
    private final int port;
    private Process process;

    JarServer(Path jar, Path workDirectory, EmbeddedDatabase database, int port) {
        this.jar = jar;
        this.workDirectory = workDirectory;
        this.database = database;
        this.port = port;
    }

    @Override
    public synchronized void start() {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx1g", "-jar", jar.toAbsolutePath().toString()));
        pb.environment().putAll(Map.of(
                "TETTPA_DB_URL", database.url(), "TETTPA_DB_USER", "postgres", "TETTPA_DB_PASSWORD", "",
                "TETTPA_DEV_ISSUER", "true", "TETTPA_DEMO_DATA", "true", "TETTPA_PORT", String.valueOf(port),
                "TETTPA_HOST", "127.0.0.1", "TETTPA_DATA_DIR", workDirectory.resolve("server").toString(),
                "TETTPA_LOG_LEVEL", "WARN", "TETTPA_LOG_FORMAT", "text"));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(workDirectory.resolve("server.log").toFile()));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + jar, e);
        }
        awaitHealthy();
    }

    private void awaitHealthy() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the server exited; see server.log");
            try {
                var r = client.send(HttpRequest.newBuilder(uri().resolve("/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("the server did not become healthy in 120 s; see server.log");
    }

    @Override
    public synchronized void kill() {
        if (process == null) return;
        // destroyForcibly is SIGKILL on Linux: no shutdown hook runs, nothing is flushed or closed.
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public String killKind() {
        return "server process kill -9";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
