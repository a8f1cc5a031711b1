package no.tettpa.bench;

import java.util.Arrays;

/** Request latencies in nanoseconds, recorded from many threads; percentiles by the nearest-rank method. */
public final class Latencies {
    private long[] values;
    private int size;

    public Latencies(int expected) {
        values = new long[Math.max(16, expected)];
    }

    public synchronized void add(long nanos) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = nanos;
    }

    public synchronized int count() {
        return size;
    }

    /** The p-th percentile (0 < p <= 100) in milliseconds, nearest rank; NaN when empty. */
    public synchronized double percentileMillis(double p) {
        if (size == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.min(size, Math.max(1, rank)) - 1] / 1e6;
    }

    public synchronized double meanMillis() {
        if (size == 0) return Double.NaN;
        double sum = 0;
        for (int i = 0; i < size; i++) sum += values[i];
        return sum / size / 1e6;
    }

    public synchronized double maxMillis() {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) max = Math.max(max, values[i]);
        return size == 0 ? Double.NaN : max / 1e6;
    }
}
