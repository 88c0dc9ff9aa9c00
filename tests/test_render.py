"""Rendering: the default theme's templates, metadata, helpers, overriding, assets.

Most tests render a small synthetic edition with every kind of item (引题, 副题,
作者, photo with credit, headings, callouts) so they do not depend on what the
reconstruction engine makes of the sample pages; a few read the built sample.
"""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.config import Config
from generator.errors import BanmianError
from generator.model import Edition, Issue, Item, Page, Paragraph, ReconstructionWarning
from generator.render import (Output, Renderer, archive_calendar, byline_names, json_script,
                              paper_name, photo_caption, photo_credit, plan_issue, plan_site)


# --- a synthetic edition -----------------------------------------------------------------

def _article(title, slug, **kw) -> Item:
    paras = kw.pop("paragraphs", None) or [Paragraph("p", f"{title}的第一段正文。"), Paragraph("p", "第二段。")]
    return Item(kind="article", title=title, slug=slug, paragraphs=paras, **kw)


def make_edition() -> Edition:
    p1 = Page(number=1, name="要闻", source=Path("01.txt"), items=[
        _article("凝聚最大合力", "ning-ju", kicker="文明创建进行时", subtitle="北京市朝阳区提升城区文明内涵",
                 byline="本报记者 杨澜 宋敏",
                 paragraphs=[Paragraph("p", "从2001年启动全国文明城市创建工作。"),
                             Paragraph("heading", "以“令”为纲"),
                             Paragraph("callout", "“三全”是指：全区统筹、全域创建、全面建设。"),
                             Paragraph("p", "朝阳区坚持问题导向 <b>不是标签</b> & 符号。")]),
        Item(kind="photo", credit="周训超 摄", paragraphs=[Paragraph("p", "连日来，黔西市开展养老保险政策宣传。")]),
        Item(kind="other", paragraphs=[Paragraph("p", "广告：某某银行")]),
        _article("人行彭州支行文明单位创建升格", "ren-hang"),
    ])
    p4 = Page(number=4, name="文明城市", source=Path("04.md"), items=[
        _article("文明风起满眼新", "wen-ming"),
        Item(kind="photo", credit="李明", paragraphs=[Paragraph("p", "榕江县迎来西瓜丰收季。")]),
    ])
    older = Issue(date=dt.date(2022, 5, 27), number=1258, pages=[
        Page(number=2, name=None, source=Path("02.txt"), items=[_article("立足首善", "li-zu")])])
    oldest = Issue(date=dt.date(2021, 4, 16), number=1203, pages=[
        Page(number=3, name="创建动态", source=Path("03.txt"), items=[_article("聚焦民生小事", "ju-jiao")])])
    latest = Issue(date=dt.date(2022, 7, 15), number=1265, pages=[p1, p4])
    return Edition(issues=[oldest, older, latest])


def make_config(tmp_path: Path, **kw) -> Config:
    kw.setdefault("title", "文明周报 · 数字报")
    kw.setdefault("publisher", "文明周报社")
    kw.setdefault("base_url", "https://example.org/edition/")
    return Config(root=tmp_path, **kw)


@pytest.fixture
def rendered(tmp_path) -> dict[str, str]:
    """path → HTML of every planned output of the synthetic edition."""
    edition = make_edition()
    renderer = Renderer(make_config(tmp_path))
    return {out.path: renderer.render(out).decode("utf-8") for out in plan_site(edition)}


