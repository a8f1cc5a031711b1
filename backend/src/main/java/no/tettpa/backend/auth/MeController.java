package no.tettpa.backend.auth;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1/me")
@Tag(name = "identity")
@SecurityRequirement(name = "bearer")
public class MeController {
    @Serdeable
    public record Me(UUID staffId, UUID municipalityId, String displayName, List<String> roles, List<UUID> teamIds) {}

    @Get
    @Operation(summary = "Who the bearer token belongs to, as Tettpå sees them")
    public Me me(Caller caller) {
        return new Me(caller.staffId(), caller.municipalityId(), caller.displayName(),
                caller.roles().stream().map(Role::claim).sorted().toList(),
                caller.teamIds().stream().sorted().toList());
    }
}
