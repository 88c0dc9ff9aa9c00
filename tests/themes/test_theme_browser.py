"""The default theme in a real browser (Debian Chromium via Python playwright).

The sample edition (built once per session) is served by http.server on a free
127.0.0.1 port. Screenshots of home, an issue, a page and an article at 375 px
and 1280 px go to test-artifacts/themes/ (gitignored). axe-core, from
tests/node/node_modules (`cd tests/node && npm ci`), must report no serious or
critical violation. Article and slug names are discovered from the built site.
"""
from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import REPO
from static_server import SiteServer

pytestmark = pytest.mark.browser

ARTIFACTS = REPO / "test-artifacts" / "themes"
AXE_CANDIDATES = [REPO / "tests" / "node" / "node_modules" / "axe-core" / "axe.min.js",
                  REPO / "node_modules" / "axe-core" / "axe.min.js"]
WIDTHS = (375, 1280)


@pytest.fixture(scope="module")
def site_url(built_sample):
    with SiteServer(built_sample) as srv:
        yield srv.base_url


@pytest.fixture(scope="module")
def targets(built_sample) -> dict[str, str]:
    """Site paths of home, an issue, a page and an article, found in the built site."""
    articles = sorted(built_sample.glob("????-??-??/??/*/index.html"))
    assert articles, "the sample edition has no article pages"
    # the page with the most articles, its first article, and an issue other than the latest
    by_page: dict[Path, list[Path]] = {}
    for a in articles:
        by_page.setdefault(a.parent.parent, []).append(a)
    page_dir = max(by_page, key=lambda p: (len(by_page[p]), p.as_posix()))
    issues = sorted(p.parent for p in built_sample.glob("????-??-??/index.html"))
    rel = lambda p: p.relative_to(built_sample).as_posix() + "/"
    return {"home": "", "issue": rel(issues[0]), "page": rel(page_dir),
            "article": rel(by_page[page_dir][0].parent), "archive": "archive/"}


def _axe_path() -> Path:
    for p in AXE_CANDIDATES:
        if p.is_file():
            return p
    msg = "axe-core not installed: run `cd tests/node && npm ci`"
    if os.environ.get("CI"):
        pytest.fail(msg)
    pytest.skip(msg)


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_and_no_horizontal_overflow(browser, site_url, targets, width):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        for name in ("home", "issue", "page", "article"):
            resp = page.goto(site_url + targets[name])
            assert resp and resp.ok, (name, targets[name])
            assert page.evaluate("document.documentElement.lang") == "zh-CN"
            page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}px"
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_reports_no_serious_or_critical_violations(browser, site_url, targets, scheme):
    axe = _axe_path()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    found = {}
    try:
        page = context.new_page()
        names = ["home", "issue", "page", "article", "archive", "404"] if scheme == "light" else ["article", "page"]
        for name in names:
            page.goto(site_url + (targets[name] if name != "404" else "404.html"))
            page.add_script_tag(path=str(axe))
            result = page.evaluate("""async () => {
                const r = await axe.run(document, {resultTypes: ['violations']});
                return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                              nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
            }""")
            bad = [v for v in result if v["impact"] in ("serious", "critical")]
            if bad:
                found[name] = bad
    finally:
        context.close()
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


def test_article_json_ld_names_the_headline(page, site_url, targets):
    page.goto(site_url + targets["article"])
    raw = page.locator('script[type="application/ld+json"]').text_content()
    ld = json.loads(raw)
    assert ld["@type"] == "NewsArticle"
    assert ld["headline"] == page.locator("h1").inner_text().strip()
    assert ld["isPartOf"]["@type"] == "PublicationIssue" and ld["datePublished"]
    assert page.locator('link[rel="canonical"]').get_attribute("href") == ld["url"]
    # the source line names the paper, date and page: 《报名》YYYY年MM月DD日 第NN版
    source = page.locator(".source").inner_text()
    assert source.startswith("《") and "年" in source and "第" in source and "版" in source
    # 返回本版 goes to the page
    page.get_by_role("link", name="返回本版").click()
    page.wait_for_load_state()
    assert page.url.rstrip("/").endswith(targets["page"].rstrip("/"))


def test_skip_link_and_focus_are_visible(page, site_url, targets):
    page.goto(site_url + targets["article"])
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box and box["y"] >= 0  # on screen once focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_print_stylesheet_hides_navigation(page, site_url, targets):
    page.goto(site_url + targets["article"])
    page.emulate_media(media="print")
    for sel in (".sidebar", ".pager", ".topbar", ".site-footer"):
        assert page.locator(sel).first.evaluate("e => getComputedStyle(e).display") == "none", sel
    assert page.locator(".article-body").is_visible()
    page.emulate_media(media="screen")


def test_feed_and_sitemap_parse(built_sample):
    feed = ET.parse(built_sample / "feed.xml").getroot()
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert entries and all(e.find("{http://www.w3.org/2005/Atom}link").get("href").startswith("http")
                           for e in entries)
    urlset = ET.parse(built_sample / "sitemap.xml").getroot()
    assert urlset.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset" and len(urlset) > len(entries)
