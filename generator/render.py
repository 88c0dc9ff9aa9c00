"""Rendering the model into HTML with jinja2 and the theme.

`plan_site` lists every output file as an `Output` (path, template, context);
`Renderer.render` turns one into bytes. Keeping the plan separate from the
rendering lets the build cache and parallelise by output.
"""
from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import jinja2
from markupsafe import Markup

from . import urls
from .config import Config
from .errors import BanmianError
from .model import WEAK_JOIN, Edition, Issue, Item, Page, summarize
from .themes import static_files, theme_chain

WEEKDAYS = "一二三四五六日"


def cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def cn_weekday(d: dt.date) -> str:
    return "星期" + WEEKDAYS[d.weekday()]


def json_script(value: Any) -> Markup:
    """JSON safe to embed inside <script>: no `</script>` or `<!--` can close it."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def iso_stamp(d: dt.date) -> str:
    """An issue date as RFC 3339 at 00:00 China Standard Time (reproducible, no wall clock)."""
    return f"{d.isoformat()}T00:00:00+08:00"


def paper_name(config: Config) -> str:
    """The newspaper's own name for 《…》 source lines and the nameplate.

    A `paper` config key wins when there is one; otherwise the site title without
    a trailing "数字报"/"电子版" part: "文明周报 · 数字报" → "文明周报".
    """
    explicit = getattr(config, "paper", "") or ""
    if explicit:
        return explicit
    name = re.sub(r"\s*[·・|｜\-—:：]?\s*(数字报|电子版|数字版|电子报)\s*$", "", config.title).strip()
    return name or config.title


_ROLE = re.compile(r"^(?:(?:本报|特约)?(?:记者|通讯员)|摄影|(?:文|图|摄|文/图)[/:：])[:：]?")


def byline_names(byline: Optional[str]) -> list[str]:
    """People named in a byline: "本报记者 杨澜 张嘉哲" → ["杨澜", "张嘉哲"]."""
    if not byline:
        return []
    names = []
    for part in re.split(r"[\s,，、;；]+", byline):
        part = _ROLE.sub("", part.strip())
        if part and part not in ("摄", "文", "图", "摄影", "供图", "报道"):
            names.append(part)
    return names


def photo_credit(credit: Optional[str]) -> str:
    """A photo credit as printed: "周训超" → "周训超 摄"; "周训超 摄" stays."""
    if not credit:
        return ""
    credit = credit.strip()
    return credit if credit.endswith(("摄", "供图", "图")) else f"{credit} 摄"


def photo_caption(item: Item) -> dict[str, str]:
    """A photo item's caption text and its credit. When the caption text already ends
    with the credit (captions often print "…的西瓜。 李长华 摄"), it is moved out of the
    text so it shows once, styled as a credit."""
    text = " ".join(p.text for p in item.paragraphs if p.text).strip()
    credit = photo_credit(item.credit)
    for cand in dict.fromkeys([credit, (item.credit or "").strip()]):
        chars = re.sub(r"\s+", "", cand)
        if not chars:
            continue
        m = re.search(r"\s*".join(map(re.escape, chars)) + r"\s*$", text)
        if m:
            text = text[:m.start()].rstrip()
            break
    return {"text": text, "credit": credit}


def snippet(text: str, length: int = 80) -> str:
    """Whitespace-collapsed text cut to `length` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length].rstrip() + "…"


def article_ld(config: Config, issue: Issue, page: Page, item: Item) -> dict[str, Any]:
    """schema.org NewsArticle for an article page, part of its PublicationIssue."""
    abs_url = lambda target: urls.absolute_url(config.base_url, target)
    paper = paper_name(config)
    publisher = {"@type": "Organization", "name": config.publisher or paper}
    issue_ld: dict[str, Any] = {
        "@type": "PublicationIssue", "@id": abs_url(urls.issue_path(issue)),
        "url": abs_url(urls.issue_path(issue)), "datePublished": issue.date.isoformat(),
        "isPartOf": {"@type": "Periodical", "name": paper}}
    if issue.number:
        issue_ld["issueNumber"] = str(issue.number)
    link = abs_url(urls.item_path(issue, page, item))
    ld: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": item.display_title, "url": link, "mainEntityOfPage": link,
        "datePublished": iso_stamp(issue.date), "inLanguage": config.language,
        "isPartOf": issue_ld, "publisher": publisher, "pageStart": str(page.number),
        "description": snippet(item.lead, 120)}
    if page.name:
        ld["articleSection"] = page.name
    alternative = item.subtitle or item.kicker
    if alternative:
        ld["alternativeHeadline"] = alternative
    names = byline_names(item.byline)
    ld["author"] = [{"@type": "Person", "name": n} for n in names] if names else publisher
    return ld


