package no.tettpa.client;

import no.tettpa.sync.clock.HlcClock;
import no.tettpa.sync.wire.SyncResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The client's loop (PROTOCOL.md § 10): build a request from the store, send it, apply the answer in one
 * transaction, and go again while the page says {@code more} or the outbox still holds mutations the server is
 * taking. Nothing is changed between building and applying, so a process killed anywhere in between simply sends
 * the same request again after a restart; the server's per-seq idempotency makes that safe.
 */
final class SyncEngine {
    private final LocalStore store;
    private final SyncTransport transport;
    private final TokenSupplier tokens;
    private final FieldClientConfig config;
    private final HlcClock clock;
    private final ReentrantLock running = new ReentrantLock();
    private int maxBatch;

    SyncEngine(LocalStore store, SyncTransport transport, TokenSupplier tokens, FieldClientConfig config, HlcClock clock) {
        this.store = store;
        this.transport = transport;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
        this.maxBatch = Math.max(1, Math.min(config.maxBatch(), 1000));
    }

    private Instant now() {
        return Instant.ofEpochMilli(config.wallClock().getAsLong());
    }

    private record Prepared(SentRequest sent, boolean leasePurged) {}

    /** Mutable totals of one sync. */
    private static final class Totals {
        int rounds;
        int changes;
        int evictions;
        final Map<String, Integer> outcomes = new TreeMap<>();
    }

    SyncResult sync() {
        running.lock();
        try {
            return loop();
        } finally {
            running.unlock();
        }
    }

    private SyncResult loop() {
        Totals totals = new Totals();
        boolean tokenRefreshed = false;
        boolean checkpointReset = false;
        while (totals.rounds < config.maxRoundsPerSync()) {
            Prepared prepared = store.write(this::prepare);
            if (prepared.leasePurged()) store.scrub();
            SentRequest sent = prepared.sent();
            String token = token();
            SyncTransport.Response answer = send(sent, token);
            totals.rounds++;
            if (answer.status() / 100 == 2) {
                if (applyAnswer(sent, answer, totals)) continue;
                return result(totals);
            }
            Problem problem = Problem.of(answer);
            if (answer.status() == 401 && !tokenRefreshed) {
                tokens.invalidate(token);
                tokenRefreshed = true;
            } else if (answer.status() == 400 && "invalid-checkpoint".equals(problem.type()) && !checkpointReset) {
                store.write(tx -> {
                    tx.putMeta(Meta.CHECKPOINT, null);
                    return null;
                });
                checkpointReset = true;
            } else if (answer.status() == 413 && sent.mutationCount() > 1) {
                maxBatch = Math.max(1, sent.mutationCount() / 2);
            } else {
                throw refused(sent, answer, problem);
            }
        }
        return result(totals);
    }

    private Prepared prepare(StoreTransaction tx) {
        String state = tx.meta(Meta.STATE).orElse("active");
        if ("revoked".equals(state) && tx.receipts().isEmpty()) {
            throw new SyncException(SyncException.Kind.DEVICE_REVOKED, "this device was revoked and wiped", null, null);
        }
        if ("upgrade_required".equals(state)) {
            if (refusedVersion().equals(tx.meta(Meta.REFUSED_SCHEMA).orElse(""))) {
                throw new SyncException(SyncException.Kind.UPGRADE_REQUIRED,
                        "the server no longer serves this app version; update the app (nothing is lost)", null, null);
            }
            tx.putMeta(Meta.STATE, null);
            tx.putMeta(Meta.REFUSED_SCHEMA, null);
        }
        boolean purged = !"revoked".equals(state) && Purges.enforceLease(tx, now());
        return new Prepared(Requests.build(tx, config, clock, maxBatch), purged);
    }

    private String refusedVersion() {
        return config.schemaVersion() + "/" + config.appVersion();
    }

    /** A token; a supplier that cannot get one (its provider unreachable) is a network failure: retry later. */
    private String token() {
        try {
            return tokens.token();
        } catch (RuntimeException e) {
            throw new SyncException(SyncException.Kind.NETWORK, "no access token: " + e.getMessage(), null, e);
        }
    }

