package no.tettpa.client;

import java.util.List;

/** The tables of {@link SqliteStore}. Ids are UUID text; field maps are JSON text. */
final class SqliteSchema {
    private SqliteSchema() {}

    static final List<String> DDL = List.of(
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS record (id TEXT PRIMARY KEY, entity TEXT NOT NULL, person_id TEXT NOT NULL, "
                    + "category TEXT NOT NULL, server_version INTEGER NOT NULL, server_deleted INTEGER NOT NULL, "
                    + "server_fields TEXT, server_complete INTEGER NOT NULL, fields TEXT, deleted INTEGER NOT NULL, "
                    + "pending INTEGER NOT NULL)",
            "CREATE INDEX IF NOT EXISTS record_by_person ON record (person_id, entity)",
            "CREATE INDEX IF NOT EXISTS record_by_entity ON record (entity)",
            "CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY, entity TEXT NOT NULL, op TEXT NOT NULL, "
                    + "record_id TEXT NOT NULL, person_id TEXT NOT NULL, category TEXT NOT NULL, base_version INTEGER, "
                    + "hlc TEXT NOT NULL, fields TEXT, created_at TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS outbox_by_record ON outbox (record_id)",
            "CREATE TABLE IF NOT EXISTS attention (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, seq INTEGER, "
                    + "entity TEXT, op TEXT, record_id TEXT, person_id TEXT, category TEXT, fields TEXT, code TEXT, "
                    + "field TEXT, message TEXT, content_purged INTEGER NOT NULL, at TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS scope (person_id TEXT PRIMARY KEY, categories TEXT NOT NULL, basis TEXT NOT NULL, "
                    + "until TEXT)",
            "CREATE TABLE IF NOT EXISTS purge_receipt (id INTEGER PRIMARY KEY AUTOINCREMENT, eviction_id TEXT UNIQUE, "
                    + "person_id TEXT NOT NULL, categories TEXT NOT NULL, reason TEXT NOT NULL, purged_at TEXT NOT NULL, "
                    + "records_purged INTEGER NOT NULL)");
}
