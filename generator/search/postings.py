"""The index format: lunr indexes shipped as term-sharded postings in compact
JSON, built with numpy.

Every file holds, per term, its postings as a flat integer array, and no
precomputed score: search.js builds a `lunr.Index` from each loaded shard,
with the field vectors lunr.Builder would compute (BM25, k1 = 1.2, b = 0.75; a
term's idf from the number of its (document, field) postings) from the term
frequency and field length in each posting and the document count and average
field lengths of the index (meta.json), and queries it with `index.query`. So a file depends on nothing but the
documents it lists: a headline shard is a function of the postings of its
terms, and an edit elsewhere leaves its bytes as they were.

Headline shard (`search/h/<slot>.<hash>.json`), one flat array of sections,
one section per issue holding postings of the shard's terms (issues oldest
first; the number opening a section is the issue's ordinal, oldest = 0):

    [ordinal, "term", [doc, code, doc, code, …], "term", […], ordinal, …]

`doc` is the article's local number in its issue (page order, from 0), `code`
= field + 4 × min(tf, 63) + 256 × (the field's length in tokens); a tf of 63
or more is written as 63 and followed by the real tf. Pairs run by (doc, field).
The document count and average field lengths are in `meta.json` (`N`, `avg`).

Body shard of one issue (`search/b/<date>.<slot>.<hash>.json`), terms in
UTF-16 order (binary search):

    {"n": documents, "avg": average length, "l": [length of doc 0, …],
     "x": ["term", [doc, tf, doc, tf, …], "term", …]}

Sharding: a term lives in bucket (first code point mod k); a bucket with many
postings is split by its second code point (`slot_of`, `shard_names`; search.js
`shardNames`). Where a headline term lives is independent of k and the splits
through its *cell*: (first code point mod 1024, second code point mod 64), laid
out bit-reversed so that every slot of any layout (k ≤ 1024, splits ≤ 64) is a
run of consecutive cells. An issue's part carries its headline postings as
per-term pieces sorted by cell (one string and offsets); the merge cuts them
into slots by cell runs.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from .tokenize import CJK_RANGES, _NORM, _WORD_RUN

K1 = 1.2
B = 0.75
TF_ESC = 63               # a posting's tf at or above this is written out after its code
SPLIT_OVER = 2            # a bucket with more than SPLIT_OVER × per_shard postings is split …
MAX_SPLIT = 64            # … by its terms' second character, into at most this many files
MAX_SHARDS = 1024
CELL_BITS = (10, 6)       # log2(MAX_SHARDS), log2(MAX_SPLIT)
NCELLS = 1 << sum(CELL_BITS)

LOW = (1 << 21) - 1
LATIN = 1 << 42           # codes of Latin/digit words: LATIN + their number in the call's vocabulary
DOC_BITS = 20


def dump(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def unique(values) -> np.ndarray:
    """np.unique(values) of a 1-d array, sorted: np.unique's first call in a process
    (numpy 2.3+) imports numpy.ma, ~25 ms of an edit's fresh process."""
    a = np.sort(np.asarray(values))
    if len(a) < 2:
        return a
    keep = np.empty(len(a), dtype=bool)
    keep[0] = True
    np.not_equal(a[1:], a[:-1], out=keep[1:])
    return a[keep]


def utf16_key(term: str) -> bytes:
    return term.encode("utf-16-be")


# --- layout ----------------------------------------------------------------------------

def shard_count(postings: int, per_shard: int, minimum: int = 1, maximum: int = MAX_SHARDS) -> int:
    """The smallest power of two ≥ `minimum` that keeps shards near `per_shard` postings."""
    k = 1
    while k < maximum and (k < minimum or postings / k > per_shard):
        k *= 2
    return k


def split_of(rows: int, per_shard: int) -> int:
    m = 1
    while m < MAX_SPLIT and rows / m > SPLIT_OVER * per_shard:
        m *= 2
    return m


def shard_names(k: int, splits: dict[int, int]) -> list[str]:
    """File names of the shards, in slot order: bucket b, or b-j for the parts of a split bucket."""
    out = []
    for b in range(k):
        m = splits.get(b, 1)
        out.extend([str(b)] if m == 1 else [f"{b}-{j}" for j in range(m)])
    return out


def slot_of(term: str, k: int, splits: dict[int, int]) -> int:
    """The slot (index into shard_names) of a term: bucket = first code point mod k;
    a split bucket's part = second code point mod its split (search.js does the same)."""
    b = ord(term[0]) % k if k > 1 else 0
    slot = b + sum(m - 1 for c, m in splits.items() if c < b)
    m = splits.get(b, 1)
    return slot + (ord(term[1]) % m if m > 1 and len(term) > 1 else 0)


