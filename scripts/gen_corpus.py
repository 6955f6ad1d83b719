#!/usr/bin/env python3
"""Generates a large benchmark corpus from a small one: each article repeated under a distinct id and date.

Usage: scripts/gen_corpus.py OUT_DIR [--source DIR] [--size-mb 100] [--format txt|jsonl]

Reads every article (.txt, README/SOURCES files excepted) under --source (default: the BBC corpus in
../shared/data/news-corpus/bbc), then writes copies of them, round after round, until the article bodies
written add up to --size-mb megabytes (10^6 bytes). Every copy gets its own id (round and source path) and
its own publication date, so the corpus looks like a long archive rather than one day repeated:
date = 2000-01-01 + (article index * 7 + round * 389) mod 9000 days. The output is deterministic.

`txt` writes one file per article with front matter (`date`, `title`, `source`) into OUT_DIR/rNNN/;
`jsonl` writes OUT_DIR/corpus.jsonl. OUT_DIR is created; existing generated files in it are replaced.
Exits 0 with a message when the source corpus is missing, so scripts that call it never break on a
machine without ../shared.
"""

import argparse
import datetime
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SOURCE = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "data", "news-corpus", "bbc"))
DOCUMENTATION = {"README", "LICENSE", "LICENCE", "CHANGELOG", "SOURCES", "NOTICE", "COPYING"}
EPOCH = datetime.date(2000, 1, 1)


def read_articles(source):
    """Returns (relative id, title, body) for every article under source, in sorted path order."""
    articles = []
    for dirpath, dirnames, filenames in os.walk(source):
        dirnames.sort()
        for name in sorted(filenames):
            stem, ext = os.path.splitext(name)
            if ext.lower() != ".txt" or stem.upper() in DOCUMENTATION or name.startswith("."):
                continue
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                body = f.read().decode("utf-8", errors="replace")
            rel = os.path.relpath(path, source)[: -len(ext)].replace(os.sep, "-")
            title = body.strip().split("\n", 1)[0].strip() if body.strip() else rel
            articles.append((rel, title, body))
    return articles


def date_for(index, round_no):
    return EPOCH + datetime.timedelta(days=(index * 7 + round_no * 389) % 9000)


def one_line(s):
    return " ".join(s.split())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--source", default=DEFAULT_SOURCE)
    ap.add_argument("--size-mb", type=float, default=100.0)
    ap.add_argument("--format", choices=["txt", "jsonl"], default="txt")
    args = ap.parse_args()

    if not os.path.isdir(args.source):
        print(f"gen_corpus: source corpus {args.source} is missing; nothing generated", file=sys.stderr)
        return 0
    articles = read_articles(args.source)
    if not articles:
        print(f"gen_corpus: no .txt articles under {args.source}; nothing generated", file=sys.stderr)
        return 0

    target = int(args.size_mb * 1_000_000)
    os.makedirs(args.out_dir, exist_ok=True)
    # Replace only what this script writes, never anything else in the folder.
    for entry in os.listdir(args.out_dir):
        p = os.path.join(args.out_dir, entry)
        if entry == "corpus.jsonl" or (entry.startswith("r") and entry[1:].isdigit() and os.path.isdir(p)):
            shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)

    written = 0
    count = 0
    jsonl = open(os.path.join(args.out_dir, "corpus.jsonl"), "w", encoding="utf-8") if args.format == "jsonl" else None
    round_no = 0
    while written < target:
        round_dir = os.path.join(args.out_dir, f"r{round_no:03d}")
        if jsonl is None:
            os.makedirs(round_dir, exist_ok=True)
        for index, (rel, title, body) in enumerate(articles):
            if written >= target:
                break
            doc_id = f"r{round_no:03d}-{rel}"
            date = date_for(index, round_no).isoformat()
            if jsonl is not None:
                jsonl.write(json.dumps({"id": doc_id, "date": date, "title": title, "source": "BBC", "text": body}))
                jsonl.write("\n")
            else:
                front = f"---\ndate: {date}\ntitle: {one_line(title)}\nsource: BBC\n---\n"
                with open(os.path.join(round_dir, doc_id + ".txt"), "w", encoding="utf-8") as f:
                    f.write(front)
                    f.write(body)
            written += len(body.encode("utf-8"))
            count += 1
        round_no += 1
    if jsonl is not None:
        jsonl.close()
    print(f"gen_corpus: wrote {count} articles, {written / 1e6:.1f} MB of text, into {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
