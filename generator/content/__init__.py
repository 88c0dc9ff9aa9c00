"""Finding issues and pages under `content/`, reading front matter and encodings.

Output is raw material only (`RawIssue`, `RawPage`): reconstruction happens in
the next stage, so this module is the only one that reads content files.

Input rules (DESIGN.md "Content"):
- UTF-8 is the norm. A UTF-8 BOM is dropped, a UTF-16 file with a BOM and a
  GB18030/GBK file are decoded, each with a warning. Anything else (a binary
  file, bytes that are neither UTF-8 nor plausible GB18030) is an error naming
  the file, the byte offset and the line.
- CRLF and lone CR line ends become LF; form feeds (pdftotext page breaks)
  become blank lines; other control characters, which would make the feeds
  invalid XML, are removed with a warning naming file and line.
- Folders under `content/` are issues named YYYY-MM-DD; folders starting with
  `_` or `.` are ignored (drafts, assets), anything else is an error.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..errors import BanmianError, parse_toml, toml_error_line, toml_key_line, warn

PAGE_FILE = re.compile(r"^(\d{1,3})(?:[-_. ].*)?\.(txt|md)$")
ISSUE_DIR = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FRONT_MATTER = "+++"
PAGE_KEYS = ("name", "number")
ISSUE_KEYS = {"number": int, "title": str, "notes": str}

# Characters removed from page text: C0/C1 controls except tab and newline,
# DEL, Unicode noncharacters and stray BOMs (zero-width no-break spaces).
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff\ufdd0-\ufdef\ufffe\uffff]")
_FORM_FEEDS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


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


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _plausible_gb18030(text: str) -> bool:
    """GB18030 decodes many byte strings that are not Chinese text at all (Latin-1,
    random bytes). Accept only text whose non-ASCII characters are mostly CJK
    ideographs, CJK punctuation or full-width forms."""
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return True
    good = 0
    for c in non_ascii:
        o = ord(c)
        if (0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF
                or 0x2000 <= o <= 0x206F or 0x3400 <= o <= 0x4DBF or 0x2460 <= o <= 0x24FF
                or 0x2100 <= o <= 0x26FF or o in (0xB0, 0xB1, 0xB7, 0xD7, 0xF7) or 0x2E80 <= o <= 0x2FDF
                or 0x0391 <= o <= 0x0451 or 0x3100 <= o <= 0x312F or 0xFE30 <= o <= 0xFE4F):
            good += 1
    return good >= 0.9 * len(non_ascii)


def decode_text(data: bytes, path: Path) -> str:
    """Bytes of a content file → text with LF line ends.

    UTF-8 (a BOM is dropped with a warning); UTF-16 with a BOM and GB18030/GBK
    are read with a warning; anything else raises an error naming the file, the
    byte offset and the line.
    """
    skip = 0  # bytes of BOM removed: offsets in messages count from the file's start
    if data.startswith(b"\xef\xbb\xbf"):
        warn("file starts with a UTF-8 BOM (ignored)", path)
        data, skip = data[3:], 3
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        try:
            text = data[2:].decode(codec)
        except UnicodeDecodeError as e:
            raise BanmianError(f"starts with a UTF-16 BOM but is not valid UTF-16: undecodable "
                               f"bytes at offset {e.start + 2}", path) from None
        warn(f"file is {codec.upper()[:6]} (with BOM), not UTF-8; read it (save it as UTF-8)", path)
        return normalize_text(text, path)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BanmianError(f"binary file (NUL byte at offset {nul + skip}), expected UTF-8 text",
                           path, _line_at(data, nul))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            text = None
        if text is None or not _plausible_gb18030(text):
            bad = data[utf8_error.start:utf8_error.start + 4].hex(" ")
            raise BanmianError(
                f"not valid UTF-8 (nor GB18030/GBK): undecodable byte at offset {utf8_error.start + skip} "
                f"({bad}); save the file as UTF-8", path, _line_at(data, utf8_error.start)) from None
        warn("file is GB18030/GBK, not UTF-8; read as GB18030 (save it as UTF-8)", path)
    return normalize_text(text, path)


def normalize_text(text: str, path: Path) -> str:
    """LF line ends; page breaks to blank lines; control characters removed (warned)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _FORM_FEEDS.search(text):
        text = _FORM_FEEDS.sub("\n\n", text)
    m = _BAD_CHARS.search(text)
    if m:
        count = len(_BAD_CHARS.findall(text))
        line = text.count("\n", 0, m.start()) + 1
        name = unicodedata.name(m.group(), f"U+{ord(m.group()):04X}")
        warn(f"{count} control/invisible character(s) removed (first: U+{ord(m.group()):04X} {name})",
             path, line)
        text = _BAD_CHARS.sub("", text)
    return text


def split_front_matter(text: str, path: Path) -> tuple[dict, str, int]:
    """Split `+++` TOML front matter off; returns (meta, body, body's first line)."""
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if first.strip() != FRONT_MATTER:
        return {}, text, 1
    m = re.compile(r"^[ \t]*\+\+\+[ \t]*$", re.M).search(text, first_end + 1) if first_end >= 0 else None
    if m is None:
        raise BanmianError("front matter opened with +++ but never closed (add a +++ line after it)",
                           path, 1)
    head = text[first_end + 1:m.start()]
    end_line = text.count("\n", 0, m.start()) + 1  # 1-based line of the closing +++
    try:
        meta = tomllib.loads(head)
    except tomllib.TOMLDecodeError as e:
        inner = toml_error_line(e)  # None: "at end of document", i.e. its last line
        raise BanmianError(f"broken front matter: {e}", path,
                           inner + 1 if inner else max(end_line - 1, 1)) from None
    body = text[m.end() + 1:] if m.end() < len(text) else ""
    return meta, body, end_line + 1


