"""Atom feed, sitemap.xml and robots.txt: absolute URLs from `base_url`."""
from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from . import urls
from .config import Config
from .model import Edition


def _stamp(d: dt.date) -> str:
    """Issue dates as RFC 3339 at 00:00 China Standard Time (no wall clock: reproducible)."""
    return f"{d.isoformat()}T00:00:00+08:00"


def atom_feed(edition: Edition, config: Config) -> str:
    """Articles of the latest `config.feed_issues` issues, newest issue first."""
    abs_url = lambda p: urls.absolute_url(config.base_url, p)
    issues = list(reversed(edition.issues))[: config.feed_issues]
    updated = _stamp(issues[0].date) if issues else "1970-01-01T00:00:00Z"
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
             f"  <title>{escape(config.title)}</title>",
             f"  <id>{escape(abs_url(''))}</id>",
             f"  <link rel=\"alternate\" href={quoteattr(abs_url(''))}/>",
             f"  <link rel=\"self\" href={quoteattr(abs_url('feed.xml'))}/>",
             f"  <updated>{updated}</updated>",
             f"  <author><name>{escape(config.publisher or config.title)}</name></author>"]
    for issue in issues:
        for page in issue.pages:
            for item in page.articles:
                link = abs_url(urls.item_path(issue, page, item))
                lines += ["  <entry>",
                          f"    <title>{escape(item.display_title)}</title>",
                          f"    <id>{escape(link)}</id>",
                          f"    <link rel=\"alternate\" href={quoteattr(link)}/>",
                          f"    <updated>{_stamp(issue.date)}</updated>",
                          *([f"    <author><name>{escape(item.byline)}</name></author>"] if item.byline else []),
                          f"    <summary>{escape(item.lead[:200])}</summary>",
                          "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def sitemap(edition: Edition, config: Config) -> str:
    abs_url = lambda p: urls.absolute_url(config.base_url, p)
    latest = edition.latest.date.isoformat() if edition.latest else ""
    entries: list[tuple[str, str]] = [(abs_url(""), latest), (abs_url("archive/"), latest)]
    for issue in edition.issues:
        day = issue.date.isoformat()
        entries.append((abs_url(urls.issue_path(issue)), day))
        for page in issue.pages:
            entries.append((abs_url(urls.page_path(issue, page)), day))
            for item in page.articles:
                entries.append((abs_url(urls.item_path(issue, page, item)), day))
    body = "".join(f"  <url><loc>{escape(loc)}</loc>" + (f"<lastmod>{mod}</lastmod>" if mod else "") + "</url>\n"
                   for loc, mod in entries)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + body + "</urlset>\n")


def robots_txt(config: Config) -> str:
    return (f"User-agent: *\nDisallow: {config.base_path}report/\n"
            f"Sitemap: {urls.absolute_url(config.base_url, 'sitemap.xml')}\n")
