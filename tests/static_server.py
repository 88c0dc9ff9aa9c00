"""A real HTTP server for built sites in tests: a thread on a free 127.0.0.1 port."""
from __future__ import annotations

import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under `prefix` only, like a static host.

    Anything outside the prefix is a 404; a missing file inside it gets the
    site's 404.html with status 404 (as GitHub Pages and Netlify do).
    """

    prefix = "/"
    extra_headers: dict[str, str] = {}

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if not url_path.startswith(self.prefix):
            return str(Path(self.directory) / ".outside-prefix" / "none")
        return super().translate_path("/" + url_path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        inside = urlsplit(self.path).path.startswith(self.prefix)
        if code == 404 and inside and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # keep test output quiet
        pass


class SiteServer:
    """A real HTTP server in a thread on a free 127.0.0.1 port, serving `out` under `prefix`."""

    def __init__(self, out: Path, prefix: str = "/", headers: dict[str, str] | None = None):
        handler = type("Handler", (SiteHandler,), {"prefix": prefix, "extra_headers": headers or {}})
        self.server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), lambda *a, **kw: handler(*a, directory=str(out), **kw))
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}{prefix}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
