package no.tettpa.backend.sync;

import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.sync.model.VisibleScope;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Who may see whom: the persons (and record categories) a caller's devices may hold, read inside the caller's
 * transaction so that a pull's scope and its data come from one snapshot.
 */
public interface ScopeResolver {
    /** Every person the caller may hold on a device, by person id. */
    Map<UUID, VisibleScope> visible(Connection c, Caller caller) throws SQLException;

    /** The same for the given persons only (for checking writes). */
    Map<UUID, VisibleScope> visible(Connection c, Caller caller, Collection<UUID> persons) throws SQLException;

    /**
     * Why the caller may no longer hold a person's data (for evictions and refused writes): {@code consent_withdrawn},
     * {@code consent_expired}, {@code access_ended} (exceptional access ran out) or {@code no_longer_visible}.
     */
    default String whyNot(Connection c, Caller caller, UUID person) throws SQLException {
        return "no_longer_visible";
    }
}
