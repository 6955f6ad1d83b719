#!/usr/bin/env bash
# `dateline assemble` memory against its input: extracts a generated corpus in shards (the map
# step), then assembles them (the reduce step) under GNU time and prints the input size, the peak
# RSS and their ratio (the target: under 4x), with the wall and CPU time of each step.
#
# Usage: scripts/bench_assemble.sh [SIZE_MB]   (default 250: about 1 GB of extraction output)
# Needs ../shared beside the repository (exits 0 with a message when it is missing), GNU time and
# python3. The corpus goes to $DATELINE_ASSEMBLE_CORPUS (default /tmp/dateline-assemble-SIZE) and
# the shards to a temporary folder that is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE="${1:-250}"
BBC="../shared/data/news-corpus/bbc"
CORPUS="${DATELINE_ASSEMBLE_CORPUS:-/tmp/dateline-assemble-$SIZE}"
BIN="target/release/dateline"
SHARDS=4

if [[ ! -d "$BBC" ]]; then
    echo "bench_assemble: skipped: $BBC is missing (the benchmarks need ../shared beside the repository)"
    exit 0
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "bench_assemble: skipped: /usr/bin/time (GNU time) is needed for peak RSS (apt-get install time)"
    exit 0
fi
cargo build --release --quiet
if [[ ! -f "$CORPUS/corpus.jsonl" ]]; then
    python3 scripts/gen_corpus.py "$CORPUS" --source "$BBC" --size-mb "$SIZE" --format jsonl
fi
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
echo "load average: $(cut -d' ' -f1 /proc/loadavg)"
for k in $(seq 1 $SHARDS); do
    /usr/bin/time -f "extract $k/$SHARDS: wall %e s, CPU %U+%S s, peak RSS %M KB" \
        "$BIN" extract "$CORPUS/corpus.jsonl" --shard "$k/$SHARDS" --jobs 1 >"$OUT/part-$k.jsonl"
done
INPUT=$(cat "$OUT"/part-*.jsonl | wc -c)
/usr/bin/time -o "$OUT/time" -f "%e %U %S %M" \
    "$BIN" assemble "$OUT"/part-*.jsonl -o /dev/null 2>"$OUT/err"
read -r WALL USER SYS RSS <"$OUT/time"
python3 - "$INPUT" "$RSS" "$WALL" "$USER" "$SYS" <<'PY'
import sys
inp, rss_kb, wall, user, sys_ = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:])
rss = rss_kb * 1024
print(f"assemble: {inp / 1e6:.0f} MB of extraction output, peak RSS {rss / 1e6:.0f} MB = "
      f"{rss / inp:.2f}x the input (target < 4x); wall {wall:.1f} s, CPU {user + sys_:.1f} s")
PY
