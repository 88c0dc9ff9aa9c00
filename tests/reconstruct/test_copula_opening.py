"""A text opening on the copula `是` goes on from a cut: `是` needs its
subject before it, so no sentence (and no paragraph) starts with it unless it
begins a word (`是否…`). A short line cut right before it (`市民|是城市的主体`)
is prose, not a heading. Texts are from the sample pages; the damage is made
by hand as a layout export makes it."""
from __future__ import annotations

from generator.reconstruct.joins import head_features

from .helpers import articles, page

CHAOYANG = ["凝聚最大合力,掀起“文明新风”", "杨澜 宋敏",
            "为推动全国文明城市创建各项工作任务落地落实,朝阳区还坚持问题导向,开展环境秩序整治,"
            "集贸市场及周边、交通场站及周边环境秩序整治取得实效。",
            "全民参与,让文明触手可及",
            "市民",
            "是城市的主体,也是城市文明的受益者。如何搭建舞台,让群众主动参与文明创建这场“幸福接力”?"
            "朝阳区给出了自己的答案。"]


def test_a_text_opening_on_the_copula_goes_on_from_the_line_before():
    """`市民` alone looks like a heading; the block after it opens on `是`,
    which no sentence starts with: the line is the cut start of that
    sentence. The section heading above stays a heading."""
    assert head_features("是城市的主体,也是城市文明的受益者。").start == "nostart"
    assert head_features("是否达标,由群众说了算。").start == ""
    _, arts = articles(page(*CHAOYANG))
    assert len(arts) == 1
    texts = [p.text for p in arts[0].paragraphs]
    assert texts[-1] == CHAOYANG[4] + CHAOYANG[5]
    assert CHAOYANG[3] in texts
