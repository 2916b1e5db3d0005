-- Which articles changed since a version of the store: SQLite's migration 014, for the same
-- reason. A saved row carries the version its write makes; a removed one leaves its id and that
-- version in removed_articles, kept by a trigger, since every way a row leaves is a DELETE. The
-- writers' advisory lock makes one write at a time, so version + 1 is the version it makes.
ALTER TABLE articles ADD COLUMN changed_in bigint NOT NULL DEFAULT 0;
CREATE INDEX articles_changed_in ON articles (changed_in);
CREATE TABLE removed_articles (id text COLLATE "C" NOT NULL PRIMARY KEY, removed_in bigint NOT NULL);
CREATE INDEX removed_articles_by_version ON removed_articles (removed_in);
CREATE FUNCTION articles_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO removed_articles (id, removed_in) VALUES (OLD.id, (SELECT value + 1 FROM store_meta WHERE key = 'version'))
        ON CONFLICT (id) DO UPDATE SET removed_in = excluded.removed_in;
    RETURN OLD;
END
$$;
CREATE TRIGGER articles_removed AFTER DELETE ON articles FOR EACH ROW EXECUTE FUNCTION articles_removed();
