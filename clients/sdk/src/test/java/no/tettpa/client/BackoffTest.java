package no.tettpa.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    @Test
    void delaysGrowExponentiallyWithJitterAndStopAtTheCap() {
        Backoff b = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10), new Random(7));
        for (int attempt = 0; attempt < 40; attempt++) {
            long step = Math.min(200L << Math.min(attempt, 30), 10_000);
            long d = b.delay(attempt, null).toMillis();
            assertTrue(d >= step / 2 && d <= step, "attempt " + attempt + ": " + d + " not in [" + step / 2 + ", " + step + "]");
        }
        assertEquals(Duration.ofSeconds(9), new Backoff(Duration.ofMillis(1), Duration.ofSeconds(10), new Random())
                .delay(0, Duration.ofSeconds(9)));
        assertEquals(Duration.ofSeconds(10), new Backoff(Duration.ofMillis(1), Duration.ofSeconds(10), new Random())
                .delay(0, Duration.ofHours(1)), "a Retry-After beyond the cap is capped");
    }

    @Test
    void jitterSpreadsDevicesApart() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(3));
        long first = b.delay(5, null).toMillis();
        boolean differs = false;
        for (int i = 0; i < 10; i++) differs |= b.delay(5, null).toMillis() != first;
        assertTrue(differs);
    }
}
