#!/usr/bin/env python3
"""The scaling benchmark of issue 16: one document of 1, 4, 16 and 64 MB through
`dateline export --jobs 1 -o /dev/null`, for three kinds of text:

  news    the BBC articles joined into one line (../shared/data/news-corpus/bbc), repeated
  quotes  quotation marks, `"` repeated
  caps    capitalised words, `Big Name ` repeated
  years   year-strings, `2025 ` repeated (each one a time expression)

For each run: wall time, CPU time (user + sys), peak RSS and RSS per input byte; for each step
of 4x in size, the growth factor of the CPU time (linear is 4x; the target is at most 4.5x) and
whether the peak RSS stays within 20 bytes per input byte.

Usage: python3 benches/scale.py [--bin target/release/dateline] [--sizes 1,4,16,64]
           [--kinds news,quotes,caps] [--timeout 600] [--max-rss-gb 8] [--dir /tmp/dateline-scale]

A run past --timeout seconds of CPU time or --max-rss-gb of resident memory is stopped (reported as `>`),
and the larger sizes of that kind are skipped: they could only take longer. Inputs are generated
once into --dir. Without ../shared the news kind is skipped with a message. Measure on a quiet
machine: CPU time is the steadier figure on a shared one.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

MB = 1 << 20
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("DATELINE_SHARED", os.path.join(ROOT, "..", "shared"))
BBC = os.path.join(SHARED, "data", "news-corpus", "bbc")


def bbc_line():
    """Every BBC article's text, in a fixed order, joined into one line."""
    parts = []
    for cat in sorted(os.listdir(BBC)):
        d = os.path.join(BBC, cat)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            with open(os.path.join(d, name), "rb") as f:
                parts.append(b" ".join(f.read().split()))
    return b" ".join(parts) + b" "


def generate(kind, mb, folder):
    path = os.path.join(folder, f"{kind}-{mb}mb.txt")
    size = mb * MB
    if os.path.exists(path) and os.path.getsize(path) == size:
        return path
    unit = {"quotes": b'"', "caps": b"Big Name ", "years": b"2025 "}.get(kind) or bbc_line()
    data = (unit * (size // len(unit) + 1))[:size]
    # Never end inside a UTF-8 sequence: drop a cut one and pad with spaces.
    data = data.decode("utf-8", "ignore").encode("utf-8")
    data += b" " * (size - len(data))
    with open(path, "wb") as f:
        f.write(data)
    return path


def rss_kb(pid, field="VmRSS"):
    """`pid`'s resident memory now (VmRSS) or its peak so far (VmHWM), in KB; 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_s(pid):
    """CPU seconds (user + sys) used so far by `pid`."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def run(binary, path, timeout, max_rss_kb):
    """(wall s, cpu s, peak RSS KB, how it ended: 'ok', 'timeout', 'memory' or 'exit N')."""
    cmd = [binary, "export", path, "--jobs", "1", "-o", "/dev/null"]
    start = time.monotonic()
    # A fresh, empty cache for every run: a second run of the same text would otherwise read the
    # cache instead of extracting (and the user's cache stays as it was).
    cache = tempfile.mkdtemp(prefix="dateline-scale-cache.")
    env = dict(os.environ, DATELINE_CACHE_DIR=cache)
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    ended = None
    # The peak is the child's own high-water mark (VmHWM), read until it exits. Not the
    # ru_maxrss wait4 reports: Linux carries into it the RSS of the process that forked the child,
    # so after this script has built a 64 MB text every small run would read as ~200 MB.
    peak = 0
    while True:
        # Read before reaping: a reaped child's figures are gone. (Popen returns after the exec,
        # so this is never the forking script's memory.)
        peak = max(peak, rss_kb(p.pid, "VmHWM"))
        pid, status, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            break
        # The limit is on CPU time, so a busy machine does not cut a run short; wall time gets
        # ten times as long.
        if cpu_s(p.pid) > timeout or time.monotonic() - start > 10 * timeout:
            ended = "timeout"
        elif rss_kb(p.pid) > max_rss_kb:
            ended = "memory"
        if ended:
            os.kill(p.pid, signal.SIGKILL)
            pid, status, usage = os.wait4(p.pid, 0)
            break
        time.sleep(0.05)
    wall = time.monotonic() - start
    shutil.rmtree(cache, ignore_errors=True)
    cpu = usage.ru_utime + usage.ru_stime
    if ended is None:
        code = os.waitstatus_to_exitcode(status)
        ended = "ok" if code == 0 else f"exit {code}"
    # A run too short to be read before it ended falls back on wait4's figure.
    return wall, cpu, peak or usage.ru_maxrss, ended


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "dateline"))
    ap.add_argument("--sizes", default="1,4,16,64")
    ap.add_argument("--kinds", default="news,quotes,caps,years")
    ap.add_argument("--timeout", type=float, default=600, help="CPU seconds per run")
    ap.add_argument("--max-rss-gb", type=float, default=8)
    ap.add_argument("--dir", default="/tmp/dateline-scale")
    args = ap.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    kinds = args.kinds.split(",")
    if "news" in kinds and not os.path.isdir(BBC):
        print(f"scale: news skipped: {BBC} is missing (the BBC corpus from ../shared)")
        kinds.remove("news")
    if not os.access(args.bin, os.X_OK):
        sys.exit(f"scale: {args.bin} is missing: cargo build --release")
    print(f"binary: {args.bin}")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print("| text | size | wall | CPU | peak RSS | RSS / input byte | CPU growth per 4x | ended |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    verdicts = []
    for kind in kinds:
        prev = None
        for mb in sizes:
            path = generate(kind, mb, args.dir)
            wall, cpu, rss, ended = run(args.bin, path, args.timeout, args.max_rss_gb * 1024 * 1024)
            per_byte = rss * 1024 / (mb * MB)
            growth = ""
            if prev is not None and prev[1] == "ok" and prev[0] > 0:
                g = cpu / prev[0]
                growth = f"{'>' if ended != 'ok' else ''}{g:.2f}x"
                verdicts.append((kind, mb, g <= 4.5 and ended == "ok", "time", g))
            mark = ">" if ended in ("timeout", "memory") else ""
            print(f"| {kind} | {mb} MB | {mark}{wall:.2f} s | {mark}{cpu:.2f} s | "
                  f"{mark}{rss / 1024:.0f} MB | {mark}{per_byte:.1f} | {growth} | {ended} |",
                  flush=True)
            verdicts.append((kind, mb, per_byte <= 20 and ended == "ok", "memory", per_byte))
            if ended != "ok":
                break
            prev = (cpu, ended)
    failed = [v for v in verdicts if not v[2]]
    print()
    if failed:
        for kind, mb, _, what, value in failed:
            limit = "4.5x per 4x" if what == "time" else "20 bytes per input byte"
            print(f"over target: {kind} {mb} MB {what} {value:.2f} (target {limit})")
    else:
        print("every run within the targets (CPU growth <= 4.5x per 4x, RSS <= 20 bytes per input byte)")


if __name__ == "__main__":
    main()
