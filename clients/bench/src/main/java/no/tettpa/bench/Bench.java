package no.tettpa.bench;

import io.micronaut.json.JsonMapper;
import no.tettpa.sync.clock.HlcClock;
import no.tettpa.sync.wire.Change;
import no.tettpa.sync.wire.SyncResponse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Tettpå benchmark: PostgreSQL and the server in this JVM, real HTTP on 127.0.0.1, and four figures with
 * their targets — push ingest, the same rows through plain JDBC INSERTs, a first pull of a 40-person caseload with
 * five years of history, and an empty incremental pull. Not a test: it measures and prints; it asserts nothing
 * about time. See README.md.
 */
public final class Bench {
    private static final byte[] APPLIED = "\"status\":\"applied\"".getBytes(StandardCharsets.US_ASCII);

    private final BenchOptions opts;
    private final BenchDatabase db;
    private final BenchServer server;
    private final JsonMapper json;
    private final Workload workload;
    private final CpuMeter cpu;

    private Bench(BenchOptions opts, BenchDatabase db, BenchServer server) {
        this.opts = opts;
        this.db = db;
        this.server = server;
        this.json = server.json();
        this.workload = new Workload(opts.seed());
        this.cpu = new CpuMeter(db.postmasterPid());
    }

    public static void main(String[] args) throws Exception {
        // Before anything logs: the server's logback.xml reads these (system properties win over the environment).
        if (System.getenv("TETTPA_LOG_LEVEL") == null) System.setProperty("TETTPA_LOG_LEVEL", "WARN");
        if (System.getenv("TETTPA_LOG_FORMAT") == null) System.setProperty("TETTPA_LOG_FORMAT", "text");
        BenchOptions opts;
        try {
            opts = BenchOptions.parse(args);
        } catch (BenchOptions.HelpRequested h) {
            System.out.print(h.getMessage());
            return;
        }
        Locale.setDefault(Locale.ROOT);
        int cores = Runtime.getRuntime().availableProcessors();
        line("Tettpå bench — %d cores, %s %s, max heap %d MB, load average %.2f at start", cores,
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        line("options: %s", opts);

        Path dataDir = Files.createTempDirectory("tettpa-bench");
        Resources resources = new Resources(dataDir);
        Thread onExit = new Thread(resources::close, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(onExit); // Ctrl-C: stop the server and PostgreSQL, delete the data
        long t0 = System.nanoTime();
        int status = 0;
        try {
            BenchDatabase db = resources.db = BenchDatabase.start(dataDir, opts.statements());
            if (opts.synchronousCommit() != null) {
                // on the bench's own database only: new connections (the server's pool, the baseline's) take it
                db.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET synchronous_commit = %L', "
                        + "current_database(), '" + opts.synchronousCommit().replace("'", "") + "'); END $$");
            }
            line("");
            line("PostgreSQL: %s", db.description());
            if (db.description().startsWith("embedded")) {
                line("  data directory file system: %s", fileSystem(dataDir));
            }
            for (String[] s : db.settings()) line("  %-26s %s", s[0], s[1]);
            if (opts.synchronousCommit() != null) {
                line("  (synchronous_commit set for the bench's database by --synchronousCommit)");
            }
            java.io.PrintStream out = System.out;
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            try {
                resources.server = BenchServer.start(db, dataDir); // its startup banner is for people, not this report
            } finally {
                System.setOut(out);
            }
            BenchServer server = resources.server;
            line("server: %s, blocking threads %s, database pool %s", server.uri(),
                    server.property("micronaut.executors.blocking.n-threads"),
                    server.property("datasources.default.maximum-pool-size"));
            new Bench(opts, db, server).run(cores, t0);
        } catch (Exception e) {
            System.out.flush();
            System.err.println("the bench failed: " + e);
            e.printStackTrace();
            status = 1;
        } finally {
            resources.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running
            }
        }
        System.exit(status);
    }

    /** What the run holds: closed once, in order (server, database, data directory), normally or on Ctrl-C. */
    private static final class Resources {
        final Path dataDir;
        volatile BenchDatabase db;
        volatile BenchServer server;
        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        Resources(Path dataDir) {
            this.dataDir = dataDir;
        }

