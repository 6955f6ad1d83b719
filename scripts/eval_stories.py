#!/usr/bin/env python3
"""Scores dateline on multi-article story sets: people, merges across articles, speakers, happenings.

Usage:
    cargo build --release
    python3 scripts/eval_stories.py [SET ...] [--bin target/release/dateline] [--errors FILE] [--json]

SET is a folder of stories (default: tests/fixtures/stories/dev and tests/fixtures/stories/heldback).
A story is SET/STORY/articles/*.md plus SET/STORY/gold.json, written by a second author who had not
read the code (the format is tests/fixtures/stories/SPEC.md). Each story is exported as its own
corpus with `dateline export SET/STORY/articles` and scored against its gold:

  people        mention recall and precision of person actors: a gold mention (an occurrence of one of
                the person's name strings in the article; strings claimed by two actors of one article
                are skipped) is found when a person mention of dateline overlaps it; a dateline person
                mention is right when it overlaps a gold person's mention.
  merges        pairwise, over (gold actor, article) nodes of people and organisations that dateline
                found: two nodes of the same gold actor in different articles should carry the same
                dateline id (recall); nodes that share a dateline id should be one gold actor
                (precision). A node's id is the id of most of its matched mentions.
  speakers      of the gold quotes, the share dateline finds (a direct or reported quote overlapping
                the gold text) and, of those found, the share with the right speaker (the dateline id
                of the gold speaker in that article, else anywhere in the story; no speaker when the
                gold has none).
  happenings    pairwise precision and recall of "these two events are the same happening" over the
                events holding the gold reports (events[].happening; without it each event is its own
                happening), and the date accuracy of each gold happening: the dateline happening
                holding most of its reports has bounds inside the gold range (exact) or overlapping it.

--errors FILE writes the errors of the `dev` set only: the held-back set is scored, never read.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_SETS = [os.path.join(ROOT, "tests", "fixtures", "stories", s) for s in ("dev", "heldback")]


def find_all(hay: bytes, needle: bytes):
    out, at = [], hay.find(needle)
    while at >= 0 and needle:
        out.append((at, at + len(needle)))
        at = hay.find(needle, at + 1)
    return out


def overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


class Tally(collections.Counter):
    def add(self, other):
        for k, v in other.items():
            self[k] += v


def score_story(story_dir: str, binary: str, errors: list | None) -> Tally:
    with open(os.path.join(story_dir, "gold.json"), encoding="utf-8") as fh:
        gold = json.load(fh)
    articles = os.path.join(story_dir, "articles")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "export.json")
        subprocess.run([binary, "export", articles, "-o", out], check=True, stderr=subprocess.DEVNULL)
        with open(out, encoding="utf-8") as fh:
            ex = json.load(fh)
    name = os.path.basename(story_dir)
    t = Tally()

    def err(kind, msg):
        if errors is not None:
            errors.append(f"{name}\t{kind}\t{msg}")

    # Export documents by the gold's file names.
    docs = {}
    for d in ex["documents"]:
        base = os.path.basename(d["path"])
        docs[base] = d
    raw = {k: d["text"].encode("utf-8") for k, d in docs.items()}
    id_of_doc = {d["id"]: k for k, d in docs.items()}
    kind_of = {a["id"]: a["kind"] for a in ex["actors"]}

    # dateline mentions per article: (span, actor id, kind)
    dl_mentions = collections.defaultdict(list)
    for a in ex["actors"]:
        for m in a["mentions"]:
            doc = id_of_doc.get(m["doc"])
            if doc:
                dl_mentions[doc].append(((m["start"], m["end"]), a["id"], a["kind"]))

    # Gold mention occurrences per article: span -> gold actor; ambiguous strings skipped, occurrences
    # inside a longer occurrence dropped.
    gold_kind = {a["id"]: a["kind"] for a in gold["actors"]}
    gold_occ = collections.defaultdict(list)  # doc -> [(span, gold id)]
    for doc in docs:
        owners = collections.defaultdict(set)
        for a in gold["actors"]:
            for s in a.get("mentions", {}).get(doc, []):
                owners[s].add(a["id"])
        occ = []
        for s, who in owners.items():
            if len(who) != 1:
                continue
            for sp in find_all(raw[doc], s.encode("utf-8")):
                occ.append((sp, next(iter(who))))
        occ.sort(key=lambda o: (o[0][0], -(o[0][1] - o[0][0])))
        kept = []
        for sp, g in occ:
            if kept and kept[-1][0][0] <= sp[0] and sp[1] <= kept[-1][0][1]:
                continue
            kept.append((sp, g))
        gold_occ[doc] = kept

    # People: mention recall and precision.
    node_ids = collections.defaultdict(collections.Counter)  # (gold id, doc) -> Counter(dl id)
    for doc in docs:
        dls = dl_mentions[doc]
        for sp, g in gold_occ[doc]:
            hits = [(dsp, aid, k) for dsp, aid, k in dls if overlaps(sp, dsp)]
            if gold_kind.get(g) in ("person", "organization"):
                for _, aid, k in hits:
                    if k == gold_kind[g]:
                        node_ids[(g, doc)][aid] += 1
            if gold_kind.get(g) == "person":
                t["person_gold"] += 1
                if any(k == "person" for _, _, k in hits):
                    t["person_found"] += 1
                else:
                    err("person-miss", f"{doc}: {raw[doc][sp[0]:sp[1]].decode()} ({g})")
        for dsp, aid, k in dls:
            if k != "person":
                continue
            t["person_pred"] += 1
            if any(overlaps(sp, dsp) and gold_kind.get(g) == "person" for sp, g in gold_occ[doc]):
                t["person_right"] += 1
            else:
                err("person-spurious", f"{doc}: {raw[doc][dsp[0]:dsp[1]].decode()} ({aid})")

    # Merges across articles.
    nodes = {n: c.most_common(1)[0][0] for n, c in node_ids.items() if c}
    for (n1, id1), (n2, id2) in itertools.combinations(sorted(nodes.items()), 2):
        (g1, d1), (g2, d2) = n1, n2
        if d1 == d2 and g1 == g2:
            continue
        same_gold, same_dl = g1 == g2, id1 == id2
        if same_gold:
            t["merge_gold_pairs"] += 1
            if same_dl:
                t["merge_found"] += 1
            else:
                err("merge-split", f"{g1}: {d1} -> {id1} / {d2} -> {id2}")
        if same_dl:
            t["merge_pred_pairs"] += 1
            if same_gold:
                t["merge_right"] += 1
            else:
                err("merge-wrong", f"{id1}: {g1} ({d1}) + {g2} ({d2})")

    # Speakers.
    story_ids = collections.defaultdict(collections.Counter)
    for (g, _), c in node_ids.items():
        story_ids[g].update(c)
    dl_quotes = collections.defaultdict(list)
    for q in ex["quotes"]:
        doc = id_of_doc.get(q["doc"])
        if doc and q["kind"] != "term":
            dl_quotes[doc].append(q)
    for gq in gold["quotes"]:
        doc = gq["doc"]
        if doc not in raw:
            continue
        sp = find_all(raw[doc], gq["text"].encode("utf-8"))
        if not sp:
            continue
        sp = sp[0]
        t["quote_gold"] += 1
        cands = [q for q in dl_quotes[doc] if overlaps(sp, (q["start"], q["end"]))]
        if not cands:
            err("quote-miss", f"{doc}: {gq['text']}")
            continue
        t["quote_found"] += 1
        q = max(cands, key=lambda q: min(sp[1], q["end"]) - max(sp[0], q["start"]))
        want = gq.get("speaker")
        if want is None:
            ok = not q["speakers"]
        else:
            local = node_ids.get((want, doc))
            ids = set(local) if local else set(story_ids.get(want, {}))
            ok = bool(ids & set(q["speakers"]))
        if ok:
            t["speaker_right"] += 1
        else:
            err("speaker", f"{doc}: {gq['text'][:60]!r} gold={want} got={q['speakers']} ({q.get('speaker_text')!r})")

    # Happenings.
    events = collections.defaultdict(list)
    for e in ex["events"]:
        doc = id_of_doc.get(e["doc"])
        if doc:
            events[doc].append(e)
    hap_of_event = {}
    for e in ex["events"]:
        hap_of_event[e["id"]] = e.get("happening") or e["id"]
    haps = {h["id"]: h for h in ex.get("happenings", [])}
    ev_gold = collections.defaultdict(set)  # event id -> gold happenings
    gold_events = collections.defaultdict(list)
    for h in gold["happenings"]:
        for r in h["reports"]:
            doc = r["doc"]
            if doc not in raw:
                continue
            sp = find_all(raw[doc], r["text"].encode("utf-8"))
            if not sp:
                continue
            sp = sp[0]
            hit = [e for e in events[doc] if overlaps(sp, (e["start"], e["end"]))]
            if not hit:
                t["report_unplaced"] += 1
                continue
            e = hit[0]
            ev_gold[e["id"]].add(h["id"])
            gold_events[h["id"]].append(e)
    for e1, e2 in itertools.combinations(sorted(ev_gold), 2):
        same_gold = bool(ev_gold[e1] & ev_gold[e2])
        same_dl = hap_of_event[e1] == hap_of_event[e2]
        if same_gold:
            t["hap_gold_pairs"] += 1
            t["hap_found"] += same_dl
        if same_dl:
            t["hap_pred_pairs"] += 1
            t["hap_right"] += same_gold
            if not same_gold:
                err("happening-wrong", f"{sorted(ev_gold[e1])} + {sorted(ev_gold[e2])}")
    for h in gold["happenings"]:
        evs = gold_events.get(h["id"])
        if not evs:
            continue
        t["hap_dated_gold"] += 1
        hid = collections.Counter(hap_of_event[e["id"]] for e in evs).most_common(1)[0][0]
        if hid in haps:
            when = haps[hid]["when"]
        else:
            when = next(e["when"] for e in evs if hap_of_event[e["id"]] == hid)
        lo, hi = when.get("earliest"), when.get("latest")
        if lo and hi and h["earliest"] <= lo and hi <= h["latest"]:
            t["hap_date_exact"] += 1
        if lo and hi and lo <= h["latest"] and h["earliest"] <= hi:
            t["hap_date_overlap"] += 1
        else:
            err("happening-date", f"{h['id']}: gold {h['earliest']}..{h['latest']} got {lo}..{hi}")
    t["stories"] += 1
    return t


def summary(t: Tally) -> dict:
    p, r = ratio(t["person_right"], t["person_pred"]), ratio(t["person_found"], t["person_gold"])
    mp, mr = ratio(t["merge_right"], t["merge_pred_pairs"]), ratio(t["merge_found"], t["merge_gold_pairs"])
    hp, hr = ratio(t["hap_right"], t["hap_pred_pairs"]), ratio(t["hap_found"], t["hap_gold_pairs"])
    return {
        "stories": t["stories"],
        "person_precision": p, "person_recall": r,
        "merge_precision": mp, "merge_recall": mr,
        "quote_recall": ratio(t["quote_found"], t["quote_gold"]),
        "speaker_accuracy": ratio(t["speaker_right"], t["quote_found"]),
        "speaker_accuracy_all": ratio(t["speaker_right"], t["quote_gold"]),
        "happening_precision": hp, "happening_recall": hr,
        "happening_date_exact": ratio(t["hap_date_exact"], t["hap_dated_gold"]),
        "happening_date_overlap": ratio(t["hap_date_overlap"], t["hap_dated_gold"]),
        "counts": dict(t),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", default=DEFAULT_SETS)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "dateline"))
    ap.add_argument("--errors", help="write the errors of the dev set to this file")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        print(f"eval_stories: {args.bin} missing; run `cargo build --release`", file=sys.stderr)
        return 2
    results, errors = {}, []
    for s in args.sets:
        name = os.path.basename(os.path.normpath(s))
        reveal = not name.startswith("heldback")
        total = Tally()
        for story in sorted(os.listdir(s)):
            d = os.path.join(s, story)
            if os.path.isfile(os.path.join(d, "gold.json")):
                total.add(score_story(d, args.bin, errors if reveal and args.errors else None))
        results[name] = summary(total)
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            fh.write("\n".join(errors) + "\n")
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for name, r in results.items():
        print(f"{name} ({r['stories']} stories)")
        print(f"  people      precision {r['person_precision']:.3f}  recall {r['person_recall']:.3f}")
        print(f"  merges      precision {r['merge_precision']:.3f}  recall {r['merge_recall']:.3f}")
        print(f"  quotes      found {r['quote_recall']:.3f}  speaker accuracy {r['speaker_accuracy']:.3f} "
              f"(of all gold quotes {r['speaker_accuracy_all']:.3f})")
        print(f"  happenings  precision {r['happening_precision']:.3f}  recall {r['happening_recall']:.3f}  "
              f"date exact {r['happening_date_exact']:.3f}  overlap {r['happening_date_overlap']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
