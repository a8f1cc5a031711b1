package no.tettpa.sync.merge;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import no.tettpa.sync.clock.Hlc;
import no.tettpa.sync.schema.EntitySpec;
import no.tettpa.sync.schema.FieldKind;
import no.tettpa.sync.schema.FieldSpec;
import no.tettpa.sync.schema.MergePolicy;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static no.tettpa.sync.schema.FieldSpec.decimal;
import static no.tettpa.sync.schema.FieldSpec.enumSet;
import static no.tettpa.sync.schema.FieldSpec.integer;
import static no.tettpa.sync.schema.FieldSpec.longText;
import static no.tettpa.sync.schema.FieldSpec.objectList;
import static no.tettpa.sync.schema.FieldSpec.text;

/**
 * A model of the server applying device edits to one editable record with {@link Merger}, the way the sync
 * engine does: each edit is merged against the record's current state and the stored version it was based on;
 * a changed result becomes the next version; every conflict draft is kept.
 *
 * <p>A scenario is: one create (version 1); a <em>prefix</em> of 0..2 updates applied one after the other, each
 * made on the newest version (the history every device could have pulled); then, concurrently, 1..4 devices
 * that each pulled some version of the prefix, went offline and made 1..3 edits on top of what they saw. Each
 * device's edits carry that version as their base (a device does not pull in between) and hybrid-clock
 * timestamps that increase and lie after every stamp in the version it pulled (causality). An edit may be
 * delivered twice (a retry) before the device's next one. Application order interleaves the devices and keeps
 * each device's own order, as the server does.
 *
 * <p>Values come from tiny domains, so different devices often write equal values.
 */
final class SyncModel {
    private SyncModel() {}

    static final String TITLE = "title";    // LWW
    static final String COUNT = "count";    // LWW
    static final String AMOUNT = "amount";  // SERVER_WINS
    static final String NOTES = "notes";    // LONG_TEXT
    static final String CODE = "code";      // REVIEW
    static final String TAGS = "tags";      // ADD_WINS_SET (enum set)
    static final String ITEMS = "items";    // ADD_WINS_SET (list of objects keyed by id)

    static final List<String> TAG_VALUES = List.of("a", "b", "c", "d");
    static final List<String> ITEM_IDS = List.of(
            "00000000-0000-4000-8000-000000000000",
            "00000000-0000-4000-8000-000000000001",
            "00000000-0000-4000-8000-000000000002");
    static final List<String> ITEM_TEXTS = List.of("o", "p", "q");
    static final List<BigDecimal> AMOUNTS = List.of(new BigDecimal("100"), new BigDecimal("150.5"),
            new BigDecimal("200"), new BigDecimal("250.25"));

    /** An editable record type with one or more fields of every mergeable policy, built as the real records are. */
    static final EntitySpec THING = EntitySpec.editable("thing", no.tettpa.sync.schema.Category.CORE,
            text(TITLE, 100),
            integer(COUNT, 0, 1000),
            decimal(AMOUNT, BigDecimal.ZERO, new BigDecimal("1000000")).serverWins(),
            longText(NOTES, 4000),
            text(CODE, 20).review(),
            enumSet(TAGS, TAG_VALUES),
            objectList(ITEMS, 10, text("text", 20).asRequired()));

    static final List<String> FIELDS = List.of(TITLE, COUNT, AMOUNT, NOTES, CODE, TAGS, ITEMS);

    static Map<String, Object> createdBody() {
        Map<String, Object> body = new TreeMap<>();
        body.put(TITLE, "X");
        body.put(COUNT, 10L);
        body.put(AMOUNT, Values.normalize(AMOUNTS.get(0)));
        body.put(NOTES, "n0");
        body.put(CODE, "c0");
        body.put(TAGS, List.of("a", "b"));
        body.put(ITEMS, List.of(item(0, "o"), item(1, "o")));
        return body;
    }

