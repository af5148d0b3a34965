#!/usr/bin/env bash
# Reruns the fuzz campaign of the loader (see docs/robustness.md, "Fuzzing").
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]   fuzz; default 600 seconds each, targets load and load_analyse
#   fuzz/run.sh replay [TARGET...]                 only replay the committed corpus through the targets
#
# cargo-fuzz needs nightly compiler flags (-Zsanitizer=address); this project's machines have only
# the stable toolchain, so everything runs with RUSTC_BOOTSTRAP=1.
#
# Corpora: the campaign works in fuzz/corpus-tmp/TARGET (not committed; it persists between runs),
# starting from the committed fuzz/corpus/TARGET, the small generated maps in fuzz/seeds/, the
# samples and the test files. At the end, the inputs of at most 4 KiB are merged (minimised for
# coverage) into fuzz/corpus/TARGET, which is what is committed and what `cargo test` replays
# (tests/robustness_fuzz_corpus.rs). A crash stops the run with an error and is written to
# fuzz/artifacts/TARGET/; logs with libFuzzer's final statistics go to fuzz/logs/TARGET.log.
set -euo pipefail
cd "$(dirname "$0")"

mode=fuzz
seconds=600
if [[ "${1:-}" == replay ]]; then
    mode=replay
    shift
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then
    seconds="$1"
    shift
fi
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(load load_analyse)

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1

# libFuzzer keeps inputs to -max_len (16 KiB, which holds a workshop-sized map); longer seeds are cut
# there, which still gives it real syntax to mutate. An input that needs more than 10 s, or more than
# 256 MB in one allocation, or 1 GB in all, is a bug, and libFuzzer reports it as one.
max_len=16384
flags=(-dict=ron.dict -max_len=$max_len -timeout=10 -rss_limit_mb=1024 -malloc_limit_mb=256 -print_final_stats=1)

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/seeds"
for f in seeds/* ../samples/* ../tests/data/valid/* ../tests/data/broken/* ../tests/data/v1/* ../tests/data/v2/*; do
    if [[ -f "$f" && "$f" != *.expect ]]; then
        cp "$f" "$tmp/seeds/"
    fi
done

mkdir -p logs
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target" "corpus-tmp/$target"
    cargo fuzz build -O "$target"
    if [[ $mode == replay ]]; then
        cargo fuzz run -O "$target" "corpus/$target" -- "${flags[@]}" -runs=0 2>&1 | tee "logs/$target-replay.log"
        continue
    fi
    cargo fuzz run -O "$target" "corpus-tmp/$target" "corpus/$target" "$tmp/seeds" -- \
        "${flags[@]}" -max_total_time="$seconds" 2>&1 | tee "logs/$target.log"
    # The committed corpus: inputs of at most 4 KiB, minimised for coverage.
    small="$tmp/small-$target"
    merged="$tmp/merged-$target"
    mkdir -p "$small" "$merged"
    find "corpus-tmp/$target" "corpus/$target" -type f -size -4097c -exec cp {} "$small/" \;
    cargo fuzz run -O "$target" "$merged" "$small" -- -merge=1 -dict=ron.dict -max_len=$max_len 2>&1 | grep 'MERGE-OUTER: [0-9]* new' || true
    rm -rf "corpus/$target"
    mv "$merged" "corpus/$target"
    echo "$target: $(grep -E '^stat::number_of_executed_units' "logs/$target.log"), committed corpus $(ls "corpus/$target" | wc -l) files"
done
