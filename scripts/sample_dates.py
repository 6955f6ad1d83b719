#!/usr/bin/env python3
"""A seeded random sample of BBC events with a written or relative date, for judging by hand.

Issue 14 asks that of 100 BBC events that carry a written or relative date (`when.basis` is
`explicit` or `relative`), at least 95 have the right date. This script draws that sample the
same way every time (a fixed seed over the events sorted by id), writes it as a Markdown sheet
for a judge (the sentence, the one before it, the article's publication date and dateline's
date), and scores a file of verdicts.

    python3 scripts/sample_dates.py sheet --bin target/release/dateline -o sample.md
    python3 scripts/sample_dates.py score VERDICTS.tsv

The verdict file is tab-separated, one line per sample item: `n`, `event id`, `value`,
`verdict` (`right` or `wrong`), `note`. It holds ids and dates only, never article text: the
research data stays outside the repository.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dlcommon import ROOT, SHARED  # noqa: E402

#: The seed of the first sample (the one the date rules were then developed against); `--seed`
#: draws another, unseen one.
SEED = 14
#: The publication date given to the BBC archive, whose files carry none.
DATE = "2005-06-01"


def export(binary: str) -> dict:
    bbc = os.path.join(SHARED, "data", "news-corpus", "bbc")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "bbc.json")
        subprocess.run(
            [binary, "export", bbc, "--date", DATE, "--no-cache", "-o", out],
            check=True,
        )
        with open(out, encoding="utf-8") as f:
            return json.load(f)


def sample(corpus: dict, n: int, seed: int = SEED) -> list[tuple[dict, dict | None, dict]]:
    """`n` events with a written or relative date, each with the event before it in its article."""
    events = corpus["events"]
    docs = {d["id"]: d for d in corpus["documents"]}
    dated = [i for i, e in enumerate(events) if (e.get("when") or {}).get("basis") in ("explicit", "relative")]
    dated.sort(key=lambda i: events[i]["id"])
    picked = random.Random(seed).sample(dated, n)
    rows = []
    for i in picked:
        e = events[i]
        prev = events[i - 1] if i > 0 and events[i - 1]["doc"] == e["doc"] else None
        rows.append((e, prev, docs[e["doc"]]))
    return rows


def sheet(args: argparse.Namespace) -> None:
    corpus = export(args.bin)
    rows = sample(corpus, args.n, args.seed)
    lines = [
        "# Date sample (seed %d, %d events)" % (args.seed, len(rows)),
        "",
        "Every article is taken as published on %s. For each item decide whether dateline's date is"
        " the date the text gives for the sentence's main event (what the sentence reports happened,"
        " or will happen), at the precision the text gives." % DATE,
        "",
    ]
    for n, (e, prev, doc) in enumerate(rows, 1):
        w = e["when"]
        lines += [
            "## %d. `%s` (%s)" % (n, e["id"], doc.get("path") or doc["id"]),
            "",
            "- before: %s" % (prev["text"] if prev else "(first sentence)"),
            "- **sentence:** %s" % e["text"],
            "- dateline: value `%s`, %s to %s, basis %s, status %s"
            % (w.get("value"), w.get("earliest"), w.get("latest"), w.get("basis"), e.get("status")),
            "",
        ]
    with open(args.o, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print("wrote %d items to %s" % (len(rows), args.o))


def score(args: argparse.Namespace) -> None:
    right = wrong = 0
    with open(args.verdicts, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or cols[3] not in ("right", "wrong"):
                sys.exit("%s:%d: expected n, event, value, right|wrong, note" % (args.verdicts, lineno))
            if cols[3] == "right":
                right += 1
            else:
                wrong += 1
    print("right %d of %d (%.1f%%)" % (right, right + wrong, 100.0 * right / max(1, right + wrong)))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sheet", help="draw the sample and write the judging sheet")
    s.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "dateline"))
    s.add_argument("--n", type=int, default=100)
    s.add_argument("--seed", type=int, default=SEED, help="another seed draws another sample (default %(default)s)")
    s.add_argument("-o", required=True)
    s.set_defaults(func=sheet)
    c = sub.add_parser("score", help="count the verdicts")
    c.add_argument("verdicts")
    c.set_defaults(func=score)
    args = p.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
