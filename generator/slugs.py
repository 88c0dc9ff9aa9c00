"""Pinyin slugs for URLs: readable, ASCII, stable across rebuilds.

pypinyin's phrase dictionary picks the reading of polyphones in context
(重庆 → chong-qing, 银行 → yin-hang), so we convert whole titles, never single
characters.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

MAX_LENGTH = 60
_TOKEN = re.compile(r"[a-z0-9]+")
_KNOWN: dict[str, str] = {}  # title → slugify(title): pypinyin's import alone costs ~0.7 s
_NEW: dict[str, str] = {}  # what this process added to _KNOWN since take_new()


def remember(known: dict[str, str]) -> None:
    """Slugs from an earlier process (a build keeps them in its cache), so an edit that
    re-reconstructs one page need not import pypinyin for titles it has seen."""
    _KNOWN.update(known)


def known_slugs() -> dict[str, str]:
    """Every slug this process knows (bounded: a long serve session forgets old ones)."""
    if len(_KNOWN) > 200_000:
        _KNOWN.clear()
    return dict(_KNOWN)


def take_new() -> dict[str, str]:
    """The slugs this process computed since the last call (worker processes return them)."""
    new = dict(_NEW)
    _NEW.clear()
    return new


def _ascii_tokens(chunk: str) -> list[str]:
    """Latin letters and digits of a non-Chinese chunk, accents folded."""
    folded = unicodedata.normalize("NFKD", chunk).encode("ascii", "ignore").decode("ascii")
    return _TOKEN.findall(folded.lower())


def slugify(text: str, max_length: int = MAX_LENGTH) -> str:
    """Turn a (Chinese) title into `ju-jiao-min-sheng`; '' when nothing is left.

    The result is cut at a syllable boundary so it is at most `max_length`
    characters (a single over-long syllable/word is kept whole).
    """
    if max_length == MAX_LENGTH and text in _KNOWN:
        return _KNOWN[text]
    slug = _slugify(text, max_length)
    if max_length == MAX_LENGTH and text:
        _KNOWN[text] = _NEW[text] = slug
    return slug


def _slugify(text: str, max_length: int) -> str:
    from pypinyin import Style, lazy_pinyin  # imported on first use: ~0.7 s at start-up

    text = unicodedata.normalize("NFKC", text or "")
    tokens: list[str] = []
    for part in lazy_pinyin(text, style=Style.NORMAL, errors=lambda s: [s]):
        if re.fullmatch(r"[a-z]+", part) and part.isascii():
            tokens.append(part)  # one pinyin syllable
        else:
            tokens.extend(_ascii_tokens(part))  # Latin, digits, punctuation (dropped)
    slug = ""
    for tok in tokens:
        candidate = f"{slug}-{tok}" if slug else tok
        if len(candidate) > max_length and slug:
            break
        slug = candidate
    return slug


def unique_slugs(titles: Iterable[str], fallback: str = "item") -> list[str]:
    """Slugs for titles in order, made unique by -2, -3 … in the order given.

    Deterministic: the same titles in the same order give the same slugs.
    """
    seen: set[str] = set()
    out: list[str] = []
    for n, title in enumerate(titles, start=1):
        base = slugify(title) or f"{fallback}-{n}"
        slug, k = base, 2
        while slug in seen:
            slug = f"{base}-{k}"
            k += 1
        seen.add(slug)
        out.append(slug)
    return out


def assign_slugs(items) -> None:
    """Give every reconstructed item (model.Item) its slug, unique on its page:
    from the title, else an untitled article's opening words, else photo-N / item-N."""
    titles = []
    for n, it in enumerate(items, start=1):
        if it.title:
            titles.append(it.title)
        elif it.kind == "article" and it.paragraphs:
            titles.append(it.display_title)
        else:
            titles.append(f"{'photo' if it.kind == 'photo' else 'item'}-{n}")
    for it, slug in zip(items, unique_slugs(titles)):
        it.slug = slug
