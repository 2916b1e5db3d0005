-- Ingest stores an article's header only; its body (content_html, sources, and the summary when the
-- file gave none) is rendered when a feed first shows it. Until then body_pending is true.
ALTER TABLE articles ADD COLUMN body_pending boolean NOT NULL DEFAULT false;
