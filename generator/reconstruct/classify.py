"""Block roles from shape (pass 1) and from context (pass 2, after joins)."""
from __future__ import annotations

import re

from .blocks import Block
from .lexicon import (CALLOUT_RE, CAPTION_HEAD_RE, CAPTION_TAIL_RE, CJK, CREDIT_RE, HEADING_MARK_RE, LEAD_RE,
                      NOISE_END_RE, NOISE_RE, BYLINE_ROLE_RE, bigrams, cjk_len, ends_closed, looks_like_name)

# roles
BODY, HEAD, SUBTITLE, BYLINE, CALLOUT = "body", "head", "subtitle", "byline", "callout"
CAPTION, CREDIT, NOISE, DUP, EMPTY = "caption", "credit", "noise", "dup", "empty"
TITLE, HEADING = "title", "heading"
TEXT_ROLES = {BODY, HEAD, SUBTITLE, BYLINE, CALLOUT, TITLE, HEADING}

_SUB_RE = re.compile(r"^(?:——|—|－－|--|─)+\s*")
_SPLIT_SUB = re.compile(r"\s*(?:——|－－)\s*")
_NAMEISH = re.compile(rf"^[{CJK}·]{{2,4}}$")
_PLACE = re.compile(r"^[^\s,，:：]{0,10}?(?:省|市|区|县|镇|乡|村|州|街道|社区|集团|公司|局|委|办|院|校|所)")


def is_short(b: Block) -> bool:
    t = b.flat
    n = len(t.replace(" ", "").replace("\u3000", ""))
    if n == 0 or n > 40:
        return False
    if ends_closed(t) or t[-1] in ";；:：,，、" or "。" in t:
        return False
    return True


def byline_shape(t: str) -> bool:
    t = t.strip()
    if not t or len(t) > 40 or any(c in t for c in "，。,;；!！?？“”\"《》"):
        return False
    s = BYLINE_ROLE_RE.sub("", t)
    toks = [x for x in re.split(r"[\s\u3000]+", s) if x]
    if not toks:
        return False
    if all(_NAMEISH.match(x) for x in toks) and len(toks) <= 6:
        return all(looks_like_name(x) for x in toks) or (len(toks) >= 2 and looks_like_name(toks[-1])) \
            or BYLINE_ROLE_RE.match(t) is not None or (len(toks) == 1 and looks_like_name(toks[0]))
    # "中共X市委常委、宣传部部长 袁义林": titles, then a name
    if len(toks) >= 2 and looks_like_name(toks[-1]) and len(toks) <= 4 and not any(c in s for c in ":："):
        return True
    return False


def shape(b: Block) -> str:
    t = b.flat
    if not t:
        return EMPTY
    n = len(t)
    if n <= 30 and CREDIT_RE.match(t.replace("\u3000", " ")):
        return CREDIT
    if n >= 12 and (CAPTION_TAIL_RE.search(t) and ("图为" in t or n <= 400)) and "摄" in t[-4:] + "新华社发资料图片供图":
        return CAPTION
    if n >= 12 and CAPTION_HEAD_RE.match(t) and n <= 400:
        return CAPTION
    if _SUB_RE.match(t) and len(t) <= 80 and not b.quote and "。" not in t[:-1]:
        return SUBTITLE
    if b.quote or (CALLOUT_RE.match(t) and n <= 400 and not b.md):
        return CALLOUT
    lines = b.text.split("\n")
    if not b.md and len(lines) >= 2 and all(len(x) <= 25 and not any(c in x for c in "。，,；;") for x in lines):
        return NOISE
    if not b.md and n <= 20 and (NOISE_RE.search(t) or NOISE_END_RE.search(t)) and not ends_closed(t):
        return NOISE
    if b.md and n <= 120 and "。" not in t[:-1]:
        return HEAD
    if is_short(b):
        return HEAD
    return BODY


def split_title(t: str) -> tuple[str, str | None]:
    """`title ——subtitle` on one line → (title, subtitle)."""
    parts = _SPLIT_SUB.split(t, maxsplit=1)
    if len(parts) == 2 and parts[0].strip() and parts[1].strip():
        return parts[0].strip(), parts[1].strip()
    return t, None


def strip_subtitle(t: str) -> str:
    return _SUB_RE.sub("", t).strip()


def title_evidence(t: str) -> float:
    """Shape evidence that a short line is an article title rather than a section heading."""
    s = 0.0
    if HEADING_MARK_RE.match(t):
        s -= 3
    if re.search(r"[:：]", t[2:]):
        s += 1.5
    if _PLACE.match(t):
        s += 1.0
    if len(t) >= 18:
        s += 0.5
    if len(t) <= 8:
        s -= 1.0
    return s


def idf_weights(blocks: list[Block]) -> tuple[list[set[str]], dict[str, float]]:
    import math
    sets = [bigrams(b.flat) for b in blocks]
    df: dict[str, int] = {}
    for s in sets:
        for g in s:
            df[g] = df.get(g, 0) + 1
    n = max(2, len(blocks))
    idf = {g: math.log(n / d) for g, d in df.items()}
    return sets, idf


def cohesion(a: set[str], b: set[str], idf: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(idf.get(g, 0.0) for g in a if g in b)


def is_lead(t: str) -> bool:
    return LEAD_RE.match(t) is not None
