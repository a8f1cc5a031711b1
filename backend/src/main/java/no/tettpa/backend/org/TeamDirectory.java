package no.tettpa.backend.org;

import jakarta.inject.Singleton;
import no.tettpa.backend.problem.ProblemException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A team's name and active field workers, read inside the caller's transaction (for the leaders' overviews). */
@Singleton
public class TeamDirectory {
    public record Member(UUID id, String displayName) {}

    /** The team's name; a team that does not exist in the municipality is 404. */
    public String name(Connection c, UUID municipality, UUID teamId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT name FROM team WHERE municipality_id = ? AND id = ?")) {
            ps.setObject(1, municipality);
            ps.setObject(2, teamId);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) throw ProblemException.notFound("team");
                return rs.getString(1);
            }
        }
    }

    /** The team's active members with the field-worker role, by name. */
    public List<Member> fieldWorkers(Connection c, UUID municipality, UUID teamId) throws SQLException {
        List<Member> out = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT s.id, s.display_name FROM team_member tm JOIN staff s "
                + "ON s.municipality_id = tm.municipality_id AND s.id = tm.staff_id WHERE tm.municipality_id = ? "
                + "AND tm.team_id = ? AND s.active AND 'field-worker' = ANY(s.roles) ORDER BY s.display_name, s.id")) {
            ps.setObject(1, municipality);
            ps.setObject(2, teamId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Member(rs.getObject(1, UUID.class), rs.getString(2)));
            }
        }
        return out;
    }

    /** The ids of the persons whose caseload is the team's. */
    public List<UUID> persons(Connection c, UUID municipality, UUID teamId) throws SQLException {
        List<UUID> out = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT id FROM person WHERE municipality_id = ? AND team_id = ?")) {
            ps.setObject(1, municipality);
            ps.setObject(2, teamId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getObject(1, UUID.class));
            }
        }
        return out;
    }
}
