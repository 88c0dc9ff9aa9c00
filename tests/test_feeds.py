"""Atom feed, sitemap.xml, robots.txt: valid XML, absolute URLs under base_url."""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from generator import feeds, urls
from generator.model import Edition, Issue, Item, Page, Paragraph

from test_render import make_config, make_edition

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")


def test_atom_feed_is_valid_with_absolute_urls(tmp_path):
    config = make_config(tmp_path)
    feed = ET.fromstring(feeds.atom_feed(make_edition(), config).encode("utf-8"))
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN"
    assert feed.findtext(f"{ATOM}title") == "文明周报 · 数字报"
    assert feed.findtext(f"{ATOM}id") == "https://example.org/edition/"
    assert RFC3339.match(feed.findtext(f"{ATOM}updated"))
    links = {l.get("rel"): l.get("href") for l in feed.findall(f"{ATOM}link")}
    assert links == {"alternate": "https://example.org/edition/", "self": "https://example.org/edition/feed.xml"}
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "文明周报社"
    entries = feed.findall(f"{ATOM}entry")
    # articles only (no photos or ads), newest issue first, each id unique
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert titles == ["凝聚最大合力", "人行彭州支行文明单位创建升格", "文明风起满眼新", "立足首善", "聚焦民生小事"]
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)
    for e in entries:
        link = e.find(f"{ATOM}link").get("href")
        assert link.startswith("https://example.org/edition/") and link == e.findtext(f"{ATOM}id")
        assert RFC3339.match(e.findtext(f"{ATOM}updated")) and RFC3339.match(e.findtext(f"{ATOM}published"))
        assert e.findtext(f"{ATOM}summary")
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == "https://example.org/edition/2022-07-15/01/ning-ju/"
    assert first.find(f"{ATOM}author/{ATOM}name").text == "本报记者 杨澜 宋敏"
    assert first.find(f"{ATOM}category").get("term") == "第01版：要闻"
    assert first.findtext(f"{ATOM}updated") == "2022-07-15T00:00:00+08:00"


def test_atom_feed_covers_the_latest_feed_issues_only(tmp_path):
    config = make_config(tmp_path, feed_issues=1)
    feed = ET.fromstring(feeds.atom_feed(make_edition(), config))
    links = [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]
    assert links and all("/2022-07-15/" in l for l in links)


def test_feed_escapes_markup_and_drops_characters_xml_forbids(tmp_path):
    nasty = "A & B <i>\x0c\x00 “引号” ]]> </feed>"
    item = Item(kind="article", title=nasty, byline="张三 & 李四", slug="nasty",
                paragraphs=[Paragraph("p", nasty * 3)])
    edition = Edition(issues=[Issue(date=dt.date(2022, 7, 15), pages=[
        Page(number=1, name="要闻 & <b>", source=Path("01.txt"), items=[item])])])
    config = make_config(tmp_path, title="报 & <刊>", description="描述\x01")
    text = feeds.atom_feed(edition, config)
    feed = ET.fromstring(text)
    entry = feed.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "A & B <i> “引号” ]]> </feed>"
    assert entry.find(f"{ATOM}category").get("term") == "第01版：要闻 & <b>"
    assert feed.findtext(f"{ATOM}title") == "报 & <刊>"
    ET.fromstring(feeds.sitemap(edition, config))


def test_empty_edition_feeds_are_valid(tmp_path):
    config = make_config(tmp_path)
    feed = ET.fromstring(feeds.atom_feed(Edition(), config))
    assert feed.findall(f"{ATOM}entry") == [] and RFC3339.match(feed.findtext(f"{ATOM}updated"))
    smap = ET.fromstring(feeds.sitemap(Edition(), config))
    assert [u.findtext(f"{SM}loc") for u in smap] == ["https://example.org/edition/",
                                                       "https://example.org/edition/archive/"]


def test_sitemap_lists_every_public_page(tmp_path):
    edition = make_edition()
    config = make_config(tmp_path)
    smap = ET.fromstring(feeds.sitemap(edition, config).encode("utf-8"))
    assert smap.tag == f"{SM}urlset"
    locs = [u.findtext(f"{SM}loc") for u in smap.findall(f"{SM}url")]
    assert len(locs) == len(set(locs))
    base = "https://example.org/edition/"
    want = {base, base + "archive/"}
    for issue in edition.issues:
        want.add(base + urls.issue_path(issue))
        for page in issue.pages:
            want.add(base + urls.page_path(issue, page))
            want.update(base + urls.item_path(issue, page, a) for a in page.articles)
    assert set(locs) == want
    assert not any("report" in l or "search" in l for l in locs)
    for u in smap.findall(f"{SM}url"):
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", u.findtext(f"{SM}lastmod"))


def test_robots_txt_points_at_the_sitemap_and_hides_the_report(tmp_path):
    text = feeds.robots_txt(make_config(tmp_path))
    assert "User-agent: *" in text
    assert "Disallow: /edition/report/" in text
    assert "Sitemap: https://example.org/edition/sitemap.xml" in text.splitlines()


def test_built_sample_feeds_parse(built_sample):
    feed = ET.parse(built_sample / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    smap = ET.parse(built_sample / "sitemap.xml").getroot()
    locs = [u.findtext(f"{SM}loc") for u in smap.findall(f"{SM}url")]
    base = locs[0]  # the home page comes first
    for loc in locs:  # every sitemap URL is a page of the built site
        rel = loc[len(base):]
        assert (built_sample / rel / "index.html").is_file(), loc
    for e in entries:
        assert e.find(f"{ATOM}link").get("href") in locs
    assert (built_sample / "robots.txt").read_text().count("Sitemap: ") == 1
    assert (built_sample / "404.html").is_file()
