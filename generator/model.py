"""The data every stage after reconstruction reads.

Data flows one way: content → reconstruct → model → render/search/feeds.
Nothing here does I/O; the dataclasses are plain values so they pickle across
processes and compare equal for caching and tests.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Optional

ParagraphType = Literal["p", "heading", "callout"]
ItemKind = Literal["article", "photo", "other"]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article in reading order."""

    type: ParagraphType
    text: str


@dataclass(frozen=True)
class ReconstructionWarning:
    """Something the reconstruction noticed; `block` is the 0-based index of the
    blank-line-separated block of the page text it concerns (None: whole page)."""

    code: str
    block: Optional[int]
    message: str
    line: Optional[int] = None  # 1-based line of the page file, when known


@dataclass(frozen=True)
class Join:
    """Two blocks joined into one paragraph, with the engine's confidence (0–1)."""

    left: int
    right: int
    score: float
    reason: str = ""


@dataclass
class Item:
    """An article, a photo (caption) or other page matter (ads, mastheads, labels)."""

    kind: ItemKind
    title: Optional[str] = None
    kicker: Optional[str] = None
    subtitle: Optional[str] = None
    byline: Optional[str] = None
    credit: Optional[str] = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    slug: str = ""
    blocks: list[int] = field(default_factory=list, compare=False)  # source blocks, for reports

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def lead(self) -> str:
        """First body paragraph: used for snippets, descriptions and search."""
        for p in self.paragraphs:
            if p.type == "p":
                return p.text
        return self.paragraphs[0].text if self.paragraphs else ""

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        if self.kind == "photo":
            return "图片新闻"
        return (self.lead[:24] + "…") if len(self.lead) > 24 else self.lead


@dataclass
class Reconstruction:
    """What the reconstruction engine makes of one page's text."""

    items: list[Item]
    warnings: list[ReconstructionWarning] = field(default_factory=list)
    joins: list[Join] = field(default_factory=list)


@dataclass
class Page:
    """One page (版) of an issue."""

    number: int
    name: Optional[str]
    source: Path
    items: list[Item] = field(default_factory=list)
    warnings: list[ReconstructionWarning] = field(default_factory=list)
    joins: list[Join] = field(default_factory=list)
    content_hash: str = ""

    @property
    def label(self) -> str:
        """Zero-padded page number as used in URLs and 第NN版."""
        return f"{self.number:02d}"

    @property
    def articles(self) -> list[Item]:
        return [i for i in self.items if i.kind == "article"]

    @property
    def photos(self) -> list[Item]:
        return [i for i in self.items if i.kind == "photo"]


@dataclass
class Issue:
    """One issue (期) of the paper, published on one date."""

    date: _dt.date
    number: Optional[int] = None
    title: Optional[str] = None
    notes: Optional[str] = None
    pages: list[Page] = field(default_factory=list)
    source: Optional[Path] = None

    @property
    def key(self) -> str:
        return self.date.isoformat()


WEAK_JOIN = 0.7  # joins scored below this are listed for editors in the reconstruction report


@dataclass(frozen=True)
class IssueSummary:
    """What edition-wide views (the report index, the build summary) need of an
    issue: counts, so that a build need not read every page to show them."""

    pages: int
    articles: int
    warnings: int
    weak_joins: int


def summarize(issue: Issue) -> IssueSummary:
    return IssueSummary(pages=len(issue.pages),
                        articles=sum(len(p.articles) for p in issue.pages),
                        warnings=sum(len(p.warnings) for p in issue.pages),
                        weak_joins=sum(1 for p in issue.pages for j in p.joins if j.score < WEAK_JOIN))


@dataclass
class Edition:
    """The whole site: every issue, oldest first."""

    issues: list[Issue] = field(default_factory=list)

    @property
    def latest(self) -> Optional[Issue]:
        return self.issues[-1] if self.issues else None
