"""The index against lunr: the numpy counting is the tokenizer; the lunr.Index
search.js builds from a compact shard (real lunr.js in Node) is a genuine lunr
index (it round-trips through lunr.Index.load) that gives lunr.js's scores over
lunr.py's own index of the same documents; and the browser engine (search.js in
Node, querying those lunr.Index objects) finds the same documents as lunr.py over
one unsharded index of the whole sample edition, with lunr's scores."""
from __future__ import annotations

import json
from collections import Counter

import pytest
from lunr.query import QueryPresence

from conftest import REPO, SEEDS
from search_support import node  # noqa: F401  (fixture)

from generator.build import load_edition
from generator.config import load_config
from generator.search import BODY_FIELDS, HEADLINE_FIELDS, head_texts, issue_docs, postings, ref
from generator.search.lunrjson import reference_index, serialize_for_js
from generator.search.postings import Layout, body_index, headline_part, slot_of, utf16_key
from generator.search.tokenize import query_slots, tokenize

QUERIES = ["思想道德建设", "怀柔", "格尔木", "文明城市", "党史学习教育", "杨澜", "新时代文明实践",
           "背街小巷", "2022", "农贸市场 改造", "志愿服务 门头沟", "全国文明城区", "乡村振兴"]
ASTRAL = ["𠮷野家 𩸽 ｶﾀｶﾅ 﨎﨏 ①②", "ＡＢＣ１２３ 𠀀𠀁𠀂 東京タワー ㍻ ﬁne …… Crème"]


@pytest.fixture(scope="module")
def sample_docs():
    """Every article of the sample edition, oldest issue first: (global id, doc)."""
    edition = load_edition(load_config(REPO / "banmian.toml"))
    docs = [d for issue in edition.issues for d in issue_docs(issue)]
    assert len(docs) >= 5
    return edition, docs


def term_of(code: int, words: list[str]) -> str:
    if code >= postings.LATIN:
        return words[code - postings.LATIN]
    if code > postings.LOW:
        return chr(code >> 21) + chr(code & postings.LOW)
    return chr(code)


def test_counting_is_the_tokenizer(sample_docs):
    texts = [d.body for d in sample_docs[1]] + ASTRAL + ["", "怀", "x_y a.b …", "\u200b零宽\ufeff字符"]
    texts += [line for f in sorted(SEEDS.glob("*.txt")) for line in f.read_text(encoding="utf-8").splitlines()]
    latin: dict[str, int] = {}
    codes, docs, tf, length = postings.count(texts, latin)
    words = sorted(latin, key=latin.get)
    got = [Counter() for _ in texts]
    for c, d, n in zip(codes.tolist(), docs.tolist(), tf.tolist()):
        got[d][term_of(c, words)] = n
    for text, counts, n in zip(texts, got, length.tolist()):
        assert counts == Counter(tokenize(text)), text[:40]
        assert n == len(tokenize(text))


def _one_shard_head(docs):
    """The sample's headline index as one issue (ordinal 0) in one shard."""
    part = headline_part([[head_texts(d)[f] for d in docs] for f in range(len(HEADLINE_FIELDS))])
    lay = Layout(1, {})
    b = part.bounds(lay).tolist()
    shard = json.loads("[0" + part.text[b[0]:b[-1]] + "]")
    n = len(docs)
    meta = {"N": n, "avg": [x / n for x in part.lengths], "boost": [b for _, b in HEADLINE_FIELDS],
            "fields": [f for f, _ in HEADLINE_FIELDS], "issues": [{"a": [0, n]}]}
    return shard, meta


