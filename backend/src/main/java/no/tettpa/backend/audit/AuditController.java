package no.tettpa.backend.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.auth.Role;
import no.tettpa.backend.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1")
@Tag(name = "audit")
@SecurityRequirement(name = "bearer")
public class AuditController {
    private final AccessLogService accessLog;
    private final UnusualAccess unusual;
    private final AuditVerifier verifier;

    public AuditController(AccessLogService accessLog, UnusualAccess unusual, AuditVerifier verifier) {
        this.accessLog = accessLog;
        this.unusual = unusual;
        this.verifier = verifier;
    }

    @Get("/persons/{personId}/access-log")
    @Operation(summary = "Innsyn: who accessed the person's record, when, in what role and organisation, on what basis "
            + "and why (format=html: a printable page in Norwegian to hand to the person)")
    public HttpResponse<?> accessLog(Caller caller, @PathVariable UUID personId, @QueryValue @Nullable LocalDate from,
                                     @QueryValue @Nullable LocalDate to, @QueryValue @Nullable String format) {
        AccessLogService.AccessLog log = accessLog.forPerson(caller, personId, from, to);
        if ("html".equals(format)) {
            return HttpResponse.ok(accessLog.asHtml(log)).contentType(MediaType.TEXT_HTML_TYPE);
        }
        return HttpResponse.ok(log);
    }

    @Get("/reviews/unusual-access")
    @Operation(summary = "Unusual access to the team's persons over the last days (team leader)")
    public List<UnusualAccess.Item> unusualAccess(Caller caller, @QueryValue UUID teamId,
                                                  @QueryValue(defaultValue = "30") int days) {
        return unusual.forTeam(caller, teamId, days);
    }

    @Get("/audit/verification")
    @Operation(summary = "Recompute the municipality's access-log hash chain and report whether it is intact")
    public AuditVerifier.Report verify(Caller caller) {
        if (!caller.has(Role.ADMINISTRATOR) && !caller.has(Role.TEAM_LEADER)) throw ProblemException.forbidden(
                "Administrators and team leaders verify the access log");
        return verifier.verify(caller.municipalityId());
    }
}
