-- Categories and authors get their own feeds. A term's slug is fixed when the term first appears,
-- so a feed's URL never changes; a second name with the same slug gets "-2", "-3"...
CREATE TABLE terms (
    kind  TEXT NOT NULL,                 -- 'category' or 'author'
    name  TEXT NOT NULL COLLATE NOCASE,  -- "Science" and "science" are one category
    slug  TEXT NOT NULL,
    PRIMARY KEY (kind, name),
    UNIQUE (kind, slug)
) STRICT;

-- Which article has which term, with the publication date copied in so that a term's feed is one
-- range of this index, newest first.
CREATE TABLE article_terms (
    kind       TEXT    NOT NULL,
    slug       TEXT    NOT NULL,
    published  INTEGER NOT NULL,
    article_id TEXT    NOT NULL,
    PRIMARY KEY (kind, slug, published, article_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_terms_by_article ON article_terms (article_id);

-- The order in which articles entered the store, for RFC 5005 archive pages that never reshuffle.
ALTER TABLE articles ADD COLUMN seq INTEGER;
UPDATE articles SET seq = rowid;
CREATE UNIQUE INDEX articles_by_seq ON articles (seq);

-- The terms of articles stored before this version are filled in by SqliteTermBackfill (C#),
-- which computes slugs exactly as ingest does.
