"""The build cache: what the last builds computed, and what each result depended on.

Lektor-style dependency tracking, never modification times: every cached
result is stored under a key that is a hash of everything it was computed from.

- Reconstructions: `recon/<ab>/<key>.pickle`, key = hash(engine version, page
  text). The engine version hashes the source of `generator/reconstruct/`,
  `model.py` and `slugs.py` (and jieba's version), so a changed engine
  invalidates every page and nothing else has to remember to bump a number.
- `state.pickle`: per output file of the site, the key of its inputs (the
  fingerprints of the issues, issue shapes, theme, config and code it read) and
  the digest of the bytes written; plus per-issue statistics and the signature
  of the last build, the stat signatures of the page files and issue folders it read
  and what reading them gave. Written packed (`build._pack_state`: records as
  columns, the live manifest left out and made again from them).
- `trees/<h>.pickle`: for one output folder, the manifests (path → digest) of
  the live site and of the spare copy kept at `trees/<h>/` (the previous site,
  reused as the next build's work folder so an edit costs only what it changes).

The folder is `.banmian-cache/` beside the site config; deleting it is always
safe (the next build is a clean one).
"""
from __future__ import annotations

import contextlib
import fcntl
import gc
import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, Any, Iterable, Optional

CACHE_DIR_NAME = ".banmian-cache"
FORMAT = 1  # bump when the layout of the files below changes
PACKAGE_DIR = Path(__file__).resolve().parent


def digest(*parts: Any) -> str:
    """A short stable hash of strings/bytes/reprs (blake2b, 128 bits)."""
    h = hashlib.blake2b(digest_size=16)
    for p in parts:
        if isinstance(p, bytes):
            b = p
        elif isinstance(p, str):
            b = p.encode("utf-8", "surrogatepass")
        else:
            b = repr(p).encode("utf-8", "surrogatepass")
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()


def bytes_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def tree_digest(paths: Iterable[Path], base: Optional[Path] = None) -> str:
    """Hash of files (relative names and contents); missing files count as absent."""
    h = hashlib.blake2b(digest_size=16)
    for p in sorted(paths):
        try:
            data = p.read_bytes()
        except OSError:
            continue
        name = str(p.relative_to(base)) if base else str(p)
        h.update(name.encode() + b"\0" + len(data).to_bytes(8, "little") + data)
    return h.hexdigest()


def _source_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
            and not p.name.endswith((".pyc", ".pyo"))]


_ENGINE_VERSION: Optional[str] = None
_CODE_VERSION: Optional[str] = None


def installed_version(module: str) -> Optional[str]:
    """The `Version:` of the one `<module>-*.dist-info/METADATA` beside the module, the
    field importlib.metadata.version returns, read directly: importlib.metadata costs
    ~0.1 s in a fresh process. None when the module is not installed that way."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(module)
        if spec is None or not spec.origin:
            return None
        folder = os.path.dirname(spec.origin)
        if spec.submodule_search_locations:  # a package: its folder's parent
            folder = os.path.dirname(folder)
        prefix = module.lower() + "-"
        found = [n for n in os.listdir(folder) if n.lower().startswith(prefix) and n.endswith(".dist-info")]
        if len(found) != 1:
            return None
        with open(os.path.join(folder, found[0], "METADATA"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("Version:"):
                    return line[len("Version:"):].strip() or None
                if not line.strip():  # the end of the headers
                    break
    except (OSError, ValueError, ImportError):
        pass
    return None


def _version_of(module: str) -> str:
    """An installed package's version, from its metadata: importing jieba and pypinyin
    just to read `__version__` takes seconds (pypinyin loads its tables on import)."""
    got = installed_version(module)
    if got is not None:
        return got
    try:
        from importlib.metadata import version

        return version(module)
    except Exception:
        pass
    try:
        return __import__(module).__version__
    except Exception:
        return "?"


def engine_version() -> str:
    """Everything a reconstruction depends on besides the page text."""
    global _ENGINE_VERSION
    if _ENGINE_VERSION is None:
        files = _source_files(PACKAGE_DIR / "reconstruct") + [PACKAGE_DIR / "model.py", PACKAGE_DIR / "slugs.py"]
        extra = [f"{mod}={_version_of(mod)}" for mod in ("jieba", "pypinyin")]
        _ENGINE_VERSION = digest(FORMAT, tree_digest(files, PACKAGE_DIR), *extra)
    return _ENGINE_VERSION


def code_version() -> str:
    """The whole generator package (render, search, feeds …) and jinja2: any change re-renders."""
    global _CODE_VERSION
    if _CODE_VERSION is None:
        import jinja2

        _CODE_VERSION = digest(FORMAT, tree_digest(_source_files(PACKAGE_DIR), PACKAGE_DIR),
                               jinja2.__version__)
    return _CODE_VERSION


def theme_version(chain: list[Path]) -> str:
    """Every file of every theme in the chain (templates and static files), by
    the theme's name, not its place on disk: a moved checkout renders the same."""
    return digest(*[(p.name, tree_digest(_source_files(p), p)) for p in chain])


class OutputRecord(NamedTuple):
    """What one output file was last built from, and what was written. A tuple: a
    year's archive has tens of thousands, loaded on every build."""

    key: str
    digest: str
    tracked: frozenset = frozenset()  # dependencies recorded while rendering
    warnings: tuple = ()


