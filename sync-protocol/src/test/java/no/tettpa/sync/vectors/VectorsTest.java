package no.tettpa.sync.vectors;

import io.micronaut.serde.ObjectMapper;
import no.tettpa.sync.clock.Hlc;
import no.tettpa.sync.clock.HlcClock;
import no.tettpa.sync.merge.ConflictDraft;
import no.tettpa.sync.merge.Edit;
import no.tettpa.sync.merge.FieldResolution;
import no.tettpa.sync.merge.MergeResult;
import no.tettpa.sync.merge.Merger;
import no.tettpa.sync.merge.RecordState;
import no.tettpa.sync.merge.Stamp;
import no.tettpa.sync.merge.Values;
import no.tettpa.sync.schema.EntitySpec;
import no.tettpa.sync.schema.FieldSpec;
import no.tettpa.sync.schema.MergePolicy;
import no.tettpa.sync.schema.SchemaUpgrades;
import no.tettpa.sync.schema.Schemas;
import no.tettpa.sync.schema.Validation;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the JSON test vectors under {@code src/test/resources/vectors} (see the README there) against this, the
 * reference, implementation. Every client implementation of the protocol must pass the same vectors.
 */
class VectorsTest {
    static final ObjectMapper JSON = ObjectMapper.getDefault();

    /** "today" for vectors that do not say (validation of merge edits). */
    static final LocalDate DEFAULT_TODAY = LocalDate.parse("2026-11-23");

    /** The format checks the vectors assume (README): national-id is 11 ASCII digits, email contains '@'. */
    static final Map<String, Validation.FormatCheck> FORMATS = Map.of(
            "national-id", s -> s.matches("[0-9]{11}") ? Optional.empty() : Optional.of("must be 11 digits"),
            "email", s -> s.contains("@") ? Optional.empty() : Optional.of("must be an e-mail address"));

    static final Set<String> STATUSES = Set.of("applied", "merged", "conflict", "rejected");

    // ---------------------------------------------------------------- loading

