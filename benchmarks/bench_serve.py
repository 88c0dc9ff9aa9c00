"""Save → reload latency of `banmian serve --watch`.

    python3 -m benchmarks.bench_serve                    # the sample edition
    python3 -m benchmarks.bench_serve --issues 365       # also a 1-year synthetic archive
    python3 -m benchmarks.bench_serve --issues 0 --edits 10 --json out.json

For each site: start `python3 -m generator serve --watch --port 0` in the site
folder (a real subprocess, as an editor runs it), connect to the live-reload
event stream like a browser tab, then `--edits` times: edit one page file (a
small editorial change, the next page each time), and time from the moment the
file is saved (written and closed) until the tab would be told to reload (the
`state` event with a new version arrives), and until the edited page's 版 view
has been fetched again as the reloading tab would (the cache writes and the
collection that follow a rebuild run beside it). Reports the medians and the
range, and the server's own build time for comparison. Goals (issue 5): ≤ 300 ms on
the sample edition, ≤ 1 s on a 1-year archive.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def sample_site(dest: Path) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy(REPO / "banmian.toml", dest / "banmian.toml")
    shutil.copytree(REPO / "content", dest / "content")
    return dest


def archive_site(dest: Path, issues: int, pages: int) -> Path:
    from benchmarks.archive import generate  # the synthetic archive of the scale issue

    if not (dest / "content").is_dir() or len(list((dest / "content").iterdir())) != issues:
        generate(dest, issues=issues, pages=pages)
    return dest


def edit(path: Path, n: int, rng: random.Random) -> None:
    """One small editorial change, then the file is saved (closed)."""
    try:
        from benchmarks.archive import edit_page
    except ImportError:
        edit_page = None
    if edit_page is not None:
        edit_page(path, rng)
    else:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.rstrip("\n") + f"\n\n本报讯 第{n}次修改，编辑部核对后补充。\n", encoding="utf-8")


class Server:
    def __init__(self, site: Path, start_timeout: float):
        env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
                   PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--watch", "--port", "0"],
                                     cwd=site, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True)
        self.lines: queue.Queue = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()
        deadline = time.monotonic() + start_timeout
        while True:
            line = self.lines.get(timeout=max(deadline - time.monotonic(), 0.1))
            m = re.search(r"on http://127\.0\.0\.1:(\d+)/", line)
            if m:
                self.port = int(m.group(1))
                break
            if self.proc.poll() is not None:
                raise SystemExit("server exited:\n" + "".join(self.log))

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self.log.append(line)
            self.lines.put(line)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Events:
    """The live-reload stream, read as a browser tab reads it; arrival times recorded."""

    def __init__(self, port: int):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
        self.conn.request("GET", "/__banmian/events")
        self.resp = self.conn.getresponse()
        self.states: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        event = None
        try:
            for raw in self.resp:
                line = raw.decode("utf-8").rstrip("\r\n")
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:") and event == "state":
                    self.states.put((time.perf_counter(), json.loads(line[5:])))
                elif not line:
                    event = None
        except (OSError, ValueError):
            pass

    def next(self, timeout: float) -> tuple[float, dict]:
        return self.states.get(timeout=timeout)


def measure(site: Path, edits: int, label: str, start_timeout: float, edit_timeout: float,
            pause: float = 0.0) -> dict:
    pages = sorted(p for p in (site / "content").rglob("*") if p.suffix in (".txt", ".md"))
    rng = random.Random(5)
    t = time.perf_counter()
    server = Server(site, start_timeout)
    startup = time.perf_counter() - t
    latencies, builds, reloads = [], [], []
    try:
        events = Events(server.port)
        _, state = events.next(edit_timeout)
        version = state["version"]
        for n in range(edits):
            time.sleep(pause)  # an editor reads the reloaded tab before saving again
            page = pages[(n * 7) % len(pages)]
            edit(page, n, rng)
            saved = time.perf_counter()
            while True:
                arrived, state = events.next(edit_timeout)
                if state["version"] > version or state["error"]:
                    break
            if state["error"]:
                raise SystemExit(f"build failed after editing {page}: {state['error']}")
            version = state["version"]
            latencies.append(arrived - saved)
            builds.append(state["last_build_seconds"])
            # the tab's reload: the edited page's 版 view, fetched once the event is in
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=edit_timeout)
            conn.request("GET", f"/{page.parent.name}/{int(page.stem[:2]):02d}/")
            resp = conn.getresponse()
            resp.read()
            conn.close()
            if resp.status != 200:
                raise SystemExit(f"reloading the page of {page}: HTTP {resp.status}")
            reloads.append(time.perf_counter() - saved)
    finally:
        server.stop()
    result = {"site": label, "pages": len(pages), "edits": edits, "startup_s": round(startup, 2),
              "median_ms": round(statistics.median(latencies) * 1000, 1),
              "min_ms": round(min(latencies) * 1000, 1), "max_ms": round(max(latencies) * 1000, 1),
              "build_median_ms": round(statistics.median(builds) * 1000, 1), "pause_s": pause,
              "reload_median_ms": round(statistics.median(reloads) * 1000, 1)}
    print(f"{label}: {len(pages)} pages; save → reload event median {result['median_ms']:.0f} ms "
          f"(min {result['min_ms']:.0f}, max {result['max_ms']:.0f}; server build median "
          f"{result['build_median_ms']:.0f} ms; save → reloaded page fetched median "
          f"{result['reload_median_ms']:.0f} ms) over {edits} edits, {pause:g} s apart; "
          f"server start {startup:.1f} s",
          flush=True)
    return result


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description="save → reload latency of banmian serve --watch")
    p.add_argument("--edits", type=int, default=10)
    p.add_argument("--issues", type=int, default=0, help="also a synthetic archive of this many issues (365: 1 year)")
    p.add_argument("--pages", type=int, default=8, help="pages per synthetic issue")
    p.add_argument("--work", default="/tmp/banmian-bench-serve")
    p.add_argument("--start-timeout", type=float, default=3600, help="seconds for the first (cold) build")
    p.add_argument("--edit-timeout", type=float, default=600)
    p.add_argument("--json", default=None, help="also write the figures here")
    p.add_argument("--pause", type=float, default=0.0,
                   help="seconds between a reload and the next save (0: back to back, the worst case: "
                        "the next build also waits for the last one's cache writes)")
    args = p.parse_args(argv)
    work = Path(args.work)
    results = [measure(sample_site(work / "sample"), args.edits, "sample edition",
                       args.start_timeout, args.edit_timeout, args.pause)]
    if args.issues:
        try:
            site = archive_site(work / f"archive-{args.issues}x{args.pages}", args.issues, args.pages)
        except ImportError:
            print("benchmarks/archive.py not found: sample edition only", file=sys.stderr)
        else:
            results.append(measure(site, args.edits, f"archive {args.issues}×{args.pages}",
                                   args.start_timeout, args.edit_timeout, args.pause))
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
