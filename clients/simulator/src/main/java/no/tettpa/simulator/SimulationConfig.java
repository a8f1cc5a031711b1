package no.tettpa.simulator;

import java.nio.file.Path;

/**
 * One simulation's size and faults.
 *
 * @param serverJar        null for the server in this JVM; else {@code tettpa.jar}, run as a separate process
 * @param workDirectory    where the databases, device files and the server's log go; null for a temporary one
 * @param cutRate          about the share of requests or answers the proxy cuts
 * @param duplicateRate    the share of requests sent twice at once
 * @param replayRate       the share of requests kept to be sent again later
 * @param skewedDevices    the share of devices whose wall clock is hours off
 * @param serverKills      how many times the server is killed mid-push and restarted
 * @param databaseRestarts how many times PostgreSQL is restarted under load
 * @param scopeChanges     how many persons are moved to another team (and later back): evictions and backfills
 */
record SimulationConfig(int devices, int workers, int teams, int personsPerTeam, int operations, long seed,
                        Path serverJar, Path workDirectory, double cutRate, double duplicateRate, double replayRate,
                        double skewedDevices, int serverKills, int databaseRestarts, int scopeChanges) {

    static final String USAGE = """
            usage: SimulatorMain [--in-process | --server-jar backend/target/tettpa.jar] [--devices N] [--workers N]
                                 [--teams N] [--persons-per-team N] [--operations N] [--seed N] [--work-dir DIR]
                                 [--server-kills N] [--db-restarts N] [--scope-changes N] [--no-faults]""";

    boolean inProcess() {
        return serverJar == null;
    }

    /** A few devices and a few hundred operations, every kind of fault once. */
    static Builder small() {
        return new Builder();
    }

    /** The command-line options, on top of {@link #small()}; every one is optional. */
    static SimulationConfig parse(String[] args) {
        Builder b = small();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--in-process" -> b.serverJar = null;
                case "--no-faults" -> b.noFaults();
                default -> {
                    if (i + 1 >= args.length) throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
                    b.set(option, args[++i]);
                }
            }
        }
        return b.build();
    }

    /** Mutable while options are read. */
    static final class Builder {
        int devices = 4;
        int workers = 2;
        int teams = 1;
        int personsPerTeam = 3;
        int operations = 300;
        long seed = 1;
        Path serverJar;
        Path workDirectory;
        double cutRate = 0.15;
        double duplicateRate = 0.05;
        double replayRate = 0.05;
        double skewedDevices = 0.25;
        int serverKills = 1;
        int databaseRestarts = 1;
        int scopeChanges = 1;

        void noFaults() {
            cutRate = 0;
            duplicateRate = 0;
            replayRate = 0;
            skewedDevices = 0;
            serverKills = 0;
            databaseRestarts = 0;
            scopeChanges = 0;
        }

        void set(String option, String value) {
            switch (option) {
                case "--devices" -> devices = Integer.parseInt(value);
                case "--workers" -> workers = Integer.parseInt(value);
                case "--teams" -> teams = Integer.parseInt(value);
                case "--persons-per-team" -> personsPerTeam = Integer.parseInt(value);
                case "--operations" -> operations = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--server-jar" -> serverJar = Path.of(value);
                case "--work-dir" -> workDirectory = Path.of(value);
                case "--server-kills" -> serverKills = Integer.parseInt(value);
                case "--db-restarts" -> databaseRestarts = Integer.parseInt(value);
                case "--scope-changes" -> scopeChanges = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }

        SimulationConfig build() {
            if (devices < 1 || workers < 1 || teams < 1 || personsPerTeam < 1 || operations < 0) {
                throw new IllegalArgumentException("sizes must be positive\n" + USAGE);
            }
            return new SimulationConfig(devices, workers, teams, personsPerTeam, operations, seed, serverJar,
                    workDirectory, cutRate, duplicateRate, replayRate, skewedDevices, serverKills, databaseRestarts,
                    scopeChanges);
        }
    }
}
