"""Orchestration: content → reconstruct → model → render/search/feeds → output.

The whole site is written to a temporary folder beside the output and swapped
in at the end, so a failed build leaves the previous site untouched.
"""
from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import feeds
from .config import Config
from .content import RawIssue, RawPage, load_content
from .errors import BanmianError, WarningCounter, log
from .model import Edition, Issue, Page
from .reconstruct import reconstruct
from .render import Renderer, plan_site
from .search import build_search_files

# Written into every built site; a non-empty folder without it is never replaced.
SITE_MARKER = ".banmian-site"


def build_page(raw: RawPage) -> Page:
    """Reconstruct one page file into a model Page (warnings carry file lines)."""
    rec = reconstruct(raw.text)
    offset = raw.body_line - 1
    warnings = [dataclasses.replace(w, line=w.line + offset) if w.line else w for w in rec.warnings]
    return Page(number=raw.number, name=raw.name, source=raw.path, items=rec.items,
                warnings=warnings, joins=rec.joins, content_hash=raw.content_hash)


def build_issue(raw: RawIssue) -> Issue:
    return Issue(date=raw.date, number=raw.number, title=raw.title, notes=raw.notes,
                 pages=[build_page(p) for p in raw.pages], source=raw.path)


def load_edition(config: Config) -> Edition:
    return Edition(issues=[build_issue(raw) for raw in load_content(config.content_path)])


@dataclass
class BuildResult:
    out_dir: Path
    issues: int = 0
    pages: int = 0
    articles: int = 0
    files: int = 0
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"built {self.issues} issues, {self.pages} pages, {self.articles} articles → "
                f"{self.files} files in {self.out_dir} ({self.seconds:.2f} s, "
                f"{len(self.warnings)} warnings)")


def site_files(edition: Edition, config: Config) -> dict[str, bytes]:
    """Every file of the built site, path → bytes (pure apart from reading the theme)."""
    renderer = Renderer(config)
    files: dict[str, bytes] = {}
    for out in plan_site(edition):
        files[out.path] = renderer.render(out)
    for hashed, data in renderer.assets.files.values():
        files[hashed] = data
    files.update(build_search_files(edition, config))
    files["feed.xml"] = feeds.atom_feed(edition, config).encode("utf-8")
    files["sitemap.xml"] = feeds.sitemap(edition, config).encode("utf-8")
    files["robots.txt"] = feeds.robots_txt(config).encode("utf-8")
    files[".nojekyll"] = b""
    files[SITE_MARKER] = b"built by banmian; this folder is replaced whole on every build\n"
    return files


def check_output_dir(out_dir: Path, config: Config) -> None:
    """Refuse an output folder whose replacement would destroy sources.

    The build swaps the output folder whole, so it must never be the site
    folder itself, hold the content or config, or be a folder of other files.
    """
    protected = [config.root, config.content_path] + ([config.path] if config.path else [])
    for p in protected:
        if p.resolve() == out_dir or p.resolve().is_relative_to(out_dir):
            raise BanmianError(f"output folder would contain or replace {p}; choose another --out", out_dir)
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / SITE_MARKER).exists():
        raise BanmianError(
            f"output folder is not empty and was not built by banmian (no {SITE_MARKER}); "
            "refusing to replace it", out_dir)


@contextlib.contextmanager
def output_lock(out_dir: Path):
    """Stop two builds writing the same output folder at once."""
    lock_path = out_dir.parent / f".{out_dir.name}.lock"
    with open(lock_path, "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BanmianError("another build is writing this output folder", out_dir) from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def write_tree(files: dict[str, bytes], out_dir: Path) -> None:
    """Write `files` into a fresh temp folder beside `out_dir`, then swap it in."""
    parent = out_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=parent))
    except OSError as e:
        raise BanmianError(f"cannot write the output folder: {e.strerror}", out_dir) from None
    try:
        for rel in sorted(files):
            target = tmp / rel
            if not target.resolve().is_relative_to(tmp.resolve()):
                raise BanmianError(f"refusing to write outside the output folder: {rel}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[rel])
        old = None
        if out_dir.exists():
            old = parent / f".{out_dir.name}.old-{os.getpid()}"
            out_dir.rename(old)
        tmp.rename(out_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def build(config: Config, out_dir: Path | None = None) -> BuildResult:
    """A full build. Raises BanmianError on bad input; the old site stays."""
    start = time.perf_counter()
    out_dir = Path(os.path.abspath(out_dir or config.output_path))
    check_output_dir(out_dir, config)
    counter = WarningCounter()
    log.addHandler(counter)
    try:
        edition = load_edition(config)
        files = site_files(edition, config)
        with output_lock(out_dir):
            write_tree(files, out_dir)
    finally:
        log.removeHandler(counter)
    return BuildResult(
        out_dir=out_dir, issues=len(edition.issues),
        pages=sum(len(i.pages) for i in edition.issues),
        articles=sum(len(p.articles) for i in edition.issues for p in i.pages),
        files=len(files), warnings=counter.messages, seconds=time.perf_counter() - start)
