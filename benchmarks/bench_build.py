"""Build benchmark: one table of cold / no-change / one-page-edit builds per archive size.

    python3 -m benchmarks.bench_build --issues 30 365 --pages 8 --runs 3

For each size a synthetic archive (benchmarks/archive.py, deterministic) is
generated under --work, then every build runs in a fresh process (`banmian
build` as a user would run it) while this process samples the memory of the
whole process tree (the build and its workers) from /proc: RSS summed, which
counts pages the forked workers share with the main process once per process,
and PSS, which shares them out and so sums to what the tree really holds:
- cold: no cache, no previous site (median of --cold-runs);
- no change: the same build again;
- 1-page edit: one page file changed (a typo, a paragraph added or cut);
- 1-page edit, warm: edit and rebuild inside one long-lived process, as
  `banmian serve --watch` does (the reconstruction engine and jinja are loaded;
  serve's build options: one process, the cache written in the background once
  the new site is in place, no automatic GC); the time is until the site is in place.
Each child process starts once the disk has written back what the previous step
wrote (`os.sync()`, untimed). Figures are medians; the per-stage line is from
the median cold run.
`--repo DIR` benchmarks another checkout (e.g. a frozen copy of the tree).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
STAGES = ("load", "reconstruct", "render", "search", "feeds", "write")


# -- child side: run builds, print JSON -------------------------------------------------------

def child(mode: str, site: Path, jobs: int, runs: int, seed: int) -> None:
    from generator.build import build
    from generator.config import load_config

    os.chdir(site)
    config = load_config(site / "banmian.toml")
    out = []
    if mode == "build":
        r = build(config, jobs=jobs or None, progress=False)
        out.append(_result(r))
    elif mode == "warm-edit":
        import gc

        from benchmarks.archive import edit_page
        from generator.build import wait_for_saves
        from generator.serve import DevServer

        build(config, jobs=jobs or None, progress=False)  # warm up: load everything once
        # then rebuild as `serve --watch` does: its build options (one process, cache
        # written in the background once the site is up) and no automatic GC
        opts = DevServer._build_options(initial=False)
        gc.disable()
        rng = random.Random(seed)
        pages = sorted((site / "content").glob("*/[0-9]*.*"))
        for _ in range(runs):
            edit_page(rng.choice(pages), rng)
            r = build(config, **opts)
            out.append(_result(r))
            wait_for_saves()  # an editor's next save comes later than that
    print("RESULT " + json.dumps(out))


def _result(r) -> dict:
    import resource

    return {"seconds": r.seconds, "stages": r.stages, "files": r.files, "rendered": r.rendered,
            "reconstructed": r.reconstructed, "issues": r.issues, "pages": r.pages,
            "articles": r.articles, "unchanged": r.unchanged,
            "self_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


# -- parent side ------------------------------------------------------------------------------

def _tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes of a process and all its descendants. Summed RSS counts
    the pages forked workers share with the main process once per process; PSS
    splits each shared page among the processes sharing it, so it sums to what
    the tree really holds."""
    rss = pss = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return rss, pss


