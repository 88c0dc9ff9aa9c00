"""Pinyin → words rewrite table: a reader typing `huairou` finds 怀柔.

Words come from the corpus without segmenting it (jieba over a year of text
takes minutes): every two-character term of the index that jieba's dictionary
knows or that appears in a byline (names), and every 3–4 character dictionary
word all of whose bigrams occur in the index (格尔木, 怀柔区). Keys are the
toneless pinyin joined (`geermu`, `lv` for ü), values the words, most frequent
first. The table is sharded by the key's first letter.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from typing import Iterable, Mapping

MAX_WORDS_PER_KEY = 6


def _dictionary() -> Mapping[str, int]:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    return jieba.dt.FREQ


def _pinyin_of(words: Iterable[str]) -> dict[str, str]:
    from pypinyin import Style, lazy_pinyin

    out = {}
    for w in words:
        syllables = lazy_pinyin(w, style=Style.NORMAL, errors="ignore")
        if len(syllables) != len(w):
            continue
        key = "".join(syllables).lower()
        if key.isascii() and key.isalpha():
            out[w] = key
    return out


def build_table(bigram_df: Mapping[str, int], names: Iterable[str] = ()) -> dict[str, list[str]]:
    """pinyin key → words. `bigram_df`: CJK bigram → number of documents holding it;
    `names`: bigrams that may be names (from bylines) and count even when the
    dictionary does not know them."""
    freq = _dictionary()
    score: dict[str, int] = {}
    for bg, df in bigram_df.items():
        if bg in freq and freq[bg] > 0:
            score[bg] = df
    for bg in names:
        if bg in bigram_df:
            score[bg] = bigram_df[bg]
    for word, f in freq.items():
        n = len(word)
        if f <= 0 or n < 3 or n > 4:
            continue
        dfs = [bigram_df.get(word[i:i + 2], 0) for i in range(n - 1)]
        if min(dfs):
            score[word] = min(dfs)
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
