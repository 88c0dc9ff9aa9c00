"""`banmian serve`: real HTTP, path safety, live reload over SSE, error overlay in a real browser."""
from __future__ import annotations

import contextlib
import http.client
import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import REPO

from generator.config import load_config
from generator.serve import DEBOUNCE_SECONDS, DevServer, content_type, inject_script

TIMEOUT = 60  # seconds; generous: CI machines are small and busy
ARTICLE_URL = re.compile(r"^/\d{4}-\d{2}-\d{2}/\d+/[^/]+/$")


# ------------------------------------------------------------------ helpers

@contextlib.contextmanager
def running(site: Path, watch: bool = True, port: int = 0, **overrides):
    """An in-process dev server on a free port; yields the DevServer (out/err lines collected)."""
    out: list[str] = []
    err: list[str] = []
    app = DevServer(load_config(site / "banmian.toml", **overrides), port=port, watch=watch,
                    out=out.append, err=err.append)
    app.lines_out, app.lines_err = out, err
    app.start()
    try:
        yield app
    finally:
        app.stop()


def request(app_or_port, path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """A raw request: the path goes on the wire exactly as given (no normalising)."""
    port = app_or_port if isinstance(app_or_port, int) else app_or_port.port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def raw_socket_request(port: int, path: str) -> int:
    """Bytes on a socket, for request lines no HTTP library would send."""
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as s:
        s.sendall(f"GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode("latin-1"))
        head = b""
        while b"\r\n" not in head:
            chunk = s.recv(4096)
            if not chunk:
                break
            head += chunk
    return int(head.split(b" ", 2)[1])


def links(html: bytes, page_url: str) -> list[str]:
    """Absolute URL paths of the links on a page."""
    found = []
    for href in re.findall(r'href="([^"#?]*)', html.decode("utf-8")):
        target = urlsplit(urljoin(page_url, href))
        if target.scheme in ("", "http") and target.hostname in (None, "127.0.0.1"):
            found.append(target.path)
    return found


def find_article(app: DevServer) -> tuple[str, Path]:
    """An article URL of the built site and the page file it comes from (found by crawling)."""
    seen, todo = set(), [app.base_path]
    while todo and len(seen) < 200:
        url = todo.pop(0)
        if url in seen:
            continue
        seen.add(url)
        status, headers, body = request(app, url)
        if status != 200 or not headers["content-type"].startswith("text/html"):
            continue
        for link in links(body, url):
            rel = link[len(app.base_path) - 1:] if link.startswith(app.base_path) else link
            if ARTICLE_URL.match(rel):
                date, number, _ = rel.strip("/").split("/")
                for f in sorted((app.config.content_path / date).iterdir()):
                    m = re.match(r"^(\d+)", f.name)
                    if m and int(m.group(1)) == int(number) and f.suffix in (".txt", ".md"):
                        return link, f
            if link.startswith(app.base_path) and link not in seen:
                todo.append(link)
    raise AssertionError("no article link found in the built site")


def marked_edit(app: DevServer, url: str, source: Path, marker: str) -> str:
    """The page file's text with `marker` put inside a body paragraph of the article at `url`.

    The marker goes after a run of characters that occurs once in the file and in
    the article's longest paragraph, so it shows up in that article whatever the
    reconstruction engine does with the page.
    """
    text = source.read_text(encoding="utf-8")
    _, _, body = request(app, url)
    html = body.decode("utf-8")
    article = html[html.find("<article"):] if "<article" in html else html
    paras = sorted((re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<p>(.*?)</p>", article, re.S)),
                   key=len, reverse=True)
    for para in paras:
        for width in (10, 8, 6):
            for start in range(len(para) // 3, max(len(para) - width, 0)):
                run = para[start:start + width]
                if text.count(run) == 1 and "\n" not in run:
                    at = text.index(run) + width
                    return text[:at] + marker + text[at:]
    # no usable run: append a paragraph (shows on the page at least)
    return text.rstrip("\n") + f"\n\n{marker}\n"


class EventStream:
    """A live reload client: reads /__banmian/events in a thread, states into a queue."""

    def __init__(self, port: int, path: str = "/__banmian/events"):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT * 2)
        self.conn.request("GET", path)
        self.resp = self.conn.getresponse()
        assert self.resp.status == 200
        assert self.resp.getheader("Content-Type").startswith("text/event-stream")
        self.states: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        event, data = None, []
        try:
            for raw in self.resp:
                line = raw.decode("utf-8").rstrip("\r\n")
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].strip())
                elif not line:
                    if event == "state" and data:
                        self.states.put(json.loads("\n".join(data)))
                    event, data = None, []
        except (OSError, ValueError):
            pass

    def wait(self, predicate, timeout: float = TIMEOUT) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("no matching live-reload event in time")
            try:
                state = self.states.get(timeout=left)
            except queue.Empty:
                continue
            if predicate(state):
                return state

    def close(self) -> None:
        self.conn.close()


BROKEN_FRONT_MATTER = "+++\nname = \n+++\n"


def copy_sample(dest: Path) -> Path:
    dest.mkdir(parents=True)
    shutil.copy(REPO / "banmian.toml", dest / "banmian.toml")
    shutil.copytree(REPO / "content", dest / "content")
    return dest


@pytest.fixture(scope="module")
def static_server(tmp_path_factory):
    """One server without --watch for the read-only HTTP tests (builds are not free)."""
    with running(copy_sample(tmp_path_factory.mktemp("static") / "site"), watch=False) as app:
        yield app


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """One --watch server shared by the edit tests; each test leaves the content as it found it."""
    with running(copy_sample(tmp_path_factory.mktemp("live") / "site"), watch=True) as app:
        yield app


@pytest.fixture
def live(live_server):
    assert live_server.wait_until_idle(TIMEOUT * 2)
    yield live_server
    assert live_server.wait_until_idle(TIMEOUT * 2)


# -------------------------------------------------------------------- HTTP

def test_serves_built_site_with_types_charset_and_no_store(static_server):
    app = static_server
    status, headers, body = request(app, "/")
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["cache-control"] == "no-store"
    assert int(headers["content-length"]) == len(body)
    assert b'lang="zh-CN"' in body

    css = next(l for l in links(body, "/") if l.endswith(".css"))
    status, headers, _ = request(app, css)
    assert (status, headers["content-type"]) == (200, "text/css; charset=utf-8")
    status, headers, _ = request(app, "/sitemap.xml")
    assert (status, headers["content-type"]) == (200, "application/xml; charset=utf-8")

    # other types the themes and search use, planted beside the built files
    planted = {"x.json": "application/json; charset=utf-8", "x.svg": "image/svg+xml; charset=utf-8",
               "x.js": "text/javascript; charset=utf-8", "x.woff2": "font/woff2",
               "feed2.xml": "application/xml; charset=utf-8"}
    for name in planted:
        (app.out_dir / name).write_bytes(b"{}")
    for name, ctype in planted.items():
        status, headers, body = request(app, "/" + name)
        assert (status, headers["content-type"], body) == (200, ctype, b"{}"), name
        assert headers["cache-control"] == "no-store"

    status, headers, body = request(app, "/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 0


def test_content_type_table():
    assert content_type("a.HTML") == "text/html; charset=utf-8"
    assert content_type("font.woff2") == "font/woff2"
    assert content_type("index.json") == "application/json; charset=utf-8"
    assert content_type("logo.svg") == "image/svg+xml; charset=utf-8"
    assert content_type("feed.xml") == "application/xml; charset=utf-8"
    assert content_type("blob.unknownext") == "application/octet-stream"


def test_directory_urls_redirects_and_custom_404(static_server):
    app = static_server
    url, _ = find_article(app)
    status, headers, body = request(app, url)
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert body == request(app, url + "index.html")[2]
    status, headers, _ = request(app, url.rstrip("/") + "?q=1")
    assert status == 301 and headers["location"] == url + "?q=1"
    status, headers, body = request(app, "/no/such/page/")
    assert status == 404 and headers["content-type"] == "text/html; charset=utf-8"
    assert body == (app.out_dir / "404.html").read_bytes()  # the site's own 404 page
    assert request(app, "/", method="POST")[0] == 405


TRAVERSALS = [
    "/../banmian.toml", "/%2e%2e/banmian.toml", "/%2E%2E/banmian.toml", "/..%2fbanmian.toml",
    "/%2e%2e%2fbanmian.toml", "/static/../../banmian.toml", "/static/%2e%2e/%2e%2e/banmian.toml",
    "/..%5cbanmian.toml", "/%00", "//../banmian.toml", "/./../banmian.toml", "/%252e%252e/banmian.toml",
]


def test_never_serves_outside_the_output(static_server):
    app = static_server
    for path in TRAVERSALS:
        status, _, body = request(app, path)
        assert status in (400, 403, 404), path
        assert b"base_url" not in body, path
        assert raw_socket_request(app.port, path) in (400, 403, 404), path
    # the raw socket path that no client library would send
    assert raw_socket_request(app.port, "/../../../../etc/passwd") in (400, 403, 404)


def test_symlinks_out_of_the_output_are_refused(static_server):
    app = static_server
    site = app.config.root
    (app.out_dir / "leak.toml").symlink_to(site / "banmian.toml")
    (app.out_dir / "leakdir").symlink_to(site)
    (app.out_dir / "inside.html").symlink_to(app.out_dir / "404.html")
    for path in ("/leak.toml", "/leakdir/banmian.toml", "/leakdir/"):
        status, _, body = request(app, path)
        assert status in (403, 404), path
        assert b"base_url" not in body
    assert request(app, "/inside.html")[0] == 200  # a link within the site is fine


def test_serves_under_the_base_url_path(sample_site):
    with running(sample_site, watch=False, base_url="https://example.org/edition/") as app:
        assert app.url.endswith("/edition/")
        status, headers, _ = request(app, "/")
        assert status == 301 and headers["location"] == "/edition/"
        status, _, home = request(app, "/edition/")
        assert status == 200
        internal = [l for l in links(home, "/edition/") if l.startswith("/")]
        assert internal and all(l.startswith("/edition/") for l in internal), internal
        for link in internal[:10]:
            assert request(app, link)[0] == 200, link
        status, _, body = request(app, "/edition/nope/")
        assert status == 404 and body.startswith((app.out_dir / "404.html").read_bytes()[:50])
        # built with the local server's address, not example.org
        assert f"127.0.0.1:{app.port}/edition/".encode() in (app.out_dir / "sitemap.xml").read_bytes()


def test_busy_port_moves_on_and_says_so(sample_site):
    out: list[str] = []
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        app = DevServer(load_config(sample_site / "banmian.toml"), port=port, out=out.append, err=out.append)
        try:
            assert app.bind() != port
            assert any(f"port {port} is in use" in line and str(app.port) in line for line in out), out
            with socket.create_connection(("127.0.0.1", app.port), timeout=TIMEOUT):
                pass  # really listening
        finally:
            app.stop()


def test_live_reload_script_only_in_served_watch_html(live, static_server, built_sample):
    assert b"__banmian" not in request(static_server, "/")[2]  # no --watch: nothing to reload
    app = live
    _, _, body = request(app, "/")
    assert b"/__banmian/livereload.js" in body
    status, headers, js = request(app, "/__banmian/livereload.js")
    assert status == 200 and headers["content-type"] == "text/javascript; charset=utf-8"
    assert b"EventSource" in js
    _, _, css = request(app, next(l for l in links(body, "/") if l.endswith(".css")))
    assert b"__banmian" not in css
    on_disk = [p for p in app.out_dir.rglob("*") if p.is_file()]
    assert on_disk and not any(b"__banmian" in p.read_bytes() for p in on_disk)
    built = [p for p in built_sample.rglob("*") if p.is_file()]
    assert not any(b"__banmian" in p.read_bytes() for p in built)
    assert inject_script(b"<p>x</p></BODY></html>", b"<s>") == b"<p>x</p><s></BODY></html>"
    assert inject_script(b"<p>x</p>", b"<s>") == b"<p>x</p><s>"


# ----------------------------------------------------------- watch and SSE

def test_rebuild_on_save_error_keeps_last_good_site_and_recovers(live):
    app = live
    sample_site = app.config.root
    url, source = find_article(app)
    original = source.read_text(encoding="utf-8")
    events = EventStream(app.port)
    try:
        first = events.wait(lambda s: True)
        assert first["version"] >= 1 and first["error"] is None

        marker = "LIVEMARK7319"
        source.write_text(marked_edit(app, url, source, marker), encoding="utf-8")
        state = events.wait(lambda s: s["version"] > first["version"])
        assert state["error"] is None
        _, _, body = request(app, url)
        page_url = url.rsplit("/", 2)[0] + "/"
        assert marker.encode() in body or marker.encode() in request(app, page_url)[2]
        good = request(app, url)[2]

        source.write_text(BROKEN_FRONT_MATTER + original, encoding="utf-8")
        bad = events.wait(lambda s: s["error"] is not None)
        assert bad["version"] == state["version"]
        rel = source.relative_to(sample_site).as_posix()
        assert bad["error"]["path"] == rel and bad["error"]["line"] == 2
        assert any(f"{rel}:2:" in line for line in app.lines_err), app.lines_err
        assert request(app, url)[2] == good  # still the last good site
        assert json.loads(request(app, "/__banmian/status")[2])["error"]["line"] == 2

        source.write_text(original, encoding="utf-8")
        fixed = events.wait(lambda s: s["error"] is None)
        assert fixed["version"] > bad["version"]
        assert marker.encode() not in request(app, url)[2]
    finally:
        events.close()
        if source.read_text(encoding="utf-8") != original:
            source.write_text(original, encoding="utf-8")


def test_a_burst_of_saves_is_one_rebuild(live):
    app = live
    app.debounce = 1.0  # a slow, busy machine must not split the burst; normally 50 ms
    events = EventStream(app.port)
    try:
        first = events.wait(lambda s: True)
        files = sorted(app.config.content_path.rglob("*.txt"))
        assert len(files) >= 3
        for f in files:
            f.write_text(f.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        state = events.wait(lambda s: s["version"] > first["version"])
        assert state["builds"] == first["builds"] + 1, app.lines_out
        assert any(f"({len(files)} files)" in line for line in app.lines_out), app.lines_out
    finally:
        app.debounce = DEBOUNCE_SECONDS
        events.close()


def test_watching_rebuilds_without_automatic_gc_and_collects_after_each(sample_site, monkeypatch):
    """--watch turns automatic collection off (a full collection of a year's build state
    inside a rebuild costs 0.1–0.7 s), collects once each rebuild's site is up, and puts
    collection back as it was on stop."""
    import gc
    import generator.build as B
    collected = []
    monkeypatch.setattr(gc, "collect", lambda *a: collected.append(gc.isenabled()) or 0)
    before = gc.isenabled()  # off already while the module's shared watch server runs
    with running(sample_site) as app:
        assert not gc.isenabled()
        events = EventStream(app.port)
        try:
            first = events.wait(lambda s: True)
            B.wait_for_saves()
            before_edit = len(collected)
            page = sorted(app.config.content_path.rglob("*.txt"))[0]
            page.write_text(page.read_text(encoding="utf-8") + "\n\n补记一段。\n", encoding="utf-8")
            events.wait(lambda s: s["version"] > first["version"])
            B.wait_for_saves()
            assert len(collected) == before_edit + 1 and not any(collected)
        finally:
            events.close()
    assert gc.isenabled() == before


# ------------------------------------------------------------- browser

@pytest.mark.browser
def test_browser_tab_reloads_shows_overlay_and_recovers(live, page):
    from playwright.sync_api import expect

    app = live
    sample_site = app.config.root
    original = None
    try:
        url, source = find_article(app)
        original = source.read_text(encoding="utf-8")
        page.goto(f"http://127.0.0.1:{app.port}{url}")
        # the live-reload script has heard from the server
        page.wait_for_function("() => window.__banmianLive !== undefined", timeout=TIMEOUT * 1000)
        page.evaluate("() => { window.__notReloaded = true; }")

        marker = "BROWSERMARK5521"
        source.write_text(marked_edit(app, url, source, marker), encoding="utf-8")
        page.wait_for_function("() => !window.__notReloaded", timeout=TIMEOUT * 1000)
        expect(page.locator("body")).to_contain_text(marker, timeout=TIMEOUT * 1000)

        page.evaluate("() => { window.__notReloaded = true; }")
        source.write_text(BROKEN_FRONT_MATTER + original, encoding="utf-8")
        overlay = page.locator("#banmian-error-overlay")
        expect(overlay).to_be_visible(timeout=TIMEOUT * 1000)
        expect(overlay).to_contain_text(f"{source.relative_to(sample_site).as_posix()}:2")
        assert page.evaluate("() => window.__notReloaded") is True  # an error does not reload the tab

        source.write_text(original, encoding="utf-8")
        expect(overlay).to_have_count(0, timeout=TIMEOUT * 1000)
        expect(page.locator("body")).not_to_contain_text(marker, timeout=TIMEOUT * 1000)
    finally:
        if original is not None and source.read_text(encoding="utf-8") != original:
            source.write_text(original, encoding="utf-8")


# ------------------------------------------------------------ command line

def test_cli_serve_watch_starts_and_stops_cleanly_on_ctrl_c(sample_site):
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               PYTHONUNBUFFERED="1")
    # (Ctrl-C as a terminal sends it: a shell script's `… &` starts its jobs, and so these
    # tests and their children, with SIGINT ignored, and Python then never sees it)
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--watch", "--port", "0"],
                            cwd=sample_site, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l) for l in proc.stdout], daemon=True).start()
    try:
        deadline, url, seen = time.monotonic() + TIMEOUT, None, []
        while url is None:
            line = lines.get(timeout=max(deadline - time.monotonic(), 0.1))
            seen.append(line)
            m = re.search(r"on (http://127\.0\.0\.1:(\d+)/)", line)
            if m:
                url, port = m.group(1), int(m.group(2))
        status, headers, body = request(port, "/")
        assert status == 200 and b"__banmian/livereload.js" in body
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=TIMEOUT) == 0
        assert not (sample_site / "_site").exists()  # serve never replaces the real build
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_only_theme_stylesheet_changes_hot_swap(live):
    themes = live.config.root / "themes"
    assert live._css_only([str(themes / "default" / "static" / "style.css")])
    assert not live._css_only([str(themes / "default" / "templates" / "base.html")])
    assert not live._css_only([str(themes / "default" / "static" / "style.css"),
                               str(live.config.content_path / "2022-07-15" / "01.txt")])
    assert not live._css_only([])
