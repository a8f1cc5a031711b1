package no.tettpa.backend.auth;

import jakarta.inject.Singleton;
import no.tettpa.backend.org.Staff;
import no.tettpa.backend.org.StaffRepository;
import no.tettpa.backend.org.TeamRepository;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a verified token to Tettpå's staff record. The staff record is the source of truth for roles; when the
 * token also carries a roles claim, only the roles both agree on are granted (the identity provider can narrow,
 * never widen, what Tettpå's administrator assigned).
 */
@Singleton
public class CallerResolver {
    private final StaffRepository staff;
    private final TeamRepository teams;

    public CallerResolver(StaffRepository staff, TeamRepository teams) {
        this.staff = staff;
        this.teams = teams;
    }

    public Optional<Caller> resolve(TokenVerifier.VerifiedToken token) {
        Optional<Staff> found = staff.findByIssuerAndSubject(token.issuer(), token.subject()).filter(Staff::active);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Staff s = found.get();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : s.roles()) {
            Role.fromClaim(r).ifPresent(roles::add);
        }
        token.roles().ifPresent(claimed -> roles.removeIf(r -> !claimed.contains(r.claim())));
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Caller(s.municipalityId(), s.id(), s.displayName(), roles,
                new HashSet<>(teams.findTeamIdsOfStaff(s.municipalityId(), s.id())), token.issuer(), token.subject()));
    }
}
