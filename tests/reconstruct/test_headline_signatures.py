"""A headline printed between two articles and signed by a bare pen name of a
few characters (`县文明办`) over a feature's opening starts an article of its
own, not a section heading of the article above. The page text is written for
the test in the phrasing of a county newspaper."""
from __future__ import annotations

from .helpers import articles, page

MARKET = "宜宾市翠屏区“夜市经济”点亮城市烟火气"
MARKET_LEAD = ("本报讯(记者 周敏)11月15日晚,四川省宜宾市翠屏区合江门广场上灯火通明,"
               "200多个摊位一字排开,小吃、文创、非遗手作吸引了大批市民和游客。")
MARKET_END = "翠屏区商务局相关负责人表示,下一步将规范摊位管理,让夜市开得更久、更安心。"

LIBRARY = "“书香驿站”开进田间地头"
PEN_NAME = "县文明办"
LIBRARY_SCENE = ("近日,湖南省邵阳市隆回县六都寨镇的“书香驿站”里坐满了前来借书的村民,"
                 "种植技术、养殖手册和儿童绘本摆满了书架。")
LIBRARY_MORE = ("据了解,隆回县今年已在乡镇、村建成“书香驿站”86个,配送图书12万余册,"
                "每个驿站都有一名管理员负责借阅登记和阅读活动。")


def test_headline_signed_by_a_pen_name():
    """`县文明办` under `“书香驿站”开进田间地头` is a signature, not a headline of two
    characters: the line above it heads the story opening below
    (`近日,湖南省…`), and is no section heading of the article before it."""
    _, arts = articles(page(MARKET, MARKET_LEAD, MARKET_END, LIBRARY, PEN_NAME, LIBRARY_SCENE, LIBRARY_MORE))
    got = {a.title: (a.byline, [p.text for p in a.paragraphs]) for a in arts}
    assert got == {MARKET: (None, [MARKET_LEAD, MARKET_END]),
                   LIBRARY: (PEN_NAME, [LIBRARY_SCENE, LIBRARY_MORE])}
