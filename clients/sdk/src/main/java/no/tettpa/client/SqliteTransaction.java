package no.tettpa.client;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link StoreTransaction} over the one connection of a {@link SqliteStore}; valid only inside its transaction. */
final class SqliteTransaction implements StoreTransaction {
    private static final String RECORD_COLUMNS = "id, entity, person_id, category, server_version, server_deleted, "
            + "server_fields, server_complete, fields, deleted, pending";
    private static final String OUTBOX_COLUMNS = "seq, entity, op, record_id, person_id, category, base_version, hlc, "
            + "fields, created_at";
    private static final String ATTENTION_COLUMNS = "id, kind, seq, entity, op, record_id, person_id, category, fields, "
            + "code, field, message, content_purged, at";

    private final Connection c;

    SqliteTransaction(Connection c) {
        this.c = c;
    }

    @FunctionalInterface
    private interface Rows<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Rows<T> rows, Object... params) {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) out.add(rows.map(rs));
            return out;
        } catch (SQLException e) {
            throw new SqliteStore.StoreException(sql, e);
        }
    }

    private <T> Optional<T> one(String sql, Rows<T> rows, Object... params) {
        List<T> found = query(sql, rows, params);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private long update(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, params)) {
            ps.executeUpdate();
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT last_insert_rowid()")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new SqliteStore.StoreException(sql, e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) ps.setNull(i + 1, Types.NULL);
            else if (p instanceof UUID u) ps.setString(i + 1, u.toString());
            else if (p instanceof Boolean b) ps.setInt(i + 1, b ? 1 : 0);
            else ps.setObject(i + 1, p);
        }
        return ps;
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : UUID.fromString(s);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    @Override
    public Optional<String> meta(String key) {
        return one("SELECT value FROM meta WHERE key = ?", rs -> rs.getString(1), key);
    }

    @Override
    public void putMeta(String key, String value) {
        if (value == null) update("DELETE FROM meta WHERE key = ?", key);
        else update("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", key, value);
    }

    private static LocalRecord record(ResultSet rs) throws SQLException {
        return new LocalRecord(uuid(rs, "id"), rs.getString("entity"), uuid(rs, "person_id"), rs.getString("category"),
                rs.getLong("server_version"), rs.getInt("server_deleted") == 1, Json.readMap(rs.getString("server_fields")),
                rs.getInt("server_complete") == 1, Json.readMap(rs.getString("fields")), rs.getInt("deleted") == 1,
                rs.getInt("pending") == 1);
    }

    @Override
    public Optional<LocalRecord> record(UUID id) {
        return one("SELECT " + RECORD_COLUMNS + " FROM record WHERE id = ?", SqliteTransaction::record, id);
    }

    @Override
    public void putRecord(LocalRecord r) {
        update("INSERT OR REPLACE INTO record (" + RECORD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.entity(), r.personId(), r.category(), r.serverVersion(), r.serverDeleted(),
                Json.writeMap(r.serverFields()), r.serverComplete(), Json.writeMap(r.fields()), r.deleted(), r.pending());
    }

    @Override
    public void deleteRecord(UUID id) {
        update("DELETE FROM record WHERE id = ?", id);
    }

    @Override
    public List<LocalRecord> records(String entity, UUID personId) {
        return query("SELECT " + RECORD_COLUMNS + " FROM record WHERE (? IS NULL OR entity = ?) "
                        + "AND (? IS NULL OR person_id = ?) ORDER BY id", SqliteTransaction::record,
                entity, entity, personId, personId);
    }

    private static OutboxEntry outbox(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getLong("seq"), rs.getString("entity"), rs.getString("op"), uuid(rs, "record_id"),
                uuid(rs, "person_id"), rs.getString("category"), nullableLong(rs, "base_version"), rs.getString("hlc"),
                Json.readMap(rs.getString("fields")), rs.getString("created_at"));
    }

    @Override
    public void appendOutbox(OutboxEntry e) {
        update("INSERT INTO outbox (" + OUTBOX_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.seq(), e.entity(),
                e.op(), e.recordId(), e.personId(), e.category(), e.baseVersion(), e.hlc(), Json.writeMap(e.fields()),
                e.createdAt());
    }

    @Override
    public void putOutbox(OutboxEntry e) {
        update("INSERT OR REPLACE INTO outbox (" + OUTBOX_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.seq(),
                e.entity(), e.op(), e.recordId(), e.personId(), e.category(), e.baseVersion(), e.hlc(),
                Json.writeMap(e.fields()), e.createdAt());
    }

    @Override
    public Optional<OutboxEntry> outboxEntry(long seq) {
        return one("SELECT " + OUTBOX_COLUMNS + " FROM outbox WHERE seq = ?", SqliteTransaction::outbox, seq);
    }

    @Override
    public List<OutboxEntry> outbox(int limit) {
        return query("SELECT " + OUTBOX_COLUMNS + " FROM outbox ORDER BY seq LIMIT ?", SqliteTransaction::outbox, limit);
    }

    @Override
    public List<OutboxEntry> outboxForRecord(UUID recordId) {
        return query("SELECT " + OUTBOX_COLUMNS + " FROM outbox WHERE record_id = ? ORDER BY seq",
                SqliteTransaction::outbox, recordId);
    }

    @Override
    public void removeOutbox(long seq) {
        update("DELETE FROM outbox WHERE seq = ?", seq);
    }

    @Override
    public int outboxSize() {
        return one("SELECT count(*) FROM outbox", rs -> rs.getInt(1)).orElse(0);
    }

    private static AttentionItem attention(ResultSet rs) throws SQLException {
        return new AttentionItem(rs.getLong("id"), rs.getString("kind"), nullableLong(rs, "seq"), rs.getString("entity"),
                rs.getString("op"), uuid(rs, "record_id"), uuid(rs, "person_id"), rs.getString("category"),
                Json.readMap(rs.getString("fields")), rs.getString("code"), rs.getString("field"),
                rs.getString("message"), rs.getInt("content_purged") == 1, rs.getString("at"));
    }

    @Override
    public long addAttention(AttentionItem a) {
        return update("INSERT INTO attention (kind, seq, entity, op, record_id, person_id, category, fields, code, field, "
                        + "message, content_purged, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.kind(), a.seq(),
                a.entity(), a.op(), a.recordId(), a.personId(), a.category(), Json.writeMap(a.fields()), a.code(),
                a.field(), a.message(), a.contentPurged(), a.at());
    }

    @Override
    public void putAttention(AttentionItem a) {
        update("INSERT OR REPLACE INTO attention (" + ATTENTION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.kind(), a.seq(), a.entity(), a.op(), a.recordId(), a.personId(), a.category(),
                Json.writeMap(a.fields()), a.code(), a.field(), a.message(), a.contentPurged(), a.at());
    }

    @Override
    public List<AttentionItem> attention() {
        return query("SELECT " + ATTENTION_COLUMNS + " FROM attention ORDER BY id", SqliteTransaction::attention);
    }

    @Override
    public void removeAttention(long id) {
        update("DELETE FROM attention WHERE id = ?", id);
    }

    private static PersonScope scope(ResultSet rs) throws SQLException {
        return new PersonScope(uuid(rs, "person_id"), Json.readStrings(rs.getString("categories")), rs.getString("basis"),
                rs.getString("until"));
    }

    @Override
    public Optional<PersonScope> scope(UUID personId) {
        return one("SELECT person_id, categories, basis, until FROM scope WHERE person_id = ?", SqliteTransaction::scope,
                personId);
    }

    @Override
    public void putScope(PersonScope s) {
        update("INSERT OR REPLACE INTO scope (person_id, categories, basis, until) VALUES (?, ?, ?, ?)", s.personId(),
                Json.write(s.categories()), s.basis(), s.until());
    }

    @Override
    public void removeScope(UUID personId) {
        update("DELETE FROM scope WHERE person_id = ?", personId);
    }

    @Override
    public List<PersonScope> scopes() {
        return query("SELECT person_id, categories, basis, until FROM scope ORDER BY person_id", SqliteTransaction::scope);
    }

    @Override
    public void addReceipt(PendingReceipt r) {
        update("INSERT OR IGNORE INTO purge_receipt (eviction_id, person_id, categories, reason, purged_at, records_purged) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", r.evictionId(), r.personId(), Json.write(r.categories()), r.reason(),
                r.purgedAt(), r.recordsPurged());
    }

    @Override
    public List<PendingReceipt> receipts() {
        return query("SELECT id, eviction_id, person_id, categories, reason, purged_at, records_purged FROM purge_receipt "
                + "ORDER BY id", rs -> new PendingReceipt(rs.getLong("id"), uuid(rs, "eviction_id"), uuid(rs, "person_id"),
                Json.readStrings(rs.getString("categories")), rs.getString("reason"), rs.getString("purged_at"),
                rs.getInt("records_purged")));
    }

    @Override
    public void removeReceipt(long id) {
        update("DELETE FROM purge_receipt WHERE id = ?", id);
    }

    @Override
    public void wipeAll() {
        for (String table : List.of("record", "outbox", "attention", "scope", "purge_receipt", "meta")) {
            update("DELETE FROM " + table);
        }
    }
}