def layout(rows_per_bucket, per_shard: int, minimum: int = 1, maximum: int = MAX_SHARDS
           ) -> tuple[int, dict[int, int]]:
    """(k, splits) for postings counted per fine bucket (first code point mod MAX_SHARDS)."""
    rows = np.asarray(rows_per_bucket, dtype=np.int64)
    k = shard_count(int(rows.sum()), per_shard, minimum, maximum)
    brows = rows.reshape(-1, k).sum(axis=0) if k < len(rows) else rows
    return k, {b: m for b in range(k) if (m := split_of(int(brows[b]), per_shard)) > 1}


def _bitrev(n: int, bits: int) -> int:
    return int(format(n, f"0{bits}b")[::-1], 2) if bits else 0


_REV_HI = np.array([_bitrev(i, CELL_BITS[0]) for i in range(1 << CELL_BITS[0])], dtype=np.int64)
_REV_LO = np.array([_bitrev(i, CELL_BITS[1]) for i in range(1 << CELL_BITS[1])], dtype=np.int64)


def cells_of(first, second) -> np.ndarray:
    """Cell ids of terms from their first and second code points (0 when none)."""
    first = np.asarray(first, dtype=np.int64)
    second = np.asarray(second, dtype=np.int64)
    return (_REV_HI[first % (1 << CELL_BITS[0])] << CELL_BITS[1]) | _REV_LO[second % (1 << CELL_BITS[1])]


class Layout:
    """Slots of a (k, splits) layout as runs of cells: slot `run_slot[r]` holds the
    cells from `run_start[r]` up to the next run's start."""

    def __init__(self, k: int, splits: dict[int, int]):
        self.k, self.splits = k, dict(splits)
        self.names = shard_names(k, self.splits)
        cells = np.arange(NCELLS, dtype=np.int64)
        first = _REV_HI[cells >> CELL_BITS[1]]          # first code point mod 1024
        second = _REV_LO[cells & ((1 << CELL_BITS[1]) - 1)]
        b = first % k
        m = np.ones(k, dtype=np.int64)
        for c, n in self.splits.items():
            m[c] = n
        boff = np.cumsum(m) - m
        slot = boff[b] + second % m[b]
        starts = np.flatnonzero(np.concatenate([[True], slot[1:] != slot[:-1]]))
        self.run_start = starts
        self.run_edges = np.append(starts, NCELLS)
        self.run_slot = slot[starts]
        self.key = (k, tuple(sorted(self.splits.items())))


# --- counting terms --------------------------------------------------------------------

_CJK_TABLE = None


def _cjk_table():
    global _CJK_TABLE
    if _CJK_TABLE is None:
        t = np.zeros(0x110001, dtype=bool)
        for lo, hi in CJK_RANGES:
            t[lo:hi + 1] = True
        _CJK_TABLE = t
    return _CJK_TABLE


_NORM1 = None          # code point → its normalised code point; -1: not known yet, -2: not one code point


def _normalized(texts: Sequence[str]):
    """tokenize.normalize of the texts joined with spaces (and a space after the
    last) as code points, and each text's normalised length + 1. Per code point
    through a table; texts with characters that normalise to several (① ㍻ ﬁ) the
    slow way."""
    global _NORM1
    if _NORM1 is None:
        _NORM1 = np.full(0x110000, -1, dtype=np.int32)
    raw = " ".join(texts) + " "
    cps = np.frombuffer(raw.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    out = _NORM1[cps]
    if (out == -1).any():
        for cp in unique(cps[out == -1]).tolist():
            v = _NORM[cp]
            if len(v) > 1 and not v.strip(" "):
                v = " "                    # separators only: one space separates the same
            _NORM1[cp] = ord(v) if len(v) == 1 else -2
        out = _NORM1[cps]
    if (out == -2).any():
        norm = [t.translate(_NORM) for t in texts]
        lens = np.fromiter(map(len, norm), dtype=np.int64, count=len(texts)) + 1
        s = " ".join(norm) + " "
        return np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32).astype(np.int64), lens
    lens = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1
    return out.astype(np.int64), lens


