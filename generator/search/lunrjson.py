"""lunr.js 2.3.9 index JSON, built fast, with lunr.py's terms, postings and scores.

lunr.py (the reference; see `reference_index`) takes ~4 s for one issue's
bodies. `build_json` writes the serialised indexes directly from token counts:
with numpy, vectorised (~40 ms an issue); without it, the pure-Python
`build_index` gives the same bytes (tests/search/test_search_lunr.py checks
both against each other, and against lunr.py modulo `_index` numbering). On
top of lunr.py:

- `_index` is a term's rank in its shard's term order;
- term sharding: a term lives in bucket (first code point mod k); a bucket
  with many postings is split by the second code point (`slot_of`,
  `shard_names`; search.js `shardNames`). Field lengths and the document count
  stay those of the whole document set, so a term scores the same in its
  shard as in an unsharded index;
- empty field vectors are left out (lunr.js only reads the vectors of fields a
  posting points at);
- `invertedIndex` is sorted in UTF-16 code unit order, the order lunr.js's
  TokenSet builder needs (else "Out of order word insertion" on astral terms).
"""
from __future__ import annotations

import json
import math
from collections import Counter
from typing import Callable, Iterable, Sequence

LUNR_VERSION = "2.3.9"
PIPELINE_LABEL = "zhBigram"
K1 = 1.2
B = 0.75


def utf16_key(term: str) -> bytes:
    return term.encode("utf-16-be")


def shard_of(term: str, nshards: int) -> int:
    """The shard a term lives in: its first code point modulo the shard count
    (search.js does the same)."""
    return ord(term[0]) % nshards if nshards > 1 else 0


Doc = tuple[str, Sequence[Sequence[str]]]  # (ref, tokens of each field, in field order)

SPLIT_OVER = 2          # a bucket with more than SPLIT_OVER × per_shard postings is split …
MAX_SPLIT = 64          # … by its terms' second character, into at most this many files


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


class Built:
    """build_json's result: shard blobs in slot order, their names, the bucket count,
    the split buckets {bucket: parts} and the bigram statistics."""

    def __init__(self, blobs, k, splits, terms):
        self.blobs, self.k, self.splits, self.terms = blobs, k, splits, terms
        self.names = shard_names(k, splits)


def shard_count(postings: int, per_shard: int, minimum: int = 1, maximum: int = 1024) -> int:
    """The smallest power of two ≥ `minimum` that keeps shards near `per_shard` postings."""
    k = 1
    while k < maximum and (k < minimum or postings / k > per_shard):
        k *= 2
    return k


