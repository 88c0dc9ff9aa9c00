"""lunr itself, as the reference the index format is checked against (tests only).

The site ships its lunr indexes in a compact wire format (see postings.py);
search.js turns each loaded shard into a real `lunr.Index` with the weights
lunr.Builder computes. tests/search build lunr.py's own index over the same
documents and check that the browser's lunr indexes find the same documents
with the same scores, and that each round-trips through `lunr.Index.load`.
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

from .postings import utf16_key

PIPELINE_LABEL = "zhBigram"


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
