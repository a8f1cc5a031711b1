package no.tettpa.client;

import no.tettpa.sync.merge.Values;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Runs one client test vector (format: {@code client-vectors/README.md}): loads the local state into a fresh store,
 * runs one sync round answered by the vector's response, and describes the store afterwards in the vector's terms.
 */
final class ClientVectors {
    private ClientVectors() {}

    /** The store after the round, and the requests the device sent (the vector's, then any next one). */
    record Outcome(Map<String, Object> state, List<Map<String, Object>> requests, String error) {}

    @SuppressWarnings("unchecked")
    static Outcome run(Map<String, Object> vector, Path dir) {
        Instant now = Instant.parse((String) vector.get("now"));
        Map<String, Object> given = (Map<String, Object>) vector.get("state");
        LocalStore store = SqliteStore.open(dir.resolve("vector.db"));
        store.write(tx -> {
            load(tx, given);
            return null;
        });
        Map<String, Object> response = (Map<String, Object>) vector.get("response");
        List<Map<String, Object>> requests = new ArrayList<>();
        SyncTransport once = new SyncTransport() {
            private boolean answered;

            @Override
            public Response post(byte[] json, String token) throws IOException {
                requests.add(Json.readMap(new String(json, StandardCharsets.UTF_8)));
                if (answered) throw new IOException("the vector answers one request");
                answered = true;
                byte[] body = Json.writeBytes(response.get("body"));
                return new Response(((Number) response.get("status")).intValue(), body, null);
            }
        };
        int maxBatch = given.get("maxBatch") == null ? 500 : ((Number) given.get("maxBatch")).intValue();
        FieldClientConfig config = FieldClientConfig.defaults("vectors").withWallClock(now::toEpochMilli)
                .withRetry(Backoff.standard(), d -> { }).withBatching(maxBatch, null);
        String error = null;
        try (FieldClient client = FieldClient.open(store, once, () -> "token", config)) {
            try {
                client.sync();
            } catch (SyncException e) {
                error = e.kind().name();
            }
            return new Outcome(store.read(ClientVectors::describe), requests, error);
        }
    }

    @SuppressWarnings("unchecked")
    private static void load(StoreTransaction tx, Map<String, Object> s) {
        tx.putMeta(Meta.DEVICE_ID, (String) s.getOrDefault("deviceId", "d0000000-0000-4000-8000-000000000001"));
        tx.putMeta(Meta.CHECKPOINT, (String) s.get("checkpoint"));
        tx.putMeta(Meta.STATE, (String) s.get("deviceState"));
        tx.putMeta(Meta.PUSH_BLOCKED, s.get("pushBlocked") == null ? null : String.valueOf(s.get("pushBlocked")));
        if (s.get("lease") instanceof Map<?, ?> lease) {
            tx.putMeta(Meta.LEASE_UNTIL, (String) lease.get("partnerDataUntil"));
            tx.putMeta(Meta.LEASE_SECONDS, String.valueOf(lease.get("seconds")));
            tx.putMeta(Meta.LEASE_RECEIVED_AT, (String) lease.get("receivedAt"));
        }
        for (Map<String, Object> sc : list(s, "scopes")) {
            tx.putScope(new PersonScope(uuid(sc.get("personId")), (List<String>) sc.get("categories"),
                    (String) sc.get("basis"), (String) sc.get("until")));
        }
        for (Map<String, Object> r : list(s, "records")) {
            Map<String, Object> fields = (Map<String, Object>) r.get("fields");
            boolean deleted = Boolean.TRUE.equals(r.get("deleted"));
            String entity = (String) r.get("entity");
            tx.putRecord(new LocalRecord(uuid(r.get("id")), entity, uuid(r.get("personId")),
                    (String) r.getOrDefault("category", Categories.of(entity, fields)), number(r.get("version")), deleted,
                    deleted ? null : fields, !Boolean.FALSE.equals(r.get("complete")), fields, deleted, false));
        }
        long nextSeq = 1;
        for (Map<String, Object> o : list(s, "outbox")) {
            Map<String, Object> fields = (Map<String, Object>) o.get("fields");
            String entity = (String) o.get("entity");
            tx.appendOutbox(new OutboxEntry(number(o.get("seq")), entity, (String) o.get("op"), uuid(o.get("recordId")),
                    uuid(o.get("personId")), (String) o.getOrDefault("category", Categories.of(entity, fields)),
                    o.get("baseVersion") == null ? null : number(o.get("baseVersion")), (String) o.get("hlc"), fields,
                    "2026-01-01T00:00:00Z"));
            nextSeq = number(o.get("seq")) + 1;
        }
        tx.putMeta(Meta.NEXT_SEQ, String.valueOf(s.getOrDefault("nextSeq", nextSeq)));
        for (LocalRecord r : tx.records(null, null)) RecordViews.refresh(tx, r.id());
        for (OutboxEntry o : tx.outbox(Integer.MAX_VALUE)) RecordViews.refresh(tx, o.recordId());
        for (Map<String, Object> a : list(s, "attention")) {
            tx.addAttention(new AttentionItem(0, (String) a.getOrDefault("kind", "rejected"), number(a.get("seq")),
                    (String) a.get("entity"), (String) a.get("op"), uuid(a.get("recordId")), uuid(a.get("personId")),
                    (String) a.get("category"), (Map<String, Object>) a.get("fields"), (String) a.get("code"),
                    (String) a.get("field"), (String) a.get("message"), Boolean.TRUE.equals(a.get("contentPurged")),
                    "2026-01-01T00:00:00Z"));
        }
        for (Map<String, Object> r : list(s, "receipts")) {
            tx.addReceipt(new PendingReceipt(0, uuid(r.get("evictionId")), uuid(r.get("personId")),
                    (List<String>) r.get("categories"), (String) r.get("reason"), (String) r.get("purgedAt"),
                    (int) number(r.get("recordsPurged"))));
        }
    }

