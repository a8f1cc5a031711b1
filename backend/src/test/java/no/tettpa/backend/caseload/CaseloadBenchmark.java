package no.tettpa.backend.caseload;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import no.tettpa.backend.auth.DevIssuer;
import no.tettpa.backend.generator.GeneratedMunicipality;
import no.tettpa.backend.generator.MunicipalityGenerator;
import no.tettpa.backend.support.Db;
import no.tettpa.backend.support.TestDatabase;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark, not a test (it asserts nothing): the caseload overview of the 60-person Housing First team of a
 * generated municipality (3 teams, 15 field workers, 300 persons, five years of records), called over HTTP on the
 * running server against PostgreSQL, one call after another. Prints p50/p90/p99 of the latency seen by the client;
 * the target is p99 ≤ 200 ms. Also times the other leader views once the data is there.
 *
 * <pre>
 * mvn -B -ntp -q install -DskipTests -pl sync-protocol,backend -am
 * mvn -B -ntp -q -pl backend exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=no.tettpa.backend.caseload.CaseloadBenchmark [-Dbench.calls=300] [-Dbench.seed=2026]
 * </pre>
 *
 * The database is {@code TEST_JDBC_URL} when set, else embedded PostgreSQL (as in the tests).
 */
public final class CaseloadBenchmark {
    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/Oslo");

    private CaseloadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int calls = Integer.getInteger("bench.calls", 300);
        long seed = Long.getLong("bench.seed", 2026L);
        Map<String, Object> props = new HashMap<>(TestDatabase.properties());
        props.put("tettpa.auth.dev-issuer", "true");
        props.put("tettpa.demo-data", "false");
        props.put("micronaut.server.port", "-1");
        props.put("tettpa.data-directory", Files.createTempDirectory("tettpa-bench").toString());
        props.put("logger.levels.root", "WARN");

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props)) {
            long t0 = System.nanoTime();
            GeneratedMunicipality g;
            try (Connection c = Db.connect()) {
                c.setAutoCommit(false);
                // the start of today, so that runs on the same day generate the same records
                Instant now = LocalDate.now(ZONE).atStartOfDay(ZONE).toInstant();
                g = MunicipalityGenerator.generate(c, MunicipalityGenerator.Options.standard(seed, "0301", now));
                c.commit();
            }
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            GeneratedMunicipality.Team hf = g.team("housing_first");
            GeneratedMunicipality.Team fact = g.team("fact");
            long teamVersions = Db.count("SELECT count(*) FROM record_version r JOIN person p ON p.municipality_id = "
                    + "r.municipality_id AND p.id = r.person_id WHERE p.municipality_id = ? AND p.team_id = ?", g.id(), hf.id());
            System.out.printf(Locale.ROOT, "%nGenerated municipality %s in %.1f s: %d persons, %d record versions "
                            + "(%s)%nHousing First team: %d persons, %d record versions%n", g.number(), genSeconds,
                    g.teams().stream().mapToInt(t -> t.personIds().size()).sum(), g.versions(), g.records(),
                    hf.personIds().size(), teamVersions);

            DevIssuer issuer = server.getApplicationContext().getBean(DevIssuer.class);
            String leader = issuer.mint(hf.leaderSubject(), List.of("team-leader"), Duration.ofHours(1));
            String factLeader = issuer.mint(fact.leaderSubject(), List.of("team-leader"), Duration.ofHours(1));
            HttpClient http = HttpClient.newHttpClient();
            URI base = server.getURI();

            String caseload = "/api/v1/teams/" + hf.id() + "/caseload";
            run(http, base, leader, caseload, 30, false);
            List<Double> ms = run(http, base, leader, caseload, calls, true);
            System.out.printf(Locale.ROOT, "%nCaseload overview of the %d-person team over HTTP, %d sequential calls:%n"
                            + "  p50 %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms   mean %.1f ms   (target p99 <= 200 ms)%n",
                    hf.personIds().size(), calls, pct(ms, 50), pct(ms, 90), pct(ms, 99), Collections.max(ms), mean(ms));

            int others = Math.max(20, calls / 6);
            report(http, base, leader, caseload + "?sort=daysSinceLastContact&order=desc&overdueOnly=true",
                    "caseload, sorted and filtered", others);
            report(http, base, leader, "/api/v1/persons/" + hf.personIds().get(0) + "/timeline",
                    "timeline of one person (5 years)", others);
            report(http, base, leader, "/api/v1/teams/" + hf.id() + "/fidelity?from=" + LocalDate.now().minusDays(83),
                    "fidelity figures, 12 weeks", others);
            report(http, base, factLeader, "/api/v1/teams/" + fact.id() + "/board", "FACT board", others);
            String admin = issuer.mint(g.administratorSubject(), List.of("administrator"), Duration.ofHours(1));
            report(http, base, admin, "/api/v1/reports/yearly/" + (LocalDate.now().getYear() - 1),
                    "yearly report, municipality", others);
        }
    }

    private static void report(HttpClient http, URI base, String token, String path, String what, int calls)
            throws Exception {
        run(http, base, token, path, 5, false);
        List<Double> ms = run(http, base, token, path, calls, true);
        System.out.printf(Locale.ROOT, "  %-34s p50 %6.1f ms   p99 %6.1f ms   (%d calls)%n", what, pct(ms, 50), pct(ms, 99),
                calls);
    }

    private static List<Double> run(HttpClient http, URI base, String token, String path, int calls, boolean keep)
            throws Exception {
        List<Double> out = new ArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Accept-Encoding", "gzip").GET().build();
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double elapsed = (System.nanoTime() - t) / 1e6;
            if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode());
            if (keep) out.add(elapsed);
        }
        return out;
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
