-- The hash of the extraction settings (summary length, outlets, base URL) that derived an article's
-- summary, body, sources and URLs. An article derived with other settings is read back as pending
-- and rendered again with the current ones; NULL (stored before this version) counts as other.
ALTER TABLE articles ADD COLUMN derived_with text;
