#!/usr/bin/env python3
"""Python trafilatura's speed, measured the way `cargo bench --bench html` measures dateline.

In memory: each page of ../shared/data/html-pages (bytes) is decoded and read by
`trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)` (body and
metadata, as dateline reads both), one process, one thread; the median of RUNS passes. From disk:
the same over the 100 MB folder the Rust benchmark makes (/tmp/dateline-html-100mb, or
$DATELINE_HTML_100MB), files read inside the timed loop. Prints pages per second of wall time and
of CPU time. Needs `pip install trafilatura`; says so and exits 0 without it or without the data.

Usage: python3 scripts/bench_trafilatura.py [RUNS]
"""
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get('DATELINE_SHARED') or ROOT.parent / 'shared')
DATA = Path(os.environ.get('DATELINE_HTML_PAGES') or SHARED / 'data' / 'html-pages')
BIG = Path(os.environ.get('DATELINE_HTML_100MB', '/tmp/dateline-html-100mb'))


def decode(b):
    for bom, enc in ((b'\xef\xbb\xbf', 'utf-8'), (b'\xff\xfe', 'utf-16-le'), (b'\xfe\xff', 'utf-16-be')):
        if b.startswith(bom):
            return b[len(bom):].decode(enc, 'replace')
    m = re.search(rb'<meta[^>]*charset\s*=\s*["\']?([A-Za-z0-9_.:-]+)', b[:1024], re.I)
    try:
        b.decode('utf-8')
        return b.decode('utf-8')
    except UnicodeDecodeError:
        try:
            return b.decode(m.group(1).decode() if m else 'cp1252', 'replace')
        except LookupError:
            return b.decode('cp1252', 'replace')


def read(html):
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    return doc


def timed(fn):
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def show(label, n, mb, walls, cpus):
    w, c = statistics.median(walls), statistics.median(cpus)
    print(f'{label:<34} {n / w:>8.1f} pages/s wall  {n / c:>8.1f} pages/s per CPU second  '
          f'{mb / w:>6.1f} MB/s  (wall {w:.3f} s, CPU {c:.3f} s)')


def main():
    global trafilatura
    try:
        import trafilatura
    except ImportError:
        print('bench_trafilatura: skipped: `pip install trafilatura` first')
        return 0
    if not DATA.is_dir():
        print(f'bench_trafilatura: skipped: {DATA} is missing')
        return 0
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    pages = [(d / 'source.html').read_bytes() for d in sorted(DATA.iterdir())
             if (d / 'source.html').is_file()]
    mb = sum(map(len, pages)) / 1e6
    print(f'trafilatura {trafilatura.__version__}: {len(pages)} pages, {mb:.1f} MB')
    walls, cpus = [], []
    for _ in range(runs):
        w, c = timed(lambda: [read(decode(b)) for b in pages])
        walls.append(w)
        cpus.append(c)
    show('in memory, 1 process', len(pages), mb, walls, cpus)
    files = sorted(p for p in BIG.glob('*.html')) if BIG.is_dir() else []
    if not files:
        print(f'100 MB folder {BIG} not there: run `cargo bench --bench html` first')
        return 0
    big_mb = sum(p.stat().st_size for p in files) / 1e6
    walls, cpus = [], []
    for _ in range(min(runs, 3)):
        w, c = timed(lambda: [read(decode(p.read_bytes())) for p in files])
        walls.append(w)
        cpus.append(c)
    show('100 MB folder, 1 process', len(files), big_mb, walls, cpus)
    return 0


if __name__ == '__main__':
    sys.exit(main())