def run_child(repo: Path, mode: str, site: Path, jobs: int, runs: int = 1, seed: int = 0) -> tuple[list[dict], float, float]:
    env = dict(os.environ, PYTHONPATH=f"{repo}{os.pathsep}{REPO}")
    # Python's own cache of compiled modules, as on any install (a sandbox may turn it
    # off; every new process would then compile the whole program again, ~0.4 s)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # The disk's write-back of what earlier steps wrote (a cold build: ~400 MB) is theirs:
    # left running, it slows the next build's reads and writes several-fold on this disk.
    os.sync()
    cmd = [sys.executable, "-m", "benchmarks.bench_build", "--child", mode, str(site),
           "--jobs", str(jobs), "--runs", str(runs), "--seed", str(seed)]
    proc = subprocess.Popen(cmd, cwd=str(repo), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0, 0]  # RSS, PSS
    done = threading.Event()

    def sample():
        while not done.is_set():
            rss, pss = _tree_memory(proc.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            time.sleep(0.02)
    t = threading.Thread(target=sample, daemon=True)
    t.start()
    stdout, stderr = proc.communicate()
    done.set()
    t.join()
    if proc.returncode:
        raise SystemExit(f"build failed ({mode} {site}):\n{stderr[-3000:]}")
    line = [l for l in stdout.splitlines() if l.startswith("RESULT ")][-1]
    return json.loads(line[7:]), peak[0] / 2**20, peak[1] / 2**20


def tree_size(folder: Path) -> tuple[int, int]:
    n = size = 0
    for root, _, files in os.walk(folder):
        for f in files:
            n += 1
            size += os.path.getsize(os.path.join(root, f))
    return n, size


def bench_size(args, issues: int) -> dict:
    from benchmarks.archive import edit_page, generate

    site = Path(args.work) / f"archive-{issues}x{args.pages}"
    generate(site, issues, args.pages, seed=args.seed)
    rng = random.Random(args.seed + issues)
    pages = sorted((site / "content").glob("*/[0-9]*.*"))
    res: dict = {"issues": issues}

    cold = []
    for n in range(args.cold_runs):
        shutil.rmtree(site / ".banmian-cache", ignore_errors=True)
        shutil.rmtree(site / "_site", ignore_errors=True)
        (r,), r["peak"], r["peak_pss"] = run_child(args.repo, "build", site, args.jobs)
        cold.append(r)
        print(f"  [{issues}] cold {n + 1}: {r['seconds']:.1f} s, RSS {r['peak']:.0f} MB, PSS {r['peak_pss']:.0f} MB",
              file=sys.stderr)
    cold.sort(key=lambda r: r["seconds"])
    med = cold[len(cold) // 2]
    res["cold"] = med
    res["cold_all"] = [r["seconds"] for r in cold]
    res["files"], res["bytes"] = tree_size(site / "_site")

    same = []
    for n in range(args.runs):
        (r,), r["peak"], r["peak_pss"] = run_child(args.repo, "build", site, args.jobs)
        same.append(r)
        print(f"  [{issues}] no change {n + 1}: {r['seconds']:.2f} s", file=sys.stderr)
    res["nochange"] = sorted(same, key=lambda r: r["seconds"])[len(same) // 2]

    edits = []
    for n in range(args.runs):
        edit_page(rng.choice(pages), rng)
        (r,), r["peak"], r["peak_pss"] = run_child(args.repo, "build", site, args.jobs)
        edits.append(r)
        print(f"  [{issues}] edit {n + 1}: {r['seconds']:.2f} s ({r['rendered']} rendered)", file=sys.stderr)
    res["edit"] = sorted(edits, key=lambda r: r["seconds"])[len(edits) // 2]

    warm, peak, _ = run_child(args.repo, "warm-edit", site, args.jobs, runs=args.runs, seed=args.seed + 7)
    for r in warm:
        print(f"  [{issues}] warm edit: {r['seconds']:.2f} s ({r['rendered']} rendered)", file=sys.stderr)
    res["warm"] = sorted(warm, key=lambda r: r["seconds"])[len(warm) // 2]
    res["warm"]["peak"] = peak
    return res


def table(results: list[dict], jobs: int) -> str:
    cols = [f"{r['issues']} × {r['cold']['pages'] // max(1, r['issues'])}" for r in results]
    rows: list[tuple[str, list[str]]] = []
    rows.append(("pages / articles", [f"{r['cold']['pages']} / {r['cold']['articles']}" for r in results]))
    rows.append(("output files / MB", [f"{r['files']} / {r['bytes'] / 1e6:.0f}" for r in results]))
    rows.append(("cold full build (s)", [f"{r['cold']['seconds']:.1f}" + (
        f" (runs: {', '.join(f'{x:.1f}' for x in r['cold_all'])})" if len(r['cold_all']) > 1 else "")
        for r in results]))
    for s in STAGES:
        rows.append((f"  cold: {s}", [f"{r['cold']['stages'].get(s, 0):.2f}" for r in results]))
    rows.append(("no-change rebuild (s)", [f"{r['nochange']['seconds']:.2f}" for r in results]))
    rows.append(("1-page edit, new process (s)", [f"{r['edit']['seconds']:.2f}" for r in results]))
    for s in STAGES:
        rows.append((f"  edit: {s}", [f"{r['edit']['stages'].get(s, 0):.2f}" for r in results]))
    rows.append(("1-page edit, warm process (s)", [f"{r['warm']['seconds']:.2f}" for r in results]))
    rows.append(("  outputs re-rendered on edit", [str(r['edit']['rendered']) for r in results]))
    rows.append(("peak RSS cold, all processes (MB)", [f"{r['cold']['peak']:.0f}" for r in results]))
    rows.append(("peak PSS cold, all processes (MB)", [f"{r['cold']['peak_pss']:.0f}" for r in results]))
    rows.append(("peak RSS cold, main process (MB)", [f"{r['cold']['self_maxrss_mb']:.0f}" for r in results]))
    rows.append(("peak RSS edit, all processes (MB)", [f"{r['edit']['peak']:.0f}" for r in results]))
    width = max(len(r[0]) for r in rows)
    cw = [max(len(c), *(len(r[1][i]) for r in rows)) for i, c in enumerate(cols)]
    lines = [f"{'archive (issues × pages)':<{width}}  " + "  ".join(f"{c:>{w}}" for c, w in zip(cols, cw))]
    lines.append("-" * len(lines[0]))
    for name, vals in rows:
        lines.append(f"{name:<{width}}  " + "  ".join(f"{v:>{w}}" for v, w in zip(vals, cw)))
    try:
        load = os.getloadavg()
        lines.append(f"jobs={jobs}, {os.cpu_count()} CPUs, load average at end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    except OSError:
        pass
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description="Banmian build benchmark")
    p.add_argument("--issues", type=int, nargs="+", default=[30, 365])
    p.add_argument("--pages", type=int, default=8)
    p.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    p.add_argument("--cold-runs", type=int, default=None, help="cold builds per size (default --runs)")
    p.add_argument("--jobs", type=int, default=0, help="build --jobs (0: default, the CPU count)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--work", default="/tmp/banmian-bench")
    p.add_argument("--repo", default=str(REPO), help="checkout to benchmark")
    p.add_argument("--json", default=None, help="also write the raw figures here")
    p.add_argument("--child", nargs=2, metavar=("MODE", "SITE"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        return child(args.child[0], Path(args.child[1]), args.jobs, args.runs, args.seed)
    args.repo = Path(args.repo).resolve()
    args.cold_runs = args.cold_runs or args.runs
    Path(args.work).mkdir(parents=True, exist_ok=True)
    results = []
    for n in args.issues:
        results.append(bench_size(args, n))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    print(f"$ python3 -m benchmarks.bench_build {' '.join(argv if argv is not None else sys.argv[1:])}")
    print(table(results, args.jobs or os.cpu_count()))


if __name__ == "__main__":
    main()