    static Path root() {
        try {
            return Path.of(Objects.requireNonNull(VectorsTest.class.getResource("/vectors"), "vectors on the classpath").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files(String dir) {
        try (Stream<Path> s = Files.list(root().resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cases of one file, parsed with Micronaut serde and {@link Values#normalize normalized}. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases(Path file) {
        try {
            Object parsed = JSON.readValue(Files.readAllBytes(file), Object.class);
            Object normalized = Values.normalize(parsed);
            if (!(normalized instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalStateException(file + ": a vector file is a non-empty JSON array of cases");
            }
            return (List<Map<String, Object>>) normalized;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    static Stream<DynamicNode> run(String dir, Function<Map<String, Object>, Executable> test) {
        return files(dir).stream().map(file -> {
            List<Map<String, Object>> cases = cases(file);
            Set<String> names = new HashSet<>();
            List<DynamicNode> tests = new ArrayList<>();
            for (Map<String, Object> c : cases) {
                String name = str(c, "name");
                if (!names.add(name)) throw new IllegalStateException(file + ": two cases named '" + name + "'");
                tests.add(DynamicTest.dynamicTest(name, test.apply(c)));
            }
            return DynamicContainer.dynamicContainer(dir + "/" + file.getFileName(), tests);
        });
    }

    // ---------------------------------------------------------------- merge

    @TestFactory
    Stream<DynamicNode> merge() {
        return run("merge", c -> () -> checkMerge(c));
    }

    static void checkMerge(Map<String, Object> c) {
        EntitySpec spec = Schemas.entity(str(c, "entity")).orElseThrow(() -> new AssertionError("unknown entity " + c.get("entity")));
        Map<String, Object> e = map(c, "edit");
        Edit.Op op = Edit.Op.fromWire(str(e, "op")).orElseThrow(() -> new AssertionError("unknown op " + e.get("op")));
        Edit edit = new Edit(op, (Long) e.get("baseVersion"), map(e, "fields"), stamp(e.get("stamp")));
        requireValidEdit(spec, edit);
        RecordState base = state(spec, (Map<String, Object>) optMap(c, "base"));
        RecordState current = state(spec, (Map<String, Object>) optMap(c, "current"));

        MergeResult r = Merger.merge(spec, base, current, edit);

        Map<String, Object> x = map(c, "expect");
        String status = str(x, "status");
        assertTrue(STATUSES.contains(status), "expect.status must be one of " + STATUSES);
        assertEquals(status, r.status().name().toLowerCase(Locale.ROOT), "status; rejection: " + r.rejection());
        assertEquals(bool(x, "changed"), r.changed(), "changed");
        if ("rejected".equals(status)) {
            Map<String, Object> rej = map(x, "rejection");
            assertEquals(str(rej, "code"), r.rejection().code(), "rejection.code");
            assertEquals(rej.get("field"), r.rejection().field(), "rejection.field");
            return;
        }
        assertNull(require(x, "rejection", true), "expect.rejection is null unless rejected");
        assertNull(r.rejection(), "rejection");
        assertSame(require(x, "body", false), r.body(), "body");
        assertEquals(bool(x, "deleted"), r.deleted(), "deleted");

        List<Object> resolutions = new ArrayList<>();
        for (FieldResolution fr : r.resolutions()) resolutions.add(mapOf("field", fr.field(), "resolution", fr.resolution()));
        assertSame(require(x, "resolutions", false), resolutions, "resolutions");

        List<?> expectedConflicts = (List<?>) require(x, "conflicts", false);
        assertEquals(expectedConflicts.size(), r.conflicts().size(), "number of conflicts: " + r.conflicts());
        for (int i = 0; i < expectedConflicts.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> want = (Map<String, Object>) expectedConflicts.get(i);
            ConflictDraft got = r.conflicts().get(i);
            Map<String, Object> actual = mapOf("field", got.field(), "kind", got.kind(), "open", got.open(),
                    "keptValue", got.keptValue(), "otherValue", got.otherValue());
            if (want.containsKey("baseValue")) actual.put("baseValue", got.baseValue());
            assertSame(want, actual, "conflicts[" + i + "]");
        }
        if (x.containsKey("stamps")) {
            Map<String, Stamp> want = new TreeMap<>();
            map(x, "stamps").forEach((f, s) -> want.put(f, stamp(s)));
            assertEquals(want, new TreeMap<>(r.stamps()), "stamps");
        }
        if (x.containsKey("deletedBy")) {
            assertEquals(x.get("deletedBy") == null ? null : stamp(x.get("deletedBy")), r.deletedBy(), "deletedBy");
        }
    }

    /** The merge takes validated edits: a vector must not test what validation refuses. */
    static void requireValidEdit(EntitySpec spec, Edit edit) {
        Validation.Context ctx = new Validation.Context(DEFAULT_TODAY, FORMATS);
        // derived fields in an edit are those the server filled in before merging (authorId, controller, ...)
        Map<String, Object> sent = new TreeMap<>();
        edit.fields().forEach((k, v) -> {
            FieldSpec f = spec.field(k);
            if (f == null || f.policy() != MergePolicy.DERIVED) sent.put(k, v);
        });
        List<Validation.FieldError> errors = switch (edit.op()) {
            case CREATE -> Validation.forCreate(spec, sent, ctx);
            case UPDATE -> Validation.forUpdate(spec, sent, ctx);
            case DELETE -> sent.isEmpty() ? List.of() : List.of(new Validation.FieldError("fields", "a delete carries no fields"));
        };
        assertEquals(List.of(), errors, "the vector's edit must pass validation");
    }

    static RecordState state(EntitySpec spec, Map<String, Object> s) {
        if (s == null) return null;
        Map<String, Stamp> stamps = new TreeMap<>();
        map(s, "stamps").forEach((f, st) -> stamps.put(f, stamp(st)));
        return new RecordState(spec.name(), (Long) require(s, "version", false), Boolean.TRUE.equals(s.get("deleted")),
                map(s, "body"), stamps, s.get("deletedBy") == null ? null : stamp(s.get("deletedBy")));
    }

    @SuppressWarnings("unchecked")
    static Stamp stamp(Object o) {
        assertNotNull(o, "stamp");
        Map<String, Object> m = (Map<String, Object>) o;
        return new Stamp(Hlc.parse(str(m, "hlc")), str(m, "author"), (String) m.get("device"));
    }

    // ---------------------------------------------------------------- hlc

    @TestFactory
    Stream<DynamicNode> hlc() {
        return run("hlc", c -> () -> {
            switch (str(c, "kind")) {
                case "format" -> assertEquals(str(c, "expect"),
                        new Hlc((Long) c.get("millis"), Math.toIntExact((Long) c.get("counter")), str(c, "node")).toString());
                case "parse" -> {
                    if (Boolean.TRUE.equals(c.get("error"))) {
                        assertThrows(IllegalArgumentException.class, () -> Hlc.parse(str(c, "text")));
                    } else {
                        Map<String, Object> x = map(c, "expect");
                        assertEquals(new Hlc((Long) x.get("millis"), Math.toIntExact((Long) x.get("counter")), str(x, "node")),
                                Hlc.parse(str(c, "text")));
                    }
                }
                case "compare" -> {
                    long expected = (Long) c.get("expect");
                    Hlc a = Hlc.parse(str(c, "a"));
                    Hlc b = Hlc.parse(str(c, "b"));
                    assertEquals(expected, Integer.signum(a.compareTo(b)), "compareTo");
                    assertEquals(expected, Integer.signum(str(c, "a").compareTo(str(c, "b"))), "the text forms sort the same way");
                }
                case "clock" -> checkClock(c);
                default -> fail("unknown kind " + c.get("kind"));
            }
        });
    }

    static void checkClock(Map<String, Object> c) {
        AtomicLong wall = new AtomicLong();
        HlcClock clock = new HlcClock(str(c, "node"), wall::get, (Long) c.get("maxDriftMillis"));
        if (c.get("restore") != null) clock.restore(Hlc.parse(str(c, "restore")));
        int i = 0;
        for (Object o : (List<?>) c.get("events")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ev = (Map<String, Object>) o;
            wall.set((Long) ev.get("wall"));
            String at = "event " + i++ + " ";
            switch (str(ev, "op")) {
                case "now" -> assertEquals(str(ev, "expect"), clock.now().toString(), at + "now");
                case "receive" -> {
                    HlcClock.Received r = clock.receive(Hlc.parse(str(ev, "remote")));
                    Map<String, Object> x = map(ev, "expect");
                    assertEquals(str(x, "remoteAsUsed"), r.remoteAsUsed().toString(), at + "remoteAsUsed");
                    assertEquals(str(x, "local"), r.local().toString(), at + "local");
                    assertEquals(bool(x, "clamped"), r.clamped(), at + "clamped");
                    assertEquals((long) (Long) x.get("aheadByMillis"), r.aheadByMillis(), at + "aheadByMillis");
                }
                default -> fail("unknown op " + ev.get("op"));
            }
        }
    }

    // ---------------------------------------------------------------- validation

    @TestFactory
    Stream<DynamicNode> validation() {
        return run("validation", c -> () -> {
            EntitySpec spec = Schemas.entity(str(c, "entity")).orElseThrow();
            Validation.Context ctx = new Validation.Context(LocalDate.parse(str(c, "today")), FORMATS);
            Map<String, Object> fields = map(c, "fields");
            List<Validation.FieldError> errors = switch (str(c, "op")) {
                case "create" -> Validation.forCreate(spec, fields, ctx);
                case "update" -> Validation.forUpdate(spec, fields, ctx);
                default -> throw new AssertionError("op is create or update");
            };
            List<String> expected = new ArrayList<>();
            for (Object o : (List<?>) require(c, "errors", false)) expected.add((String) o);
            List<String> actual = new ArrayList<>(errors.stream().map(Validation.FieldError::field).toList());
            expected.sort(null);
            actual.sort(null);
            assertEquals(expected, actual, "error paths (as a multiset); errors: " + errors);
        });
    }

    // ---------------------------------------------------------------- upgrades

    @TestFactory
    Stream<DynamicNode> upgrades() {
        return run("upgrades", c -> () -> {
            int version = Math.toIntExact((Long) c.get("schemaVersion"));
            Map<String, Object> fields = map(c, "fields");
            Map<String, Object> out = switch (str(c, "direction")) {
                case "upgrade" -> SchemaUpgrades.upgrade(str(c, "entity"), fields, version);
                case "downgrade" -> SchemaUpgrades.downgrade(str(c, "entity"), fields, version);
                default -> throw new AssertionError("direction is upgrade or downgrade");
            };
            assertSame(require(c, "expect", false), out, "fields");
        });
    }

    // ---------------------------------------------------------------- coverage of the vectors themselves

    /**
     * The merge vectors keep covering every outcome a client must reproduce: each status, resolution, conflict kind
     * and rejection code appears in at least one case.
     */
    @Test
    void mergeVectorsCoverEveryOutcome() {
        Set<String> seen = new TreeSet<>();
        for (Path f : files("merge")) {
            for (Map<String, Object> c : cases(f)) {
                Map<String, Object> x = map(c, "expect");
                seen.add("status:" + x.get("status"));
                if (x.get("rejection") instanceof Map<?, ?> rej) seen.add("rejection:" + rej.get("code"));
                if (x.get("resolutions") instanceof List<?> l) l.forEach(o -> seen.add("resolution:" + ((Map<?, ?>) o).get("resolution")));
                if (x.get("conflicts") instanceof List<?> l) l.forEach(o -> seen.add("conflict:" + ((Map<?, ?>) o).get("kind")));
                seen.add("op:" + map(c, "edit").get("op"));
                seen.add("entity:" + c.get("entity"));
            }
        }
        Set<String> required = new TreeSet<>(List.of("status:applied", "status:merged", "status:conflict", "status:rejected",
                "resolution:yours_kept", "resolution:theirs_kept", "resolution:set_merged", "resolution:review",
                "conflict:lww", "conflict:server_wins", "conflict:review", "conflict:long_text", "conflict:status",
                "conflict:set", "conflict:delete_edit",
                "rejection:invalid_transition", "rejection:immutable", "rejection:locked", "rejection:append_only",
                "rejection:id_conflict", "rejection:not_found", "rejection:bad_base_version",
                "op:create", "op:update", "op:delete"));
        required.removeAll(seen);
        assertEquals(Set.of(), required, "outcomes no merge vector covers");
    }

    /** Every directory holds at least one file, and no file lies outside the four directories. */
    @Test
    void vectorDirectories() throws IOException {
        for (String dir : List.of("merge", "hlc", "validation", "upgrades")) assertFalse(files(dir).isEmpty(), dir);
        try (Stream<Path> all = Files.walk(root())) {
            all.filter(p -> p.toString().endsWith(".json")).forEach(p -> {
                String dir = root().relativize(p).getName(0).toString();
                // sync/ holds whole round trips, run against the real server by the backend's SyncVectorsTest
                assertTrue(Set.of("merge", "hlc", "validation", "upgrades", "sync").contains(dir), p + " is in no vector directory");
            });
        }
    }

    // ---------------------------------------------------------------- helpers

    static void assertSame(Object expected, Object actual, String what) {
        if (!Values.same(expected, actual)) {
            assertEquals(Values.normalize(expected), Values.normalize(actual), what);
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }

    static Object require(Map<String, Object> m, String key, boolean nullable) {
        assertTrue(m.containsKey(key), "missing key '" + key + "' in " + m.keySet());
        if (!nullable) assertNotNull(m.get(key), key);
        return m.get(key);
    }

    static String str(Map<String, Object> m, String key) {
        return (String) require(m, key, false);
    }

    static boolean bool(Map<String, Object> m, String key) {
        return (Boolean) require(m, key, false);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) require(m, key, false);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> optMap(Map<String, Object> m, String key) {
        return (Map<String, Object>) require(m, key, true);
    }

    static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
