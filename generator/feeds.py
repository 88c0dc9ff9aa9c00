"""Atom feed, sitemap.xml and robots.txt: absolute URLs from `base_url`.

Everything here is a pure function of the edition and the config, so the output
is byte-for-byte reproducible (no wall clock): issue dates stand in for times.
"""
from __future__ import annotations

import datetime as dt
import re

from . import urls
from .config import Config
from .model import Edition, Issue

# Characters XML 1.0 forbids even escaped (C0 controls but tab/LF/CR, lone surrogates,
# U+FFFE/U+FFFF). PDF/OCR text sometimes carries form feeds or NULs: drop them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _escape(text: str) -> str:
    """xml.sax.saxutils.escape, which is not imported for it: that module imports
    urllib.request (and http, email …), ~25 ms of every build's start-up."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def xml_text(value: str) -> str:
    """Text content safe inside an XML element."""
    return _escape(_XML_INVALID.sub("", value))


def xml_attr(value: str) -> str:
    """A quoted XML attribute value (as xml.sax.saxutils.quoteattr quotes it)."""
    data = _escape(_XML_INVALID.sub("", value)).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in data:
        return f'"{data}"'
    if "'" not in data:
        return f"'{data}'"
    return '"' + data.replace('"', "&quot;") + '"'


def _stamp(d: dt.date) -> str:
    """Issue dates as RFC 3339 at 00:00 China Standard Time (no wall clock: reproducible)."""
    return f"{d.isoformat()}T00:00:00+08:00"


def _summary(text: str, length: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length].rstrip() + "…"


def atom_feed(edition: Edition, config: Config) -> str:
    """Articles of the latest `config.feed_issues` issues, newest issue first (RFC 4287)."""
    abs_url = lambda p: urls.absolute_url(config.base_url, p)
    issues = list(reversed(edition.issues))[: max(config.feed_issues, 0)]
    updated = _stamp(issues[0].date) if issues else "1970-01-01T00:00:00Z"
    author = config.publisher or config.title
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={xml_attr(config.language or "zh-CN")}>',
             f"  <title>{xml_text(config.title)}</title>",
             *([f"  <subtitle>{xml_text(config.description)}</subtitle>"] if config.description else []),
             f"  <id>{xml_text(abs_url(''))}</id>",
             f"  <link rel=\"alternate\" type=\"text/html\" href={xml_attr(abs_url(''))}/>",
             f"  <link rel=\"self\" type=\"application/atom+xml\" href={xml_attr(abs_url('feed.xml'))}/>",
             f"  <updated>{updated}</updated>",
             f"  <author><name>{xml_text(author)}</name></author>",
             '  <generator>Banmian</generator>']
    for issue in issues:
        for page in issue.pages:
            section = f"第{page.label}版" + (f"：{page.name}" if page.name else "")
            for item in page.articles:
                link = abs_url(urls.item_path(issue, page, item))
                lines += ["  <entry>",
                          f"    <title>{xml_text(item.display_title)}</title>",
                          f"    <id>{xml_text(link)}</id>",
                          f"    <link rel=\"alternate\" type=\"text/html\" href={xml_attr(link)}/>",
                          f"    <published>{_stamp(issue.date)}</published>",
                          f"    <updated>{_stamp(issue.date)}</updated>",
                          *([f"    <author><name>{xml_text(item.byline)}</name></author>"] if item.byline else []),
                          f"    <category term={xml_attr(section)}/>",
                          f"    <summary>{xml_text(_summary(item.lead))}</summary>",
                          "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _url_entry(loc: str, mod: str) -> str:
    return f"  <url><loc>{xml_text(loc)}</loc>" + (f"<lastmod>{mod}</lastmod>" if mod else "") + "</url>\n"


def sitemap_issue_entries(issue: Issue, config: Config) -> str:
    """One issue's sitemap lines (issue, pages, articles): a build keeps them per issue,
    so the sitemap of a large archive is not rebuilt from every page on each edit."""
    abs_url = lambda p: urls.absolute_url(config.base_url, p)
    day = issue.date.isoformat()
    lines = [_url_entry(abs_url(urls.issue_path(issue)), day)]
    for page in issue.pages:
        lines.append(_url_entry(abs_url(urls.page_path(issue, page)), day))
        for item in page.articles:
            lines.append(_url_entry(abs_url(urls.item_path(issue, page, item)), day))
    return "".join(lines)


def sitemap(edition: Edition, config: Config, issue_entries=sitemap_issue_entries) -> str:
    """Every public HTML page (home, archive, issues, pages, articles) with its issue date."""
    abs_url = lambda p: urls.absolute_url(config.base_url, p)
    latest = edition.latest.date.isoformat() if edition.latest else ""
    body = _url_entry(abs_url(""), latest) + _url_entry(abs_url("archive/"), latest)
    body += "".join(issue_entries(issue, config) for issue in edition.issues)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + body + "</urlset>\n")


def robots_txt(config: Config) -> str:
    """Allow everything but the editors' reconstruction report; point at the sitemap."""
    return (f"User-agent: *\nDisallow: {config.base_path}report/\n"
            f"Sitemap: {urls.absolute_url(config.base_url, 'sitemap.xml')}\n")
