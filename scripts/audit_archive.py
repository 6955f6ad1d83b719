#!/usr/bin/env python3
"""Audits who-is-who across an archive: the failure counts of issue 13, from one `dateline/1` export.

Usage:
    python3 scripts/audit_archive.py [EXPORT.json] [--bin target/release/dateline]
                                     [--corpus ../shared/data/news-corpus/bbc] [--date 2005-06-01]
                                     [--sample FILE] [--seed 13]

Without EXPORT.json it runs `dateline export` over the corpus first (the BBC corpus by default,
read with --date 2005-06-01). It prints:

  duplicate ids      actor ids carried by two or more actors (must be 0)
  splits             one-word person actors with >= 5 mentions whose word is the last word of a
                     fuller person actor's name (the same person split in two)
  cross-section      among the 200 most mentioned people with a full name, those linked into an
                     article of another section (the folder under the corpus: business, sport, ...)
                     that never names them with two or more words (a title before a mention counts
                     when the two read the actor's name: "Lord Falconer"): wrong-merge candidates
  place speakers     quotes whose only speakers are places (a place never speaks)
  no speaker         direct and reported quotes without a speaker
  not linked         quotes whose speaker text names a person or organisation (holds the words of
                     its name or an alias) but that carry no speaker id

--sample FILE writes a seeded random sample of 100 person actors with their contexts, for judging
by hand whether each is a real person (the audit's precision check).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))


def section(doc: dict) -> str:
    """The folder a document sits in (BBC: business, sport, ...), or '' for a flat corpus."""
    doc_id = doc["id"]
    return doc_id.split("/", 1)[0] if "/" in doc_id else os.path.basename(os.path.dirname(doc["path"]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("export", nargs="?")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "dateline"))
    ap.add_argument("--corpus", default=os.path.join(SHARED, "data", "news-corpus", "bbc"))
    ap.add_argument("--date", default="2005-06-01")
    ap.add_argument("--sample")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()

    path = args.export
    if path is None:
        if not os.path.isdir(args.corpus):
            print(f"audit_archive: corpus {args.corpus} missing (is ../shared there?)", file=sys.stderr)
            return 2
        if not os.path.exists(args.bin):
            print(f"audit_archive: {args.bin} missing; run `cargo build --release`", file=sys.stderr)
            return 2
        path = os.path.join(tempfile.mkdtemp(prefix="audit-"), "export.json")
        subprocess.run([args.bin, "export", args.corpus, "--date", args.date, "-o", path], check=True)
    with open(path, encoding="utf-8") as fh:
        ex = json.load(fh)

    docs = {d["id"]: d for d in ex["documents"]}
    raw = {d["id"]: d["text"].encode("utf-8") for d in ex["documents"]}

    def mention_text(m: dict) -> str:
        return raw[m["doc"]][m["start"]:m["end"]].decode("utf-8", "replace")

    actors = ex["actors"]
    kind = {a["id"]: a["kind"] for a in actors}

    ids = collections.Counter(a["id"] for a in actors)
    dups = sorted(i for i, c in ids.items() if c > 1)

    people = [a for a in actors if a["kind"] == "person"]
    surnames = collections.defaultdict(list)
    for a in people:
        words = a["name"].split()
        if len(words) >= 2:
            surnames[words[-1].lower()].append(a["name"])
    splits = sorted(
        (a for a in people if len(a["name"].split()) == 1 and len(a["mentions"]) >= 5
         and a["name"].lower() in surnames),
        key=lambda a: -len(a["mentions"]))

    top = sorted((a for a in people if len(a["name"].split()) >= 2), key=lambda a: -len(a["mentions"]))[:200]
    def as_written(a: dict, m: dict) -> str:
        # A titled name's mention leaves out its title ("Falconer" of "Lord Falconer"); the text
        # ending where it ends names the person in full when it reads the actor's name.
        name = a["name"].encode("utf-8")
        if len(name) > m["end"] - m["start"] and raw[m["doc"]][max(0, m["end"] - len(name)):m["end"]] == name:
            return a["name"]
        return mention_text(m)

    cross = []
    for a in top:
        by_doc = collections.defaultdict(list)
        for m in a["mentions"]:
            by_doc[m["doc"]].append(as_written(a, m))
        full_sections = {section(docs[d]) for d, ts in by_doc.items() if any(len(t.split()) >= 2 for t in ts)}
        bad = [d for d, ts in by_doc.items()
               if all(len(t.split()) < 2 for t in ts) and section(docs[d]) not in full_sections]
        if bad:
            cross.append((a, bad))

    quotes = [q for q in ex["quotes"] if q["kind"] != "term"]
    place_only = [q for q in quotes if q["speakers"] and all(kind.get(s) == "place" for s in q["speakers"])]
    no_speaker = [q for q in quotes if not q["speakers"]]
    names = {}
    for a in actors:
        if a["kind"] == "place":
            continue
        for n in [a["name"], *a["aliases"]]:
            names.setdefault(n.lower(), a["id"])

    def names_actor(speaker_text: str) -> bool:
        words = re.findall(r"[\w'’.-]+", speaker_text.lower())
        return any(" ".join(words[i:j]) in names
                   for i in range(len(words)) for j in range(i + 1, min(len(words), i + 6) + 1))

    unlinked = [q for q in no_speaker if q.get("speaker_text") and names_actor(q["speaker_text"])]

    print(f"export: {path}")
    print(f"documents {len(docs)}, actors {len(actors)} ({len(people)} people), quotes {len(quotes)} (+{len(ex['quotes']) - len(quotes)} terms)")
    print(f"duplicate ids:   {len(dups)}  {', '.join(dups[:10])}")
    print(f"splits:          {len(splits)}  " + ", ".join(f"{a['name']} ({len(a['mentions'])})" for a in splits[:12]))
    print(f"cross-section:   {len(cross)} of the top {len(top)}  "
          + ", ".join(f"{a['name']} -> {len(b)} docs" for a, b in cross[:12]))
    print(f"place speakers:  {len(place_only)}")
    print(f"no speaker:      {len(no_speaker)} of {len(quotes)} ({len(no_speaker) / max(1, len(quotes)):.1%}); "
          f"with quoted terms {len(ex['quotes']) - len(quotes) + len(no_speaker)} of {len(ex['quotes'])}")
    print(f"not linked:      {len(unlinked)}")

    if args.sample:
        rng = random.Random(args.seed)
        sample = rng.sample(people, min(100, len(people)))
        with open(args.sample, "w", encoding="utf-8") as out:
            for i, a in enumerate(sample, 1):
                m = a["mentions"][0]
                text = raw[m["doc"]]
                ctx = text[max(0, m["start"] - 80):m["end"] + 80].decode("utf-8", "replace").replace("\n", " ")
                out.write(f"{i:3}. {a['name']}  [{a['id']}]  mentions {len(a['mentions'])}  roles {a['roles'][:3]}\n")
                out.write(f"     {m['doc']}: …{ctx}…\n")
        print(f"sample of {min(100, len(people))} people written to {args.sample}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
