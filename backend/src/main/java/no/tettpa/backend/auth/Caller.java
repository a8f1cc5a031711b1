package no.tettpa.backend.auth;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: a staff member of one municipality, authenticated by a bearer token and mapped to Tettpå's
 * staff record. Every use case takes a Caller; nothing reads identity from anywhere else.
 */
public record Caller(UUID municipalityId, UUID staffId, String displayName, Set<Role> roles, Set<UUID> teamIds,
                     String issuer, String subject) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean memberOf(UUID teamId) {
        return teamIds.contains(teamId);
    }
}
