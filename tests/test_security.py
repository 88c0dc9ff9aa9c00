"""Safe output: hostile text in page files, issue and site metadata never executes.

Payloads go into titles, subtitles, bylines, paragraphs, page names, issue
title/notes and the site title, in a .txt page and a Markdown (.md) page with raw
HTML. The built site is served over HTTP and every HTML page is opened in
headless Chromium (and the search page with queries that hit the payloads):
no dialog may fire. Plus unit checks of json_script and of slugs.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO
from static_server import SiteServer
from generator.build import build
from generator.config import load_config
from generator.render import json_script
from generator.slugs import slugify, unique_slugs

S1 = "<script>alert(1)</script>"
S2 = '"><img src=x onerror=alert(1)>'
S3 = "'><svg onload=alert(1)>"
S4 = "</script><script>alert(1)</script><!--"

PAGE_TXT = f"""+++
name = '要闻{S2}'
+++
{S1}聚焦民生小事{S2}回应百姓关切

——{S1}北京怀柔区创建全国文明城区{S2}

本报记者 {S2}杨澜 {S1}张嘉哲

本报讯 近日,{S1}北京市怀柔区聚焦群众“急难愁盼”问题,{S2}扎实推进为民办实事。{S3}

全区各街道乡镇{S4}深入开展文明城区创建工作,群众满意度持续提升。{S2}

图为志愿者在社区服务。{S1} 本报记者 {S2}周训超 摄
"""

PAGE_MD = f"""+++
name = "专题"
+++
# 文明风起满眼新{S1}

## ——甘肃白银全力推动{S2}

白银宣 {S3}

<script>alert(1)</script>

<img src=x onerror=alert(1)>

<div onmouseover="alert(1)" style="position:fixed;inset:0">近年来,甘肃省白银市顺应经济社会发展的大趋势。</div>

[点击这里](javascript:alert(1)) 与 <a href="javascript:alert(1)">链接</a>,奋力争创全国文明城市。

### ◎ 重高效{S2}

> 数说:{S1}“十个100”文明实践志愿服务示范活动。
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("xss")
    site = root / "site"
    issue = site / "content" / "2022-07-15"
    issue.mkdir(parents=True)
    (site / "banmian.toml").write_text(
        'title = "晚报</title><script>alert(1)</script>"\n'
        'description = "\\"><img src=x onerror=alert(1)>"\n'
        'publisher = "<script>alert(1)</script>"\nbase_url = "http://127.0.0.1:8000/"\n', encoding="utf-8")
    (issue / "issue.toml").write_text(
        f"number = 1\ntitle = '{S1}'\nnotes = '{S2}'\n", encoding="utf-8")
    (issue / "01.txt").write_text(PAGE_TXT, encoding="utf-8")
    (issue / "02.md").write_text(PAGE_MD, encoding="utf-8")
    # a second issue from the sample edition so prev/next, archive and search have content
    shutil.copytree(REPO / "content" / "2021-04-16", site / "content" / "2021-04-16")
    out = root / "out"
    build(load_config(site / "banmian.toml"), out, jobs=1, cache=False)
    return out


def html_files(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))


def test_payloads_are_escaped_in_every_file(hostile_site):
    files = [p for p in hostile_site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml")]
    # (search/*.json hold the raw text as JSON data, not markup: the browser test below
    #  checks that search.js shows it as text)
    assert files
    for p in files:
        text = p.read_text(encoding="utf-8")
        for raw in ("<script>alert", "<img src=x", "<svg onload", "onerror=alert(1)>", "<div onmouseover"):
            assert raw not in text, (p, raw)
        if p.suffix == ".html":
            assert 'href="javascript:' not in text.lower(), p
            # every <script> element's body is code or JSON we wrote, never content
            for body in re.findall(r"<script\b[^>]*>(.*?)</script>", text, re.S):
                assert "alert(1)" not in body or "\\u003c" in body, (p, body[:200])


def test_payload_text_is_still_shown(hostile_site):
    html = "".join((hostile_site / p).read_text(encoding="utf-8") for p in html_files(hostile_site))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text, not dropped
    assert "聚焦民生小事" in html and "甘肃白银全力推动" in html


@pytest.fixture(scope="module")
def server(hostile_site):
    with SiteServer(hostile_site) as srv:
        yield srv.base_url


@pytest.mark.browser
def test_nothing_executes_in_chromium(hostile_site, server, page):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    page.add_init_script("window.__xss = 0; for (const f of ['alert','confirm','prompt']) "
                         "{ const o = window[f]; window[f] = function(m) { window.__xss++; return o.call(window, m); }; }")
    urls = [server + (p[:-len("index.html")] if p.endswith("index.html") else p) for p in html_files(hostile_site)]
    urls += [server + "search/?q=" + q for q in ("script", "alert", "聚焦民生", "img", "onerror", "%3Cscript%3E")]
    assert len(urls) > 10
    for url in urls:
        page.goto(url, wait_until="load")
        page.wait_for_timeout(50)
        if "/search/" in url:
            page.wait_for_timeout(400)  # results render after the index loads
        for el in page.query_selector_all("a[href], [onmouseover], [onclick]"):
            href = (el.get_attribute("href") or "").strip().lower()
            assert not href.startswith("javascript:"), (url, href)
        assert page.evaluate("window.__xss") == 0, url
    assert dialogs == []


def test_json_script_cannot_close_its_script():
    value = {"a": S4, "b": "<!--<script>", "c": "\u2028\u2029&"}
    text = str(json_script(value))
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    import json
    assert json.loads(text) == value


@pytest.mark.parametrize("title", ["../../etc/passwd", "..", ".", "/", "\\..\\", "%2e%2e%2f", "CON", "a/../b",
                                   "\x00", "", "   ", "？！……", S1, S2, "ＡＢＣ", "Ελληνικά", "🎉🎉"])
def test_slugs_stay_inside_the_output_folder(title):
    slug = slugify(title)
    assert re.fullmatch(r"[a-z0-9-]*", slug), slug
    assert ".." not in slug and "/" not in slug
    [unique] = unique_slugs([title])
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", unique), unique


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.lists(st.text(max_size=40), max_size=8))
def test_fuzz_slugs_are_safe_unique_and_non_empty(titles):
    slugs = unique_slugs(titles)
    assert len(slugs) == len(titles) == len(set(slugs))
    for s in slugs:
        assert s and re.fullmatch(r"[a-z0-9-]+", s) and not s.startswith("-"), s
