-- Who may see what beyond the caseload: a person's consent to share named record categories with a partner team,
-- and short-lived exceptional access ("kortvarig tilgang"). And the access log: append-only, hash-chained.

CREATE TABLE consent_grant (
    municipality_id   uuid NOT NULL,
    id                uuid NOT NULL,
    person_id         uuid NOT NULL,
    partner_team_id   uuid NOT NULL,
    categories        int NOT NULL CHECK (categories > 0),
    purpose           text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
    valid_from        date NOT NULL,
    valid_until       date NOT NULL CHECK (valid_until >= valid_from),
    given_how         text NOT NULL CHECK (given_how IN ('written', 'signed', 'verbal')),
    recorded_by       uuid NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    withdrawn_at      timestamptz,
    withdrawn_by      uuid,
    withdrawal_note   text CHECK (length(withdrawal_note) <= 1000),
    PRIMARY KEY (municipality_id, id),
    FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, id),
    FOREIGN KEY (municipality_id, partner_team_id) REFERENCES team (municipality_id, id)
);
CREATE INDEX consent_by_team ON consent_grant (municipality_id, partner_team_id, valid_until);
CREATE INDEX consent_by_person ON consent_grant (municipality_id, person_id);

CREATE TABLE exceptional_access (
    municipality_id   uuid NOT NULL,
    id                uuid NOT NULL,
    person_id         uuid NOT NULL,
    staff_id          uuid NOT NULL,
    reason            text NOT NULL CHECK (length(reason) BETWEEN 10 AND 1000),
    granted_at        timestamptz NOT NULL DEFAULT now(),
    expires_at        timestamptz NOT NULL CHECK (expires_at > granted_at),
    reviewed_at       timestamptz,
    reviewed_by       uuid,
    review_note       text CHECK (length(review_note) <= 1000),
    PRIMARY KEY (municipality_id, id),
    FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, id),
    FOREIGN KEY (municipality_id, staff_id) REFERENCES staff (municipality_id, id)
);
CREATE INDEX exceptional_access_by_staff ON exceptional_access (municipality_id, staff_id, expires_at);
CREATE INDEX exceptional_access_unreviewed ON exceptional_access (municipality_id, person_id) WHERE reviewed_at IS NULL;

-- Every access to a person's data: deliveries to devices, reads and writes over the API and by sync, consent,
-- device and access changes. Writers only insert; a chainer links committed events into a hash chain afterwards
-- (so writers never wait on one another), in the order it finds them below the safe horizon.
CREATE TABLE audit_event (
    municipality_id   uuid NOT NULL,
    id                bigint GENERATED ALWAYS AS IDENTITY,
    at                timestamptz NOT NULL DEFAULT now(),
    xid               bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    actor_id          uuid,
    device_id         uuid,
    action            text NOT NULL,
    person_id         uuid,
    basis             text,
    purpose           text,
    details           jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (municipality_id, id)
) PARTITION BY HASH (municipality_id);
CREATE INDEX audit_event_by_person ON audit_event (municipality_id, person_id, at);
CREATE INDEX audit_event_to_chain ON audit_event (municipality_id, xid, id);

CREATE TABLE audit_chain (
    municipality_id   uuid NOT NULL,
    position          bigint NOT NULL,
    event_id          bigint NOT NULL,
    hash              bytea NOT NULL,
    PRIMARY KEY (municipality_id, position),
    UNIQUE (municipality_id, event_id)
);

-- Where each municipality's chain stands: its last position and hash, and how far the chainer has read.
CREATE TABLE audit_chain_head (
    municipality_id   uuid PRIMARY KEY,
    position          bigint NOT NULL,
    hash              bytea NOT NULL,
    read_xid          bigint NOT NULL,
    read_id           bigint NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

DO $$
BEGIN
    FOR i IN 0..7 LOOP
        EXECUTE format('CREATE TABLE audit_event_p%s PARTITION OF audit_event FOR VALUES WITH (MODULUS 8, REMAINDER %s)', i, i);
    END LOOP;
END $$;
