package no.tettpa.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** How many faults of each kind were injected, for the report. */
final class FaultLog {
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    void count(String kind) {
        counts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    void add(String kind, long n) {
        counts.computeIfAbsent(kind, k -> new AtomicLong()).addAndGet(n);
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