    static Map<String, Object> item(int id, String text) {
        Map<String, Object> m = new TreeMap<>();
        m.put("id", ITEM_IDS.get(id));
        m.put("text", text);
        return m;
    }

    // ---------------------------------------------------------------- plans (what jqwik generates and shrinks)

    /** One change a device makes to its local view: {@code field} indexes {@link #FIELDS}. */
    record Op(int field, int a, int b, boolean remove) {
        @Override
        public String toString() {
            String f = FIELDS.get(field);
            return switch (f) {
                case TAGS -> f + (remove ? "-=" : "+=") + TAG_VALUES.get(a);
                case ITEMS -> f + (remove ? "-=#" + a % ITEM_IDS.size() : "[#" + a % ITEM_IDS.size() + "]=" + ITEM_TEXTS.get(b));
                default -> f + "=" + scalar(f, a);
            };
        }
    }

    record DevicePlan(int base, List<List<Op>> edits, int startOffset, List<Integer> steps, List<Boolean> retried) {}

    record Scenario(List<List<Op>> prefix, List<DevicePlan> devices, List<Integer> picks) {}

    static Arbitrary<Op> ops() {
        return Combinators.combine(Arbitraries.integers().between(0, FIELDS.size() - 1), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2), Arbitraries.of(false, true)).as(Op::new);
    }

    static Arbitrary<List<Op>> editPlans() {
        return ops().list().ofMinSize(1).ofMaxSize(3);
    }

    /**
     * @param maxPrefix      updates applied in order before the concurrent phase
     * @param maxEdits       edits per device
     * @param retries        whether an edit may be delivered twice
     */
    static Arbitrary<Scenario> scenarios(int maxPrefix, int maxDevices, int maxEdits, boolean retries) {
        Arbitrary<DevicePlan> device = Combinators.combine(
                Arbitraries.integers().between(0, maxPrefix),
                editPlans().list().ofMinSize(1).ofMaxSize(maxEdits),
                Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 6).list().ofSize(maxEdits),
                (retries ? Arbitraries.of(false, false, true) : Arbitraries.just(false)).list().ofSize(maxEdits))
                .as(DevicePlan::new);
        return Combinators.combine(editPlans().list().ofMaxSize(maxPrefix), device.list().ofMinSize(1).ofMaxSize(maxDevices),
                Arbitraries.integers().between(0, 11).list().ofMaxSize(3 * maxDevices * maxEdits)).as(Scenario::new);
    }

    static Object scalar(String field, int a) {
        return switch (field) {
            case TITLE -> List.of("X", "A", "B", "C").get(a);
            case COUNT -> 10L + a;
            case AMOUNT -> Values.normalize(AMOUNTS.get(a));
            case NOTES -> "n" + a;
            case CODE -> "c" + a;
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** The view after {@code ops}; only fields whose value differs from {@code view} end up in the edit. */
    static Map<String, Object> changes(Map<String, Object> view, List<Op> ops) {
        Map<String, Object> next = new TreeMap<>(view);
        for (Op op : ops) {
            String f = FIELDS.get(op.field());
            switch (f) {
                case TAGS -> {
                    List<Object> tags = new ArrayList<>(list(next.get(f)));
                    String tag = TAG_VALUES.get(op.a());
                    if (op.remove()) tags.remove(tag);
                    else if (!tags.contains(tag)) tags.add(tag);
                    next.put(f, tags);
                }
                case ITEMS -> {
                    List<Object> items = new ArrayList<>(list(next.get(f)));
                    int id = op.a() % ITEM_IDS.size();
                    int at = -1;
                    for (int i = 0; i < items.size(); i++) {
                        if (ITEM_IDS.get(id).equals(((Map<?, ?>) items.get(i)).get("id"))) at = i;
                    }
                    if (op.remove()) {
                        if (at >= 0) items.remove(at);
                    } else if (at >= 0) {
                        items.set(at, item(id, ITEM_TEXTS.get(op.b())));
                    } else {
                        items.add(item(id, ITEM_TEXTS.get(op.b())));
                    }
                    next.put(f, items);
                }
                default -> next.put(f, scalar(f, op.a()));
            }
        }
        Map<String, Object> fields = new TreeMap<>();
        next.forEach((f, v) -> {
            if (!Values.same(v, view.get(f))) fields.put(f, v);
        });
        return fields;
    }

    static List<?> list(Object v) {
        return v instanceof List<?> l ? l : List.of();
    }

    // ---------------------------------------------------------------- the run

    /** One write any node made: its edit, what its author saw, and which writes it had seen. */
    record Write(int id, String device, Edit edit, Map<String, Object> view, Set<Integer> seen) {
        Hlc hlc() {
            return edit.stamp().hlc();
        }

        Map<String, Object> fields() {
            return edit.fields();
        }

        @Override
        public String toString() {
            return "w" + id + "{" + device + " " + edit.op().wire() + " base=v" + edit.baseVersion() + " hlc="
                    + hlc().millis() + " " + edit.fields() + "}";
        }
    }

    /** One application of an edit and what the merge said. */
    record Step(Write write, MergeResult result, long versionAfter) {
        @Override
        public String toString() {
            return "apply " + write + " -> " + result.status() + (result.changed() ? " v" + versionAfter : " (unchanged)")
                    + (result.conflicts().isEmpty() ? "" : " conflicts=" + result.conflicts().stream()
                    .map(c -> c.field() + ":" + c.kind() + (c.open() ? "(open)" : "") + " kept=" + c.keptValue() + " other=" + c.otherValue())
                    .toList());
        }
    }

    /** The outcome of a scenario: every write made, the steps applied, the final state and every conflict draft. */
    record Run(List<Write> writes, List<Step> steps, RecordState result, List<ConflictDraft> drafts) {
        String trace() {
            StringBuilder sb = new StringBuilder();
            for (Step s : steps) sb.append("\n  ").append(s);
            sb.append("\n  final ").append(result.body());
            return sb.toString();
        }
    }

    static final class Server {
        final EntitySpec spec;
        final Map<Long, RecordState> versions = new TreeMap<>();
        RecordState current;
        final List<ConflictDraft> drafts = new ArrayList<>();
        final List<Step> steps = new ArrayList<>();

        Server(EntitySpec spec) {
            this.spec = spec;
        }

        MergeResult apply(Write w) {
            Edit e = w.edit();
            RecordState base = e.baseVersion() == null ? null : versions.get(e.baseVersion());
            MergeResult r = Merger.merge(spec, base, current, e);
            if (r.status() != MergeResult.Status.REJECTED) {
                drafts.addAll(r.conflicts());
            }
            if (r.changed()) {
                long v = current == null ? 1 : current.version() + 1;
                current = new RecordState(spec.name(), v, r.deleted(), r.body(), r.stamps(), r.deletedBy());
                versions.put(v, current);
            }
            steps.add(new Step(w, r, current == null ? 0 : current.version()));
            return r;
        }
    }

    static Stamp stamp(String device, long millis) {
        return new Stamp(new Hlc(millis, 0, device), "staff-" + device, device);
    }

    static long maxMillis(RecordState s) {
        return s.stamps().values().stream().mapToLong(st -> st.hlc().millis()).max().orElse(0);
    }

    /** Runs a scenario; the application order is decided by {@code picks}. */
    static Run run(Scenario sc) {
        Server server = new Server(THING);
        List<Write> writes = new ArrayList<>();
        Map<Long, Set<Integer>> seenAtVersion = new TreeMap<>();

        Edit create = new Edit(Edit.Op.CREATE, null, createdBody(), stamp("creator", 1_000));
        Write c = new Write(0, "creator", create, Map.of(), Set.of());
        writes.add(c);
        server.apply(c);
        seenAtVersion.put(1L, Set.of(0));

        for (int i = 0; i < sc.prefix().size(); i++) {
            RecordState at = server.current;
            Map<String, Object> fields = changes(at.body(), sc.prefix().get(i));
            if (fields.isEmpty()) continue;
            String device = "p" + i;
            Edit e = new Edit(Edit.Op.UPDATE, at.version(), fields, stamp(device, maxMillis(at) + 10));
            Write w = new Write(writes.size(), device, e, at.body(), seenAtVersion.get(at.version()));
            writes.add(w);
            server.apply(w);
            Set<Integer> seen = new HashSet<>(w.seen());
            seen.add(w.id());
            seenAtVersion.put(server.current.version(), Set.copyOf(seen));
        }
        long newest = server.current.version();

        List<Deque<Write>> queues = new ArrayList<>();
        for (int d = 0; d < sc.devices().size(); d++) {
            DevicePlan plan = sc.devices().get(d);
            long baseVersion = Math.min(1 + plan.base(), newest);
            RecordState base = server.versions.get(baseVersion);
            String device = "d" + d;
            Map<String, Object> view = new TreeMap<>(base.body());
            Set<Integer> seen = new HashSet<>(seenAtVersion.get(baseVersion));
            long millis = maxMillis(base) + plan.startOffset();
            Deque<Write> queue = new ArrayDeque<>();
            for (int j = 0; j < plan.edits().size(); j++) {
                Map<String, Object> fields = changes(view, plan.edits().get(j));
                if (fields.isEmpty()) continue;
                Edit e = new Edit(Edit.Op.UPDATE, baseVersion, fields, stamp(device, millis));
                Write w = new Write(writes.size(), device, e, Map.copyOf(view), Set.copyOf(seen));
                writes.add(w);
                queue.add(w);
                if (plan.retried().get(j)) queue.add(w);
                view.putAll(fields);
                seen.add(w.id());
                millis += plan.steps().get(j);
            }
            if (!queue.isEmpty()) queues.add(queue);
        }
        int pick = 0;
        while (!queues.isEmpty()) {
            int p = pick < sc.picks().size() ? sc.picks().get(pick) : 0;
            pick++;
            Deque<Write> q = queues.get(p % queues.size());
            server.apply(q.poll());
            if (q.isEmpty()) queues.remove(q);
        }
        return new Run(writes, server.steps, server.current, server.drafts);
    }

    // ---------------------------------------------------------------- helpers for the expectations

    static boolean isSet(String field) {
        FieldSpec f = THING.field(field);
        return f.policy() == MergePolicy.ADD_WINS_SET;
    }

    /** The elements of a set value by key: the string itself, or an object's {@code id}. */
    static Map<String, Object> elements(String field, Object value) {
        boolean objects = THING.field(field).kind() == FieldKind.OBJECT_LIST;
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object o : list(value)) {
            out.put(objects ? String.valueOf(((Map<?, ?>) o).get("id")) : String.valueOf(o), o);
        }
        return out;
    }

    /** The winner under last-writer-wins: the write of {@code field} with the highest hybrid-clock timestamp. */
    static Write latestWriteOf(List<Write> writes, String field) {
        Write best = null;
        for (Write w : writes) {
            if (w.fields().containsKey(field) && (best == null || w.hlc().isAfter(best.hlc()))) best = w;
        }
        return best;
    }

    /**
     * Whether a value {@code w} wrote to {@code field} was knowingly replaced: a later write of the field by someone
     * who had seen {@code w}, or whose own view of the field held that very value.
     */
    static boolean superseded(List<Write> writes, Write w, String field) {
        Object v = w.fields().get(field);
        for (Write o : writes) {
            if (o == w || !o.fields().containsKey(field)) continue;
            if (o.seen().contains(w.id()) || Values.same(o.view().get(field), v)) return true;
        }
        return false;
    }
}