def archive_calendar(edition: Edition) -> list[dict[str, Any]]:
    """往期 grouped by year and month, newest first, each month as calendar weeks.

    [{"year": 2022, "months": [{"year": 2022, "month": 7, "issues": [Issue…] (oldest first),
      "weeks": [[None, None, {"day": 1, "issue": None}, …], …]}]}]
    Weeks start on Monday (一) as Chinese calendars do; None pads outside the month.
    """
    by_month: dict[tuple[int, int], list[Issue]] = {}
    for issue in edition.issues:
        by_month.setdefault((issue.date.year, issue.date.month), []).append(issue)
    years: dict[int, list[dict[str, Any]]] = {}
    cal = calendar.Calendar(firstweekday=0)
    for (year, month) in sorted(by_month, reverse=True):
        issues = sorted(by_month[(year, month)], key=lambda i: i.date)
        by_day = {i.date.day: i for i in issues}
        weeks = [[{"day": d, "issue": by_day.get(d)} if d else None for d in week]
                 for week in cal.monthdayscalendar(year, month)]
        years.setdefault(year, []).append(
            {"year": year, "month": month, "issues": issues, "weeks": weeks})
    return [{"year": y, "months": years[y]} for y in sorted(years, reverse=True)]


@dataclass
class Output:
    """One file of the built site."""

    path: str  # site-root-relative file path, e.g. "2022-07-15/04/index.html"
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    url_path: str = ""  # the directory URL the file is served at ("" = home)


class Assets:
    """Theme static files, fingerprinted (`style.1a2b3c4d5e.css`) so CDNs cache them forever.

    Files under `vendor/` keep their names (third-party code loaded by path)."""

    def __init__(self, chain: list[Path]):
        self.files: dict[str, tuple[str, bytes]] = {}
        for rel, src in static_files(chain).items():
            data = src.read_bytes()
            digest = hashlib.sha256(data).hexdigest()[:10]
            stem, dot, ext = rel.rpartition(".")
            hashed = f"{stem}.{digest}.{ext}" if dot and not rel.startswith("vendor/") else rel
            self.files[rel] = (f"static/{hashed}", data)

    def path(self, name: str) -> str:
        try:
            return self.files[name][0]
        except KeyError:
            raise BanmianError(f"theme has no static file '{name}'") from None


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """jinja's on-disk cache of compiled templates; a cache folder deleted or unwritable
    meanwhile only means compiling again."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError):
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


class Renderer:
    """A jinja2 environment over the theme chain, plus the helpers templates use."""

    def __init__(self, config: Config, bytecode_dir: Optional[Path] = None):
        self.config = config
        self.chain = theme_chain(config.theme, config.root)
        bcc = None
        if bytecode_dir is not None:  # compiled templates kept between processes (keyed by source)
            try:
                bytecode_dir.mkdir(parents=True, exist_ok=True)
                bcc = _BytecodeCache(str(bytecode_dir))
            except OSError:
                bcc = None
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(p / "templates") for p in self.chain]),
            autoescape=True, undefined=jinja2.StrictUndefined,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
            auto_reload=False,  # templates never change under one Renderer: no per-render stat()
            bytecode_cache=bcc)
        self.env.filters.update(cn_date=cn_date, cn_weekday=cn_weekday, json_script=json_script,
                                iso_stamp=iso_stamp, snippet=snippet, photo_credit=photo_credit,
                                photo_caption=photo_caption,
                                byline_names=byline_names)
        self.env.globals.update(paper=paper_name(config), WEEKDAYS=WEEKDAYS)
        self.assets = Assets(self.chain)

    def render(self, out: Output) -> bytes:
        here = out.url_path if out.path.endswith("index.html") else out.path
        base_path = self.config.base_path

        def url(target: str) -> str:
            if out.path == "404.html":  # served at any URL: use absolute paths
                return base_path + target
            return urls.relative_url(target, here)

        ctx = dict(out.context)
        ctx.update(site=self.config, url=url, asset=lambda name: url(self.assets.path(name)),
                   abs_url=lambda target: urls.absolute_url(self.config.base_url, target),
                   here=out.url_path, urls=urls, output_path=out.path,
                   article_ld=lambda issue, page, item: article_ld(self.config, issue, page, item))
        try:
            return self.env.get_template(out.template).render(ctx).encode("utf-8")
        except jinja2.TemplateNotFound as e:  # the page's template, or one it extends/includes
            raise BanmianError(
                f"template '{e.name}' not found while rendering {out.path} (looked in "
                f"{', '.join(str(p / 'templates') for p in self.chain)})") from None
        except jinja2.TemplateSyntaxError as e:
            raise BanmianError(f"template error: {e.message}", e.filename, e.lineno) from None
        except jinja2.UndefinedError as e:
            raise BanmianError(f"template error rendering {out.path}: {e.message}") from None


def article_sequence(issue: Issue) -> list[tuple[Page, Item]]:
    """All articles of an issue in page order: drives 上一篇/下一篇."""
    return [(page, item) for page in issue.pages for item in page.articles]


def plan_issue(edition: Edition, issue: Issue, idx: int | None = None, *,
               include_report: bool = True) -> list[Output]:
    """Every output file that belongs to one issue (`edition.issues[idx]`): contents, pages,
    articles, and its part of the editors' reconstruction report."""
    if idx is None:
        idx = edition.issues.index(issue)
    prev_issue = edition.issues[idx - 1] if idx > 0 else None
    next_issue = edition.issues[idx + 1] if idx + 1 < len(edition.issues) else None
    common = dict(edition=edition, issue=issue, prev_issue=prev_issue, next_issue=next_issue)
    outs = [Output(f"{urls.issue_path(issue)}index.html", "issue.html", dict(common),
                   urls.issue_path(issue))]
    for n, page in enumerate(issue.pages):
        ctx = dict(common, page=page,
                   prev_page=issue.pages[n - 1] if n > 0 else None,
                   next_page=issue.pages[n + 1] if n + 1 < len(issue.pages) else None)
        outs.append(Output(f"{urls.page_path(issue, page)}index.html", "page.html", ctx,
                           urls.page_path(issue, page)))
    seq = article_sequence(issue)
    for k, (page, item) in enumerate(seq):
        ctx = dict(common, page=page, article=item,
                   prev_article=seq[k - 1] if k > 0 else None,
                   next_article=seq[k + 1] if k + 1 < len(seq) else None)
        path = urls.item_path(issue, page, item)
        outs.append(Output(f"{path}index.html", "article.html", ctx, path))
    if include_report:
        outs.append(Output(f"{report_path(issue)}index.html", "report_issue.html",
                           dict(common, weak_join=WEAK_JOIN), report_path(issue)))
    return outs