@dataclass
class GroupRecord:
    """Outputs built together by one stage (search, feeds, assets)."""

    key: str
    files: dict[str, str] = field(default_factory=dict)  # path → digest
    warnings: tuple = ()


@dataclass
class TreeRecord:
    """A folder of built files: where, which inode (to notice replacement), what it holds."""

    path: str
    ident: tuple
    files: dict[str, str]

    def valid(self) -> bool:
        try:
            st = os.stat(self.path)
        except OSError:
            return False
        return (st.st_dev, st.st_ino) == self.ident


def ident_of(path: Path) -> tuple:
    st = os.stat(path)
    return (st.st_dev, st.st_ino)


def unpickle(data: bytes) -> Any:
    """pickle.loads without the collector: unpickling the build state makes a million
    objects, none of them garbage, and gc would walk them all a few times meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if enabled:
            gc.enable()


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _count_recon(folder: Path) -> int:
    count = 0
    with contextlib.suppress(OSError), os.scandir(folder) as subs:
        for sub in subs:
            with contextlib.suppress(OSError), os.scandir(sub.path) as it:
                count += sum(1 for e in it if e.name.endswith(".pickle"))
    return count


class Cache:
    """The on-disk cache of one site; `enabled=False` (or an unwritable folder) keeps nothing."""

    def __init__(self, root: Path, enabled: bool = True):
        self.dir = Path(root) / CACHE_DIR_NAME
        self.enabled = enabled
        if enabled:
            try:
                self.dir.mkdir(parents=True, exist_ok=True)
                (self.dir / "CACHEDIR.TAG").write_text(
                    "Signature: 8a477f597d28d172789f06886806bc55\n"
                    "# Banmian build cache; safe to delete.\n")
            except OSError:
                self.enabled = False
        self._lock_fh = None

    # -- locking: one build at a time writes this cache ---------------------------------
    @contextlib.contextmanager
    def lock(self):
        if not self.enabled:
            yield
            return
        with open(self.dir / ".lock", "w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    # -- reconstructions ------------------------------------------------------------------
    def recon_path(self, key: str) -> Path:
        return self.dir / "recon" / key[:2] / f"{key}.pickle"

    def get_recon(self, key: str) -> Optional[bytes]:
        """The pickled (Reconstruction, logged warnings) stored under `key`, or None."""
        if not self.enabled:
            return None
        try:
            return self.recon_path(key).read_bytes()
        except OSError:
            return None

    def has_recon(self, key: str) -> bool:
        return self.enabled and self.recon_path(key).exists()

    def put_recon(self, key: str, data: bytes) -> None:
        if self.enabled:
            with contextlib.suppress(OSError):
                _atomic_write(self.recon_path(key), data)

    def prune_recon(self, keep: set[str]) -> int:
        """Drop reconstructions no page uses any more, once they outnumber the used ones."""
        if not self.enabled:
            return 0
        folder = self.dir / "recon"
        if not folder.is_dir():
            return 0
        if _count_recon(folder) <= 2 * len(keep) + 64:  # counted without a Path per file
            return 0
        files = [p for p in folder.glob("*/*.pickle")]
        removed = 0
        for p in files:
            if p.stem not in keep:
                with contextlib.suppress(OSError):
                    p.unlink()
                    removed += 1
        return removed

    # -- per-issue parts of other stages (search) -------------------------------------------
    def get_part(self, kind: str, name: str, key: str) -> Any:
        """The value stored for `name` under `key` (None if missing, stale or unreadable)."""
        if not self.enabled:
            return None
        try:
            stored_key, value = unpickle((self.dir / kind / f"{name}.pickle").read_bytes())
        except Exception:
            return None
        return value if stored_key == key else None

    def put_part(self, kind: str, name: str, key: str, value: Any) -> None:
        if self.enabled:
            with contextlib.suppress(OSError):
                _atomic_write(self.dir / kind / f"{name}.pickle",
                              pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))

    # -- build state ------------------------------------------------------------------------
    def _load(self, name: str) -> Optional[dict]:
        if not self.enabled:
            return None
        try:
            data = unpickle((self.dir / name).read_bytes())
        except Exception:  # missing, truncated, from another version: start clean
            return None
        return data if isinstance(data, dict) and data.get("format") == FORMAT else None

    def _save(self, name: str, data: dict) -> None:
        if self.enabled:
            data = dict(data, format=FORMAT)
            with contextlib.suppress(OSError):
                _atomic_write(self.dir / name, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))

    def load_state(self) -> dict:
        return self._load("state.pickle") or {}

    def save_state(self, state: dict) -> None:
        self._save("state.pickle", state)

    def tree_name(self, out_dir: Path) -> str:
        return digest(str(out_dir))[:16]

    def load_trees(self, out_dir: Path) -> dict:
        return self._load(f"trees/{self.tree_name(out_dir)}.pickle") or {}

    def save_trees(self, out_dir: Path, trees: dict) -> None:
        self._save(f"trees/{self.tree_name(out_dir)}.pickle", trees)

    def spare_dir(self, out_dir: Path) -> Optional[Path]:
        """Where the spare copy of `out_dir` lives: in the cache, if on the same filesystem."""
        if not self.enabled:
            return None
        try:
            (self.dir / "trees").mkdir(exist_ok=True)
            if os.stat(self.dir / "trees").st_dev != os.stat(out_dir.parent).st_dev:
                return None
        except OSError:
            return None
        return self.dir / "trees" / self.tree_name(out_dir)
