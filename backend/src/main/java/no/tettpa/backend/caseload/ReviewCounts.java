package no.tettpa.backend.caseload;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * How many uses of short-lived exceptional access (kortvarig tilgang, "break the glass") to each person's record the
 * team leader has yet to review. The access feature answers from its own table; {@link NoReviewCounts} is the
 * fallback when no such bean is present.
 */
public interface ReviewCounts {
    /** Per person, the exceptional-access uses not yet reviewed; a person with none may be left out. */
    Map<UUID, Integer> exceptionalAccessToReview(Connection c, UUID municipalityId, Collection<UUID> persons)
            throws SQLException;
}
