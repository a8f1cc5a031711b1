package no.tettpa.backend.audit;

import jakarta.inject.Singleton;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.records.RecordService;
import no.tettpa.backend.sync.DeviceStore;
import no.tettpa.backend.sync.PullProcessor;
import no.tettpa.backend.sync.PushProcessor;
import no.tettpa.backend.sync.RecordStore;
import no.tettpa.backend.sync.SyncService;
import no.tettpa.backend.sync.model.VisibleScope;
import no.tettpa.sync.schema.Category;
import no.tettpa.sync.wire.Mutation;
import no.tettpa.sync.wire.MutationOutcome;
import no.tettpa.sync.wire.PullPage;
import no.tettpa.sync.wire.PurgeReceipt;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Logs every access to a person's data as it happens, in the same transaction: each delivery to a device (which
 * records, which versions, on what basis), each read over the API, each write and refused write, each eviction and
 * purge receipt. One event per person per request, listing the records, keeps the log complete and small.
 */
@Singleton
public class AccessLogging implements SyncService.DeliveryListener, RecordService.ReadListener, PushProcessor.WriteListener,
        DeviceStore.RegistrationListener {
    private final AuditLog log;

    public AccessLogging(AuditLog log) {
        this.log = log;
    }

    @Override
    public void delivered(Connection c, Caller caller, UUID deviceId, PullProcessor.Result result) throws SQLException {
        Map<UUID, List<RecordStore.FeedRow>> byPerson = new LinkedHashMap<>();
        for (RecordStore.FeedRow r : result.delivered()) byPerson.computeIfAbsent(r.personId(), k -> new ArrayList<>()).add(r);
        List<AuditLog.Event> events = new ArrayList<>();
        for (Map.Entry<UUID, List<RecordStore.FeedRow>> e : byPerson.entrySet()) {
            VisibleScope scope = result.visible().get(e.getKey());
            TreeSet<String> categories = new TreeSet<>();
            List<String> records = new ArrayList<>();
            for (RecordStore.FeedRow r : e.getValue()) {
                records.add(r.recordId() + ":" + r.version());
                categories.add(category(r.category()));
            }
            events.add(new AuditLog.Event(caller.staffId(), deviceId, "delivery", e.getKey(),
                    scope == null ? null : scope.basis().wire(), "sync",
                    Map.of("records", records, "categories", List.copyOf(categories))));
        }
        log.record(c, caller.municipalityId(), events);
    }

    @Override
    public void evicted(Connection c, Caller caller, UUID deviceId, List<PullPage.Eviction> evictions) throws SQLException {
        List<AuditLog.Event> events = new ArrayList<>();
        for (PullPage.Eviction e : evictions) {
            events.add(new AuditLog.Event(caller.staffId(), deviceId, "eviction", e.personId(), null, e.reason(),
                    Map.of("evictionId", e.evictionId().toString(), "categories", e.categories())));
        }
        log.record(c, caller.municipalityId(), events);
    }

    @Override
    public void purged(Connection c, Caller caller, UUID deviceId, PurgeReceipt r) throws SQLException {
        Map<String, Object> details = new LinkedHashMap<>();
        if (r.evictionId() != null) details.put("evictionId", r.evictionId().toString());
        details.put("categories", r.categories());
        details.put("devicePurgedAt", r.purgedAt());
        details.put("recordsPurged", r.recordsPurged());
        log.record(c, caller.municipalityId(), new AuditLog.Event(caller.staffId(), deviceId, "purge", r.personId(),
                null, r.reason(), details));
    }

    @Override
    public void read(Connection c, Caller caller, UUID personId, List<RecordStore.StoredRecord> records, String basis,
                     String purpose) throws SQLException {
        List<String> ids = records.stream().map(r -> r.recordId() + ":" + r.version()).toList();
        log.record(c, caller.municipalityId(), new AuditLog.Event(caller.staffId(), null, "read", personId, basis, purpose,
                Map.of("records", ids)));
    }

    @Override
    public void judged(Connection c, Caller caller, UUID deviceId, List<Mutation> batch, List<MutationOutcome> outcomes)
            throws SQLException {
        Map<UUID, List<String>> written = new LinkedHashMap<>();
        List<AuditLog.Event> events = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Mutation m = batch.get(i);
            MutationOutcome o = outcomes.get(i);
            if (m.personId() == null) continue;
            if (o.rejection() != null) {
                events.add(new AuditLog.Event(caller.staffId(), deviceId, "write_refused", m.personId(), null,
                        o.rejection().code(), Map.of("seq", m.seq(), "entity", String.valueOf(m.entity()),
                        "recordId", String.valueOf(m.recordId()))));
            } else {
                written.computeIfAbsent(m.personId(), k -> new ArrayList<>()).add(m.recordId() + ":" + o.version());
            }
        }
        written.forEach((person, records) -> events.add(new AuditLog.Event(caller.staffId(), deviceId, "write", person,
                null, deviceId == null ? "api" : "sync", Map.of("records", records))));
        log.record(c, caller.municipalityId(), events);
    }

    @Override
    public void registered(Connection c, Caller caller, UUID deviceId) throws SQLException {
        log.record(c, caller.municipalityId(), new AuditLog.Event(caller.staffId(), deviceId, "device", null,
                "own device", "device registered", Map.of()));
    }

    private static String category(int bit) {
        for (Category c : Category.values()) if (c.bit() == bit) return c.wire();
        return "unknown";
    }
}
