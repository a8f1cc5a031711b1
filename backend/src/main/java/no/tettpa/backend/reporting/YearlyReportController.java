package no.tettpa.backend.reporting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.reporting.model.YearlyReport;

import java.util.UUID;

@Controller("/api/v1/reports/yearly")
@Tag(name = "reporting")
@SecurityRequirement(name = "bearer")
@SerdeImport(YearlyReport.Figure.class)
public class YearlyReportController {
    private static final String DESCRIPTION = "Counted from the housing_situation records (one person = one household) "
            + "and the arrears cases' legal steps. A (without_home): homeless or temporary_accommodation; B (at_risk); "
            + "C (unsuitable); each at 1 January and 31 December (the situation in effect that day) and housed during "
            + "the year (moved from that situation straight to permanent_satisfactory). families_with_children: A, B "
            + "and C together with children in the household. evictions_petitioned / evictions_carried_out: cases with "
            + "the legal step petition_filed / eviction_carried_out dated in the year. temporary_accommodation: "
            + "households with a stay overlapping the year, and those whose stay lasted over three months (to its end, "
            + "31 December or today). permanent_satisfactory: households with a known situation at 31 December, those "
            + "in permanent, satisfactory housing, and the share. Counts from 1 to the suppression threshold minus one "
            + "(tettpa.reporting.suppression-threshold, default 5) are suppressed ('<5', suppressed: primary); zero is "
            + "shown. Where a suppressed count could be worked out by subtraction (the situations at 31 December add "
            + "up to those known; a temporary stay is over three months or not) another count is suppressed too ('x', "
            + "suppressed: complementary). A share is shown only when both its counts are. Without teamId: the "
            + "municipality (administrators) or all the leader's teams; with teamId: that team.";

    private final YearlyReportService reports;

    public YearlyReportController(YearlyReportService reports) {
        this.reports = reports;
    }

    @Serdeable
    public record CommentRequest(@Nullable String comment) {}

    @Get("/{year}{?teamId}")
    @Operation(summary = "The yearly figures with their comments (team leaders for their teams, administrators for the "
            + "municipality)", description = DESCRIPTION)
    public YearlyReportService.ReportView report(Caller caller, @PathVariable int year, @Nullable @QueryValue UUID teamId) {
        return reports.report(caller, year, teamId);
    }

    @Get("/{year}/csv{?teamId}")
    @Produces(ReportCsv.CONTENT_TYPE)
    @Operation(summary = "The yearly figures as CSV: UTF-8 with BOM, semicolon-separated, decimal comma, one row per "
            + "figure with its suppression mark and the indicator's comment", description = DESCRIPTION)
    public HttpResponse<byte[]> csv(Caller caller, @PathVariable int year, @Nullable @QueryValue UUID teamId) {
        YearlyReportService.ReportView r = reports.report(caller, year, teamId);
        return HttpResponse.ok(ReportCsv.write(r)).contentType(ReportCsv.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"tettpa-yearly-report-" + r.municipalityNumber()
                        + "-" + year + (teamId == null ? "" : "-team") + ".csv\"");
    }

    @Put("/{year}/comments/{indicator}")
    @Operation(summary = "Write the comment on one indicator of the year (a new version; an empty text clears it)")
    public ReportComments.Comment comment(Caller caller, @PathVariable int year, @PathVariable String indicator,
                                          @Body CommentRequest request) {
        return reports.comment(caller, year, indicator, request == null ? null : request.comment());
    }
}
