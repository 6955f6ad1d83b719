#!/usr/bin/env bash
# Runs one fuzz target for a time, at the lowest priority, from its committed seeds plus the
# corpus it grew before (fuzz/corpus/TARGET, not committed); crashes land in fuzz/artifacts/TARGET/.
#
# Usage: fuzz/run.sh TARGET [SECONDS]     (targets: ingest, pipeline, front_matter, browser)
# Needs cargo-fuzz and a nightly toolchain: `cargo install cargo-fuzz`, then this script builds
# with `cargo +nightly fuzz build`. The last lines of the log give the executions and coverage.
# FUZZ_SANITIZER=none builds without AddressSanitizer: about half the build time and twice the
# executions, for code that is safe Rust throughout (panics, hangs and memory limits are still
# caught). FUZZ_BUILD=0 runs what was built before.
set -euo pipefail
cd "$(dirname "$0")"
TARGET="$1"
SECS="${2:-1800}"
if [[ ! -x "target/x86_64-unknown-linux-gnu/release/$TARGET" || "${FUZZ_BUILD:-1}" == 1 ]]; then
    (cd .. && cargo +nightly fuzz build ${FUZZ_SANITIZER:+-s "$FUZZ_SANITIZER"} "$TARGET")
fi
mkdir -p "corpus/$TARGET" "artifacts/$TARGET"
# Inputs up to 8 KiB; a unit over 20 s is a hang. One worker process at a time (-fork=1) that
# goes on after a crash, a hang or running out of memory, so a whole run is spent fuzzing; each
# finding is saved to artifacts/ all the same.
exec nice -n 19 "target/x86_64-unknown-linux-gnu/release/$TARGET" \
    -max_total_time="$SECS" -max_len=8192 -timeout=20 -rss_limit_mb=3072 \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -print_final_stats=1 -artifact_prefix="artifacts/$TARGET/" \
    "corpus/$TARGET" "seeds/$TARGET"
