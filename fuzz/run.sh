#!/usr/bin/env bash
# Reruns the fuzz campaign of the loader (see docs/robustness.md).
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     default: 600 seconds, targets load and load_analyse
#   fuzz/run.sh replay                                only replays the committed corpus (no fuzzing)
#
# cargo-fuzz needs nightly compiler flags (-Zsanitizer=address); this project's machines have only
# the stable toolchain, so the build runs with RUSTC_BOOTSTRAP=1. The corpus grows in
# fuzz/corpus/TARGET and is minimised (cargo fuzz cmin) at the end; seeds come from samples/ and
# tests/data/ each run. A crash is written to fuzz/artifacts/TARGET/ and stops the run with an error.
# Logs with libFuzzer's final statistics (number of executions) go to fuzz/logs/TARGET.log.
set -euo pipefail
cd "$(dirname "$0")"

mode=fuzz
if [[ "${1:-}" == replay ]]; then
    mode=replay
    shift
    seconds=0
else
    seconds="${1:-600}"
    shift || true
fi
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(load load_analyse)

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1

# Seeds: the small generated maps in fuzz/seeds, the samples, the valid and broken test files.
# libFuzzer keeps inputs to -max_len (16 KiB, which holds a workshop-sized map); longer seeds are cut
# there, which still gives it real syntax to mutate.
max_len=16384
seeds="$(mktemp -d)"
trap 'rm -rf "$seeds"' EXIT
for f in seeds/* ../samples/* ../tests/data/valid/* ../tests/data/broken/*; do
    if [[ -f "$f" && "$f" != *.expect ]]; then
        cp "$f" "$seeds/"
    fi
done

# Limits for one input: an input of at most 16 KiB that needs more than 10 s, or more than 256 MB in
# one allocation, or 1 GB in all, is a bug, and libFuzzer reports it as one.
flags=(-dict=ron.dict -max_len=$max_len -timeout=10 -rss_limit_mb=1024 -malloc_limit_mb=256 -print_final_stats=1)

mkdir -p logs
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    cargo fuzz build -O "$target"
    if [[ $mode == replay ]]; then
        cargo fuzz run -O "$target" "corpus/$target" "$seeds" -- "${flags[@]}" -runs=0 2>&1 | tee "logs/$target-replay.log"
        continue
    fi
    cargo fuzz run -O "$target" "corpus/$target" "$seeds" -- "${flags[@]}" -max_total_time="$seconds" 2>&1 | tee "logs/$target.log"
    cargo fuzz cmin -O "$target" "corpus/$target" -- -dict=ron.dict -max_len=$max_len 2>&1 | tail -n 3
    grep -E '^stat::number_of_executed_units' "logs/$target.log" || true
done