def build_index(docs: Sequence[Doc], fields: Sequence[tuple[str, float]],
                nshards: int = 1, splits: dict[int, int] | None = None) -> list[dict]:
    """Serialised lunr indexes (one per term shard) over pre-tokenised documents.

    The pure-Python builder: the reference for `build_json` (which must give
    the same bytes) and the fallback when numpy is missing. A term's `_index`
    is its rank in its shard's UTF-16 term order."""
    names = [f for f, _ in fields]
    boosts = [float(b) if b != int(b) else int(b) for _, b in fields]
    nfields = len(names)
    n_docs = len(docs)
    counts: list[list[Counter]] = []
    lengths = [0] * nfields
    for _ref, per_field in docs:
        row = []
        for i in range(nfields):
            toks = per_field[i]
            lengths[i] += len(toks)
            row.append(Counter(toks))
        counts.append(row)
    avg = [lengths[i] / n_docs if n_docs else 0 for i in range(nfields)]

    splits = splits or {}
    k_buckets = nshards
    nshards = k_buckets + sum(m - 1 for m in splits.values())
    slot_cache: dict[str, int] = {}

    def slot(term: str) -> int:
        v = slot_cache.get(term)
        if v is None:
            v = slot_cache[term] = slot_of(term, k_buckets, splits)
        return v

    shards: list[dict] = [dict() for _ in range(nshards)]  # term -> [index, [refs per field]]
    for d, (ref, _) in enumerate(docs):
        for i in range(nfields):
            for term in counts[d][i]:
                k = slot(term)
                entry = shards[k].get(term)
                if entry is None:
                    entry = shards[k][term] = [0, [[] for _ in range(nfields)]]
                entry[1][i].append(ref)
    order = [sorted(inv, key=utf16_key) for inv in shards]
    for k in range(nshards):
        for n, term in enumerate(order[k]):
            shards[k][term][0] = n

    idf = [dict() for _ in range(nshards)]
    for k in range(nshards):
        for term, (_, posts) in shards[k].items():
            dwt = sum(len(p) for p in posts)
            x = (n_docs - dwt + 0.5) / (dwt + 0.5)
            idf[k][term] = math.log(1 + abs(x))
    vectors: list[list] = [[] for _ in range(nshards)]
    for d, (ref, per_field) in enumerate(docs):
        for i in range(nfields):
            c = counts[d][i]
            if not c:
                continue
            norm = K1 * (1 - B + B * (len(per_field[i]) / avg[i]))
            boost = boosts[i]
            buckets: dict[int, list] = {}
            for term, tf in c.items():
                k = slot(term)
                score = idf[k][term] * ((K1 + 1) * tf) / (norm + tf)
                score *= boost
                buckets.setdefault(k, []).append((shards[k][term][0], round(score, 3)))
            field_ref = f"{names[i]}/{ref}"
            for k, elems in buckets.items():
                elems.sort()
                vectors[k].append([field_ref, [x for pair in elems for x in pair]])

    out = []
    for k in range(nshards):
        inv = shards[k]
        inverted = []
        for term in order[k]:
            index, posts = inv[term]
            posting = {"_index": index}
            for i in range(nfields):
                posting[names[i]] = {r: {} for r in posts[i]}
            inverted.append([term, posting])
        out.append({"version": LUNR_VERSION, "fields": names, "fieldVectors": vectors[k],
                    "invertedIndex": inverted, "pipeline": [PIPELINE_LABEL]})
    return out


