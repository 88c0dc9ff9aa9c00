"""Search in a real browser: the built sample edition served over HTTP under a
sub-path, queries typed the way readers type them, the right article in the
top 3. Expected articles are found by their content, not by their titles (the
reconstruction engine decides titles)."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from conftest import REPO
from search_support import serve  # noqa: F401  (fixture)

from generator import urls
from generator.build import load_edition
from generator.config import load_config
from generator.search import body_text

pytestmark = pytest.mark.browser
SUB = "edition/"


@pytest.fixture(scope="module")
def site(built_sample, serve, tmp_path_factory):
    root = tmp_path_factory.mktemp("served")
    (root / SUB.rstrip("/")).symlink_to(built_sample, target_is_directory=True)
    return serve(root) + SUB


@pytest.fixture(scope="module")
def articles():
    edition = load_edition(load_config(REPO / "banmian.toml"))
    out = []
    for issue in edition.issues:
        for page in issue.pages:
            for item in page.articles:
                head = "".join(x or "" for x in (item.title, item.kicker, item.subtitle, item.byline))
                out.append({"path": urls.item_path(issue, page, item), "issue": issue.key,
                            "head": re.sub(r"\s+", "", head),
                            "text": re.sub(r"\s+", "", head + "\n".join(p.text for p in item.paragraphs)),
                            "body": body_text(item), "lead": item.lead})
    return out


def best_article(articles, word):
    """The article that is most about `word`: most occurrences, headline counting five times."""
    scored = [(a["text"].count(word) + 5 * a["head"].count(word), a["path"]) for a in articles]
    score, path = max(scored)
    assert score > 0, f"no article contains {word}"
    return path


def run_search(page, site, query):
    page.goto(site + "search/?q=" + quote(query))
    page.wait_for_selector("#search-results[data-state=done]", timeout=15000)
    return page.eval_on_selector_all("#search-results a", "els => els.map(e => e.getAttribute('href'))")


@pytest.mark.parametrize("query,word", [
    ("思想道德建设", "思想道德建设"),   # split across a column break in the page text
    ("怀柔", "怀柔"),
    ("huairou", "怀柔"),                # pinyin
    ("格尔木", "格尔木"),
    ("geermu", "格尔木"),
    ("背街小巷", "背街小巷"),
    ("杨澜", "杨澜"),                   # a byline
    ("门头沟", "门头沟"),
])
def test_query_finds_article_in_top3(page, site, articles, query, word):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    hrefs = run_search(page, site, query)
    expected = "/" + SUB + best_article(articles, word)
    assert expected in hrefs[:3], f"{query}: {expected} not in {hrefs[:3]}"
    # result markup: date, 版, highlighted snippet or title
    first = page.locator("#search-results .search-hit").first
    assert re.search(r"\d{4}年\d{2}月\d{2}日 · 第\d{2}版", first.inner_text())
    assert page.locator("#search-results mark").count() > 0
    assert requests and all(u.startswith(site.split(SUB)[0]) for u in requests), requests


def test_keyboard_navigation_and_link_under_subpath(page, site):
    hrefs = run_search(page, site, "文明")
    assert len(hrefs) >= 3
    page.focus("#search-input")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == hrefs[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == hrefs[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "search-input"
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(hrefs[0]) and "/" + SUB in page.url
    assert page.locator("h1").count() >= 1 and "404" not in page.title()


def test_typing_in_the_search_page_and_header_box(page, site, articles):
    page.goto(site)
    box = page.locator("form[role=search] input[name=q]").first
    box.fill("格尔木")
    box.press("Enter")
    page.wait_for_selector("#search-results[data-state=done]", timeout=15000)
    assert "/" + SUB + "search/" in page.url
    hrefs = page.eval_on_selector_all("#search-results a", "els => els.map(e => e.getAttribute('href'))")
    assert "/" + SUB + best_article(articles, "格尔木") in hrefs[:3]
    page.fill("#search-input", "huai rou")
    page.press("#search-input", "Enter")
    page.wait_for_function("new URL(location.href).searchParams.get('q') === 'huai rou'")
    page.wait_for_selector("#search-results[data-state=done]")
    hrefs = page.eval_on_selector_all("#search-results a", "els => els.map(e => e.getAttribute('href'))")
    assert "/" + SUB + best_article(articles, "怀柔") in hrefs[:3]


def test_older_issue_bodies_load_on_request(page, site, articles):
    latest = max(a["issue"] for a in articles)
    heads = "".join(a["head"] + a["lead"] for a in articles)
    latest_bodies = "".join(a["body"] for a in articles if a["issue"] == latest)
    word = target = None
    for a in sorted(articles, key=lambda a: a["issue"]):
        if a["issue"] == latest:
            continue
        for m in re.finditer(r"[\u4e00-\u9fff]{4}", a["body"]):
            w = m.group()
            if w not in heads and w not in latest_bodies and sum(w in b["body"] for b in articles) == 1:
                word, target = w, a["path"]
                break
        if word:
            break
    assert word, "no body-only word in an older issue"
    hrefs = run_search(page, site, word)
    assert "/" + SUB + target not in hrefs
    page.click("button[data-more=issues]")
    page.wait_for_function(
        "[...document.querySelectorAll('#search-results a')].some(a => a.getAttribute('href') === %r)"
        % ("/" + SUB + target), timeout=15000)
