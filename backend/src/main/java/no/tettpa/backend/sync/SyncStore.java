package no.tettpa.backend.sync;

import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import no.tettpa.backend.platform.Sql;
import no.tettpa.sync.wire.MutationOutcome;
import no.tettpa.sync.wire.PurgeReceipt;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The engine's own bookkeeping: requests as received, outcomes, flags, clock events, evictions, purge receipts. */
@Singleton
public class SyncStore {
    private static final Argument<List<MutationOutcome>> OUTCOMES = Argument.listOf(MutationOutcome.class);

    private final SyncJson json;

    public SyncStore(SyncJson json) {
        this.json = json;
    }

    /** Stores a request exactly as received; returns its id. */
    public long storeReceived(Connection c, UUID municipality, UUID deviceId, UUID staffId, Long minSeq, Long maxSeq,
                              int count, Integer protocolVersion, Integer schemaVersion, String note, byte[] body)
            throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO sync_request (municipality_id, device_id, staff_id, min_seq, max_seq, "
                + "mutation_count, protocol_version, schema_version, note, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "RETURNING id")) {
            ps.setObject(1, municipality);
            ps.setObject(2, deviceId);
            ps.setObject(3, staffId);
            ps.setObject(4, minSeq);
            ps.setObject(5, maxSeq);
            ps.setInt(6, count);
            ps.setObject(7, protocolVersion);
            ps.setObject(8, schemaVersion);
            ps.setString(9, note);
            ps.setBytes(10, body);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first stored request of this device that carried the given seq, as received. */
    public Optional<byte[]> received(Connection c, UUID municipality, UUID deviceId, long seq) throws SQLException {
        return Optional.ofNullable(Sql.one(c, "SELECT body FROM sync_request WHERE municipality_id = ? AND device_id = ? "
                + "AND min_seq <= ? AND max_seq >= ? ORDER BY id LIMIT 1", rs -> rs.getBytes(1), municipality, deviceId, seq, seq));
    }

    public void storeOutcomes(Connection c, UUID municipality, UUID deviceId, List<MutationOutcome> outcomes)
            throws SQLException {
        if (outcomes.isEmpty()) return;
        try (var ps = c.prepareStatement("INSERT INTO sync_outcome (municipality_id, device_id, first_seq, last_seq, outcomes) "
                + "VALUES (?, ?, ?, ?, ?::jsonb)")) {
            ps.setObject(1, municipality);
            ps.setObject(2, deviceId);
            ps.setLong(3, outcomes.get(0).seq());
            ps.setLong(4, outcomes.get(outcomes.size() - 1).seq());
            ps.setString(5, json.write(outcomes));
            ps.executeUpdate();
        }
    }

    /** The outcomes already given for seqs in [from, to]. */
    public Map<Long, MutationOutcome> outcomes(Connection c, UUID municipality, UUID deviceId, long from, long to)
            throws SQLException {
        Map<Long, MutationOutcome> out = new HashMap<>();
        try (var ps = c.prepareStatement("SELECT outcomes::text FROM sync_outcome WHERE municipality_id = ? "
                + "AND device_id = ? AND last_seq >= ? AND first_seq <= ?")) {
            ps.setObject(1, municipality);
            ps.setObject(2, deviceId);
            ps.setLong(3, from);
            ps.setLong(4, to);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (MutationOutcome o : json.read(rs.getString(1), OUTCOMES)) {
                        if (o.seq() >= from && o.seq() <= to) out.put(o.seq(), o);
                    }
                }
            }
        }
        return out;
    }

    public void flag(Connection c, UUID municipality, UUID deviceId, List<PushProcessor.Flag> flags) throws SQLException {
        if (flags.isEmpty()) return;
        try (var ps = c.prepareStatement("INSERT INTO flagged_mutation (municipality_id, device_id, seq, person_id, reason) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (PushProcessor.Flag f : flags) {
                ps.setObject(1, municipality);
                ps.setObject(2, deviceId);
                ps.setLong(3, f.seq());
                ps.setObject(4, f.personId());
                ps.setString(5, f.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public void clockEvent(Connection c, UUID municipality, UUID deviceId, String deviceHlc, long aheadByMs)
            throws SQLException {
        Sql.update(c, "INSERT INTO clock_event (municipality_id, device_id, device_hlc, ahead_by_ms) VALUES (?, ?, ?, ?)",
                municipality, deviceId, deviceHlc, aheadByMs);
    }

    /** The eviction to send for (device, person, categories): a pending one is re-sent with its id, else a new one. */
    public UUID eviction(Connection c, UUID municipality, UUID deviceId, UUID personId, int categories, String reason)
            throws SQLException {
        try (var ps = c.prepareStatement("SELECT id FROM eviction WHERE municipality_id = ? AND device_id = ? "
                + "AND person_id = ? AND categories = ? AND purged_at IS NULL ORDER BY issued_at LIMIT 1")) {
            ps.setObject(1, municipality);
            ps.setObject(2, deviceId);
            ps.setObject(3, personId);
            ps.setInt(4, categories);
            try (var rs = ps.executeQuery()) {
                if (rs.next()) return rs.getObject(1, UUID.class);
            }
        }
        UUID id = UUID.randomUUID();
        Sql.update(c, "INSERT INTO eviction (municipality_id, id, device_id, person_id, categories, reason) "
                + "VALUES (?, ?, ?, ?, ?, ?)", municipality, id, deviceId, personId, categories, reason);
        return id;
    }

    public void purgeReceipt(Connection c, UUID municipality, UUID deviceId, PurgeReceipt r, int categories)
            throws SQLException {
        Sql.update(c, "INSERT INTO purge_receipt (municipality_id, device_id, person_id, eviction_id, categories, reason, "
                + "device_purged_at, records_purged) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", municipality, deviceId, r.personId(),
                r.evictionId(), categories, r.reason(), r.purgedAt(), Math.max(0, r.recordsPurged()));
        if (r.evictionId() != null) {
            Sql.update(c, "UPDATE eviction SET purged_at = now(), receipt = ?::jsonb WHERE municipality_id = ? AND id = ? "
                    + "AND device_id = ? AND purged_at IS NULL", json.write(r), municipality, r.evictionId(), deviceId);
        }
    }
}
