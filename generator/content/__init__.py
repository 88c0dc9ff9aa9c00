"""Finding issues and pages under `content/`, reading front matter and encodings.

Output is raw material only (`RawIssue`, `RawPage`): reconstruction happens in
the next stage, so this module is the only one that reads content files.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..errors import BanmianError, toml_error_line, warn

PAGE_FILE = re.compile(r"^(\d{1,3})(?:[-_. ].*)?\.(txt|md)$")
ISSUE_DIR = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FRONT_MATTER = "+++"


@dataclass
class RawPage:
    """A page file as read: its body text with front matter removed."""

    path: Path
    number: int
    name: Optional[str]
    text: str
    body_line: int = 1  # 1-based line of the file where `text` starts
    is_markdown: bool = False
    content_hash: str = ""


@dataclass
class RawIssue:
    path: Path
    date: dt.date
    number: Optional[int] = None
    title: Optional[str] = None
    notes: Optional[str] = None
    pages: list[RawPage] = field(default_factory=list)


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 (BOM tolerated, with a warning), else GB18030 with a warning, else an error."""
    if data.startswith(b"\xef\xbb\xbf"):
        warn("file starts with a UTF-8 BOM (ignored)", path)
        data = data[3:]
    if b"\x00" in data[:8192]:
        raise BanmianError(f"binary file (NUL byte at offset {data.index(0)}), expected UTF-8 text", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            line = data[: utf8_error.start].count(b"\n") + 1
            raise BanmianError(
                f"not valid UTF-8 (nor GB18030/GBK): undecodable byte at offset {utf8_error.start}",
                path, line) from None
        warn("file is GB18030/GBK, not UTF-8; read as GB18030 (save it as UTF-8)", path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str, path: Path) -> tuple[dict, str, int]:
    """Split `+++` TOML front matter off; returns (meta, body, body's first line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER:
        return {}, text, 1
    for end in range(1, len(lines)):
        if lines[end].strip() == FRONT_MATTER:
            break
    else:
        raise BanmianError("front matter opened with +++ but never closed", path, 1)
    try:
        meta = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as e:
        inner = toml_error_line(e) or end - 1  # "at end of document": its last line
        raise BanmianError(f"broken front matter: {e}", path, inner + 1) from None
    return meta, "\n".join(lines[end + 1:]), end + 2


def read_page(path: Path) -> RawPage:
    """Read one page file (front matter, encoding) into a RawPage."""
    m = PAGE_FILE.match(path.name)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise BanmianError(f"cannot read: {e.strerror}", path) from None
    text = decode_text(data, path)
    meta, body, body_line = split_front_matter(text, path)
    for key in meta:
        if key not in ("name", "number"):
            warn(f"unknown front matter key '{key}' (ignored)", path)
    number = meta.get("number", int(m.group(1)) if m else 1)
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise BanmianError(f"front matter 'number' must be a positive integer, not {number!r}", path, 2)
    name = meta.get("name")
    if name is not None and not isinstance(name, str):
        raise BanmianError(f"front matter 'name' must be a string, not {name!r}", path, 2)
    return RawPage(path=path, number=number, name=name, text=body, body_line=body_line,
                   is_markdown=path.suffix == ".md",
                   content_hash=hashlib.sha256(data).hexdigest())


def read_issue_meta(issue_dir: Path) -> dict:
    meta_path = issue_dir / "issue.toml"
    if not meta_path.exists():
        return {}
    try:
        meta = tomllib.loads(decode_text(meta_path.read_bytes(), meta_path))
    except tomllib.TOMLDecodeError as e:
        raise BanmianError(f"invalid TOML: {e}", meta_path, toml_error_line(e)) from None
    types = {"number": int, "title": str, "notes": str}
    for key, value in meta.items():
        if key not in types:
            warn(f"unknown issue key '{key}' (ignored)", meta_path)
        elif not isinstance(value, types[key]) or isinstance(value, bool):
            raise BanmianError(f"issue key '{key}' has the wrong type ({value!r})", meta_path)
    return meta


def load_issue(issue_dir: Path) -> RawIssue:
    """One issue folder: its metadata and its page files in page order."""
    try:
        date = dt.date.fromisoformat(issue_dir.name)
    except ValueError:
        raise BanmianError("issue folder name must be a date YYYY-MM-DD", issue_dir) from None
    meta = read_issue_meta(issue_dir)
    pages: dict[int, RawPage] = {}
    for path in sorted(issue_dir.iterdir()):
        if path.name.startswith(".") or path.name == "issue.toml":
            continue
        if not PAGE_FILE.match(path.name) or not path.is_file():
            warn("not a page file (expected NN.txt or NN.md), ignored", path)
            continue
        page = read_page(path)
        if page.number in pages:
            raise BanmianError(
                f"page number {page.number} is claimed twice (also by {pages[page.number].path.name})", path)
        pages[page.number] = page
    return RawIssue(path=issue_dir, date=date, number=meta.get("number"), title=meta.get("title"),
                    notes=meta.get("notes"), pages=[pages[n] for n in sorted(pages)])


def find_issue_dirs(content_dir: Path) -> list[Path]:
    """Issue folders, oldest first. Any other folder is an error naming it."""
    if not content_dir.is_dir():
        raise BanmianError("content folder not found", content_dir)
    dirs = []
    for path in sorted(content_dir.iterdir()):
        if path.name.startswith(".") or not path.is_dir():
            continue
        if not ISSUE_DIR.match(path.name):
            raise BanmianError("issue folder name must be a date YYYY-MM-DD", path)
        dirs.append(path)
    return dirs


def load_content(content_dir: Path) -> list[RawIssue]:
    return [load_issue(d) for d in find_issue_dirs(content_dir)]
