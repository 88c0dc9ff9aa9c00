"""Pinyin → words rewrite table: a reader typing `huairou` finds 怀柔.

Words come from the corpus without segmenting it (jieba over a year of text
takes minutes): every two-character term of the index that jieba's dictionary
knows or that appears in a byline (names), and every 3–4 character dictionary
word all of whose bigrams occur in the index (格尔木, 怀柔区). Keys are the
toneless pinyin joined (`geermu`, `lv` for ü), values the words, most frequent
first. The table is sharded by the key's first letter.
"""
from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections import defaultdict
from typing import Iterable, Mapping

MAX_WORDS_PER_KEY = 6


_DICT_LINE = re.compile(r"^(\S{2,4}) (\d+)", re.M)
_MARKS = re.compile("[\u0300-\u036f]")


@functools.lru_cache(maxsize=1)
def _dictionary() -> Mapping[str, int]:
    """jieba's dictionary (the configured one): words of 2–4 characters → frequency.
    Parsed directly: loading jieba's whole prefix dictionary takes seconds. The parse
    is kept (marshal) in Banmian's user cache directory ($XDG_CACHE_HOME/banmian or
    ~/.cache/banmian), keyed by the sha256 of the dictionary file; recomputed when
    that is missing, stale or unwritable. jieba itself is imported only when it already
    is (only then can its dictionary have been configured away from the default)."""
    import hashlib
    import importlib.util
    import marshal
    import os
    import sys
    import tempfile
    import zlib

    version = 1
    raw = None
    if "jieba" not in sys.modules:
        spec = importlib.util.find_spec("jieba")
        if spec is not None and spec.origin:
            try:  # what jieba.dt.get_dict_file() opens for the default dictionary
                with open(os.path.join(os.path.dirname(spec.origin), "dict.txt"), "rb") as f:
                    raw = f.read()
            except OSError:
                raw = None
    if raw is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        with jieba.dt.get_dict_file() as f:
            raw = f.read()
    key = f"{hashlib.sha256(raw).hexdigest()}:{version}:{marshal.version}"
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "banmian")
    path = os.path.join(folder, f"pinyin-dict-v{version}-{key[:24]}.marshal")
    try:
        with open(path, "rb") as f:
            k, crc, payload = marshal.loads(f.read())
        if k == key and zlib.crc32(payload) == crc:
            return marshal.loads(payload)
    except (OSError, EOFError, TypeError, ValueError):
        pass
    text = raw.decode("utf-8")
    out = {w: int(n) for w, n in _DICT_LINE.findall(text) if int(n) > 0}
    tmp = None
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".pinyin-dict-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            payload = marshal.dumps(out, 4)
            f.write(marshal.dumps((key, zlib.crc32(payload), payload), 4))
        os.replace(tmp, path)
        tmp = None
    except (OSError, ValueError):
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return out


@functools.lru_cache(maxsize=1)
def dictionary_bigrams() -> frozenset[str]:
    """Every bigram a dictionary word of 2–4 characters is made of: only these
    can put a word in the table (besides names)."""
    return frozenset(w[i:i + 2] for w in _dictionary() for i in range(len(w) - 1))


def _code(bigram: str) -> int:
    return ord(bigram[0]) << 21 | ord(bigram[1])


@functools.lru_cache(maxsize=1)
def dictionary_bigram_codes():
    """`dictionary_bigrams()` as a sorted numpy array of codes (first << 21 | second)."""
    import numpy as np

    return np.array(sorted(_code(b) for b in dictionary_bigrams()), dtype=np.int64)


@functools.lru_cache(maxsize=1)
def _long_words():
    """Dictionary words of 3–4 characters and their bigram codes, laid out flat
    (word k's bigrams start at starts[k]) so a whole table is one vectorised lookup."""
    import numpy as np

    words = [w for w in _dictionary() if len(w) >= 3]
    codes, starts = [], []
    for w in words:
        starts.append(len(codes))
        codes.extend(_code(w[i:i + 2]) for i in range(len(w) - 1))
    return words, np.array(codes, dtype=np.int64), np.array(starts, dtype=np.int64)


