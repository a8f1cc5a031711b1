package no.tettpa.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop's answers to the server's refusals (PROTOCOL.md § 9, § 10): retry, refresh, start afresh, or stop. */
class SyncLoopTest extends ServerTest {

    @Test
    void upgradeRequiredStopsSyncingAndKeepsTheOutboxUntilTheAppIsUpdated() {
        FieldClient d = device("kari", kari);
        d.sync();
        d.recordVisit(eirik.id(), Fields.visit());
        d.close();

        ScriptedTransport net = new ScriptedTransport(http());
        FieldClient future = device("kari", SqliteStore.open(dir.resolve("kari.db")), kari, net,
                config().withSchemaVersion(99));
        assertEquals(SyncException.Kind.UPGRADE_REQUIRED, assertThrows(SyncException.class, future::sync).kind());
        assertEquals("upgrade_required", future.status().state());
        assertEquals(SyncException.Kind.UPGRADE_REQUIRED, assertThrows(SyncException.class, future::sync).kind());
        assertEquals(1, net.bodies.size(), "no request is sent again by the same app version");
        assertEquals(1, future.outbox().size());
        future.close();

        FieldClient updated = device("kari", kari);
        assertEquals(Map.of("applied", 1), updated.sync().outcomes());
        assertEquals("active", updated.status().state());
    }

    @Test
    void aDamagedCheckpointIsAnsweredByPullingFromTheStart() {
        LocalStore store = SqliteStore.open(dir.resolve("kari.db"));
        FieldClient d = device("kari", store, kari, http(), config());
        d.sync();
        store.write(tx -> {
            tx.putMeta(Meta.CHECKPOINT, "AAAA!!");
            return null;
        });
        SyncResult result = d.sync();
        assertTrue(result.complete());
        assertTrue(d.checkpoint().orElseThrow().length() > 10);
        assertEquals(2, d.records("person", null).size());
    }

    @Test
    void aRefusedTokenIsRefreshedOnce() {
        AtomicInteger asked = new AtomicInteger();
        List<String> invalidated = new ArrayList<>();
        TokenSupplier tokens = new TokenSupplier() {
            @Override
            public String token() {
                return asked.getAndIncrement() == 0 ? "expired" : tenant.token(kari);
            }

            @Override
            public void invalidate(String rejected) {
                invalidated.add(rejected);
            }
        };
        FieldClient d = FieldClient.open(SqliteStore.open(dir.resolve("kari.db")), http(), tokens, config());
        open.add(d);
        assertTrue(d.sync().complete());
        assertEquals(List.of("expired"), invalidated);

        FieldClient never = FieldClient.open(SqliteStore.open(dir.resolve("never.db")), http(), () -> "expired", config());
        open.add(never);
        assertEquals(SyncException.Kind.UNAUTHORIZED, assertThrows(SyncException.class, never::sync).kind());
    }

    @Test
    void unavailableAndNetworkFailuresAreRetriedWithBackoffHonouringRetryAfter() {
        ScriptedTransport net = new ScriptedTransport(new FaultyTransport(http()).then(FaultyTransport.Fault.REFUSE))
                .answer(new SyncTransport.Response(503, "{\"type\":\"urn:tettpa:problem:unavailable\"}".getBytes(),
                        Duration.ofSeconds(7)));
        List<Duration> slept = new ArrayList<>();
        FieldClient d = device("kari", SqliteStore.open(dir.resolve("kari.db")), kari, net,
                config().withRetry(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), new java.util.Random(1)),
                        slept::add));
        assertTrue(d.syncWithRetries(5).complete());
        assertEquals(2, slept.size(), "one 503, one refused connection, then through");
        assertEquals(Duration.ofSeconds(7), slept.get(0), "Retry-After is the least wait");
        assertTrue(slept.get(1).toMillis() >= 100 && slept.get(1).toMillis() <= 200, "then the backoff: " + slept);

        FieldClient stranger = FieldClient.open(SqliteStore.open(dir.resolve("o.db")), http(), () -> tenant.token(ola),
                config().withRetry(Backoff.standard(), slept::add));
        open.add(stranger);
        stranger.sync();
        stranger.close();
        var stolen = FieldClient.open(SqliteStore.open(dir.resolve("o.db")), http(), () -> tenant.token(kari),
                config().withRetry(Backoff.standard(), slept::add));
        open.add(stolen);
        assertEquals(SyncException.Kind.FORBIDDEN, assertThrows(SyncException.class, () -> stolen.syncWithRetries(5)).kind());
        assertEquals(2, slept.size(), "a device of another worker is refused at once, not retried");
    }
}
