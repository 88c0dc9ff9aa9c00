"""Orchestration: content → reconstruct → model → render/search/feeds → output.

The build is incremental and parallel, and always swaps a complete site in:

1. load: read every page file and hash its text. Fingerprints are content
   hashes; a file's stat only lets the build skip re-reading it while its size,
   times and inode are those of the last build (`SeenPage`, git's racy-clean
   rule); likewise a whole issue folder whose entries all kept their stat signatures
   is taken as the last build loaded it (`LoadedIssue`, kept in the state, so a new
   process re-reads only the folder an edit touched). An issue's fingerprint covers
   its metadata and its pages' text; the site's
   signature covers every issue, the theme, the config and the code. An
   unchanged signature is a no-change build: nothing else runs.
2. reconstruct: only pages whose (engine version, text) is not in the cache
   (`generator.cache`), across `jobs` processes.
3. render: `plan_site` lists every output; each output's key hashes what it was
   built from — the issues, pages and articles in its context, plus what its
   template was *seen* to read while rendering (another issue's pages, the list
   of issues) — and only outputs whose key changed are rendered, across
   processes. An issue whose content, neighbours and recorded dependencies are
   unchanged is not even planned: its outputs' records are kept as they are.
   Search, feeds and theme assets are cached as groups; a long-lived process
   (serve --watch) also keeps the jinja environment, the build state, the search
   parts and what the search merge can reuse (`_RENDERER`, `_STATE`, `_PARTS`,
   `_SEARCH_MEMO`; the merge memo is also kept on disk for the next process).
   Edition-wide views read per-issue facts cached by issue content (summaries,
   sitemap lines), never every page.
4. write: files go into a work folder — the spare copy of the previous site
   kept in the cache, so only changed files are written, unchanged ones are
   hard links — which is then exchanged with the output folder in one atomic
   `renameat2(RENAME_EXCHANGE)`. A failed build leaves the live site untouched.
   Files the work folder drops are moved to `trash/` in the cache and deleted by a
   thread while the cache is written (freeing blocks is slow on a discard mount).
   Cache writes come last (in a thread for serve --watch; the next build waits).

Output is byte-identical to a clean build (tests/test_cache.py checks it after
random edits) and independent of `jobs`.
"""
from __future__ import annotations

import contextlib
import copy
import ctypes
import dataclasses
import datetime as _dt
import fcntl
import functools
import gc
import os
import pickle
import posixpath
import re
import resource
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from . import feeds
from .cache import Cache, GroupRecord, OutputRecord, TreeRecord, bytes_digest, code_version, digest, \
    engine_version, ident_of, theme_version
from .config import Config
from .content import RawIssue, RawPage, find_issue_dirs, load_content, load_issue, read_page
from .errors import BanmianError, WarningCounter, log
from .model import Edition, Issue, IssueSummary, Item, Page, Reconstruction, summarize
from .reconstruct import reconstruct
from .render import Output, Renderer, plan_groups
from . import search, slugs
from .themes import theme_chain

# Written into every built site; a non-empty folder without it is never replaced.
SITE_MARKER = ".banmian-site"
STAGES = ("load", "reconstruct", "render", "search", "feeds", "write")
PARALLEL_RECON_MIN = 4  # pages per job before reconstruction goes to worker processes
PARALLEL_RENDER_MIN = 200  # outputs to render before rendering goes to worker processes
PICKLE = pickle.HIGHEST_PROTOCOL
SEARCH_BATCH = 64  # issues whose search parts are made at a time (a cold build's memory)
SEARCH_MEMO = "search-memo.pickle"  # what the search merge reuses, kept for the next process
SWEEP_THREADS = 16  # threads that delete the trash (see Builder._sweep)


# ---------------------------------------------------------------------------------------
# The model from raw pages (uncached; the public helpers other modules use)

def page_from_reconstruction(raw: RawPage, rec: Reconstruction) -> Page:
    offset = raw.body_line - 1
    warnings = [dataclasses.replace(w, line=w.line + offset) if w.line else w for w in rec.warnings]
    return Page(number=raw.number, name=raw.name, source=raw.path, items=rec.items,
                warnings=warnings, joins=rec.joins, content_hash=raw.content_hash)


def build_page(raw: RawPage) -> Page:
    """Reconstruct one page file into a model Page (warnings carry file lines)."""
    return page_from_reconstruction(raw, reconstruct(raw.text))


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
    stages: dict[str, float] = field(default_factory=dict)  # wall seconds per stage
    peak_mb: dict[str, float] = field(default_factory=dict)  # this process's peak RSS at each stage's end
    reconstructed: int = 0  # pages reconstructed (not from the cache)
    rendered: int = 0  # output files rendered (not reused)
    written: int = 0  # files written into the new site (the rest are links)
    unchanged: bool = False  # nothing changed since the last build: nothing was done

    def summary(self) -> str:
        what = ("no changes" if self.unchanged else
                f"{self.rendered} rendered, {self.reconstructed} pages reconstructed")
        return (f"built {self.issues} issues, {self.pages} pages, {self.articles} articles → "
                f"{self.files} files in {self.out_dir} ({self.seconds:.2f} s, "
                f"{len(self.warnings)} warnings; {what})")


def feed_files(edition: Edition, config: Config,
               sitemap_entries=feeds.sitemap_issue_entries) -> dict[str, bytes]:
    return {"feed.xml": feeds.atom_feed(edition, config).encode("utf-8"),
            "sitemap.xml": feeds.sitemap(edition, config, sitemap_entries).encode("utf-8"),
            "robots.txt": feeds.robots_txt(config).encode("utf-8"),
            ".nojekyll": b"",
            SITE_MARKER: b"built by banmian; this folder is replaced whole on every build\n"}


def check_output_dir(out_dir: Path, config: Config) -> None:
    """Refuse an output folder whose replacement would destroy sources.

    The build swaps the output folder whole, so it must never be the site
    folder itself, hold the content or config, or be a folder of other files.
    """
    protected = [config.root, config.content_path] + ([config.path] if config.path else [])
    real = out_dir.resolve()  # a symlink to the sources is the sources
    for p in protected:
        if p.resolve() == real or p.resolve().is_relative_to(real):
            raise BanmianError(f"output folder would contain or replace {p}; choose another --out", out_dir)
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / SITE_MARKER).exists():
        raise BanmianError(
            f"output folder is not empty and was not built by banmian (no {SITE_MARKER}); "
            "refusing to replace it", out_dir)


@contextlib.contextmanager
def output_lock(out_dir: Path):
    """Stop two builds writing the same output folder at once."""
    lock_path = out_dir.parent / f".{out_dir.name}.lock"
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        fh = open(lock_path, "w")
    except OSError as e:
        raise BanmianError(f"cannot write the output folder: {e.strerror}", out_dir) from None
    with fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BanmianError("another build is writing this output folder", out_dir) from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# ---------------------------------------------------------------------------------------
# Files and the atomic swap

_CONTENT_NAMED = re.compile(r"search/(?:h|b|t|s|py)/[^/]+\.([0-9a-f]{8,})\.json")


def _named_digest(path: str) -> Optional[str]:
    """Search files carry a hash of their content in their name (browsers may cache them
    for ever): the name is their digest, no need to hash 165 MB on every build."""
    m = _CONTENT_NAMED.fullmatch(path)
    return f"named:{m.group(1)}" if m else None


def safe_rel(rel: str) -> str:
    norm = posixpath.normpath(rel)
    if rel.startswith("/") or norm != rel or norm.startswith("..") or "\\" in rel or "\0" in rel:
        raise BanmianError(f"refusing to write outside the output folder: {rel}")
    return norm


def _fresh_path(root: Path, rel: str, made: set[str]) -> str:
    """`root/rel` with its folder made and any old file unlinked (never written through:
    it may be a hard link to the live site). Plain strings: this runs for every file."""
    safe_rel(rel)
    parent = posixpath.dirname(rel)
    base = os.fspath(root)
    if parent and parent not in made:
        os.makedirs(f"{base}/{parent}", exist_ok=True)
        made.add(parent)
    path = f"{base}/{rel}"
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    return path


