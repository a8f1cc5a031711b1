package no.tettpa.bench;

import no.tettpa.sync.merge.Values;
import no.tettpa.sync.schema.EntitySpec;
import no.tettpa.sync.schema.Schemas;
import no.tettpa.sync.schema.Validation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Smoke tests of the bench's own helpers (no timing, no database). */
class BenchHelpersTest {
    @Test
    void percentilesByNearestRank() {
        Latencies l = new Latencies(4);
        for (int ms = 100; ms >= 1; ms--) l.add(ms * 1_000_000L);
        assertEquals(100, l.count());
        assertEquals(50.0, l.percentileMillis(50));
        assertEquals(99.0, l.percentileMillis(99));
        assertEquals(100.0, l.percentileMillis(100));
        assertEquals(1.0, l.percentileMillis(0.5));
        assertEquals(50.5, l.meanMillis(), 1e-9);
    }

    @Test
    void generatedHistoryIsValidForTheSchema() {
        Workload w = new Workload(7);
        UUID person = UUID.randomUUID();
        List<Workload.Step> steps = w.history(person, 30, Instant.now());
        Validation.Context ctx = Validation.Context.today(Map.of());
        int creates = 0;
        for (Workload.Step s : steps) {
            EntitySpec spec = Schemas.entity(s.entity()).orElseThrow();
            Map<String, Object> fields = Values.normalizeMap(s.fields());
            List<Validation.FieldError> errors = s.op().equals("create")
                    ? Validation.forCreate(spec, fields, ctx) : Validation.forUpdate(spec, fields, ctx);
            assertEquals(List.of(), errors, s.entity() + " " + s.op() + " " + s.fields());
            if (s.op().equals("create")) creates++;
        }
        // episode, 5 agreements with 4 progress entries each, 2 arrears cases with 6 events each, 10 ratings, visits
        assertEquals(1 + 5 + 20 + 2 + 12 + 10 + 30, creates);
        for (int i = 1; i < steps.size(); i++) {
            assertTrue(!steps.get(i).at().isBefore(steps.get(i - 1).at()), "history is in time order");
        }
    }

    @Test
    void ingestVisitsAreValid() {
        Workload w = new Workload(8);
        EntitySpec visit = Schemas.entity("visit").orElseThrow();
        Validation.Context ctx = Validation.Context.today(Map.of());
        for (int i = 0; i < 500; i++) {
            Map<String, Object> fields = Values.normalizeMap(w.visit(w.pastVisitTime(Instant.now())));
            assertEquals(List.of(), Validation.forCreate(visit, fields, ctx), fields.toString());
        }
    }

    @Test
    void uuid7CarriesItsTimeAndVersion() {
        Workload w = new Workload(9);
        long t = 1_795_458_087_324L;
        UUID id = w.uuid7(t);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(t, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void gzipRoundTripAndOccurrences() {
        byte[] json = "{\"outcomes\":[{\"status\":\"applied\"},{\"status\":\"applied\"}]}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(json, SyncHttp.gunzip(SyncHttp.gzip(json)));
        assertEquals(2, SyncHttp.occurrences(json, "\"status\":\"applied\"".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, SyncHttp.occurrences(json, "rejected".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void databaseUrlOfAnotherDatabase() {
        assertEquals("jdbc:postgresql://127.0.0.1:5432/tettpa_bench_x",
                BenchDatabase.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "tettpa_bench_x"));
        assertEquals("jdbc:postgresql://db:5432/b?sslmode=require",
                BenchDatabase.withDatabase("jdbc:postgresql://db:5432/postgres?sslmode=require", "b"));
        assertEquals("jdbc:postgresql://db:5432/b", BenchDatabase.withDatabase("jdbc:postgresql://db:5432", "b"));
    }

    @Test
    void optionsRoundUpToWholeBatches() {
        BenchOptions o = BenchOptions.parse(new String[] {"--devices=48", "--batchSize=100"});
        assertEquals(20, o.batchesPerDevice(96_000));
        assertEquals(21, o.batchesPerDevice(96_001));
        assertEquals(1, o.batchesPerDevice(1));
    }
}
