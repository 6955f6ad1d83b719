#!/usr/bin/env bash
# Re-runs every failure of issue 16 against one binary and prints PASS or FAIL for each, with what
# was seen. Every run has a time limit (and the big ones a memory limit), so nothing hangs.
#
# Usage: benches/robustness.sh [BIN]        (default target/release/dateline)
# Needs GNU time (/usr/bin/time), python3 and timeout; the BBC line of item 1 needs ../shared.
# Timings are CPU seconds (user + sys), the steadier figure on a shared machine. The scaling
# figures of items 1 and 2 in full (up to 64 MB) come from benches/scale.py; this script stops at
# 4 MB (16 MB for the memory checks) so that it ends in minutes.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN="$(realpath "${1:-target/release/dateline}")"
W="$(mktemp -d /tmp/dateline-robustness.XXXXXX)"
trap 'rm -rf "$W"' EXIT
# A cache of this run's own (dateline keeps extractions in one): every check extracts afresh, and
# the user's cache stays as it was.
export DATELINE_CACHE_DIR="$W/cache"
BBC="${DATELINE_SHARED:-../shared}/data/news-corpus/bbc"
LIMIT="${DATELINE_CHECK_TIMEOUT:-120}"

pass() { printf '| %s | %s | PASS | %s |\n' "$1" "$2" "$3"; }
fail() { printf '| %s | %s | FAIL | %s |\n' "$1" "$2" "$3"; }
check() { if [[ "$3" == 1 ]]; then pass "$1" "$2" "$4"; else fail "$1" "$2" "$4"; fi; }

# cpu_rss FILE ARGS...: runs `BIN export FILE --jobs 1 -o /dev/null ARGS` under a time limit and a
# 6 GB address-space limit; prints "CPU_SECONDS RSS_MB EXIT".
cpu_rss() {
    local f="$1"
    shift
    local out
    out="$( (ulimit -v 6000000; /usr/bin/time -f '%U %S %M' timeout "$LIMIT" "$BIN" export "$f" --jobs 1 -o /dev/null "$@") 2>&1 >/dev/null | tail -1)"
    local code=$?
    awk -v c="$code" '{ printf "%.2f %.0f %s\n", $1 + $2, $3 / 1024, c }' <<<"$out"
}