def write_file(root: Path, rel: str, data: bytes, made: set[str]) -> None:
    """Write a new file into the work folder."""
    with open(_fresh_path(root, rel, made), "wb") as fh:
        fh.write(data)


def link_file(src_root: Path, root: Path, rel: str, made: set[str]) -> None:
    """Put the live site's copy of `rel` into the work folder (hard link, else copy)."""
    dst = _fresh_path(root, rel, made)
    src = f"{os.fspath(src_root)}/{rel}"
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def remove_file(root: Path, rel: str, aside: Optional[str] = None) -> None:
    """Take `rel` out of the folder: unlinked, or renamed to `aside` (on the same
    filesystem) for a thread to delete: freeing a file's blocks is what costs on a disk
    mounted with discard (~1 ms a file), and an edit drops hundreds of search files."""
    safe_rel(rel)
    try:
        if aside is None:
            os.unlink(root / rel)
        else:
            os.rename(root / rel, aside)
    except (FileNotFoundError, NotADirectoryError):
        pass  # gone already
    except OSError:
        if aside is None:
            raise
        with contextlib.suppress(FileNotFoundError):  # it cannot go to the trash: here, then
            os.unlink(root / rel)
    parent = posixpath.dirname(rel)
    while parent:  # drop folders left empty
        try:
            os.rmdir(root / parent)
        except OSError:
            break
        parent = posixpath.dirname(parent)


def _unlink_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
try:
    _renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    _renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
except (AttributeError, OSError):  # not glibc ≥ 2.28 / not Linux
    _renameat2 = None


def exchange_in(new: Path, out_dir: Path) -> None:
    """Make `new` the output folder; the previous one ends up at `new`'s path.

    Atomic (one renameat2 RENAME_EXCHANGE) where the kernel supports it; else two
    renames with a moment in between where `out_dir` does not exist.
    """
    if not os.path.lexists(out_dir):
        os.rename(new, out_dir)
        return
    if _renameat2 is not None:
        if _renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(out_dir), _RENAME_EXCHANGE) == 0:
            return
    aside = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
    os.rename(out_dir, aside)
    os.rename(new, out_dir)
    os.rename(aside, new)


# ---------------------------------------------------------------------------------------
# Dependency tracking while rendering

_TRACK: Optional[set] = None  # the dependencies the output being rendered has read so far


class LazyPages(list):
    """An issue's pages, read from the reconstruction cache when first used.

    While an output renders, its uses are recorded as dependencies: the number of
    pages ("count", date); iterating, the list of pages ("pages", date) — each page
    comes as a PageOutline that adds that page ("page", date, n) when more than its
    number, name or label is read; any other use, the whole issue ("full", date).
    """

    __slots__ = ("key", "_loader", "_loaded", "_count")

    def __init__(self, key: str, loader: Callable[[], list[Page]], count: int):
        super().__init__()
        self.key = key
        self._loader = loader
        self._loaded = False
        self._count = count

    def __len__(self) -> int:
        """The number of pages is known without reading them (the archive lists it for
        every issue)."""
        if _TRACK is not None:
            _TRACK.add(("count", self.key))
        return super().__len__() if self._loaded else self._count

    def __iter__(self):
        if _TRACK is None:
            self._use()
            return super().__iter__()
        _TRACK.add(("pages", self.key))
        if not self._loaded:
            self._loaded = True
            super().extend(self._loader())
        return (PageOutline(p, ("page", self.key, n)) for n, p in enumerate(super().__iter__()))

    def _use(self) -> None:
        if _TRACK is not None:
            _TRACK.add(("full", self.key))
        if not self._loaded:
            self._loaded = True
            super().extend(self._loader())

    def unload(self) -> None:
        self._loaded = False
        super().clear()

    def _wrap(name):  # noqa: N805
        base = getattr(list, name)

        def method(self, *args, **kwargs):
            self._use()
            return base(self, *args, **kwargs)
        method.__name__ = name
        return method

    for _name in ("__getitem__", "__contains__", "__reversed__", "__eq__",
                  "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__add__", "__mul__", "__rmul__",
                  "__repr__", "index", "count", "copy", "__hash__"):
        if hasattr(list, _name) and getattr(list, _name) is not None:
            locals()[_name] = _wrap(_name)
    del _name, _wrap

    def __reduce_ex__(self, protocol):
        self._use()
        return (list, (list(super().__iter__()),))


class PageOutline:
    """A page met while iterating its issue's pages (版面导航 and the like): its number,
    name and label depend only on the issue's list of pages; reading anything else
    depends on the page itself."""

    __slots__ = ("_page", "_token")
    OUTLINE = frozenset({"number", "name", "label"})

    def __init__(self, page: Page, token: tuple):
        self._page, self._token = page, token

    def __getattr__(self, name: str):
        if name not in PageOutline.OUTLINE and _TRACK is not None:
            _TRACK.add(self._token)
        return getattr(self._page, name)


class TrackedEdition:
    """The edition as templates see it: reading the list of issues is a dependency on
    every issue's metadata ("issues"); anything else on the whole site ("all")."""

    __slots__ = ("_edition",)

    def __init__(self, edition: Edition):
        self._edition = edition

    def __getattr__(self, name: str):
        if _TRACK is not None:
            _TRACK.add(("issues",) if name in ("issues", "latest") else ("all",))
        return getattr(self._edition, name)


class Unkeyable(Exception):
    """A context value we cannot fingerprint: its output is always rendered."""


_SCALARS = (str, int, float, bool, bytes, type(None), _dt.date, Path)


def context_shape(value: Any, deps: set, owners: dict[int, tuple], depth: int = 0) -> Any:
    """A hashable description of an output's context; the issues/pages/articles in
    it are replaced by references and recorded in `deps`."""
    if isinstance(value, _SCALARS):
        return value if not isinstance(value, Path) else str(value)
    if depth > 12:
        raise Unkeyable("context too deep")
    if isinstance(value, Edition):
        if depth > 1:  # not a top-level context value, so not tracked: depend on everything
            deps.add(("all",))
        return ("E",)
    if isinstance(value, Issue):
        deps.add(("shape", value.key))
        return ("I", value.key)
    if isinstance(value, (Page, Item)):
        owner = owners.get(id(value))
        if owner is None:
            raise Unkeyable("page/article of no known issue")
        deps.add(("page", owner[0], owner[1]))  # an article depends on its page
        return ("P" if isinstance(value, Page) else "A",) + owner
    if isinstance(value, (list, tuple)):
        return tuple(context_shape(v, deps, owners, depth + 1) for v in value)
    if isinstance(value, dict):
        return tuple(sorted(((str(k), context_shape(v, deps, owners, depth + 1)) for k, v in value.items()),
                            key=lambda kv: kv[0]))
    if isinstance(value, (set, frozenset)):
        return tuple(sorted(repr(context_shape(v, deps, owners, depth + 1)) for v in value))
    if isinstance(value, Config):
        return ("C",)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__,) + tuple(
            context_shape(getattr(value, f.name), deps, owners, depth + 1) for f in dataclasses.fields(value))
    raise Unkeyable(type(value).__name__)


@contextlib.contextmanager
def captured_warnings():
    """Collect the warnings logged inside (instead of emitting them) to replay in order."""
    counter = WarningCounter()
    handlers, propagate = log.handlers[:], log.propagate
    log.handlers = [counter]
    log.propagate = False
    try:
        yield counter.messages
    finally:
        log.handlers, log.propagate = handlers, propagate


def render_tracked(renderer: Renderer, out: Output) -> tuple[bytes, frozenset, tuple]:
    """Render one output, recording what it read (see LazyPages, TrackedEdition)."""
    global _TRACK
    wrapped = copy.copy(out)
    wrapped.context = {k: TrackedEdition(v) if isinstance(v, Edition) else v for k, v in out.context.items()}
    _TRACK = set()
    try:
        with captured_warnings() as messages:
            data = renderer.render(wrapped)
        tracked = frozenset(_TRACK)
    finally:
        _TRACK = None
    return data, tracked, tuple(messages)


