"""Section headings a feature sets off as a whole, in quotation marks or in
`【…】`, whatever plain words they use (`就` `是` `的` `都` read as prose in a
bare line). The page texts are written for the test in the phrasing of a
county newspaper's profiles and features."""
from __future__ import annotations

from .helpers import articles, page

TITLE = "渡口边的“摆渡人”"
BYLINE = "文/罗晓梅"
OPENING = ("天还没亮,58岁的周长根已经把木船擦得干干净净。在湘江支流的这个小渡口,他一撑就是26年,"
           "送过的乘客数也数不清。")
FIRST = ("2000年,周长根从父亲手里接过船篙。那时两岸没有桥,孩子上学、村民赶集都要坐他的船,"
         "最多的一天要来回摆渡40多趟。")
SECOND = ("涨水季节最让人揪心。每逢上游来水,周长根都要提前把船拴牢,再挨家挨户提醒住在河边的老人"
          "不要靠近岸边。")


def test_quoted_heading_of_plain_words_stays_a_heading():
    """`“这条河就是我的路”` reads as prose in its words, but a line that is one
    quotation with no sentence end inside is a heading set off by its marks:
    the paragraph under it (opening on a year) does not go on from it."""
    h1, h2 = "“这条河就是我的路”", "“船上的人都是亲人”"
    _, arts = articles(page(TITLE, BYLINE, OPENING, h1, FIRST, h2, SECOND))
    assert [a.title for a in arts] == [TITLE]
    assert [(p.type, p.text) for p in arts[0].paragraphs] == [
        ("p", OPENING), ("heading", h1), ("p", FIRST), ("heading", h2), ("p", SECOND)]


TEA = "一片茶叶的“三级跳”"
TEA_BYLINE = "本报记者 伍思远"
TEA_OPENING = ("立冬过后,安化县江南镇的茶叶加工厂里依然机声隆隆。工人们把黑毛茶压制成砖,"
               "再一块块码上货架,等着发往西北的订单。")
TEA_GROW = ("“茶园的账,都是一棵棵茶树算出来的。”镇农业服务中心主任易建平说,全镇推广有机种植后,"
            "鲜叶收购价每斤提高了两元。")
TEA_SELL = "镇里的青年电商团队把黑茶搬进直播间,今年线上销售额已占全镇茶叶销售总额的三成。"


def test_bracketed_heading_of_plain_words_stays_a_heading():
    """`【种茶的人都是行家】` uses prose words too; a whole line in `【…】` marks
    a section, and a paragraph opening on a quotation under it is the
    section's text, not the line's continuation."""
    h1, h2 = "【种茶的人都是行家】", "【卖茶的路就在网上】"
    _, arts = articles(page(TEA, TEA_BYLINE, TEA_OPENING, h1, TEA_GROW, h2, TEA_SELL))
    assert [a.title for a in arts] == [TEA]
    assert [(p.type, p.text) for p in arts[0].paragraphs] == [
        ("p", TEA_OPENING), ("heading", h1), ("p", TEA_GROW), ("heading", h2), ("p", TEA_SELL)]
