-- Which articles changed since a version of the store (issue 15): the article pages of a running
-- service look at those alone instead of every article's page version on every publish (at
-- 100,000 articles that scan was 560-770 ms of a one-article publish). A saved row carries the
-- version its write makes (changed_in); a removed one leaves its id and that version behind.
-- Rows stored before this migration say 0: the first publish after it reads every page anyway.
ALTER TABLE articles ADD COLUMN changed_in INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_changed_in ON articles (changed_in);
CREATE TABLE removed_articles (id TEXT PRIMARY KEY, removed_in INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX removed_articles_by_version ON removed_articles (removed_in);
-- Every way a row leaves (a file gone, a draft, an id replaced) is a DELETE, so one trigger keeps
-- the record. The write bumps the version at its end, in the same transaction: version + 1 here
-- is the version the write makes.
CREATE TRIGGER articles_removed AFTER DELETE ON articles
BEGIN
    INSERT INTO removed_articles (id, removed_in) VALUES (old.id, (SELECT value + 1 FROM store_meta WHERE key = 'version'))
        ON CONFLICT (id) DO UPDATE SET removed_in = excluded.removed_in;
END;