# growth NAME UNIT_FILE: 1 and 4 MB of the unit repeated; PASS when 4x the size costs <= 4.5x.
growth() {
    local item="$1" name="$2" unit="$3"
    python3 - "$unit" "$W/$name" <<'EOF'
import sys
unit = open(sys.argv[1], "rb").read()
for mb in (1, 4):
    n = mb << 20
    open(f"{sys.argv[2]}-{mb}.txt", "wb").write((unit * (n // len(unit) + 1))[:n].decode("utf-8", "ignore").encode())
EOF
    read -r c1 r1 e1 <<<"$(cpu_rss "$W/$name-1.txt" --date 2025-01-01)"
    read -r c4 r4 e4 <<<"$(cpu_rss "$W/$name-4.txt" --date 2025-01-01)"
    local g
    g="$(awk -v a="$c1" -v b="$c4" 'BEGIN { printf "%.1f", (a > 0.05 ? b / a : 0) }')"
    local ok=0
    [[ "$e4" == 0 ]] && awk -v g="$g" 'BEGIN { exit !(g <= 4.5) }' && ok=1
    check "$item" "$name: 1 → 4 MB, CPU growth ≤ 4.5×" "$ok" "${c1} s → ${c4} s (${g}×), exit $e4"
}

echo "binary: $BIN"
echo "load average: $(cut -d' ' -f1 /proc/loadavg)"
echo "| item | check | result | seen |"
echo "|---|---|---|---|"

# 1. Linear time on one big article.
printf 'The minister said on Tuesday that the talks in Geneva would resume next week. ' >"$W/sent"
growth 1 "news sentences, one line" "$W/sent"
printf 'The minister said on Tuesday that the talks in Geneva would resume next week.\n' >"$W/sentnl"
growth 1 "news sentences, a line each" "$W/sentnl"
# A sentence of nothing but dates: every stage that looks at each date against the whole sentence
# (the event's clause tests, the happenings' term filter) was quadratic here.
printf '2025 ' >"$W/years"
growth 1 "year-strings, one sentence" "$W/years"
if [[ -d "$BBC" ]]; then
    find "$BBC" -name '*.txt' ! -name README.TXT | sort | xargs cat | tr '\n' ' ' >"$W/bbc"
    growth 1 "BBC joined into one line" "$W/bbc"
fi

# 2. Memory: 16 MB of `"` and of `Big Name ` within 20 bytes per input byte.
for unit in '"' 'Big Name ' '2025 '; do
    name="$(tr -dc 'a-zA-Z0-9' <<<"$unit")"
    [[ -z "$name" ]] && name="quotes"
    python3 -c "import sys; u=sys.argv[1].encode(); open(sys.argv[2],'wb').write((u*((16<<20)//len(u)+1))[:16<<20])" "$unit" "$W/m-$name.txt"
    read -r c r e <<<"$(cpu_rss "$W/m-$name.txt")"
    ok=0
    [[ "$e" == 0 ]] && (( r <= 16 * 20 )) && ok=1
    check 2 "16 MB of \`$unit\`: peak RSS ≤ 320 MB" "$ok" "${r} MB, ${c} s CPU, exit $e"
done
timeout "$LIMIT" "$BIN" export "$W/m-2025.txt" --jobs 1 -o "$W/m-2025.json" 2>/dev/null
sz=$(( $(stat -c %s "$W/m-2025.json" 2>/dev/null || echo 0) >> 20 ))
check 2 "16 MB of \`2025 \`: JSON ≤ 20× the input" "$(( sz <= 320 ? 1 : 0 ))" "${sz} MB of JSON"
python3 -c "open('$W/huge.txt','wb').write(b'Talks resumed. ' * ((200 << 20) // 15))"
out="$(timeout "$LIMIT" "$BIN" export "$W/huge.txt" "$W/sent" --jobs 2 -o /dev/null 2>&1)"
e=$?
check 2 "200 MB article: a warning naming it, the rest read" "$([[ $e == 0 && "$out" == *huge.txt* ]] && echo 1 || echo 0)" "exit $e: $(head -c 160 <<<"$out" | tr '\n' ' ')"

# 3. Hangs.
out="$(timeout 10 "$BIN" export --jobs 100000 2>&1)"
e=$?
check 3 "--jobs 100000 refused at once" "$([[ $e == 2 ]] && echo 1 || echo 0)" "exit $e"
mkfifo "$W/fifo.txt"
out="$(timeout 10 "$BIN" export "$W/fifo.txt" "$W/sent" -o /dev/null 2>&1)"
e=$?
check 3 "a FIFO given as a path: a warning, no wait" "$([[ $e == 0 ]] && echo 1 || echo 0)" "exit $e $( [[ $e == 124 ]] && echo '(hung: killed after 10 s)')"
mkdir "$W/fifodir" && mkfifo "$W/fifodir/a.txt" && cp "$W/sent" "$W/fifodir/b.txt"
out="$(timeout 10 "$BIN" export "$W/fifodir" -o /dev/null 2>&1)"
e=$?
check 3 "a FIFO in a folder: a warning, no wait" "$([[ $e == 0 ]] && echo 1 || echo 0)" "exit $e"
read -r c r e <<<"$(cpu_rss /dev/zero "$W/sent")"
check 3 "/dev/zero given as a path: a warning, under 1 GB" "$([[ $e == 0 ]] && (( r < 1000 )) && echo 1 || echo 0)" "exit $e, peak RSS $r MB (a 6 GB address-space limit stops it)"

# 4. Escape sequences on standard error.
mkdir "$W/esc" && : >"$W/esc/$(printf 'a\033]0;pwned\007\033[2Jb.txt')" && cp "$W/sent" "$W/esc/ok.txt"
"$BIN" export "$W/esc" -o /dev/null 2>"$W/esc.err"
raw=$(tr -d '\n' <"$W/esc.err" | tr -cd '\000-\037\177' | wc -c)
check 4 "control characters in a file name printed escaped" "$(( raw == 0 ? 1 : 0 ))" "$raw raw control bytes on stderr"

# 5. Unsafe writes.
mkdir "$W/w" && cp "$W/sent" "$W/w/a.txt"
timeout "$LIMIT" "$BIN" export "$W/w/a.txt" -o "$W/w/a.txt" 2>/dev/null
e=$?
check 5 "-o onto an input: refused, exit 2, input kept" "$([[ $e == 2 ]] && cmp -s "$W/sent" "$W/w/a.txt" && echo 1 || echo 0)" "exit $e"
echo victim >"$W/w/victim"
timeout "$LIMIT" "$BIN" export "$W/w/a.txt" -o "$W/w/out.json" 2>/dev/null &
pid=$!
ln -s "$W/w/victim" "$W/w/.out.json.$pid.tmp"
wait $pid
check 5 "a symlink planted at .out.json.PID.tmp not followed" "$([[ "$(cat "$W/w/victim")" == victim && ! -L "$W/w/out.json" ]] && echo 1 || echo 0)" "victim: $(head -c 20 "$W/w/victim")…, out.json $(stat -c %F "$W/w/out.json")"
echo old >"$W/w/ro.json" && chmod 444 "$W/w/ro.json"
timeout "$LIMIT" "$BIN" export "$W/w/a.txt" -o "$W/w/ro.json" 2>/dev/null
e=$?
check 5 "a read-only target left alone" "$([[ "$(cat "$W/w/ro.json")" == old && "$(stat -c %a "$W/w/ro.json")" == 444 ]] && echo 1 || echo 0)" "exit $e, mode $(stat -c %a "$W/w/ro.json")"
python3 -c "
import json
with open('$W/w/big.jsonl','w') as f:
    for i in range(20000):
        f.write(json.dumps({'id': f'a{i}', 'date': '2025-03-14', 'text': 'On 14 March 2025 the ministers met in Geneva. “We are close,” said Maria Lopez. ' * 8}) + '\n')
"
mkdir "$W/w/out"
left=0
for sig in INT TERM; do
    "$BIN" export "$W/w/big.jsonl" --pretty -o "$W/w/out/out.json" 2>/dev/null &
    pid=$!
    for _ in $(seq 6000); do
        compgen -G "$W/w/out/.*.tmp" >/dev/null && break
        sleep 0.01
    done
    kill -"$sig" "$pid" 2>/dev/null
    wait "$pid"
    compgen -G "$W/w/out/.*.tmp" >/dev/null && left=$((left + 1))
    rm -f "$W"/w/out/.*.tmp
done
check 5 "SIGINT/SIGTERM during the write leave no .tmp" "$(( left == 0 ? 1 : 0 ))" "$left of 2 runs left a temporary file"

# 6. Unique ids.
printf '{"id":"a","text":"One."}\n{"id":"a","text":"Two."}\n{"id":"a~2","text":"Three."}\n' >"$W/ids.jsonl"
ids="$("$BIN" export "$W/ids.jsonl" 2>/dev/null | python3 -c 'import json,sys; print(" ".join(d["id"] for d in json.load(sys.stdin)["documents"]))')"
check 6 "ids a, a, a~2 come out unique" "$(tr ' ' '\n' <<<"$ids" | sort | uniq -d | grep -q . && echo 0 || echo 1)" "$ids"

# 7. Encodings and line endings.
count() { "$BIN" export "$@" 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["documents"]))' 2>/dev/null || echo 0; }
printf '\xef\xbb\xbf{"id":"x","text":"One."}\n{"id":"y","text":"Two."}\n' >"$W/bom.jsonl"
n=$(count "$W/bom.jsonl")
check 7 "UTF-8 BOM on a .jsonl keeps line 1" "$(( n == 2 ? 1 : 0 ))" "$n of 2 articles"
printf '{"id":"x","text":"One."}\r{"id":"y","text":"Two."}\r' >"$W/cr.jsonl"
n=$(count "$W/cr.jsonl")
check 7 "lone-CR .jsonl read line by line" "$(( n == 2 ? 1 : 0 ))" "$n of 2 articles"
printf -- '---\rtitle: T\rdate: 2025-03-14\r---\rTalks resumed.\r' >"$W/cr.txt"
pub="$("$BIN" export "$W/cr.txt" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"][0]["published"])' 2>/dev/null)"
check 7 "lone-CR .txt front matter recognised" "$([[ "$pub" == 2025-03-14 ]] && echo 1 || echo 0)" "published: $pub"
for enc in utf-16-le utf-16-be; do
    python3 -c "open('$W/$enc.txt','wb').write('\ufeffTalks resumed on Monday in Geneva.'.encode('$enc'))"
    t="$("$BIN" export "$W/$enc.txt" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"][0]["text"][:13])' 2>/dev/null)"
    check 7 "$enc with BOM decoded" "$([[ "$t" == "Talks resumed" ]] && echo 1 || echo 0)" "text: ${t:-none}"