def test_headline_scores_are_lunr_scores(node, sample_docs):
    """The lunr.Index search.js builds from the compact shard answers a term with the
    same documents and lunr's scores (lunr.py rounds each field's to 3 decimals:
    4 fields, ≤ 0.002)."""
    docs = sample_docs[1] + [issue_docs_of_astral()]
    shard, meta = _one_shard_head(docs)
    index = serialize_for_js(reference_index([(ref(i), head_texts(d)) for i, d in enumerate(docs)],
                                             HEADLINE_FIELDS))
    terms = [t for t in whole_terms(index)][::2] + ["没有这个词", "𠮷野", "abc123"]
    out = node("scores", {"index": index, "head": shard, "meta": meta, "terms": terms, "tolerance": 0.0021})
    assert out["diff"] == [] and out["checked"] > 500


def whole_terms(index) -> list[str]:
    """The index's terms but lone CJK characters (search.js matches those as prefixes:
    a one-character query finds the words it starts)."""
    from generator.search.tokenize import is_cjk_code

    return [t for t, _ in index["invertedIndex"] if not (len(t) == 1 and is_cjk_code(ord(t)))]


def issue_docs_of_astral():
    from generator.search import SearchDoc

    return SearchDoc(local=0, page=None, item=None, title=ASTRAL[0], subtitle=ASTRAL[1], byline="李𠮷",
                     lead=ASTRAL[1], body=" ".join(ASTRAL))


def test_body_scores_are_lunr_scores(node, sample_docs):
    docs = sample_docs[1] + [issue_docs_of_astral()]
    built = body_index([d.body for d in docs], 10 ** 9)
    assert len(built.blobs) == 1
    shard = json.loads(built.blobs[0])
    index = serialize_for_js(reference_index([(ref(i), [d.body]) for i, d in enumerate(docs)], BODY_FIELDS))
    terms = [t for t in whole_terms(index)][::3] + ["没有这个词", "𠀀𠀁", "東京"]
    out = node("scores", {"index": index, "body": shard, "terms": terms, "tolerance": 0.0006})
    assert out["diff"] == [] and out["checked"] > 500


@pytest.mark.parametrize("per_shard", [10 ** 9, 300])
def test_every_term_in_its_shard(sample_docs, per_shard):
    """Body files: terms in UTF-16 order (search.js binary-searches them), each in the
    file slot_of names; headline sections: each term in its slot."""
    docs = sample_docs[1] + [issue_docs_of_astral()]
    built = body_index([d.body for d in docs], per_shard)
    if per_shard == 300:
        assert built.splits and len(built.names) > built.k
    seen = set()
    for name, blob in zip(built.names, built.blobs):
        x = json.loads(blob)["x"]
        terms = x[0::2]
        assert terms == sorted(terms, key=utf16_key)
        for t in terms:
            assert built.names[slot_of(t, built.k, built.splits)] == name
        seen.update(terms)
    assert seen == {t for d in docs for t in tokenize(d.body)}
    part = headline_part([[head_texts(d)[f] for d in docs] for f in range(len(HEADLINE_FIELDS))])
    for k, splits in ((16, {}), (64, {ord("文") % 64: 8, ord("a") % 64: 2}), (1024, {ord("文") % 1024: 4})):
        lay = Layout(k, splits)
        b = part.bounds(lay).tolist()
        found = set()
        for r, s in enumerate(lay.run_slot.tolist()):
            section = json.loads("[0" + part.text[b[r]:b[r + 1]] + "]")
            for t in section[1::2]:
                assert slot_of(t, k, splits) == s, t
                found.add(t)
        assert found == {t for d in docs for f in head_texts(d) for t in tokenize(f)}