def count(texts: Sequence[str], latin: dict[str, int]):
    """Term counts of one field (tokenize.tokenize's terms): (codes, docs, tf) over
    distinct (term, doc) pairs, and each document's token count. A bigram's code is
    first << 21 | second, a lone CJK character's its code point; Latin/digit words
    get LATIN + their number in `latin` (filled in as they are met)."""
    n = len(texts)
    cps, lens = _normalized(texts)
    s = None
    starts = np.cumsum(lens) - lens
    cjk = _cjk_table()[cps]
    nxt = np.zeros_like(cjk)
    nxt[:-1] = cjk[1:]
    prv = np.zeros_like(cjk)
    prv[1:] = cjk[:-1]
    bi = np.flatnonzero(cjk & nxt)
    si = np.flatnonzero(cjk & ~nxt & ~prv)
    pos = [bi, si]
    codes = [(cps[bi] << 21) | cps[bi + 1], cps[si]]
    if (~cjk & (cps != 32)).any():
        s = cps.astype(np.uint32).tobytes().decode("utf-32-le")
        lp, lc = [], []
        for m in _WORD_RUN.finditer(s):
            w = m.group()
            c = latin.get(w)
            if c is None:
                c = latin[w] = len(latin)
            lp.append(m.start())
            lc.append(c + LATIN)
        pos.append(np.array(lp, dtype=np.int64))
        codes.append(np.array(lc, dtype=np.int64))
    pos = np.concatenate(pos)
    docs = np.searchsorted(starts, pos, side="right") - 1
    length = np.bincount(docs, minlength=n)
    keys, tf = np.unique((np.concatenate(codes) << DOC_BITS) | docs, return_counts=True)
    return keys >> DOC_BITS, keys & ((1 << DOC_BITS) - 1), tf, length


def _utf16_rank(cp):
    """Code points → integers in UTF-16 code unit order (astral below U+E000)."""
    return np.where(cp < 0xD800, cp, np.where(cp >= 0x10000, cp - 0x10000 + 0xD800,
                                              cp - 0xE000 + 0xD800 + 0x100000))


class Vocab:
    """The distinct terms of a counting call: codes (sorted), their strings, first and
    second code points, and a rank giving UTF-16 string order."""

    def __init__(self, codes, latin: dict[str, int]):
        uniq, self.tid = np.unique(codes, return_inverse=True)
        self.codes = uniq
        words = sorted(latin, key=latin.get)
        bigram = (uniq > LOW) & (uniq < LATIN)
        is_latin = uniq >= LATIN
        first = np.where(bigram, uniq >> 21, uniq)
        second = np.where(bigram, uniq & LOW, 0)
        # UTF-16 order: by first character, then by the rest
        rest = np.where(bigram, _utf16_rank(second) + 1, 0)
        li = np.flatnonzero(is_latin)
        if len(li):
            lw = [words[c - LATIN] for c in uniq[li].tolist()]
            first[li] = [ord(w[0]) for w in lw]
            second[li] = [ord(w[1]) if len(w) > 1 else 0 for w in lw]
            by = sorted(range(len(li)), key=lambda i: utf16_key(lw[i]))
            rest[li[by]] = np.arange(1, len(by) + 1)
        self.first, self.second = first, second
        self.rank_keys = (rest, _utf16_rank(first))       # for np.lexsort: last key first
        # strings: code points with a NUL after each term, decoded and split at once
        width = 2 + bigram
        off = np.cumsum(width) - width
        units = np.zeros(int(width.sum()), dtype=np.uint32)
        units[off] = np.where(bigram, uniq >> 21, np.where(is_latin, 1, uniq))
        units[off[bigram] + 1] = uniq[bigram] & LOW
        strings = units.tobytes().decode("utf-32-le").split("\0")[:-1]
        for n, c in zip(li.tolist(), uniq[li].tolist()):
            strings[n] = json.dumps(words[c - LATIN], ensure_ascii=False)[1:-1]
        self.strings = strings


_TABLE = 1 << 17   # the largest table; larger numbers are formatted one by one
_INTS: dict = {}


def _int_tables(need: int = _TABLE) -> dict:
    """str(i), str(i) + ',', str(i) + ']' and len(str(i)) for i below a power of two
    ≥ `need` (at most _TABLE), grown on demand: a build that indexes one issue
    (an edit) needs small numbers only, and the full table costs ~0.1 s."""
    n = min(_TABLE, max(1024, 1 << max(0, need - 1).bit_length()))
    if _INTS.get("n", 0) < n:
        plain = [str(i) for i in range(n)]
        _INTS["str"] = np.array(plain, dtype=object)
        _INTS["comma"] = np.array([x + "," for x in plain], dtype=object)
        _INTS["close"] = np.array([x + "]" for x in plain], dtype=object)
        _INTS["len"] = np.array([len(x) for x in plain], dtype=np.int64)
        _INTS["n"] = n
    return _INTS


