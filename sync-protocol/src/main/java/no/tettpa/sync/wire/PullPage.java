package no.tettpa.sync.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * One page of changes. The device applies {@code evictions}, {@code scopes}, {@code changes} and stores
 * {@code checkpoint} in one local transaction, all or nothing; then, if {@code more}, it asks again.
 *
 * @param changes    record versions, oldest first per person
 * @param evictions  persons (or categories of a person) the device may no longer hold: purge, then send a receipt
 * @param scopes     persons newly visible to the device, or whose categories or basis changed
 * @param checkpoint the position after this page
 * @param more       whether more changes are waiting right now
 */
@Serdeable
public record PullPage(List<Change> changes, List<Eviction> evictions, List<Scope> scopes, String checkpoint,
                       boolean more) {

    /** @param reason {@code no_longer_visible}, {@code consent_withdrawn}, {@code consent_expired}, {@code access_ended} */
    @Serdeable
    public record Eviction(UUID evictionId, UUID personId, List<String> categories, String reason) {}

    /**
     * @param basis {@code caseload} (the device's own team), {@code consent} (shared with the device's team by the
     *              person's consent: purge when the lease runs out) or {@code exceptional} (short-lived access)
     * @param until for consent and exceptional access, when it ends, if known
     */
    @Serdeable
    public record Scope(UUID personId, List<String> categories, String basis, @Nullable String until) {}
}
