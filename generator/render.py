"""Rendering the model into HTML with jinja2 and the theme.

`plan_site` lists every output file as an `Output` (path, template, context);
`Renderer.render` turns one into bytes. Keeping the plan separate from the
rendering lets the build cache and parallelise by output.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import urls
from .config import Config
from .errors import BanmianError
from .model import Edition, Issue, Item, Page
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


class Renderer:
    """A jinja2 environment over the theme chain, plus the helpers templates use."""

    def __init__(self, config: Config):
        self.config = config
        self.chain = theme_chain(config.theme, config.root)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(p / "templates") for p in self.chain]),
            autoescape=True, undefined=jinja2.StrictUndefined,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
        self.env.filters.update(cn_date=cn_date, cn_weekday=cn_weekday, json_script=json_script)
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
                   here=out.url_path, urls=urls)
        try:
            template = self.env.get_template(out.template)
        except jinja2.TemplateNotFound as e:
            raise BanmianError(
                f"template '{e.name}' not found (looked in "
                f"{', '.join(str(p / 'templates') for p in self.chain)})") from None
        except jinja2.TemplateSyntaxError as e:
            raise BanmianError(f"template error: {e.message}", e.filename, e.lineno) from None
        try:
            return template.render(ctx).encode("utf-8")
        except jinja2.UndefinedError as e:
            raise BanmianError(f"template error rendering {out.path}: {e.message}") from None


def article_sequence(issue: Issue) -> list[tuple[Page, Item]]:
    """All articles of an issue in page order: drives 上一篇/下一篇."""
    return [(page, item) for page in issue.pages for item in page.articles]


def plan_issue(edition: Edition, issue: Issue) -> list[Output]:
    """Every output file that belongs to one issue: contents, pages, articles."""
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
    return outs


def plan_site(edition: Edition, *, include_report: bool = True) -> list[Output]:
    """Every HTML output of the site (static assets, search and feeds are separate)."""
    outs: list[Output] = []
    latest = edition.latest
    outs.append(Output("index.html", "home.html",
                       dict(edition=edition, issue=latest,
                            prev_issue=edition.issues[-2] if len(edition.issues) > 1 else None,
                            next_issue=None), ""))
    for issue in edition.issues:
        outs.extend(plan_issue(edition, issue))
    outs.append(Output("archive/index.html", "archive.html", dict(edition=edition), "archive/"))
    outs.append(Output("search/index.html", "search.html", dict(edition=edition), "search/"))
    outs.append(Output("404.html", "404.html", dict(edition=edition), ""))
    if include_report:
        outs.append(Output("report/index.html", "report.html", dict(edition=edition), "report/"))
    return outs
