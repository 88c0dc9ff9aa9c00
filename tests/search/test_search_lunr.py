"""The index: the fast builder equals lunr.py, lunr.js loads it, and the browser
engine (search.js, run in Node with the real lunr.js) finds the same documents
as lunr.py over one unsharded index of the whole sample edition."""
from __future__ import annotations

import json

import pytest
from lunr.query import QueryPresence

from conftest import REPO
from search_support import node  # noqa: F401  (fixture)

from generator.build import load_edition
from generator.config import load_config
from generator.search import BODY_FIELDS, HEADLINE_FIELDS, collect, ref
from generator.search import lunrjson
from generator.search.lunrjson import (build_index, reference_index, serialize_for_js,
                                       shard_of, utf16_key)
from generator.search.tokenize import query_slots, tokenize

QUERIES = ["思想道德建设", "怀柔", "格尔木", "文明城市", "党史学习教育", "杨澜", "新时代文明实践",
           "背街小巷", "2022", "农贸市场 改造", "志愿服务 门头沟", "全国文明城区", "乡村振兴"]


@pytest.fixture(scope="module")
def sample_docs():
    edition = load_edition(load_config(REPO / "banmian.toml"))
    issues, docs = collect(edition)
    assert len(docs) >= 5
    return issues, docs


def head_texts(d):
    return [d.title, d.subtitle, d.byline, d.lead]


def canonical(index: dict) -> tuple:
    """An index with `_index` numbers replaced by the terms they stand for."""
    term_of = {p["_index"]: t for t, p in index["invertedIndex"]}
    inverted = [(t, {f: sorted(refs) for f, refs in p.items() if f != "_index"})
                for t, p in index["invertedIndex"]]
    vectors = {fr: {term_of[v[i]]: v[i + 1] for i in range(0, len(v), 2)} for fr, v in index["fieldVectors"]}
    return inverted, vectors


def test_fast_builder_is_lunr_py(sample_docs):
    """Same terms (in UTF-16 order), postings and BM25 scores as lunr.py; only the
    `_index` numbering differs (ours: rank in the shard's term order)."""
    _, docs = sample_docs
    for fields, texts in ((HEADLINE_FIELDS, head_texts), (BODY_FIELDS, lambda d: [d.body])):
        raw = [(ref(d.id), texts(d)) for d in docs]
        expected = serialize_for_js(reference_index(raw, fields))
        fast = build_index([(r, [tokenize(t) for t in ts]) for r, ts in raw], fields, 1)[0]
        assert fast["pipeline"] == expected["pipeline"] == ["zhBigram"]
        assert fast["fields"] == expected["fields"]
        assert canonical(fast) == canonical(expected)
        assert [p["_index"] for _, p in fast["invertedIndex"]] == list(range(len(fast["invertedIndex"])))
        assert len(fast["invertedIndex"]) > 100


@pytest.mark.parametrize("per_shard", [100000, 300])
def test_numpy_builder_gives_the_pure_python_bytes(sample_docs, per_shard):
    pytest.importorskip("numpy")
    _, docs = sample_docs
    refs = [ref(d.id) for d in docs]
    for fields, texts in ((HEADLINE_FIELDS, [[head_texts(d)[i] for d in docs] for i in range(4)]),
                          (BODY_FIELDS, [[d.body for d in docs]])):
        a = lunrjson._build_json_np(refs, fields, texts, per_shard, 4, 1024)
        b = lunrjson._build_json_py(refs, fields, texts, per_shard, 4, 1024)
        assert a.names == b.names and a.splits == b.splits and a.k == b.k
        assert a.blobs == b.blobs
        assert lunrjson.Terms.merge([a.terms]) == lunrjson.Terms.merge([b.terms])
        if per_shard == 300 and fields is BODY_FIELDS:
            assert a.splits and len(a.names) > a.k
            for name, blob in zip(a.names, a.blobs):
                for term, _ in json.loads(blob)["invertedIndex"]:
                    assert a.names[lunrjson.slot_of(term, a.k, a.splits)] == name