done
python3 -c "open('$W/nul.txt','wb').write(b'Talks resumed. ' * 700 + b'\x00after')"
nul="$("$BIN" export "$W/nul.txt" 2>/dev/null | python3 -c 'import json,sys; print(int("\x00" in json.load(sys.stdin)["documents"][0]["text"]))' 2>/dev/null)"
check 7 "a NUL after 8 KB kept out of the text" "$([[ "$nul" == 0 ]] && echo 1 || echo 0)" "NUL in text: ${nul:-no document}"

# 8. Extreme dates.
printf 'It happened last week. The plan is for next year. In the 2020s. Week 52 ended. Last month.\n' >"$W/rel.txt"
bad="$("$BIN" export "$W/rel.txt" --date 9999-12-31 2>/dev/null | python3 -c '
import json, re, sys
v = json.load(sys.stdin)
vals = [t["value"] for t in v["timexes"]] + [x for t in v["timexes"] for x in (t.get("earliest"), t.get("latest")) if x]
vals += [x for e in v["events"] for x in (e["when"]["earliest"], e["when"]["latest"], e["when"]["value"]) if x]
print(" ".join(sorted({x for x in vals if x[:1] in "+-" or re.match(r"^[0-9]{5}", x)})))')"
check 8 "--date 9999-12-31: values and bounds within 0000–9999" "$([[ -z "$bad" ]] && echo 1 || echo 0)" "${bad:-all in range}"
timeout 10 "$BIN" export "$W/rel.txt" --date -0001-01-01 >/dev/null 2>&1
e=$?
check 8 "--date -0001-01-01 refused" "$([[ $e == 2 ]] && echo 1 || echo 0)" "exit $e"

