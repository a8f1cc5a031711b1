package no.tettpa.backend.auth;

import java.util.Arrays;
import java.util.Optional;

/** The four roles of Tettpå; {@code claim} is how a role is spelled in tokens and in the API. */
public enum Role {
    FIELD_WORKER("field-worker"),
    TEAM_LEADER("team-leader"),
    PARTNER("partner"),
    ADMINISTRATOR("administrator");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(value)).findFirst();
    }
}