        void close() {
            if (!closed.compareAndSet(false, true)) return;
            try {
                if (server != null) server.close();
            } catch (RuntimeException e) {
                System.err.println("stopping the server: " + e);
            }
            try {
                if (db != null) db.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("stopping PostgreSQL: " + e);
            }
            BenchDatabase.deleteTree(dataDir);
        }
    }


    // ---------------------------------------------------------------------------------------------------------
    // the run

    private record Ingest(long mutations, long requests, double seconds, Latencies latencies, List<String> errors,
                          Retries retries) {
        double rate() {
            return mutations / seconds;
        }
    }

    private record Baseline(long rows, double seconds, Latencies latencies, CpuMeter.Usage cpu) {
        double rate() {
            return rows / seconds;
        }
    }

    private record FullPull(int changes, int pages, double millis, long wireBytes, long rawBytes, double parseMillis) {}

    private void run(int cores, long t0) throws Exception {
        server.seedMunicipality();
        ExecutorService clientPool = Executors.newFixedThreadPool(opts.clientThreads(), daemon("bench-client"));
        SyncHttp http = new SyncHttp(server.uri(), clientPool);

        // ---- push ingest -----------------------------------------------------------------------------------
        section("Push ingest");
        List<DevicePlan> plans = planIngest();
        long planned = plans.stream().mapToLong(p -> p.measured.stream().mapToLong(b -> b.ids.length).sum()).sum();
        long warm = plans.stream().mapToLong(p -> p.warmup.stream().mapToLong(b -> b.ids.length).sum()).sum();
        line("%d devices (%d client threads), %d visits per request, gzip both ways; warm-up %,d mutations, "
                + "measured %,d", opts.devices(), opts.clientThreads(), opts.batchSize(), warm, planned);
        Ingest warmIngest = ingest(http, plans, true);
        line("warm-up: %,.0f mutations/s", warmIngest.rate());
        reportRetries(warmIngest);
        settle();
        db.resetStatements();
        long[] wal0 = db.wal();
        CpuMeter.Reading c0 = cpu.read();
        Ingest ingest = ingest(http, plans, false);
        CpuMeter.Usage ingestCpu = cpu.since(c0);
        long[] wal1 = db.wal();
        line("measured: %,d mutations in %d requests, %.2f s: %,.0f mutations/s; per request p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms", ingest.mutations(), ingest.requests(), ingest.seconds(), ingest.rate(),
                ingest.latencies().percentileMillis(50), ingest.latencies().percentileMillis(99),
                ingest.latencies().maxMillis());
        reportRetries(ingest);
        reportErrors(warmIngest.errors());
        reportErrors(ingest.errors());
        long written = warm + planned;
        line("WAL: %,d bytes per mutation (%,d full-page images); on disk per mutation (warm-up and measured): "
                        + "record_version %,d B, sync_request %,d B, sync_outcome %,d B",
                (wal1[0] - wal0[0]) / Math.max(1, ingest.mutations()), wal1[1] - wal0[1],
                db.tableBytes("record_version") / written, db.tableBytes("sync_request") / written,
                db.tableBytes("sync_outcome") / written);
        cpuLine(ingestCpu, ingest.mutations(), "mutation");
        statements("push ingest");

        // ---- plain INSERT baseline -------------------------------------------------------------------------
        section("Plain INSERT baseline");
        int threads = Math.max(1, Math.min(opts.baselineThreads(), opts.devices()));
        line("the same rows and JSON bodies into bench_plain(id uuid primary key, person_id uuid, body jsonb): "
                + "%d JDBC connections, one transaction of %d rows per request-equivalent, %s", threads,
                opts.batchSize(), opts.baselineRewrite() ? "batched with reWriteBatchedInserts" : "plain JDBC batch");
        db.execute("CREATE TABLE bench_plain (id uuid PRIMARY KEY, person_id uuid NOT NULL, body jsonb NOT NULL)");
        Baseline warmBase = baseline(plans, threads, true);
        line("warm-up: %,.0f rows/s", warmBase.rate());
        settle();
        db.resetStatements();
        wal0 = db.wal();
        Baseline base = baseline(plans, threads, false);
        CpuMeter.Usage baseCpu = base.cpu();
        wal1 = db.wal();
        line("measured: %,d rows, %.2f s: %,.0f rows/s; per transaction p50 %.1f ms, p99 %.1f ms", base.rows(),
                base.seconds(), base.rate(), base.latencies().percentileMillis(50), base.latencies().percentileMillis(99));
        line("WAL: %,d bytes per row (%,d full-page images); on disk per row: bench_plain %,d B",
                (wal1[0] - wal0[0]) / Math.max(1, base.rows()), wal1[1] - wal0[1],
                db.tableBytes("bench_plain") / written);
        cpuLine(baseCpu, base.rows(), "row");
        statements("plain INSERT baseline");
        double ratio = ingest.rate() / base.rate();
        line("ingest / baseline: %.2f", ratio);
        plans = null; // let the request bodies go

        // ---- first pull of a caseload ----------------------------------------------------------------------
        section("First pull of a caseload");
        Caseload caseload = seedCaseload(http);
        settle();
        List<FullPull> warmPulls = new ArrayList<>();
        for (int i = 0; i < 3; i++) warmPulls.add(fullPull(http, caseload, new PullDevice(caseload.reader)));
        line("warm-up pulls: %s", warmPulls.stream().map(p -> String.format("%.0f ms", p.millis())).toList());
        db.resetStatements();
        c0 = cpu.read();
        List<FullPull> pulls = new ArrayList<>();
        PullDevice last = null;
        for (int i = 0; i < Math.max(1, opts.fullPulls()); i++) {
            last = new PullDevice(caseload.reader);
            FullPull p = fullPull(http, caseload, last);
            pulls.add(p);
            line("pull %d (fresh device): %,d changes in %d pages, %.0f ms (client-side unzip+parse %.0f ms), "
                            + "%s on the wire, %s uncompressed", i + 1, p.changes(), p.pages(), p.millis(), p.parseMillis(),
                    mb(p.wireBytes()), mb(p.rawBytes()));
        }
        cpuLine(cpu.since(c0), pulls.stream().mapToLong(FullPull::changes).sum(), "pulled change");
        statements("first pulls");
        FullPull median = pulls.stream().sorted((a, b) -> Double.compare(a.millis(), b.millis())).toList()
                .get(pulls.size() / 2);

        // ---- empty incremental pull ------------------------------------------------------------------------
        section("Empty incremental pull");
        Latencies emptyWarm = new Latencies(opts.emptyPullWarmup());
        long[] emptyWire = new long[1];
        emptyPulls(http, last, opts.emptyPullWarmup(), emptyWarm, emptyWire);
        settle();
        Latencies empty = new Latencies(opts.emptyPulls());
        emptyWire[0] = 0;
        db.resetStatements();
        c0 = cpu.read();
        emptyPulls(http, last, opts.emptyPulls(), empty, emptyWire);
        line("%d pulls with the checkpoint of pull %d (after %d warm-up): p50 %.2f ms, p99 %.2f ms, mean %.2f ms, "
                        + "%d bytes on the wire each", empty.count(), pulls.size(), opts.emptyPullWarmup(),
                empty.percentileMillis(50), empty.percentileMillis(99), empty.meanMillis(),
                emptyWire[0] / Math.max(1, empty.count()));
        cpuLine(cpu.since(c0), empty.count(), "empty pull");
        statements("empty pulls");
        double verifyMs = tokenVerification(last.worker.token());
        line("of which bearer token verification (ES256, TokenVerifier bean called directly): %.3f ms CPU per request",
                verifyMs);
        clientPool.shutdownNow();

        // ---- summary ---------------------------------------------------------------------------------------
        section("Summary");
        line("%d cores; PostgreSQL %s; total run %.0f s; load average %.2f at the end", cores, shortVersion(),
                (System.nanoTime() - t0) / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String fmt = "%-44s %-26s %-16s %s";
        line(fmt, "figure", "measured", "target", "reached");
        line(fmt, "push ingest (" + opts.devices() + " devices, " + opts.batchSize() + "/request)",
                String.format("%,.0f mutations/s", ingest.rate()), ">= 20,000/s", yes(ingest.rate() >= 20_000));
        line(fmt, "  per request p50 / p99", String.format("%.1f / %.1f ms", ingest.latencies().percentileMillis(50),
                ingest.latencies().percentileMillis(99)), "", "");
        line(fmt, "plain INSERT baseline (same rows)", String.format("%,.0f rows/s", base.rate()), "", "");
        line(fmt, "ingest / baseline", String.format("%.2f", ratio), ">= 0.4", yes(ratio >= 0.4));
        line(fmt, String.format("first pull, %d persons, %,d records", opts.caseloadPersons(), median.changes()),
                String.format("%.0f ms (median of %d)", median.millis(), pulls.size()), "<= 1 s",
                yes(median.millis() <= 1000));
        line(fmt, "  bytes on the wire (gzip) / uncompressed", mb(median.wireBytes()) + " / " + mb(median.rawBytes()),
                "<= 3 MB", yes(median.wireBytes() <= 3_000_000));
        line(fmt, "empty incremental pull p50 (p99)", String.format("%.2f ms (%.2f ms)", empty.percentileMillis(50),
                empty.percentileMillis(99)), "p50 <= 5 ms", yes(empty.percentileMillis(50) <= 5));
        int retried = ingest.retries().unavailable.get() + ingest.retries().transport.get();
        if (retried > 0) {
            line("NOTE: %d measured push requests had to be sent again (503 or transport failure); see above", retried);
        }
        if (!ingest.errors().isEmpty() || !warmIngest.errors().isEmpty()) {
            line("NOTE: %d push requests failed or were not fully applied; see above",
                    ingest.errors().size() + warmIngest.errors().size());
        }
        if (opts.hold() > 0) {
            line("");
            line("holding for %d s: %s (user %s)", opts.hold(), server.property("datasources.default.url"),
                    server.property("datasources.default.username"));
            Thread.sleep(opts.hold() * 1000L);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // push ingest

    /** One push request, gzipped ahead of time, and its rows (for the baseline). */
    private record Batch(byte[] gzipped, UUID[] ids, UUID[] persons, String[] bodies) {}

    private record DevicePlan(UUID deviceId, String token, List<Batch> warmup, List<Batch> measured) {}

    private List<DevicePlan> planIngest() throws IOException {
        long t = System.nanoTime();
        UUID team = server.team("Housing First Benchvik");
        int personsPerDevice = 5;
        List<DevicePlan> plans = new ArrayList<>();
        int warmBatches = opts.warmupMutations() <= 0 ? 0 : opts.batchesPerDevice(opts.warmupMutations());
        int measuredBatches = opts.batchesPerDevice(opts.mutations());
        long rawBytes = 0, gzBytes = 0;
        for (int d = 0; d < opts.devices(); d++) {
            BenchServer.Worker w = server.worker("Worker " + (d + 1), team);
            UUID[] persons = new UUID[personsPerDevice];
            for (int i = 0; i < personsPerDevice; i++) persons[i] = server.person("Person " + (d + 1) + "." + i, team, w.staffId());
            UUID deviceId = UUID.randomUUID();
            HlcClock clock = new HlcClock("dev-" + deviceId.toString().substring(0, 8), System::currentTimeMillis, Long.MAX_VALUE / 4);
            long[] seq = {0};
            List<Batch> warm = new ArrayList<>(), measured = new ArrayList<>();
            for (int b = 0; b < warmBatches + measuredBatches; b++) {
                List<Map<String, Object>> mutations = new ArrayList<>(opts.batchSize());
                UUID[] ids = new UUID[opts.batchSize()];
                UUID[] ps = new UUID[opts.batchSize()];
                String[] bodies = new String[opts.batchSize()];
                Instant now = Instant.now();
                for (int i = 0; i < opts.batchSize(); i++) {
                    ids[i] = workload.uuid7(System.currentTimeMillis());
                    ps[i] = persons[(b * opts.batchSize() + i) % personsPerDevice];
                    Map<String, Object> fields = workload.visit(workload.pastVisitTime(now));
                    bodies[i] = json.writeValueAsString(fields);
                    mutations.add(mutation(++seq[0], "visit", "create", ids[i], ps[i], null, clock.now().toString(), fields));
                }
                byte[] raw = json.writeValueAsBytes(request(deviceId, clock.now().toString(), mutations, null));
                byte[] gz = SyncHttp.gzip(raw);
                rawBytes += raw.length;
                gzBytes += gz.length;
                (b < warmBatches ? warm : measured).add(new Batch(gz, ids, ps, bodies));
            }
            plans.add(new DevicePlan(deviceId, w.token(), warm, measured));
        }
        long n = (long) plans.size() * (warmBatches + measuredBatches);
        line("prepared %,d requests in %.1f s: %,d bytes of JSON each on average, %,d gzipped", n,
                (System.nanoTime() - t) / 1e9, rawBytes / n, gzBytes / n);
        return plans;
    }

    /** Every device pushes its batches one after another, all devices at once; one request in flight per device. */
    private Ingest ingest(SyncHttp http, List<DevicePlan> plans, boolean warmup) throws InterruptedException {
        int total = plans.stream().mapToInt(p -> (warmup ? p.warmup : p.measured).size()).sum();
        Latencies latencies = new Latencies(total);
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger mutations = new AtomicInteger();
        Retries retries = new Retries();
        CountDownLatch done = new CountDownLatch(plans.size());
        long start = System.nanoTime();
        for (DevicePlan p : plans) {
            List<Batch> batches = warmup ? p.warmup : p.measured;
            if (batches.isEmpty()) {
                done.countDown();
            } else {
                push(http, p, batches, 0, 0, 0, latencies, errors, mutations, retries, done);
            }
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Ingest(mutations.get(), latencies.count(), seconds, latencies, errors, retries);
    }

    /** Retries of one phase: 503 answers (the protocol's "retry the same request") and transport failures. */
    private static final class Retries {
        final AtomicInteger unavailable = new AtomicInteger();
        final AtomicInteger transport = new AtomicInteger();
        final java.util.concurrent.ConcurrentHashMap<String, Integer> reasons = new java.util.concurrent.ConcurrentHashMap<>();
    }

    private static final java.util.concurrent.ScheduledExecutorService BACKOFF =
            Executors.newSingleThreadScheduledExecutor(daemon("bench-backoff"));

    /**
     * Sends batch {@code i} of a device; on success the next one. Like a real client, a 503 or a broken connection
     * is answered by sending the same request again after a short pause (the server stored it and judges it
     * exactly once); the request's latency runs from its first attempt to its answer.
     */
    private void push(SyncHttp http, DevicePlan p, List<Batch> batches, int i, int attempt, long firstSent,
                      Latencies latencies, List<String> errors, AtomicInteger mutations, Retries retries,
                      CountDownLatch done) {
        Batch b = batches.get(i);
        long t = attempt == 0 ? System.nanoTime() : firstSent;
        http.postAsync(p.token, b.gzipped).whenComplete((reply, failure) -> {
            boolean retry = attempt < 30 && (failure != null || reply.status() == 503);
            if (retry) {
                if (failure != null) {
                    retries.transport.incrementAndGet();
                    retries.reasons.merge(String.valueOf(failure.getCause() == null ? failure : failure.getCause()), 1, Integer::sum);
                } else {
                    retries.unavailable.incrementAndGet();
                    retries.reasons.merge("HTTP 503: " + head(reply.body()), 1, Integer::sum);
                }
                BACKOFF.schedule(() -> push(http, p, batches, i, attempt + 1, t, latencies, errors, mutations, retries,
                        done), 20L * (attempt + 1), java.util.concurrent.TimeUnit.MILLISECONDS);
                return;
            }
            latencies.add(System.nanoTime() - t);
            if (failure != null) {
                errors.add("device " + p.deviceId + ": " + failure);
            } else if (reply.status() != 200) {
                errors.add("device " + p.deviceId + ": HTTP " + reply.status() + " " + head(reply.body()));
            } else {
                int applied = SyncHttp.occurrences(reply.body(), APPLIED);
                if (applied != b.ids.length) {
                    errors.add("device " + p.deviceId + ": " + applied + " of " + b.ids.length + " applied: " + head(reply.body()));
                }
                mutations.addAndGet(applied);
            }
            if (i + 1 < batches.size()) {
                push(http, p, batches, i + 1, 0, 0, latencies, errors, mutations, retries, done);
            } else {
                done.countDown();
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // plain INSERT baseline

    private Baseline baseline(List<DevicePlan> plans, int threads, boolean warmup) throws Exception {
        List<List<DevicePlan>> perThread = new ArrayList<>();
        for (int t = 0; t < threads; t++) perThread.add(new ArrayList<>());
        for (int d = 0; d < plans.size(); d++) perThread.get(d % threads).add(plans.get(d));
        List<Connection> connections = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Connection c = db.connect(opts.baselineRewrite());
            c.setAutoCommit(false);
            connections.add(c);
        }
        Latencies latencies = new Latencies(1024);
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicInteger rows = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong clientCpu = new java.util.concurrent.atomic.AtomicLong();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Connection c = connections.get(t);
            List<DevicePlan> mine = perThread.get(t);
            Thread th = new Thread(() -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO bench_plain (id, person_id, body) VALUES (?, ?, ?::jsonb)")) {
                    ready.countDown();
                    go.await();
                    int rounds = mine.stream().mapToInt(p -> (warmup ? p.warmup : p.measured).size()).max().orElse(0);
                    for (int r = 0; r < rounds; r++) {
                        for (DevicePlan p : mine) {
                            List<Batch> batches = warmup ? p.warmup : p.measured;
                            if (r >= batches.size()) continue;
                            Batch b = batches.get(r);
                            long t0 = System.nanoTime();
                            for (int i = 0; i < b.ids.length; i++) {
                                ps.setObject(1, b.ids[i]);
                                ps.setObject(2, b.persons[i]);
                                ps.setString(3, b.bodies[i]);
                                ps.addBatch();
                            }
                            ps.executeBatch();
                            c.commit();
                            latencies.add(System.nanoTime() - t0);
                            rows.addAndGet(b.ids.length);
                        }
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    ready.countDown();
                } finally {
                    clientCpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                }
            }, "bench-baseline-" + t);
            th.start();
            workers.add(th);
        }
        ready.await();
        CpuMeter.Reading c0 = cpu.read();
        long start = System.nanoTime();
        go.countDown();
        for (Thread th : workers) th.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuMeter.Usage usage = cpu.since(c0, clientCpu.get()); // the workers were counted at c0 and have ended since
        for (Connection c : connections) c.close();
        if (failure.get() != null) throw failure.get();
        return new Baseline(rows.get(), seconds, latencies, usage);
    }

    // ---------------------------------------------------------------------------------------------------------
    // first pull

    private record Caseload(BenchServer.Worker reader, int records, int versions) {}

    /** A device of the caseload's worker that pulls: its id, clock and checkpoint. */
    private static final class PullDevice {
        final UUID id = UUID.randomUUID();
        final BenchServer.Worker worker;
        final HlcClock clock;
        String checkpoint;

        PullDevice(BenchServer.Worker worker) {
            this.worker = worker;
            this.clock = new HlcClock("dev-" + id.toString().substring(0, 8), System::currentTimeMillis, Long.MAX_VALUE / 4);
        }
    }

    /**
     * A worker's caseload of persons with five years of history each, written through the sync API by the worker's
     * (old) device in batches of up to 1000, in the order it was recorded.
     */
    private Caseload seedCaseload(SyncHttp http) throws IOException {
        long t = System.nanoTime();
        UUID team = server.team("Caseload team");
        BenchServer.Worker worker = server.worker("Caseload worker", team);
        Instant now = Instant.now();
        List<Workload.Step> steps = new ArrayList<>();
        for (int i = 0; i < opts.caseloadPersons(); i++) {
            UUID person = server.person("Caseload person " + (i + 1), team, worker.staffId());
            steps.addAll(workload.history(person, opts.visitsPerPerson(), now));
        }
        steps.sort((a, b) -> a.at().compareTo(b.at()));
        UUID deviceId = UUID.randomUUID();
        HlcClock clock = new HlcClock("dev-" + deviceId.toString().substring(0, 8), System::currentTimeMillis, Long.MAX_VALUE / 4);
        long seq = 0;
        int records = opts.caseloadPersons(); // the person records themselves
        Map<String, Integer> byEntity = new LinkedHashMap<>();
        for (int from = 0; from < steps.size(); from += 1000) {
            List<Workload.Step> chunk = steps.subList(from, Math.min(steps.size(), from + 1000));
            List<Map<String, Object>> mutations = new ArrayList<>();
            for (Workload.Step s : chunk) {
                mutations.add(mutation(++seq, s.entity(), s.op(), s.recordId(), s.personId(), s.baseVersion(),
                        clock.now().toString(), s.fields()));
                if (s.op().equals("create")) {
                    records++;
                    byEntity.merge(s.entity(), 1, Integer::sum);
                }
            }
            SyncHttp.Reply r = http.post(worker.token(), SyncHttp.gzip(json.writeValueAsBytes(
                    request(deviceId, clock.now().toString(), mutations, null))));
            int applied = r.status() == 200 ? SyncHttp.occurrences(r.body(), APPLIED) : 0;
            if (applied != chunk.size()) {
                throw new IllegalStateException("seeding the caseload: " + applied + " of " + chunk.size()
                        + " applied (HTTP " + r.status() + "): " + head(r.body()));
            }
        }
        int versions = steps.size() + opts.caseloadPersons();
        line("caseload: %d persons, %,d records (%,d versions) written through the sync API in %.1f s; creates by "
                + "type %s, plus %d person records", opts.caseloadPersons(), records, versions,
                (System.nanoTime() - t) / 1e9, byEntity, opts.caseloadPersons());
        return new Caseload(worker, records, versions);
    }

    /** A fresh device pulls everything: page after page until {@code more} is false. */
    private FullPull fullPull(SyncHttp http, Caseload caseload, PullDevice device) throws IOException {
        int changes = 0, pages = 0;
        long wire = 0, raw = 0;
        long parseNanos = 0;
        long start = System.nanoTime();
        boolean more = true;
        while (more) {
            SyncHttp.Reply r = http.post(device.worker.token(), pullRequest(device));
            long p0 = System.nanoTime();
            SyncResponse response = parse(r);
            parseNanos += System.nanoTime() - p0;
            pages++;
            wire += r.wireBytes();
            raw += r.body().length;
            List<Change> page = response.pull().changes();
            changes += page == null ? 0 : page.size();
            device.checkpoint = response.pull().checkpoint();
            more = response.pull().more();
            if (pages > 10_000) throw new IllegalStateException("the pull does not end");
        }
        double millis = (System.nanoTime() - start) / 1e6;
        if (changes < caseload.records()) {
            line("NOTE: the pull delivered %,d changes, fewer than the %,d records written", changes, caseload.records());
        }
        return new FullPull(changes, pages, millis, wire, raw, parseNanos / 1e6);
    }

    private void emptyPulls(SyncHttp http, PullDevice device, int n, Latencies latencies, long[] wire) throws IOException {
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            SyncHttp.Reply r = http.post(device.worker.token(), pullRequest(device));
            SyncResponse response = parse(r);
            latencies.add(System.nanoTime() - t);
            wire[0] += r.wireBytes();
            List<Change> changes = response.pull().changes();
            if ((changes != null && !changes.isEmpty()) || response.pull().more()) {
                throw new IllegalStateException("an empty pull returned changes: " + head(r.body()));
            }
            device.checkpoint = response.pull().checkpoint();
        }
    }

    /**
     * Before a measured phase: a CHECKPOINT (so no phase pays for the previous one's dirty pages), then wait until the
     * JIT has compiled what the warm-up queued (no compilation finished for 2 s, at most 90 s). On a busy 2-core machine the
     * C2 compiler otherwise keeps running well into the measured phase and takes half its CPU.
     */
    private void settle() throws SQLException, InterruptedException {
        db.execute("CHECKPOINT");
        var jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) return;
        long start = System.nanoTime();
        long last = jit.getTotalCompilationTime();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - start < 90_000_000_000L) {
            Thread.sleep(100);
            long now = jit.getTotalCompilationTime();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= 2_000_000_000L) {
                break;
            }
        }
        line("(settled: CHECKPOINT, and the JIT quiet for 2 s, after %.1f s)", (System.nanoTime() - start) / 1e9);
    }

    /** CPU per call of the server's token verification, which every request pays before anything else. */
    private double tokenVerification(String token) throws Exception {
        var verifier = server.bean(no.tettpa.backend.auth.TokenVerifier.class);
        var threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 300; i++) verifier.verify(token);
        int n = 1000;
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) verifier.verify(token);
        return (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / n;
    }

