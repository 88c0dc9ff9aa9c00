"""The four shared gold pages, scored by ../shared/eval/score.py itself."""
from __future__ import annotations

import pytest

from generator.reconstruct import reconstruct, to_markdown

from .helpers import GOLD, SEEDS, comparable, export_pages, missing_chars, run_score


@pytest.fixture(scope="module")
def seed_score(tmp_path_factory):
    if not GOLD.exists():
        pytest.skip("shared gold not available")
    out = tmp_path_factory.mktemp("pred")
    export_pages(sorted(SEEDS.glob("*.txt")), out)
    return run_score(GOLD, out)


def test_gold_seeds_meet_the_bar(seed_score):
    s = seed_score
    assert s["articles"] == 19
    assert s["perfect"] == 19, s["text"]
    assert s["paras_f1"] >= 0.99
    assert s["joins"] == 1.0
    assert s["photos"] == 1.0
    assert s["titles"] == 1.0
    assert s["order"] == 1.0


@pytest.mark.parametrize("page", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_invariants(page):
    text = page.read_text(encoding="utf-8")
    rec = reconstruct(text)
    assert not missing_chars(text, rec)
    again = reconstruct(text)
    assert comparable(again.items) == comparable(rec.items) and again.warnings == rec.warnings
    back = reconstruct(to_markdown(rec))
    assert comparable(back.items) == comparable(rec.items)
    assert all(it.slug for it in rec.items)
    assert len({it.slug for it in rec.items}) == len(rec.items)


def test_seed_specific_behaviour():
    """What the issue lists, checked on the pages where it happens."""
    recs = {p.stem[:3]: reconstruct(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}
    # 004: the repeated tail is dropped with a warning; the headless fragment is kept
    w004 = {w.code for w in recs["004"].warnings}
    assert "duplicate-overlap" in w004
    texts = [p.text for it in recs["004"].items for p in it.paragraphs]
    assert "福感越来越强。" not in texts
    assert any(t.startswith("告专项整治") for t in texts)
    # 003: the headline after its body; the truncated fragment is not joined to the heading
    r3 = recs["003"]
    bijie = next(it for it in r3.items if it.title == "贵州省毕节市多措并举推进文明城市创建工作")
    assert bijie.paragraphs[0].text.startswith("本报讯(贵文)")
    assert any(w.code == "headline-after-body" and w.block == 34 for w in r3.warnings)
    assert any(w.code == "truncated-fragment" for w in r3.warnings)
    assert any(p.text.endswith("抓环") for it in r3.items for p in it.paragraphs)
    kinds = [it.kind for it in r3.items]
    assert kinds.count("other") >= 4 and kinds.count("photo") == 1
    byl = next(it for it in r3.items if it.title == "建设百姓家门口的精神家园").byline
    assert byl == "中共寿光市委常委、宣传部部长 袁义林"
    # warnings carry 1-based line numbers
    assert all(w.line and w.line >= 1 for r in recs.values() for w in r.warnings if w.block is not None)
