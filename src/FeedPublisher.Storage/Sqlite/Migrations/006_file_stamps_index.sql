-- Every walk of the articles folder reads the stamps of all files (path, length, mtime): from this
-- index instead of the whole table, whose rows also hold titles, summaries and bodies.
CREATE INDEX articles_file_stamps ON articles (source_path, file_length, file_mtime);
