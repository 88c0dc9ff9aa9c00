"""lunr.js 2.3.9 index JSON, built fast and exactly as lunr.py's Builder would.

lunr.py (the reference; see `reference_index`) takes ~4 s for one issue's
bodies, so a year of archive would take half an hour. `build_index` computes
the same serialised index — same term order, same `_index` numbers, same BM25
field vectors rounded to 3 places (tests/search/test_lunr_parity.py checks it
against lunr.py on the sample edition) — from token counts, in a fraction of
the time. What it adds on top, for term sharding:

- `shard_of`/`nshards`: only the terms of one shard are kept, but field
  lengths and the document count stay those of the whole document set, so a
  term scores the same in its shard as in an unsharded index;
- empty field vectors are left out (lunr.js only reads the vectors of fields a
  posting points at);
- `invertedIndex` is sorted in UTF-16 code unit order, the order lunr.js's
  TokenSet builder needs (else "Out of order word insertion" on astral terms).
"""
from __future__ import annotations

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


def build_index(docs: Sequence[Doc], fields: Sequence[tuple[str, float]],
                nshards: int = 1) -> list[dict]:
    """Serialised lunr indexes (one per term shard) over pre-tokenised documents."""
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

    # term → shard, postings per field; _index in first-occurrence order per shard
    shards = [dict() for _ in range(nshards)]  # term -> [index, [set per field]]
    next_index = [0] * nshards
    for d, (ref, _) in enumerate(docs):
        for i in range(nfields):
            for term in counts[d][i]:
                k = ord(term[0]) % nshards if nshards > 1 else 0
                inv = shards[k]
                entry = inv.get(term)
                if entry is None:
                    entry = inv[term] = [next_index[k], [[] for _ in range(nfields)]]
                    next_index[k] += 1
                entry[1][i].append(ref)

    # idf per term, then each (doc, field)'s vector entries bucketed by shard
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
                k = ord(term[0]) % nshards if nshards > 1 else 0
                score = idf[k][term] * ((K1 + 1) * tf) / (norm + tf)
                score *= boost
                b = buckets.get(k)
                if b is None:
                    b = buckets[k] = []
                b.append((shards[k][term][0], round(score, 3)))
            field_ref = f"{names[i]}/{ref}"
            for k, elems in buckets.items():
                elems.sort()
                vectors[k].append((d, i, field_ref, [x for pair in elems for x in pair]))

    out = []
    for k in range(nshards):
        inv = shards[k]
        vecs = [[fr, flat] for _, _, fr, flat in vectors[k]]  # already in (doc, field) order
        inverted = []
        for term in sorted(inv, key=utf16_key):
            index, posts = inv[term]
            posting = {"_index": index}
            for i in range(nfields):
                posting[names[i]] = {r: {} for r in posts[i]}
            inverted.append([term, posting])
        out.append({"version": LUNR_VERSION, "fields": names, "fieldVectors": vecs,
                    "invertedIndex": inverted, "pipeline": [PIPELINE_LABEL]})
    return out


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
