package no.tettpa.backend.support;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import no.tettpa.backend.access.AccessScopes;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.sync.ScopeResolver;
import no.tettpa.backend.sync.model.VisibleScope;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The caseload rule, except that a test may narrow what one staff member sees to some categories, as a consent
 * that shares only part of a record would.
 */
@Singleton
@Replaces(AccessScopes.class)
@Requires(property = "tettpa.test.narrowed-scopes", value = "true")
public class NarrowedScopes implements ScopeResolver {
    public static final Map<UUID, Integer> MASKS = new ConcurrentHashMap<>();
    private final AccessScopes caseload = new AccessScopes();

    @Override
    public Map<UUID, VisibleScope> visible(Connection c, Caller caller) throws SQLException {
        return narrow(caller, caseload.visible(c, caller));
    }

    @Override
    public Map<UUID, VisibleScope> visible(Connection c, Caller caller, Collection<UUID> persons) throws SQLException {
        return narrow(caller, caseload.visible(c, caller, persons));
    }

    private static Map<UUID, VisibleScope> narrow(Caller caller, Map<UUID, VisibleScope> all) {
        Integer mask = MASKS.get(caller.staffId());
        if (mask == null) return all;
        Map<UUID, VisibleScope> out = new HashMap<>();
        all.forEach((id, s) -> out.put(id, new VisibleScope(id, s.categories() & mask, s.basis(), s.until())));
        return out;
    }
}
