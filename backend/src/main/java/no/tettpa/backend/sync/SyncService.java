package no.tettpa.backend.sync;

import no.tettpa.backend.platform.Sql;
import no.tettpa.backend.platform.Jdbc;
import jakarta.inject.Singleton;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.problem.ProblemType;
import no.tettpa.sync.ProtocolVersion;
import no.tettpa.sync.clock.Hlc;
import no.tettpa.sync.clock.HlcClock;
import no.tettpa.sync.schema.Category;
import no.tettpa.sync.schema.Validation;
import no.tettpa.sync.wire.Mutation;
import no.tettpa.sync.wire.MutationOutcome;
import no.tettpa.sync.wire.PullPage;
import no.tettpa.sync.wire.PurgeReceipt;
import no.tettpa.sync.wire.SyncRequest;
import no.tettpa.sync.wire.SyncResponse;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One sync round trip. In order, each step in its own transaction:
 * <ol>
 *   <li>store the request exactly as received (when it carries mutations), before anything is judged;</li>
 *   <li>judge the mutations: replays get their stored outcomes, the next contiguous run is merged and the device's
 *       sequence watermark advances in the same transaction, a skipped seq is reported as a gap; purge receipts
 *       are recorded;</li>
 *   <li>read a page of changes (read-only, one snapshot);</li>
 *   <li>record the evictions that page carries.</li>
 * </ol>
 * Any step can fail and the device retries the same request: step 1 stores it again (harmless), step 2 answers
 * what was already judged from the stored outcomes, steps 3 and 4 are repeatable.
 */
@Singleton
public class SyncService {
    private final Jdbc jdbc;
    private final SyncJson json;
    private final SyncConfiguration config;
    private final ServerClock clock;
    private final DeviceStore devices;
    private final SyncStore syncStore;
    private final PushProcessor push;
    private final PullProcessor pull;
    private final DomainRules rules;
    private final ScopeResolver scopes;
    private final List<DeliveryListener> deliveryListeners;

    public SyncService(Jdbc jdbc, SyncJson json, SyncConfiguration config, ServerClock clock,
                       DeviceStore devices, SyncStore syncStore, PushProcessor push, PullProcessor pull,
                       DomainRules rules, ScopeResolver scopes, List<DeliveryListener> deliveryListeners) {
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.devices = devices;
        this.syncStore = syncStore;
        this.push = push;
        this.pull = pull;
        this.rules = rules;
        this.deliveryListeners = deliveryListeners;
    }

    /** Told what each pull delivered and evicted, in the transaction that records it (the access log). */
    public interface DeliveryListener {
        void delivered(Connection c, Caller caller, UUID deviceId, PullProcessor.Result result) throws SQLException;

        void evicted(Connection c, Caller caller, UUID deviceId, List<PullPage.Eviction> evictions) throws SQLException;

        void purged(Connection c, Caller caller, UUID deviceId, PurgeReceipt receipt) throws SQLException;
    }

    public SyncResponse sync(Caller caller, byte[] raw) {
        SyncRequest request = parse(caller, raw);
        List<Mutation> mutations = ordered(request.mutationsOrEmpty());
        if (!mutations.isEmpty()) {
            storeReceived(caller, request, mutations, raw, null);
        }
        checkVersions(request);
        if (mutations.size() > config.getMaxMutationsPerRequest()) {
            throw new ProblemException(ProblemType.TOO_MANY_MUTATIONS, "At most " + config.getMaxMutationsPerRequest()
                    + " mutations per request; this one has " + mutations.size() + " (it is stored; send them again in smaller batches)");
        }
        ClockCheck clockCheck = clockCheck(request, mutations);

        PushResult pushed = jdbc.write(c -> judge(c, caller, request, mutations, clockCheck));
        if (pushed.refused()) {
            throw new ProblemException(ProblemType.DEVICE_REVOKED,
                    "This device was revoked and told to wipe; it may not sync any more");
        }
        if (pushed.revoked()) {
            return response(List.of(), null, null, new SyncResponse.DeviceState("revoked", true), clockCheck);
        }
        PullPage page = null;
        if (request.pull() != null) {
            PullProcessor.Result r = jdbc.snapshot(c -> {
                PullProcessor.Result result = pull.pull(c, caller, request.deviceId(), request.pull(), request.schemaVersion());
                for (DeliveryListener l : deliveryListeners) l.delivered(c, caller, request.deviceId(), result);
                return result;
            });
            page = withEvictions(caller, request.deviceId(), r);
        }
        return response(pushed.outcomes(), pushed.gap(), page, new SyncResponse.DeviceState("active", false), clockCheck);
    }

    private record PushResult(List<MutationOutcome> outcomes, SyncResponse.Gap gap, boolean revoked, boolean refused) {
        static PushResult of(List<MutationOutcome> outcomes, SyncResponse.Gap gap) {
            return new PushResult(outcomes, gap, false, false);
        }
    }

    private record ClockCheck(Map<Long, Hlc> clamped, boolean wasClamped, long aheadBy, String deviceHlc) {}

