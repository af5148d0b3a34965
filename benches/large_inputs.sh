#!/usr/bin/env bash
# Time and peak memory of the command line on the large inputs of docs/robustness.md ("Cost").
#
#   [GEN=detmap-that-generates] benches/large_inputs.sh [DETMAP] [OUT_DIR]
#
# DETMAP is a release build of the CLI (default target/release/detmap; build it with
# `cargo build --release --no-default-features`). GEN makes the inputs (default DETMAP; set it to a
# current build to measure an older DETMAP, which has no `--shape chain`). Two inputs over the stage
# limit, which no current build writes, are made by the Python snippet below. Each case runs under `/usr/bin/time -v`, with
# 8 GB of address space and 300 s at most, so a case that would run away is stopped, not the
# machine. Prints one line per case: wall time, peak resident memory, exit status, output size.
set -uo pipefail
detmap="${1:-target/release/detmap}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
gen() { # NAME ARGS... : a generated input, made once
    local name="$1"; shift
    [[ -s "$out/$name.ron" ]] || "${GEN:-$detmap}" generate "$@" > "$out/$name.ron"
}
measure() { # LABEL COMMAND...
    local label="$1"; shift
    local log="$out/time.log"
    ( ulimit -v 8000000; timeout 300 /usr/bin/time -v "$@" > "$out/stdout" 2> "$log" )
    local status=$?
    local wall rss
    wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
    rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
    printf '%-58s %10s s %8s MB  exit %3s  %12s bytes out\n' "$label" "$wall" "$((${rss:-0} / 1024))" "$status" "$(stat -c %s "$out/stdout")"
}
gen random-10k --determinants 10000 --influences 30000 --seed 1
gen random-100k --determinants 100000 --influences 300000 --seed 1
gen chain-10k --shape chain --determinants 10000 --stages 7
gen chain-100k --shape chain --determinants 100000 --stages 7
gen chain-1k-100-stages --shape chain --determinants 1000 --stages 100

python3 - "$out" <<'PY'
import sys, os
def chain_file(n, stages, path):
    if os.path.exists(path): return
    out = ['(format_version: 2, title: "chain", stages: [\n']
    out += ['(id: "s%d", label: "Stage %d"),\n' % (i + 1, i + 1) for i in range(stages)]
    out.append('], categories: [(name: "C", colour: "#000000")], determinants: [\n')
    out += ['(id: "d%d", label: "Determinant %d", categories: ["C"]),\n' % (i + 1, i + 1) for i in range(n)]
    out.append('], influences: [\n')
    links = [(i, 'd%d' % (i + 1)) for i in range(1, n)] + [(n, 's%d' % (s + 1)) for s in range(stages)]
    out += ['(id: "i%d", from: "d%d", to: "%s", sign: enables),\n' % (k + 1, f, t) for k, (f, t) in enumerate(links)]
    out.append('])\n')
    open(path, 'w').write(''.join(out))
chain_file(1000, 10000, sys.argv[1] + '/chain-1k-10k-stages.ron')
chain_file(10, 100000, sys.argv[1] + '/stages-100k.ron')
PY

measure "hand-out report, random 10,000" "$detmap" export "$out/random-10k.ron" --report -
measure "matrix CSV, random 100,000" "$detmap" export "$out/random-100k.ron" --matrix -
measure "hand-out report, chain 10,000" "$detmap" export "$out/chain-10k.ron" --report -
measure "analyze --format json, chain 100,000" "$detmap" analyze "$out/chain-100k.ron" --format json
measure "analyze --format text, chain 100,000" "$detmap" analyze "$out/chain-100k.ron"
measure "analyze --stage s1, chain 1,000 into 100 stages" "$detmap" analyze "$out/chain-1k-100-stages.ron" --stage s1
measure "analyze --stage s1, chain 1,000 into 10,000 stages" "$detmap" analyze "$out/chain-1k-10k-stages.ron" --stage s1
measure "analyze, 100,000 stages" "$detmap" analyze "$out/stages-100k.ron"
measure "generate --determinants 2^64-1" "$detmap" generate --determinants 18446744073709551615 --influences 1
