#!/usr/bin/env python3
"""Whole-process timing of `detmap analyze` against the same reachability in networkx.

Usage: python3 benches/compare_networkx.py [--determinants N --influences M --stages S --runs R]
Needs a release build (`cargo build --release`) and `pip install networkx`.

Both sides answer the same question: for every stage, which determinants reach it, at what
shortest distance, with which parities of hinders (enables / hinders / mixed). networkx runs a
breadth-first search per stage over (node, parity) states on the reversed influence graph, which is
the algorithm detmap uses; the script checks that both give the same answers before timing them.
"""
import argparse, csv, io, os, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
detmap = os.path.join(root, "target", "release", "detmap")

def networkx_reach(influences_csv, stages):
    import networkx as nx
    g = nx.DiGraph()
    with open(influences_csv, newline="") as f:
        for row in csv.DictReader(f):
            flip = 1 if row["sign"] == "hinders" else 0
            # Reversed edges over (node, parity): from (to, p) to (from, p ^ flip).
            for p in (0, 1):
                g.add_edge((row["to"], p), (row["from"], p ^ flip))
    result = {}
    for s in stages:
        if (s, 0) not in g:
            result[s] = {}
            continue
        dist = nx.single_source_shortest_path_length(g, (s, 0))
        feeders = {}
        for (node, parity), d in dist.items():
            if node in stages:
                continue
            e, o = feeders.get(node, (None, None))
            feeders[node] = (d, o) if parity == 0 else (e, d)
        result[s] = {n: (min(x for x in eo if x is not None),
                         "mixed" if None not in eo else ("enables" if eo[0] is not None else "hinders"))
                     for n, eo in feeders.items()}
    return result

def median_time(fn, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--determinants", type=int, default=10000)
    ap.add_argument("--influences", type=int, default=50000)
    ap.add_argument("--stages", type=int, default=7)
    ap.add_argument("--runs", type=int, default=10)
    a = ap.parse_args()
    if not os.path.exists(detmap):
        sys.exit("build first: cargo build --release")
    tmp = tempfile.mkdtemp()
    mapfile, infs = os.path.join(tmp, "big.ron"), os.path.join(tmp, "influences.csv")
    with open(mapfile, "wb") as f:
        subprocess.run([detmap, "generate", "--determinants", str(a.determinants), "--influences", str(a.influences),
                        "--stages", str(a.stages), "--seed", "1"], stdout=f, check=True)
    subprocess.run([detmap, "export", mapfile, "--influences", infs], check=True)
    stages = {f"s{i + 1}" for i in range(a.stages)}
    print(f"map: {a.determinants} determinants, {a.influences} influences, {a.stages} stages; "
          f"file {os.path.getsize(mapfile) / 1e6:.1f} MB")

    # Same answers first.
    out = subprocess.run([detmap, "analyze", mapfile, "--format", "csv"], capture_output=True, check=True).stdout.decode()
    ours = {}
    for r in csv.DictReader(io.StringIO(out)):
        ours.setdefault(r["stage_id"], {})[r["determinant_id"]] = (int(r["distance"]), r["net_effect"])
    theirs = networkx_reach(infs, stages)
    for s in stages:
        if ours.get(s, {}) != theirs[s]:
            sys.exit(f"results differ for stage {s}")
    print(f"same answers: {sum(len(v) for v in ours.values())} (stage, determinant) rows")

    def run_detmap():
        subprocess.run([detmap, "analyze", mapfile, "--format", "csv"], stdout=subprocess.DEVNULL, check=True)
    def run_validate():
        subprocess.run([detmap, "validate", mapfile], stdout=subprocess.DEVNULL, check=True)
    script = (f"import sys; sys.path.insert(0, {os.path.dirname(os.path.abspath(__file__))!r}); "
              f"import compare_networkx as c; c.networkx_reach({infs!r}, {sorted(stages)!r})")
    def run_networkx():
        subprocess.run([sys.executable, "-c", script], check=True)
    def nx_algorithm_only():
        networkx_reach(infs, stages)

    d_med, d_min = median_time(run_detmap, a.runs)
    v_med, v_min = median_time(run_validate, a.runs)
    n_med, n_min = median_time(run_networkx, max(3, a.runs // 3))
    alg_med, _ = median_time(nx_algorithm_only, 3)
    print(f"detmap analyze --format csv, whole process: median {d_med * 1e3:.0f} ms (min {d_min * 1e3:.0f} ms)")
    print(f"detmap validate (load + validate only):    median {v_med * 1e3:.0f} ms (min {v_min * 1e3:.0f} ms)")
    print(f"networkx, whole process (python start, import, read CSV, search): median {n_med * 1e3:.0f} ms")
    print(f"networkx, graph build + search in a warm interpreter: median {alg_med * 1e3:.0f} ms")
    print(f"ratio, whole process: networkx / detmap = {n_med / d_med:.1f}x")

if __name__ == "__main__":
    main()
