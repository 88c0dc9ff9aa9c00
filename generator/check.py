"""`banmian check`: nothing of any page is lost (conservation).

For every page file the multiset of its non-whitespace characters must be
covered by the reconstruction: the item fields (kicker, title, subtitle,
byline, credit, paragraphs) plus the text quoted in its warnings. A warning
quotes text after its first ": " ("… was dropped: 这段文字"); that is the
convention reconstruction warnings that drop text follow.

Layout marks are not text and may be dropped silently:
- Markdown marks: `#`…`######` heading marks and `>` quote marks at the start
  of a block, and `>` at the start of the other lines of a quote block;
- the dash run (——, —, －－, --, ─) that introduces a subtitle: at the start of
  a line, or right before the start of an item's subtitle;
- in pages saved from `banmian reconstruct --markdown` (first line
  `<!-- banmian:reconstructed -->`): that marker, `<!-- kind -->` lines,
  `# ` / `## ——` / `### ` / `> ` prefixes, the `引题:` / `作者:` / `摄影:`
  field names and a leading escape backslash.

Problems are reported as `file:line: …` with the line of the page file where
the missing characters are (the lines whose text is not found verbatim in the
reconstruction are blamed first).
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Iterable, Optional

from .config import Config
from .content import RawPage, load_content
from .model import Reconstruction

RECONSTRUCTED_MARKER = "<!-- banmian:reconstructed -->"
_MD_MARK = re.compile(r"^(?:#{1,6}(?=[ \t\u3000]|$)|>)[ \t\u3000]*")
_QUOTE_MARK = re.compile(r"^>[ \t\u3000]*")
_DASH_RUN = re.compile(r"(?:——|—|－－|--|─)+[ \t\u3000]*")
_KIND_LINE = re.compile(r"^<!--\s*(?:article|photo|other)\s*-->$")
_RECON_PREFIX = re.compile(r"^(?:#{1,3} (?:——)?|> ?|引题:|作者:|摄影:|\\)")
_WS = re.compile(r"\s+")
MAX_REPORTED_LINES = 20  # per page


def _squeeze(text: Optional[str]) -> str:
    return _WS.sub("", text or "")


def produced_texts(rec: Reconstruction) -> list[str]:
    """Every string of the reconstruction that keeps page text: item fields and
    the text quoted in warnings."""
    out: list[str] = []
    for it in rec.items:
        out += [it.kicker or "", it.title or "", it.subtitle or "", it.byline or "", it.credit or ""]
        out += [p.text for p in it.paragraphs]
    for w in rec.warnings:
        out.append(warning_quote(w))
    return [s for s in out if s]


def warning_quote(w) -> str:
    """The page text a warning names: an explicit `text` attribute, else what
    follows the first ": " of its message."""
    text = getattr(w, "text", None)
    if text:
        return text
    _, sep, quoted = (w.message or "").partition(": ")
    return quoted if sep else ""


def source_lines(text: str, subtitles: Iterable[str] = ()) -> list[tuple[int, str]]:
    """(1-based line in `text`, the line's characters that must be kept, whitespace removed)."""
    # a subtitle printed on several lines is one subtitle, its lines joined by spaces:
    # each line's dash mark (`——副题`) marks the start of one of those parts
    subs = [s[:4] for s in (_squeeze(part) for x in subtitles for part in (x, *x.split())) if s]
    recon = text.lstrip().startswith(RECONSTRUCTED_MARKER)
    lines: list[tuple[int, str]] = []
    block_start, quote = True, False
    for n, line in enumerate(text.split("\n"), start=1):
        s = line.strip()
        if not s:
            block_start = True
            continue
        if recon:
            if s == RECONSTRUCTED_MARKER or _KIND_LINE.match(s):
                continue
            s = _RECON_PREFIX.sub("", s, count=1)
        elif block_start:
            quote = s.startswith(">")
            s = _MD_MARK.sub("", s, count=1)
        elif quote:
            s = _QUOTE_MARK.sub("", s, count=1)
        block_start = False
        lines.append((n, _squeeze(s)))
    out = []
    for k, (n, s) in enumerate(lines):
        # the text after a line ending in a dash run: the next line with words
        # (a line of dashes alone between is the same mark, printed apart)
        following = next((x.lstrip("—－-─") for _, x in lines[k + 1:k + 4] if x.lstrip("—－-─")), "")
        kept, pos = [], 0
        for m in _DASH_RUN.finditer(s):
            after = s[m.end():] or following
            if m.start() == 0 or any(after and after[:len(x)] == x[:len(after)] for x in subs):
                kept.append(s[pos:m.start()])
                pos = m.end()
        kept.append(s[pos:])
        s = "".join(kept)
        if s:
            out.append((n, s))
    return out


def conservation_problems(text: str, rec: Reconstruction, path: Path | str,
                          first_line: int = 1) -> list[str]:
    """Problems (`file:line: …`) for characters of `text` that `rec` lost.

    `first_line` is the line of the page file where `text` starts (after front matter).
    """
    produced = produced_texts(rec)
    subtitles = [it.subtitle for it in rec.items if it.subtitle]
    lines = source_lines(text, subtitles)
    need = Counter()
    for _, s in lines:
        need.update(s)
    have = Counter()
    for s in produced:
        have.update(_squeeze(s))
    missing = need - have
    if not missing:
        return []
    return _locate(missing, lines, produced, path, first_line)


def _locate(missing: Counter, lines: list[tuple[int, str]], produced: list[str],
            path: Path | str, first_line: int) -> list[str]:
    """Blame the missing characters on lines: lines not found verbatim first."""
    blob = "\x00".join(_squeeze(s) for s in produced)
    candidates = [(n, s) for n, s in lines if any(c in missing for c in set(s))]
    lost_lines = [(n, s) for n, s in candidates[:2000] if s not in blob]
    order = lost_lines + [x for x in candidates if x not in lost_lines]
    left = Counter(missing)
    blame: dict[int, list[str]] = {}
    text_of = {}
    for n, s in order:
        for c in s:
            if left[c] > 0:
                left[c] -= 1
                blame.setdefault(n, []).append(c)
                text_of[n] = s
    total = sum(missing.values())
    problems = []
    for n in sorted(blame)[:MAX_REPORTED_LINES]:
        chars = "".join(blame[n])
        excerpt = text_of[n] if len(text_of[n]) <= 40 else text_of[n][:40] + "…"
        problems.append(f"{path}:{n + first_line - 1}: {len(chars)} character(s) of this line are "
                        f"in no article and no warning: {chars!r} (line: {excerpt})")
    if len(blame) > MAX_REPORTED_LINES:
        problems.append(f"{path}: … and {len(blame) - MAX_REPORTED_LINES} more lines "
                        f"({total} characters lost in all)")
    return problems


def check_page(raw: RawPage) -> list[str]:
    """Conservation problems of one page file."""
    from .reconstruct import reconstruct

    rec = reconstruct(raw.text)
    return conservation_problems(raw.text, rec, raw.path, raw.body_line)


def check_site(config: Config) -> list[str]:
    """Every problem found in the site's content, as `file:line: message` strings.

    Loading errors (bad encodings, broken front matter …) raise BanmianError
    as in a build; this returns what a build would silently lose.
    """
    problems: list[str] = []
    for issue in load_content(config.content_path):
        for raw in issue.pages:
            problems += check_page(raw)
    return problems
