#!/usr/bin/env python3
"""Scores dateline's time expressions on hand-written sentences (python3 stdlib only).

Usage:  python3 scripts/eval_sentences.py FILE.jsonl [--bin PATH]

FILE lines: {"id", "date" (publication date), "text", "expect": [{"text", "type", "value"}]}, as in
tests/fixtures/timex/. Each expected expression is located in `text` in order; an expression counts
as right when dateline tags exactly that span with that type and value. Prints the value F1 on
exact spans and the counts only, never the expressions: `heldback-c.jsonl` is a test set nobody
develops against (its sentences were written without the code, after the rules of this version),
so read its score, not its errors. The other five sets are checked by `cargo test --test it
temporal_sentences`, which lists what it misses.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "dateline"))
    args = ap.parse_args()
    sentences = [json.loads(l) for l in open(args.file, encoding="utf-8") if l.strip()]
    if args.bin == os.path.join(ROOT, "target", "release", "dateline"):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as work:
        inp, out = os.path.join(work, "in.jsonl"), os.path.join(work, "out.json")
        with open(inp, "w", encoding="utf-8") as fh:
            for s in sentences:
                fh.write(json.dumps({"id": s["id"], "date": s["date"], "text": s["text"]}) + "\n")
        subprocess.run([args.bin, "export", inp, "-o", out], check=True)
        with open(out, encoding="utf-8") as fh:
            export = json.load(fh)
    tagged = {}
    for t in export["timexes"]:
        tagged.setdefault(t["doc"], []).append((t["start"], t["end"], t["type"], t["value"]))
    right = expected = found = 0
    for s in sentences:
        text, at, want = s["text"].encode("utf-8"), 0, []
        for e in s["expect"]:
            b = e["text"].encode("utf-8")
            i = text.find(b, at)
            if i < 0:
                sys.exit(f"{args.file}: {s['id']}: {e['text']!r} is not in the text")
            at = i + len(b)
            want.append((i, at, e["type"], e["value"]))
        got = tagged.get(s["id"], [])
        expected += len(want)
        found += len(got)
        right += sum(1 for w in want if w in got)
    f1 = 2 * right / (expected + found) if expected + found else 0.0
    print(f"{os.path.basename(args.file)}: {len(sentences)} texts, {expected} expected, "
          f"{found} tagged, {right} right: value F1 {f1:.3f} on exact spans")


if __name__ == "__main__":
    main()
