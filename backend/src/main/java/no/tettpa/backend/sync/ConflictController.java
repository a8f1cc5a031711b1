package no.tettpa.backend.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.tettpa.backend.auth.Caller;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1/conflicts")
@Tag(name = "conflicts")
@SecurityRequirement(name = "bearer")
public class ConflictController {
    private final ConflictService conflicts;

    public ConflictController(ConflictService conflicts) {
        this.conflicts = conflicts;
    }

    @Get
    @Operation(summary = "Open conflicts of a team's persons (teamId), or involving a worker's values (workerId; default: yours)")
    public List<ConflictService.ConflictView> open(Caller caller, @QueryValue @Nullable UUID teamId,
                                                   @QueryValue @Nullable UUID workerId) {
        return conflicts.open(caller, teamId, workerId);
    }

    @Get("/{id}")
    @Operation(summary = "One conflict: both values, their authors, devices and clocks, and its resolution if any")
    public ConflictService.ConflictView get(Caller caller, @PathVariable UUID id) {
        return conflicts.get(caller, id);
    }

    @Post("/{id}/resolution")
    @Operation(summary = "Resolve: choice kept (keep the current value), other (take the other value) or value (write a merged value)")
    public ConflictService.ConflictView resolve(Caller caller, @PathVariable UUID id, @Body ConflictService.Resolution resolution) {
        return conflicts.resolve(caller, id, resolution);
    }
}
