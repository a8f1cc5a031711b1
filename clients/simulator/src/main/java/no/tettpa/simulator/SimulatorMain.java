package no.tettpa.simulator;

/**
 * Runs one simulation from the command line and prints its report; the exit code is 0 only when nothing was lost
 * and every device converged. See {@code clients/README.md} for the options and the large run.
 */
public final class SimulatorMain {
    private SimulatorMain() {}

    public static void main(String[] args) throws Exception {
        // The server logs to the console; in this JVM only its errors belong in the report's output.
        System.setProperty("TETTPA_LOG_LEVEL", System.getProperty("TETTPA_LOG_LEVEL", "ERROR"));
        System.setProperty("TETTPA_LOG_FORMAT", "text");
        SimulationConfig config;
        try {
            config = SimulationConfig.parse(args);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = new Simulation(config).run();
        report.print(System.out);
        System.exit(report.passed() ? 0 : 1);
    }
}
