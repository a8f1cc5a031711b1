package no.tettpa.backend.support;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.sync.clock.HlcClock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A device in tests: numbers its mutations, keeps a hybrid clock and a checkpoint, talks gzip JSON to /api/v1/sync. */
public final class TestDevice {
    public final UUID id = UUID.randomUUID();
    public String token;
    public String checkpoint;
    public int schemaVersion = 2;
    private final Http http;
    private final HlcClock clock;
    private long seq;

    public TestDevice(Http http, String token) {
        this.http = http;
        this.token = token;
        this.clock = new HlcClock("dev-" + id.toString().substring(0, 8), System::currentTimeMillis, Long.MAX_VALUE / 4);
    }

    public long nextSeq() {
        return seq + 1;
    }

    public void skipTo(long nextSeq) {
        this.seq = nextSeq - 1;
    }

    public Map<String, Object> create(String entity, UUID recordId, UUID personId, Map<String, Object> fields) {
        return mutation(entity, "create", recordId, personId, null, fields);
    }

    public Map<String, Object> update(String entity, UUID recordId, UUID personId, long baseVersion, Map<String, Object> fields) {
        return mutation(entity, "update", recordId, personId, baseVersion, fields);
    }

    public Map<String, Object> delete(String entity, UUID recordId, UUID personId, long baseVersion) {
        return mutation(entity, "delete", recordId, personId, baseVersion, null);
    }

    public Map<String, Object> mutation(String entity, String op, UUID recordId, UUID personId, Long baseVersion,
                                        Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", ++seq);
        m.put("entity", entity);
        m.put("op", op);
        m.put("recordId", recordId.toString());
        m.put("personId", personId.toString());
        if (baseVersion != null) m.put("baseVersion", baseVersion);
        m.put("hlc", clock.now().toString());
        if (fields != null) m.put("fields", fields);
        return m;
    }

    public Map<String, Object> request(List<Map<String, Object>> mutations, boolean pull) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("protocolVersion", 1);
        r.put("schemaVersion", schemaVersion);
        r.put("deviceId", id.toString());
        r.put("clientHlc", clock.now().toString());
        if (!mutations.isEmpty()) r.put("mutations", mutations);
        if (pull) {
            Map<String, Object> p = new LinkedHashMap<>();
            if (checkpoint != null) p.put("checkpoint", checkpoint);
            r.put("pull", p);
        }
        return r;
    }

    /** Sends mutations (and a pull if asked); applies the page's checkpoint. */
    public Http.Response sync(List<Map<String, Object>> mutations, boolean pull) {
        return send(request(mutations, pull));
    }

    public Http.Response send(Map<String, Object> request) {
        Http.Response r = http.postGzip("/api/v1/sync", token, Http.toJson(request));
        if (r.status() == 200) {
            JsonNode page = r.json().get("pull");
            if (page != null && !page.isNull()) checkpoint = page.get("checkpoint").getStringValue();
        }
        return r;
    }

    public JsonNode push(Map<String, Object>... mutations) {
        Http.Response r = sync(List.of(mutations), false);
        if (r.status() != 200) throw new AssertionError("push failed: " + r.status() + " " + r.body());
        return r.json().get("outcomes");
    }

    /** An array field of a response; absent means empty (the protocol omits empty arrays). */
    public static Iterable<JsonNode> array(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        return n == null || n.isNull() ? List.of() : n.values();
    }

    /** Pulls pages until no more; returns every change, in order. */
    public List<JsonNode> pullAll() {
        return pullAll(new ArrayList<>());
    }

    public List<JsonNode> pullAll(List<JsonNode> evictions) {
        List<JsonNode> changes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Http.Response r = sync(List.of(), true);
            if (r.status() != 200) throw new AssertionError("pull failed: " + r.status() + " " + r.body());
            JsonNode page = r.json().get("pull");
            for (JsonNode c : array(page, "changes")) changes.add(c);
            for (JsonNode e : array(page, "evictions")) evictions.add(e);
            if (!page.get("more").getBooleanValue()) return changes;
        }
        throw new AssertionError("pull did not finish");
    }
}
