-- Ingest derives every article's header and body together (issue 15): nothing waits for a body
-- any more. A row still waiting for one is marked as derived with unknown settings, so that the
-- next walk reads its file again (its stamp reads as stale) and stores it whole.
UPDATE articles SET derived_with = NULL WHERE body_pending;
ALTER TABLE articles DROP COLUMN body_pending;
