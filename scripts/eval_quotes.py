#!/usr/bin/env python3
"""Measure dateline's direct quotes and speakers on PolNeAR (python3, standard library only).

Usage:
    cargo build --release
    python3 scripts/eval_quotes.py [DATA] [--errors N] [--work DIR]

DATA defaults to ../shared/data/polnear-train (relative to the repository). Gold comes from
DATA/polnear_train.jsonl, or, when that file is missing, from ../shared/eval/polnear2jsonl.py.
The scorer is ../shared/eval/score_quotes.py (`$DATELINE_SHARED` moves ../shared). Without them the
script says so and exits 2.

Steps: write the articles as dateline JSONL input (id, text, date), run
`target/release/dateline export`, convert our quotes to the scorer's format and score
all documents, the training part and the held-out part.

Split: the held-out fifth of scripts/dlcommon.py (sha1(doc name) mod 5 == 0, the same rule as the
other scripts); the rest is the training part. Look at errors on the training part only (--errors prints them for it).

Conversion: only our `direct` quotes are scored. PolNeAR's "direct" attributions are all
attributions whose content holds a double quotation mark, including paraphrases with a few
quoted words ("says the candidate has “always run a lean campaign”"); so when one of our direct
quotes lies inside one of our `reported` statements, the statement's span is scored instead (one
entry per statement). Our offsets are UTF-8 bytes; the scorer wants code points. The speaker is
our `speaker_span` (the mention next to the cue), not a resolved name.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dlcommon import ROOT, SHARED, byte_to_cp, held_out  # noqa: E402


def load_gold(data: str, work: str) -> list[dict]:
    path = os.path.join(data, "polnear_train.jsonl")
    if not os.path.exists(path):
        conv = os.path.join(SHARED, "eval", "polnear2jsonl.py")
        if not os.path.exists(conv):
            sys.exit(f"eval_quotes: no gold: neither {path} nor {conv} exists")
        path = os.path.join(work, "gold.jsonl")
        subprocess.run([sys.executable, conv, "-o", path], check=True)
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def convert(export: dict) -> list[dict]:
    texts = {d["id"]: d["text"] for d in export["documents"]}
    by_doc: dict[str, list[dict]] = {}
    for q in export["quotes"]:
        by_doc.setdefault(q["doc"], []).append(q)
    out = []
    for doc, qs in by_doc.items():
        cp = byte_to_cp(texts[doc])
        reported = [q for q in qs if q["kind"] == "reported"]
        seen = set()
        items = []
        for q in qs:
            if q["kind"] != "direct":
                continue
            start, end = q["start"], q["end"]
            holder = [r for r in reported if r["start"] <= start and end <= r["end"]]
            if holder:
                h = max(holder, key=lambda r: r["end"] - r["start"])
                start, end = h["start"], h["end"]
            if (start, end) in seen:
                continue
            seen.add((start, end))
            sp = q.get("speaker_span")
            ends = [start, end] + ([sp["start"], sp["end"]] if sp else [])
            if any(cp(b) is None for b in ends):
                print(f"warning: {doc}: an offset of {ends} is not on a char boundary", file=sys.stderr)
                continue
            items.append({
                "start": cp(start), "end": cp(end),
                "speaker_start": cp(sp["start"]) if sp else None,
                "speaker_end": cp(sp["end"]) if sp else None,
            })
        out.append({"doc": doc, "quotes": items})
    return out


def score(scorer: str, gold: list[dict], system: str, work: str, name: str, errors: int) -> str:
    gpath = os.path.join(work, f"gold-{name}.jsonl")
    with open(gpath, "w", encoding="utf-8") as fh:
        for d in gold:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    cmd = [sys.executable, scorer, gpath, system]
    if errors:
        cmd += ["--errors", str(errors)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    if errors:
        print(res.stdout)
    lines = res.stdout.strip().splitlines()
    detail = " ".join(l.strip() for l in lines if l.startswith(("quote ", "speaker acc")))
    return f"{name:9s} docs={len(gold):4d}  {lines[-1]}   [{detail}]"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default=os.path.join(SHARED, "data", "polnear-train"))
    ap.add_argument("--errors", type=int, default=0, help="print N errors of the training part")
    ap.add_argument("--work", help="folder for intermediate files (default: a temporary one)")
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "dateline"))
    args = ap.parse_args()
    scorer = os.path.join(SHARED, "eval", "score_quotes.py")
    if not os.path.isdir(args.data) or not os.path.exists(scorer):
        print(f"eval_quotes: PolNeAR data ({args.data}) or scorer ({scorer}) missing; nothing measured",
              file=sys.stderr)
        return 2
    if not os.path.exists(args.binary):
        print(f"eval_quotes: {args.binary} missing; run `cargo build --release`", file=sys.stderr)
        return 2
    work = args.work or tempfile.mkdtemp(prefix="eval-quotes-")
    os.makedirs(work, exist_ok=True)
    gold = load_gold(args.data, work)
    inp = os.path.join(work, "input.jsonl")
    with open(inp, "w", encoding="utf-8") as fh:
        for d in gold:
            rec = {"id": d["doc"], "text": d["text"]}
            if d.get("date"):
                rec["date"] = d["date"]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out = os.path.join(work, "export.json")
    subprocess.run([args.binary, "export", inp, "-o", out], check=True)
    with open(out, encoding="utf-8") as fh:
        export = json.load(fh)
    system = os.path.join(work, "system.jsonl")
    with open(system, "w", encoding="utf-8") as fh:
        for d in convert(export):
            fh.write(json.dumps(d) + "\n")
    train = [d for d in gold if not held_out(d["doc"])]
    test = [d for d in gold if held_out(d["doc"])]
    print(score(scorer, gold, system, work, "all", 0))
    print(score(scorer, train, system, work, "train", 0))
    print(score(scorer, test, system, work, "held-out", 0))
    if args.errors:
        score(scorer, train, system, work, "train", args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
