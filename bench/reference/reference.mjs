// The reference for bench/run.sh: the file set of a FeedPublisher cold publish with its defaults,
// written plainly with node's `feed` package. Every Markdown article of the corpus is read
// (front matter with js-yaml, body with marked); then it writes the main feed, one feed per
// category and one per author, each in RSS, Atom and JSON Feed with the newest 50 items (full
// content); RFC 5005-style archive pages of the main feed in RSS and Atom with 50 full entries
// each; a standalone HTML page per article at yyyy/mm/slug/ (title, date, author, content, canonical
// and Open Graph), where the items link; and a level-4 .gz of every file. No sanitizing, no source finding, no junk removal, no
// store: the floor a plain script sets for the same bytes out.
//
// Usage: node reference.mjs CORPUS_DIR OUT_DIR
import { Feed } from "feed";
import yaml from "js-yaml";
import { marked } from "marked";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const [corpus, out] = process.argv.slice(2);
const base = "http://127.0.0.1:8080/";
const pageSize = 50;

function* markdownFiles(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (entry.name.endsWith(".md")) yield path;
  }
}

function read(path, index) {
  const text = readFileSync(path, "utf8");
  const end = text.indexOf("\n---", 4);
  const meta = yaml.load(text.slice(4, end)) ?? {};
  const html = marked.parse(text.slice(end + 4));
  const slug = path.slice(corpus.length + 1).replace(/\.md$/, "");
  const date = new Date(meta.date);
  const page = `${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/${slug.split("/").pop().toLowerCase().replace(/[^a-z0-9]+/g, "-")}/`;
  return {
    index,
    page,
    title: String(meta.title),
    id: `${base}${slug}`,
    link: `${base}${page}`,
    date: new Date(meta.date),
    description: meta.summary ?? html.replace(/<[^>]+>/g, "").slice(0, 300),
    content: html,
    author: [{ name: String(meta.author) }],
    category: (meta.categories ?? []).map((name) => ({ name: String(name) })),
  };
}

function write(relative, text) {
  const path = join(out, relative);
  mkdirSync(join(path, ".."), { recursive: true });
  const bytes = Buffer.from(text, "utf8");
  writeFileSync(path, bytes);
  writeFileSync(path + ".gz", gzipSync(bytes, { level: 4 }));
}

function feedOf(folder, title, items, formats = ["rss", "atom", "json"]) {
  const feed = new Feed({
    title, id: base + folder, link: base + folder, description: title, copyright: "", updated: items[0]?.date,
    feedLinks: { rss: `${base}${folder}rss.xml`, atom: `${base}${folder}atom.xml`, json: `${base}${folder}feed.json` },
  });
  for (const item of items) feed.addItem(item);
  if (formats.includes("rss")) write(`${folder}rss.xml`, feed.rss2());
  if (formats.includes("atom")) write(`${folder}atom.xml`, feed.atom1());
  if (formats.includes("json")) write(`${folder}feed.json`, feed.json1());
}

const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
function pageOf(article) {
  write(`${article.page}index.html`, `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(article.title)}</title><meta name="description" content="${escape(article.description)}">
<link rel="canonical" href="${article.link}"><meta property="og:title" content="${escape(article.title)}"><meta property="og:url" content="${article.link}">
<link rel="alternate" type="application/rss+xml" href="${base}rss.xml"></head>
<body><article><h1>${escape(article.title)}</h1><p><time datetime="${article.date.toISOString()}">${article.date.toDateString()}</time> · ${escape(article.author[0].name)}</p>
${article.content}</article></body></html>
`);
}

const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
const articles = [...markdownFiles(corpus)].sort().map(read);
const newest = [...articles].sort((a, b) => b.date - a.date);
for (const article of articles) pageOf(article);
feedOf("", "Main", newest.slice(0, pageSize));
const groups = new Map();
for (const article of newest) {
  for (const key of [...article.category.map((c) => `categories/${slug(c.name)}/`), ...article.author.map((a) => `authors/${slug(a.name)}/`)]) {
    const group = groups.get(key) ?? [];
    if (group.length < pageSize) group.push(article);
    groups.set(key, group);
  }
}
for (const [folder, items] of groups) feedOf(folder, folder, items);
// Archive pages in the order articles entered (as FeedPublisher pages them), 50 full entries each.
for (let page = 0; page * pageSize < articles.length; page++) {
  feedOf(`archive/${page + 1}/`, `Archive ${page + 1}`, articles.slice(page * pageSize, (page + 1) * pageSize).reverse(), ["rss", "atom"]);
}