def dump(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def build_json(refs: Sequence[str], fields: Sequence[tuple[str, float]],
               texts: Sequence[Sequence[str]], per_shard: int, minimum: int = 1,
               maximum: int = 1024) -> "Built":
    """Serialised term-sharded lunr indexes over raw texts (`texts[f][d]`: field f
    of document d), as bytes; the shard count is `shard_count(postings, per_shard,
    minimum)`. Also returns the term statistics (document frequency of each
    term over the body of all fields). Uses numpy when it is installed (same
    bytes as the pure-Python `build_index`, only ~20× faster)."""
    if _np is None:
        return _build_json_py(refs, fields, texts, per_shard, minimum, maximum)
    return _build_json_np(refs, fields, texts, per_shard, minimum, maximum)


class Terms:
    """Document frequencies of CJK bigrams: parallel `codes` (first code point
    << 21 | second) and `df`, mergeable across build parts."""

    def __init__(self, codes, df):
        self.codes, self.df = codes, df

    @staticmethod
    def code(term: str) -> int:
        return ord(term[0]) << 21 | ord(term[1])

    @staticmethod
    def merge(parts: Sequence["Terms"], keep: Iterable[str] | None = None, keep_codes=None) -> dict[str, int]:
        """bigram → summed document frequency; only the bigrams in `keep` if given
        (`keep_codes`: the same as a sorted numpy array of codes, faster)."""
        if _np is not None and parts and not isinstance(parts[0].codes, list):
            np = _np
            codes = np.concatenate([np.asarray(p.codes, dtype=np.int64) for p in parts])
            df = np.concatenate([np.asarray(p.df, dtype=np.int64) for p in parts])
            if keep is not None or keep_codes is not None:
                kc = keep_codes if keep_codes is not None else np.array(
                    sorted({Terms.code(t) for t in keep if len(t) == 2}), dtype=np.int64)
                sel = np.isin(codes, kc, assume_unique=False)
                codes, df = codes[sel], df[sel]
            o = np.argsort(codes, kind="stable")
            codes, df = codes[o], df[o]
            starts = np.flatnonzero(np.concatenate([[True], codes[1:] != codes[:-1]])) if len(codes) else o[:0]
            total = np.add.reduceat(df, starts) if len(codes) else df
            return {chr(c >> 21) + chr(c & _LOW): n for c, n in zip(codes[starts].tolist(), total.tolist())}
        if keep is None and keep_codes is not None:
            keep = {chr(c >> 21) + chr(c & _LOW) for c in list(keep_codes)}
        keepset = None if keep is None else set(keep)
        out: dict[int, int] = {}
        for p in parts:
            for c, n in zip(list(p.codes), list(p.df)):
                out[int(c)] = out.get(int(c), 0) + int(n)
        terms = ((chr(c >> 21) + chr(c & _LOW), n) for c, n in sorted(out.items()))
        return {t: n for t, n in terms if keepset is None or t in keepset}


def _build_json_py(refs, fields, texts, per_shard, minimum, maximum):
    from .tokenize import CJK_BIGRAM, tokenize

    docs = [(r, [tokenize(texts[f][d]) for f in range(len(fields))]) for d, r in enumerate(refs)]
    postings = sum(len(set(t)) for _, per in docs for t in per)
    k = shard_count(postings, per_shard, minimum, maximum)
    rows: Counter = Counter()
    for _, per in docs:
        for toks in per:
            for t in set(toks):
                rows[ord(t[0]) % k if k > 1 else 0] += 1
    splits = {b: m for b in sorted(rows) if (m := split_of(rows[b], per_shard)) > 1}
    df: Counter = Counter()
    for _, per in docs:
        df.update({t for toks in per for t in toks if CJK_BIGRAM.fullmatch(t)})
    codes = sorted((Terms.code(t), n) for t, n in df.items())
    return Built([dump(ix) for ix in build_index(docs, fields, k, splits)], k, splits,
                 Terms([c for c, _ in codes], [n for _, n in codes]))


# --- the numpy builder ----------------------------------------------------------------------

try:
    import numpy as _np
except ImportError:  # pragma: no cover - the pure-Python builder gives the same bytes
    _np = None

_LOW = (1 << 21) - 1
_LATIN = 1 << 42          # codes of Latin/digit words: _LATIN + their number in the vocabulary
_DOC_BITS = 20
_CJK_TABLE = None
_SCORES: list = []        # q → repr(q / 1000): the JSON of a score rounded to 3 places
_INTS: list = []
_HEADS: list = []


def _cjk_table():
    global _CJK_TABLE
    if _CJK_TABLE is None:
        from .tokenize import CJK_RANGES

        t = _np.zeros(0x110001, dtype=bool)
        for lo, hi in CJK_RANGES:
            t[lo:hi + 1] = True
        _CJK_TABLE = t
    return _CJK_TABLE


def _strings(table: list, n: int, fmt) -> "_np.ndarray":
    if len(table) < 2 or len(table[0]) < n:
        m = max(n, 2 * len(table[0]) if table else 1024)
        plain = [fmt(i) for i in range(m)]
        table[:] = [_np.array(plain, dtype=object), _np.array([x + "," for x in plain], dtype=object)]
    return table


def _count(texts: Sequence[str], latin: dict[str, int]):
    """Term counts of one field: (codes, docs, tf) over distinct (term, doc) pairs,
    and each document's token count. Latin/digit words get codes from `latin`."""
    from .tokenize import _NORM, _WORD_RUN

    np = _np
    n = len(texts)
    norm = [t.translate(_NORM) for t in texts]
    lens = np.fromiter(map(len, norm), dtype=np.int64, count=n) + 1
    s = " ".join(norm) + " "
    cps = np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
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
        lp, lc = [], []
        for m in _WORD_RUN.finditer(s):
            w = m.group()
            c = latin.get(w)
            if c is None:
                c = latin[w] = len(latin)
            lp.append(m.start())
            lc.append(c + _LATIN)
        pos.append(np.array(lp, dtype=np.int64))
        codes.append(np.array(lc, dtype=np.int64))
    pos = np.concatenate(pos)
    docs = np.searchsorted(starts, pos, side="right") - 1
    length = np.bincount(docs, minlength=n)
    keys, tf = np.unique((np.concatenate(codes) << _DOC_BITS) | docs, return_counts=True)
    return keys >> _DOC_BITS, keys & ((1 << _DOC_BITS) - 1), tf, length


def _utf16_rank_key(cp):
    """Code points → integers in UTF-16 code unit order (astral below U+E000)."""
    np = _np
    return np.where(cp < 0xD800, cp, np.where(cp >= 0x10000, cp - 0x10000 + 0xD800,
                                              cp - 0xE000 + 0xD800 + 0x100000))


def _build_json_np(refs, fields, texts, per_shard, minimum, maximum):
    np = _np
    names = [f for f, _ in fields]
    boosts = [float(b) if b != int(b) else int(b) for _, b in fields]
    nf, nd = len(fields), len(refs)
    assert nd < (1 << _DOC_BITS)
    latin: dict[str, int] = {}
    counted = [_count(texts[f], latin) for f in range(nf)]
    codes = np.concatenate([c[0] for c in counted])
    docs = np.concatenate([c[1] for c in counted])
    tf = np.concatenate([c[2] for c in counted])
    field = np.concatenate([np.full(len(c[0]), f, dtype=np.int64) for f, c in enumerate(counted)])
    lengths = [c[3] for c in counted]
    kb = shard_count(len(codes), per_shard, minimum, maximum)

    # terms: strings, shard, UTF-16 order
    uniq, tid = np.unique(codes, return_inverse=True)
    nt = len(uniq)
    latin_words = sorted(latin, key=latin.get)
    is_latin = uniq >= _LATIN
    first = np.where(uniq > _LOW, uniq >> 21, uniq)
    second = np.where(uniq > _LOW, _utf16_rank_key(uniq & _LOW) + 1, 0)
    li = np.flatnonzero(is_latin)
    if len(li):
        lw = [latin_words[c - _LATIN] for c in uniq[li].tolist()]
        first[li] = [ord(w[0]) for w in lw]
        rank = sorted(range(len(li)), key=lambda i: utf16_key(lw[i]))
        second[li[rank]] = np.arange(1, len(rank) + 1)
    bucket = first % kb
    brows = np.bincount(bucket, weights=np.bincount(tid, minlength=nt), minlength=kb)
    splits = {b: m for b in range(kb) if (m := split_of(int(brows[b]), per_shard)) > 1}
    msplit = np.ones(kb, dtype=np.int64)
    for b, m in splits.items():
        msplit[b] = m
    boff = np.cumsum(msplit) - msplit
    k = int(msplit.sum())
    sec = np.where((uniq > _LOW) & ~is_latin, uniq & _LOW, 0)
    if len(li):
        sec[li] = [ord(w[1]) if len(w) > 1 else 0 for w in lw]
    shard = boff[bucket] + np.where(msplit[bucket] > 1, sec % msplit[bucket], 0)
    order = np.lexsort((second, _utf16_rank_key(first), shard))   # term positions, shard-major
    tpos = np.empty(nt, dtype=np.int64)
    tpos[order] = np.arange(nt)
    tshard = shard[order]
    shard_first = np.searchsorted(tshard, np.arange(k + 1))      # first term position of each shard
    index_in_shard = np.arange(nt) - shard_first[tshard]           # by term position
    # term strings by position: code points with a NUL after each term, decoded and split at once
    tc = uniq[order]
    bigram = (tc > _LOW) & (tc < _LATIN)
    width = 2 + bigram
    off = np.cumsum(width) - width
    units = np.zeros(int(width.sum()), dtype=np.uint32)
    units[off] = np.where(bigram, tc >> 21, tc)
    units[off[bigram] + 1] = tc[bigram] & _LOW
    units[off[tc >= _LATIN]] = 1
    term_at = units.tobytes().decode("utf-32-le").split("\0")[:-1]
    for n in np.flatnonzero(tc >= _LATIN).tolist():
        term_at[n] = latin_words[int(tc[n]) - _LATIN]

    # BM25 scores, rounded as Python's round(x, 3)
    dwt = np.bincount(tid, minlength=nt)
    udwt, dinv = np.unique(dwt, return_inverse=True)
    idf_u = np.array([math.log(1 + abs((nd - w + 0.5) / (w + 0.5))) for w in udwt.tolist()])
    idf = idf_u[dinv][tid]
    flen = np.stack(lengths) if nf else np.zeros((0, nd), np.int64)
    avg = np.array([flen[f].sum() / nd for f in range(nf)])
    norm = K1 * (1 - B + B * (flen[field, docs] / avg[field]))
    score = idf * ((K1 + 1) * tf) / (norm + tf)
    score = score * np.array(boosts, dtype=float)[field]
    y = score * 1000
    q = np.rint(y).astype(np.int64)
    near = np.flatnonzero(np.abs(y - np.floor(y) - 0.5) < 1e-6)
    if len(near):
        q[near] = [int(round(round(x, 3) * 1000)) for x in score[near].tolist()]
    scores = _strings(_SCORES, int(q.max()) + 1 if len(q) else 1, lambda i: repr(i / 1000))
    ints = _strings(_INTS, int(index_in_shard.max()) + 1 if nt else 1, str)

    ptp = tpos[tid]                                   # term position of each posting
    pshard = tshard[ptp]

    # invertedIndex: per term [head] + per field [open, postings…, close] + [tail]
    o = np.argsort((ptp * nf + field) * nd + docs, kind="stable")
    g = ptp[o] * nf + field[o]
    last = np.ones(len(o), dtype=bool)
    last[:-1] = g[1:] != g[:-1]
    refq = np.array([f'"{r}":{{}}' for r in refs], dtype=object)
    post = np.where(last, refq[docs[o]], np.array([f'"{r}":{{}},' for r in refs], dtype=object)[docs[o]])
    per_term = np.bincount(ptp, minlength=nt)
    before_term = np.concatenate([[0], np.cumsum(per_term)])
    gcount = np.bincount(g, minlength=nt * nf).reshape(nt, nf)
    before_group = (before_term[:-1, None] + np.cumsum(gcount, axis=1) - gcount)  # postings before (t, f)
    stride = 3 + 2 * nf
    pieces = np.empty(nt * stride + len(o), dtype=object)
    tp = np.arange(nt)
    at = tp * stride + before_term[:-1]
    pieces[at] = term_at
    pieces[at + 1] = _strings(_HEADS, int(index_in_shard.max()) + 1 if nt else 1,
                              lambda i: '",{"_index":%d' % i)[0][index_in_shard]
    for f in range(nf):
        at = tp * stride + 2 + 2 * f + before_group[:, f]
        pieces[at] = f',"{names[f]}":{{'
        pieces[at + 1 + gcount[:, f]] = "}"
    tail = np.full(nt, '}],["', dtype=object)
    tail[shard_first[1:][shard_first[1:] > 0] - 1] = "}]"
    pieces[tp * stride + 2 + 2 * nf + before_term[1:]] = tail
    pieces[np.arange(len(o)) + ptp[o] * stride + 2 * field[o] + 3] = post
    inv_cut = shard_first * stride + before_term[shard_first]

    # fieldVectors: per (shard, doc, field) ["field/ref",[i,s,…]]
    o = np.argsort(((pshard * nd + docs) * nf + field) * nt + ptp, kind="stable")
    gkey = (pshard[o] * nd + docs[o]) * nf + field[o]
    newg = np.ones(len(o), dtype=bool)
    newg[1:] = gkey[1:] != gkey[:-1]
    gi = np.cumsum(newg) - 1
    ng = int(gi[-1]) + 1 if len(o) else 0
    lastp = np.ones(len(o), dtype=bool)
    lastp[:-1] = newg[1:]
    vp = np.empty(2 * len(o) + 2 * ng, dtype=object)
    at = 2 * np.arange(len(o)) + 2 * gi + 1
    vp[at] = ints[1][index_in_shard[ptp[o]]]
    vp[at + 1] = np.where(lastp, scores[0][q[o]], scores[1][q[o]])
    gstart = np.flatnonzero(newg)
    gshard = pshard[o][gstart]
    fr = [f'["{names[f]}/{refs[d]}",[' for f, d in zip(field[o][gstart].tolist(), docs[o][gstart].tolist())]
    vp[2 * gstart + 2 * np.arange(ng)] = np.array(fr + [None], dtype=object)[:-1]
    close = np.full(ng, "]],", dtype=object)
    glast = np.ones(ng, dtype=bool)
    glast[:-1] = gshard[1:] != gshard[:-1]
    close[glast] = "]]"
    gend = np.concatenate([gstart[1:], [len(o)]]) if ng else gstart
    vp[2 * gend + 2 * np.arange(ng) + 1] = close
    vec_cut = np.searchsorted(gshard, np.arange(k + 1))
    vec_cut = np.where(vec_cut < ng, 2 * np.concatenate([gstart, [len(o)]])[vec_cut] + 2 * vec_cut, len(vp))

    head = '{"version":"%s","fields":%s,"fieldVectors":[' % (LUNR_VERSION, json.dumps(names, ensure_ascii=False, separators=(",", ":")))
    mid = '],"invertedIndex":['
    end = '],"pipeline":["%s"]}' % PIPELINE_LABEL
    ivl, vpl = pieces.tolist(), vp.tolist()
    out = []
    for s in range(k):
        out.append("".join((head, "".join(vpl[vec_cut[s]:vec_cut[s + 1]]), mid,
                            '["' if inv_cut[s] < inv_cut[s + 1] else "",
                            "".join(ivl[inv_cut[s]:inv_cut[s + 1]]), end)).encode("utf-8"))

    # document frequency of CJK bigrams (any field)
    if nf == 1:   # (term, doc) pairs are distinct already
        bg = (uniq > _LOW) & (uniq < _LATIN)
        bc, bdf = uniq[bg], dwt[bg]
    else:
        bg = (codes > _LOW) & (codes < _LATIN)
        bkeys = np.unique((codes[bg] << _DOC_BITS) | docs[bg]) >> _DOC_BITS
        bc, bdf = np.unique(bkeys, return_counts=True)
    return Built(out, kb, splits, Terms(bc, bdf))


# --- the reference: lunr.py itself -------------------------------------------------

def _zh_bigram(token, i, tokens):
    from .tokenize import tokenize

    return [token.clone(lambda s, m, t=t: t) for t in tokenize(str(token))]


def register_pipeline() -> Callable:
    """Register the tokenizer with lunr.py under the label search.js also uses."""
    from lunr.pipeline import Pipeline

    if Pipeline.registered_functions.get(PIPELINE_LABEL) is not _zh_bigram:
        Pipeline.register_function(_zh_bigram, PIPELINE_LABEL)
    return _zh_bigram


def reference_builder(fields: Iterable[tuple[str, float]]):
    """A bare lunr.py Builder: both pipelines reset to the one zhBigram function."""
    from lunr.builder import Builder

    fn = register_pipeline()
    builder = Builder()
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.pipeline.add(fn)
    builder.search_pipeline.add(fn)
    builder.ref("ref")
    for name, boost in fields:
        builder.field(name, boost)
    return builder


def reference_index(docs: Sequence[tuple[str, Sequence[str]]], fields: Sequence[tuple[str, float]]):
    """lunr.py's own index over raw field texts (slow; for tests and small sites)."""
    builder = reference_builder(fields)
    for ref, texts in docs:
        builder.add({"ref": ref, **{name: text for (name, _), text in zip(fields, texts)}})
    return builder.build()


def serialize_for_js(index) -> dict:
    """lunr.py's serialisation, made loadable by lunr.js (UTF-16 term order,
    no empty field vectors)."""
    data = index.serialize()
    data["invertedIndex"].sort(key=lambda pair: utf16_key(pair[0]))
    data["fieldVectors"] = [fv for fv in data["fieldVectors"] if fv[1]]
    return data
