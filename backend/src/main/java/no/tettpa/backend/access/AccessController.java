package no.tettpa.backend.access;

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

import java.util.List;
import java.util.UUID;

@Controller("/api/v1")
@Tag(name = "access")
@SecurityRequirement(name = "bearer")
public class AccessController {
    private final ConsentService consents;
    private final ExceptionalAccess exceptional;

    public AccessController(ConsentService consents, ExceptionalAccess exceptional) {
        this.consents = consents;
        this.exceptional = exceptional;
    }

    @Post("/persons/{personId}/consents")
    @Operation(summary = "Record the person's consent to share record categories with a partner team")
    public HttpResponse<ConsentService.ConsentView> grant(Caller caller, @PathVariable UUID personId,
                                                          @Body ConsentService.Grant grant) {
        return HttpResponse.created(consents.grant(caller, personId, grant));
    }

    @Get("/persons/{personId}/consents")
    @Operation(summary = "The person's consents (a partner sees only those given to its own teams)")
    public List<ConsentService.ConsentView> consents(Caller caller, @PathVariable UUID personId) {
        return consents.ofPerson(caller, personId);
    }

    @Post("/consents/{consentId}/withdrawal")
    @Operation(summary = "Withdraw a consent: partner devices evict the data at their next sync")
    public ConsentService.ConsentView withdraw(Caller caller, @PathVariable UUID consentId,
                                               @Body @Nullable ConsentService.Withdrawal withdrawal) {
        return consents.withdraw(caller, consentId, withdrawal);
    }

    @Post("/persons/{personId}/exceptional-access")
    @Operation(summary = "Open short-lived exceptional access to a person, with a reason; it is logged and reviewed")
    public HttpResponse<ExceptionalAccess.Use> open(Caller caller, @PathVariable UUID personId,
                                                    @Body ExceptionalAccess.Request request) {
        return HttpResponse.created(exceptional.open(caller, personId, request));
    }

    @Get("/reviews/exceptional-access")
    @Operation(summary = "Exceptional access to the team's persons awaiting review (all=true: also reviewed ones)")
    public List<ExceptionalAccess.Use> reviewQueue(Caller caller, @QueryValue UUID teamId,
                                                   @QueryValue(defaultValue = "false") boolean all) {
        return exceptional.queue(caller, teamId, all);
    }

    @Post("/reviews/exceptional-access/{accessId}")
    @Operation(summary = "Review one use of exceptional access (not one's own)")
    public ExceptionalAccess.Use review(Caller caller, @PathVariable UUID accessId,
                                        @Body @Nullable ExceptionalAccess.Review review) {
        return exceptional.review(caller, accessId, review);
    }
}
