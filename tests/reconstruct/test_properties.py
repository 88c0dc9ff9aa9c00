"""Properties on any text: no crash, conservation, determinism, Markdown round trip."""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.reconstruct import reconstruct, to_export, to_markdown

from .helpers import SEEDS, comparable, missing_chars

_seed_text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
_chunks = [c for c in _seed_text.split("\n") if c.strip()]

piece = st.one_of(
    st.text(alphabet="的一是在了不和有大这主中人上为们地个用工时要动国产以我到他会作来分生对于学下级就年阶义发成部民可出能方进在市区"
                     "。，,、:：;；!！?？()（）“”《》——…# >\n\u3000 \t摄图为本报讯", max_size=60),
    st.sampled_from(_chunks).map(lambda s: s[: len(s) // 2] if len(s) > 20 else s),
    st.sampled_from(_chunks),
    st.sampled_from(["\n\n", "\n", "# ", "## ——", "### ◎ ", "> 数说:", "周训超 摄", "本报讯(某某)", "——", "\r\n", "\r"]),
    st.text(max_size=30),
)
page_text = st.lists(piece, max_size=25).map("".join)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(page_text)
def test_no_crash_conservation_determinism(text):
    rec = reconstruct(text)
    assert not missing_chars(text, rec), "every input character is in an item or a warning"
    again = reconstruct(text)
    assert comparable(again.items) == comparable(rec.items)
    assert again.warnings == rec.warnings and again.joins == rec.joins
    for it in rec.items:
        assert it.kind in ("article", "photo", "other")
        assert it.slug
        assert all(p.text for p in it.paragraphs)
        assert all(p.type in ("p", "heading", "callout") for p in it.paragraphs)
    assert to_export(rec, "x")["source"] == "x"


@SETTINGS
@given(page_text)
@example("周训超 摄\n\n凝聚最大合力,掀起“文明新风” ——北京市")  # a lone credit, then a headline
@example("凝聚最大合力,掀起“文明新风” ——北京市周训超 摄\n\n周训超 摄")  # a credit in and after a caption
def test_markdown_round_trip(text):
    rec = reconstruct(text)
    md = to_markdown(rec)
    back = reconstruct(md)
    assert comparable(back.items) == comparable(rec.items)
    assert to_markdown(back) == md


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode(text):
    rec = reconstruct(text)
    assert not missing_chars(text, rec)
    back = reconstruct(to_markdown(rec))
    assert comparable(back.items) == comparable(rec.items)


def test_empty_and_blank():
    assert reconstruct("").items == []
    assert reconstruct("\n\n  \n\u3000\n").items == []
