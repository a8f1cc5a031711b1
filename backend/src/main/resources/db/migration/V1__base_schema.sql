-- Tettpå base schema: municipalities (tenants), teams, staff and the persons followed up.
-- Every tenant-owned table leads with municipality_id and includes it in its primary key, so tables can be
-- partitioned or distributed (Citus) by municipality without changing a key. Small lookup tables that must be
-- read across tenants (municipality, staff identities) are reference tables.

CREATE TABLE municipality (
    id          uuid PRIMARY KEY,
    number      text NOT NULL UNIQUE CHECK (number ~ '^[0-9]{4}$'),   -- kommunenummer
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team (
    municipality_id  uuid NOT NULL REFERENCES municipality (id),
    id               uuid NOT NULL,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- boveiledning, housing_first, act, fact
    kind             text NOT NULL CHECK (kind IN ('boveiledning', 'housing_first', 'act', 'fact')),
    -- who is data controller for what this team records: the municipality, or a hospital trust (helseforetak)
    controller_kind  text NOT NULL DEFAULT 'municipality' CHECK (controller_kind IN ('municipality', 'hospital_trust')),
    controller_name  text NOT NULL CHECK (length(controller_name) BETWEEN 1 AND 200),
    partner          boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (municipality_id, id)
);

CREATE TABLE staff (
    municipality_id  uuid NOT NULL REFERENCES municipality (id),
    id               uuid NOT NULL,
    display_name     text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    -- the identity provider's issuer and subject this staff member signs in with
    issuer           text NOT NULL,
    subject          text NOT NULL,
    roles            text[] NOT NULL CHECK (roles <@ ARRAY['field-worker', 'team-leader', 'partner', 'administrator']
                                            AND cardinality(roles) > 0),
    active           boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (municipality_id, id),
    UNIQUE (issuer, subject)
);

CREATE TABLE team_member (
    municipality_id  uuid NOT NULL,
    team_id          uuid NOT NULL,
    staff_id         uuid NOT NULL,
    joined_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (municipality_id, team_id, staff_id),
    FOREIGN KEY (municipality_id, team_id) REFERENCES team (municipality_id, id),
    FOREIGN KEY (municipality_id, staff_id) REFERENCES staff (municipality_id, id)
);
CREATE INDEX team_member_by_staff ON team_member (municipality_id, staff_id);

-- A person followed up (tjenestemottaker). The team and the named coordinator decide the caseload.
CREATE TABLE person (
    municipality_id  uuid NOT NULL REFERENCES municipality (id),
    id               uuid NOT NULL,
    display_name     text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    team_id          uuid NOT NULL,
    coordinator_id   uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (municipality_id, id),
    FOREIGN KEY (municipality_id, team_id) REFERENCES team (municipality_id, id),
    FOREIGN KEY (municipality_id, coordinator_id) REFERENCES staff (municipality_id, id)
);
CREATE INDEX person_by_team ON person (municipality_id, team_id);
CREATE INDEX person_by_coordinator ON person (municipality_id, coordinator_id);
