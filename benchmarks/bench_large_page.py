"""How loading and reconstruction time grow with the size of one page file.

    python3 -m benchmarks.bench_large_page [--sizes 1,2,5,10] [--stages load,reconstruct,check]
        [--limit SECONDS]

A page of N MB is the five seeds' blocks repeated (each copy numbered so blocks
are not exact duplicates) until the UTF-8 size reaches N MB. For each size it
prints the seconds of each stage and the ratio seconds/MB, which stays about
constant when time grows linearly. A stage that takes longer than --limit is
not run on the larger sizes (its time is reported as "skipped").
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MB = 1_000_000


def make_page(size_mb: float) -> str:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    blocks = [b.strip() for s in seeds for b in re.split(r"\n\s*\n", s) if b.strip()]
    out, size, n = [], 0, 0
    target = int(size_mb * MB)
    while size < target:
        b = blocks[n % len(blocks)]
        if n >= len(blocks):  # vary repeated copies a little
            b = f"{b}（{n // len(blocks)}）" if not b.endswith(("。", "”")) else b[:-1] + f"第{n}段" + b[-1]
        out.append(b)
        size += len(b.encode("utf-8")) + 2
        n += 1
    return "+++\nname = \"巨型版\"\n+++\n" + "\n\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,2,5,10", help="page sizes in MB, comma-separated")
    ap.add_argument("--stages", default="load,reconstruct,check")
    ap.add_argument("--limit", type=float, default=120.0, help="skip a stage at larger sizes once it takes longer")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from generator.check import conservation_problems
    from generator.content import read_page
    from generator.reconstruct import reconstruct

    stages = args.stages.split(",")
    over: set[str] = set()
    print(f"{'MB':>5} " + " ".join(f"{s:>14} {'s/MB':>7}" for s in stages))
    with tempfile.TemporaryDirectory() as tmp:
        for size in (float(x) for x in args.sizes.split(",")):
            path = Path(tmp) / "01.txt"
            path.write_text(make_page(size), encoding="utf-8")
            real_mb = path.stat().st_size / MB
            row, raw, rec = [], None, None
            for stage in stages:
                if stage in over or (stage != "load" and raw is None) or (stage == "check" and rec is None):
                    row.append(f"{'skipped':>14} {'':>7}")
                    continue
                t0 = time.perf_counter()
                if stage == "load":
                    raw = read_page(path)
                elif stage == "reconstruct":
                    rec = reconstruct(raw.text)
                elif stage == "check":
                    problems = conservation_problems(raw.text, rec, path, raw.body_line)
                    assert not problems, problems[:3]
                dt = time.perf_counter() - t0
                if dt > args.limit:
                    over.add(stage)
                row.append(f"{dt:>14.2f} {dt / real_mb:>7.2f}")
            print(f"{real_mb:>5.1f} " + " ".join(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
