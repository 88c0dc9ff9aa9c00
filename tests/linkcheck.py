"""A link checker over a built site on disk: every internal href/src must resolve."""
from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def page_url(site: Path, html: Path, base_url: str) -> str:
    rel = html.relative_to(site).as_posix()
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return urljoin(base_url, rel)


def resolve(site: Path, url: str, base_url: str) -> Path | None:
    """The file a URL of the site maps to, or None when it is not under base_url."""
    path = urlsplit(url).path
    base = urlsplit(base_url).path
    if not path.startswith(base):
        return None
    rel = unquote(path[len(base):])
    rel = posixpath.normpath(rel) if rel else ""
    target = site / rel if rel not in ("", ".") else site
    return target / "index.html" if target.is_dir() or path.endswith("/") else target


def broken_links(site: Path, base_url: str) -> tuple[int, list[str]]:
    """(links checked, broken 'page -> link' strings) for every HTML file of the site."""
    host = urlsplit(base_url).netloc
    checked, broken = 0, []
    for html in sorted(site.rglob("*.html")):
        # 404.html is served at arbitrary URLs; its links are absolute paths
        here = base_url if html.name == "404.html" else page_url(site, html, base_url)
        parser = _Links()
        parser.feed(html.read_text(encoding="utf-8"))
        for link in parser.links:
            if link.startswith(("mailto:", "javascript:", "data:", "#")):
                continue
            absolute = urljoin(here, link)
            if urlsplit(absolute).netloc != host:
                broken.append(f"{html.relative_to(site)} -> {link} (external host)")
                continue
            checked += 1
            target = resolve(site, absolute, base_url)
            if target is None or not target.is_file():
                broken.append(f"{html.relative_to(site)} -> {link}")
    return checked, broken
