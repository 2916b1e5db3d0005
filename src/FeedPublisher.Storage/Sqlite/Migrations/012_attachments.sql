-- Images and media (issue 17): the files that go with an article (enclosure, audio, video,
-- attachments), as a JSON array of {url, type, length, duration, title}; NULL when none.
ALTER TABLE articles ADD COLUMN attachments TEXT;
-- Articles stored before this version lost their attachments, their players and their body's
-- picture. No UPDATE is needed to read their files again: the extraction's revision is part of
-- the hash every article records (derived_with), and it changed, so every stamp reads as stale.
