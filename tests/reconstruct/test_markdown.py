"""The editorial Markdown: clear marks, literal re-reading, idempotent."""
from __future__ import annotations

from generator.reconstruct import reconstruct, to_markdown
from generator.reconstruct.markdown import MARKER

from .helpers import SEEDS, comparable

PAGE = """凝聚最大合力,掀起“文明新风” ——北京市朝阳区将文明融入城市肌理

杨澜 宋敏

从2001年启动全国文明城市创建工作到2011年荣获“全国文明城市”称号,北京市朝阳区实现了一个又一个突破。

数说:全区有注册志愿者7.1万余人。

以“令”为纲,展现责任担当

站在新的起点上,如何答好朝阳答卷,成为全区关心的话

题。朝阳区制定了实施方案。

为保障师生健康,重庆各高校启动疫苗接种工作。图为接种现场。

周训超 摄
"""


def test_marks_and_round_trip():
    rec = reconstruct(PAGE)
    md = to_markdown(rec)
    assert md.startswith(MARKER)
    assert "# 凝聚最大合力,掀起“文明新风”" in md
    assert "## ——北京市朝阳区将文明融入城市肌理" in md
    assert "作者:杨澜 宋敏" in md
    assert "### 以“令”为纲,展现责任担当" in md
    assert "> 数说:全区有注册志愿者7.1万余人。" in md
    assert "站在新的起点上,如何答好朝阳答卷,成为全区关心的话题。朝阳区制定了实施方案。" in md
    assert "<!-- photo -->" in md and "摄影:周训超 摄" in md
    back = reconstruct(md)
    assert comparable(back.items) == comparable(rec.items)
    assert to_markdown(back) == md


def test_editor_fix_is_kept():
    """An editor's correction in the Markdown is read literally (no joins, no reordering)."""
    rec = reconstruct(PAGE)
    md = to_markdown(rec).replace("# 凝聚最大合力", "# 凝聚合力")
    md = md.replace("朝阳区制定了实施方案。", "朝阳区制定了实施方案。\n\n第二段,由编辑拆开")
    back = reconstruct(md)
    art = back.items[0]
    assert art.title.startswith("凝聚合力")
    assert art.paragraphs[-1].text == "第二段,由编辑拆开"


def test_seed_004_markdown_marks_are_hints():
    text = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")
    rec = reconstruct(text)
    first = rec.items[0]
    assert first.title == "文明风起满眼新"
    assert first.subtitle == "甘肃白银全力推动文明城市创建工作不断迈向新高度"
    assert [p.text for p in first.paragraphs if p.type == "heading"][0].startswith("◎ 重高效")
    assert not any(p.text.startswith("#") for it in rec.items for p in it.paragraphs)