    private PushResult judge(Connection c, Caller caller, SyncRequest request, List<Mutation> mutations,
                             ClockCheck clockCheck) throws SQLException {
        DeviceStore.Device device = devices.findOrRegister(c, caller, request.deviceId(), !mutations.isEmpty());
        if (device.revoked()) {
            return revoked(c, caller, device, mutations, request.purgeReceiptsOrEmpty());
        }
        devices.seen(c, caller.municipalityId(), device.id(), request.clientHlc(), request.schemaVersion(), request.appVersion());
        for (PurgeReceipt r : request.purgeReceiptsOrEmpty()) {
            recordPurge(c, caller, device.id(), r);
        }
        if (clockCheck.wasClamped()) {
            syncStore.clockEvent(c, caller.municipalityId(), device.id(), clockCheck.deviceHlc(), clockCheck.aheadBy());
        }
        if (mutations.isEmpty()) {
            return PushResult.of(List.of(), null);
        }
        long last = device.lastSeq();
        List<MutationOutcome> outcomes = new ArrayList<>();
        long firstReplay = mutations.get(0).seq();
        if (firstReplay <= last) {
            Map<Long, MutationOutcome> stored = syncStore.outcomes(c, caller.municipalityId(), device.id(), firstReplay, last);
            for (Mutation m : mutations) {
                if (m.seq() <= last && stored.containsKey(m.seq())) outcomes.add(stored.get(m.seq()));
            }
        }
        List<Mutation> run = new ArrayList<>();
        long expected = last + 1;
        SyncResponse.Gap gap = null;
        for (Mutation m : mutations) {
            if (m.seq() <= last) continue;
            if (m.seq() != expected) {
                gap = new SyncResponse.Gap(expected, m.seq());
                break;
            }
            run.add(m);
            expected++;
        }
        if (!run.isEmpty()) {
            Validation.Context ctx = Validation.Context.today(rules.formats());
            PushProcessor.Judged judged = push.judge(c, caller, device.id(), run, clockCheck.clamped(),
                    request.schemaVersion(), ctx);
            syncStore.storeOutcomes(c, caller.municipalityId(), device.id(), judged.outcomes());
            syncStore.flag(c, caller.municipalityId(), device.id(), judged.flags());
            devices.advance(c, caller.municipalityId(), device.id(), run.get(run.size() - 1).seq());
            outcomes.addAll(judged.outcomes());
        }
        return PushResult.of(outcomes, gap);
    }

    /**
     * A revoked device's first contact gets the wipe instruction; later requests are refused. What it pushed is
     * kept (stored as received) and flagged for review, never applied; a wipe receipt it sends is recorded.
     */
    private PushResult revoked(Connection c, Caller caller, DeviceStore.Device device, List<Mutation> mutations,
                               List<PurgeReceipt> receipts) throws SQLException {
        List<PushProcessor.Flag> flags = mutations.stream()
                .filter(m -> m.seq() > device.lastSeq())
                .map(m -> new PushProcessor.Flag(m.seq(), m.personId(), "device_revoked")).toList();
        syncStore.flag(c, caller.municipalityId(), device.id(), flags);
        for (PurgeReceipt r : receipts) {
            recordPurge(c, caller, device.id(), r);
        }
        if (device.wipeSent()) {
            return new PushResult(List.of(), null, true, true);
        }
        Sql.update(c, "UPDATE device SET wipe_sent_at = now() WHERE municipality_id = ? AND id = ?",
                caller.municipalityId(), device.id());
        return new PushResult(List.of(), null, true, false);
    }

    private void recordPurge(Connection c, Caller caller, UUID deviceId, PurgeReceipt r) throws SQLException {
        if (r.personId() == null || r.reason() == null || r.categories() == null) {
            throw new ProblemException(ProblemType.VALIDATION, "a purge receipt needs personId, categories and reason");
        }
        int mask = 0;
        for (String wire : r.categories()) {
            mask |= Category.fromWire(wire).map(cat -> 1 << cat.bit())
                    .orElseThrow(() -> new ProblemException(ProblemType.VALIDATION, "unknown category '" + wire + "' in a purge receipt"));
        }
        syncStore.purgeReceipt(c, caller.municipalityId(), deviceId, r, mask);
        for (DeliveryListener l : deliveryListeners) l.purged(c, caller, deviceId, r);
    }

    private PullPage withEvictions(Caller caller, UUID deviceId, PullProcessor.Result r) {
        if (r.evictions().isEmpty()) return r.page();
        List<PullPage.Eviction> evictions = jdbc.write(c -> {
            List<PullPage.Eviction> out = new ArrayList<>();
            for (Map.Entry<UUID, Integer> e : r.evictions().entrySet()) {
                String why = scopes.whyNot(c, caller, e.getKey());
                UUID id = syncStore.eviction(c, caller.municipalityId(), deviceId, e.getKey(), e.getValue(), why);
                out.add(new PullPage.Eviction(id, e.getKey(), PullProcessor.wire(e.getValue()), why));
            }
            for (DeliveryListener l : deliveryListeners) l.evicted(c, caller, deviceId, out);
            return out;
        });
        PullPage p = r.page();
        return new PullPage(p.changes(), evictions, p.scopes(), p.checkpoint(), p.more());
    }