# ---------------------------------------------------------------------------------------
# Worker processes (forked: they share the loaded edition and plan copy-on-write)

_PARTS: dict[str, tuple[str, Any]] = {}  # issue key → (key, its search part) of the last build
_SEARCH_MEMO: dict[str, Any] = {}  # what search.merge_search_files may reuse in the next build
_WORK: dict[str, Any] = {}
_MEMO: dict[str, bytes] = {}  # reconstruction key → pickled (Reconstruction, warnings); see Builder.memo_recon


_RENDERER: dict[str, Renderer] = {}  # globals → the jinja environment, reused by the next build in this process
_STATE: dict[str, tuple[tuple, dict]] = {}  # state file → (its stat as we wrote it, the state we wrote)


_SAVING: list[threading.Thread] = []  # cache writes of the last build still running (serve --watch)


def _run_all(tasks: list[Callable[[], None]]) -> None:
    for task in tasks:
        task()


def _run_locked(store: Cache, tasks: list[Callable[[], None]]) -> None:
    with store.lock():
        _run_all(tasks)


def wait_for_saves() -> None:
    """Let the last build finish writing its cache (a build reads it; so does exit)."""
    while _SAVING:
        _SAVING.pop(0).join()


def _load_state(store: Cache, name: str) -> dict:
    """The last build's state: from memory when this process wrote the file (serve --watch;
    unpickling a year's state costs ~0.3 s), else from disk. Taken out of memory while a
    build runs, so a build that fails half-way can leave no half-updated state behind."""
    held = _STATE.pop(name, None)
    if held is not None and store.enabled:
        with contextlib.suppress(OSError):
            if _stat_signature(os.stat(store.dir / name)) == held[0]:
                return held[1]
    try:
        return _unpack_state(store._load(name) or {})
    except Exception:  # not as _pack_state wrote it: start clean, like an unreadable file
        return {}


def _keep_state(store: Cache, name: str, state: dict, save: bool = True) -> None:
    if not store.enabled:
        return
    if save:
        store._save(name, _pack_state(state))
    with contextlib.suppress(OSError):
        _STATE.clear()
        _STATE[name] = (_stat_signature(os.stat(store.dir / name)), state)


def _pack_state(state: dict) -> dict:
    """The state as written: lighter to pickle and unpickle than as used. The output
    records go as columns (a record each costs a Python call to pickle); the live
    site's manifest, which is the outputs' and groups' digests, is not written but
    made again; the spare copy's manifest goes as its differences from it."""
    packed = dict(state)
    outputs: Optional[dict[str, OutputRecord]] = packed.pop("outputs", None)
    if outputs is not None:
        recs = list(outputs.values())
        packed["output_columns"] = (list(outputs), [r.key for r in recs], [r.digest for r in recs],
                                    [r.tracked for r in recs], [r.warnings for r in recs])
    trees: dict[str, TreeRecord] = packed.pop("trees", None) or {}
    cur, spare = trees.get("cur"), trees.get("spare")
    if cur is not None:
        files = cur.files if cur.files != _site_manifest(state) else None
        packed["tree_columns"] = (cur.path, cur.ident, files)
        if spare is not None:
            changed = {p: d for p, d in spare.files.items() if cur.files.get(p) != d}
            removed = [p for p in cur.files if p not in spare.files]
            packed["tree_columns"] += (spare.path, spare.ident, changed, removed)
    return packed


def _unpack_state(packed: dict) -> dict:
    """`_pack_state` undone (a state that lacks a part builds what it would have kept)."""
    state = dict(packed)
    columns = state.pop("output_columns", None)
    if columns is not None:
        state["outputs"] = dict(zip(columns[0], map(OutputRecord, *columns[1:])))
    columns = state.pop("tree_columns", None)
    if columns is not None:
        files = columns[2] if columns[2] is not None else _site_manifest(state)
        trees = state["trees"] = {"cur": TreeRecord(columns[0], columns[1], files)}
        if len(columns) > 3:
            spare = dict(files)
            spare.update(columns[5])
            for p in columns[6]:
                del spare[p]
            trees["spare"] = TreeRecord(columns[3], columns[4], spare)
    return state


def _site_manifest(state: dict) -> dict[str, str]:
    """path → digest of every file of the site a state describes (as finish_tree made it)."""
    files = {path: rec.digest for path, rec in state.get("outputs", {}).items()}
    for group in state.get("groups", {}).values():
        files.update(group.files)
    return files


def _renderer(config: Config, key: str, bytecode_dir: Optional[Path]) -> Renderer:
    """The Renderer for these globals (code, theme files, config): compiled templates are
    kept in memory between builds of one process (serve --watch) and on disk between
    processes (jinja's bytecode cache, checked against each template's source)."""
    renderer = _RENDERER.get(key)
    if renderer is None:
        renderer = Renderer(config, bytecode_dir)
        _RENDERER.clear()
        _RENDERER[key] = renderer
    return renderer


def _part_files(store: Cache, name: str, key: str) -> Callable[[str], bytes]:
    """path → bytes of one issue's cached search files, read from the cache on first use."""
    got: dict[str, bytes] = {}

    def read(path: str) -> bytes:
        if path not in got:  # the first file asked for (or one asked for twice): read them all
            got.clear()
            got.update(store.get_part("search-files", name, key) or {})
        if path not in got:
            raise BanmianError(f"the cached search files of {name} are missing (delete {store.dir})")
        return got.pop(path)  # each file is written once: the bytes go as soon as they are
    return read


class _LazyTerms:
    """A cached search part's `terms` ((codes, counts) of its CJK bigrams), read only
    when the merge asks for them: the pinyin table's counts come from the part's `py`,
    and the merge reads `terms` only for byline bigrams the dictionary lacks, and then
    only when those changed. They are half of a part's bytes, and a build after an
    edit would otherwise unpickle every issue's (~37 MB for a year)."""

    def __init__(self, read: Callable[[], tuple]):
        self._read = read
        self._got: Optional[tuple] = None

    def __getitem__(self, i: int):
        if self._got is None:
            self._got = self._read()
        return self._got[i]

    def __len__(self) -> int:
        return 2


def _worker_init(warm: bool) -> None:
    log.handlers = []
    log.propagate = False
    if warm and getattr(reconstruct, "__module__", "").startswith("generator.reconstruct"):
        with contextlib.suppress(Exception):  # load the dictionary once per worker, up front
            from .reconstruct import warm_up
            warm_up()


def _reconstruct_one(text: str) -> tuple[bytes, tuple]:
    """One page's (Reconstruction, warnings) pickled as the cache keeps it, and the
    warnings apart: whoever replays them need not unpickle the page (~0.5 ms)."""
    with captured_warnings() as messages:
        rec = reconstruct(text)
    messages = tuple(messages)
    return pickle.dumps((rec, messages), PICKLE), messages


def _reconstruct_task(batch: list[tuple[str, str]]) -> tuple[list[tuple[str, Optional[bytes], tuple]], dict[str, str]]:
    """Reconstruct pages in a worker, which also writes them into the cache: the main
    process, which shares the cores with the workers, gets only what it keeps in memory
    (the pickled pages if `Builder.memo_recon`) and the warnings."""
    store: Cache = _WORK["store"]
    send = _WORK["memo_recon"]
    done = []
    for key, text in batch:
        data, messages = _reconstruct_one(text)
        store.put_recon(key, data)
        done.append((key, data if send else None, messages))
    return done, slugs.take_new()


_UNSHAPED = object()  # an output whose context shape the main process left to its renderer


