"""The development server: `banmian serve [--watch] [--host H] [--port N] [--open]`.

- Builds the site into a private temporary folder (never over `_site/`, so a
  production build is never replaced by one with a localhost base URL), then
  serves it over real HTTP with `http.server`.
- Every request looks the file up afresh under the output folder, which
  `build()` swaps in whole, so a half-written site is never served.
- Paths are decoded once and checked segment by segment; `..` is refused and a
  file is only served if its real path (symlinks resolved) is inside the output.
- With `--watch`, watchdog reports changes under `content/`, the site's
  `themes/` and `banmian.toml`; bursts are debounced into one rebuild.
- HTML responses (only here, never in `banmian build` output) get a small
  script, `livereload.js`, that listens on the server-sent-events endpoint
  `/__banmian/events`: it reloads the tab after a rebuild, hot-swaps CSS when
  only theme stylesheets changed, and shows a failed build's `file:line:
  message` as an overlay until the next good build.
"""
from __future__ import annotations

import contextlib

import errno
import gc
import inspect
import json
import logging
import mimetypes
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import traceback
import uuid
import webbrowser
from dataclasses import replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Iterable, Optional
from urllib.parse import quote, unquote, urlsplit

from .config import Config, load_config
from .errors import BanmianError

logger = logging.getLogger("banmian.serve")

LIVERELOAD_JS = Path(__file__).resolve().with_name("livereload.js")
INTERNAL = "__banmian/"  # URL folder of the server's own endpoints
DEBOUNCE_SECONDS = 0.05  # quiet time that ends a burst of file events
MAX_DEBOUNCE_SECONDS = 1.0  # never wait longer than this once a change is seen
PORT_TRIES = 20  # a busy port moves on to the next ones, up to this many
KEEPALIVE_SECONDS = 15.0

_TEXT = "; charset=utf-8"
MIME_TYPES = {
    ".html": "text/html" + _TEXT,
    ".htm": "text/html" + _TEXT,
    ".css": "text/css" + _TEXT,
    ".js": "text/javascript" + _TEXT,
    ".mjs": "text/javascript" + _TEXT,
    ".json": "application/json" + _TEXT,
    ".map": "application/json" + _TEXT,
    ".webmanifest": "application/manifest+json" + _TEXT,
    ".svg": "image/svg+xml" + _TEXT,
    ".xml": "application/xml" + _TEXT,
    ".xsl": "application/xml" + _TEXT,
    ".txt": "text/plain" + _TEXT,
    ".md": "text/plain" + _TEXT,
    ".csv": "text/csv" + _TEXT,
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".pdf": "application/pdf",
    ".gz": "application/gzip",
    ".wasm": "application/wasm",
}


def content_type(name: str) -> str:
    """The Content-Type for a file name; text types always say UTF-8."""
    suffix = os.path.splitext(name)[1].lower()
    if suffix in MIME_TYPES:
        return MIME_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(name)
    if not guessed:
        return "application/octet-stream"
    if guessed.startswith("text/") or guessed.endswith(("+xml", "+json", "/json", "/xml", "/javascript")):
        return guessed + _TEXT
    return guessed


def inject_script(html: bytes, tag: bytes) -> bytes:
    """Put `tag` just before the last `</body>` (or at the end when there is none)."""
    at = html.lower().rfind(b"</body>")
    return html + tag if at < 0 else html[:at] + tag + html[at:]


# --------------------------------------------------------------------- state

