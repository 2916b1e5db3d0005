-- A counter that every change to the articles bumps, so a publish can tell in one read that
-- nothing changed since the feeds were last written, and skip building them.
CREATE TABLE store_meta (
    key   TEXT    NOT NULL PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT;
INSERT INTO store_meta (key, value) VALUES ('version', 1);
