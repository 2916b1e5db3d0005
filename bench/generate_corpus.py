#!/usr/bin/env python3
"""Deterministic benchmark corpus: N Markdown articles with YAML front matter.

Each article: a title (an occasional '&'), a date spread over six years (UTC), one author of 50,
one to three categories of 20, a ~30-word summary in most files, and a 3-5 KB body in paragraphs
with 2-3 inline links to other hosts. The same N always gives the same bytes.

Usage: generate_corpus.py N DIR
"""
import os
import random
import sys
from datetime import datetime, timedelta, timezone

WORDS = ("the a of to and in that is was for on with as by at from this be which or have an are not "
         "government market city report study police court council water energy health school price "
         "minister company players season research climate election budget hospital airport farmers "
         "officials said announced expected according week year month data plan new local national").split()
AUTHORS = [f"{first} {last}" for first, last in zip(
    "Ada Ben Cleo Dev Eli Fay Gus Hana Ivo Jia Kai Lena Milo Nia Omar Pia Quin Rosa Sami Tara Uma Vik Wen Xia Yuri".split() * 2,
    ("Okafor Novak Rossi Tanaka Silva Meyer Haddad Kowalski Lindqvist Moreau Patel Reyes Schmidt Dubois Ivanova "
     "Nakamura Costa Fischer Jensen Khan Larsen Murphy Olsen Park Quinn Berg Chen Diaz Evans Ford Garcia Hill Ito "
     "Jones Kim Lopez Mills Nash Ortiz Price Ruiz Stone Tran Usman Vega Walsh Xu Young Zhou Abbas").split())][:50]
CATEGORIES = ["World", "Business", "Science", "Health", "Sport", "Culture", "Technology", "Climate", "Politics", "Education",
              "Travel", "Food", "Law", "Energy", "Transport", "Housing", "Media", "Space", "Finance", "Weather"]
HOSTS = ["www.reuters.com", "apnews.com", "www.bbc.com", "www.theguardian.com", "www.nature.com",
         "www.ft.com", "www.aljazeera.com", "www.nytimes.com", "example.org", "data.example.net"]
START = datetime(2019, 1, 1, tzinfo=timezone.utc)
SPAN_SECONDS = 6 * 365 * 24 * 3600


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def article(i):
    rng = random.Random(i)
    title = sentence(rng, rng.randint(5, 10))[:-1]
    if i % 7 == 0:
        title += " & " + rng.choice(WORDS).capitalize()
    date = START + timedelta(seconds=rng.randrange(SPAN_SECONDS))
    cats = rng.sample(CATEGORIES, rng.randint(1, 3))
    lines = ["---", f'title: "{title}"', f"date: {date.strftime('%Y-%m-%dT%H:%M:%SZ')}",
             f"author: {rng.choice(AUTHORS)}", f"categories: [{', '.join(cats)}]"]
    if rng.random() < 0.8:
        lines.append(f'summary: "{sentence(rng, 30)}"')
    lines += ["---", ""]
    target = rng.randint(3000, 5000)
    links = rng.randint(2, 3)
    body, size = [], 0
    while size < target:
        paragraph = " ".join(sentence(rng, rng.randint(10, 25)) for _ in range(rng.randint(3, 6)))
        if links > 0:
            host = rng.choice(HOSTS)
            paragraph += f" See [{rng.choice(WORDS)} {rng.choice(WORDS)}](https://{host}/story/{i}-{links}?utm_source=feed)."
            links -= 1
        body.append(paragraph)
        size += len(paragraph) + 2
    return "\n".join(lines) + "\n\n".join(body) + "\n"


def main():
    count, folder = int(sys.argv[1]), sys.argv[2]
    for i in range(count):
        sub = os.path.join(folder, f"{i // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"article-{i:06d}.md"), "w", encoding="utf-8", newline="\n") as f:
            f.write(article(i))


if __name__ == "__main__":
    main()
