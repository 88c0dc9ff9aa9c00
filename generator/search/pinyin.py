"""Pinyin → words rewrite table: a reader typing `huairou` finds 怀柔.

Words come from the corpus without segmenting it (jieba over a year of text
takes minutes): every two-character term of the index that jieba's dictionary
knows or that appears in a byline (names), and every 3–4 character dictionary
word all of whose bigrams occur in the index (格尔木, 怀柔区). Keys are the
toneless pinyin joined (`geermu`, `lv` for ü), values the words, most frequent
first (at most six). The table is sharded by the key's first letter.

`build_table` / `shard_table` say it plainly (the reference, for tests). The
build uses `table_rows` / `render_letter`: the same table over arrays of the
`Lexicon` (the dictionary's words with their bigrams and pinyin keys, made once
and kept in the user cache), fast enough to redo on every merge, one letter's
file at a time.
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


def _cache_folder() -> str:
    import os

    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "banmian")


def _write_cache(path: str, payload: bytes) -> None:
    """Write a user cache file atomically; silently skipped when that fails."""
    import os
    import tempfile

    tmp = None
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".banmian-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
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


@functools.lru_cache(maxsize=1)
def _dictionary_source() -> tuple[bytes, str]:
    """The raw bytes of jieba's dictionary (the configured one) and a key for caches
    derived from it. jieba itself is imported only when it already is (only then can
    its dictionary have been configured away from the default)."""
    import hashlib
    import importlib.util
    import marshal
    import os
    import sys

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
    return raw, f"{hashlib.sha256(raw).hexdigest()}:{version}:{marshal.version}"


@functools.lru_cache(maxsize=1)
def _dictionary() -> Mapping[str, int]:
    """jieba's dictionary (the configured one): words of 2–4 characters → frequency.
    Parsed directly: loading jieba's whole prefix dictionary takes seconds. The parse
    is kept (marshal) in Banmian's user cache directory ($XDG_CACHE_HOME/banmian or
    ~/.cache/banmian), keyed by the sha256 of the dictionary file; recomputed when
    that is missing, stale or unwritable."""
    import marshal
    import os
    import zlib

    raw, key = _dictionary_source()
    path = os.path.join(_cache_folder(), f"pinyin-dict-v1-{key[:24]}.marshal")
    try:
        with open(path, "rb") as f:
            k, crc, payload = marshal.loads(f.read())
        if k == key and zlib.crc32(payload) == crc:
            return marshal.loads(payload)
    except (OSError, EOFError, TypeError, ValueError):
        pass
    text = raw.decode("utf-8")
    out = {w: int(n) for w, n in _DICT_LINE.findall(text) if int(n) > 0}
    payload = marshal.dumps(out, 4)
    _write_cache(path, marshal.dumps((key, zlib.crc32(payload), payload), 4))
    return out


class Lexicon:
    """The dictionary words the table can hold (2–4 characters, all in U+3400–U+9FFF),
    as arrays: `words` (sorted), `vocab` (sorted codes first << 21 | second of the
    bigrams they are made of), `word_bi` (each word's bigrams as indices into vocab,
    -1 where a shorter word has none), and their pinyin keys: `keys` (sorted, unique)
    and `key_of` (each word's index into keys, -1 for none). Kept in the user cache
    (`_dump_arrays`, mapped into memory) by the dictionary's key and pypinyin's version: made once (~7 s of
    pypinyin), a fresh process loads it in milliseconds and never imports pypinyin
    for a dictionary word."""

    def __init__(self, key: str, words, vocab, word_bi, keys_blob, key_of, key_letter):
        self.key, self.words, self.vocab, self.word_bi = key, words, vocab, word_bi
        self.key_of, self.key_letter, self._blob, self._keys = key_of, key_letter, keys_blob, None
        self._by_bigram = self._by_letter = self._ends = None

    def indexes(self) -> dict:
        """The inverted indexes of words_with and letter_words (cached with the lexicon)."""
        self.words_with([])
        self.letter_words([])
        return {"bi_words": self._by_bigram[0], "bi_start": self._by_bigram[1],
                "letter_words": self._by_letter[0], "letter_start": self._by_letter[1]}

    def set_indexes(self, z) -> None:
        self._by_bigram = (z["bi_words"], z["bi_start"])
        self._by_letter = (z["letter_words"], z["letter_start"])

    def words_with(self, bigrams):
        """The words made with any of these bigrams (indices into vocab)."""
        import numpy as np

        if self._by_bigram is None:
            flat = self.word_bi.ravel()
            ok = np.flatnonzero(flat >= 0)
            o = np.argsort(flat[ok], kind="stable")
            words = (ok // self.word_bi.shape[1])[o]
            start = np.searchsorted(flat[ok][o], np.arange(len(self.vocab) + 1))
            self._by_bigram = (words.astype(np.int32), start.astype(np.int64))
        words, start = self._by_bigram
        bigrams = np.asarray(bigrams, dtype=np.int64)
        if not len(bigrams):
            return np.zeros(0, np.int64)
        from .postings import unique

        return unique(np.concatenate([words[start[b]:start[b + 1]] for b in bigrams.tolist()]))

    def letter_words(self, letters):
        """The words whose key starts with one of these letters (code points), ascending."""
        import numpy as np

        if self._by_letter is None:
            lw = np.where(self.key_of >= 0, self.key_letter[np.maximum(self.key_of, 0)], 0)
            o = np.argsort(lw, kind="stable")
            self._by_letter = (o.astype(np.int32), np.searchsorted(lw[o], np.arange(129)).astype(np.int64))
        o, start = self._by_letter
        parts = [o[start[c]:start[c + 1]] for c in sorted(letters) if 0 < c < 128]
        return np.sort(np.concatenate(parts)).astype(np.int64) if parts else np.zeros(0, np.int64)

    @property
    def keys(self) -> list[str]:
        """The keys, sorted (decoded on first use)."""
        if self._keys is None:
            text = bytes(self._blob).decode("ascii")
            self._keys = text.split("\n") if text else []
        return self._keys

    def key_str(self, i: int) -> str:
        """Key i, without decoding them all."""
        if self._keys is not None:
            return self._keys[i]
        if self._ends is None:
            import numpy as np

            self._ends = np.flatnonzero(np.append(np.asarray(self._blob) == 10, True)).tolist()
        start = self._ends[i - 1] + 1 if i else 0
        return bytes(self._blob[start:self._ends[i]]).decode("ascii")

    def index(self, codes):
        """Indices into vocab of bigram codes (-1 for codes not in it)."""
        import numpy as np

        codes = np.asarray(codes, dtype=np.int64)
        if not len(self.vocab) or not len(codes):
            return np.full(len(codes), -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(self.vocab, codes), len(self.vocab) - 1)
        return np.where(self.vocab[at] == codes, at, -1)


def _keys_job(words: list[str]) -> list:
    keys = _pinyin_of(words)
    return [keys.get(w) for w in words]


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    import os

    import numpy as np

    raw, key = _dictionary_source()
    from ..cache import installed_version

    version = installed_version("pypinyin")
    if version is None:
        try:
            from importlib.metadata import version as _version

            version = _version("pypinyin")
        except Exception:  # pragma: no cover - not installed as a distribution
            version = "?"
    key += ":pypinyin=" + version
    path = os.path.join(_cache_folder(), f"pinyin-lex-v4-{_hex(key)[:24]}.bin")
    z = _load_arrays(path, key)
    if z is not None:
        try:
            lex = Lexicon(key, z["words"], z["vocab"], z["word_bi"], z["keys"], z["key_of"],
                          z["key_letter"].astype(np.int64))
            lex.set_indexes(z)
            return lex
        except KeyError:
            pass
    words = np.array(sorted(w for w in _dictionary() if all("\u3400" <= ch <= "\u9fff" for ch in w)), dtype="<U4")
    cps = words.view(np.uint32).reshape(len(words), 4).astype(np.int64)
    n = np.char.str_len(words)
    codes = (cps[:, :3] << 21) | cps[:, 1:]
    valid = np.arange(3)[None, :] < (n - 1)[:, None]
    vocab = np.unique(codes[valid])
    word_bi = np.where(valid, np.searchsorted(vocab, codes), -1).astype(np.int32)
    wl = words.tolist()
    workers = min(4, os.cpu_count() or 1)
    chunks = [wl[i::workers] for i in range(workers)]
    if workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            got = list(pool.map(_keys_job, chunks))
    else:
        got = [_keys_job(chunks[0])]
    word_keys: list = [None] * len(wl)
    for i, part in enumerate(got):
        word_keys[i::workers] = part
    keys = sorted({k for k in word_keys if k is not None})
    at = {k: i for i, k in enumerate(keys)}
    key_of = np.array([at[k] if k is not None else -1 for k in word_keys], dtype=np.int32)
    blob = np.frombuffer("\n".join(keys).encode("ascii"), dtype=np.uint8)
    letter = np.array([ord(k[0]) for k in keys], dtype=np.uint8)
    lex = Lexicon(key, words, vocab, word_bi, blob, key_of, letter.astype(np.int64))
    _write_cache(path, _dump_arrays(key, dict(words=words, vocab=vocab, word_bi=word_bi, keys=blob, key_of=key_of,
                                              key_letter=letter, **lex.indexes())))
    return lex


_ARRAYS_MAGIC = b"banmian-arrays-1\n"


def _dump_arrays(key: str, arrays: dict) -> bytes:
    """Named numpy arrays as one file: a magic line, a JSON header's length (8 bytes)
    and the header (the key; each array's dtype, shape and offset), then the arrays'
    bytes, each 64-byte aligned. Unlike .npz (a zip: each member read, checked and
    copied, ~0.07 s for the lexicon) it maps into memory as it is (`_load_arrays`)."""
    import json

    import numpy as np

    entries, blobs, at = {}, [], 0
    for name, a in arrays.items():
        a = np.ascontiguousarray(a)
        entries[name] = [a.dtype.str, list(a.shape), at]
        blobs.append(a.tobytes())
        at += -(-len(blobs[-1]) // 64) * 64
    header = json.dumps({"key": key, "arrays": entries}, sort_keys=True).encode("utf-8")
    start = -(-(len(_ARRAYS_MAGIC) + 8 + len(header)) // 64) * 64
    out = bytearray(start + at)
    out[:len(_ARRAYS_MAGIC)] = _ARRAYS_MAGIC
    out[len(_ARRAYS_MAGIC):len(_ARRAYS_MAGIC) + 8] = len(header).to_bytes(8, "little")
    out[len(_ARRAYS_MAGIC) + 8:len(_ARRAYS_MAGIC) + 8 + len(header)] = header
    for (_, _, off), blob in zip(entries.values(), blobs):
        out[start + off:start + off + len(blob)] = blob
    return bytes(out)


def _load_arrays(path: str, key: str) -> dict | None:
    """The arrays `_dump_arrays` wrote for `key`, as read-only views of the file mapped
    into memory (pages are read as they are used); None when missing, damaged or for
    another key."""
    import json
    import mmap

    import numpy as np

    try:
        with open(path, "rb") as f:
            mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        n = len(_ARRAYS_MAGIC)
        if mm[:n] != _ARRAYS_MAGIC:
            return None
        size = int.from_bytes(mm[n:n + 8], "little")
        header = json.loads(mm[n + 8:n + 8 + size].decode("utf-8"))
        if header.get("key") != key:
            return None
        start = -(-(n + 8 + size) // 64) * 64
        out = {}
        for name, (dtype, shape, off) in header["arrays"].items():
            dt = np.dtype(dtype)
            count = int(np.prod(shape, dtype=np.int64))
            if start + off + count * dt.itemsize > len(mm):
                return None
            out[name] = np.frombuffer(mm, dtype=dt, count=count, offset=start + off).reshape(shape)
        return out
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _hex(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.lru_cache(maxsize=1)
def dictionary_bigrams() -> frozenset[str]:
    """Every bigram a dictionary word of 2–4 characters is made of: only these
    can put a word in the table (besides names)."""
    return frozenset(w[i:i + 2] for w in _dictionary() for i in range(len(w) - 1))


def _code(bigram: str) -> int:
    return ord(bigram[0]) << 21 | ord(bigram[1])


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


@functools.lru_cache(maxsize=4096)
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




def name_keys(words: Iterable[str], known: dict[str, str | None]) -> dict[str, str | None]:
    """Pinyin keys of words outside the lexicon (names from bylines), from `known`
    (a build cache's, updated in place) or pypinyin."""
    todo = [w for w in words if w not in known]
    if todo:
        got = _pinyin_of(todo)
        for w in todo:
            known[w] = got.get(w)
    return {w: known[w] for w in words}


def name_rows(lex: Lexicon, names, names_df, known: dict) -> tuple:
    """The candidate rows that byline names outside the dictionary add to the table
    (see table_rows): (key ids, key ranks, first letters, word ids, word ranks,
    scores) as arrays, and the keys only names have (key id -2 - i for extra[i]).
    A plain tuple of arrays and a list: a build cache may keep it."""
    import bisect

    import numpy as np

    names = np.asarray(names, dtype=np.int64)
    names_df = np.asarray(names_df, dtype=np.int64)
    empty = np.zeros(0, np.int64)
    if len(names):
        first, second = names >> 21, names & ((1 << 21) - 1)
        ok = (first >= 0x3400) & (first <= 0x9FFF) & (second >= 0x3400) & (second <= 0x9FFF) & (names_df > 0)
        names, names_df = names[ok], names_df[ok]
    if not len(names):
        return (empty,) * 6 + ([],)
    strings = [chr(c >> 21) + chr(c & 0x1FFFFF) for c in names.tolist()]
    arr = np.array(strings, dtype="<U4")
    at = np.searchsorted(lex.words, arr)
    inlex = lex.words[np.minimum(at, len(lex.words) - 1)] == arr
    other = np.flatnonzero(~inlex).tolist()          # a dictionary word is scored the same already
    keys = name_keys([strings[i] for i in other], known)
    lkeys = lex.keys
    pos = {}
    for i in other:
        k = keys[strings[i]]
        if k is not None and k not in pos:
            j = bisect.bisect_left(lkeys, k)
            pos[k] = j if j < len(lkeys) and lkeys[j] == k else -1 - j
    extra = sorted(k for k, j in pos.items() if j < 0)
    eid = {k: n for n, k in enumerate(extra)}
    rows = []
    for i in other:
        k = keys[strings[i]]
        if k is None:
            continue
        j = pos[k]
        if j >= 0:
            rows.append((j, (2 * j + 1) << 20, ord(k[0]), i))
        else:                                         # between lexicon keys -1-j-1 and -1-j
            rows.append((-2 - eid[k], ((2 * (-1 - j)) << 20) + eid[k], ord(k[0]), i))
    if not rows:
        return (empty,) * 6 + ([],)
    kid, krank, letter, i = (np.array(c, dtype=np.int64) for c in zip(*rows))
    return kid, krank, letter, -1 - names[i], 2 * at[i], names_df[i], extra


def table_rows(lex: Lexicon, dict_df, named: tuple, letters=None) -> dict[str, tuple]:
    """`build_table` + `shard_table` over arrays, fast: `dict_df[i]` is the number of
    documents holding the bigram lex.vocab[i]; `named`: name_rows() of the byline
    names. Returns first letter → (keys, words) of its file in order: keys as lexicon
    key ids or, for a key only names have, its string; words as lexicon word ids or,
    for a name, -1 - its code; each key's words most frequent first (at most
    MAX_WORDS_PER_KEY). `render_letter` makes the file of it. `letters`: only the
    files of these first letters (code points), each the same as in the whole table."""
    import numpy as np

    dict_df = np.asarray(dict_df, dtype=np.int64)
    big = np.iinfo(np.int64).max
    padded = np.append(dict_df, big)
    if letters is None:
        score = padded[lex.word_bi].min(axis=1)
        pick = np.flatnonzero((score > 0) & (score < big))
        sc = score[pick]
    else:
        pick = lex.letter_words(letters)
        sc = padded[lex.word_bi[pick]].min(axis=1)
        ok = (sc > 0) & (sc < big)
        pick, sc = pick[ok], sc[ok]
    kid = lex.key_of[pick].astype(np.int64)
    ok = kid >= 0
    pick, sc, kid = pick[ok], sc[ok], kid[ok]
    krank = (2 * kid + 1) << 20
    letter = lex.key_letter[kid]
    wid = pick.astype(np.int64)
    wrank = 2 * wid + 1
    nkid, nkrank, nletter, nwid, nwrank, nsc, extra = named
    if len(nkid):
        sel = np.isin(nletter, np.array(sorted(letters), dtype=np.int64)) if letters is not None else slice(None)
        kid = np.concatenate([kid, nkid[sel]])
        krank = np.concatenate([krank, nkrank[sel]])
        letter = np.concatenate([letter, nletter[sel]])
        wid = np.concatenate([wid, nwid[sel]])
        wrank = np.concatenate([wrank, nwrank[sel]])
        sc = np.concatenate([sc, nsc[sel]])
    o = np.lexsort((wrank, -sc, krank))
    kid, wid, krank, letter = kid[o], wid[o], krank[o], letter[o]
    n = len(krank)
    start = np.concatenate([[True], krank[1:] != krank[:-1]]) if n else np.zeros(0, bool)
    gstart = np.maximum.accumulate(np.where(start, np.arange(n), 0)) if n else krank
    keep = (np.arange(n) - gstart) < MAX_WORDS_PER_KEY
    kid, wid, letter = kid[keep], wid[keep], letter[keep]
    out = {}
    cuts = np.flatnonzero(np.concatenate([[True], letter[1:] != letter[:-1]])) if len(letter) else letter
    bounds = np.append(cuts, len(letter))
    for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        ks = kid[a:b]
        out[chr(int(letter[a]))] = ([int(k) if k >= 0 else extra[-2 - int(k)] for k in ks.tolist()]
                                    if (ks < 0).any() else ks, wid[a:b])
    return out


def render_letter(lex: Lexicon, rows: tuple) -> bytes:
    """The JSON file of one letter's `table_rows` entry: {key: [words…], …} (keys are
    ASCII letters and words Chinese characters: nothing to escape)."""
    import numpy as np

    kid, wid = rows
    wl = wid.tolist()
    words = lex.words[np.maximum(wid, 0)].tolist()
    for n in np.flatnonzero(wid < 0).tolist():
        c = -1 - wl[n]
        words[n] = chr(c >> 21) + chr(c & 0x1FFFFF)
    kl = kid.tolist() if hasattr(kid, "tolist") else kid
    key = lex.key_str
    parts = []
    last = None
    for k, w in zip(kl, words):
        if k != last:
            parts.append(('"],"' if last is not None else '"') + (key(k) if isinstance(k, int) else k) + '":["' + w)
            last = k
        else:
            parts.append('","' + w)
    return ("{" + "".join(parts) + ('"]' if parts else "") + "}").encode("utf-8")
