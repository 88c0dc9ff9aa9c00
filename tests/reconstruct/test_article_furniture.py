"""The lines around a headline that are no text of the story: its byline and
an editor's note. Reporters who share a story are printed side by side on the
byline line, `黄立新 刀玉香`; a surname outside the common list (`刀`, `岩`,
frequent in the south-west's minority regions) does not make its bearer's name
prose: a neighbour with a common surname vouches that the line lists names. An
editor's note (`编者按:`) is printed under the headline of the piece it
introduces, so the line over it heads an article even when it follows another
article's text. The page texts are written for the test in the phrasing of a
prefecture newspaper's local news and letters pages."""
from __future__ import annotations

import pytest

from generator.reconstruct import classify as C

from .helpers import articles, page

BUS = "山村小学开进了新校车"
BUS_LEAD = ("9月2日,勐腊县象明乡中心小学的两辆新校车正式投入使用,沿线6个村寨的180多名学生"
            "从此不用再走两个小时的山路上学。")
BUS_MORE = ("“以前天不亮就得出门,现在坐车二十分钟就到了。”五年级学生的家长说,"
            "孩子早上能多睡一会儿,上课也更有精神了。")
MARKET = "边境集市上的新鲜事"
MARKET_BYLINE = "本报记者 周晓岚"
MARKET_LEAD = ("本报讯 每逢周六,磨憨镇的边境集市都格外热闹,来自两国的商户在这里摆摊交易,"
               "水果、茶叶和手工织品最受欢迎。")

SHARED = ["黄立新 刀玉香", "罗明 宋佳 岩温"]

LETTER = "写给护河志愿者的一封信"
NOTE = ("编者按:日前,本报读者来信栏目收到一位退休工人的来信。信中讲述了一支护河志愿队"
        "坚持十年清理河道的故事。现将来信刊登如下。")
LETTER_TEXT = ("我家就住在清水河边。十年前,河里漂满了塑料袋和烂菜叶,夏天一到,隔着窗户都能闻到"
               "臭味。是你们每个周末扛着长杆、拎着网兜,一点一点把河捞干净了。")
LETTER_END = "如今河水清了,孩子们又愿意到河边散步了。我代表街坊邻居,向你们道一声辛苦!"


@pytest.mark.parametrize("byline", SHARED)
def test_rare_surname_beside_a_name_is_a_byline(byline):
    assert C.byline_shape(byline)


def test_phrases_without_names_are_no_byline():
    """Short phrases side by side with no surname among them are a kicker's words."""
    assert not C.byline_shape("学党史 办实事")


def test_four_character_phrases_are_no_byline_though_one_opens_on_a_surname():
    """A two-phrase heading's phrases run to four characters (`全民参与 共创文明`,
    全 being a surname too): names sharing a byline are two or three characters."""
    assert not C.byline_shape("全民参与 共创文明")
    assert not C.byline_shape("全民动员 人人参与")


@pytest.mark.parametrize("byline", SHARED)
def test_rare_surname_byline_signs_its_story(byline):
    """The line under the headline is the story's byline; both stories keep
    their own text."""
    _, arts = articles(page(BUS, byline, BUS_LEAD, BUS_MORE, MARKET, MARKET_BYLINE, MARKET_LEAD))
    got = {a.title: (a.byline, [p.text for p in a.paragraphs]) for a in arts}
    assert got == {BUS: (byline, [BUS_LEAD, BUS_MORE]),
                   MARKET: (MARKET_BYLINE, [MARKET_LEAD])}


def test_line_over_an_editors_note_heads_an_article():
    """After the last paragraph of a story, the line over `编者按:` is the
    letter's headline, not a short paragraph of the story above."""
    _, arts = articles(page(MARKET, MARKET_BYLINE, MARKET_LEAD, LETTER, NOTE, LETTER_TEXT, LETTER_END))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {MARKET: [MARKET_LEAD], LETTER: [NOTE, LETTER_TEXT, LETTER_END]}
