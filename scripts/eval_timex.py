#!/usr/bin/env python3
"""Scores dateline's time expressions on TempEval-3-style gold (python3 stdlib only).

Usage:  python3 scripts/eval_timex.py GOLD.jsonl [--scorer PATH] [--errors N] [--part all|train|heldout]
        [--bin PATH] [--keep DIR] [--disagreements FILE]

GOLD lines: {"doc", "dct", "text", "timexes": [...]} (e.g. ../shared/data/tempeval3-train/gold-train.jsonl).
The script
  1. writes the gold documents as dateline JSONL input (`id` = doc, `date` = dct, `text`),
  2. runs `target/release/dateline export` on it (building it with `cargo build --release` first),
  3. converts the exported timexes (UTF-8 byte offsets) to code-point offsets in the scorer's format,
  4. runs the scorer (../shared/eval/score_timex.py by default; `$DATELINE_SHARED` moves ../shared) on all documents, on the training
     part and on the held-out part, and prints the three summary lines.

Split: the held-out fifth of scripts/dlcommon.py (sha1(doc id) mod 5 == 0, the same rule as the
other scripts); develop on the training part, look at error lists (--errors, shown for the training
part only) there.

--disagreements FILE writes every disagreement of the training part (VALUE: both found it but the
type or value differs; SPAN: the same value over a different span; MISS; SPURIOUS) with the publication date's weekday and ISO week and the
sentence around it, numbered, for a human audit: is the tagger wrong, the gold wrong, the gold
following a convention the issue overrides, or is it ambiguous? The held-out part is never written.
"""
import argparse
import datetime
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dlcommon import ROOT, SHARED, byte_to_cp, held_out, in_part  # noqa: E402


def sentence_around(text, start, end):
    """The sentence holding text[start:end], with the expression in [[ ]]."""
    dot = text.rfind(". ", 0, start)
    a = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, start) + 1)
    ends = [x for x in (text.find(". ", end), text.find("\n", end)) if x >= 0]
    b = min(ends) + 1 if ends else len(text)
    return (text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]).strip().replace("\n", " ")


def write_disagreements(path, scorer, gold, by_doc):
    """Every training-part disagreement, with its context, for a human audit."""
    spec = importlib.util.spec_from_file_location("score_timex", scorer)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for d in gold:
            if held_out(d["doc"]):
                continue
            g, s, text = d["timexes"], by_doc[d["doc"]], d["text"]
            day = ""
            if d.get("dct"):
                dd = datetime.date.fromisoformat(d["dct"][:10])
                day = f" ({dd.strftime('%A')}, ISO week {dd.isocalendar()[1]})"
            head = f"{d['doc']} dct={d.get('dct')}{day}"
            pairs, strict = mod.align(g, s)
            strict = set(strict)
            items = []
            for gi, si in pairs:
                a, b = g[gi], s[si]
                kind = "VALUE" if a["value"] != b["value"] or a["type"] != b["type"] else "SPAN"
                if kind == "VALUE" or (gi, si) not in strict:
                    items.append((a["start"], f"{kind} {head} gold={text[a['start']:a['end']]!r} {a['type']} {a['value']}"
                                  f" | sys={text[b['start']:b['end']]!r} {b['type']} {b['value']}", a))
            for gi in sorted(set(range(len(g))) - {gi for gi, _ in pairs}):
                a = g[gi]
                items.append((a["start"], f"MISS {head} gold={text[a['start']:a['end']]!r} {a['type']} {a['value']}", a))
            for si in sorted(set(range(len(s))) - {si for _, si in pairs}):
                b = s[si]
                items.append((b["start"], f"SPURIOUS {head} sys={text[b['start']:b['end']]!r} {b['type']} {b['value']}", b))
            for _, line, x in sorted(items, key=lambda t: t[0]):
                out.write(f"#{n}\n{line}\n   {sentence_around(text, x['start'], x['end'])}\n\n")
                n += 1
    print(f"{n} training-part disagreements written to {path}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--scorer", default=os.path.join(SHARED, "eval", "score_timex.py"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "dateline"))
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--part", choices=["all", "train", "heldout", "every"], default="every")
    ap.add_argument("--keep", help="folder to keep the intermediate files in")
    ap.add_argument("--disagreements", help="write the training part's disagreements here, for an audit")
    args = ap.parse_args()

    if not os.path.exists(args.gold):
        sys.exit(f"gold file not found: {args.gold} (the shared data is not available here)")
    if not os.path.exists(args.scorer):
        sys.exit(f"scorer not found: {args.scorer} (the shared eval scripts are not available here)")

    gold = []
    with open(args.gold, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                gold.append(json.loads(line))

    work = args.keep or tempfile.mkdtemp(prefix="eval_timex_")
    os.makedirs(work, exist_ok=True)
    inp = os.path.join(work, "input.jsonl")
    with open(inp, "w", encoding="utf-8") as fh:
        for d in gold:
            fh.write(json.dumps({"id": d["doc"], "date": d["dct"], "text": d["text"]}) + "\n")

    if args.bin == os.path.join(ROOT, "target", "release", "dateline"):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    out = os.path.join(work, "export.json")
    subprocess.run([args.bin, "export", inp, "-o", out], check=True)
    with open(out, encoding="utf-8") as fh:
        export = json.load(fh)

    texts = {d["doc"]: d["text"] for d in gold}
    by_doc = {d["doc"]: [] for d in gold}
    tables = {}
    for t in export["timexes"]:
        doc = t["doc"]
        if doc not in texts:
            continue
        if doc not in tables:
            tables[doc] = byte_to_cp(texts[doc])
        start, end = tables[doc](t["start"]), tables[doc](t["end"])
        if start is None or end is None:
            print(f"warning: {doc}: span {t['start']}..{t['end']} not on a char boundary", file=sys.stderr)
            continue
        by_doc[doc].append({"start": start, "end": end, "type": t["type"], "value": t["value"]})

    if args.disagreements:
        write_disagreements(args.disagreements, args.scorer, gold, by_doc)

    wanted = ["all", "train", "heldout"] if args.part == "every" else [args.part]
    for name in wanted:
        def keep(doc_id, name=name):
            return in_part(name, doc_id)

        g = os.path.join(work, f"gold-{name}.jsonl")
        s = os.path.join(work, f"system-{name}.jsonl")
        with open(g, "w", encoding="utf-8") as fg, open(s, "w", encoding="utf-8") as fs:
            for d in gold:
                if keep(d["doc"]):
                    fg.write(json.dumps(d) + "\n")
                    fs.write(json.dumps({"doc": d["doc"], "timexes": by_doc[d["doc"]]}) + "\n")
        cmd = [sys.executable, args.scorer, g, s]
        if args.errors and name == "train":
            cmd += ["--errors", str(args.errors)]
        res = subprocess.run(cmd, capture_output=True, text=True)
        if args.errors and name == "train":
            print(res.stdout)
        last = res.stdout.strip().splitlines()[-1] if res.stdout.strip() else res.stderr.strip()
        n = sum(1 for d in gold if keep(d["doc"]))
        print(f"{name:8} ({n:3} docs): {last}")


if __name__ == "__main__":
    main()
