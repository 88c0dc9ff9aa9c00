"""A news story opens by saying when (`11月15日上午,` `近日,`), a feature's
scene by the hour (`清晨6点多,` `傍晚时分,`); its later paragraphs go on from
what was told before them. So a paragraph opening so, with no place named in
full, still tells where an article printed in reverse starts: two columns
split after a complete paragraph have no cut to tell their order by. The text
is written for the test; its columns are printed last column first by hand,
as a layout export prints them."""
from __future__ import annotations

from generator.reconstruct.columns import DATED_RE

from .helpers import articles, page

CANTEEN = [
    "老街巷里开起“幸福食堂”",
    # the second column, printed first: it starts after a complete paragraph
    "据了解,东门街道还组织辖区志愿者为行动不便的老人送餐上门,目前已有40余位老人享受到这项服务。",
    "“饭菜软烂、口味清淡,价格也实惠。”82岁的独居老人王秀兰说,自从食堂开张,她每天中午都和老姐妹们约着来这里吃饭,"
    "吃完饭还能在活动室里下下棋、聊聊天。",
    # the first column, printed last
    "11月15日上午,随着最后一批桌椅安装到位,位于老城区东门街的“幸福食堂”正式开门迎客。食堂面积约200平方米,"
    "可同时容纳60人就餐,每天为周边老人提供午餐和晚餐。",
    "为了让老人吃得放心,食堂每天公示菜谱和食材来源,菜品按照少油少盐的标准烹制。辖区60岁以上老人凭卡就餐,"
    "每餐还可享受3元的补贴。",
]


def test_reversed_article_opens_where_it_says_when():
    """The column printed last opens `11月15日上午,…`: the article is read
    from there, and the column printed under the headline goes on after it."""
    _, arts = articles(page(*CANTEEN))
    assert len(arts) == 1
    ps = [p.text for p in arts[0].paragraphs]
    assert len(ps) == 4
    assert ps[0].startswith("11月15日上午,随着")
    assert ps[1].startswith("为了让老人吃得放心")
    assert ps[2].startswith("据了解,东门街道")
    assert ps[3].startswith("“饭菜软烂")


def test_dated_openings():
    assert DATED_RE.match("近日,东门街道组织开展“邻里节”活动。")
    assert DATED_RE.match("11月15日上午,随着最后一批桌椅安装到位,食堂正式开门迎客。")
    assert DATED_RE.match("清晨6点多，薄雾还没有散尽，溪畔的竹林里已经传来脚步声。")
    assert DATED_RE.match("傍晚时分,广场上音乐响起,广场舞队各占一角。")
    # a time span sums up inside an article as often; a month alone dates no event
    assert not DATED_RE.match("近年来,街道坚持把为老服务作为民生实事来抓。")
    assert not DATED_RE.match("今年以来,全街道共新增助餐点12个。")
    assert not DATED_RE.match("今年3月,社区安装了62个智能充电桩。")
