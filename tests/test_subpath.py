"""The built site works under a sub-path, served over real HTTP (issue #7).

The sample edition is built with `--base-url http://127.0.0.1:PORT/edition/`,
served under /edition/ by a real HTTP server (and, separately, at /), and
crawled from the home page: every page, asset, feed and sitemap URL must load
and no link may leave the base path. Chromium then loads pages with the CSP
from netlify.toml enforced, and runs the search page there.
"""
from __future__ import annotations

import re
import tomllib
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import quote, unquote, urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest

from conftest import REPO
from static_server import SiteServer

SEARCH_WORD = "文明"


def netlify_global_headers() -> dict[str, str]:
    """The headers netlify.toml sends on every path (its `/*` rule): CSP and friends."""
    conf = tomllib.loads((REPO / "netlify.toml").read_text(encoding="utf-8"))
    for rule in conf.get("headers", []):
        if rule["for"] == "/*":
            return {k: str(v) for k, v in rule["values"].items()}
    return {}


@dataclass
class Served:
    base_url: str
    prefix: str
    out: Path
    built_for: str = ""  # the base URL the site was built for, when not base_url


@pytest.fixture(scope="module")
def edition_site(tmp_path_factory):
    """The sample edition built for http://127.0.0.1:PORT/edition/ and served there."""
    from generator.build import build
    from generator.config import load_config

    out = tmp_path_factory.mktemp("subpath") / "_site"
    server = SiteServer(out, "/edition/", netlify_global_headers())  # bound first: the build needs its port
    build(load_config(REPO / "banmian.toml", base_url=server.base_url), out)
    with server:
        yield Served(base_url=server.base_url, prefix="/edition/", out=out)


@pytest.fixture(scope="module")
def root_site(built_sample):
    """The session's sample build (base_url http://127.0.0.1:8000/) served at / on a free port.

    Its absolute URLs (feed, sitemap) name port 8000: the crawl maps them here.
    """
    with SiteServer(built_sample, "/", netlify_global_headers()) as server:
        yield Served(base_url=server.base_url, prefix="/", out=built_sample,
                     built_for=load_base_url())


def load_base_url() -> str:
    from generator.config import load_config

    return load_config(REPO / "banmian.toml").base_url


# --- crawling ---------------------------------------------------------------

# Attributes that name a URL the browser loads or the reader follows.
URL_ATTRS = {"href", "src", "action", "poster", "data"}
# Tags whose URL is fetched as a resource (not a link a reader clicks).
RESOURCE_TAGS = {"link", "script", "img", "source", "video", "audio", "iframe", "embed", "object", "track"}


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (tag, url)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in URL_ATTRS:
                self.links.append((tag, value.strip()))
            elif name == "srcset":
                for part in value.split(","):
                    if part.strip():
                        self.links.append((tag, part.split()[0]))
            elif name in ("id", "name") and tag != "input":
                self.ids.add(value)


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
XML_URL = re.compile(r"""<loc>\s*([^<\s]+)\s*</loc>|\bhref="([^"]+)\"""")


@dataclass
class Crawl:
    base_url: str
    pages: set[str] = field(default_factory=set)
    assets: set[str] = field(default_factory=set)
    broken: list[str] = field(default_factory=list)     # "from -> url (status)"
    escaped: list[str] = field(default_factory=list)    # same host, outside the base path
    external: list[str] = field(default_factory=list)   # other hosts
    fragments: list[tuple[str, str, str]] = field(default_factory=list)  # (from, page, id)
    ids: dict[str, set[str]] = field(default_factory=dict)

    def missing_fragments(self) -> list[str]:
        return [f"{src} -> {page}#{frag}" for src, page, frag in self.fragments
                if page in self.ids and frag not in self.ids[page]]


def fetch(url: str) -> tuple[int, str, str, bytes]:
    """(status, final URL, content type, body), following redirects like a browser."""
    try:
        with urlopen(url, timeout=10) as resp:
            return resp.status, resp.geturl(), resp.headers.get("Content-Type", ""), resp.read()
    except HTTPError as e:
        return e.code, url, e.headers.get("Content-Type", ""), e.read()


