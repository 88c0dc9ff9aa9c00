"""Pages per second for reconstruction (single process, after warm-up).

    python3 benchmarks/bench_reconstruct.py [--seconds 5] [--archive 12] [--big]

Runs over the seed pages and generated damaged pages (repeatedly, for
`--seconds`); then once over the pages of a synthetic archive of `--archive`
issues × 8 pages (benchmarks/archive.py; ~15–20 KB pages, each seen once, as
in a build); `--big` also times one ~10 MB page to show the engine stays
roughly linear.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))  # damage.py, archive.py

from generator.reconstruct import reconstruct, warm_up  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--archive", type=int, default=12, metavar="ISSUES", help="archive issues to time (0: none)")
    ap.add_argument("--big", action="store_true")
    a = ap.parse_args(argv)
    pages = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    try:
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
    if a.archive:
        archive_pass(a.archive)
    if a.big:
        big = "\n\n".join(pages * (10_000_000 // sum(len(p) for p in pages) + 1))
        t0 = time.perf_counter()
        rec = reconstruct(big)
        dt = time.perf_counter() - t0
        print(f"one {len(big) / 1e6:.1f} M char page: {dt:.1f}s, {len(rec.items)} items")


def archive_pass(issues: int) -> None:
    """One pass over distinct archive-style pages (front matter removed as the
    build does), timed per page."""
    import archive
    from generator.content import decode_text, split_front_matter

    with tempfile.TemporaryDirectory() as tmp:
        archive.generate(Path(tmp), issues=issues, pages=8)
        files = sorted(p for p in (Path(tmp) / "content").glob("*/*") if p.suffix in (".txt", ".md"))
        bodies = [split_front_matter(decode_text(p.read_bytes(), p), p)[1] for p in files]
    chars, t0 = sum(len(b) for b in bodies), time.perf_counter()
    for b in bodies:
        reconstruct(b)
    dt = time.perf_counter() - t0
    print(f"archive: {len(bodies)} pages in {dt:.2f}s: {len(bodies) / dt:.1f} pages/s, "
          f"{dt / len(bodies) * 1000:.1f} ms/page (mean page {chars / len(bodies) / 1000:.1f} k chars)")


if __name__ == "__main__":
    main()
