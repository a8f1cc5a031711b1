-- Hand-over of a person to another team or coordinator. Access follows the person's team at once; the records
-- stay with the person, so the whole history goes along; this table says who handed over to whom, when and why.
CREATE TABLE person_handover (
    municipality_id     uuid NOT NULL,
    id                  bigint GENERATED ALWAYS AS IDENTITY,
    person_id           uuid NOT NULL,
    from_team_id        uuid NOT NULL,
    from_coordinator_id uuid,
    to_team_id          uuid NOT NULL,
    to_coordinator_id   uuid,
    handed_over_by      uuid NOT NULL,
    handed_over_at      timestamptz NOT NULL DEFAULT now(),
    note                text CHECK (length(note) <= 2000),
    PRIMARY KEY (municipality_id, id),
    FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, id)
);
CREATE INDEX person_handover_by_person ON person_handover (municipality_id, person_id);
