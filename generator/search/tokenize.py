"""The search tokenizer: overlapping CJK bigrams, lower-cased Latin/digit words.

The same algorithm lives in `themes/default/static/search.js` (`tokenize`); the
two must give byte-identical tokens (tests/search/test_search_tokenize.py runs both).

1. Every code point is normalised on its own: NFKC, then lower-cased
   (full-width Ａ１ → a1, ① → 1, half-width ｶ → カ).
2. A resulting character is CJK when it lies in a CJK block (Han, kana, Hangul,
   bopomofo …) and is a letter, number or mark; it is a word character when it
   is any other letter, number or mark; everything else separates tokens.
3. A run of CJK characters gives its overlapping bigrams (思想道德 → 思想 想道 道德),
   a one-character run gives that character; a run of word characters gives
   one token.
"""
from __future__ import annotations

import re
import unicodedata

# CJK blocks (inclusive code point ranges); only letters/numbers/marks in them count.
CJK_RANGES = (
    (0x1100, 0x11FF),    # Hangul Jamo
    (0x2E80, 0x2FDF),    # CJK radicals, Kangxi radicals
    (0x3005, 0x3007),    # 々 〆 〇
    (0x3021, 0x3029),    # Hangzhou numerals
    (0x3031, 0x3035),    # kana repeat marks
    (0x3038, 0x303C),
    (0x3040, 0x30FF),    # Hiragana, Katakana
    (0x3100, 0x312F),    # Bopomofo
    (0x3130, 0x318F),    # Hangul compatibility Jamo
    (0x31A0, 0x31BF),    # Bopomofo extended
    (0x31F0, 0x31FF),    # Katakana phonetic extensions
    (0x3400, 0x4DBF),    # CJK extension A
    (0x4E00, 0x9FFF),    # CJK unified ideographs
    (0xA960, 0xA97F),    # Hangul Jamo extended A
    (0xAC00, 0xD7FF),    # Hangul syllables, Jamo extended B
    (0xF900, 0xFAFF),    # CJK compatibility ideographs
    (0x1B000, 0x1B16F),  # Kana supplement / extended
    (0x20000, 0x3FFFF),  # CJK extensions B–H, compatibility supplement
)


def is_cjk_code(cp: int) -> bool:
    for lo, hi in CJK_RANGES:
        if cp < lo:
            return False
        if cp <= hi:
            return True
    return False


class _NormTable(dict):
    """code point → normalised replacement ('\\x01' marks nothing: a separator)."""

    def __missing__(self, cp: int) -> str:
        out = []
        for ch in unicodedata.normalize("NFKC", chr(cp)).lower():
            if unicodedata.category(ch)[0] in "LNM":
                out.append(ch)
            else:
                out.append(" ")
        value = "".join(out)
        self[cp] = value
        return value


_NORM = _NormTable()


def _cjk_class() -> str:
    parts = []
    for lo, hi in CJK_RANGES:
        parts.append(f"{chr(lo)}-{chr(hi)}")
    return "".join(parts)


_CJK = _cjk_class()
_RUNS = re.compile(f"[{_CJK}]+|[^ {_CJK}]+")
_WORD_RUN = re.compile(f"[^ {_CJK}]+")
CJK_BIGRAM = re.compile(f"[{_CJK}]{{2}}")


def normalize(text: str) -> str:
    """Per-code-point NFKC + lower-case, separators turned into spaces."""
    return text.translate(_NORM)


def tokenize(text: str) -> list[str]:
    """The search terms of `text`, in order (duplicates kept)."""
    tokens: list[str] = []
    append, extend = tokens.append, tokens.extend
    for run in _RUNS.findall(normalize(text)):
        if is_cjk_code(ord(run[0])):
            n = len(run)
            if n == 1:
                append(run)
            else:
                extend([run[i:i + 2] for i in range(n - 1)])
        else:
            append(run)
    return tokens


def cover(terms: list[str]) -> list[str]:
    """A non-overlapping cover of a CJK run's bigrams (思想道德建设 → 思想 道德 建设;
    an odd count of characters adds the last bigram): what the browser looks up."""
    if len(terms) < 3:
        return terms
    out = terms[::2]
    if len(terms) % 2 == 0:
        out.append(terms[-1])
    return out


def query_slots(text: str) -> list[dict]:
    """Split a typed query into slots the browser ANDs together (search.js
    `querySlots`).

    Each slot is {"text": surface, "terms": [...], "cjk": bool}; a CJK slot
    holds the covering bigrams of one CJK run, a Latin slot one word (pinyin
    candidate).
    """
    slots = []
    for run in _RUNS.findall(normalize(text)):
        if is_cjk_code(ord(run[0])):
            terms = [run] if len(run) == 1 else cover([run[i:i + 2] for i in range(len(run) - 1)])
            slots.append({"text": run, "terms": terms, "cjk": True})
        else:
            slots.append({"text": run, "terms": [run], "cjk": False})
    return slots
