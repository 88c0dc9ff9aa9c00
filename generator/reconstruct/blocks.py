"""Page text → blocks (blank-line separated), with line numbers and Markdown hints."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

_MD_HEADING = re.compile(r"^(#{1,6})[ \t\u3000]+(.*)$|^(#{1,6})$")
_QUOTE = re.compile(r"^>[ \t\u3000]?")


@dataclass
class Block:
    index: int          # 0-based index among the non-empty blocks of the page
    text: str           # lines stripped, Markdown marks removed, joined by "\n"
    line: int           # 1-based line of the block's first line in the input
    raw: str            # the block as given (lines stripped)
    md: int = 0         # Markdown heading level of the first line (0: none)
    quote: bool = False  # first line was a Markdown blockquote (`>`)
    role: str = ""       # set by classify / engine

    @cached_property
    def flat(self) -> str:
        """Text without line breaks (what a paragraph joins). Cached in the
        instance (a plain attribute read: scoring joins reads it very often)
        and forgotten when `text` is set."""
        return "".join(self.text.split("\n"))


def _get_text(b: Block) -> str:
    return b.__dict__["_text"]


def _set_text(b: Block, value: str) -> None:
    d = b.__dict__
    d["_text"] = value
    d.pop("flat", None)


# `text` as a property (set by the dataclass __init__ too), so that setting it
# forgets `flat` while every other attribute is set at plain speed (roles and
# scores are set on blocks very often; a __setattr__ would slow them all)
Block.text = property(_get_text, _set_text)


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def split_raw(text: str) -> list[tuple[int, list[str]]]:
    """[(first line number, [stripped lines])] for each non-empty block."""
    out, cur, start = [], [], 0
    for n, line in enumerate(_lines(text), start=1):
        s = line.strip()
        if s:
            if not cur:
                start = n
            cur.append(s)
        elif cur:
            out.append((start, cur))
            cur = []
    if cur:
        out.append((start, cur))
    return out


def split_blocks(text: str) -> list[str]:
    """Blank-line-separated blocks, stripped, empty ones dropped (0-based order)."""
    return ["\n".join(lines) for _, lines in split_raw(text)]


def parse_blocks(text: str) -> list[Block]:
    blocks = []
    for i, (line, lines) in enumerate(split_raw(text)):
        raw = "\n".join(lines)
        first, rest = lines[0], lines[1:]
        md, quote = 0, False
        m = _MD_HEADING.match(first)
        if m:
            md = len(m.group(1) or m.group(3))
            first = (m.group(2) or "").strip()
        elif _QUOTE.match(first):
            quote = True
            first = _QUOTE.sub("", first, count=1).strip()
            rest = [_QUOTE.sub("", r, count=1).strip() for r in rest]
        body = "\n".join(x for x in [first] + rest if x)
        blocks.append(Block(i, body, line, raw, md, quote))
    return blocks
