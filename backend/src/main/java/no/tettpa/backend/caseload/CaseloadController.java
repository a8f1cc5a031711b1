package no.tettpa.backend.caseload;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.SerdeImport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.caseload.model.CaseloadColumn;
import no.tettpa.backend.caseload.model.CaseloadFilter;
import no.tettpa.backend.caseload.model.CaseloadRow;
import no.tettpa.backend.caseload.model.CaseloadSummary;
import no.tettpa.backend.caseload.model.NextDeadline;
import no.tettpa.backend.caseload.model.RatingSummary;
import no.tettpa.backend.caseload.model.RatingTrend;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.problem.ProblemType;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1")
@Tag(name = "caseload")
@SecurityRequirement(name = "bearer")
@SerdeImport(CaseloadRow.class)
@SerdeImport(CaseloadSummary.class)
@SerdeImport(NextDeadline.class)
@SerdeImport(RatingSummary.class)
public class CaseloadController {
    private static final String DESCRIPTION = "One row per person: daysSinceLastContact (calendar days since the latest "
            + "visit that took place, i.e. not a failed attempt), failedAttemptsInRow (newest visits that are failed "
            + "attempts, counted back to the first contact), nextStep/nextStepDate of the newest visit and "
            + "overdueNextStep (that date has passed; any later visit, a failed attempt too, replaces it), "
            + "agreementsDueForEvaluation (active agreements with the evaluation date within 14 days or past), "
            + "openArrearsCases with nextLegalDeadline, latestRating with ratingTrend (index first, green < yellow < "
            + "red < blue_light; with an equal index the net change of the eight area levels decides), openConflicts, "
            + "exceptionalAccessToReview. Entries corrected by a later entry are left out. summary and workers cover "
            + "the whole caseload; persons is filtered and sorted. sort: name, coordinator, daysSinceLastContact, "
            + "lastContactAt, failedAttemptsInRow, nextStepDate, overdueNextStep, agreementsDueForEvaluation, "
            + "nextEvaluationDate, openArrearsCases, nextLegalDeadline, ratingIndex, ratedOn, ratingTrend, "
            + "openConflicts, exceptionalAccessToReview; order: asc (default) or desc; empty values last.";

    private final CaseloadService caseload;

    public CaseloadController(CaseloadService caseload) {
        this.caseload = caseload;
    }

    @Get("/teams/{teamId}/caseload{?sort,order,overdueOnly,withOpenArrears,dueForEvaluation,withOpenConflicts,coordinatorId,minFailedAttempts,minDaysSinceLastContact,ratingTrend}")
    @Operation(summary = "A team's caseload overview (the team's leaders only; any other team is 404)",
            description = DESCRIPTION)
    public CaseloadService.Overview team(Caller caller, @PathVariable UUID teamId, @Nullable @QueryValue String sort,
                                         @Nullable @QueryValue String order, @Nullable @QueryValue String overdueOnly,
                                         @Nullable @QueryValue String withOpenArrears,
                                         @Nullable @QueryValue String dueForEvaluation,
                                         @Nullable @QueryValue String withOpenConflicts,
                                         @Nullable @QueryValue UUID coordinatorId,
                                         @Nullable @QueryValue Integer minFailedAttempts,
                                         @Nullable @QueryValue Integer minDaysSinceLastContact,
                                         @Nullable @QueryValue String ratingTrend) {
        return caseload.team(caller, teamId, listing(sort, order, overdueOnly, withOpenArrears, dueForEvaluation,
                withOpenConflicts, coordinatorId, minFailedAttempts, minDaysSinceLastContact, ratingTrend));
    }

    @Get("/workers/me/caseload{?sort,order,overdueOnly,withOpenArrears,dueForEvaluation,withOpenConflicts,minFailedAttempts,minDaysSinceLastContact,ratingTrend}")
    @Operation(summary = "The caller's own caseload overview: the persons they coordinate", description = DESCRIPTION)
    public CaseloadService.Overview mine(Caller caller, @Nullable @QueryValue String sort,
                                         @Nullable @QueryValue String order, @Nullable @QueryValue String overdueOnly,
                                         @Nullable @QueryValue String withOpenArrears,
                                         @Nullable @QueryValue String dueForEvaluation,
                                         @Nullable @QueryValue String withOpenConflicts,
                                         @Nullable @QueryValue Integer minFailedAttempts,
                                         @Nullable @QueryValue Integer minDaysSinceLastContact,
                                         @Nullable @QueryValue String ratingTrend) {
        return caseload.mine(caller, listing(sort, order, overdueOnly, withOpenArrears, dueForEvaluation,
                withOpenConflicts, null, minFailedAttempts, minDaysSinceLastContact, ratingTrend));
    }

    static CaseloadService.Listing listing(String sort, String order, String overdueOnly, String withOpenArrears,
                                           String dueForEvaluation, String withOpenConflicts, UUID coordinatorId,
                                           Integer minFailedAttempts, Integer minDaysSinceLastContact,
                                           String ratingTrend) {
        CaseloadColumn column = sort == null ? CaseloadColumn.NAME : CaseloadColumn.fromWire(sort).orElseThrow(() ->
                invalid("sort must be one of " + String.join(", ",
                        Arrays.stream(CaseloadColumn.values()).map(CaseloadColumn::wire).toList())));
        if (order != null && !order.equals("asc") && !order.equals("desc")) throw invalid("order must be asc or desc");
        if (minFailedAttempts != null && minFailedAttempts < 0) throw invalid("minFailedAttempts must not be negative");
        if (minDaysSinceLastContact != null && minDaysSinceLastContact < 0) {
            throw invalid("minDaysSinceLastContact must not be negative");
        }
        List<String> trends = List.of(RatingTrend.BETTER, RatingTrend.SAME, RatingTrend.WORSE);
        if (ratingTrend != null && !trends.contains(ratingTrend)) throw invalid("ratingTrend must be better, same or worse");
        return new CaseloadService.Listing(column, "desc".equals(order), new CaseloadFilter(
                flag("overdueOnly", overdueOnly), flag("withOpenArrears", withOpenArrears),
                flag("dueForEvaluation", dueForEvaluation), flag("withOpenConflicts", withOpenConflicts), coordinatorId,
                minFailedAttempts, minDaysSinceLastContact, ratingTrend));
    }

    /** A yes/no parameter: {@code true} or {@code false}, nothing else (a typo must not silently mean false). */
    static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) return false;
        if (value.equals("true")) return true;
        throw invalid(name + " must be true or false");
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, detail);
    }
}
