"""Where each thing lives in the built site.

Paths are site-root-relative with a trailing slash for directory URLs
(`2022-07-15/04/wen-ming-feng-qi-man-yan-xin/`). Templates turn them into
relative links with `relative_url`, so the site works at `/` and under any
sub-path; only canonical/feed URLs use the absolute base URL.
"""
from __future__ import annotations

import posixpath

from .model import Issue, Item, Page


def issue_path(issue: Issue) -> str:
    return f"{issue.key}/"


def page_path(issue: Issue, page: Page) -> str:
    return f"{issue.key}/{page.label}/"


def item_path(issue: Issue, page: Page, item: Item) -> str:
    return f"{issue.key}/{page.label}/{item.slug}/"


def relative_url(target: str, from_path: str) -> str:
    """Link from the page at `from_path` (a directory URL or file) to `target`.

    Both are site-root-relative; '' is the home page.
    """
    from_dir = from_path if from_path.endswith("/") else posixpath.dirname(from_path)
    depth = len([part for part in from_dir.split("/") if part])
    rel = "../" * depth + target
    return rel or "./"


def absolute_url(base_url: str, target: str) -> str:
    return base_url.rstrip("/") + "/" + target
