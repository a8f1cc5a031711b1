package no.tettpa.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters the devices keep while they run: operations, local refusals, syncs, outcomes. */
final class Stats {
    final AtomicLong operations = new AtomicLong();
    final AtomicLong mutations = new AtomicLong();
    final AtomicLong syncs = new AtomicLong();
    final AtomicLong changesReceived = new AtomicLong();
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> syncFailures = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();

    private static void add(Map<String, AtomicLong> m, String key, long n) {
        m.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(n);
    }

    void refused(String code) {
        add(refused, code, 1);
    }

    void outcome(String status, long n) {
        add(outcomes, status, n);
    }

    void syncFailed(String kind) {
        add(syncFailures, kind, 1);
    }

    void kind(String kind) {
        add(kinds, kind, 1);
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    Map<String, Long> refused() {
        return snapshot(refused);
    }

    Map<String, Long> outcomes() {
        return snapshot(outcomes);
    }

    Map<String, Long> syncFailures() {
        return snapshot(syncFailures);
    }

    Map<String, Long> kinds() {
        return snapshot(kinds);
    }
}
