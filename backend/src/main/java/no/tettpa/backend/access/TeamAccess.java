package no.tettpa.backend.access;

import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.auth.Role;
import no.tettpa.backend.problem.ProblemException;

import java.util.UUID;

/**
 * Who may look at a team's overviews. A team the caller may not look at does not exist for them (404), so a
 * leader cannot even learn which team ids are real.
 */
public final class TeamAccess {
    private TeamAccess() {}

    /** A team leader of this team: a member of it with the team-leader role. */
    public static boolean leads(Caller caller, UUID teamId) {
        return caller.has(Role.TEAM_LEADER) && caller.memberOf(teamId);
    }

    public static void requireLeaderOf(Caller caller, UUID teamId) {
        if (!leads(caller, teamId)) throw ProblemException.notFound("team");
    }

    /** Any member of the team (field worker, leader, partner staff). */
    public static void requireMemberOf(Caller caller, UUID teamId) {
        if (!caller.memberOf(teamId)) throw ProblemException.notFound("team");
    }
}
