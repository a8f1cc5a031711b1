package no.tettpa.backend.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.problem.ProblemType;
import no.tettpa.sync.schema.Schemas;

import java.time.LocalDate;
import java.util.UUID;

@Controller("/api/v1/persons")
@Tag(name = "timeline")
@SecurityRequirement(name = "bearer")
public class TimelineController {
    private final TimelineService timeline;

    public TimelineController(TimelineService timeline) {
        this.timeline = timeline;
    }

    @Get("/{personId}/timeline{?from,to,entity,order}")
    @Operation(summary = "Everything recorded about a person in time order, across all record types, with who "
            + "wrote each entry and from which device; only the categories the caller may see",
            description = "A recorded fact is placed when it happened (a visit at its start; a progress entry, an "
                    + "arrears event, a board minute at their date; a rating on its rating date; a housing situation "
                    + "from its first day; dates without a time at the start of the day, dateOnly true). Each version "
                    + "of an editable record is placed when it was written, as created, updated (changedFields) or "
                    + "deleted. from/to (YYYY-MM-DD, inclusive) narrow the window, entity one record type; order asc "
                    + "(default) or desc.")
    public TimelineService.Timeline timeline(Caller caller, @PathVariable UUID personId,
                                             @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                             @Nullable @QueryValue String entity, @Nullable @QueryValue String order) {
        if (entity != null && Schemas.entity(entity).isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "unknown entity '" + entity + "'");
        }
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "order must be asc or desc");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "to must not be before from");
        }
        return timeline.of(caller, personId, new TimelineService.Window(from, to, entity, "desc".equals(order)));
    }
}
