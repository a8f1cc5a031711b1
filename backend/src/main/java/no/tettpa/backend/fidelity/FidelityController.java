package no.tettpa.backend.fidelity;

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
import no.tettpa.backend.fidelity.model.FidelityFigures;
import no.tettpa.backend.fidelity.model.Figure;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.problem.ProblemType;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@Controller("/api/v1/teams")
@Tag(name = "fidelity")
@SecurityRequirement(name = "bearer")
@SerdeImport(FidelityFigures.class)
@SerdeImport(FidelityFigures.HousingFirstFigures.class)
@SerdeImport(Figure.class)
public class FidelityController {
    /** The longest period asked for at once. */
    public static final int MAX_DAYS = 5 * 366;
    public static final int DEFAULT_DAYS = 28;

    private final FidelityService fidelity;

    public FidelityController(FidelityService fidelity) {
        this.fidelity = fidelity;
    }

    @Get("/{teamId}/fidelity{?from,to}")
    @Operation(summary = "A team's fidelity figures from its visits over a period (the team's leaders only)",
            description = "from and to are dates (YYYY-MM-DD, both included; to defaults to today, from to 27 days "
                    + "before to; to may not be after today; at most five years). A contact is a visit that took "
                    + "place (not a failed attempt); face to face means not by phone or video; in the community means "
                    + "home, neighbourhood, cafe, car, outdoors or viewing (not nav_office). caseloadRatio (DACTS H1, "
                    + "≤ 10): persons followed on the last day per active field worker. seenByMoreThanOneStaff (H2, "
                    + "≥ 90 %): of the persons followed throughout the last 14 days, the share seen face to face by "
                    + "two or more staff (author and staff participants). contactsInCommunity (S1, ≥ 80 %): of the "
                    + "face-to-face contacts, the share in the community. contactsPerWeek (S5, ≥ 4): face-to-face "
                    + "contacts per person-week followed. networkContactsPerMonth (S6, ≥ 4): contacts with a network "
                    + "participant per person-month followed. housingFirst: visitsPerWeek, weeksWithVisit (share of "
                    + "whole weeks with a face-to-face contact), intakeToHousing (median days from the Housing First "
                    + "episode's start to permanent, satisfactory housing, for those housed in the period). A person is "
                    + "followed during their episodes; without any episode, throughout. Each figure carries its "
                    + "definition, numerator and denominator.")
    public FidelityService.Report fidelity(Caller caller, @PathVariable UUID teamId,
                                           @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to) {
        LocalDate today = LocalDate.now(FidelityService.NORWAY);
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1L) : from;
        if (end.isAfter(today)) throw invalid("to must not be after today");
        if (end.isBefore(start)) throw invalid("to must not be before from");
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) throw invalid("the period may be at most " + MAX_DAYS + " days");
        return fidelity.team(caller, teamId, start, end);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, detail);
    }
}
