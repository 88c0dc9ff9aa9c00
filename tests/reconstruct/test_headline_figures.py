"""A news headline often opens on the year of its event (`2025年…圆满收官`) or
ends on the count its story reports (`…推广活动400余场`): a figure at a line's
edge is the headline's date or outcome, not prose, so the line heads the story
below it (here printed with its columns reversed, a cut tail first) and is no
section heading of the article above. The page text is written for the test in
the phrasing of a county newspaper."""
from __future__ import annotations

import pytest

from generator.reconstruct import classify as C

from .helpers import articles, page

MARKET = "宜宾市翠屏区“夜市经济”点亮城市烟火气"
MARKET_LEAD = ("本报讯(记者 周敏)11月15日晚,四川省宜宾市翠屏区合江门广场上灯火通明,"
               "200多个摊位一字排开,小吃、文创、非遗手作吸引了大批市民和游客。")
MARKET_END = "翠屏区商务局相关负责人表示,下一步将规范摊位管理,让夜市开得更久、更安心。"

READING_LEAD = ("11月18日,随着最后一场读书分享会在阳郭镇落幕,"
                "2025年渭南市临渭区“书香进万家”全民阅读活动圆满收官。")
READING_FIGURES_HEAD = ("今年4月以来,临渭区组织图书馆、文化馆和民间读书会28个,"
                        "深入全区村(社区)开展阅读推广活动400余场,活动")
READING_FIGURES_TAIL = "内容涵盖亲子共读、非遗讲堂、农技培训等多个门类,参与群众累计达20万人次。"
READING_END = "活动期间,各读书会还将文明新风、防范电信诈骗等内容融入诵读节目,让群众在读书中明事理、长见识。"


@pytest.mark.parametrize("headline", ["2025年临渭区“书香进万家”阅读活动圆满收官",
                                      "临渭区今年开展群众性全民阅读推广活动400余场"])
def test_headline_with_a_figure_at_its_edge_heads_the_story_below(headline):
    _, arts = articles(page(MARKET, MARKET_LEAD, MARKET_END, headline,
                            READING_FIGURES_TAIL, READING_END, READING_LEAD, READING_FIGURES_HEAD))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {MARKET: [MARKET_LEAD, MARKET_END],
                   headline: [READING_LEAD, READING_FIGURES_HEAD + READING_FIGURES_TAIL, READING_END]}


def test_a_figure_inside_a_line_still_reads_as_prose():
    """Only the edges are spared: a count in mid-line is a sentence's figure."""
    assert C.head_likeness("全区已开展阅读推广活动400余场参与群众达20万人次") < 0.5