def test_browser_engine_finds_what_lunr_py_finds(node, sample_docs, built_sample):
    """search.js over the built, sharded files (all issues' bodies loaded) gives
    exactly the documents lunr.py finds in one unsharded index of every field."""
    edition, docs = sample_docs
    fields = HEADLINE_FIELDS + BODY_FIELDS
    index = reference_index([(str(i), head_texts(d) + [d.body]) for i, d in enumerate(docs)], fields)

    def py_hits(query):
        q = index.create_query()
        for slot in query_slots(query):
            for t in slot["terms"]:
                q.term(t, presence=QueryPresence.REQUIRED, use_pipeline=False)
        return index.query(q)

    js = node("search", {"dir": str(built_sample / "search"), "queries": QUERIES,
                         "bodyIssues": len(edition.issues)})
    nonempty = 0
    for query, hits in zip(QUERIES, js):
        expected = py_hits(query)
        assert sorted(h["id"] for h in hits) == sorted(int(r["ref"]) for r in expected), query
        nonempty += bool(hits)
        if len(expected) > 1 and expected[0]["score"] > 1.5 * expected[1]["score"]:
            assert hits[0]["id"] == int(expected[0]["ref"]), f"{query}: clear winner ranked first"
        for h in hits:  # result links point at real article pages
            assert (built_sample / h["url"] / "index.html").is_file(), h["url"]
    assert nonempty >= len(QUERIES) - 1


def test_every_shard_is_a_lunr_index(node, built_sample):
    """Every headline shard and every issue's body shards, built by search.js's
    engine, are lunr.Index objects that round-trip through lunr.Index.load(toJSON)
    unchanged and answer every one of their terms the same after the round trip."""
    out = node("indexes", {"dir": str(built_sample / "search")})
    assert out["bad"] == [] and out["indexes"] > 5 and out["terms"] > 1000 and out["fast"] > 1000


def test_ranking_is_index_query_ranking(node, built_sample):
    """The engine ranks every result by lunr's scores computed from the postings and
    then scores the shown page with index.query over the page's own postings: the
    results, their order and their scores are the same whether index.query scores
    none, the first page or every result."""
    queries = QUERIES + ["huairou", "怀", "文明 城市"]
    runs = [node("search", {"dir": str(built_sample / "search"), "queries": queries, "bodyIssues": 9, "top": top})
            for top in (0, 3, "all")]
    for query, none, page, every in zip(queries, *runs):
        assert none == page == every, query
    assert sum(map(len, runs[0])) > 50


def test_headline_hits_and_scores_are_unsharded_lunr(node, sample_docs, built_sample):
    """With the headline index alone (bodyIssues=0), a query's hits are lunr.py's for
    one REQUIRED clause per term over one unsharded index of every article's
    headline fields, and the scores lunr's: lunr divides a multi-term score by the
    query vector's norm, √(terms), the engine sums the terms' scores across shards."""
    edition, docs = sample_docs
    index = reference_index([(str(i), head_texts(d)) for i, d in enumerate(docs)], HEADLINE_FIELDS)
    js = node("search", {"dir": str(built_sample / "search"), "queries": QUERIES, "bodyIssues": 0})
    checked = 0
    for query, hits in zip(QUERIES, js):
        terms = [t for slot in query_slots(query) for t in slot["terms"]]
        assert len(set(terms)) == len(terms)
        q = index.create_query()
        for t in terms:
            q.term(t, presence=QueryPresence.REQUIRED, use_pipeline=False)
        want = {int(r["ref"]): r["score"] * len(terms) ** 0.5 for r in index.query(q)}
        assert {h["id"] for h in hits} == set(want), query
        for h in hits:
            assert abs(h["score"] - want[h["id"]]) < 0.0021 * len(terms), (query, h, want[h["id"]])
            checked += 1
    assert checked > 10


def test_pinyin_rewrites_to_chinese(node, built_sample):
    js = node("search", {"dir": str(built_sample / "search"),
                         "queries": ["huairou", "怀柔", "geermu", "格尔木", "Huai Rou"], "bodyIssues": 1})
    huairou, zh_huairou, geermu, zh_geermu, spaced = js
    assert huairou and [h["id"] for h in huairou] == [h["id"] for h in zh_huairou]
    assert geermu and geermu[0]["id"] == zh_geermu[0]["id"]
    assert [h["id"] for h in spaced] == [h["id"] for h in huairou]
    assert all(h["zh"] for h in huairou + geermu)


