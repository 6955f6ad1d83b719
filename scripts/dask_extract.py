#!/usr/bin/env python3
"""The Dask recipe of the README, run end to end: JSONL articles in a Dask bag, each partition piped
through `dateline extract -`, the parts assembled with `dateline assemble`, and the result compared
with one `dateline export` of the same articles (equal but for the articles' paths, which name the
line within a part).

Usage: python3 scripts/dask_extract.py [--bin target/release/dateline] [--partitions 3]

Skipped (exit 0, with a message) when Dask is not installed; not part of CI.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
INPUTS = [
    os.path.join(ROOT, "tests", "fixtures", "corpus", "feed.jsonl"),
    os.path.join(ROOT, "tests", "fixtures", "export", "tricky.jsonl"),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "dateline"))
    ap.add_argument("--partitions", type=int, default=3)
    args = ap.parse_args()
    try:
        import dask.bag as db
    except ImportError:
        print("dask_extract: skipped: Dask is not installed (pip install 'dask[bag]')")
        return 0
    if not os.path.exists(args.bin):
        print(f"dask_extract: {args.bin} is missing: build it with cargo build --release")
        return 1
    env = dict(os.environ, DATELINE_CACHE_DIR=tempfile.mkdtemp())

    with tempfile.TemporaryDirectory() as tmp:
        articles = os.path.join(tmp, "articles.jsonl")
        with open(articles, "w", encoding="utf-8") as out:
            for path in INPUTS:
                with open(path, encoding="utf-8") as f:
                    out.writelines(line for line in f if line.strip())

        def extract(lines):
            lines = list(lines)
            if not lines:
                return []
            done = subprocess.run(
                [args.bin, "extract", "-"],
                input="\n".join(lines) + "\n",
                capture_output=True,
                text=True,
                check=True,
                env=env,
            )
            return done.stdout.splitlines()

        bag = db.read_text(articles, blocksize=None).map(str.rstrip).filter(bool)
        bag = bag.repartition(npartitions=args.partitions)
        outdir = os.path.join(tmp, "extracted")
        bag.map_partitions(extract).to_textfiles(os.path.join(outdir, "*.jsonl"))
        parts = sorted(os.path.join(outdir, p) for p in os.listdir(outdir))
        assembled = subprocess.run(
            [args.bin, "assemble", *parts], capture_output=True, check=True, env=env
        ).stdout
        whole = subprocess.run(
            [args.bin, "export", "--no-cache", articles], capture_output=True, check=True, env=env
        ).stdout
    a, w = json.loads(assembled), json.loads(whole)
    for doc in a["documents"] + w["documents"]:
        doc["path"] = None
    if a != w:
        print("dask_extract: FAILED: the assembled timeline differs from one export")
        return 1
    print(
        f"dask_extract: ok: {len(a['documents'])} articles in {len(parts)} parts assemble to one "
        f"export ({len(a['events'])} events)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