def crawl(base_url: str, start: list[str] | None = None, alias: str = "") -> Crawl:
    """Every URL reachable from the home page (and robots.txt), breadth first.

    Absolute URLs starting with `alias` (the base URL the site was built for,
    when it is served elsewhere) are taken as URLs under `base_url`.
    """
    base = urlsplit(base_url)
    result = Crawl(base_url)
    seen: set[str] = set()
    queue: deque[tuple[str, str, bool]] = deque()  # (url, found on, is resource)

    def add(link: str, here: str, resource: bool) -> None:
        if not link or link.startswith(("mailto:", "tel:", "data:")):
            return
        if link.startswith("javascript:"):
            result.broken.append(f"{here} -> {link} (javascript: URL)")
            return
        absolute = urljoin(here, link)
        if alias and alias != base_url and absolute.startswith(alias):
            absolute = base_url + absolute[len(alias):]
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https"):
            return
        if parts.netloc != base.netloc:
            result.external.append(f"{here} -> {absolute}" + (" (resource)" if resource else ""))
            return
        if not parts.path.startswith(base.path):
            result.escaped.append(f"{here} -> {link}")
            return
        url, frag = urldefrag(absolute)
        if frag:
            result.fragments.append((here, url, frag))
        if url not in seen:
            seen.add(url)
            queue.append((url, here, resource))

    for url in start or [base_url, urljoin(base_url, "robots.txt")]:
        add(url, base_url, False)
    while queue:
        url, found_on, _ = queue.popleft()
        status, final, ctype, body = fetch(url)
        if status != 200:
            result.broken.append(f"{found_on} -> {url} ({status})")
            continue
        if not urlsplit(final).path.startswith(base.path):
            result.escaped.append(f"{found_on} -> {url} (redirected to {final})")
            continue
        text = body.decode("utf-8", "replace")
        if "text/html" in ctype:
            result.pages.add(url)
            parser = PageParser()
            parser.feed(text)
            result.ids[url] = parser.ids
            for tag, link in parser.links:
                add(link, final, tag in RESOURCE_TAGS)
        else:
            result.assets.add(url)
            if "css" in ctype:
                for m in CSS_URL.finditer(text):
                    add(m.group(1) or m.group(2), final, True)
            elif "xml" in ctype or url.endswith(".xml"):
                for m in XML_URL.finditer(text):
                    add((m.group(1) or m.group(2)).replace("&amp;", "&"), final, False)
            elif url.endswith("robots.txt"):
                for line in text.splitlines():
                    key, _, value = line.partition(":")
                    if key.strip().lower() == "sitemap":
                        add(value.strip(), final, False)
    return result


def check_crawl(site: Served) -> Crawl:
    c = crawl(site.base_url, alias=site.built_for)
    assert not c.broken, "broken links:\n" + "\n".join(c.broken)
    assert not c.escaped, f"links escaping {site.prefix}:\n" + "\n".join(c.escaped)
    foreign = [e for e in c.external if e.endswith("(resource)")]
    assert not foreign, "resources from other hosts:\n" + "\n".join(foreign)
    assert not c.missing_fragments(), "links to missing #ids:\n" + "\n".join(c.missing_fragments())
    # Everything the build wrote as a page is reachable (no orphan pages).
    html = {p.relative_to(site.out).as_posix() for p in site.out.rglob("*.html")}
    crawled = {unquote(urlsplit(u).path[len(site.prefix):]) for u in c.pages}
    crawled = {(p + "index.html") if (p.endswith("/") or not p) else p for p in crawled}
    # 404.html is served at unknown URLs; report/ is the editors' page (robots.txt: Disallow)
    unreached = sorted(p for p in html - crawled if p != "404.html" and not p.startswith("report/"))
    assert not unreached, f"pages never linked from the home page: {unreached}"
    for must in ("feed.xml", "sitemap.xml"):
        assert site.base_url + must in c.assets, f"{must} not reached by the crawl"
    assert any("/static/" in a for a in c.assets), "no theme asset reached"
    return c


def test_crawl_under_edition_subpath(edition_site):
    c = check_crawl(edition_site)
    print(f"\nsub-path crawl {edition_site.base_url}: {len(c.pages)} pages, "
          f"{len(c.assets)} assets, 0 broken")


def test_crawl_at_root(root_site):
    c = check_crawl(root_site)
    print(f"\nroot crawl {root_site.base_url}: {len(c.pages)} pages, {len(c.assets)} assets, 0 broken")