def report_path(issue: Issue) -> str:
    return f"report/{issue.key}/"


def plan_groups(edition: Edition, *, include_report: bool = True, skip=None,
                summary=summarize) -> list[tuple[Issue | None, list[Output] | None]]:
    """`plan_site` in groups: (None, [home]), then (issue, its outputs) for every issue,
    then (None, [archive, search, 404, report]). An issue for which `skip(issue)` is
    true is not planned: its group is (issue, None). `summary(issue)` gives the report
    index its counts (a build passes its cached summaries: no page is read for them)."""
    latest = edition.latest
    groups: list[tuple[Issue | None, list[Output] | None]] = [(None, [Output(
        "index.html", "home.html",
        dict(edition=edition, issue=latest, prev_issue=edition.issues[-2] if len(edition.issues) > 1 else None,
             next_issue=None), "")])]
    for idx, issue in enumerate(edition.issues):
        groups.append((issue, None if skip is not None and skip(issue)
                       else plan_issue(edition, issue, idx, include_report=include_report)))
    tail = [Output("archive/index.html", "archive.html",
                   dict(edition=edition, years=archive_calendar(edition)), "archive/"),
            Output("search/index.html", "search.html", dict(edition=edition), "search/"),
            Output("404.html", "404.html", dict(edition=edition), "")]
    if include_report:
        rows = [(issue, summary(issue)) for issue in reversed(edition.issues)]
        tail.append(Output("report/index.html", "report.html", dict(edition=edition, rows=rows, weak_join=WEAK_JOIN),
                           "report/"))
    groups.append((None, tail))
    return groups


def plan_site(edition: Edition, *, include_report: bool = True) -> list[Output]:
    """Every HTML output of the site (static assets, search and feeds are separate)."""
    return [out for _, outs in plan_groups(edition, include_report=include_report) for out in outs]
