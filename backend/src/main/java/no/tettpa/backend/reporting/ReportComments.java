package no.tettpa.backend.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The comments on a municipality's yearly figures, per year and indicator, every version kept. */
@Singleton
public class ReportComments {
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Comment(String indicator, String text, int version, UUID writtenBy, String writtenByName,
                          Instant writtenAt) {}

    /** The current comment of every indicator of the year. */
    public Map<String, Comment> current(Connection c, UUID municipality, int year) throws SQLException {
        Map<String, Comment> out = new HashMap<>();
        try (var ps = c.prepareStatement("SELECT DISTINCT ON (rc.indicator) rc.indicator, rc.comment, rc.version, "
                + "rc.written_by, s.display_name, rc.written_at FROM report_comment rc LEFT JOIN staff s "
                + "ON s.municipality_id = rc.municipality_id AND s.id = rc.written_by "
                + "WHERE rc.municipality_id = ? AND rc.year = ? ORDER BY rc.indicator, rc.version DESC")) {
            ps.setObject(1, municipality);
            ps.setInt(2, year);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Comment(rs.getString(1), rs.getString(2), rs.getInt(3),
                            rs.getObject(4, UUID.class), rs.getString(5), rs.getTimestamp(6).toInstant()));
                }
            }
        }
        return out;
    }

    /** Writes a new version of the comment; an empty text clears it (as a version of its own). */
    public Comment write(Connection c, UUID municipality, int year, String indicator, String text, UUID staff,
                         String staffName) throws SQLException {
        try (var lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, municipality.hashCode());
            lock.setInt(2, (year + ":" + indicator).hashCode());
            lock.executeQuery().close();
        }
        try (var ps = c.prepareStatement("INSERT INTO report_comment (municipality_id, year, indicator, version, comment, "
                + "written_by) SELECT ?, ?, ?, coalesce(max(version), 0) + 1, ?, ? FROM report_comment "
                + "WHERE municipality_id = ? AND year = ? AND indicator = ? RETURNING version, written_at")) {
            ps.setObject(1, municipality);
            ps.setInt(2, year);
            ps.setString(3, indicator);
            ps.setString(4, text);
            ps.setObject(5, staff);
            ps.setObject(6, municipality);
            ps.setInt(7, year);
            ps.setString(8, indicator);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return new Comment(indicator, text, rs.getInt(1), staff, staffName, rs.getTimestamp(2).toInstant());
            }
        }
    }
}
