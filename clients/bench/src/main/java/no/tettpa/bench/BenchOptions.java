package no.tettpa.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bench's knobs. Each is read from {@code --name=value} on the command line, else the system property
 * {@code bench.name}, else the default (chosen so the whole run takes a few minutes on 2 cores).
 */
public record BenchOptions(
        int devices,
        int clientThreads,
        int batchSize,
        int mutations,
        int warmupMutations,
        int baselineThreads,
        boolean baselineRewrite,
        int caseloadPersons,
        int visitsPerPerson,
        int fullPulls,
        int emptyPulls,
        int emptyPullWarmup,
        long seed,
        boolean statements,
        int hold,
        String synchronousCommit) {

    static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put("devices", "48: concurrent devices pushing (one request in flight each)");
        HELP.put("clientThreads", "4: threads of the HTTP client that drive all devices");
        HELP.put("batchSize", "100: visits per push request (at most 1000)");
        HELP.put("mutations", "96000: measured push mutations in all (rounded up to whole batches per device)");
        HELP.put("warmupMutations", "24000: push mutations sent before measuring (same devices)");
        HELP.put("baselineThreads", "same as devices: concurrent JDBC writers in the plain INSERT baseline");
        HELP.put("baselineRewrite", "false: pgjdbc reWriteBatchedInserts (multi-row INSERT) in the baseline");
        HELP.put("caseloadPersons", "40: persons in the pulled caseload");
        HELP.put("visitsPerPerson", "320: visits per person over five years (~15,000 records in all)");
        HELP.put("fullPulls", "5: measured first pulls, each by a fresh device (after 3 warm-up pulls)");
        HELP.put("emptyPulls", "500: measured empty incremental pulls");
        HELP.put("emptyPullWarmup", "1000: empty pulls before measuring (per-request code reaches C2 only after thousands of calls)");
        HELP.put("seed", "20261123: random seed of the generated records");
        HELP.put("statements", "false: load pg_stat_statements and print the top statements of each measured phase "
                + "(embedded: the bench then starts PostgreSQL itself with DatabaseBootstrap's settings plus the library)");
        HELP.put("synchronousCommit", "(the server's): set synchronous_commit (on, off, ...) with ALTER SYSTEM on the "
                + "bench's database server before the run (only for a server the bench owns or may change)");
        HELP.put("hold", "0: seconds to keep the server and database up after the run, for a look with psql");
    }

    public static BenchOptions parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                given.put("help", "true");
                continue;
            }
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + a);
            }
            String name = a.substring(2, a.indexOf('='));
            if (!HELP.containsKey(name)) throw new IllegalArgumentException("unknown option --" + name);
            given.put(name, a.substring(a.indexOf('=') + 1));
        }
        if (given.containsKey("help")) {
            StringBuilder sb = new StringBuilder("options (--name=value or -Dbench.name=value), with defaults:\n");
            HELP.forEach((k, v) -> sb.append(String.format("  %-18s %s%n", k, v)));
            throw new HelpRequested(sb.toString());
        }
        int devices = intOpt(given, "devices", 48);
        int batch = intOpt(given, "batchSize", 100);
        if (batch < 1 || batch > 1000) throw new IllegalArgumentException("batchSize must be 1..1000");
        if (devices < 1) throw new IllegalArgumentException("devices must be at least 1");
        return new BenchOptions(
                devices,
                intOpt(given, "clientThreads", 4),
                batch,
                intOpt(given, "mutations", 96_000),
                intOpt(given, "warmupMutations", 24_000),
                intOpt(given, "baselineThreads", devices),
                Boolean.parseBoolean(opt(given, "baselineRewrite", "false")),
                intOpt(given, "caseloadPersons", 40),
                intOpt(given, "visitsPerPerson", 320),
                intOpt(given, "fullPulls", 5),
                intOpt(given, "emptyPulls", 500),
                intOpt(given, "emptyPullWarmup", 1000),
                Long.parseLong(opt(given, "seed", "20261123")),
                Boolean.parseBoolean(opt(given, "statements", "false")),
                intOpt(given, "hold", 0),
                opt(given, "synchronousCommit", null));
    }

    /** Batches each device sends for {@code total} mutations (at least one). */
    public int batchesPerDevice(int total) {
        long perRound = (long) devices * batchSize;
        return (int) Math.max(1, (total + perRound - 1) / perRound);
    }

    private static String opt(Map<String, String> given, String name, String fallback) {
        String v = given.get(name);
        if (v == null) v = System.getProperty("bench." + name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static int intOpt(Map<String, String> given, String name, int fallback) {
        return Integer.parseInt(opt(given, name, String.valueOf(fallback)).replace("_", ""));
    }

    /** --help: the text to print. */
    public static final class HelpRequested extends RuntimeException {
        public HelpRequested(String text) {
            super(text, null, false, false);
        }
    }
}
