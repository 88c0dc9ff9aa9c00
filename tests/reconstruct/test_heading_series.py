"""Section headings come in a series of one style: a feature numbered
`一、` `二、` numbers every section, so a line after its numbered sections that
lacks the number and reads as a headline opens another article. The page text
is written for the test in the phrasing of a city newspaper's features."""
from __future__ import annotations

from .helpers import assert_feature_then_article

TITLE = "让老人吃上“暖心饭”"
BYLINE = "本报记者 陈立新"
OPENING = ("午饭时间,江苏省常州市天宁区青龙街道的社区食堂里飘出阵阵饭香,几十位老人围坐在餐桌旁"
           "有说有笑。近年来,天宁区把老年助餐作为民生实事,让老人在家门口吃上热乎饭。")
FIRST = "一、织密网点,老人吃饭不用远跑"
FIRST_TEXT = ("天宁区民政局先摸清全区老年人口分布,再按照“中心食堂加助餐点”的思路布点,"
              "老旧小区腾出闲置用房改建餐厅,目前全区已建成助餐点46个。")
SECOND = "二、企业运营,食堂越办越长久"
SECOND_TEXT = ("为避免食堂因亏损关门,天宁区引入专业餐饮企业连锁运营,区里按服务人次给予补贴,"
               "企业薄利多销,饭菜价格多年保持不变。")
NEXT = "老街巷里办起“小课堂”"
NEXT_TEXT = ("每到周三下午,社区活动室里总是格外热闹。退休教师王桂兰带着十几位居民练书法、学剪纸,"
             "一笔一画间,老街坊们的日子多了不少乐趣。")
NEXT_MORE = "课堂开办两年来,已累计开设书法、剪纸、智能手机使用等课程20余门,服务居民3000多人次。"


def test_unnumbered_headline_after_a_numbered_feature_opens_its_own_article():
    """`老街巷里办起“小课堂”` follows the feature's `二、` section and has no
    number of its own: it heads the next article, whose text under it never
    names the feature's place."""
    assert_feature_then_article(TITLE, BYLINE, OPENING, [(FIRST, FIRST_TEXT), (SECOND, SECOND_TEXT)],
                                NEXT, [NEXT_TEXT, NEXT_MORE])


def test_section_marks_are_no_headline_marks():
    """A numbered, ◎-marked or 【】-bracketed line is a section heading; a plain
    line or one merely opening with a number is not marked."""
    from generator.reconstruct.classify import section_marked

    assert section_marked("一、布点到村,让老人“就近吃”")
    assert section_marked("◎ 重服务——让老人吃得安心")
    assert section_marked("【小院子 种出新风景】")
    assert not section_marked("“爱心超市”兑出温暖")
    assert not section_marked("2000余户居民用上新能源充电桩")