def _render_task(indices: list[int]) -> list[tuple[int, str, frozenset, tuple, Optional[str], frozenset]]:
    """Render outputs of the plan (in a worker, or in the main process with one job), write
    their files, and take each one's key: (index, digest, tracked, warnings, key, the
    dependencies of its context). Keying here takes it off the stage's serial part, the
    main process (a clean build keys ~8 outputs a page)."""
    renderer = _WORK.get("renderer")
    if renderer is None:
        renderer = _WORK["renderer"] = Renderer(_WORK["config"])
    plan, target, present, made = _WORK["plan"], _WORK["target"], _WORK["present"], _WORK.setdefault("made", set())
    builder, shapes = _WORK["builder"], _WORK["shapes"]
    results = []
    for i in indices:
        out = plan[i]
        shaped = shapes[i] if shapes[i] is not _UNSHAPED else builder.output_shape(out)
        data, tracked, messages = render_tracked(renderer, out)
        d = bytes_digest(data)
        if present.get(out.path) != d:
            write_file(target, out.path, data, made)
        results.append((i, d, tracked, messages, builder.output_key(out, shaped, tracked),
                        shaped[1] if shaped is not None else frozenset()))
    return results


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _pool(jobs: int, warm: bool = False) -> ProcessPoolExecutor:
    import multiprocessing

    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker_init, initargs=(warm,))


# ---------------------------------------------------------------------------------------
# Progress on a terminal