class SiteState:
    """What the browser tabs are told: build version, last error, session.

    `version` counts good builds; `html_version` is the last good build that
    changed more than theme stylesheets (a tab at a version ≥ it may hot-swap
    CSS instead of reloading). `event` counts every change a tab must hear
    about, including errors appearing and clearing.
    """

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.session = uuid.uuid4().hex[:12]
        self.version = 0
        self.html_version = 0
        self.error: Optional[dict[str, Any]] = None
        self.event = 0
        self.building = False
        self.builds = 0  # build attempts, good or bad
        self.last_build_seconds = 0.0
        self.closed = False

    def snapshot(self) -> dict[str, Any]:
        with self.cond:
            return {"session": self.session, "version": self.version, "html_version": self.html_version,
                    "error": self.error, "event": self.event, "building": self.building,
                    "builds": self.builds, "last_build_seconds": round(self.last_build_seconds, 4)}

    def begin_build(self) -> None:
        with self.cond:
            self.building = True

    def good_build(self, seconds: float, css_only: bool = False) -> None:
        with self.cond:
            self.version += 1
            if not css_only:
                self.html_version = self.version
            self.error = None
            self._finish(seconds)

    def bad_build(self, error: dict[str, Any], seconds: float) -> None:
        with self.cond:
            self.error = error
            self._finish(seconds)

    def _finish(self, seconds: float) -> None:
        self.building = False
        self.builds += 1
        self.last_build_seconds = seconds
        self.event += 1
        self.cond.notify_all()

    def close(self) -> None:
        with self.cond:
            self.closed = True
            self.cond.notify_all()

    def wait_event(self, seen: Optional[int], timeout: float) -> Optional[dict[str, Any]]:
        """The state once its event differs from `seen` (None: at once); None on timeout/close."""
        with self.cond:
            self.cond.wait_for(lambda: self.closed or self.event != seen, timeout)
            if self.closed or self.event == seen:
                return None
        return self.snapshot()

    def wait_idle(self, timeout: float) -> None:
        with self.cond:
            self.cond.wait_for(lambda: self.closed or not self.building, timeout)


# -------------------------------------------------------------------- HTTP

class DevHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 64

    def __init__(self, address, handler, app: "DevServer"):
        self.app = app
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, handler)


