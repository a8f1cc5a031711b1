package no.tettpa.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import no.tettpa.backend.platform.DatabaseBootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The PostgreSQL the bench runs against. By default the server's own embedded default, started through
 * {@link DatabaseBootstrap} in a temporary data directory (so with exactly the settings a newcomer's server gets).
 * With {@code TETTPA_BENCH_DB_URL} (a JDBC URL of an existing database on a real server, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, with {@code TETTPA_BENCH_DB_USER} and
 * {@code TETTPA_BENCH_DB_PASSWORD}) a fresh database of the bench's own is created there and dropped at the end.
 */
final class BenchDatabase implements AutoCloseable {
    private final DatabaseBootstrap bootstrap;
    private final String url;
    private final String user;
    private final String password;
    private final String description;
    private final String adminUrl;
    private final String createdDatabase;
    private final AutoCloseable ownPostgres;
    private boolean statements;

    private BenchDatabase(DatabaseBootstrap bootstrap, String url, String user, String password, String description,
                          String adminUrl, String createdDatabase, AutoCloseable ownPostgres) {
        this.bootstrap = bootstrap;
        this.url = url;
        this.user = user;
        this.password = password;
        this.description = description;
        this.adminUrl = adminUrl;
        this.createdDatabase = createdDatabase;
        this.ownPostgres = ownPostgres;
    }

    /**
     * @param statements load pg_stat_statements. With the embedded default this needs a server option
     *                   DatabaseBootstrap does not set, so the bench starts the embedded PostgreSQL itself, with
     *                   DatabaseBootstrap's settings (fsync on, max_connections 100) plus the library.
     */
    static BenchDatabase start(Path dataDir, boolean statements) throws SQLException, IOException {
        String external = setting("TETTPA_BENCH_DB_URL");
        if (external == null && statements) {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("pgdata"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("track_io_timing", "on")
                    .setServerConfig("pg_stat_statements.track_planning", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                st.execute("CREATE DATABASE tettpa");
            }
            String url = pg.getJdbcUrl("postgres", "tettpa");
            DatabaseBootstrap b = DatabaseBootstrap.fromEnvironment(Map.of("TETTPA_DATA_DIR", dataDir.toString(),
                    "TETTPA_DB_URL", url, "TETTPA_DB_USER", "postgres", "TETTPA_DB_PASSWORD", ""));
            BenchDatabase db = new BenchDatabase(b, url, "postgres", "", "embedded, started by the bench with "
                    + "DatabaseBootstrap's settings plus pg_stat_statements (data in " + dataDir + ")", null, null, pg);
            db.enableStatements();
            return db;
        }
        if (external == null) {
            DatabaseBootstrap b = DatabaseBootstrap.fromEnvironment(Map.of("TETTPA_DATA_DIR", dataDir.toString()));
            Map<String, Object> p = b.micronautProperties();
            return new BenchDatabase(b, (String) p.get("datasources.default.url"),
                    (String) p.get("datasources.default.username"), (String) p.get("datasources.default.password"),
                    "embedded (DatabaseBootstrap, data in " + dataDir + ")", null, null, null);
        }
        String user = orElse(setting("TETTPA_BENCH_DB_USER"), "postgres");
        String password = orElse(setting("TETTPA_BENCH_DB_PASSWORD"), "");
        String name = "tettpa_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(external, user, password); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        String url = withDatabase(external, name);
        Map<String, String> env = new HashMap<>();
        env.put("TETTPA_DATA_DIR", dataDir.toString());
        env.put("TETTPA_DB_URL", url);
        env.put("TETTPA_DB_USER", user);
        env.put("TETTPA_DB_PASSWORD", password);
        DatabaseBootstrap b = DatabaseBootstrap.fromEnvironment(env);
        BenchDatabase db = new BenchDatabase(b, url, user, password, "external, fresh database " + name
                + " (dropped at the end)", external, name, null);
        if (statements) db.enableStatements();
        return db;
    }

    private void enableStatements() {
        try {
            execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            execute("SELECT pg_stat_statements_reset()"); // fails unless the library is preloaded
            statements = true;
        } catch (SQLException e) {
            System.out.println("pg_stat_statements is not available (" + e.getMessage().lines().findFirst().orElse("")
                    + "); statements are not reported");
        }
    }

    boolean statements() {
        return statements;
    }

    void resetStatements() throws SQLException {
        if (statements) execute("SELECT pg_stat_statements_reset()");
    }

    /** The statements of this database by total execution time since the last reset. */
    List<String> topStatements(int n) throws SQLException {
        List<String> out = new ArrayList<>();
        if (!statements) return out;
        try (Connection c = connect(false); var ps = c.prepareStatement("SELECT calls, total_exec_time, "
                + "mean_exec_time, rows, shared_blks_hit + shared_blks_read, wal_bytes, total_plan_time, plans, "
                + "left(regexp_replace(query, '\\s+', ' ', 'g'), 150) FROM pg_stat_statements "
                + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "ORDER BY total_exec_time DESC LIMIT ?")) {
            ps.setInt(1, n);
            try (var rs = ps.executeQuery()) {
                out.add(String.format("%9s %10s %9s %7s %9s %9s %8s  %s", "calls", "exec ms", "mean ms", "plans",
                        "plan ms", "rows", "buffers", "WAL MB  statement"));
                while (rs.next()) {
                    out.add(String.format("%9d %10.0f %9.3f %7d %9.0f %9d %9d %8.1f  %s", rs.getLong(1), rs.getDouble(2),
                            rs.getDouble(3), rs.getLong(8), rs.getDouble(7), rs.getLong(4), rs.getLong(5),
                            rs.getDouble(6) / 1e6, rs.getString(9)));
                }
            }
        }
        return out;
    }

    /** The postmaster's process id when PostgreSQL runs on this machine, else -1. */
    long postmasterPid() {
        try (Connection c = connect(false); var st = c.createStatement();
             var rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long backend = rs.getLong(1);
            String comm = Files.readString(Path.of("/proc", String.valueOf(backend), "comm")).trim();
            if (!comm.startsWith("postgres")) return -1;
            long parent = CpuMeter.parentOf(backend);
            return parent > 1 ? parent : -1;
        } catch (SQLException | IOException | RuntimeException e) {
            return -1;
        }
    }

    /** WAL written by the whole server so far: bytes and full-page images. */
    long[] wal() throws SQLException {
        try (Connection c = connect(false); var st = c.createStatement();
             var rs = st.executeQuery("SELECT wal_bytes, wal_fpi FROM pg_stat_wal")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** Bytes on disk (heap, TOAST, indexes) of a table and, when it is partitioned, its partitions. */
    long tableBytes(String table) throws SQLException {
        try (Connection c = connect(false); var ps = c.prepareStatement(
                "SELECT greatest(pg_total_relation_size(?::regclass), (SELECT coalesce(sum(pg_total_relation_size(relid)), 0) "
                        + "FROM pg_partition_tree(?::regclass)))")) {
            ps.setString(2, table);
            ps.setString(1, table);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The JDBC URL of the same server with another database name. */
    static String withDatabase(String jdbcUrl, String database) {
        int q = jdbcUrl.indexOf('?');
        String base = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
        String params = q < 0 ? "" : jdbcUrl.substring(q);
        int slash = base.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            return base + "/" + database + params;
        }
        return base.substring(0, slash + 1) + database + params;
    }

    Map<String, Object> micronautProperties() {
        return bootstrap.micronautProperties();
    }

    String description() {
        return description;
    }

    Connection connect(boolean rewriteBatchedInserts) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password == null ? "" : password);
        if (rewriteBatchedInserts) p.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(url, p);
    }

    /** PostgreSQL's version and the settings that decide write and read cost. */
    List<String[]> settings() throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Connection c = connect(false); var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT version()")) {
                rs.next();
                out.add(new String[] {"version", rs.getString(1)});
            }
            try (var rs = st.executeQuery("SELECT name, setting, unit FROM pg_settings WHERE name IN ("
                    + "'fsync', 'synchronous_commit', 'shared_buffers', 'wal_buffers', 'max_wal_size', "
                    + "'full_page_writes', 'wal_compression', 'checkpoint_timeout', 'work_mem', 'max_connections', "
                    + "'effective_io_concurrency', 'jit', 'max_locks_per_transaction', 'default_toast_compression') ORDER BY name")) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), pretty(rs.getString(2), rs.getString(3))});
                }
            }
        }
        return out;
    }

    /** Runs a statement outside any transaction (CHECKPOINT, ANALYZE, DDL). */
    void execute(String sql) throws SQLException {
        try (Connection c = connect(false); var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String pretty(String value, String unit) {
        if (unit == null) return value;
        try {
            long v = Long.parseLong(value);
            long bytes = switch (unit) {
                case "8kB" -> v * 8192;
                case "kB" -> v * 1024;
                case "MB" -> v * 1024 * 1024;
                default -> -1;
            };
            if (bytes >= 0) {
                return bytes >= 1 << 30 && bytes % (1 << 30) == 0 ? bytes / (1 << 30) + " GB"
                        : bytes >= 1 << 20 ? bytes / (1 << 20) + " MB" : bytes / 1024 + " kB";
            }
        } catch (NumberFormatException ignored) {
            // not a number: print as given
        }
        return value + unit;
    }

    @Override
    public void close() throws IOException {
        try {
            bootstrap.close();
            if (ownPostgres != null) ownPostgres.close();
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            if (createdDatabase != null) {
                try (Connection c = DriverManager.getConnection(adminUrl, user, password); var st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + createdDatabase + " WITH (FORCE)");
                } catch (SQLException e) {
                    System.err.println("could not drop " + createdDatabase + ": " + e.getMessage());
                }
            }
        }
    }

    private static String setting(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) v = System.getProperty(name);
        return v == null || v.isBlank() ? null : v;
    }

    private static String orElse(String v, String fallback) {
        return v == null ? fallback : v;
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) return;
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temp dir
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
