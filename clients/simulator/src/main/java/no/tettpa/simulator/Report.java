package no.tettpa.simulator;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a simulation did and found; {@link #passed()} decides the exit code. */
record Report(SimulationConfig config, int skewedDevices, int persons, Stats stats, Map<String, Long> faults,
              Map<String, Long> conflicts, LedgerCheck.Result ledger, List<String> divergence, int converged,
              long seconds) {

    boolean passed() {
        return ledger.lost().isEmpty() && divergence.isEmpty();
    }

    private static String counts(Map<String, Long> m) {
        return m.isEmpty() ? "none" : m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    void print(PrintStream out) {
        SimulationConfig c = config;
        long refused = stats.refused().values().stream().mapToLong(Long::longValue).sum();
        out.println("Tettpå sync simulation (seed " + c.seed() + ", server "
                + (c.inProcess() ? "in-process" : "process " + c.serverJar())
                + ")");
        out.printf("  devices          %d (%d workers in %d teams, %d persons; %d devices with clocks 1-6 h off)%n",
                c.devices(), c.workers(), c.teams(), persons, skewedDevices);
        out.printf("  operations       %d (%d mutations queued; %d refused on the device: %s)%n",
                stats.operations.get(), stats.mutations.get(), refused, counts(stats.refused()));
        out.println("  by kind          " + counts(stats.kinds()));
        out.printf("  syncs            %d (failed, retried later: %s)%n", stats.syncs.get(), counts(stats.syncFailures()));
        out.println("  outcomes         " + counts(stats.outcomes()));
        out.println("  conflicts        " + counts(conflicts));
        out.println("  faults injected  " + counts(faults));
        out.printf("  values written   %d: %s%n", ledger.values(), counts(ledger.accounted()));
        out.println("  lost             " + ledger.lost().size());
        ledger.lost().stream().limit(20).forEach(l -> out.println("    " + l));
        out.printf("  converged        %s (%d of %d devices)%n", divergence.isEmpty() ? "yes" : "NO", converged, c.devices());
        divergence.stream().limit(20).forEach(l -> out.println("    " + l));
        out.printf("  time             %d s%n", seconds);
        out.println(passed() ? "PASSED" : "FAILED");
    }
}
