-- Ingest derives every article's header and body together (issue 15): nothing waits for a body
-- any more. A row still waiting for one is marked as derived with unknown settings, so that the
-- next walk reads its file again (its stamp reads as stale) and stores it whole.
UPDATE articles SET derived_with = NULL WHERE body_pending = 1;
ALTER TABLE articles DROP COLUMN body_pending;
-- The walk asks, with every file's stamp, whether its article was derived with today's settings:
-- the covering index answers that too, without reading rows that hold bodies.
DROP INDEX articles_file_stamps;
CREATE INDEX articles_file_stamps ON articles (source_path, file_length, file_mtime, derived_with);
