#!/usr/bin/env python3
"""Scores dateline's web-page reading on ../shared/data/html-pages (Readability.js's test pages).

Runs `dateline export` over every page (each `NAME/source.html` linked into a temporary folder as
`NAME.html`, so the document id is the folder name) and compares:

- the article body with the text of `expected.html`, by the Article Extraction Benchmark's metric
  (scrapinghub/article-extraction-benchmark): tokens are `\\w+` runs, each text a multiset of
  4-token shingles (a text under 4 tokens is one shingle), and per page the true positives, false
  positives and false negatives as shares of their sum; precision and recall per page (both 1 when
  nothing is wrong; a page with no predicted shingles is left out of the precision mean, one with
  no true shingles out of the recall mean). `F1` is 2PR/(P+R) of the page-averaged P and R (the
  benchmark's own table); `F1/page` the mean of per-page F1.
  The reference text is the visible text of `expected.html` (script, style, noscript and template
  dropped, a line break at every block element).
- the title, exactly after collapsing white space, with `expected-metadata.json`'s `title`;
- the publication day, `YYYY-MM-DD` of `publishedTime`, on the pages that have one.

A fifth of the pages is held back by a hash of the folder name: the first byte of its SHA-1 below
52 (the rule the crate measurement for issue 15 used, kept so the figures compare; the other
scripts' rule is dlcommon.held_out). The figures are printed for all pages, the training part, the held-out part and the news pages.
`--errors FILE` writes per-page scores and misses of the training part only.

Usage: python3 scripts/eval_html.py [--bin target/release/dateline] [--data DIR] [--errors FILE]
(the data defaults to ../shared/data/html-pages, or $DATELINE_SHARED/data/html-pages)
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dlcommon import ROOT, SHARED  # noqa: E402  (the research data: ../shared or $DATELINE_SHARED)

ROOT = Path(ROOT)
DEFAULT_DATA = Path(SHARED) / 'data' / 'html-pages'

# News sites (and news-like pages) among the test pages.
NEWS = set('''aktualne ars-1 bbc-1 breitbart bug-1255978 buzzfeed-1 citylab-1 cnet cnet-svg-classes
cnn engadget folha gmw guardian-1 heise herald-sun-1 la-nacion lazy-image-2 lemonde-1 liberation-1
lwn-1 medicalnewstoday msn nytimes-1 nytimes-2 nytimes-3 nytimes-4 nytimes-5 qq quanta-1 salon-1
schema-org-context-object seattletimes-1 telegraph theverge tmz-1 videos-1 videos-2 wapo-1 wapo-2
webmd-1 webmd-2 yahoo-1 yahoo-2 yahoo-3 yahoo-4 youth'''.split())

BLOCKS = set('''address article aside blockquote body br caption dd details dialog div dl dt fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary
table tbody td tfoot th thead tr ul'''.split())
HIDDEN = {'script', 'style', 'noscript', 'template'}


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in HIDDEN
        if tag in BLOCKS:
            self.parts.append('\n')

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append('\n')

    def handle_endtag(self, tag):
        if tag in HIDDEN and self.hidden:
            self.hidden -= 1
        if tag in BLOCKS:
            self.parts.append('\n')

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(markup):
    p = VisibleText()
    p.feed(markup)
    p.close()
    lines = (' '.join(line.split()) for line in ''.join(p.parts).split('\n'))
    return '\n'.join(line for line in lines if line)


WORD = re.compile(r'\w+')


def shingles(text):
    toks = WORD.findall(text or '')
    if len(toks) < 4:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))


def shares(truth, pred):
    t, p = shingles(truth), shingles(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    return 0.0 if tp + fp == 0 else tp / (tp + fp)


def recall(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    return 0.0 if tp + fn == 0 else tp / (tp + fn)


def f1(p, r):
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def page_f1(row):
    tp, fp, fn = row
    if tp + fp == 0:
        return 1.0 if fn == 0 else 0.0
    return f1(precision(*row), recall(*row))


def summary(rows):
    ps = [precision(*r) for r in rows if r[0] + r[1] > 0]
    rs = [recall(*r) for r in rows if r[0] + r[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return {'P': p, 'R': r, 'F1': f1(p, r),
            'F1/page': sum(page_f1(x) for x in rows) / len(rows) if rows else 0.0, 'n': len(rows)}


def held_out(name):
    return hashlib.sha1(name.encode()).digest()[0] < 52


def norm(s):
    return ' '.join((s or '').split())


def day(s):
    m = re.search(r'\d{4}-\d{2}-\d{2}', s or '')
    return m.group(0) if m else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--bin', default=str(ROOT / 'target' / 'release' / 'dateline'))
    ap.add_argument('--data', default=str(DEFAULT_DATA))
    ap.add_argument('--errors', help='write training-part per-page results here')
    args = ap.parse_args()
    data = Path(args.data)
    if not data.is_dir():
        print(f'{data} not found: the html-pages research set lives in ../shared (not shipped)')
        return 0
    if not Path(args.bin).exists():
        print(f'{args.bin} not found: run `cargo build --release` first')
        return 1
    names = sorted(d.name for d in data.iterdir() if (d / 'source.html').exists())
    ref = {}
    for n in names:
        meta = json.loads((data / n / 'expected-metadata.json').read_text())
        ref[n] = {'text': visible_text((data / n / 'expected.html').read_text(errors='replace')),
                  'title': meta.get('title'), 'date': meta.get('publishedTime')}
    with tempfile.TemporaryDirectory() as tmp:
        for n in names:
            os.symlink(data / n / 'source.html', Path(tmp) / f'{n}.html')
        out = Path(tmp) / 'out.json'
        run = subprocess.run([args.bin, 'export', tmp, '-o', str(out)], capture_output=True,
                             text=True)
        if run.returncode != 0:
            print(run.stderr)
            return 1
        got = {d['id']: d for d in json.loads(out.read_text())['documents']}
    missing = [n for n in names if n not in got]
    rows, titles, days = {}, {}, {}
    for n in names:
        d = got.get(n, {})
        rows[n] = shares(ref[n]['text'], d.get('text') or '')
        titles[n] = norm(d.get('title')) == norm(ref[n]['title'])
        if ref[n]['date']:
            days[n] = d.get('published') == day(ref[n]['date'])
    parts = {
        'all': names,
        'train': [n for n in names if not held_out(n)],
        'held-out': [n for n in names if held_out(n)],
        'news': [n for n in names if n in NEWS],
        'news train': [n for n in names if n in NEWS and not held_out(n)],
        'news held-out': [n for n in names if n in NEWS and held_out(n)],
    }
    print(f'{len(names)} pages, {len(parts["held-out"])} held out, {len(parts["news"])} news, '
          f'{len(days)} with a publication date; {len(missing)} not read: {" ".join(missing)}')
    print(f'{"part":<14} {"pages":>5} {"P":>6} {"R":>6} {"F1":>6} {"F1/page":>8} '
          f'{"title":>11} {"day":>9}')
    for part, members in parts.items():
        s = summary([rows[n] for n in members])
        t = sum(titles[n] for n in members)
        dated = [n for n in members if n in days]
        ok = sum(days[n] for n in dated)
        tshare = t / len(members) if members else 0
        dshare = ok / len(dated) if dated else 0
        print(f'{part:<14} {s["n"]:>5} {s["P"]:>6.3f} {s["R"]:>6.3f} {s["F1"]:>6.3f} '
              f'{s["F1/page"]:>8.3f} {t:>3}/{len(members):<3} {tshare:.3f} '
              f'{ok:>2}/{len(dated):<2} {dshare:.3f}')
    if args.errors:
        lines = []
        for n in parts['train']:
            d = got.get(n, {})
            r = rows[n]
            lines.append(json.dumps({
                'page': n, 'f1': round(page_f1(r), 4), 'p': round(precision(*r), 4),
                'r': round(recall(*r), 4), 'title_ok': titles[n], 'title': d.get('title'),
                'want_title': ref[n]['title'], 'day': d.get('published'),
                'want_day': day(ref[n]['date']), 'date_from': d.get('date_from')},
                ensure_ascii=False))
        Path(args.errors).write_text('\n'.join(lines) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