    private byte[] pullRequest(PullDevice device) throws IOException {
        Map<String, Object> pull = new LinkedHashMap<>();
        if (device.checkpoint != null) pull.put("checkpoint", device.checkpoint);
        return SyncHttp.gzip(json.writeValueAsBytes(request(device.id, device.clock.now().toString(), List.of(), pull)));
    }

    private SyncResponse parse(SyncHttp.Reply r) throws IOException {
        if (r.status() != 200) throw new IllegalStateException("HTTP " + r.status() + ": " + head(r.body()));
        return json.readValue(r.body(), SyncResponse.class);
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    /** What the phase cost in CPU, per unit of work, and the rate that cost allows on this machine's cores. */
    private void cpuLine(CpuMeter.Usage u, long units, String unit) {
        if (units <= 0) return;
        boolean pg = !Double.isNaN(u.postgres());
        double perUnitMs = 1000.0 * (u.server() + u.client() + (pg ? u.postgres() : 0)) / units;
        line("CPU: server JVM %.2f s (request threads %.2f s, GC/JIT/other %.2f s), client %.2f s, PostgreSQL %s, "
                        + "over %.2f s wall (%s–%s UTC); other processes took %.0f%% of the machine", u.server(),
                u.requests(), Math.max(0, u.server() - u.requests()), u.client(),
                pg ? String.format("%.2f s", u.postgres()) : "n/a", u.wall(), utc(u.fromEpochMillis()),
                utc(u.toEpochMillis()), 100 * u.othersShare());
        line("     JIT compiling %.2f s, GC pauses %.2f s during the phase", u.jit(), u.gcPauses());
        double steadyMs = 1000.0 * (u.requests() + u.client() + (pg ? u.postgres() : 0)) / units;
        line("     per %s: server %.3f ms (request threads %.3f ms), client %.3f ms, PostgreSQL %s ms of CPU; "
                        + "%d cores to ourselves would allow at most %,.0f %ss/s (%,.0f/s once JIT and GC are done)",
                unit, 1000 * u.server() / units, 1000 * u.requests() / units, 1000 * u.client() / units,
                pg ? String.format("%.3f", 1000 * u.postgres() / units) : "n/a", u.cores(),
                u.cores() * 1000 / perUnitMs, unit, u.cores() * 1000 / steadyMs);
    }

    private static String utc(long epochMillis) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(epochMillis));
    }

    private void statements(String phase) throws SQLException {
        if (!db.statements()) return;
        line("top statements of the measured %s (pg_stat_statements):", phase);
        for (String s : db.topStatements(12)) line("  %s", s);
    }

    static Map<String, Object> mutation(long seq, String entity, String op, UUID recordId, UUID personId, Long baseVersion,
                                        String hlc, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("entity", entity);
        m.put("op", op);
        m.put("recordId", recordId.toString());
        m.put("personId", personId.toString());
        if (baseVersion != null) m.put("baseVersion", baseVersion);
        m.put("hlc", hlc);
        if (fields != null) m.put("fields", fields);
        return m;
    }

    static Map<String, Object> request(UUID deviceId, String clientHlc, List<Map<String, Object>> mutations,
                                       Map<String, Object> pull) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("protocolVersion", 1);
        r.put("schemaVersion", 2);
        r.put("deviceId", deviceId.toString());
        r.put("clientHlc", clientHlc);
        r.put("appVersion", "tettpa-bench");
        if (!mutations.isEmpty()) r.put("mutations", mutations);
        if (pull != null) r.put("pull", pull);
        return r;
    }

    private String shortVersion() {
        try {
            for (String[] s : db.settings()) {
                if (s[0].equals("version")) {
                    String[] parts = s[1].split(" ");
                    return parts.length > 1 ? parts[1] : s[1];
                }
            }
        } catch (SQLException ignored) {
            // printed at the start anyway
        }
        return "?";
    }

    private static String fileSystem(Path p) {
        try {
            return Files.getFileStore(p).type();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void reportRetries(Ingest i) {
        int n = i.retries().unavailable.get() + i.retries().transport.get();
        if (n == 0) return;
        line("  %d requests sent again (%d answered 503, %d transport failures); reasons:", n,
                i.retries().unavailable.get(), i.retries().transport.get());
        i.retries().reasons.forEach((reason, count) -> line("    %4d × %s", count, reason));
    }

    private static void reportErrors(List<String> errors) {
        errors.stream().limit(5).forEach(e -> line("  error: %s", e));
        if (errors.size() > 5) line("  … and %d more errors", errors.size() - 5);
    }

    private static String head(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    private static String mb(long bytes) {
        return String.format("%.2f MB", bytes / 1e6);
    }

    private static String yes(boolean reached) {
        return reached ? "yes" : "NO";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void section(String title) {
        line("");
        line("== %s", title);
    }

    static void line(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(format, args));
        System.out.flush();
    }
}