class Progress:
    """One self-overwriting line on stderr, only when it is a terminal."""

    def __init__(self, enabled: Optional[bool] = None, stream=None):
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.enabled = enabled
        self.label, self.total, self.done, self._last = "", 0, 0, 0.0

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.done = label, total, 0
        self._show(force=True)

    def advance(self, n: int = 1) -> None:
        self.done += n
        self._show()

    def _show(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.1 and self.done < self.total:
            return
        self._last = now
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        self.stream.write(f"\r\x1b[K{self.label:<12} [{'#' * filled}{'.' * (width - filled)}] "
                          f"{self.done}/{self.total}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


# ---------------------------------------------------------------------------------------
# The build

@dataclass
class IssuePlan:
    """The outputs of one issue as last built: enough to skip planning them next time."""

    sig: str  # Builder.issue_sig: the issue's content fingerprint and neighbours
    paths: tuple  # its output paths, in plan order
    deps: tuple  # ((dependency, fingerprint), …) over all its outputs, context and tracked


_RAW_FIELDS = tuple(f.name for f in dataclasses.fields(RawPage))
assert _RAW_FIELDS[0] == "path"


def _raw_fields(raw: RawPage) -> tuple:
    """A RawPage as plain values: the build state pickles thousands of them, and a
    Path pickles as its parts, which cost ten times a string to unpickle."""
    return (str(raw.path),) + tuple([getattr(raw, name) for name in _RAW_FIELDS[1:]])


@functools.lru_cache(maxsize=1 << 16)
def _path(path: str) -> Path:
    """One Path for a file named in the state twice (SeenPage, LoadedIssue)."""
    return Path(path)


def _raw_page(path: str, *rest) -> RawPage:
    return RawPage(_path(path), *rest)


def _page_spec(raw: tuple, key: str) -> "PageSpec":
    return PageSpec(_raw_page(*raw), key)


def _seen_page(stat: tuple, seen_ns: int, raw: tuple, text_digest: str, messages: tuple) -> "SeenPage":
    return SeenPage(stat, seen_ns, _raw_page(*raw), text_digest, messages)


@dataclass
class PageSpec:
    raw: RawPage  # with its text dropped once hashed
    key: str  # reconstruction cache key

    def __reduce__(self):
        return _page_spec, (_raw_fields(self.raw), self.key)


RACY_NS = 2_000_000_000  # a file changed this close to when we looked at it is read again


@dataclass
class SeenPage:
    """A page file as the last build read it: its stat signature, when it was taken, and
    what reading gave (text dropped, its digest kept). Like git's index, a file whose
    size, times and inode are unchanged is not read again — unless it was modified within
    RACY_NS of being looked at, when a second write in the same clock tick could hide."""

    stat: tuple
    seen_ns: int
    raw: RawPage
    text_digest: str
    messages: tuple

    def fresh(self, stat: tuple) -> bool:
        return stat == self.stat and self.seen_ns - max(stat[1], stat[2]) > RACY_NS

    def __reduce__(self):
        return _seen_page, (self.stat, self.seen_ns, _raw_fields(self.raw), self.text_digest, self.messages)


def _stat_signature(st: os.stat_result) -> tuple:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def _page_fp(spec: "PageSpec") -> str:
    """What a page's model is made from, cheap enough to take for every page of a year on
    every build: its reconstruction key, and the file's bytes (front matter included) and
    path, which decide the rest of its facts (number, name, body line, Markdown or not)."""
    return f"{spec.key}|{spec.raw.content_hash}|{spec.raw.path}"


def _folder_stamp(folder: Path) -> Optional[tuple]:
    """An issue folder's stat signature and its entries' (name, stat signature): any
    file added, removed, renamed or written changes it. None if a file cannot be stat'ed."""
    try:
        with os.scandir(folder) as it:
            entries = tuple(sorted((e.name, _stat_signature(e.stat())) for e in it))
        return _stat_signature(os.stat(folder)), entries
    except OSError:
        return None


@dataclass
class LoadedIssue:
    """What loading one issue folder gave (kept in memory between builds of one process,
    serve --watch, and in the state for the next process): reused while `_folder_stamp`
    is unchanged, like SeenPage for a file, so an edit re-reads only its own folder."""

    stamp: tuple
    seen_ns: int
    engine: str
    issue: Issue  # its metadata; pages are attached anew each build
    specs: list
    shape: str
    full: str
    messages: tuple


_ISSUES: dict[str, LoadedIssue] = {}  # issue folder → LoadedIssue


class Builder:
    def __init__(self, config: Config, out_dir: Path, store: Cache, jobs: int, progress: Progress):
        self.config, self.out_dir, self.store, self.jobs, self.progress = config, out_dir, store, jobs, progress
        self.strict_warnings: Optional[Callable[[], list[str]]] = None  # set: fail before swapping in
        self.stages = {s: 0.0 for s in STAGES}
        self.result = BuildResult(out_dir=out_dir)
        self.owners: dict[int, tuple] = {}  # id(page or item) → (issue key, page index[, item index])
        self.replay: list[str] = []  # warnings of cached work, re-logged in build order
        self.tree_name = store.tree_name(out_dir)
        self.background_saves = False  # serve --watch: write the cache after the new site is up

    @contextlib.contextmanager
    def stage(self, name: str):
        t = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] += time.perf_counter() - t
            self.result.peak_mb[name] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def emit(self, messages: Iterable[str]) -> None:
        for m in messages:
            self.replay.append(m)
            log.warning(m)

    # -- 1. load -----------------------------------------------------------------------
    def load(self) -> None:
        chain = theme_chain(self.config.theme, self.config.root)
        cfg = dataclasses.asdict(self.config)
        cfg.pop("path", None)
        self.cfg_repr = repr(sorted(cfg.items()))
        self.globals = digest(code_version(), theme_version(chain), self.cfg_repr)
        self.search_globals = digest("search", code_version(), self.cfg_repr)  # not the theme
        self.renderer = (_renderer(self.config, self.globals, self.store.dir / "jinja" / code_version()[:16])
                         if self.store.enabled else Renderer(self.config))
        self.engine = engine_version()
        self.issues: list[Issue] = []
        self.specs: dict[str, list[PageSpec]] = {}
        self.full: dict[str, str] = {}
        self.shape: dict[str, str] = {}
        self.page_fps: dict[str, list[str]] = {}  # issue → its pages' fingerprints (fp("page", …))
        self.pages_fps: dict[str, str] = {}  # issue → its list of pages' fingerprint (fp("pages", …))
        self.todo: dict[str, str] = {}  # reconstruction key → text
        self.seen_before: dict[str, SeenPage] = self.state.get("seen", {})
        self.seen: dict[str, SeenPage] = {}
        self.unread: set[str] = set()  # page files skipped as unchanged
        same_engine = self.state.get("engine") == self.engine
        content = self.config.content_path
        dirs = find_issue_dirs(content)
        # what the last build of this site loaded (a new process has no _ISSUES yet)
        stored: dict[str, LoadedIssue] = self.state.get("loaded", {}) if self.store.enabled else {}
        self.loaded: dict[str, LoadedIssue] = {}  # this build's, kept in the state for the next
        for d in dirs:
            stamp = _folder_stamp(d) if self.store.enabled else None
            for held in (_ISSUES.get(str(d)), stored.get(str(d))):
                if held is not None and self._still_loaded(held, stamp):
                    self._take_loaded(held)
                    _ISSUES[str(d)] = self.loaded[str(d)] = held
                    break
            else:
                self._load_folder(d, stamp, same_engine)
        present = {str(d) for d in dirs}
        for gone in [d for d in _ISSUES if d not in present]:
            del _ISSUES[gone]
        self.edition = Edition(issues=self.issues)
        self.issues_fp = digest(*[(i.key, self.shape[i.key]) for i in self.issues])
        self.signature = digest(self.globals, *[(i.key, self.full[i.key]) for i in self.issues])

    def _load_folder(self, d: Path, stamp: Optional[tuple], same_engine: bool) -> None:
        """Read one issue folder (its page files through `_read_page`)."""
        seen_ns = time.time_ns()
        with captured_warnings() as messages:
            raw = load_issue(d, self._read_page)
        for m in messages:
            log.warning(m)
        issue = Issue(date=raw.date, number=raw.number, title=raw.title, notes=raw.notes, pages=[],
                      source=raw.path)
        k = issue.key
        specs = []
        for rp in raw.pages:
            key = digest(self.engine, self.seen[str(rp.path)].text_digest)
            # a file skipped as unchanged was reconstructed by the last build with this
            # engine (should its cache entry have gone since, the page loader redoes it)
            unread = str(rp.path) in self.unread
            if key not in self.todo and not (self.store.enabled and (
                    (unread and same_engine) or key in _MEMO or self.store.has_recon(key))):
                if unread:  # skipped as unchanged, but its result is gone
                    with captured_warnings():
                        text = read_page(rp.path).text
                    self.seen[str(rp.path)].stat = ()  # read it properly next time
                    key = digest(self.engine, bytes_digest(text.encode("utf-8")))
                else:
                    text = rp.text
                self.todo[key] = text
            rp.text = ""
            specs.append(PageSpec(rp, key))
        self.shape[k] = digest(*[(f.name, getattr(issue, f.name)) for f in dataclasses.fields(Issue)
                                 if f.name != "pages"])
        self.full[k] = digest(self.shape[k], *[_page_fp(s) for s in specs])
        if stamp is not None:
            _ISSUES[str(d)] = self.loaded[str(d)] = LoadedIssue(
                stamp, seen_ns, self.engine, dataclasses.replace(issue), specs,
                self.shape[k], self.full[k], tuple(messages))
        self._add_issue(issue, specs)

    def _add_issue(self, issue: Issue, specs: list["PageSpec"]) -> None:
        issue.pages = LazyPages(issue.key, self._loader(issue.key, specs), len(specs))
        self.specs[issue.key] = specs
        self.issues.append(issue)

    def _still_loaded(self, held: "LoadedIssue", stamp: Optional[tuple]) -> bool:
        """Whether an issue folder loaded by an earlier build (of this process, or the last
        one, from the state) can stand as it was: same files with the same stat signatures
        (not racily so), the same engine, and every page's reconstruction made by the last
        build or in memory."""
        if stamp is None or held.stamp != stamp or held.engine != self.engine:
            return False
        newest = max(max(sig[1], sig[2]) for sig in (stamp[0], *(e[1] for e in stamp[1])))
        same_engine = self.state.get("engine") == self.engine  # as for a page read unchanged
        return (held.seen_ns - newest > RACY_NS
                and all((same_engine or s.key in _MEMO) and str(s.raw.path) in self.seen_before
                        for s in held.specs))

    def _take_loaded(self, held: "LoadedIssue") -> None:
        for m in held.messages:
            log.warning(m)
        for s in held.specs:
            path = str(s.raw.path)
            self.seen[path] = self.seen_before[path]
            self.unread.add(path)
        issue = dataclasses.replace(held.issue, pages=[])
        self.shape[issue.key], self.full[issue.key] = held.shape, held.full
        self._add_issue(issue, held.specs)

    def _read_page(self, path: Path) -> RawPage:
        """read_page, skipping files seen unchanged by the last build (see SeenPage)."""
        st = _stat_signature(os.stat(path))
        held = self.seen_before.get(str(path)) if self.store.enabled else None
        if held is not None and held.fresh(st):
            for m in held.messages:
                log.warning(m)
            self.seen[str(path)] = held
            self.unread.add(str(path))
            return dataclasses.replace(held.raw)
        seen_ns = time.time_ns()
        with captured_warnings() as messages:
            raw = read_page(path)
        for m in messages:
            log.warning(m)
        self.seen[str(path)] = SeenPage(st, seen_ns, dataclasses.replace(raw, text=""),
                                        bytes_digest(raw.text.encode("utf-8")), tuple(messages))
        return raw

    def _loader(self, k: str, specs: list[PageSpec]) -> Callable[[], list[Page]]:
        def load() -> list[Page]:
            pages = []
            for s in specs:
                data = _MEMO.get(s.key) or self.store.get_recon(s.key)
                try:
                    rec, _ = pickle.loads(data)
                except Exception:  # deleted or damaged while we were building: do it again
                    raw = read_page(s.raw.path)
                    data = _reconstruct_one(raw.text)[0]
                    self.store.put_recon(s.key, data)
                    rec, _ = pickle.loads(data)
                if self.memo_recon:
                    _MEMO[s.key] = data
                page = page_from_reconstruction(s.raw, rec)
                self.owners[id(page)] = (k, len(pages))
                for n, item in enumerate(page.items):
                    self.owners[id(item)] = (k, len(pages), n)
                pages.append(page)
            return pages
        return load

    def fp(self, token: tuple) -> str:
        kind = token[0]
        if kind == "full":
            return self.full.get(token[1], "-")
        if kind == "page":
            fps = self.page_fps.get(token[1])
            if fps is None:
                fps = self.page_fps[token[1]] = [_page_fp(s) for s in self.specs.get(token[1], ())]
            return fps[token[2]] if token[2] < len(fps) else "-"
        if kind == "pages":
            got = self.pages_fps.get(token[1])
            if got is None:
                specs = self.specs.get(token[1])
                got = self.pages_fps[token[1]] = (
                    "-" if specs is None else digest(*[(s.raw.number, s.raw.name) for s in specs]))
            return got
        if kind == "count":
            return str(len(self.specs[token[1]])) if token[1] in self.specs else "-"
        if kind == "shape":
            return self.shape.get(token[1], "-")
        if kind == "issues":
            return self.issues_fp
        return self.signature

    # -- 2. reconstruct ------------------------------------------------------------------
    def reconstruct(self) -> None:
        todo = sorted(self.todo.items())
        self.result.reconstructed = len(todo)
        if todo:
            self.progress.start("reconstruct", len(todo))
            if self.jobs > 1 and len(todo) >= PARALLEL_RECON_MIN * self.jobs:
                size = max(1, min(8, len(todo) // (self.jobs * 4)))
                batches = [todo[i:i + size] for i in range(0, len(todo), size)]
                _WORK.update(store=self.store, memo_recon=self.memo_recon)
                try:
                    with _pool(self.jobs, warm=True) as pool:
                        for fut in as_completed([pool.submit(_reconstruct_task, b) for b in batches]):
                            done, new_slugs = fut.result()
                            for key, data, messages in done:  # (the worker wrote the cache file)
                                self._keep_recon(key, data, messages)
                            slugs.remember(new_slugs)
                            self.progress.advance(len(done))
                finally:
                    _WORK.clear()
            else:
                for key, text in todo:
                    data, messages = _reconstruct_one(text)
                    self.store.put_recon(key, data)
                    self._keep_recon(key, data, messages)
                    self.progress.advance()
        self.todo = {}
        # warnings the engine logged, replayed for every page in content order
        state_warn = self.state.get("recon_warnings", {})
        self.recon_warnings: dict[str, tuple] = {}
        for issue in self.issues:
            for s in self.specs[issue.key]:
                msgs = self.new_recon_warnings.get(s.key, state_warn.get(s.key, ()))
                if msgs:
                    self.recon_warnings[s.key] = msgs
                    self.emit(msgs)

    def _keep_recon(self, key: str, data: Optional[bytes], messages: tuple) -> None:
        if self.memo_recon:
            _MEMO[key] = data
        self.new_recon_warnings[key] = messages

    @property
    def memo_recon(self) -> bool:
        """Whether pickled reconstructions are kept in memory (`_MEMO`): when there is no
        cache on disk to read them back from, or for this process's next build (serve
        --watch). A one-shot build reads them from the cache: a year's are ~60 MB, which
        every worker forked afterwards (render, search) would hold again."""
        return self.background_saves or not self.store.enabled

    # -- per-issue facts the edition-wide outputs need, kept while the issue is unchanged ------
    def _per_issue(self, name: str, issue: Issue, make: Callable[[Issue], Any]) -> Any:
        """`make(issue)`, cached in the state under `name` by the issue's content and the
        config: edition-wide outputs (report index, sitemap, build summary) then read no
        page of an unchanged issue."""
        fp = digest(self.full[issue.key], self.cfg_repr)
        held = self.state.setdefault(name, {}).get(issue.key)
        if held is None or held[0] != fp:
            held = self.state[name][issue.key] = (fp, make(issue))
        self.used_per_issue.setdefault(name, set()).add(issue.key)
        return held[1]

    def summary(self, issue: Issue) -> IssueSummary:
        return self._per_issue("summaries", issue, summarize)

    def sitemap_entries(self, issue: Issue, config: Config) -> str:
        return self._per_issue("sitemap", issue, lambda i: feeds.sitemap_issue_entries(i, config))

    # -- 3. render -------------------------------------------------------------------------
    def plan(self) -> None:
        summaries = [self.summary(i) for i in self.issues]
        self.result.pages = sum(s.pages for s in summaries)
        self.result.articles = sum(s.articles for s in summaries)
        self.result.issues = len(self.issues)

    def output_shape(self, out: Output) -> Optional[tuple[Any, frozenset]]:
        """(shape, dependencies) of an output's context, None when it cannot be keyed."""
        deps: set = set()
        try:
            shape = context_shape(out.context, deps, self.owners)
        except Unkeyable:
            return None
        return shape, frozenset(deps)

    def output_key(self, out: Output, shaped: Optional[tuple[Any, frozenset]], tracked: frozenset) -> Optional[str]:
        """What an output is built from: code, theme, config, its context's shape and the
        fingerprints of everything it depends on (context and tracked while rendering)."""
        if shaped is None:
            return None
        shape, deps = shaped
        return digest(self.globals, out.path, out.template, out.url_path, shape,
                      sorted((t, self.fp(t)) for t in deps | tracked))

    def issue_sig(self, n: int) -> str:
        """What an issue's outputs are planned from: its content and its neighbours."""
        issues = self.issues
        return digest(self.globals, issues[n].key, self.full[issues[n].key],
                      issues[n - 1].key if n > 0 else None,
                      issues[n + 1].key if n + 1 < len(issues) else None)

    def reusable_issues(self, old: dict[str, OutputRecord]) -> dict[str, "IssuePlan"]:
        """Issues whose every output is known unchanged without planning it: same content
        and neighbours, every dependency its outputs had (context and tracked) unchanged,
        and every file at hand."""
        plans: dict[str, IssuePlan] = self.state.get("issue_plans", {})
        reused = {}
        for n, issue in enumerate(self.issues):
            ip = plans.get(issue.key)
            if ip is None or ip.sig != self.issue_sig(n) or any(self.fp(t) != f for t, f in ip.deps):
                continue
            if all((rec := old.get(p)) is not None and rec.key and self.available(p, rec.digest)
                   for p in ip.paths):
                reused[issue.key] = ip
        return reused

    def choose_target(self) -> None:
        """The work folder: the spare copy of the site if we know its content, else a new one."""
        trees = self.state.get("trees", {})
        cur: Optional[TreeRecord] = trees.get("cur")
        self.cur = cur.files if cur is not None and cur.path == str(self.out_dir) and cur.valid() else None
        spare: Optional[TreeRecord] = trees.get("spare")
        spare_path = self.store.spare_dir(self.out_dir)
        ok_marker = self.store.dir / "trees" / f"{self.tree_name}.ok"
        self.ok_marker = ok_marker
        if spare_path is not None:
            self.target_in_cache = True
            spare_ok = (spare is not None and self.cur is not None and spare.path == str(spare_path)
                        and spare.valid() and ok_marker.exists())
            with contextlib.suppress(OSError):
                ok_marker.unlink()  # from here on the spare is being changed
            if spare_ok:
                self.target, self.present = spare_path, dict(spare.files)
                return
            if os.path.lexists(spare_path):
                shutil.rmtree(spare_path, ignore_errors=True)
            spare_path.mkdir(parents=True)
            self.target = spare_path
        else:
            self.target_in_cache = False
            self.target = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.new-", dir=self.out_dir.parent))
        self.present = {}

    def available(self, path: str, d: str) -> bool:
        return self.present.get(path) == d or (self.cur is not None and self.cur.get(path) == d)

    def render(self) -> None:
        old: dict[str, OutputRecord] = self.state.get("outputs", {})
        self.records: dict[str, OutputRecord] = {}
        self.interned: dict[frozenset, frozenset] = {rec.tracked: rec.tracked for rec in old.values()}
        reused = self.reusable_issues(old)
        groups = plan_groups(self.edition, skip=lambda issue: issue.key in reused, summary=self.summary)
        self.outputs = [out for _, outs in groups if outs is not None for out in outs]
        order: list[str] = []  # every output path, in plan order
        for issue, outs in groups:
            if outs is None:
                for path in reused[issue.key].paths:
                    self.records[path] = old[path]
                order.extend(reused[issue.key].paths)
            else:
                order.extend(out.path for out in outs)
        dirty: list[int] = []
        # An output the last build did not make is rendered whatever its key: its context's
        # shape is taken where it is rendered (see _render_task), not here.
        shapes: list[Any] = [_UNSHAPED] * len(self.outputs)
        ctx_deps: list[frozenset] = [frozenset()] * len(self.outputs)  # dependencies of each context
        for i, out in enumerate(self.outputs):
            rec = old.get(out.path)
            if rec is None:
                dirty.append(i)
                continue
            shapes[i] = self.output_shape(out)
            ctx_deps[i] = shapes[i][1] if shapes[i] is not None else frozenset()
            key = self.output_key(out, shapes[i], rec.tracked)
            if key is None or rec.key != key or not self.available(out.path, rec.digest):
                dirty.append(i)
            else:
                self.records[out.path] = rec
        self.result.rendered = len(dirty)
        self.progress.start("render", len(dirty))
        results: list[tuple[int, str, frozenset, tuple, Optional[str], frozenset]] = []
        _WORK.update(plan=self.outputs, target=self.target, present=self.present, config=self.config,
                     renderer=self.renderer, made=set(), builder=self, shapes=shapes)
        try:
            if self.jobs > 1 and len(dirty) >= PARALLEL_RENDER_MIN:
                # forked workers inherit the renderer and the templates it has compiled
                size = max(20, min(400, len(dirty) // (self.jobs * 8)))
                chunks = [dirty[i:i + size] for i in range(0, len(dirty), size)]
                with _pool(self.jobs) as pool:
                    for fut in as_completed([pool.submit(_render_task, c) for c in chunks]):
                        res = fut.result()
                        results.extend(res)
                        self.progress.advance(len(res))
            else:
                for i in dirty:
                    results.extend(_render_task([i]))
                    self.progress.advance()
        finally:
            _WORK.clear()
        for i, d, tracked, messages, key, context_deps in sorted(results, key=lambda r: r[0]):
            out = self.outputs[i]
            ctx_deps[i] = context_deps
            tracked = self.interned.setdefault(tracked, tracked)  # pickled once, however many share it
            self.records[out.path] = OutputRecord(key=key or "", digest=d, tracked=tracked, warnings=messages)
            if self.present.get(out.path) != d:
                self.result.written += 1
            self.present[out.path] = d
        self.manifest: dict[str, str] = {}
        for path in order:
            rec = self.records[path]
            self.emit(rec.warnings)
            self.manifest[path] = rec.digest
        # per issue, what the next build needs to skip planning it (see reusable_issues)
        self.issue_plans: dict[str, IssuePlan] = {}
        at = 0
        for n, (issue, outs) in enumerate(groups):
            if issue is None:
                at += len(outs)
                continue
            if outs is None:
                self.issue_plans[issue.key] = reused[issue.key]
                continue
            deps: set = set()
            keyable = True
            for i in range(at, at + len(outs)):
                rec = self.records[self.outputs[i].path]
                keyable = keyable and bool(rec.key)  # (no key: its context has no shape)
                deps |= ctx_deps[i] | rec.tracked
            at += len(outs)
            if keyable:
                self.issue_plans[issue.key] = IssuePlan(
                    sig=self.issue_sig(n - 1), paths=tuple(out.path for out in outs),
                    deps=tuple(sorted((t, self.fp(t)) for t in deps)))

    # -- groups: assets, search, feeds -----------------------------------------------------------
    def group(self, name: str, key: str, make: Callable[[], dict[str, bytes]]) -> None:
        old: Optional[GroupRecord] = self.state.get("groups", {}).get(name)
        if old is not None and old.key == key and all(self.available(p, d) for p, d in old.files.items()):
            rec = old
        else:
            with captured_warnings() as messages:
                files = make()
            rec = GroupRecord(key=key, files={}, warnings=tuple(messages))
            made: set[str] = set()
            for path in sorted(files):
                data = files.pop(path)  # bytes, or a callable that reads them (cached search files)
                d = _named_digest(path)
                if d is not None and self.present.get(path) != d and self.cur is not None and self.cur.get(path) == d:
                    rec.files[path] = d  # the live site has it: finish_tree links it, unread
                    continue
                if d is None or (self.present.get(path) != d and not isinstance(data, bytes)):
                    data = data if isinstance(data, bytes) else data()
                    d = d or bytes_digest(data)
                rec.files[path] = d
                if self.present.get(path) != d:
                    write_file(self.target, path, data, made)
                    self.present[path] = d
                    self.result.written += 1
        self.emit(rec.warnings)
        self.groups[name] = rec
        self.manifest.update(rec.files)

    def search_files(self) -> dict[str, bytes]:
        """The search index; each issue's body part is cached by (issue, code, config) alone
        (parts number their articles locally), so an edit rebuilds that issue's part plus the
        edition-wide headline index, store and pinyin table (memoised while unchanged)."""
        if not self.config.search.enabled:
            return {}
        issues = self.edition.issues
        keys = [digest("search", self.search_globals, self.full[issue.key]) for issue in issues]
        if self.store.enabled and not _SEARCH_MEMO:  # a fresh process: the last merge's memo from the cache
            _SEARCH_MEMO.update((self.store._load(SEARCH_MEMO) or {}).get("memo", {}))
        summed = search.summarized(_SEARCH_MEMO, self.config) if self.store.enabled else {}
        parts: list[Any] = []
        todo: list[tuple[int, str]] = []
        for n, (issue, key) in enumerate(zip(issues, keys)):
            held = _PARTS.get(issue.key) if self.store.enabled else None
            if held is not None and held[0] == key:
                parts.append(held[1])
            elif summed.get(issue.key) == key:  # the merge reads it only if it must
                parts.append(search.StoredPart(issue.key, key, functools.partial(self._stored_part, issue, key)))
            else:
                parts.append(self._stored_part(issue, key, make=False))
            if parts[-1] is None:
                todo.append((n, key))
        if not self.store.enabled:  # a clean build: nothing from earlier builds, nothing kept
            made = search.issue_parts([issues[n] for n, _ in todo], self.config, parallel=self.jobs > 1)
            for (n, _), part in zip(todo, made):
                parts[n] = part
            return search.merge_search_files(self.edition, self.config, parts)
        # Parts are kept light: the merge needs their postings, not their files' bytes
        # (165 MB for a year), which are read back only if the site lacks them. Many parts
        # (a cold build) are made a batch at a time and their files go to the cache at
        # once, so that memory holds one batch's bytes, not the edition's.
        fresh: dict[str, bytes] = {}
        stream = len(todo) > SEARCH_BATCH
        for at in range(0, len(todo), SEARCH_BATCH):
            batch = todo[at:at + SEARCH_BATCH]
            made = search.issue_parts([issues[n] for n, _ in batch], self.config, parallel=self.jobs > 1)
            for (n, key), part in zip(batch, made):
                save_files = functools.partial(self.store.put_part, "search-files", issues[n].key, key, part.files)
                if stream:
                    save_files()
                else:
                    fresh.update(part.files)
                    self.later.append(save_files)
                parts[n] = dataclasses.replace(part, files=dict.fromkeys(part.files), ident=key)
                self.later.append(functools.partial(self.store.put_part, "search", issues[n].key, key,
                                                    dataclasses.replace(parts[n], terms=None)))
                self.later.append(functools.partial(self.store.put_part, "search-terms", issues[n].key, key,
                                                    part.terms))
            del made
        _PARTS.clear()
        for issue, key, part in zip(issues, keys, parts):
            if isinstance(part, search.IssueSearch):
                _PARTS[issue.key] = (key, part)
        files: dict[str, Any] = search.merge_search_files(self.edition, self.config, parts, memo=_SEARCH_MEMO)
        memo = {"memo": _SEARCH_MEMO}
        self.later.append(lambda: self.store._save(SEARCH_MEMO, memo))
        paths = search.part_paths(_SEARCH_MEMO)
        for issue, key, part in zip(issues, keys, parts):
            loader = _part_files(self.store, issue.key, key)
            for path in (part.files if isinstance(part, search.IssueSearch) else paths[issue.key]):
                data = fresh.get(path)
                files[path] = data if data is not None else functools.partial(loader, path)
        return files

    def _stored_part(self, issue: Issue, key: str, make: bool = True) -> Optional[search.IssueSearch]:
        """The cached search part of `issue` (without its file bytes; its bigram counts read
        on demand, see `_LazyTerms`); made again when `make` and the cache lacks it."""
        part = self.store.get_part("search", issue.key, key)
        if part is None:
            if not make:
                return None
            part = search.issue_search_files(issue, self.config)  # (its files are read back from the cache)
            self.store.put_part("search-files", issue.key, key, part.files)
            self.store.put_part("search-terms", issue.key, key, part.terms)
            part = dataclasses.replace(part, files=dict.fromkeys(part.files))
            self.store.put_part("search", issue.key, key, dataclasses.replace(part, terms=None))
        elif part.terms is None:  # stored without them
            part.terms = _LazyTerms(functools.partial(self._part_terms, issue, key))
        part.ident = key
        return part

    def _part_terms(self, issue: Issue, key: str) -> tuple:
        """A cached part's bigram counts, kept apart from it (see `_LazyTerms`); made
        again from the issue if that file is gone."""
        terms = self.store.get_part("search-terms", issue.key, key)
        return terms if terms is not None else search.issue_search_files(issue, self.config).terms

    # -- 4. write --------------------------------------------------------------------------
    def finish_tree(self) -> None:
        made: set[str] = set()
        for path, d in sorted(self.manifest.items()):
            if self.present.get(path) != d:
                if self.cur is None or self.cur.get(path) != d:
                    raise BanmianError(f"internal error: no content for {path} (delete {self.store.dir})")
                link_file(self.out_dir, self.target, path, made)
                self.present[path] = d
        gone = [p for p in self.present if p not in self.manifest]
        trash = self._trash() if gone else None
        for n, path in enumerate(gone):
            remove_file(self.target, path, trash and f"{trash}/{n}")
            del self.present[path]
        if trash is not None:  # deleted while the cache is written; the build waits for it
            self.sweeping = threading.Thread(target=self._sweep, args=(trash,), name="banmian-trash")
            self.sweeping.start()
        had_site = os.path.lexists(self.out_dir)
        exchange_in(self.target, self.out_dir)
        trees = {"cur": TreeRecord(str(self.out_dir), ident_of(self.out_dir), dict(self.manifest))}
        if had_site and self.target_in_cache and self.cur is not None:
            trees["spare"] = TreeRecord(str(self.target), ident_of(self.target), self.cur)
        elif had_site:
            shutil.rmtree(self.target, ignore_errors=True)
        self.state["trees"] = trees

    def _trash(self) -> Optional[str]:
        """A new folder for files the work folder drops, in the cache beside it (same
        filesystem); the whole trash (with any a crashed build left) goes afterwards."""
        if not self.target_in_cache:
            return None
        folder = self.store.dir / "trash"
        try:
            folder.mkdir(exist_ok=True)
            self.trash_left = [str(p) for p in folder.iterdir()]
            return tempfile.mkdtemp(dir=folder)
        except OSError:
            return None

    def _sweep(self, trash: str) -> None:
        """Delete the trash. Each unlink that frees a file's blocks waits for its discard
        (~3 ms a file on this disk, one after another); they overlap when several threads
        unlink: an edit's ~300 dropped files go in ~0.05 s instead of ~1 s."""
        files = []
        for top in [trash, *self.trash_left]:
            for folder, _, names in os.walk(top):
                files.extend(f"{folder}/{name}" for name in names)
        if len(files) > 1:
            with ThreadPoolExecutor(min(SWEEP_THREADS, len(files)), thread_name_prefix="banmian-sweep") as pool:
                list(pool.map(_unlink_quietly, files))
        for top in [trash, *self.trash_left]:
            shutil.rmtree(top, ignore_errors=True)

    def _make_spare(self) -> None:
        """serve --watch: when this build left no spare copy of the site (a first build),
        make one (hard links, in the cache) once the site is up, so that the first edit
        writes what it changes instead of linking a year's 30,000 files first."""
        trees = self.state["trees"]
        spare_path = self.store.spare_dir(self.out_dir)
        if "spare" in trees or spare_path is None or not trees["cur"].valid():
            return
        shutil.rmtree(spare_path, ignore_errors=True)
        made: set[str] = set()
        try:
            spare_path.mkdir(parents=True)
            for path in trees["cur"].files:
                link_file(self.out_dir, spare_path, path, made)
            trees["spare"] = TreeRecord(str(spare_path), ident_of(spare_path), dict(trees["cur"].files))
        except OSError:  # no room, or the site moved meanwhile: the next build makes its own
            shutil.rmtree(spare_path, ignore_errors=True)

    # -- the whole build ---------------------------------------------------------------------
    def run(self) -> BuildResult:
        self.later: list[Callable[[], None]] = []  # cache writes once the site is in place
        self.sweeping: Optional[threading.Thread] = None  # deleting the files the site dropped
        state_name = f"state-{self.tree_name}.pickle"
        self.state = _load_state(self.store, state_name)
        slugs.remember(self.state.get("slugs", {}))
        self.new_recon_warnings: dict[str, tuple] = {}
        self.used_per_issue: dict[str, set] = {}
        with self.stage("load"):
            self.load()
        cur: Optional[TreeRecord] = self.state.get("trees", {}).get("cur")
        if (self.state.get("signature") == self.signature and cur is not None
                and cur.path == str(self.out_dir) and cur.valid()):
            for m in self.state.get("replay", ()):
                log.warning(m)
            r = self.result
            r.issues, r.pages, r.articles = len(self.issues), *self.state.get("counts", (0, 0))
            r.files, r.unchanged = len(cur.files), True
            r.stages = self.stages
            # files read again only because they were written just before the last build
            # looked (racily clean) are now known unchanged: kept, the next build skips them
            reread = len(self.unread) < len(self.seen)
            if reread:
                self.state["seen"], self.state["loaded"] = self.seen, self.loaded
            _keep_state(self.store, state_name, self.state, save=reread)
            return r
        with self.stage("reconstruct"):
            self.reconstruct()
        with self.stage("render"):
            self.plan()
            self.choose_target()
        try:
            with self.stage("render"):
                self.render()
            self.groups: dict[str, GroupRecord] = {}
            with self.stage("write"):
                self.group("assets", digest(self.globals), lambda: {
                    hashed: data for hashed, data in self.renderer.assets.files.values()})
            with self.stage("search"):
                self.group("search", digest(self.search_globals, *[(i.key, self.full[i.key]) for i in self.issues]),
                           self.search_files)
            with self.stage("feeds"):
                self.group("feeds", self.signature,
                           lambda: feed_files(self.edition, self.config, self.sitemap_entries))
            if self.strict_warnings is not None and self.strict_warnings():
                raise BanmianError(f"{len(self.strict_warnings())} warnings and --strict is set; "
                                   "the previous site is left in place")
            with self.stage("write"):
                self.finish_tree()
        except BaseException:
            if not self.target_in_cache:
                shutil.rmtree(self.target, ignore_errors=True)
            raise
        with self.stage("write"):
            for name, used in self.used_per_issue.items():  # forget deleted issues
                self.state[name] = {k: v for k, v in self.state[name].items() if k in used}
            self.state["seen"] = self.seen
            self.state["loaded"] = self.loaded
            self.state["engine"] = self.engine
            self.state["slugs"] = slugs.known_slugs()
            self.state.update(signature=self.signature, outputs=self.records, groups=self.groups,
                              issue_plans=self.issue_plans,
                              counts=(self.result.pages, self.result.articles), replay=self.replay,
                              recon_warnings=self.recon_warnings)
            used = {s.key for specs in self.specs.values() for s in specs}
            for key in [k for k in _MEMO if k not in used]:
                del _MEMO[key]
            state = self.state

            def save_state() -> None:
                _keep_state(self.store, state_name, state)
                if self.store.enabled and "spare" in state["trees"]:
                    with contextlib.suppress(OSError):
                        self.ok_marker.write_text("ok\n")
                self.store.prune_recon(used)
            if self.background_saves:
                self.later.insert(0, self._make_spare)
            self.later.append(save_state)
            if self.sweeping is not None:
                self.later.append(self.sweeping.join)
            if self.background_saves and not gc.isenabled():
                self.later.append(gc.collect)  # serve --watch collects after a rebuild, not during it
            if self.background_saves:
                _SAVING.append(threading.Thread(target=_run_locked, args=(self.store, self.later),
                                                name="banmian-save"))
                _SAVING[-1].start()
            else:
                _run_all(self.later)
        self.result.files = len(self.manifest)
        self.result.stages = self.stages
        return self.result


def build(config: Config, out_dir: Path | None = None, *, jobs: Optional[int] = None,
          cache: bool = True, progress: Optional[bool] = None, strict: bool = False,
          background_saves: bool = False) -> BuildResult:
    """Build the site (incrementally, from the cache beside the config).

    Raises BanmianError on bad input; the old site stays. `jobs` processes
    (default: the CPUs available) reconstruct and render; `cache=False` is a
    clean build that neither reads nor writes `.banmian-cache/`; `progress`
    forces the terminal progress line on or off (default: on when stderr is a TTY);
    `strict` fails on any warning before the new site is swapped in;
    `background_saves` (serve --watch) returns once the new site is in place and
    writes the cache in a thread (the next build, and exit, wait for it).
    """
    start = time.perf_counter()
    wait_for_saves()
    out_dir = Path(os.path.abspath(out_dir or config.output_path))
    check_output_dir(out_dir, config)
    counter = WarningCounter()
    log.addHandler(counter)
    bar = Progress(progress)
    try:
        with output_lock(out_dir):
            store = Cache(config.root, enabled=cache)
            with store.lock():
                builder = Builder(config, out_dir, store, jobs or default_jobs(), bar)
                builder.strict_warnings = (lambda: counter.messages) if strict else None
                builder.background_saves = background_saves
                result = builder.run()
    except OSError as e:  # disk full, permissions …: name the file, keep the old site
        raise BanmianError(f"cannot write the site: {e.strerror or e}", e.filename or out_dir) from None
    finally:
        bar.close()
        log.removeHandler(counter)
    result.warnings = counter.messages
    result.seconds = time.perf_counter() - start
    return result