# 9. Markdown opening with a --- rule.
printf -- '---\nA story that opens with a rule.\n\nMore text.\n' >"$W/rule.md"
n=$(count "$W/rule.md")
check 9 "Markdown opening with a --- rule read as text" "$(( n == 1 ? 1 : 0 ))" "$n of 1 articles"

# 10. Deep folders: 1,000 levels in time linear with 250.
deep() {
    local d="$W/deep$1"
    python3 -c "
import os
os.mkdir('$d')
os.chdir('$d')
for i in range($1):
    os.mkdir('d')
    os.chdir('d')
open('a.txt', 'w').write('Talks resumed.')
"
    /usr/bin/time -f '%U %S' timeout "$LIMIT" "$BIN" export "$d" -o /dev/null 2>&1 >/dev/null | tail -1 | awk '{ printf "%.2f", $1 + $2 }'
}
t250="$(deep 250)"
t1000="$(deep 1000)"
ok="$(awk -v a="$t250" -v b="$t1000" 'BEGIN { print (b <= 4.5 * (a > 0.05 ? a : 0.05)) ? 1 : 0 }')"
check 10 "250 → 1,000 nested folders, CPU ≤ 4.5×" "$ok" "${t250} s → ${t1000} s"

# 11. The browser: measured by `cargo bench --bench tui` (one huge article), not here.
printf '| 11 | browser keystroke on a 50 MB article, p99 ≤ 16 ms | see `cargo bench --bench tui` | not measured by this script |\n'

# 12. Exit codes.
e_missing=$(timeout "$LIMIT" "$BIN" export "$W/sent" -o "$W/no/such/out.json" >/dev/null 2>&1; echo $?)
e_full=$(timeout "$LIMIT" "$BIN" export "$W/sent" -o /dev/full >/dev/null 2>&1; echo $?)
e_ro=$(timeout "$LIMIT" "$BIN" export "$W/sent" -o "$W/w/ro.json" >/dev/null 2>&1; echo $?)
check 12 "write failures are not usage errors (not 2, not 0)" "$([[ $e_missing != 2 && $e_missing != 0 && $e_full != 2 && $e_full != 0 && $e_ro != 2 && $e_ro != 0 ]] && echo 1 || echo 0)" "missing folder $e_missing, /dev/full $e_full, read-only $e_ro"
e_pipe=$(set -o pipefail; timeout "$LIMIT" "$BIN" export "$W/sent" -o /dev/stdout 2>/dev/null | head -c 1 >/dev/null; echo "${PIPESTATUS[0]}")
check 12 "-o /dev/stdout | head exits 0" "$([[ $e_pipe == 0 ]] && echo 1 || echo 0)" "exit $e_pipe"
if command -v tmux >/dev/null; then
    for sig in TERM HUP INT; do
        tmux kill-session -t dlcheck 2>/dev/null
        tmux new-session -d -s dlcheck -x 100 -y 30 "$BIN $W/sent; echo \$? > $W/tui.$sig; sleep 2"
        sleep 1.5
        # The pane's shell runs dateline as its one child: signal that process by its id.
        shell="$(tmux list-panes -t dlcheck -F '#{pane_pid}' | head -1)"
        kill -"$sig" "$(pgrep -P "$shell" | head -1)"
        sleep 1
        code="$(cat "$W/tui.$sig" 2>/dev/null)"
        num=$(kill -l "$sig")
        check 12 "browser after SIG$sig exits $((128 + num))" "$([[ "$code" == $((128 + num)) ]] && echo 1 || echo 0)" "exit ${code:-?}"
        tmux kill-session -t dlcheck 2>/dev/null
    done
fi
