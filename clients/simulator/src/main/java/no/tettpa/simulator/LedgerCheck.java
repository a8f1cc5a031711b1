package no.tettpa.simulator;

import no.tettpa.sync.merge.Values;
import no.tettpa.sync.schema.EntitySpec;
import no.tettpa.sync.schema.FieldKind;
import no.tettpa.sync.schema.FieldSpec;
import no.tettpa.sync.schema.MergePolicy;
import no.tettpa.sync.schema.Schemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Accounts for every value any device wrote (every field of every mutation in the ledger; for set-valued fields,
 * each element the device added or changed). A value is accounted for when it is
 * <ul>
 *   <li>current on the server, or</li>
 *   <li>in the conflict history (a conflict record's kept or other value), or</li>
 *   <li>was current and then replaced by someone who had seen it: the same device, a mutation whose base version
 *       included it, a conflict resolution made by a device that had seen it, or the server itself; or, for a
 *       status, moved on by a later step of its workflow (a status is a step, not a value to keep), or</li>
 *   <li>in a mutation the server rejected, which the device keeps in its needs-attention list.</li>
 * </ul>
 * Anything else is lost: never judged, rejected and dropped, never current and in no conflict, or overwritten by
 * someone who had not seen it without a conflict record.
 */
final class LedgerCheck {
    record Result(Map<String, Long> accounted, List<String> lost, long values) {}

    private final Ledger ledger;
    private final ServerSnapshot server;
    private final Map<UUID, Set<Long>> keptForAttention;
    private final Map<String, Long> accounted = new TreeMap<>();
    private final List<String> lost = new ArrayList<>();
    private long values;

    private LedgerCheck(Ledger ledger, ServerSnapshot server, Map<UUID, Set<Long>> keptForAttention) {
        this.ledger = ledger;
        this.server = server;
        this.keptForAttention = keptForAttention;
    }

    /** @param keptForAttention per device, the seqs of the rejected mutations in its needs-attention list */
    static Result check(Ledger ledger, ServerSnapshot server, Map<UUID, Set<Long>> keptForAttention) {
        LedgerCheck c = new LedgerCheck(ledger, server, keptForAttention);
        for (Ledger.Entry e : ledger.all()) c.account(e);
        return new Result(c.accounted, c.lost, c.values);
    }

    private void tally(String category) {
        accounted.merge(category, 1L, Long::sum);
    }

    private void lose(Ledger.Entry e, String why) {
        lost.add("device " + e.deviceId() + " seq " + e.seq() + " " + e.op() + " " + e.entity() + " " + e.recordId() + ": " + why);
    }

    private void account(Ledger.Entry e) {
        Map<String, Object> outcome = server.outcomes.get(new Ledger.Key(e.deviceId(), e.seq()));
        if (outcome == null) {
            lose(e, "never judged by the server");
            return;
        }
        String status = String.valueOf(outcome.get("status"));
        if ("rejected".equals(status)) {
            Object code = outcome.get("rejection") instanceof Map<?, ?> r ? r.get("code") : "?";
            if (keptForAttention.getOrDefault(e.deviceId(), Set.of()).contains(e.seq())) {
                tally("mutation rejected (" + code + "), kept in the device's attention list");
            } else {
                lose(e, "rejected (" + code + ") and not in the device's attention list");
            }
            return;
        }
        if ("conflict".equals(e.entity())) {
            tally("conflict resolution " + status);
            return;
        }
        if ("delete".equals(e.op())) {
            tally("delete " + status);
            return;
        }
        EntitySpec spec = Schemas.entity(e.entity()).orElseThrow();
        Long base = server.receivedBase.getOrDefault(new Ledger.Key(e.deviceId(), e.seq()), e.baseVersion());
        e.fields().forEach((name, value) -> {
            FieldSpec f = spec.field(name);
            if (f == null || f.policy() == MergePolicy.DERIVED || value == null) return;
            for (Map.Entry<String, Object> unit : units(f, value, e.before().get(name)).entrySet()) {
                values++;
                String verdict = fate(e, spec, f, unit.getKey(), unit.getValue(), base == null ? 1 : base);
                if (verdict.startsWith("LOST")) lose(e, name + (unit.getKey() == null ? "" : "[" + unit.getKey() + "]")
                        + " = " + unit.getValue() + ": " + verdict.substring(verdict.startsWith("LOST: ") ? 6 : 5));
                else tally("value " + verdict);
            }
        });
    }

    private static boolean isSet(FieldSpec f) {
        return f.kind() == FieldKind.ENUM_SET || f.kind() == FieldKind.UUID_SET || f.kind() == FieldKind.OBJECT_LIST;
    }

    private static String key(FieldSpec f, Object element) {
        return f.kind() == FieldKind.OBJECT_LIST && element instanceof Map<?, ?> m ? String.valueOf(m.get("id"))
                : String.valueOf(element);
    }

    /** The values one field write stands for: the value, or for a set each element added or changed (keyed). */
    private static Map<String, Object> units(FieldSpec f, Object value, Object before) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!isSet(f)) {
            out.put(null, value);
            return out;
        }
        Map<String, Object> had = new TreeMap<>();
        if (before instanceof List<?> l) l.forEach(o -> had.put(key(f, o), o));
        if (value instanceof List<?> l) {
            for (Object o : l) {
                String k = key(f, o);
                if (!had.containsKey(k) || !Values.same(had.get(k), o)) out.put(k, o);
            }
        }
        return out;
    }

    private static boolean holds(Map<String, Object> body, FieldSpec f, String key, Object value) {
        Object current = body.get(f.name());
        if (key == null) return Values.same(current, value);
        if (!(current instanceof List<?> l)) return false;
        for (Object o : l) if (key.equals(key(f, o)) && Values.same(o, value)) return true;
        return false;
    }

    private String fate(Ledger.Entry e, EntitySpec spec, FieldSpec f, String key, Object value, long from) {
        List<ServerSnapshot.Version> versions = server.history.get(e.recordId());
        if (versions == null) return "LOST: the record was never stored";
        ServerSnapshot.Version last = versions.get(versions.size() - 1);
        if (!last.deleted() && holds(last.body(), f, key, value)) return "current";
        if (inConflictHistory(e.recordId(), f, key, value)) return "in the conflict history";
        int in = -1;
        for (int i = 0; i < versions.size() && in < 0; i++) {
            ServerSnapshot.Version v = versions.get(i);
            if (v.version() >= from && !v.deleted() && holds(v.body(), f, key, value)) in = i;
        }
        if (in < 0) return "LOST: never current and in no conflict record";
        int out = in + 1;
        while (out < versions.size() && !versions.get(out).deleted() && holds(versions.get(out).body(), f, key, value)) out++;
        if (out < versions.size() && f.policy() == MergePolicy.STATUS && !versions.get(out).deleted()
                && spec.workflow().ahead(String.valueOf(value), String.valueOf(versions.get(out).body().get(f.name())))) {
            return "moved on by a later step of its workflow";
        }
        String verdict = departure(e, versions.get(in), versions.get(out));
        if (!verdict.startsWith("LOST") || out >= versions.size()) return verdict;
        ServerSnapshot.Version after = versions.get(out);
        Ledger.Entry writer = after.mutationSeq() == null ? null : ledger.get(after.deviceId(), after.mutationSeq());
        return verdict + "; it sent " + (writer == null ? "?" : writer.fields().get(f.name())) + ", leaving "
                + (after.deleted() ? "a tombstone" : after.body().get(f.name()));
    }

    private boolean inConflictHistory(UUID recordId, FieldSpec f, String key, Object value) {
        for (ServerSnapshot.Version c : server.conflictsAbout(recordId)) {
            Object field = c.body().get("field");
            boolean about = f.name().equals(field) || key != null && (f.name() + "[" + key + "]").equals(field);
            if (about && (Values.same(c.body().get("keptValue"), value) || Values.same(c.body().get("otherValue"), value))) {
                return true;
            }
        }
        return false;
    }

    /** Why the value stopped being current at {@code out}, having been current since {@code in}. */
    private String departure(Ledger.Entry e, ServerSnapshot.Version in, ServerSnapshot.Version out) {
        String where = " (current at v" + in.version() + ", replaced at v" + out.version() + ")";
        if (out.deviceId() == null) return "replaced by the server";
        if (out.deviceId().equals(e.deviceId())) return "replaced later by the same device";
        Ledger.Entry writer = out.mutationSeq() == null ? null : ledger.get(out.deviceId(), out.mutationSeq());
        if (writer == null) return "LOST: replaced by a write the simulation did not make" + where;
        if ("conflict".equals(writer.entity())) {
            Long seen = writer.targetSeenVersion();
            return seen != null && seen >= in.version() ? "replaced by a conflict resolution that saw it"
                    : "LOST: overwritten by a conflict "
                    + "resolution made without seeing it (" + (seen == null ? "the resolving device showed the record "
                    + "as deleted" : "it held v" + seen) + ")" + where;
        }
        Long base = server.receivedBase.get(new Ledger.Key(writer.deviceId(), writer.seq()));
        if (base != null && base >= in.version()) return "replaced by a later edit that saw it";
        return "LOST: overwritten by device " + writer.deviceId() + " seq " + writer.seq() + " (base v" + base
                + ") without a conflict record" + where;
    }
}
