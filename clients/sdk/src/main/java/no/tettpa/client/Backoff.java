package no.tettpa.client;

import java.time.Duration;
import java.util.Random;

/**
 * Delays between retries: exponential from {@code initial}, capped at {@code max}, with jitter (each delay is
 * drawn between half and all of the exponential step), so that devices coming back together do not retry in step.
 * A server's {@code Retry-After} is honoured as a minimum.
 */
public record Backoff(Duration initial, Duration max, Random random) {

    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(500), Duration.ofMinutes(5), new Random());
    }

    /** The delay before retry number {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt, Duration retryAfter) {
        long cap = max.toMillis();
        long step = initial.toMillis() << Math.min(attempt, 30);
        if (step <= 0 || step > cap) step = cap;
        long half = step / 2;
        long delay = half + (half > 0 ? (long) (random.nextDouble() * (step - half + 1)) : 0);
        if (retryAfter != null && retryAfter.toMillis() > delay) delay = Math.min(retryAfter.toMillis(), cap);
        return Duration.ofMillis(delay);
    }
}
