#!/usr/bin/env bash
# `dateline export` as a whole process: median wall time and median peak RSS, with --jobs 1 and the
# default (all cores), on the BBC corpus and the generated 100 MB corpus.
#
# Usage: scripts/bench_export.sh [RUNS]        (default 5 runs per case; the 100 MB corpus gets 3)
# Needs ../shared beside the repository (exits 0 with a message when it is missing), GNU time
# (/usr/bin/time, `apt-get install time`) and python3 to generate the 100 MB corpus into
# $DATELINE_BIG_CORPUS (default /tmp/dateline-100mb) when it is not there yet. Each run is timed by
# GNU time (wall, user + sys CPU, peak RSS); the table gives medians. CPU time is the steadier figure
# on a shared machine. The JSON goes to standard output, redirected to /dev/null, so the figures
# measure dateline rather than the disk. The BBC articles carry no dates: they get --date 2005-06-01.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${1:-5}"
BBC="../shared/data/news-corpus/bbc"
BIG="${DATELINE_BIG_CORPUS:-/tmp/dateline-100mb}"
BIN="target/release/dateline"

if [[ ! -d "$BBC" ]]; then
    echo "bench_export: skipped: $BBC is missing (the benchmarks need ../shared beside the repository)"
    exit 0
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "bench_export: skipped: /usr/bin/time (GNU time) is needed for peak RSS (apt-get install time)"
    exit 0
fi
cargo build --release --quiet
if [[ ! -d "$BIG/r000" ]]; then
    python3 scripts/gen_corpus.py "$BIG" --source "$BBC" || true
fi

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

mb_of() { du -sb --exclude='*.jsonl' "$1" | awk '{ printf "%.1f", $1 / 1e6 }'; }

# Prints one table row: corpus, jobs, then medians of wall time, CPU time (user + sys) and peak RSS.
# Each run is timed by GNU time, which gives all three at once; one untimed run warms the page cache.
measure() {
    local name="$1" dir="$2" jobs_label="$3" runs="$4"
    shift 4
    local cmd=("$BIN" export "$dir" "$@")
    "${cmd[@]}" >/dev/null 2>&1
    local samples
    samples="$(for _ in $(seq "$runs"); do
        /usr/bin/time -f '%e %U %S %M' "${cmd[@]}" 2>&1 >/dev/null | tail -1
    done)"
    local wall cpu rss size
    wall="$(awk '{ print $1 }' <<<"$samples" | median)"
    cpu="$(awk '{ print $2 + $3 }' <<<"$samples" | median)"
    rss="$(awk '{ print $4 }' <<<"$samples" | median)"
    size="$(mb_of "$dir")"
    awk -v n="$name" -v j="$jobs_label" -v w="$wall" -v c="$cpu" -v r="$rss" -v s="$size" -v k="$runs" \
        'BEGIN { printf "| %s | %s | %.2f s | %.2f s | %.0f MB | %.1fx | %d |\n", n, j, w, c, r / 1e3, (r / 1e3) / s, k }'
}

echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/.*: *//')"
echo "load average: $(cut -d' ' -f1 /proc/loadavg)"
echo "| corpus | --jobs | median wall | median CPU (user+sys) | median peak RSS | RSS / corpus size | runs |"
echo "|---|---|---:|---:|---:|---:|---:|"
measure "bbc ($(mb_of "$BBC") MB)" "$BBC" 1 "$RUNS" --jobs 1 --date 2005-06-01
measure "bbc ($(mb_of "$BBC") MB)" "$BBC" "default ($(nproc))" "$RUNS" --date 2005-06-01
if [[ -d "$BIG/r000" ]]; then
    BIG_RUNS=$((RUNS < 3 ? RUNS : 3))
    measure "100 MB ($(mb_of "$BIG") MB)" "$BIG" 1 "$BIG_RUNS" --jobs 1
    measure "100 MB ($(mb_of "$BIG") MB)" "$BIG" "default ($(nproc))" "$BIG_RUNS"
else
    echo "bench_export: the 100 MB corpus could not be generated into $BIG; skipped"
fi
