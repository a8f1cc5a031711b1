package no.tettpa.simulator;

import no.tettpa.client.Backoff;
import no.tettpa.client.FieldClient;
import no.tettpa.client.FieldClientConfig;
import no.tettpa.client.LocalValidationException;
import no.tettpa.client.OutboxEntry;
import no.tettpa.client.SqliteStore;
import no.tettpa.client.SyncException;
import no.tettpa.client.SyncResult;
import no.tettpa.client.SyncTransport;
import no.tettpa.client.TokenSupplier;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * One simulated phone: an SDK client on its own SQLite file, used by one worker, with its own (possibly wrong) wall
 * clock. It goes offline for random stretches, syncs now and then, and is sometimes restarted by its user.
 */
final class SimDevice {
    final int index;
    final Seeder.Worker worker;
    final long clockSkewMillis;
    private final Path file;
    private final SyncTransport transport;
    private final TokenSupplier tokens;
    private final Ledger ledger;
    private final Stats stats;
    private final FaultLog faults;
    private final Random random;
    private final Workload workload;
    private final FieldClientConfig config;
    private FieldClient client;
    private long ledgerSeq;
    private int offlineFor;

    SimDevice(int index, Seeder.Worker worker, long clockSkewMillis, Path file, SyncTransport transport,
              TokenSupplier tokens, Ledger ledger, Stats stats, FaultLog faults, long seed) {
        this.index = index;
        this.worker = worker;
        this.clockSkewMillis = clockSkewMillis;
        this.file = file;
        this.transport = transport;
        this.tokens = tokens;
        this.ledger = ledger;
        this.stats = stats;
        this.faults = faults;
        this.random = new Random(seed);
        this.config = FieldClientConfig.defaults("simulator").withWallClock(this::wallClock)
                .withRetry(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(3), new Random(seed + 1)),
                        d -> Thread.sleep(d.toMillis()));
        this.workload = new Workload(random, new FieldValues(random, index, this::wallClock));
        open();
    }

    long wallClock() {
        return System.currentTimeMillis() + clockSkewMillis;
    }

    private void open() {
        client = FieldClient.open(SqliteStore.open(file), transport, tokens, config);
    }

    FieldClient client() {
        return client;
    }

    UUID id() {
        return client.deviceId();
    }

    /** The worker's app is closed and opened again (the store reopened from its file). */
    void restartApp() {
        client.close();
        open();
        faults.count("app restarted");
    }

    /** One change, then perhaps a sync; offline stretches come and go. */
    void operate() {
        stats.operations.incrementAndGet();
        if (offlineFor > 0) {
            offlineFor--;
        } else if (random.nextInt(12) == 0) {
            offlineFor = 3 + random.nextInt(25);
            faults.count("offline period");
        }
        try {
            Workload.Step step = workload.step(client);
            if (step != null) {
                stats.kind(step.kind());
                record(step);
            }
        } catch (LocalValidationException e) {
            stats.refused(e.code() + (e.errors().isEmpty() || e.errors().get(0).field() == null ? "" : " " + e.errors().get(0).field()));
        }
        if (offlineFor == 0 && random.nextInt(3) == 0) sync(3);
        if (random.nextInt(150) == 0) restartApp();
    }

    private void record(Workload.Step step) {
        List<OutboxEntry> pending = client.outbox();
        for (OutboxEntry e : pending) {
            if (e.seq() <= ledgerSeq) continue;
            ledger.add(new Ledger.Entry(id(), e.seq(), e.entity(), e.op(), e.recordId(), e.personId(), e.baseVersion(),
                    e.fields(), step.before(), step.targetSeenVersion()));
            ledgerSeq = e.seq();
            stats.mutations.incrementAndGet();
        }
    }

    /** Syncs with retries; a failure leaves everything for the next time. Returns whether it completed. */
    boolean sync(int attempts) {
        stats.syncs.incrementAndGet();
        try {
            SyncResult r = client.syncWithRetries(attempts);
            r.outcomes().forEach(stats::outcome);
            stats.changesReceived.addAndGet(r.changes());
            return r.complete();
        } catch (SyncException e) {
            stats.syncFailed(e.kind().name());
            return false;
        }
    }

    void close() {
        client.close();
    }
}
