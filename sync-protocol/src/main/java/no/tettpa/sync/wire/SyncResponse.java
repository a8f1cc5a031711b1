package no.tettpa.sync.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The answer to a {@link SyncRequest}.
 *
 * @param serverHlc  the server's clock; the device merges it into its own clock
 * @param serverTime the server's wall clock (ISO-8601), for display and lease arithmetic
 * @param device     whether the device may go on; {@code wipe} means: delete everything, now
 * @param outcomes   one outcome per mutation in the request whose seq was judged now or before (replays)
 * @param gap        present when a mutation's seq skipped ahead: resend from {@code expectedSeq}
 * @param pull       the page of changes, when the request asked for one
 * @param lease      until when the device may keep data shared with it by consent without syncing again
 * @param clock      present when the device's clock is further ahead than the server allows
 */
@Serdeable
public record SyncResponse(int protocolVersion, String serverHlc, String serverTime, DeviceState device,
                           List<MutationOutcome> outcomes, @Nullable Gap gap, @Nullable PullPage pull, Lease lease,
                           @Nullable ClockNotice clock) {

    @Serdeable
    public record DeviceState(String status, boolean wipe) {}

    @Serdeable
    public record Gap(long expectedSeq, long receivedSeq) {}

    /** @param partnerDataUntil ISO-8601 instant; past it, the device purges consent-shared data by itself */
    @Serdeable
    public record Lease(String partnerDataUntil, long seconds) {}

    @Serdeable
    public record ClockNotice(boolean clamped, long aheadByMillis, long maxAheadMillis) {}
}
