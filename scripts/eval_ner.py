#!/usr/bin/env python3
"""Scores dateline's actors as named entities on CoNLL-2003 style data (python3 stdlib only).

Converts the CoNLL file to documents with ../shared/eval/conll2docs.py (`$DATELINE_SHARED` moves
../shared), feeds them to
`target/release/dateline export` as JSONL ({"id", "text"}, no date), maps actor mentions to
entities (person -> PER, organization -> ORG, place -> LOC; groups are not named entities and
are not emitted; dateline has no MISC; mentions without a capital such as "the prime minister" are
aliases, not names, and are skipped) and scores exact spans like ../shared/eval/score_ner.py.
dateline's offsets are UTF-8 bytes; they are converted to code points here.

Split: the held-out fifth of scripts/dlcommon.py (sha1(doc id) mod 5 == 0, the same rule as the
other scripts); the rest is the training part. Scores are printed for all documents, the training part and the held-out part.
Look at errors on the training part only (--errors FILE writes them, training docs only).

Usage:
    cargo build --release
    python3 scripts/eval_ner.py [../shared/data/ner-train/train.txt] [--bin target/release/dateline]
                                [--errors /tmp/ner-errors.txt] [--system /tmp/system.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dlcommon import PARTS, ROOT, SHARED, byte_to_cp, held_out, in_part  # noqa: E402

KINDS = {"person": "PER", "organization": "ORG", "place": "LOC"}
LABELS = ("PER", "ORG", "LOC")


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default=os.path.join(SHARED, "data", "ner-train", "train.txt"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "dateline"))
    ap.add_argument("--errors", help="write training-part errors to this file")
    ap.add_argument("--system", help="also write system entities as JSONL for score_ner.py")
    args = ap.parse_args()

    conv = os.path.join(SHARED, "eval")
    if not os.path.exists(args.data) or not os.path.exists(os.path.join(conv, "conll2docs.py")):
        print(f"missing data or converter: {args.data} / {conv}/conll2docs.py (is ../shared there?)", file=sys.stderr)
        return 2
    if not os.path.exists(args.bin):
        print(f"missing {args.bin}: run `cargo build --release` first", file=sys.stderr)
        return 2
    sys.path.insert(0, conv)
    import conll2docs  # noqa: E402

    docs = conll2docs.convert(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "input.jsonl")
        with open(inp, "w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps({"id": d["doc"], "text": d["text"]}, ensure_ascii=False) + "\n")
        out = os.path.join(tmp, "out.json")
        subprocess.run([args.bin, "export", inp, "-o", out], check=True)
        with open(out, encoding="utf-8") as fh:
            export = json.load(fh)

    texts = {d["id"]: d["text"] for d in export["documents"]}
    maps = {i: byte_to_cp(t) for i, t in texts.items()}
    pred: set[tuple[str, int, int, str]] = set()
    for a in export["actors"]:
        label = KINDS.get(a["kind"])
        if not label:
            continue
        for m in a["mentions"]:
            f = maps[m["doc"]]
            s, e = f(m["start"]), f(m["end"])
            if s is None or e is None:
                print(f"warning: {m['doc']}: span {m['start']}..{m['end']} not on a char boundary", file=sys.stderr)
                continue
            # Role mentions ("the prime minister") are aliases, not named entities; a name that
            # opens with a particle ("van der Sar") holds a capital.
            if not any(c.isupper() for c in texts[m["doc"]][s:e]):
                continue
            pred.add((m["doc"], s, e, label))
    gold = {(d["doc"], e["start"], e["end"], e["label"]) for d in docs for e in d["entities"]}

    if args.system:
        by_doc: dict[str, list] = {}
        for (doc, s, e, lab) in sorted(pred):
            by_doc.setdefault(doc, []).append({"start": s, "end": e, "label": lab})
        with open(args.system, "w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps({"doc": d["doc"], "entities": by_doc.get(d["doc"], [])}) + "\n")

    print(f"{'part':<9} {'label':<5} {'gold':>6} {'pred':>6} {'tp':>6} {'P':>7} {'R':>7} {'F1':>7}")
    for part in PARTS:
        g = {x for x in gold if in_part(part, x[0])}
        p = {x for x in pred if in_part(part, x[0])}
        for lab in LABELS:
            gl = {x for x in g if x[3] == lab}
            pl = {x for x in p if x[3] == lab}
            tp = len(gl & pl)
            P, R, F = prf(tp, len(pl), len(gl))
            print(f"{part:<9} {lab:<5} {len(gl):>6} {len(pl):>6} {tp:>6} {P:>7.4f} {R:>7.4f} {F:>7.4f}")
        gm = {x for x in g if x[3] in LABELS}
        tp = len(gm & p)
        P, R, F = prf(tp, len(p), len(gm))
        print(f"{part:<9} {'ALL3':<5} {len(gm):>6} {len(p):>6} {tp:>6} {P:>7.4f} {R:>7.4f} {F:>7.4f}")

    if args.errors:
        text_of = {d["doc"]: d["text"] for d in docs}
        gold_any = {(x[0], x[1], x[2]): x[3] for x in gold}
        pred_any = {(x[0], x[1], x[2]): x[3] for x in pred}
        with open(args.errors, "w", encoding="utf-8") as fh:
            for d in docs:
                if held_out(d["doc"]):
                    continue
                t = d["text"]
                for x in sorted(gold_any.keys() | pred_any.keys()):
                    if x[0] != d["doc"]:
                        continue
                    g, p = gold_any.get(x), pred_any.get(x)
                    if g == p:
                        continue
                    line_start = t.rfind("\n", 0, x[1]) + 1
                    line_end = t.find("\n", x[2])
                    ctx = t[line_start: line_end if line_end >= 0 else len(t)]
                    fh.write(f"{x[0]}\tgold={g}\tpred={p}\t{t[x[1]:x[2]]!r}\t{ctx[:160]}\n")
            del text_of
    return 0


if __name__ == "__main__":
    sys.exit(main())
