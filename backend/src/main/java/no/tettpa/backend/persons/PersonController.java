package no.tettpa.backend.persons;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.auth.Role;
import no.tettpa.backend.org.StaffRepository;
import no.tettpa.backend.org.TeamRepository;
import no.tettpa.backend.problem.Problem;
import no.tettpa.backend.problem.ProblemException;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Persons followed up: the caller's caseload, one person, and registering a new person on a team. */
@Controller("/api/v1/persons")
@Tag(name = "persons")
@SecurityRequirement(name = "bearer")
public class PersonController {
    private final PersonRepository persons;
    private final TeamRepository teams;
    private final StaffRepository staff;
    private final PersonRegistry registry;
    private final Handover handover;

    public PersonController(PersonRepository persons, TeamRepository teams, StaffRepository staff,
                            PersonRegistry registry, Handover handover) {
        this.handover = handover;
        this.persons = persons;
        this.teams = teams;
        this.staff = staff;
        this.registry = registry;
    }

    @Serdeable
    public record PersonView(UUID id, String displayName, UUID teamId, @Nullable UUID coordinatorId) {
        static PersonView of(Person p) {
            return new PersonView(p.id(), p.displayName(), p.teamId(), p.coordinatorId());
        }
    }

    @Serdeable
    public record NewPerson(@NotBlank @Size(max = 200) String displayName, @NotNull UUID teamId,
                            @Nullable UUID coordinatorId) {}

    @Get
    @Operation(summary = "The persons on the caller's teams")
    public List<PersonView> caseload(Caller caller) {
        return caller.teamIds().stream()
                .sorted()
                .flatMap(t -> persons.findByMunicipalityIdAndTeamIdOrderByDisplayName(caller.municipalityId(), t).stream())
                .map(PersonView::of)
                .toList();
    }

    @Get("/{id}")
    @Operation(summary = "One person on the caller's teams; 404 for anyone else")
    public PersonView get(Caller caller, @PathVariable UUID id) {
        return persons.findByMunicipalityIdAndId(caller.municipalityId(), id)
                .filter(p -> caller.memberOf(p.teamId()) || caller.has(Role.ADMINISTRATOR))
                .map(PersonView::of)
                .orElseThrow(() -> ProblemException.notFound("person"));
    }

    @Post
    @Operation(summary = "Register a person on a team (team leader of that team, or administrator)")
    public HttpResponse<PersonView> create(Caller caller, @Valid @Body NewPerson request) {
        boolean leaderOfTeam = caller.has(Role.TEAM_LEADER) && caller.memberOf(request.teamId());
        if (!leaderOfTeam && !caller.has(Role.ADMINISTRATOR)) {
            throw ProblemException.forbidden("Only the team's leader or an administrator registers persons");
        }
        var errors = new java.util.ArrayList<Problem.FieldError>();
        if (teams.findByMunicipalityIdAndId(caller.municipalityId(), request.teamId()).isEmpty()) {
            errors.add(new Problem.FieldError("teamId", "no such team"));
        }
        if (request.coordinatorId() != null
                && staff.findByMunicipalityIdAndId(caller.municipalityId(), request.coordinatorId()).isEmpty()) {
            errors.add(new Problem.FieldError("coordinatorId", "no such staff member"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Person saved = registry.register(caller.municipalityId(), request.displayName().strip(), request.teamId(),
                request.coordinatorId(), caller.staffId());
        return HttpResponse.created(PersonView.of(saved), URI.create("/api/v1/persons/" + saved.id()));
    }

    @Post("/{id}/handover")
    @Operation(summary = "Hand the person over to another team or coordinator; access follows, the history goes along")
    public Handover.Entry handOver(Caller caller, @PathVariable UUID id, @Valid @Body Handover.Request request) {
        return handover.handOver(caller, id, request);
    }

    @Get("/{id}/handovers")
    @Operation(summary = "Every hand-over of the person: from and to which team and coordinator, by whom, when, why")
    public List<Handover.Entry> handovers(Caller caller, @PathVariable UUID id) {
        return handover.history(caller, id);
    }
}