def int_strings(values) -> list[str]:
    """str() of many non-negative integers, fast."""
    values = np.asarray(values, dtype=np.int64)
    if not len(values):
        return []
    top = int(values.max())
    if top >= _TABLE:
        return list(map(str, values.tolist()))
    return _int_tables(top + 1)["str"][values].tolist()


def render_terms(strings: list[str], order, values, per_term, lead: str = ",") -> tuple[str, np.ndarray]:
    """The terms `order` (ids into `strings`, JSON-escaped) with their integer
    arrays, as one string: lead + '"term",[v,v,…]' for each, one after another.
    `values`: all arrays' numbers in order, `per_term[i]` of them for the i-th term.
    Returns the string and each term's start offset in it (and its length last)."""
    nt = len(order)
    values = np.asarray(values, dtype=np.int64)
    t = _int_tables(int(values.max()) + 1 if len(values) else 0)
    per_term = np.asarray(per_term, dtype=np.int64)
    vstart = np.cumsum(per_term) - per_term
    hpos = np.arange(nt) + vstart
    tokens = np.empty(nt + len(values), dtype=object)
    is_val = np.ones(len(tokens), dtype=bool)
    is_val[hpos] = False
    last = np.zeros(len(values), dtype=bool)
    last[vstart + per_term - 1] = True
    big = values >= t["n"]
    small = np.where(big, 0, values)
    vals = t["comma"][small]
    vals[last] = t["close"][small[last]]
    vlen = t["len"][small] + 1
    if big.any():
        for i in np.flatnonzero(big).tolist():
            vals[i] = str(int(values[i])) + ("]" if last[i] else ",")
            vlen[i] = len(vals[i])
    tokens[is_val] = vals
    heads = [lead + '"' + strings[i] + '",[' for i in np.asarray(order).tolist()]
    tokens[hpos] = np.array(heads + [None], dtype=object)[:-1]
    lens = np.empty(len(tokens), dtype=np.int64)
    lens[is_val] = vlen
    lens[hpos] = np.fromiter(map(len, heads), dtype=np.int64, count=nt)
    ends = np.cumsum(lens)
    offsets = np.append(ends[hpos] - lens[hpos], ends[-1] if len(ends) else 0)
    return "".join(tokens.tolist()), offsets


# --- the headline part of one issue ----------------------------------------------------

@dataclass
class HeadPart:
    """One issue's headline postings, ready to be cut into slots by the merge:
    `text` = ',"term",[doc,code,…]' for each term, terms by (cell, UTF-16 order);
    the term i's piece is text[offsets[i]:offsets[i + 1]]."""
    cells: np.ndarray                    # cell of each term, ascending
    text: str
    offsets: np.ndarray                  # start of each term's piece in text, and len(text)
    rows: np.ndarray                     # postings per fine bucket (first code point mod 1024)
    lengths: list[int]                   # total token count of each field
    bigrams: tuple = ()                  # (codes, df) of CJK bigrams: documents holding each
    digest: str = ""
    spans: dict = field(default_factory=dict, repr=False, compare=False)  # layout key → run bounds

    def bounds(self, lay: Layout) -> np.ndarray:
        """Per run of `lay`, where this part's terms in it start in `text` (and the end);
        kept for the layout while this object lives (not pickled)."""
        got = self.spans.get(lay.key)
        if got is None:
            got = self.offsets[np.searchsorted(self.cells, lay.run_edges)]
            self.spans.clear()
            self.spans[lay.key] = got
        return got

    def __getstate__(self):
        state = dict(self.__dict__)
        state["spans"] = {}
        return state


