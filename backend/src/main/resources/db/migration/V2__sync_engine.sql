-- The sync engine. Big, append-mostly tables are hash-partitioned by municipality (the tenant), and every key
-- leads with municipality_id, so the same tables can later be distributed by municipality (Citus).

-- A phone (or other device) registered to one staff member. last_seq is the highest mutation seq judged,
-- advanced in the same transaction as the mutations' effects (exactly-once application).
CREATE TABLE device (
    municipality_id  uuid NOT NULL REFERENCES municipality (id),
    id               uuid NOT NULL,
    staff_id         uuid NOT NULL,
    label            text,
    status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
    registered_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at       timestamptz,
    revoked_by       uuid,
    revoke_reason    text,
    wipe_sent_at     timestamptz,
    last_seq         bigint NOT NULL DEFAULT 0,
    last_seen_at     timestamptz,
    last_hlc         text,
    schema_version   int,
    app_version      text,
    PRIMARY KEY (municipality_id, id),
    FOREIGN KEY (municipality_id, staff_id) REFERENCES staff (municipality_id, id)
);
CREATE INDEX device_by_staff ON device (municipality_id, staff_id);

-- Every request carrying mutations, stored exactly as received (after transport decompression) before any of
-- it is judged. Append-only.
CREATE TABLE sync_request (
    municipality_id  uuid NOT NULL,
    id               bigint GENERATED ALWAYS AS IDENTITY,
    device_id        uuid,
    staff_id         uuid NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now(),
    min_seq          bigint,
    max_seq          bigint,
    mutation_count   int NOT NULL,
    protocol_version int,
    schema_version   int,
    note             text,
    body             bytea NOT NULL,
    PRIMARY KEY (municipality_id, id)
) PARTITION BY HASH (municipality_id);
CREATE INDEX sync_request_by_device ON sync_request (municipality_id, device_id, min_seq);

-- The outcomes of the mutations judged in one transaction (seq first_seq..last_seq of one device), so that a
-- replayed request gets exactly the same answer.
CREATE TABLE sync_outcome (
    municipality_id  uuid NOT NULL,
    device_id        uuid NOT NULL,
    first_seq        bigint NOT NULL,
    last_seq         bigint NOT NULL,
    judged_at        timestamptz NOT NULL DEFAULT now(),
    outcomes         jsonb NOT NULL,
    PRIMARY KEY (municipality_id, device_id, first_seq)
) PARTITION BY HASH (municipality_id);

CREATE SEQUENCE record_change_seq CACHE 100;

-- Every version of every record: the history (nothing is ever overwritten) and, read in commit order, the change
-- feed devices pull. xid is the writing transaction's id; a reader only returns rows whose xid is below the
-- oldest transaction still running (the safe horizon), so a late commit is never skipped.
CREATE TABLE record_version (
    municipality_id  uuid NOT NULL,
    record_id        uuid NOT NULL,
    version          bigint NOT NULL,
    person_id        uuid NOT NULL,
    entity           text NOT NULL,
    category         smallint NOT NULL,
    deleted          boolean NOT NULL DEFAULT false,
    body             jsonb NOT NULL,
    stamps           jsonb NOT NULL,
    deleted_by       jsonb,
    author_id        uuid,
    device_id        uuid,
    mutation_seq     bigint,
    xid              bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    seq              bigint NOT NULL DEFAULT nextval('record_change_seq'),
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (municipality_id, record_id, version)
) PARTITION BY HASH (municipality_id);
CREATE INDEX record_version_feed ON record_version (municipality_id, person_id, xid, seq);
CREATE INDEX record_version_by_person_entity ON record_version (municipality_id, person_id, entity, record_id, version);

-- Open conflicts, for the review lists (a conflict's full story is its record in record_version).
CREATE TABLE open_conflict (
    municipality_id  uuid NOT NULL,
    conflict_id      uuid NOT NULL,
    person_id        uuid NOT NULL,
    record_id        uuid NOT NULL,
    entity           text NOT NULL,
    field            text,
    kind             text NOT NULL,
    -- the staff members whose values met (for "my conflicts")
    authors          uuid[] NOT NULL DEFAULT '{}',
    opened_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (municipality_id, conflict_id)
);
CREATE INDEX open_conflict_by_person ON open_conflict (municipality_id, person_id);
CREATE INDEX open_conflict_by_author ON open_conflict USING gin (authors);

-- A device whose clock ran further ahead than allowed: its timestamps were clamped.
CREATE TABLE clock_event (
    municipality_id  uuid NOT NULL,
    id               bigint GENERATED ALWAYS AS IDENTITY,
    device_id        uuid NOT NULL,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    device_hlc       text NOT NULL,
    ahead_by_ms      bigint NOT NULL,
    PRIMARY KEY (municipality_id, id)
);

-- Mutations that were stored but not applied for a reason a person must look at (written outside the writer's
-- scope, after consent was withdrawn, from a revoked device). Never dropped.
CREATE TABLE flagged_mutation (
    municipality_id  uuid NOT NULL,
    device_id        uuid NOT NULL,
    seq              bigint NOT NULL,
    person_id        uuid,
    reason           text NOT NULL,
    flagged_at       timestamptz NOT NULL DEFAULT now(),
    reviewed_at      timestamptz,
    reviewed_by      uuid,
    PRIMARY KEY (municipality_id, device_id, seq)
);
CREATE INDEX flagged_mutation_by_person ON flagged_mutation (municipality_id, person_id);

-- Evictions issued to devices and the purge receipts that answer them.
CREATE TABLE eviction (
    municipality_id  uuid NOT NULL,
    id               uuid NOT NULL,
    device_id        uuid NOT NULL,
    person_id        uuid NOT NULL,
    categories       int NOT NULL,
    reason           text NOT NULL,
    issued_at        timestamptz NOT NULL DEFAULT now(),
    purged_at        timestamptz,
    receipt          jsonb,
    PRIMARY KEY (municipality_id, id)
);
CREATE INDEX eviction_pending ON eviction (municipality_id, device_id, person_id) WHERE purged_at IS NULL;

CREATE TABLE purge_receipt (
    municipality_id  uuid NOT NULL,
    id               bigint GENERATED ALWAYS AS IDENTITY,
    device_id        uuid NOT NULL,
    person_id        uuid NOT NULL,
    eviction_id      uuid,
    categories       int NOT NULL,
    reason           text NOT NULL,
    device_purged_at text,
    records_purged   int NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (municipality_id, id)
);
CREATE INDEX purge_receipt_by_person ON purge_receipt (municipality_id, person_id);

DO $$
BEGIN
    FOR i IN 0..7 LOOP
        EXECUTE format('CREATE TABLE sync_request_p%s PARTITION OF sync_request FOR VALUES WITH (MODULUS 8, REMAINDER %s)', i, i);
        EXECUTE format('CREATE TABLE sync_outcome_p%s PARTITION OF sync_outcome FOR VALUES WITH (MODULUS 8, REMAINDER %s)', i, i);
        EXECUTE format('CREATE TABLE record_version_p%s PARTITION OF record_version FOR VALUES WITH (MODULUS 8, REMAINDER %s)', i, i);
    END LOOP;
END $$;