    private SyncResponse response(List<MutationOutcome> outcomes, SyncResponse.Gap gap, PullPage page,
                                  SyncResponse.DeviceState device, ClockCheck clockCheck) {
        Instant now = Instant.now();
        SyncResponse.ClockNotice notice = clockCheck.wasClamped()
                ? new SyncResponse.ClockNotice(true, clockCheck.aheadBy(), config.getMaxClockAhead().toMillis()) : null;
        return new SyncResponse(ProtocolVersion.PROTOCOL, clock.now().toString(), now.toString(), device, outcomes, gap,
                page, new SyncResponse.Lease(now.plus(config.getPartnerLease()).toString(),
                config.getPartnerLease().toSeconds()), notice);
    }

    private SyncRequest parse(Caller caller, byte[] raw) {
        try {
            SyncRequest r = json.read(raw, SyncRequest.class);
            if (r == null) throw new IOException("empty");
            if (r.deviceId() == null) {
                throw new ProblemException(ProblemType.VALIDATION, "deviceId is required");
            }
            return r;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException pe) throw pe;
            if (raw.length > 0) {
                jdbc.write(c -> syncStore.storeReceived(c, caller.municipalityId(), null, caller.staffId(), null, null, 0,
                        null, null, "unreadable", raw));
            }
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The body is not a valid sync request: "
                    + "expected JSON with protocolVersion, schemaVersion, deviceId and optional mutations, pull, purgeReceipts");
        }
    }

    private void checkVersions(SyncRequest r) {
        if (r.protocolVersion() != ProtocolVersion.PROTOCOL) {
            throw new ProblemException(ProblemType.UPGRADE_REQUIRED, "Protocol version " + r.protocolVersion()
                    + " is not served; this server speaks protocol " + ProtocolVersion.PROTOCOL
                    + ". Your changes are stored on the server; update the app and sync again.");
        }
        if (!ProtocolVersion.servesSchema(r.schemaVersion())) {
            throw new ProblemException(ProblemType.UPGRADE_REQUIRED, "Schema version " + r.schemaVersion()
                    + " is not served (" + ProtocolVersion.SCHEMA_OLDEST + ".." + ProtocolVersion.SCHEMA_CURRENT
                    + "). Your changes are stored on the server; update the app and sync again.");
        }
    }

    private void storeReceived(Caller caller, SyncRequest r, List<Mutation> mutations, byte[] raw, String note) {
        long min = mutations.get(0).seq();
        long max = mutations.get(mutations.size() - 1).seq();
        jdbc.write(c -> syncStore.storeReceived(c, caller.municipalityId(), r.deviceId(), caller.staffId(), min, max,
                mutations.size(), r.protocolVersion(), r.schemaVersion(), note, raw));
    }

    /** Mutations by seq; a seq sent twice in one request counts once (the first). */
    private static List<Mutation> ordered(List<Mutation> mutations) {
        Map<Long, Mutation> bySeq = new LinkedHashMap<>();
        for (Mutation m : mutations) {
            if (m != null) bySeq.putIfAbsent(m.seq(), m);
        }
        List<Mutation> out = new ArrayList<>(bySeq.values());
        out.sort(Comparator.comparingLong(Mutation::seq));
        return out;
    }

    /**
     * Each mutation's clock as the server will use it: merged into the server clock, and clamped when it runs
     * further ahead of the server than allowed. A malformed clock leaves the mutation without one (rejected).
     */
    private ClockCheck clockCheck(SyncRequest r, List<Mutation> mutations) {
        Map<Long, Hlc> used = new HashMap<>();
        boolean clamped = false;
        long ahead = 0;
        String worst = r.clientHlc();
        List<String> seen = new ArrayList<>();
        if (r.clientHlc() != null) seen.add(r.clientHlc());
        for (Mutation m : mutations) {
            Optional<Hlc> h = parseHlc(m.hlc());
            if (h.isEmpty()) continue;
            HlcClock.Received received = clock.receive(h.get());
            used.put(m.seq(), received.remoteAsUsed());
            if (received.clamped() && received.aheadByMillis() > ahead) {
                clamped = true;
                ahead = received.aheadByMillis();
                worst = m.hlc();
            }
        }
        for (String s : seen) {
            Optional<Hlc> h = parseHlc(s);
            if (h.isPresent()) {
                HlcClock.Received received = clock.receive(h.get());
                if (received.clamped() && received.aheadByMillis() > ahead) {
                    clamped = true;
                    ahead = received.aheadByMillis();
                    worst = s;
                }
            }
        }
        return new ClockCheck(used, clamped, ahead, worst);
    }

    private static Optional<Hlc> parseHlc(String s) {
        try {
            return Optional.of(Hlc.parse(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

}