def _long_word_scores(bigram_df: Mapping[str, int]) -> dict[str, int]:
    """3–4 character dictionary words all of whose bigrams occur → their rarest bigram's df."""
    try:
        import numpy as np
    except ImportError:  # the slow way, same result
        out = {}
        for word in _dictionary():
            if len(word) >= 3:
                dfs = [bigram_df.get(word[i:i + 2], 0) for i in range(len(word) - 1)]
                if min(dfs):
                    out[word] = min(dfs)
        return out
    words, codes, starts = _long_words()
    if not bigram_df or not words:
        return {}
    keys = np.array([_code(b) for b in bigram_df], dtype=np.int64)
    vals = np.array(list(bigram_df.values()), dtype=np.int64)
    order = np.argsort(keys)
    keys, vals = keys[order], vals[order]
    at = np.minimum(np.searchsorted(keys, codes), len(keys) - 1)
    dfs = np.where(keys[at] == codes, vals[at], 0)
    least = np.minimum.reduceat(dfs, starts)
    return {words[k]: int(least[k]) for k in np.flatnonzero(least > 0).tolist()}


def _toneless(syllable: str) -> str:
    return _MARKS.sub("", unicodedata.normalize("NFD", syllable).replace("u\u0308", "v"))


def _fmm(w: str, phrases, chars) -> list[str] | None:
    """lazy_pinyin's own way for one word: forward maximum matching against the
    phrase table, single characters by their first reading."""
    out: list[str] = []
    i, n = 0, len(w)
    while i < n:
        for j in range(n, i + 1, -1):
            if w[i:j] in phrases:
                out.extend(_toneless(r[0]) for r in phrases[w[i:j]])
                i = j
                break
        else:
            r = chars.get(ord(w[i]))
            if not r:
                return None
            out.append(_toneless(r.split(",")[0]))
            i += 1
    return out


_PY_CACHE: dict[str, str | None] = {}


def _pinyin_of(words: Iterable[str]) -> dict[str, str]:
    """word → toneless pinyin as pypinyin's lazy_pinyin gives it; words in
    pypinyin's phrase table or made of characters with one reading are looked
    up directly (lazy_pinyin costs ~0.1 ms a word)."""
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    out = {}
    for w in words:
        key = _PY_CACHE.get(w, "")
        if key == "":
            syllables = _fmm(w, PHRASES_DICT, PINYIN_DICT)
            if syllables is None or len(syllables) != len(w) or not all(x.isascii() and x.isalpha() for x in syllables):
                syllables = lazy_pinyin(w, style=Style.NORMAL, errors="ignore")
            key = "".join(syllables).lower() if len(syllables) == len(w) else None
            if key is not None and not (key.isascii() and key.isalpha()):
                key = None
            _PY_CACHE[w] = key
        if key is not None:
            out[w] = key
    return out


def build_table(bigram_df: Mapping[str, int], names: Iterable[str] = ()) -> dict[str, list[str]]:
    """pinyin key → words. `bigram_df`: CJK bigram → number of documents holding it;
    `names`: bigrams that may be names (from bylines) and count even when the
    dictionary does not know them."""
    freq = _dictionary()
    score: dict[str, int] = {}
    for bg, df in bigram_df.items():
        if bg in freq:
            score[bg] = df
    for bg in names:
        if bg in bigram_df:
            score[bg] = bigram_df[bg]
    score.update(_long_word_scores(bigram_df))
    cjk_words = [w for w in score if all("\u3400" <= ch <= "\u9fff" for ch in w)]
    keys = _pinyin_of(cjk_words)
    table: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for w, key in keys.items():
        table[key].append((-score[w], w))
    return {key: [w for _, w in sorted(ws)[:MAX_WORDS_PER_KEY]] for key, ws in sorted(table.items())}


def shard_table(table: Mapping[str, list[str]]) -> dict[str, dict[str, list[str]]]:
    shards: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for key, words in table.items():
        shards[key[0]][key] = words
    return dict(shards)