class Tags(HTMLParser):
    """Collects start tags (name, attrs) and the text of the page."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data):
        self.text.append(data)

    def find(self, tag, **attrs) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())]

    def meta(self, key: str) -> str | None:
        for a in self.find("meta"):
            if a.get("property") == key or a.get("name") == key:
                return a.get("content")
        return None


ART = "2022-07-15/01/ning-ju/index.html"


def href(page: str, target: str) -> str:
    """The href attribute that links from output `page` to site path `target`."""
    from generator.urls import relative_url

    return f'href="{relative_url(target, page.removesuffix("index.html"))}"'



# --- every page ----------------------------------------------------------------------------

def test_every_page_has_lang_title_description_and_landmarks(rendered):
    assert "index.html" in rendered and ART in rendered and "archive/index.html" in rendered
    for path, html in rendered.items():
        assert html.startswith("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), path
        tags = Tags(html)
        assert tags.find("title") and re.search(r"<title>[^<\s][^<]*</title>", html), path
        assert tags.meta("description"), path
        assert tags.meta("og:title") and tags.meta("og:locale") == "zh_CN", path
        assert tags.find("main", id="main") and tags.find("header") and tags.find("footer"), path
        assert tags.find("a", href="#main"), f"{path}: no skip link"
        # exactly one stylesheet, fingerprinted
        css = [a["href"] for a in tags.find("link", rel="stylesheet")]
        assert any(re.search(r"static/style\.[0-9a-f]{10}\.css$", h) for h in css), path


def test_canonical_and_og_url_are_absolute_except_on_404(rendered):
    for path, html in rendered.items():
        tags = Tags(html)
        canon = tags.find("link", rel="canonical")
        if path == "404.html":
            assert not canon
            continue
        want = "https://example.org/edition/" + path.removesuffix("index.html")
        assert canon and canon[0]["href"] == want, path
        assert tags.meta("og:url") == want


def test_internal_links_are_relative_and_404_links_are_absolute_from_base_path(rendered):
    for path, html in rendered.items():
        tags = Tags(html)
        hrefs = [a.get("href", "") for t, a in tags.tags if t in ("a", "link") and a.get("href")]
        hrefs += [a["src"] for t, a in tags.tags if a.get("src")]
        hrefs += [a["action"] for t, a in tags.tags if t == "form"]
        for h in hrefs:
            if h.startswith(("https://example.org/", "#")):
                continue
            if path == "404.html":
                assert h.startswith("/edition/"), (path, h)
            else:
                assert not h.startswith(("/", "http:", "https:")), (path, h)


# --- masthead, issue, home -----------------------------------------------------------------

def test_masthead_shows_date_weekday_and_issue_number(rendered):
    html = rendered[ART]
    masthead = html[html.index('<header class="masthead">'):html.index("</header>")]
    assert "2022年07月15日" in masthead and "星期五" in masthead and "第1265期" in masthead
    assert ">文明周报</a>" in masthead  # the nameplate is the paper, without "数字报"


def test_home_is_the_latest_issue_contents(rendered):
    home = rendered["index.html"]
    assert "2022年07月15日" in home and "最新一期" in home
    for label, name in (("01", "要闻"), ("04", "文明城市")):
        assert href("index.html", f"2022-07-15/{label}/") in home and name in home
    assert href("index.html", "2022-07-15/01/ning-ju/") in home
    assert href("index.html", "2022-07-15/04/wen-ming/") in home
    assert "文明创建进行时" in home and "——北京市朝阳区提升城区文明内涵" in home
    assert "图片新闻 1 幅" in home
    assert "广告" not in home  # page furniture stays off the contents
    assert 'rel="prev" ' + href("index.html", "2022-05-27/") in home and "已是最新一期" in home


def test_issue_pages_link_previous_and_next_issue(rendered):
    m = "2022-05-27/index.html"
    middle = rendered[m]
    assert 'rel="prev" ' + href(m, "2021-04-16/") in middle
    assert 'rel="next" ' + href(m, "2022-07-15/") in middle
    f = "2021-04-16/index.html"
    assert "已是最早一期" in rendered[f] and 'rel="next" ' + href(f, "2022-05-27/") in rendered[f]


# --- page (版) -------------------------------------------------------------------------------

def test_page_has_pages_nav_toc_photos_and_prev_next(rendered):
    pg = "2022-07-15/01/index.html"
    html = rendered[pg]
    tags = Tags(html)
    nav = html[html.index('aria-label="版面导航"'):]
    nav = nav[:nav.index("</nav>")]
    assert href(pg, "2022-07-15/01/") + ' aria-current="page"' in nav and "第01版" in nav
    assert href(pg, "2022-07-15/04/") in nav and "第04版" in nav and "文明城市" in nav
    assert "本版目录" in html and href(pg, "2022-07-15/01/ning-ju/") in html
    assert href(pg, "2022-07-15/01/ren-hang/") in html
    assert "已是第一版" in html and 'rel="next" ' + href(pg, "2022-07-15/04/") in html
    caps = [c for c in re.findall(r"<figcaption>(.*?)</figcaption>", html, re.S)]
    assert len(caps) == 1 and "黔西市" in caps[0]
    assert '<span class="credit">周训超 摄</span>' in caps[0]  # not "周训超 摄 摄"
    assert "广告" not in html
    assert tags.find("section", id="photos")
    four = rendered["2022-07-15/04/index.html"]
    assert '<span class="credit">李明 摄</span>' in four
    assert 'rel="prev" ' + href("2022-07-15/04/index.html", "2022-07-15/01/") in four


# --- article ---------------------------------------------------------------------------------

def test_article_shape(rendered):
    html = rendered[ART]
    head = html[html.index('<header class="article-head">'):]
    head = head[:head.index("</header>")]
    order = [head.index(s) for s in ('class="kicker">文明创建进行时', "<h1", "——北京市朝阳区提升城区文明内涵",
                                      'class="byline">本报记者 杨澜 宋敏', "《文明周报》")]
    assert order == sorted(order)
    assert "《文明周报》<time datetime=\"2022-07-15\">2022年07月15日</time> 第01版" in head
    assert "<h2>以“令”为纲</h2>" in html
    assert '<p class="callout">' in html
    assert "&lt;b&gt;不是标签&lt;/b&gt; &amp; 符号" in html  # text is escaped, never markup
    assert "已是第一篇" in html
    assert 'rel="next" ' + href(ART, "2022-07-15/01/ren-hang/") in html
    assert '<a class="up" ' + href(ART, "2022-07-15/01/") + ">返回本版</a>" in html
    # 上一篇 crosses back to the previous page
    last = "2022-07-15/04/wen-ming/index.html"
    assert 'rel="prev" ' + href(last, "2022-07-15/01/ren-hang/") in rendered[last]
    assert "已是最后一篇" in rendered[last]
    # the sidebar lists this page's articles with the current one marked
    assert href(ART, "2022-07-15/01/ning-ju/") + ' aria-current="page">凝聚最大合力' in html


def test_article_metadata_and_json_ld(rendered):
    html = rendered[ART]
    tags = Tags(html)
    assert tags.meta("og:type") == "article"
    assert tags.meta("og:title") == "凝聚最大合力"
    assert tags.meta("description").startswith("从2001年启动")
    assert tags.meta("article:published_time") == "2022-07-15T00:00:00+08:00"
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    ld = json.loads(scripts[0])
    assert ld["@context"] == "https://schema.org" and ld["@type"] == "NewsArticle"
    assert ld["headline"] == "凝聚最大合力"
    assert ld["alternativeHeadline"] == "北京市朝阳区提升城区文明内涵"
    assert ld["author"] == [{"@type": "Person", "name": "杨澜"}, {"@type": "Person", "name": "宋敏"}]
    assert ld["datePublished"].startswith("2022-07-15")
    assert ld["url"] == ld["mainEntityOfPage"] == "https://example.org/edition/2022-07-15/01/ning-ju/"
    part = ld["isPartOf"]
    assert part["@type"] == "PublicationIssue" and part["issueNumber"] == "1265"
    assert part["url"] == "https://example.org/edition/2022-07-15/"
    assert part["isPartOf"] == {"@type": "Periodical", "name": "文明周报"}
    assert ld["articleSection"] == "要闻"
    # an article without byline credits the publisher
    ld2 = json.loads(re.findall(r'<script type="application/ld\+json">(.*?)</script>',
                                rendered["2022-07-15/01/ren-hang/index.html"], re.S)[0])
    assert ld2["author"]["name"] == "文明周报社" and "alternativeHeadline" not in ld2


def test_json_script_cannot_close_the_script_element():
    out = json_script({"t": "</script><!-- & \u2028"})
    assert "</" not in out and "<!--" not in out and "&" not in out and "\u2028" not in out
    assert json.loads(str(out)) == {"t": "</script><!-- & \u2028"}


# --- archive ---------------------------------------------------------------------------------

def test_archive_calendar_groups_by_year_and_month():
    years = archive_calendar(make_edition())
    assert [y["year"] for y in years] == [2022, 2021]
    assert [(m["year"], m["month"]) for m in years[0]["months"]] == [(2022, 7), (2022, 5)]
    july = years[0]["months"][0]
    assert all(len(week) == 7 for week in july["weeks"])
    days = [c for week in july["weeks"] for c in week if c]
    assert [c["day"] for c in days] == list(range(1, 32))
    assert july["weeks"][0][:4] == [None] * 4  # 2022-07-01 is a Friday (周五, 5th column)
    linked = [c for c in days if c["issue"]]
    assert [c["day"] for c in linked] == [15] and linked[0]["issue"].number == 1265


def test_archive_page_renders_a_calendar_per_month(rendered):
    html = rendered["archive/index.html"]
    assert html.count('<table class="cal">') == 3
    assert "2022年" in html and "2021年" in html and "7月" in html
    assert ("<a " + href("archive/index.html", "2022-07-15/") + ' aria-label="2022年07月15日 第1265期">15</a>') in html
    assert html.index("2022年7月") < html.index("2022年5月") < html.index("2021年4月")


def test_empty_edition_renders(tmp_path):
    renderer = Renderer(make_config(tmp_path))
    pages = {o.path: renderer.render(o).decode() for o in plan_site(Edition())}
    assert "还没有任何一期" in pages["index.html"] and "还没有任何一期" in pages["archive/index.html"]


# --- helpers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("byline, names", [
    ("杨澜 张嘉哲", ["杨澜", "张嘉哲"]), ("本报记者 杨澜、宋敏", ["杨澜", "宋敏"]),
    ("文/李明", ["李明"]), ("文静", ["文静"]), ("通讯员 周训超 摄", ["周训超"]), (None, []), ("", [])])
def test_byline_names(byline, names):
    assert byline_names(byline) == names


def test_photo_credit_and_paper_name(tmp_path):
    assert photo_credit("周训超") == "周训超 摄" and photo_credit("周训超 摄") == "周训超 摄"
    assert photo_credit("新华社供图") == "新华社供图" and photo_credit(None) == ""
    assert paper_name(make_config(tmp_path)) == "文明周报"
    assert paper_name(make_config(tmp_path, title="精神文明报")) == "精神文明报"
    assert paper_name(make_config(tmp_path, title="精神文明报电子版")) == "精神文明报"


def test_photo_caption_shows_the_credit_once():
    photo = lambda text, credit: Item(kind="photo", credit=credit, paragraphs=[Paragraph("p", text)])
    assert photo_caption(photo("西瓜丰收。 李长华 摄", "李长华摄")) == {"text": "西瓜丰收。", "credit": "李长华摄"}
    assert photo_caption(photo("宣传。", "周训超")) == {"text": "宣传。", "credit": "周训超 摄"}
    assert photo_caption(photo("宣传。", None)) == {"text": "宣传。", "credit": ""}


def test_plan_issue_lists_contents_pages_and_articles_in_order():
    edition = make_edition()
    outs = plan_issue(edition, edition.latest)
    assert [o.template for o in outs] == (["issue.html", "page.html", "page.html"] + ["article.html"] * 3
                                          + ["report_issue.html"])
    assert outs[-1].path == f"report/{edition.latest.key}/index.html"
    assert [o.template for o in plan_issue(edition, edition.latest, include_report=False)][-1] == "article.html"
    arts = [o for o in outs if o.template == "article.html"]
    assert [o.context["article"].slug for o in arts] == ["ning-ju", "ren-hang", "wen-ming"]
    assert arts[0].context["prev_article"] is None and arts[-1].context["next_article"] is None


def test_report_index_lists_issue_counts_and_links_each_issue_report(tmp_path):
    edition = make_edition()
    edition.latest.pages[0].warnings.append(ReconstructionWarning("orphan-fragment", 3, "孤立片段", line=12))
    renderer = Renderer(make_config(tmp_path))
    outs = {out.path: out for out in plan_site(edition)}
    render_one = lambda path: renderer.render(outs[path]).decode("utf-8")
    html = render_one("report/index.html")
    assert 'href="' in html and f'report/{edition.latest.key}/' in html
    assert 'class="has-warnings"' in html
    issue_html = render_one(f"report/{edition.latest.key}/index.html")
    assert "orphan-fragment" in issue_html and "第12行" in issue_html and "孤立片段" in issue_html
    assert "noindex" in issue_html


# --- theme overriding and assets -------------------------------------------------------------

def test_site_theme_overrides_single_files_and_falls_back_to_default(tmp_path):
    theme = tmp_path / "themes" / "mytheme"
    (theme / "templates").mkdir(parents=True)
    (theme / "static").mkdir()
    (theme / "templates" / "article.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1 class="mine">{{ article.display_title }}</h1>'
        '{% endblock %}', encoding="utf-8")
    (theme / "templates" / "_pages_nav.html").write_text('<nav aria-label="版面导航">MY NAV</nav>', encoding="utf-8")
    (theme / "static" / "style.css").write_text("body{color:red}", encoding="utf-8")
    (theme / "static" / "extra.js").write_text("// extra", encoding="utf-8")
    renderer = Renderer(make_config(tmp_path, theme="mytheme"))
    edition = make_edition()
    pages = {o.path: renderer.render(o).decode() for o in plan_site(edition)}
    art = pages[ART]
    assert '<h1 class="mine">凝聚最大合力</h1>' in art and "article-head" not in art
    assert '<html lang="zh-CN">' in art  # base.html still from default
    assert "MY NAV" in pages["2022-07-15/01/index.html"]  # an overridden include
    assert "本版目录" in pages["2022-07-15/01/index.html"]  # page.html from default
    digest = hashlib.sha256(b"body{color:red}").hexdigest()[:10]
    assert renderer.assets.path("style.css") == f"static/style.{digest}.css"
    assert renderer.assets.path("extra.js").startswith("static/extra.")
    assert f"static/style.{digest}.css" in art
    # a theme that does not exist is a clear error
    with pytest.raises(BanmianError, match="theme 'nope' not found"):
        Renderer(make_config(tmp_path, theme="nope"))


def test_assets_are_fingerprinted_by_content(tmp_path):
    renderer = Renderer(make_config(tmp_path))
    hashed, data = renderer.assets.files["style.css"]
    assert hashed == f"static/style.{hashlib.sha256(data).hexdigest()[:10]}.css"
    with pytest.raises(BanmianError, match="no static file"):
        renderer.assets.path("missing.css")
    out = Output("x/index.html", "404.html", dict(edition=make_edition()), "x/")
    assert hashed in renderer.render(out).decode()


def test_missing_template_is_a_clear_error(tmp_path):
    renderer = Renderer(make_config(tmp_path))
    with pytest.raises(BanmianError, match="template 'nope.html' not found"):
        renderer.render(Output("a/index.html", "nope.html", {}, "a/"))


# --- the built sample ------------------------------------------------------------------------

def test_article_page_weight_is_under_30_kb_gzipped(built_sample):
    """HTML + CSS + JS an article page loads, each gzipped (-9), for the heaviest article."""
    heaviest = 0
    for html_path in built_sample.glob("????-??-??/??/*/index.html"):
        html = html_path.read_bytes()
        tags = Tags(html.decode("utf-8"))
        refs = [a["href"] for a in tags.find("link", rel="stylesheet")] + [a["src"] for t, a in tags.tags
                                                                          if t == "script" and a.get("src")]
        total = len(gzip.compress(html, 9))
        for ref in refs:
            total += len(gzip.compress((html_path.parent / ref).resolve().read_bytes(), 9))
        heaviest = max(heaviest, total)
    assert 0 < heaviest <= 30 * 1024, heaviest
