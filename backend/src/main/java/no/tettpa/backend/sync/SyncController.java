package no.tettpa.backend.sync;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.tettpa.backend.auth.Caller;
import no.tettpa.sync.SyncOperations;
import no.tettpa.sync.wire.SyncRequest;
import no.tettpa.sync.wire.SyncResponse;

import java.util.UUID;

/**
 * The sync endpoint. The body is taken as bytes so it can be stored exactly as received before it is parsed and
 * judged; see {@link SyncService}.
 */
@Controller
@Tag(name = "sync")
@SecurityRequirement(name = "bearer")
public class SyncController {
    private final SyncService sync;
    private final StoredMutations stored;

    public SyncController(SyncService sync, StoredMutations stored) {
        this.sync = sync;
        this.stored = stored;
    }

    @Post(SyncOperations.PATH)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One sync round trip: push mutations, pull a page of changes, send purge receipts",
            requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = SyncRequest.class))))
    public SyncResponse sync(Caller caller, @Body byte[] body) {
        return sync.sync(caller, body);
    }

    @Get("/api/v1/sync/devices/{deviceId}/mutations/{seq}")
    @Operation(summary = "A mutation as the server received it, with its outcome (the device's own, or its team leader's)")
    public StoredMutations.StoredMutation mutation(Caller caller, @PathVariable UUID deviceId, @PathVariable long seq) {
        return stored.find(caller, deviceId, seq);
    }
}
