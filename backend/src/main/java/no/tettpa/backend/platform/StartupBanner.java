package no.tettpa.backend.platform;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import no.tettpa.backend.auth.DevIssuer;

/** Tells whoever started the server where it listens and how to get in. */
@Singleton
@Requires(notEnv = Environment.TEST)
public class StartupBanner {
    private final DevIssuer devIssuer;
    private final boolean embedded;
    private final String dataDirectory;

    public StartupBanner(DevIssuer devIssuer,
                         @Property(name = "tettpa.database.embedded", defaultValue = "false") boolean embedded,
                         @Property(name = "tettpa.data-directory") String dataDirectory) {
        this.devIssuer = devIssuer;
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
    }

    @EventListener
    void onStarted(ServerStartupEvent event) {
        String url = "http://localhost:" + event.getSource().getPort();
        StringBuilder b = new StringBuilder()
                .append("\nTettpå is listening on ").append(url).append('\n')
                .append("  database: ").append(embedded ? "embedded PostgreSQL, data in " + dataDirectory : "configured PostgreSQL")
                .append('\n')
                .append("  health:   ").append(url).append("/health\n")
                .append("  API doc:  ").append(url).append("/openapi/tettpa.yml\n");
        if (devIssuer.enabled()) {
            b.append("  demo token (user = worker, leader, partner or admin):\n")
                    .append("    curl -s -X POST '").append(url).append("/dev-issuer/token?user=worker'\n")
                    .append("  then: curl -H \"Authorization: Bearer $TOKEN\" ").append(url).append("/api/v1/me\n");
        } else {
            b.append("  tokens: from the configured OpenID Connect issuer\n");
        }
        System.out.println(b);
    }
}
