package no.tettpa.client;

/**
 * The client's state for the app to show.
 *
 * @param state          {@code active}, {@code revoked} (wiped; stop using the device) or {@code upgrade_required}
 * @param pending        mutations waiting in the outbox
 * @param needsAttention items in the needs-attention list
 * @param pushBlocked    the server expects mutations this device no longer has; pushing is paused (see attention)
 * @param leaseUntil     until when partner data may be kept without syncing (ISO-8601), or null
 * @param clockNotice    the server's last clock notice (JSON) while this device's clock runs ahead, or null
 * @param lastSyncAt     the device's time of the last successful round trip, or null
 */
public record ClientStatus(String state, int pending, int needsAttention, boolean pushBlocked, String leaseUntil,
                           String clockNotice, String lastSyncAt) {}
