-- Indexes for the leaders' overviews (caseload, fidelity), which read a team's visits by time and need to know which
-- appended entries a later entry corrects.
--
-- A visit's startedAt is always ISO-8601 with an offset (the schema refuses anything else), so turning it into a
-- timestamptz does not depend on the session's TimeZone or DateStyle: the function may be declared immutable and
-- used in an index. Queries must call it the same way to use the index.
CREATE FUNCTION tettpa_instant(text) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT $1::timestamptz $$;

CREATE INDEX record_version_visit_started ON record_version (municipality_id, person_id, tettpa_instant(body->>'startedAt'))
    WHERE entity = 'visit';

-- Entries that correct an earlier one are few; this finds them per person without reading every entry.
CREATE INDEX record_version_corrections ON record_version (municipality_id, person_id, entity)
    WHERE (body->>'corrects') IS NOT NULL;
