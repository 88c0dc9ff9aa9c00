"""The Python and JS tokenizers give byte-identical tokens (real Node, real seed text)."""
from __future__ import annotations

import pytest

from conftest import SEEDS
from search_support import node  # noqa: F401  (fixture)

from generator.search.tokenize import query_slots, tokenize

EDGE = [
    "",
    "思想道德建设",
    "思想道\n德建设",
    "ＡＢＣ　１２３，全角Ｌａｔｉｎ！",          # full-width Latin, digits, punctuation, ideographic space
    "①②③ ⅫⅣ ㈱ ㍻ ㎞ ﬁne",                      # compatibility forms that NFKC expands
    "𠀀𠀁𠀂 𪚥 𩸽は美味しい 𠮷野家",               # astral ideographs (surrogate pairs in JS)
    "ｶﾀｶﾅ ﾊﾟﾝ ひらがな カタカナー",                # half-width kana, voiced marks, prolonged sound mark
    "한국어 텍스트",                              # Hangul
    "COVID-19疫情 5G网络 iPhone14 H5N1 3.8亿元 2022年7月15日",
    "Crème brûlée café naïve ÅNGSTRÖM İstanbul ǅemal",
    "x_y a.b c/d e'f “引号”《书名》——破折号……",
    "々 〆 〇 〻 ・ ー 〜",
    "\u200b零宽\ufeff字符\u00a0不换行",
    "e\u0301 a\u0308 Ω K Å",                    # combining marks, ohm, kelvin, angstrom signs
    "A",
    "怀",
]


def seed_lines() -> list[str]:
    lines = []
    for f in sorted(SEEDS.glob("*.txt")):
        lines.extend(line for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
    return lines


def test_python_tokenizer_basics():
    assert tokenize("思想道德建设") == ["思想", "想道", "道德", "德建", "建设"]
    assert tokenize("怀") == ["怀"]
    assert tokenize("北京 怀柔") == ["北京", "怀柔"]
    assert tokenize("ＡＢＣ１２３") == ["abc123"]
    assert tokenize("COVID-19疫情") == ["covid", "19", "疫情"]
    assert tokenize("2022年") == ["2022", "年"]
    assert tokenize("𠀀𠀁𠀂") == ["𠀀𠀁", "𠀁𠀂"]
    assert tokenize("ｶﾀｶﾅ") == ["カタ", "タカ", "カナ"]
    assert tokenize("①") == ["1"]
    assert [s["terms"] for s in query_slots("怀柔 huairou")] == [["怀柔"], ["huairou"]]
    assert query_slots("思想道德建设")[0]["terms"] == ["思想", "道德", "建设"]
    assert query_slots("新时代文明实践")[0]["terms"] == ["新时", "代文", "明实", "实践"]
    assert query_slots("格尔木")[0]["terms"] == ["格尔", "尔木"]


def test_js_query_slots_and_shards_match_python(node):
    from generator.search.postings import shard_names, slot_of

    queries = EDGE + ["思想道德建设 门头沟", "新时代文明实践", "创建全国文明城市", "huai rou 2022年"]
    assert node("slots", queries) == [[[s["terms"], s["cjk"]] for s in query_slots(q)] for q in queries]
    k, splits = 64, {ord("文") % 64: 8, ord("a") % 64: 2}
    terms = ["文明", "文化", "思想", "𠮷野", "ab", "a", "文"]
    names = shard_names(k, splits)
    js = node("shards", {"terms": terms, "k": k, "splits": {str(b): m for b, m in splits.items()}})
    for t, got in zip(terms, js):
        if t == "文":  # a lone CJK character: every part of its bucket
            assert got == [f"{ord(t) % k}-{j}" for j in range(8)]
        else:
            assert got == [names[slot_of(t, k, splits)]], t


@pytest.mark.parametrize("corpus", ["seeds", "edge"])
def test_js_tokenizer_matches_python(node, corpus):
    texts = seed_lines() if corpus == "seeds" else EDGE
    if corpus == "seeds":
        texts = texts + ["\n".join(texts)]  # whole pages too
    js = node("tokenize", texts)
    py = [tokenize(t) for t in texts]
    assert len(js) == len(py)
    for text, a, b in zip(texts, py, js):
        assert a == b, f"tokens differ for {text[:40]!r}"
    # byte-identical, not merely equal after some normalisation
    assert [[t.encode("utf-8") for t in x] for x in py] == [[t.encode("utf-8") for t in x] for x in js]
    assert sum(len(x) for x in py) > (1000 if corpus == "seeds" else 50)