def headline_part(texts: Sequence[Sequence[str]]) -> HeadPart:
    """`texts[f][d]`: field f of document d (local numbers)."""
    nf = len(texts)
    nd = len(texts[0]) if nf else 0
    latin: dict[str, int] = {}
    counted = [count(texts[f], latin) for f in range(nf)]
    codes = np.concatenate([c[0] for c in counted]) if nf else np.zeros(0, np.int64)
    docs = np.concatenate([c[1] for c in counted]) if nf else codes
    tf = np.concatenate([c[2] for c in counted]) if nf else codes
    fld = np.concatenate([np.full(len(c[0]), f, dtype=np.int64) for f, c in enumerate(counted)]) if nf else codes
    length = np.stack([c[3] for c in counted]) if nf and nd else np.zeros((nf, nd), np.int64)
    lengths = [int(x) for x in length.sum(axis=1)] if nd else [0] * nf
    if not len(codes):
        return _finish_head(np.zeros(0, np.int64), "", np.zeros(1, np.int64), np.zeros(MAX_SHARDS, np.int64),
                            lengths, (codes, codes))
    v = Vocab(codes, latin)
    nt = len(v.codes)
    cell = cells_of(v.first, v.second)
    order = np.lexsort((*v.rank_keys, cell))                 # term ids by (cell, UTF-16)
    pos = np.empty(nt, dtype=np.int64)
    pos[order] = np.arange(nt)
    tpos = pos[v.tid]
    o = np.lexsort((fld, docs, tpos))                        # postings by (term, doc, field)
    code = (fld + 4 * np.minimum(tf, TF_ESC) + 256 * length[fld, docs])[o]
    esc = tf[o] >= TF_ESC
    nval = 2 + esc
    at = np.cumsum(nval) - nval
    values = np.empty(int(nval.sum()), dtype=np.int64)
    values[at] = docs[o]
    values[at + 1] = code
    values[at[esc] + 2] = tf[o][esc]
    per_term = np.bincount(tpos[o], weights=nval, minlength=nt).astype(np.int64)
    text, offsets = render_terms(v.strings, order, values, per_term, ",")
    rows = np.bincount(v.first[v.tid] % MAX_SHARDS, minlength=MAX_SHARDS)
    bg = (codes > LOW) & (codes < LATIN)
    bkeys = unique((codes[bg] << DOC_BITS) | docs[bg]) >> DOC_BITS
    bc, bdf = np.unique(bkeys, return_counts=True)
    return _finish_head(cell[order], text, offsets, rows, lengths, (bc, bdf.astype(np.int64)))


def _finish_head(cells, text, offsets, rows, lengths, bigrams) -> HeadPart:
    import hashlib

    h = hashlib.blake2b(digest_size=16)
    h.update(np.asarray(cells, dtype=np.int64).tobytes())
    h.update(np.asarray(offsets, dtype=np.int64).tobytes())
    h.update(text.encode("utf-8"))
    h.update(repr(lengths).encode())
    return HeadPart(cells=np.asarray(cells, dtype=np.int32), text=text, offsets=np.asarray(offsets, dtype=np.int64),
                    rows=np.asarray(rows, dtype=np.int64), lengths=lengths, bigrams=bigrams, digest=h.hexdigest())


# --- the body index of one issue -------------------------------------------------------

@dataclass
class BodyIndex:
    names: list[str]
    blobs: list[bytes]
    k: int
    splits: dict[int, int]
    bigrams: tuple                       # (codes, df) of CJK bigrams


def body_index(texts: Sequence[str], per_shard: int, maximum: int = MAX_SHARDS) -> BodyIndex:
    """The body shards of one issue (documents numbered locally)."""
    nd = len(texts)
    latin: dict[str, int] = {}
    codes, docs, tf, length = count(texts, latin)
    if not len(codes):
        return BodyIndex(["0"], [], 1, {}, (codes, codes))
    v = Vocab(codes, latin)
    nt = len(v.codes)
    k = shard_count(len(codes), per_shard, 1, maximum)
    bucket = v.first % k
    brows = np.bincount(bucket, weights=np.bincount(v.tid, minlength=nt), minlength=k)
    splits = {b: m for b in range(k) if (m := split_of(int(brows[b]), per_shard)) > 1}
    msplit = np.ones(k, dtype=np.int64)
    for b, m in splits.items():
        msplit[b] = m
    boff = np.cumsum(msplit) - msplit
    slot = boff[bucket] + v.second % msplit[bucket]
    nslots = int(msplit.sum())
    order = np.lexsort((*v.rank_keys, slot))                 # term ids by (slot, UTF-16)
    pos = np.empty(nt, dtype=np.int64)
    pos[order] = np.arange(nt)
    tpos = pos[v.tid]
    o = np.argsort(tpos, kind="stable")                      # (term, doc): docs ascend already
    values = np.empty(2 * len(o), dtype=np.int64)
    values[0::2] = docs[o]
    values[1::2] = tf[o]
    text, offsets = render_terms(v.strings, order, values, 2 * np.bincount(tpos, minlength=nt), ",")
    cut = offsets[np.searchsorted(slot[order], np.arange(nslots + 1))].tolist()
    total = int(length.sum())
    head = '{"n":%d,"avg":%s,"l":[%s],"x":[' % (nd, json.dumps(total / nd if nd else 0.0),
                                                 ",".join(int_strings(length)))
    blobs = [(head + text[cut[s] + 1:cut[s + 1]] + "]}").encode("utf-8") for s in range(nslots)]
    bg = (v.codes > LOW) & (v.codes < LATIN)
    dwt = np.bincount(v.tid, minlength=nt)
    return BodyIndex(shard_names(k, splits), blobs, k, splits, (v.codes[bg], dwt[bg].astype(np.int64)))
