package no.tettpa.simulator;

import no.tettpa.client.SyncTransport;
import no.tettpa.client.TokenSupplier;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;

/**
 * When and how faults strike, by the run's progress: server kills (struck while a push is in flight), PostgreSQL
 * restarts, persons moved between teams (evictions and backfills), and old requests replayed. Turned off for the
 * final sync.
 */
final class FaultPlan {
    /** Something to do once the run has come this far. */
    private record Event(double at, String kind, Runnable action) {}

    private final SimulationConfig config;
    private final FaultLog faults;
    private final Random random;
    private final List<Event> events = new ArrayList<>();
    private final List<byte[]> replayBodies = new ArrayList<>();
    private final List<TokenSupplier> replayTokens = new ArrayList<>();
    private final AtomicBoolean active = new AtomicBoolean(true);
    private final AtomicInteger armedKills = new AtomicInteger();
    private final ReentrantLock serverLifecycle = new ReentrantLock();
    private Server server;
    private SyncTransport network;

    FaultPlan(SimulationConfig config, FaultLog faults) {
        this.config = config;
        this.faults = faults;
        this.random = new Random(config.seed() * 31 + 7);
    }

    FaultLog faults() {
        return faults;
    }

    boolean active() {
        return active.get();
    }

    double replayRate() {
        return config.replayRate();
    }

    double duplicateRate() {
        return config.duplicateRate();
    }

    void schedule(double at, String kind, Runnable action) {
        events.add(new Event(at, kind, action));
    }

    /** Kills the server while pushes are in flight, {@code n} times, spread over the run. */
    void scheduleServerKills(Server s, int n) {
        this.server = s;
        for (int i = 0; i < n; i++) {
            schedule((i + 1.0) / (n + 1) * 0.9, "server kill armed", armedKills::incrementAndGet);
        }
    }

    void replayThrough(SyncTransport transport) {
        this.network = transport;
    }

    /** Runs the plan until {@code progress} reaches 1 or the plan is stopped. */
    Thread start(DoubleSupplier progress) {
        Thread t = new Thread(() -> {
            List<Event> left = new ArrayList<>(events);
            left.sort(java.util.Comparator.comparingDouble(Event::at));
            while (active.get() && progress.getAsDouble() < 1.0) {
                double p = progress.getAsDouble();
                while (!left.isEmpty() && left.get(0).at() <= p && active.get()) {
                    Event e = left.remove(0);
                    try {
                        e.action().run();
                    } catch (RuntimeException failure) {
                        faults.count(e.kind() + " failed");
                        System.err.println("fault '" + e.kind() + "' failed: " + failure);
                    }
                }
                if (network != null && random.nextInt(5) == 0) replayOne();
                sleep(100);
            }
        }, "fault-plan");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A device is sending mutations now: if a kill is armed, it strikes in the next few milliseconds. */
    void pushInFlight() {
        if (!active.get() || server == null || armedKills.get() == 0) return;
        if (armedKills.getAndUpdate(k -> Math.max(0, k - 1)) == 0) return;
        Thread t = new Thread(() -> {
            try {
                killAndRestart();
            } catch (RuntimeException e) {
                faults.count("server restart failed");
                System.err.println("the server could not be restarted: " + e);
            }
        }, "server-killer");
        t.setDaemon(true);
        t.start();
    }

    private void killAndRestart() {
        serverLifecycle.lock();
        try {
            if (!active.get()) return;
            sleep(random.nextInt(40));
            server.kill();
            faults.count(server.killKind());
            sleep(500 + random.nextInt(2000));
            startServer();
        } finally {
            serverLifecycle.unlock();
        }
    }

    /** Starts the server again, retrying while it cannot (PostgreSQL may be restarting at the same moment). */
    private void startServer() {
        for (int attempt = 1; ; attempt++) {
            try {
                server.start();
                return;
            } catch (RuntimeException e) {
                faults.count("server start retried");
                server.kill();
                if (attempt == 60) throw new IllegalStateException("the server did not start again", e);
                sleep(1000);
            }
        }
    }

    void keepForReplay(byte[] body, TokenSupplier tokens) {
        synchronized (replayBodies) {
            if (replayBodies.size() >= 200) {
                int i = random.nextInt(replayBodies.size());
                replayBodies.set(i, body);
                replayTokens.set(i, tokens);
            } else {
                replayBodies.add(body);
                replayTokens.add(tokens);
            }
        }
    }

    /** Sends an earlier request again, as a network that duplicates and delays packets does; the answer is dropped. */
    private void replayOne() {
        byte[] body;
        TokenSupplier tokens;
        synchronized (replayBodies) {
            if (replayBodies.isEmpty()) return;
            int i = random.nextInt(replayBodies.size());
            body = replayBodies.get(i);
            tokens = replayTokens.get(i);
        }
        try {
            var answer = network.post(body, tokens.token());
            faults.count("old request replayed (answer " + answer.status() + ")");
        } catch (IOException | RuntimeException e) {
            faults.count("old request replayed (no answer)");
        }
    }

    /** Stops injecting and waits for a server restart in progress, so the final sync sees a running server. */
    void stop() {
        active.set(false);
        armedKills.set(0);
        serverLifecycle.lock();
        serverLifecycle.unlock();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