def test_chinese_title_matches_rank_first(node, built_sample):
    """A query's Chinese matches (also through pinyin) come before Latin-only ones, and
    a title match before a body-only one."""
    js = node("search", {"dir": str(built_sample / "search"), "queries": ["文明", "geermu"], "bodyIssues": 9})
    wenming, geermu = js
    zh = [h["zh"] for h in geermu]
    assert zh == sorted(zh, reverse=True)
    assert wenming[0]["title"] and "文明" in wenming[0]["title"]


def test_pinyin_table_is_the_reference_table(sample_docs):
    """The array-built table equals the plain one (pinyin.build_table) on the sample."""
    from generator.search import issue_search_files, merge_search_files
    from generator.search import pinyin

    edition, _ = sample_docs
    config = load_config(REPO / "banmian.toml")
    parts = [issue_search_files(i, config) for i in edition.issues]
    files = merge_search_files(edition, config, parts)
    bigram_df: Counter = Counter()
    for p in parts:
        for c, n in zip(p.terms[0].tolist(), p.terms[1].tolist()):
            bigram_df[chr(c >> 21) + chr(c & 0x1FFFFF)] += n
    names = {chr(c >> 21) + chr(c & 0x1FFFFF) for p in parts for c in p.names.tolist()}
    keep = pinyin.dictionary_bigrams() | names
    table = pinyin.shard_table(pinyin.build_table({b: n for b, n in bigram_df.items() if b in keep}, names))
    got = {path.split("/")[-1].split(".")[0]: json.loads(blob) for path, blob in files.items()
           if path.startswith("search/py/")}
    assert got == table and "huairou" in got["h"] and "geermu" in got["g"]


def test_engine_scores_add_up(node, sample_docs, built_sample):
    """A result's score is, summed over the query's terms, its lunr score in the
    headline index of the whole edition plus its lunr score in its issue's body index
    (the newest issue's, with bodyIssues=1)."""
    edition, docs = sample_docs
    newest = issue_docs(edition.issues[-1])
    first = len(docs) - len(newest)
    head = reference_index([(str(i), head_texts(d)) for i, d in enumerate(docs)], HEADLINE_FIELDS)
    body = reference_index([(str(first + i), [d.body]) for i, d in enumerate(newest)], BODY_FIELDS)

    def scores(index, term):
        q = index.create_query()
        q.term(term, presence=QueryPresence.REQUIRED, use_pipeline=False)
        return {int(r["ref"]): r["score"] for r in index.query(q)}

    queries = ["文明", "怀柔", "2022", "文明城市", "志愿服务", "乡村振兴"]
    js = node("search", {"dir": str(built_sample / "search"), "queries": queries, "bodyIssues": 1})
    checked = 0
    for query, hits in zip(queries, js):
        terms = [t for s in query_slots(query) for t in s["terms"]]
        per = [(scores(head, t), scores(body, t)) for t in terms]
        want = {}
        for d in range(len(docs)):
            if all(d in h or d in b for h, b in per):
                want[d] = sum(h.get(d, 0) + b.get(d, 0) for h, b in per)
        assert {h["id"] for h in hits} == set(want), query
        for h in hits:
            assert abs(h["score"] - want[h["id"]]) < 0.003 * len(terms), (query, h, want[h["id"]])
            checked += 1
    assert checked > 20


def test_one_character_finds_the_words_it_starts(node, sample_docs, built_sample):
    """A one-character query matches the terms it starts (怀 → 怀柔), as lunr's
    trailing wildcard would: in the headlines and the newest issue's bodies."""
    edition, docs = sample_docs
    first_newest = len(docs) - len(issue_docs(edition.issues[-1]))
    js = node("search", {"dir": str(built_sample / "search"), "queries": ["怀", "文"], "bodyIssues": 1})
    for ch, hits in zip(["怀", "文"], js):
        want = set()
        for i, d in enumerate(docs):
            texts = head_texts(d) + ([d.body] if i >= first_newest else [])
            if any(t.startswith(ch) for text in texts for t in tokenize(text)):
                want.add(i)
        assert hits and {h["id"] for h in hits} == want, ch
