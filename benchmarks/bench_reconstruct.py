"""Pages per second for reconstruction (single process, after warm-up).

    python3 benchmarks/bench_reconstruct.py [--seconds 5] [--big]

Runs over the seed pages and generated damaged pages; `--big` also times one
~10 MB page to show the engine stays roughly linear.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.reconstruct import reconstruct, warm_up  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--big", action="store_true")
    a = ap.parse_args(argv)
    pages = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    try:
        sys.path.insert(0, str(REPO / "benchmarks"))
        import damage
        with tempfile.TemporaryDirectory() as tmp:
            pages += [p.read_text(encoding="utf-8") for p in damage.generate(Path(tmp), pages=20, seed=3)]
    except Exception as e:  # gold articles not available: seeds only
        print(f"(generated pages skipped: {e})")
    t0 = time.perf_counter()
    warm_up()
    for p in pages:
        reconstruct(p)
    print(f"warm-up (dictionary load + first pass): {time.perf_counter() - t0:.2f}s")
    n, chars, t0 = 0, 0, time.perf_counter()
    while time.perf_counter() - t0 < a.seconds:
        for p in pages:
            reconstruct(p)
            n += 1
            chars += len(p)
    dt = time.perf_counter() - t0
    print(f"{n} pages in {dt:.2f}s: {n / dt:.1f} pages/s ({chars / dt / 1e6:.2f} M chars/s, "
          f"mean page {chars / n / 1000:.1f} k chars)")
    if a.big:
        big = "\n\n".join(pages * (10_000_000 // sum(len(p) for p in pages) + 1))
        t0 = time.perf_counter()
        rec = reconstruct(big)
        dt = time.perf_counter() - t0
        print(f"one {len(big) / 1e6:.1f} M char page: {dt:.1f}s, {len(rec.items)} items")


if __name__ == "__main__":
    main()