def test_feed_and_sitemap_use_the_base_url(edition_site):
    for name in ("feed.xml", "sitemap.xml", "robots.txt"):
        status, _, _, body = fetch(edition_site.base_url + name)
        assert status == 200
        text = body.decode("utf-8")
        urls = re.findall(r"https?://[^\s\"'<]+", text)
        own = [u for u in urls if "127.0.0.1" in u]
        assert own, f"{name} has no absolute URLs of the site"
        bad = [u for u in own if not u.startswith(edition_site.base_url)]
        assert not bad, f"{name} has URLs outside the base URL: {bad}"


def test_404_page_works_at_any_depth(edition_site):
    """A missing URL deep under /edition/ gets 404.html, and its links and assets load."""
    missing = edition_site.base_url + "2099-01-01/09/no-such-article/"
    status, _, _, body = fetch(missing)
    assert status == 404
    parser = PageParser()
    parser.feed(body.decode("utf-8"))
    assert parser.links, "404 page has no links"
    c = crawl(edition_site.base_url, start=[urljoin(missing, link) for _, link in parser.links
                                             if not link.startswith("#")])
    assert not c.broken and not c.escaped, c.broken + c.escaped


def test_nothing_outside_the_prefix_is_served(edition_site):
    root = edition_site.base_url[: -len(edition_site.prefix)] + "/"
    assert fetch(root)[0] == 404
    assert fetch(root + "index.html")[0] == 404


# --- in a real browser, with the netlify.toml CSP enforced --------------------

class BrowserWatch:
    """Collects CSP violations, script errors, failed loads and off-prefix requests."""

    def __init__(self, page, site: Served):
        self.problems: list[str] = []
        self.site = site
        page.on("console", self.on_console)
        page.on("pageerror", lambda err: self.problems.append(f"script error: {err}"))
        page.on("request", self.on_request)
        page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url} {r.failure}"))
        page.on("response", self.on_response)
        self.expect_404: set[str] = set()

    def on_console(self, msg):
        text = msg.text
        if "Content Security Policy" in text or "Refused to" in text:
            self.problems.append(f"CSP: {text}")
        elif msg.type == "error" and "404" not in text:
            self.problems.append(f"console error: {text}")

    def on_request(self, req):
        url = req.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        if not url.startswith(self.site.base_url):
            self.problems.append(f"request outside {self.site.base_url}: {url}")

    def on_response(self, resp):
        if resp.status >= 400 and resp.url not in self.expect_404:
            self.problems.append(f"HTTP {resp.status}: {resp.url}")


@pytest.mark.browser
def test_pages_satisfy_csp_in_chromium(edition_site, page):
    """Home, an article, the archive, search and a 404 under /edition/ with the CSP on."""
    watch = BrowserWatch(page, edition_site)
    article = next(p for p in sorted(edition_site.out.glob("*/*/*/index.html")))
    paths = ["", article.parent.relative_to(edition_site.out).as_posix() + "/", "archive/",
             "search/", "no/such/page/"]
    watch.expect_404.add(edition_site.base_url + "no/such/page/")
    for path in paths:
        page.goto(edition_site.base_url + path, wait_until="load")
        # the stylesheet really applied (a blocked or missing CSS leaves the default font size)
        sheets = page.evaluate("document.styleSheets.length")
        assert sheets >= 1, f"no stylesheet loaded on {path or 'home'}"
    page.wait_for_timeout(200)
    assert not watch.problems, "\n".join(watch.problems)


def search_pending(out: Path) -> bool:
    """True while the search stage (issue #4) has not landed: no script on the search page."""
    return b"<script" not in (out / "search" / "index.html").read_bytes()


@pytest.mark.browser
def test_search_works_under_edition(edition_site, page):
    watch = BrowserWatch(page, edition_site)
    url = edition_site.base_url + "search/?q=" + quote(SEARCH_WORD)
    try:
        page.goto(url, wait_until="load")
        page.wait_for_selector("#search-results a", timeout=8000)
        hrefs = page.eval_on_selector_all("#search-results a", "els => els.map(e => e.href)")
        assert hrefs, f"no results for {SEARCH_WORD}"
        for href in hrefs:
            assert href.startswith(edition_site.base_url), f"result link escapes /edition/: {href}"
            assert fetch(href)[0] == 200, f"result link is broken: {href}"
        assert not watch.problems, "\n".join(watch.problems)
    except Exception as e:
        if search_pending(edition_site.out):
            pytest.xfail(f"search stage (issue #4) not landed yet: {type(e).__name__}")
        raise