def test_shards_keep_unsharded_scores(sample_docs):
    _, docs = sample_docs
    raw = [(ref(d.id), [tokenize(t) for t in head_texts(d)]) for d in docs]
    [whole] = build_index(raw, HEADLINE_FIELDS, 1)
    shards = build_index(raw, HEADLINE_FIELDS, 16)
    index_of = {t: p["_index"] for t, p in whole["invertedIndex"]}
    whole_scores = {}
    for field_ref, vec in whole["fieldVectors"]:
        for i in range(0, len(vec), 2):
            whole_scores[(field_ref, vec[i])] = vec[i + 1]
    seen = 0
    for k, shard in enumerate(shards):
        terms = {p["_index"]: t for t, p in shard["invertedIndex"]}
        assert all(shard_of(t, 16) == k for t in terms.values())
        for field_ref, vec in shard["fieldVectors"]:
            for i in range(0, len(vec), 2):
                assert vec[i + 1] == whole_scores[(field_ref, index_of[terms[vec[i]]])]
                seen += 1
    assert seen == sum(len(v) // 2 for _, v in whole["fieldVectors"])


def test_lunr_js_loads_python_index_with_astral_terms(node, sample_docs):
    _, docs = sample_docs
    raw = [(ref(d.id), [d.title, d.body]) for d in docs[:4]]
    raw.append(("zz", ["𠮷野家 𩸽 ｶﾀｶﾅ 﨎﨏", "ＡＢＣ１２３ 𠀀𠀁𠀂 東京タワー"]))
    fields = (("title", 10), ("body", 1))
    index = reference_index(raw, fields)
    data = serialize_for_js(index)
    terms = [t for t, _ in data["invertedIndex"]]
    assert terms == sorted(terms, key=utf16_key) and any(ord(t[0]) > 0xFFFF for t in terms)
    assert node("load", {"index": data})["terms"] == len(terms)
    queries = [tokenize(q) for q in ["𠮷野家", "東京タワー", "abc123", "文明", "思想道德建设", "怀柔区"]]

    def py_hits(terms):
        q = index.create_query()
        for t in terms:
            q.term(t, presence=QueryPresence.REQUIRED, use_pipeline=False)
        return sorted(r["ref"] for r in index.query(q))

    js = node("query", {"index": data, "queries": queries})
    assert [sorted(x) for x in js] == [py_hits(t) for t in queries]
    assert js[0] == ["zz"] and js[2] == ["zz"]
    # lunr.py's own term order (code points) is what lunr.js rejects
    bad = index.serialize()
    bad["fieldVectors"] = data["fieldVectors"]
    with pytest.raises(AssertionError, match="Out of order word insertion"):
        node("load", {"index": json.loads(json.dumps(bad))})


def test_browser_engine_finds_what_lunr_py_finds(node, sample_docs, built_sample):
    """search.js over the built, sharded files (all issues' bodies loaded) gives
    exactly the documents lunr.py finds in one unsharded index of every field."""
    issues, docs = sample_docs
    fields = HEADLINE_FIELDS + BODY_FIELDS
    index = reference_index([(ref(d.id), head_texts(d) + [d.body]) for d in docs], fields)

    def py_hits(query):
        q = index.create_query()
        for slot in query_slots(query):
            for t in slot["terms"]:
                q.term(t, presence=QueryPresence.REQUIRED, use_pipeline=False)
        return index.query(q)

    js = node("search", {"dir": str(built_sample / "search"), "queries": QUERIES,
                         "bodyIssues": len(issues)})
    nonempty = 0
    for query, hits in zip(QUERIES, js):
        expected = py_hits(query)
        assert sorted(h["ref"] for h in hits) == sorted(r["ref"] for r in expected), query
        nonempty += bool(hits)
        if len(expected) > 1 and expected[0]["score"] > 1.5 * expected[1]["score"]:
            assert hits[0]["ref"] == expected[0]["ref"], f"{query}: clear winner ranked first"
        for h in hits:  # result links point at real article pages
            assert (built_sample / h["url"] / "index.html").is_file(), h["url"]
    assert nonempty >= len(QUERIES) - 1


def test_pinyin_rewrites_to_chinese(node, built_sample):
    js = node("search", {"dir": str(built_sample / "search"),
                         "queries": ["huairou", "怀柔", "geermu", "格尔木", "Huai Rou"], "bodyIssues": 1})
    huairou, zh_huairou, geermu, zh_geermu, spaced = js
    assert huairou and [h["ref"] for h in huairou] == [h["ref"] for h in zh_huairou]
    assert geermu and geermu[0]["ref"] == zh_geermu[0]["ref"]
    assert [h["ref"] for h in spaced] == [h["ref"] for h in huairou]
    assert all(h["zh"] for h in huairou + geermu)


def test_shard_scores_are_lunr_js_scores(node, sample_docs):
    """search.js scores whole terms straight from the index JSON (no lunr.Index.load):
    the same refs and the same scores, to the bit, as lunr.js's one-term queries."""
    _, docs = sample_docs
    refs = [ref(d.id) for d in docs]
    for fields, texts in ((HEADLINE_FIELDS, [[head_texts(d)[i] for d in docs] for i in range(4)]),
                          (BODY_FIELDS, [[d.body for d in docs]])):
        built = lunrjson.build_json(refs, fields, texts, 100000, 1, 1)
        data = json.loads(built.blobs[0])
        terms = [t for t, _ in data["invertedIndex"]][::2] + ["没有这个词"]
        out = node("scores", {"index": data, "terms": terms})
        assert out["diff"] == [] and out["checked"] > 500
