-- Scheduled and expiring articles (issue 16): an article is stored with its expiry (Unix ms, NULL
-- when none), and the feed queries show only those published by now and not expired, so an
-- article enters or leaves the feeds at its time without its file changing.
ALTER TABLE articles ADD COLUMN expires INTEGER;
-- The next instant to wake up for, and the last one passed (the publish key), read off indexes:
-- publication dates from articles_by_published, expiry dates from this one.
CREATE INDEX articles_by_expiry ON articles (expires) WHERE expires IS NOT NULL;
-- The archive pages' fingerprints count only the articles due now, so the index they are read
-- from carries the two dates as well (still no article bodies read).
DROP INDEX articles_archive_pages;
CREATE INDEX articles_archive_pages ON articles (seq, updated, published, expires);
-- Articles stored before this version lost the expiry their files gave. They are marked as
-- derived with unknown settings, so the next walk reads their files again (their stamps read as
-- stale); an unchanged file keeps its update date.
UPDATE articles SET derived_with = NULL;
