-- Authors given as {name, url} keep their page (issue 16): Atom author/uri, JSON Feed
-- authors[].url. A JSON object {name: url} in the order of the names; NULL when no author has one.
ALTER TABLE articles ADD COLUMN author_urls text;
-- Articles stored before this version lost the pages their files gave. Those with authors are
-- marked as derived with unknown settings, so the next walk reads their files again (their stamps
-- read as stale); an unchanged file keeps its update date.
UPDATE articles SET derived_with = NULL WHERE authors <> '[]';