class Handler(BaseHTTPRequestHandler):
    server_version = "banmian-serve"
    protocol_version = "HTTP/1.0"
    server: DevHTTPServer

    # quiet unless -v: an editor's terminal is for build messages
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        logger.info("%s %s", self.address_string(), format % args)

    def do_GET(self) -> None:
        self.respond(head=False)

    def do_HEAD(self) -> None:
        self.respond(head=True)

    def _method_not_allowed(self) -> None:
        self.send_plain(HTTPStatus.METHOD_NOT_ALLOWED, "only GET and HEAD\n", {"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _method_not_allowed

    # -- helpers
    def send_body(self, status: int, body: bytes, ctype: str, head: bool,
                  extra: Optional[dict[str, str]] = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def send_plain(self, status: int, text: str, extra: Optional[dict[str, str]] = None) -> None:
        self.send_body(status, text.encode("utf-8"), "text/plain" + _TEXT, self.command == "HEAD", extra)

    def redirect(self, location: str, query: str, head: bool) -> None:
        target = quote(location, safe="/%:@!$&'()*+,;=-._~") + (f"?{query}" if query else "")
        self.send_body(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain" + _TEXT, head, {"Location": target})

    # -- routing
    def respond(self, head: bool) -> None:
        app = self.server.app
        try:
            split = urlsplit(self.path)
            raw_path = split.path
            if not raw_path.startswith("/"):
                return self.send_plain(HTTPStatus.BAD_REQUEST, "bad request path\n")
            try:
                path = unquote(raw_path, encoding="utf-8", errors="strict")
            except UnicodeDecodeError:
                return self.send_plain(HTTPStatus.BAD_REQUEST, "request path is not UTF-8\n")
            if "\x00" in path or "\\" in path:
                return self.send_plain(HTTPStatus.BAD_REQUEST, "bad request path\n")
            parts = path.split("/")[1:]
            if any(p in ("..", ".") for p in parts):
                return self.send_plain(HTTPStatus.FORBIDDEN, "forbidden: path leaves the site\n")

            rel = path[1:]
            base = app.base_path[1:]  # "" or "edition/"
            if base:
                if rel == "" or rel + "/" == base:
                    return self.redirect(app.base_path, split.query, head)
                if rel.startswith(base):
                    rel = rel[len(base):]
            if rel == "__banmian" or rel.startswith(INTERNAL):
                return self.internal(rel[len(INTERNAL):], head)
            return self.static(rel, path, split.query, head)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def internal(self, name: str, head: bool) -> None:
        app = self.server.app
        if name == "events":
            return self.events()
        if name == "livereload.js":
            return self.send_body(HTTPStatus.OK, app.livereload_js, MIME_TYPES[".js"], head)
        if name == "status":
            body = json.dumps(app.state.snapshot(), ensure_ascii=False).encode("utf-8")
            return self.send_body(HTTPStatus.OK, body, MIME_TYPES[".json"], head)
        return self.not_found(head)

    def static(self, rel: str, path: str, query: str, head: bool) -> None:
        app = self.server.app
        for attempt in range(2):
            # read the version before the file: a tab may then reload once too
            # often after a swap, but never miss a rebuild
            version = app.state.snapshot()
            root = app.out_dir
            found = resolve_in(root, rel)
            if found == "redirect":
                return self.redirect(path + "/", query, head)
            if found == "forbidden":
                return self.send_plain(HTTPStatus.FORBIDDEN, "forbidden: outside the site\n")
            if found is None and not root.is_dir() and attempt == 0:
                app.state.wait_idle(30)  # between the two renames of a swap
                continue
            if found is None:
                return self.not_found(head)
            try:
                with open(found, "rb") as fh:
                    data = fh.read()
            except OSError:
                if attempt == 0:
                    app.state.wait_idle(30)
                    continue
                return self.not_found(head)
            ctype = content_type(found.name)
            if ctype.startswith("text/html"):
                data = inject_script(data, app.script_tag(version))
            return self.send_body(HTTPStatus.OK, data, ctype, head)

    def not_found(self, head: bool) -> None:
        app = self.server.app
        version = app.state.snapshot()
        page = resolve_in(app.out_dir, "404.html")
        data = None
        if isinstance(page, Path):
            try:
                data = page.read_bytes()
            except OSError:
                data = None
        if data is None:
            msg = "站点还没有构建成功。" if app.state.snapshot()["version"] == 0 else "找不到这个页面。"
            data = (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
                    f"<title>404</title></head><body><h1>404</h1><p>{msg}</p></body></html>\n").encode("utf-8")
        data = inject_script(data, app.script_tag(version))
        self.send_body(HTTPStatus.NOT_FOUND, data, MIME_TYPES[".html"], head)

    def events(self) -> None:
        """Server-sent events: one `state` message now and after every change."""
        state = self.server.app.state
        self.close_connection = True
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream" + _TEXT)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.send_header("X-Accel-Buffering", "no")
        self.end_headers()
        if self.command == "HEAD":
            return
        try:
            self.wfile.write(b"retry: 1000\n\n")
            self.wfile.flush()
            seen: Optional[int] = None
            while not state.closed:
                snap = state.wait_event(seen, KEEPALIVE_SECONDS)
                if state.closed:
                    break
                if snap is None:
                    self.wfile.write(b": keep-alive\n\n")
                else:
                    seen = snap["event"]
                    data = json.dumps(snap, ensure_ascii=False)
                    self.wfile.write(f"id: {seen}\nevent: state\ndata: {data}\n\n".encode("utf-8"))
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            return


def resolve_in(root: Path, rel: str) -> "Path | str | None":
    """The file under `root` that the URL path `rel` names.

    Returns a Path, "redirect" (a directory asked for without its slash),
    "forbidden" (resolves outside `root`, e.g. through a symlink) or None.
    """
    parts = [p for p in rel.split("/") if p]
    if any(p in ("..", ".") or "\x00" in p or "\\" in p for p in parts):
        return "forbidden"
    try:
        root_real = root.resolve(strict=True)
    except OSError:
        return None
    target = root_real.joinpath(*parts)
    try:
        if target.is_dir():
            if rel and not rel.endswith("/"):
                return "redirect"
            target = target / "index.html"
        real = target.resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        return None
    if not real.is_relative_to(root_real):
        return "forbidden"
    return real if real.is_file() else None


# ------------------------------------------------------------------ watcher

IGNORED_SUFFIXES = (".swp", ".swx", ".swo", ".tmp", ".part", ".crdownload", "~")


def ignored_name(path: str) -> bool:
    """Editor and OS by-products that must not trigger a rebuild."""
    name = os.path.basename(path)
    return (not name or name.startswith((".", "#")) or name.endswith(IGNORED_SUFFIXES)
            or name == "4913" or name in ("Thumbs.db", "desktop.ini"))


class Watcher:
    """watchdog on content/, the site's themes/ and the config file → `on_change(path)`."""

    def __init__(self, on_change: Callable[[str], None]):
        from watchdog.observers import Observer

        self.on_change = on_change
        self.observer = Observer()
        self.observer.daemon = True
        self.trees: list[Path] = []
        self.files: set[str] = set()

    def watch(self, config: Config) -> None:
        from watchdog.events import FileSystemEventHandler

        watcher = self

        class Events(FileSystemEventHandler):
            def __init__(self, only_files: Optional[set[str]] = None):
                self.only = only_files

            def on_any_event(self, event) -> None:
                if event.event_type not in ("created", "modified", "deleted", "moved"):
                    return
                if event.is_directory and event.event_type == "modified":
                    return
                paths = [os.fsdecode(event.src_path)]
                if event.event_type == "moved":
                    paths.append(os.fsdecode(event.dest_path))
                for p in paths:
                    if self.only is not None:
                        if p in self.only:
                            watcher.on_change(p)
                    elif not ignored_name(p):
                        watcher.on_change(p)

        self.observer.unschedule_all()
        self.trees = [p for p in (config.content_path, (config.root / "themes").resolve()) if p.is_dir()]
        for tree in self.trees:
            self.observer.schedule(Events(), str(tree), recursive=True)
        cfg_file = (config.path or (config.root / "banmian.toml")).resolve()
        self.files = {str(cfg_file)}
        self.observer.schedule(Events(self.files), str(cfg_file.parent), recursive=False)

    def start(self) -> None:
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join(timeout=5)


# ------------------------------------------------------------------- server

class DevServer:
    """Build, serve, and (with watch) rebuild; usable in-process (tests) or from `serve()`."""

    def __init__(self, config: Config, host: str = "127.0.0.1", port: int = 8000, watch: bool = False,
                 out: Optional[Callable[[str], None]] = None, err: Optional[Callable[[str], None]] = None,
                 debounce: float = DEBOUNCE_SECONDS):
        self.config = config
        self.host = host
        self.requested_port = port
        self.watch = watch
        self.debounce = debounce
        self.base_path = config.base_path
        self.out = out or (lambda s: print(s, flush=True))
        self.err = err or (lambda s: print(s, file=sys.stderr, flush=True))
        self.state = SiteState()
        self.livereload_js = LIVERELOAD_JS.read_bytes()
        self._tmp: Optional[Path] = None  # a private folder removed at exit (when not in the cache)
        self.out_dir = Path(tempfile.gettempdir()) / "banmian-serve-unbound"  # set by start()
        self.httpd: Optional[DevHTTPServer] = None
        self.port = 0
        self._threads: list[threading.Thread] = []
        self._gc_was_enabled = False  # automatic GC was on before watching turned it off
        self._pending: dict[str, float] = {}
        self._pending_cond = threading.Condition()
        self._stopping = False
        self.watcher: Optional[Watcher] = None
        self._last_exc: Optional[BaseException] = None

    # -- addresses
    @property
    def url_host(self) -> str:
        host = {"0.0.0.0": "127.0.0.1", "::": "[::1]", "": "127.0.0.1"}.get(self.host, self.host)
        return f"[{host}]" if ":" in host and not host.startswith("[") else host

    @property
    def url(self) -> str:
        return f"http://{self.url_host}:{self.port}{self.base_path}"

    def script_tag(self, snap: dict[str, Any]) -> bytes:
        if not self.watch:
            return b""
        return (f'<script src="{self.base_path}{INTERNAL}livereload.js" data-version="{snap["version"]}" '
                f'data-session="{snap["session"]}" async></script>\n').encode("utf-8")

    # -- lifecycle
    def bind(self) -> int:
        """Listen on the requested port, or the next free one (said aloud)."""
        port = self.requested_port
        candidates = [port] if port == 0 else list(range(port, min(port + PORT_TRIES, 65536)))
        for p in candidates:
            try:
                self.httpd = DevHTTPServer((self.host, p), Handler, self)
            except OSError as e:
                if e.errno == errno.EADDRINUSE:
                    continue
                if e.errno == errno.EACCES:
                    raise BanmianError(f"not allowed to listen on port {p} (ports below 1024 need root); "
                                       f"try --port 8000") from None
                if e.errno in (errno.EADDRNOTAVAIL, getattr(errno, "EAFNOSUPPORT", -1)) or isinstance(e, socket.gaierror):
                    raise BanmianError(f"cannot listen on host '{self.host}': {e.strerror or e}") from None
                raise BanmianError(f"cannot listen on {self.host}:{p}: {e.strerror or e}") from None
            self.port = self.httpd.server_address[1]
            if port and self.port != port:
                self.out(f"port {port} is in use; serving on port {self.port} instead")
            return self.port
        raise BanmianError(f"ports {candidates[0]}–{candidates[-1]} are all in use on {self.host}; "
                           f"choose another with --port")

    def choose_out_dir(self) -> Path:
        """Where the preview is built: never `_site/`, which holds the real build.

        Inside the site's build cache (`.banmian-cache/serve/HOST-PORT/site`) when
        it is writable: the same filesystem as the cache, so an incremental rebuild
        hard-links unchanged files, and a restart on the same port starts warm.
        Otherwise a temporary folder, removed at exit.
        """
        try:
            from .cache import CACHE_DIR_NAME
        except ImportError:
            CACHE_DIR_NAME = ".banmian-cache"

        name = f"{self.url_host.strip('[]').replace(':', '_')}-{self.port}"
        folder = self.config.root / CACHE_DIR_NAME / "serve" / name
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe = folder / ".probe"
            probe.write_bytes(b"")
            probe.unlink()
            return folder / "site"
        except OSError:
            self._tmp = Path(tempfile.mkdtemp(prefix="banmian-serve-"))
            return self._tmp / "site"

    def site_config(self, config: Config) -> Config:
        """The config to build with: same site, base URL on this server."""
        return replace(config, base_url=f"http://{self.url_host}:{self.port}{self.base_path}")

    def start(self) -> "DevServer":
        """Bind, build once, then serve (and watch) in background threads."""
        try:
            self.bind()
            self.out_dir = self.choose_out_dir()
            ok = self.rebuild(set(), initial=True)
            if not ok and not self.watch:
                raise self._last_exc
            assert self.httpd is not None
            t = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                 name="banmian-http", daemon=True)
            t.start()
            self._threads.append(t)
            if self.watch:
                # A year's build state is a few hundred thousand objects: a full collection
                # inside a rebuild costs 0.1–0.7 s. Rebuilds run with automatic collection
                # off; each collects once its site is up (build.py, with its cache writes).
                self._gc_was_enabled = gc.isenabled()
                gc.disable()
                self.watcher = Watcher(self.changed)
                self.watcher.watch(self.config)
                self.watcher.start()
                t = threading.Thread(target=self._rebuild_loop, name="banmian-rebuild", daemon=True)
                t.start()
                self._threads.append(t)
                threading.Thread(target=_warm_up, name="banmian-warm-up", daemon=True).start()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self._stopping:
            return
        self._stopping = True
        self.state.close()
        with self._pending_cond:
            self._pending_cond.notify_all()
        if self.watcher is not None:
            self.watcher.stop()
        if self.httpd is not None:
            if any(t.name == "banmian-http" for t in self._threads):
                self.httpd.shutdown()
            self.httpd.server_close()
        for t in self._threads:
            t.join(timeout=10)
        with contextlib.suppress(Exception):  # the last rebuild's cache writes
            from .build import wait_for_saves
            wait_for_saves()
        if self._gc_was_enabled:
            gc.enable()
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)

    def __enter__(self) -> "DevServer":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def wait_until_idle(self, timeout: float = 60.0) -> bool:
        """True once no change is pending and no build is running (tests, benchmarks)."""
        deadline = time.monotonic() + timeout
        while True:
            with self._pending_cond:
                pending = bool(self._pending)
            snap = self.state.snapshot()
            if not pending and not snap["building"]:
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            self.state.wait_event(snap["event"], min(left, 0.2))

    # -- watching and rebuilding
    def changed(self, path: str) -> None:
        with self._pending_cond:
            self._pending[path] = time.monotonic()
            self._pending_cond.notify_all()

    def _rebuild_loop(self) -> None:
        while True:
            with self._pending_cond:
                self._pending_cond.wait_for(lambda: self._stopping or self._pending)
                if self._stopping:
                    return
                first = min(self._pending.values())
                # a burst ends after `debounce` seconds without events
                while not self._stopping:
                    last = max(self._pending.values())
                    now = time.monotonic()
                    wait = min(last + self.debounce, first + MAX_DEBOUNCE_SECONDS) - now
                    if wait <= 0:
                        break
                    self._pending_cond.wait(wait)
                if self._stopping:
                    return
                changes = set(self._pending)
                self._pending.clear()
                self.state.begin_build()  # before the lock is let go: never seen idle in between
            try:
                self.rebuild(changes)
            except Exception:  # never let the loop die: the server must stay up
                self.err(traceback.format_exc())

    def _display(self, path: Optional[str]) -> Optional[str]:
        if not path:
            return path
        try:
            return Path(path).resolve().relative_to(self.config.root.resolve()).as_posix()
        except ValueError:
            return path

    def _css_only(self, changes: Iterable[str]) -> bool:
        themes = (self.config.root / "themes").resolve()
        changes = list(changes)
        return bool(changes) and all(
            c.endswith(".css") and Path(c).resolve().is_relative_to(themes) for c in changes)

    @staticmethod
    def _build_options(initial: bool) -> dict[str, Any]:
        """Rebuilds run in one process, with no progress bar.

        The first build runs before any other thread exists and may use worker
        processes; later ones run beside the HTTP and watcher threads, where
        forking workers could inherit a held lock.
        """
        from .build import build

        try:
            params = inspect.signature(build).parameters
        except (TypeError, ValueError):
            return {}
        opts: dict[str, Any] = {}
        if not initial and "jobs" in params:
            opts["jobs"] = 1
        if not initial and "progress" in params:
            opts["progress"] = False
        if "background_saves" in params:
            opts["background_saves"] = True  # the tab reloads (the server starts) before the cache is written
        return opts

    def rebuild(self, changes: set[str], initial: bool = False) -> bool:
        """Build once; on failure keep the last good site and tell the tabs."""
        self.state.begin_build()
        start = time.perf_counter()
        try:
            from .build import build  # inside: a broken generator must not stop the server

            if any(c in (self.watcher.files if self.watcher else ()) for c in changes):
                if self.config.path is None:
                    raise BanmianError("config file not found", self.config.root / "banmian.toml")
                new = load_config(self.config.path)
                if (new.content_path, new.root) != (self.config.content_path, self.config.root) and self.watcher:
                    self.watcher.watch(new)
                self.config = new
            result = build(self.site_config(self.config), self.out_dir, **self._build_options(initial))
        except Exception as e:
            seconds = time.perf_counter() - start
            self._last_exc = e
            if isinstance(e, BanmianError):
                error = {"path": self._display(e.path), "line": e.line, "message": e.message}
            else:
                self.err(traceback.format_exc())
                error = {"path": None, "line": None, "message": f"internal error: {type(e).__name__}: {e}"}
            where = error["path"] or ""
            if where and error["line"]:
                where += f":{error['line']}"
            error["text"] = f"{where}: {error['message']}" if where else error["message"]
            # the terminal first, then the tabs (so the terminal is never behind a tab)
            if self.watch:
                self.err(f"error: {error['text']}" + ("" if initial else " (still serving the last good build)"))
            self.state.bad_build(error, seconds)
            return False
        seconds = time.perf_counter() - start
        if initial:
            self.out(result.summary())
        else:
            names = sorted(self._display(c) or c for c in changes)
            what = names[0] if len(names) == 1 else f"{len(names)} files"
            self.out(f"rebuilt in {seconds:.2f} s ({what}), {len(result.warnings)} warnings")
        self.state.good_build(seconds, css_only=self._css_only(changes))
        return True


def _warm_up() -> None:
    """Load now what the first rebuild would otherwise load on the editor's time: the
    reconstruction dictionary (the first build may have used worker processes, or the
    cache) and pypinyin (a new headline's slug), ~0.5 s together."""
    with contextlib.suppress(Exception):
        from .reconstruct import warm_up
        warm_up()
        import pypinyin  # noqa: F401


def serve(config: Config, host: str = "127.0.0.1", port: int = 8000, watch: bool = False,
          open_browser: bool = False) -> int:
    """`banmian serve`: runs until Ctrl-C (or SIGTERM); returns the exit code."""
    app = DevServer(config, host=host, port=port, watch=watch)
    previous = None
    if threading.current_thread() is threading.main_thread():
        def _term(signum, frame):
            raise KeyboardInterrupt
        previous = signal.signal(signal.SIGTERM, _term)
    try:
        try:
            app.start()
            print(f"serving {config.root} on {app.url}" + (" (watching for changes)" if watch else "")
                  + " — Ctrl-C to stop", flush=True)
            if open_browser:
                threading.Thread(target=webbrowser.open, args=(app.url,), daemon=True).start()
            stop = threading.Event()
            while not stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            print("\nstopping", flush=True)
        finally:
            app.stop()
        return 0
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
