package no.tettpa.simulator;

import no.tettpa.backend.demo.DemoData;
import no.tettpa.client.AttentionItem;
import no.tettpa.client.HttpSyncTransport;
import no.tettpa.client.SyncTransport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One run: a database and a server of its own, a chaos proxy in front, the seeded people, the devices working
 * concurrently while faults strike, then a final sync of every device with faults off, and the checks.
 */
final class Simulation {
    private final SimulationConfig config;
    private final FaultLog faults = new FaultLog();
    private final Stats stats = new Stats();
    private final Ledger ledger = new Ledger();

    Simulation(SimulationConfig config) {
        this.config = config;
    }

    Report run() throws Exception {
        long started = System.nanoTime();
        Path work = config.workDirectory() != null ? Files.createDirectories(config.workDirectory())
                : Files.createTempDirectory("tettpa-sim");
        try (EmbeddedDatabase db = new EmbeddedDatabase(work.resolve("db"), freePort())) {
            db.start();
            int serverPort = freePort();
            Server server = config.inProcess() ? new InProcessServer(db, work.resolve("server"), serverPort)
                    : new JarServer(config.serverJar(), work, db, serverPort);
            server.start();
            ExecutorService pool = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "sim-pool");
                t.setDaemon(true);
                return t;
            });
            try (ChaosProxy proxy = new ChaosProxy(serverPort, config.cutRate(), faults, config.seed())) {
                Seeder.World world = new Seeder(db, server.uri()).seed(config.teams(), config.workers(), config.personsPerTeam());
                FaultPlan plan = new FaultPlan(config, faults);
                SyncTransport network = new HttpSyncTransport(URI.create("http://127.0.0.1:" + proxy.port() + "/"),
                        Duration.ofSeconds(30));
                List<SimDevice> devices = devices(world, work, server, network, plan, pool);
                for (SimDevice d : devices) d.sync(10);

                schedule(plan, server, db, world);
                plan.replayThrough(network);
                work(devices, plan);
                plan.stop();
                proxy.cutRate(0);
                finalSync(devices);
                Report report = check(devices, db, world, started);
                devices.forEach(SimDevice::close);
                return report;
            } finally {
                pool.shutdownNow();
                server.kill();
            }
        }
    }

    private List<SimDevice> devices(Seeder.World world, Path work, Server server, SyncTransport network, FaultPlan plan,
                                    ExecutorService pool) throws IOException {
        Files.createDirectories(work.resolve("devices"));
        Random random = new Random(config.seed());
        Map<UUID, DevIssuerTokens> tokens = new HashMap<>();
        List<SimDevice> devices = new ArrayList<>();
        for (int i = 0; i < config.devices(); i++) {
            Seeder.Worker worker = world.workers().get(i % world.workers().size());
            DevIssuerTokens t = tokens.computeIfAbsent(worker.staffId(), id -> new DevIssuerTokens(server.uri(), worker.subject()));
            long skew = 0;
            if (random.nextDouble() < config.skewedDevices()) {
                skew = (random.nextBoolean() ? 1 : -1) * Duration.ofMinutes(60 + random.nextInt(300)).toMillis();
            }
            SyncTransport transport = new FaultInjectingTransport(network, plan, t, pool, config.seed() * 1000 + i);
            devices.add(new SimDevice(i, worker, skew, work.resolve("devices/device-" + i + ".db"), transport, t, ledger,
                    stats, faults, config.seed() * 7919 + i));
        }
        return devices;
    }

    private void schedule(FaultPlan plan, Server server, EmbeddedDatabase db, Seeder.World world) {
        plan.scheduleServerKills(server, config.serverKills());
        for (int i = 0; i < config.databaseRestarts(); i++) {
            plan.schedule((i + 0.6) / config.databaseRestarts() * 0.8, "postgres restart", () -> {
                db.restart();
                faults.count("postgres restarted under load");
            });
        }
        Random random = new Random(config.seed() + 99);
        for (int i = 0; i < config.scopeChanges(); i++) {
            Seeder.Person person = world.persons().get(random.nextInt(world.persons().size()));
            double at = 0.2 + 0.5 * i / Math.max(1, config.scopeChanges());
            plan.schedule(at, "scope change", () -> moveTo(db, world, person.id(), DemoData.TEAM_BOVEILEDNING, "person moved away (eviction)"));
            plan.schedule(at + 0.25, "scope change back", () -> moveTo(db, world, person.id(), person.teamId(), "person moved back (backfill)"));
        }
    }

    /** Moves a person to another team, as a team leader handing over a case would; retried while PostgreSQL restarts. */
    private void moveTo(EmbeddedDatabase db, Seeder.World world, UUID person, UUID team, String kind) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Connection c = db.connect()) {
                Seeder.sql(c, "UPDATE person SET team_id = ? WHERE municipality_id = ? AND id = ?", team, world.municipality(), person);
                faults.count(kind);
                return;
            } catch (Exception e) {
                sleep(200);
            }
        }
    }

    private void work(List<SimDevice> devices, FaultPlan plan) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        Thread planner = plan.start(() -> (double) done.get() / config.operations());
        List<Thread> threads = new ArrayList<>();
        for (SimDevice d : devices) {
            int share = config.operations() / devices.size() + (d.index < config.operations() % devices.size() ? 1 : 0);
            Thread t = new Thread(() -> {
                for (int i = 0; i < share; i++) {
                    d.operate();
                    done.incrementAndGet();
                }
            }, "device-" + d.index);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        planner.join(5_000);
    }

    /** Every device syncs until nothing is pending and nothing new arrives, with the faults off. */
    private void finalSync(List<SimDevice> devices) {
        for (int pass = 0; pass < 6; pass++) {
            long before = stats.changesReceived.get() + stats.outcomes().values().stream().mapToLong(Long::longValue).sum();
            boolean complete = true;
            for (SimDevice d : devices) complete &= d.sync(10);
            long after = stats.changesReceived.get() + stats.outcomes().values().stream().mapToLong(Long::longValue).sum();
            if (complete && after == before) return;
        }
    }

    private Report check(List<SimDevice> devices, EmbeddedDatabase db, Seeder.World world, long started) throws Exception {
        ServerSnapshot server;
        try (Connection c = db.connect()) {
            server = ServerSnapshot.read(c, world.municipality());
        }
        List<String> divergence = new ArrayList<>();
        int converged = 0;
        Map<UUID, Set<Long>> kept = new HashMap<>();
        for (SimDevice d : devices) {
            List<String> problems = ConvergenceCheck.check(d, server);
            divergence.addAll(problems);
            if (problems.isEmpty()) converged++;
            kept.put(d.id(), d.client().needsAttention().stream().filter(a -> "rejected".equals(a.kind()))
                    .map(AttentionItem::seq).collect(Collectors.toSet()));
        }
        LedgerCheck.Result ledgerResult = LedgerCheck.check(ledger, server, kept);
        int skewed = (int) devices.stream().filter(d -> d.clockSkewMillis != 0).count();
        faults.add("device clocks skewed", skewed);
        return new Report(config, skewed, world.persons().size(), stats, faults.snapshot(), server.conflictCounts(),
                ledgerResult, divergence, converged, (System.nanoTime() - started) / 1_000_000_000L);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
