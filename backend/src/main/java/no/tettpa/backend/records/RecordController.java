package no.tettpa.backend.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import no.tettpa.sync.wire.MutationOutcome;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1")
@Tag(name = "records")
@SecurityRequirement(name = "bearer")
public class RecordController {
    private final RecordService records;

    public RecordController(RecordService records) {
        this.records = records;
    }

    @Get("/persons/{personId}/records")
    @Operation(summary = "A person's current records, optionally of one type (visit, agreement, agreement_progress, "
            + "arrears_case, arrears_event, rating, episode, task, conflict, person)")
    public List<RecordView> ofPerson(Caller caller, @PathVariable UUID personId, @QueryValue @Nullable String entity) {
        return records.ofPerson(caller, personId, entity);
    }

    @Get("/records/{id}")
    @Operation(summary = "Every version of one record, oldest first: who wrote each, from which device, when")
    public List<RecordView> history(Caller caller, @PathVariable UUID id) {
        return records.history(caller, id);
    }

    @Post("/records")
    @Operation(summary = "Create, update or delete a record; judged exactly as a synced mutation (same rules, same merge)")
    public HttpResponse<MutationOutcome> write(Caller caller, @Body RecordService.Write write) {
        MutationOutcome o = records.write(caller, write);
        return "create".equals(write.op()) ? HttpResponse.created(o) : HttpResponse.ok(o);
    }
}
