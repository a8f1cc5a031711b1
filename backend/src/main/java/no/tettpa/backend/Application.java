package no.tettpa.backend;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import no.tettpa.backend.platform.DatabaseBootstrap;

/**
 * Starts Tettpå. When no database is configured ({@code TETTPA_DB_URL} unset) an embedded PostgreSQL is
 * started first, with its data in the data directory, so a newcomer needs nothing but a JDK and Maven.
 */
@OpenAPIDefinition(info = @Info(title = "Tettpå", version = "1",
        description = "Offline field follow-up for Norwegian housing-social work: sync, field records, consent, audit."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {
    public static void main(String[] args) {
        var database = DatabaseBootstrap.fromEnvironment(System.getenv());
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(database.micronautProperties())
                .banner(false)
                .start();
    }
}
