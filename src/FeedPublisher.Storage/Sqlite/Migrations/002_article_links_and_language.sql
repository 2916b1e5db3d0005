-- What richer article formats carry: the article's own URL (canonical link), the outlet it came
-- from (RSS/Atom <source>), its language and its image. All optional.
ALTER TABLE articles ADD COLUMN url TEXT;
ALTER TABLE articles ADD COLUMN origin_name TEXT;
ALTER TABLE articles ADD COLUMN origin_url TEXT;
ALTER TABLE articles ADD COLUMN language TEXT;
ALTER TABLE articles ADD COLUMN image TEXT;