    /** The store in the vector's terms: what {@code expect} is compared with. */
    static Map<String, Object> describe(StoreTransaction tx) {
        Map<String, Object> out = new TreeMap<>();
        List<Object> records = new ArrayList<>();
        for (LocalRecord r : tx.records(null, null)) {
            Map<String, Object> m = new TreeMap<>();
            m.put("id", r.id().toString());
            m.put("entity", r.entity());
            m.put("personId", r.personId().toString());
            m.put("category", r.category());
            m.put("version", r.serverVersion());
            m.put("deleted", r.deleted());
            m.put("fields", r.fields());
            m.put("serverFields", r.serverFields());
            m.put("complete", r.serverComplete());
            m.put("pending", r.pending());
            records.add(m);
        }
        out.put("records", records);
        out.put("outbox", tx.outbox(Integer.MAX_VALUE).stream().map(o -> (Object) Values.normalize(mapOf(
                "seq", o.seq(), "entity", o.entity(), "op", o.op(), "recordId", o.recordId().toString(),
                "personId", o.personId().toString(), "baseVersion", o.baseVersion(), "fields", o.fields()))).toList());
        out.put("attention", tx.attention().stream().map(a -> (Object) Values.normalize(mapOf("kind", a.kind(),
                "seq", a.seq(), "entity", a.entity(), "op", a.op(), "recordId", str(a.recordId()),
                "personId", str(a.personId()), "code", a.code(), "field", a.field(), "fields", a.fields(),
                "contentPurged", a.contentPurged()))).toList());
        out.put("inbox", tx.records("conflict", null).stream().filter(r -> !r.deleted())
                .map(r -> (Object) Values.normalize(mapOf("id", r.id().toString(), "status", r.fields().get("status"),
                        "recordId", r.fields().get("recordId"), "field", r.fields().get("field")))).toList());
        out.put("scopes", tx.scopes().stream().map(s -> (Object) Values.normalize(mapOf("personId", s.personId().toString(),
                "categories", s.categories(), "basis", s.basis(), "until", s.until()))).toList());
        out.put("receipts", tx.receipts().stream().map(r -> (Object) Values.normalize(mapOf("evictionId", str(r.evictionId()),
                "personId", r.personId().toString(), "categories", r.categories(), "reason", r.reason(),
                "purgedAt", r.purgedAt(), "recordsPurged", r.recordsPurged()))).toList());
        out.put("checkpoint", tx.meta(Meta.CHECKPOINT).orElse(null));
        out.put("deviceState", tx.meta(Meta.STATE).orElse("active"));
        out.put("pushBlocked", tx.meta(Meta.PUSH_BLOCKED).map(Long::parseLong).orElse(null));
        out.put("leaseUntil", tx.meta(Meta.LEASE_UNTIL).orElse(null));
        return out;
    }

    /**
     * Whether {@code actual} matches {@code expected}: maps by the expected keys only (an expected null means absent
     * or null), lists element by element and of the same length, everything else by value.
     */
    static List<String> mismatches(String path, Object expected, Object actual) {
        List<String> out = new ArrayList<>();
        if (expected instanceof Map<?, ?> em) {
            if (!(actual instanceof Map<?, ?> am)) {
                out.add(path + ": expected an object, got " + actual);
                return out;
            }
            em.forEach((k, v) -> out.addAll(mismatches(path + "." + k, v, am.get(k))));
        } else if (expected instanceof List<?> el) {
            if (!(actual instanceof List<?> al) || al.size() != el.size()) {
                out.add(path + ": expected " + el.size() + " elements, got " + actual);
                return out;
            }
            for (int i = 0; i < el.size(); i++) out.addAll(mismatches(path + "[" + i + "]", el.get(i), al.get(i)));
        } else if (!Values.same(expected, actual)) {
            out.add(path + ": expected " + expected + ", got " + actual);
        }
        return out;
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? List.of() : (List<Map<String, Object>>) v;
    }

    private static UUID uuid(Object o) {
        return o == null ? null : UUID.fromString((String) o);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static long number(Object o) {
        return ((Number) Objects.requireNonNull(o)).longValue();
    }
}
