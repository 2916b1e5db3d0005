-- One row per article; the columns the feeds need, ready to render (the body was rendered and
-- sanitized once at ingest). Dates are Unix milliseconds, UTC.
CREATE TABLE articles (
    id            TEXT    NOT NULL PRIMARY KEY,
    source_path   TEXT    NOT NULL UNIQUE,
    file_length   INTEGER NOT NULL,
    file_mtime    INTEGER NOT NULL,   -- .NET ticks, UTC: finer than ms, as file systems are
    content_hash  TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    path          TEXT    NOT NULL,
    published     INTEGER NOT NULL,
    updated       INTEGER NOT NULL,
    summary       TEXT    NOT NULL,
    content_html  TEXT    NOT NULL,
    authors       TEXT    NOT NULL,   -- JSON array of names
    categories    TEXT    NOT NULL,   -- JSON array of names
    sources       TEXT    NOT NULL    -- JSON array of {"name","url"}
) STRICT;

-- The main feed's query: newest first, ties broken by id, read straight off the index.
CREATE INDEX articles_by_published ON articles (published DESC, id);
