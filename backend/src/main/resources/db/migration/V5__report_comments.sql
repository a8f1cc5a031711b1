-- Free-text comments on the municipality's yearly figures, one thread of versions per municipality, year and
-- indicator (Husbanken's template has an "Eventuelle kommentarer" beside every figure). Nothing is overwritten: a
-- changed comment is a new version, and the highest version is the comment shown and exported.
CREATE TABLE report_comment (
    municipality_id  uuid NOT NULL REFERENCES municipality (id),
    year             int NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    indicator        text NOT NULL CHECK (indicator ~ '^[a-z0-9_]{1,60}$'),
    version          int NOT NULL CHECK (version >= 1),
    comment          text NOT NULL CHECK (length(comment) <= 4000),
    written_by       uuid NOT NULL,
    written_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (municipality_id, year, indicator, version),
    FOREIGN KEY (municipality_id, written_by) REFERENCES staff (municipality_id, id)
);