def read_page(path: Path) -> RawPage:
    """Read one page file (front matter, encoding) into a RawPage."""
    m = PAGE_FILE.match(path.name)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise BanmianError(f"cannot read: {e.strerror}", path) from None
    text = decode_text(data, path)
    meta, body, body_line = split_front_matter(text, path)
    head = "\n".join(text.split("\n", body_line - 1)[: body_line - 1]) if meta else ""
    for key in meta:
        if key not in PAGE_KEYS:
            warn(f"unknown front matter key '{key}' (ignored; known: {', '.join(PAGE_KEYS)})",
                 path, toml_key_line(head, key))
    if "number" in meta:
        number = meta["number"]
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 999:
            raise BanmianError(f"front matter 'number' must be a page number 1–999, not {number!r}",
                               path, toml_key_line(head, "number"))
    else:
        number = int(m.group(1)) if m else 1
        if number < 1:
            raise BanmianError("page number from the file name must be 1 or more (name it 01.txt …)", path)
    name = meta.get("name")
    if name is not None and not isinstance(name, str):
        raise BanmianError(f"front matter 'name' must be a string, not {name!r}",
                           path, toml_key_line(head, "name"))
    if not body.strip():
        warn("empty page file (no text after the front matter)" if meta else "empty page file", path)
    return RawPage(path=path, number=number, name=name, text=body, body_line=body_line,
                   is_markdown=path.suffix == ".md",
                   content_hash=hashlib.sha256(data).hexdigest())


def read_issue_meta(issue_dir: Path) -> dict:
    meta_path = issue_dir / "issue.toml"
    if not meta_path.is_file():
        return {}
    try:
        text = decode_text(meta_path.read_bytes(), meta_path)
    except OSError as e:
        raise BanmianError(f"cannot read: {e.strerror}", meta_path) from None
    meta = parse_toml(text, meta_path)
    for key, value in meta.items():
        if key not in ISSUE_KEYS:
            warn(f"unknown issue key '{key}' (ignored; known: {', '.join(ISSUE_KEYS)})",
                 meta_path, toml_key_line(text, key))
        elif not isinstance(value, ISSUE_KEYS[key]) or isinstance(value, bool):
            want = "an integer" if ISSUE_KEYS[key] is int else "a string"
            raise BanmianError(f"issue key '{key}' must be {want}, not {value!r}",
                               meta_path, toml_key_line(text, key))
    return meta


def issue_date(issue_dir: Path) -> dt.date:
    if not ISSUE_DIR.match(issue_dir.name):
        raise BanmianError("issue folder name must be a date YYYY-MM-DD "
                           "(prefix a folder with _ to keep it out of the build)", issue_dir)
    try:
        return dt.date.fromisoformat(issue_dir.name)
    except ValueError as e:
        raise BanmianError(f"issue folder name is not a real date ({e})", issue_dir) from None


def load_issue(issue_dir: Path, read=read_page) -> RawIssue:
    """One issue folder: its metadata and its page files in page order. `read(path)`
    reads one page file (a build passes one that skips files it has seen unchanged)."""
    date = issue_date(issue_dir)
    meta = read_issue_meta(issue_dir)
    pages: dict[int, RawPage] = {}
    try:
        entries = sorted(issue_dir.iterdir())
    except OSError as e:
        raise BanmianError(f"cannot read the issue folder: {e.strerror}", issue_dir) from None
    for path in entries:
        if path.name.startswith((".", "_", "~")) or path.name == "issue.toml" or path.name.endswith("~"):
            continue
        if not PAGE_FILE.match(path.name) or not path.is_file():
            warn("not a page file (expected NN.txt or NN.md), ignored", path)
            continue
        page = read(path)
        if page.number in pages:
            raise BanmianError(
                f"page number {page.number} is claimed twice (also by {pages[page.number].path.name})", path)
        pages[page.number] = page
    if not pages:
        warn("issue folder has no page files (NN.txt or NN.md)", issue_dir)
    return RawIssue(path=issue_dir, date=date, number=meta.get("number"), title=meta.get("title"),
                    notes=meta.get("notes"), pages=[pages[n] for n in sorted(pages)])


def find_issue_dirs(content_dir: Path) -> list[Path]:
    """Issue folders, oldest first. Any other folder is an error naming it."""
    if not content_dir.is_dir():
        raise BanmianError("content folder not found", content_dir)
    dirs = []
    for path in sorted(content_dir.iterdir()):
        if path.name.startswith((".", "_")) or not path.is_dir():
            continue
        issue_date(path)
        dirs.append(path)
    if not dirs:
        warn("no issue folders (YYYY-MM-DD) in the content folder", content_dir)
    return dirs


def load_content(content_dir: Path) -> list[RawIssue]:
    return [load_issue(d) for d in find_issue_dirs(content_dir)]
