-- The whole schema of the SQLite store (its migrations 1 to 4) in one step.
--
-- Dates are Unix milliseconds (UTC) and file times .NET ticks, as in the SQLite store, so both
-- stores give the same version strings, archive fingerprints and feed bytes. Ids and slugs compare
-- as bytes (COLLATE "C", as SQLite compares text), never by the server's locale: ties in feed order
-- must not depend on how the database was created.

-- One row per article: the columns the feeds need, ready to render (the body was rendered and
-- sanitized once at ingest).
CREATE TABLE articles (
    id            text   COLLATE "C" NOT NULL PRIMARY KEY,
    source_path   text   COLLATE "C" NOT NULL UNIQUE,
    seq           bigint NOT NULL,         -- order of arrival: archive pages never reshuffle
    file_length   bigint NOT NULL,
    file_mtime    bigint NOT NULL,         -- .NET ticks, UTC: finer than ms, as file systems are
    content_hash  text   NOT NULL,
    title         text   NOT NULL,
    path          text   NOT NULL,
    published     bigint NOT NULL,
    updated       bigint NOT NULL,
    summary       text   NOT NULL,
    content_html  text   NOT NULL,
    authors       text   NOT NULL,         -- JSON array of names
    categories    text   NOT NULL,         -- JSON array of names
    sources       text   NOT NULL,         -- JSON array of {"name","url"}
    url           text,
    origin_name   text,
    origin_url    text,
    language      text,
    image         text
);

-- The main feed's query: newest first, ties broken by id, read straight off the index.
CREATE INDEX articles_by_published ON articles (published DESC, id);

-- Archive pages are ranges of seq. With updated alongside, the fingerprints of all pages are one
-- index-only scan, without reading the table's heap.
CREATE UNIQUE INDEX articles_by_seq ON articles (seq) INCLUDE (updated);

-- A term's slug is fixed when the term first appears, so a feed's URL never changes; a second name
-- with the same slug gets "-2", "-3"... name_key is the name upper-cased by .NET's invariant
-- culture, the same folding the writer uses, so "Science" and "science" are one category whatever
-- the server's locale.
CREATE TABLE terms (
    kind      text NOT NULL CHECK (kind IN ('category', 'author')),
    name_key  text COLLATE "C" NOT NULL,
    name      text NOT NULL,                -- as first written
    slug      text COLLATE "C" NOT NULL,
    PRIMARY KEY (kind, name_key),
    UNIQUE (kind, slug)
);

-- Which article has which term, with the publication date copied in so that a term's feed is one
-- forward range of the unique index below, already in feed order.
CREATE TABLE article_terms (
    kind        text   NOT NULL,
    slug        text   COLLATE "C" NOT NULL,
    published   bigint NOT NULL,
    article_id  text   COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX article_terms_by_feed ON article_terms (kind, slug, published DESC, article_id);
CREATE INDEX article_terms_by_article ON article_terms (article_id);

-- A counter that every change to the articles bumps, so a publish can tell in one read that
-- nothing changed since the feeds were last written.
CREATE TABLE store_meta (
    key    text   NOT NULL PRIMARY KEY,
    value  bigint NOT NULL
);
INSERT INTO store_meta (key, value) VALUES ('version', 1);