    private SyncTransport.Response send(SentRequest sent, String token) {
        try {
            return transport.post(Json.writeBytes(sent.request()), token);
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.NETWORK, "no answer from the server: " + e.getMessage(), null, e);
        }
    }

    /** Applies a 2xx answer; returns whether to go round again. */
    private boolean applyAnswer(SentRequest sent, SyncTransport.Response answer, Totals totals) {
        SyncResponse response;
        try {
            response = Json.read(answer.body(), SyncResponse.class);
        } catch (IOException | RuntimeException e) {
            throw new SyncException(SyncException.Kind.BAD_ANSWER, "unreadable answer from the server", null, e);
        }
        ResponseApplier.Applied applied = store.write(tx -> ResponseApplier.apply(tx, sent, response, clock, now()));
        int judged = applied.outcomes().values().stream().mapToInt(Integer::intValue).sum();
        applied.outcomes().forEach((k, v) -> totals.outcomes.merge(k, v, Integer::sum));
        totals.changes += applied.changes();
        totals.evictions += applied.evictions();
        if (applied.wiped() || applied.evictions() > 0) store.scrub();
        if (sent.afterWipe()) {
            throw new SyncException(SyncException.Kind.DEVICE_REVOKED, "this device was revoked and wiped", null, null);
        }
        if (applied.wiped()) return true;
        if (applied.more()) return true;
        boolean outboxLeft = store.read(tx -> tx.outboxSize() > 0 && tx.meta(Meta.PUSH_BLOCKED).isEmpty());
        boolean receiptsLeft = store.read(tx -> !tx.receipts().isEmpty());
        // Go on while the server takes mutations; a gap is resent from the expected seq; purges made by this
        // answer are reported at once. Without progress, stop: a later sync retries, rather than spinning on
        // something the server does not judge.
        return receiptsLeft || outboxLeft && (judged > 0 || applied.gapExpectedSeq() != null);
    }

    private SyncResult result(Totals totals) {
        boolean complete = store.read(tx -> tx.outboxSize() == 0 || tx.meta(Meta.PUSH_BLOCKED).isPresent());
        return new SyncResult(totals.rounds, Map.copyOf(totals.outcomes), totals.changes, totals.evictions, complete);
    }

    private SyncException refused(SentRequest sent, SyncTransport.Response answer, Problem problem) {
        int status = answer.status();
        if (status == 403 && "device-revoked".equals(problem.type())) {
            store.write(tx -> {
                if (sent.afterWipe()) sent.receiptIds().forEach(tx::removeReceipt);
                else Purges.wipe(tx, now());
                return null;
            });
            store.scrub();
            if (!sent.afterWipe()) return loopAgainAfterWipe();
            return new SyncException(SyncException.Kind.DEVICE_REVOKED, problem.detail(), null, null);
        }
        if (status == 426) {
            store.write(tx -> {
                tx.putMeta(Meta.STATE, "upgrade_required");
                tx.putMeta(Meta.REFUSED_SCHEMA, refusedVersion());
                return null;
            });
            return new SyncException(SyncException.Kind.UPGRADE_REQUIRED, problem.detail(), null, null);
        }
        SyncException.Kind kind = status == 401 ? SyncException.Kind.UNAUTHORIZED
                : status == 403 ? SyncException.Kind.FORBIDDEN
                : status >= 500 ? SyncException.Kind.SERVER_UNAVAILABLE
                : SyncException.Kind.REFUSED;
        return new SyncException(kind, status + " " + problem.type() + ": " + problem.detail(), answer.retryAfter(), null);
    }

    /** After a wipe the device reports it once, with its {@code wiped} receipts, and then stops for good. */
    private SyncException loopAgainAfterWipe() {
        try {
            loop();
        } catch (SyncException e) {
            return e;
        }
        return new SyncException(SyncException.Kind.DEVICE_REVOKED, "this device was revoked and wiped", null, null);
    }

    /** The fields of a problem document a client switches on. */
    record Problem(String type, String detail) {
        static Problem of(SyncTransport.Response answer) {
            try {
                Map<String, Object> doc = Json.readMap(new String(answer.body(), StandardCharsets.UTF_8));
                String type = String.valueOf(doc.get("type"));
                return new Problem(type.substring(type.lastIndexOf(':') + 1), String.valueOf(doc.get("detail")));
            } catch (RuntimeException e) {
                return new Problem("unknown", "HTTP " + answer.status());
            }
        }
    }
}
