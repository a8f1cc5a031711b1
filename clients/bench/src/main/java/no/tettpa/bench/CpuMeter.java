package no.tettpa.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the CPU went during a phase: this JVM (split into the bench's client threads and the rest, which is the
 * server; of the server, its request threads — Netty's event loops and the blocking pool — as opposed to GC, JIT and
 * housekeeping), PostgreSQL (the postmaster and all its children, read from /proc, when the server runs on this
 * machine), and everything else on the machine. On a shared machine throughput depends on what the neighbours
 * do; CPU time per mutation does not, so the bench reports both.
 */
final class CpuMeter {
    /** A reading; times in nanoseconds of CPU (or of wall clock for {@code wall}). */
    record Reading(long wall, long jvm, long client, long requests, long postgres, long machineBusy, long epochMillis,
                   long jitMillis, long gcMillis) {}

    /** What a phase used, in core-seconds. */
    record Usage(double wall, double server, double requests, double client, double postgres, double others, int cores,
                 long fromEpochMillis, long toEpochMillis, double jit, double gcPauses) {
        double total() {
            return server + client + postgres;
        }

        /** Share of the machine's capacity that processes other than the bench and its PostgreSQL took. */
        double othersShare() {
            return wall <= 0 ? 0 : others / (wall * cores);
        }
    }

    private static final long TICK_NANOS = 1_000_000_000L / clockTicks();

    private final long postmasterPid;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** @param postmasterPid PostgreSQL's postmaster on this machine, or -1 when unknown (a remote server) */
    CpuMeter(long postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    long postmasterPid() {
        return postmasterPid;
    }

    /** The parent of a process (a PostgreSQL backend's parent is the postmaster), or -1. */
    static long parentOf(long pid) {
        long[] s = stat(pid);
        return s == null ? -1 : s[0];
    }

    Reading read() {
        long client = 0, requests = 0;
        for (long id : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(id);
            if (info == null) continue;
            String name = info.getThreadName();
            long t = threads.getThreadCpuTime(id);
            if (t <= 0) continue;
            if (name.startsWith("bench-") || name.startsWith("HttpClient-")) {
                client += t;
            } else if (name.startsWith("blocking-executor") || name.startsWith("default-eventLoopGroup")
                    || name.startsWith("io-executor")) {
                requests += t; // the server's request path: Netty event loops and the blocking pool
            }
        }
        return new Reading(System.nanoTime(), os.getProcessCpuTime(), client, requests,
                postgresTicks() * TICK_NANOS, machineBusyTicks() * TICK_NANOS, System.currentTimeMillis(), jitMillis(),
                gcMillis());
    }

    Usage since(Reading a) {
        return since(a, 0);
    }

    /** @param endedClientNanos CPU of client threads that ended during the phase (not seen by {@link #read}) */
    Usage since(Reading a, long endedClientNanos) {
        Reading b = read();
        double wall = (b.wall() - a.wall()) / 1e9;
        double jvm = (b.jvm() - a.jvm()) / 1e9;
        double client = Math.max(0, (b.client() - a.client() + endedClientNanos) / 1e9);
        double pg = postmasterPid > 0 ? (b.postgres() - a.postgres()) / 1e9 : Double.NaN;
        double busy = (b.machineBusy() - a.machineBusy()) / 1e9;
        double others = Math.max(0, busy - jvm - (Double.isNaN(pg) ? 0 : pg));
        double requests = Math.max(0, (b.requests() - a.requests()) / 1e9);
        return new Usage(wall, Math.max(0, jvm - client), requests, client, pg, others,
                Runtime.getRuntime().availableProcessors(), a.epochMillis(), b.epochMillis(),
                (b.jitMillis() - a.jitMillis()) / 1e3, (b.gcMillis() - a.gcMillis()) / 1e3);
    }

    /** Time the JIT compilers spent compiling so far (wall time of compilations, summed over compiler threads). */
    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Time of garbage collections so far, as the collectors report it (G1: the pauses). */
    private static long gcMillis() {
        long t = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) t += Math.max(0, gc.getCollectionTime());
        return t;
    }

    /** utime + stime of the postmaster, its live children, and its reaped children (cutime + cstime). */
    private long postgresTicks() {
        if (postmasterPid <= 0) return 0;
        long total = 0;
        long[] pm = stat(postmasterPid);
        if (pm != null) total += pm[1] + pm[2] + pm[3] + pm[4];
        try (var dirs = Files.list(Path.of("/proc"))) {
            List<Path> procs = new ArrayList<>();
            dirs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(procs::add);
            for (Path p : procs) {
                long[] s = stat(Long.parseLong(p.getFileName().toString()));
                if (s != null && s[0] == postmasterPid) total += s[1] + s[2];
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    /** ppid, utime, stime, cutime, cstime of a process, or null. */
    private static long[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                    Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long machineBusyTicks() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) total += Long.parseLong(f[i]); // up to steal
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return total - idle;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (Exception e) {
            return 100;
        }
    }
}
