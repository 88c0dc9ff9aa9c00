"""A reversed article whose text under the headline refers back to something
said before it (`这是…的一个缩影`, `此外,`): a paragraph that adds to earlier text, or
whose first clause points at something named earlier, is a later paragraph
of its article, never its first, so the article does not open there. The
columns are printed last column first by hand, as a layout export prints
them."""
from __future__ import annotations

from generator.reconstruct.columns import FOLLOW_UP_RE, POINTS_BACK_RE

from .helpers import articles, page

GREEN_TRAVEL = [
    "绿色出行渐成市民新风尚",
    # the last column, printed first: one paragraph pointing back at the story told before it
    "这是本市倡导绿色低碳生活的一个缩影。市交通运输局还联合街道社区开展“绿色出行宣传月”活动,通过发放倡议书、举办骑行比赛、"
    "评选“低碳家庭”等形式,引导市民少开车、多步行,让绿色低碳的生活理念深入人心。",
    # the middle column
    "便捷。今年以来,市交通运输局新开通公交线路12条,优化调整线路26条,并在地铁站周边增设共享单车停放点300余处,打通市民出行"
    "的“最后一公里”。",
    "同时,市里加快推进智慧公交建设,全市公交站台电子站牌覆盖率达到85%,市民通过手机即可实时查询车辆到站信息,平均候车时间明显缩短。",
    # the first column, printed last
    "公共交通是城市运行的动脉,也是市民出行的首选。近年来,随着地铁线路不断延伸、公交线网持续优化,越来越多的市民选择乘坐公共交通出行。"
    "去年,全市公共交通日均客运量突破150万人次,绿色出行比例达到七成以上。",
    "绿色出行,关键在于方便。",
    "为让群众出行更加顺畅、更加",
]


def test_reversed_article_does_not_open_with_a_paragraph_referring_back():
    """Under the headline, `这是本市…的一个缩影。` points back at a story not yet read: the
    article is printed in reverse and opens with `公共交通是城市运行的动脉`
    (the column printed last), its cut sentence `为让群众出行更加顺畅、更加`
    going on in the column printed in the middle, and `这是…` ends it."""
    _, arts = articles(page(*GREEN_TRAVEL))
    assert len(arts) == 1
    ps = [p.text for p in arts[0].paragraphs]
    assert ps[0].startswith("公共交通是城市运行的动脉")
    assert any(p.startswith("为让群众出行更加顺畅、更加便捷。今年以来") for p in ps)
    assert ps[-1].startswith("这是本市倡导绿色低碳生活的一个缩影")


def test_paragraphs_referring_back():
    def back(t):
        return bool(FOLLOW_UP_RE.match(t) or POINTS_BACK_RE.match(t))
    assert back("此外,该局还联合街道社区开展活动。")
    assert back("面对这场大考,全区上下坚定不移,全力以赴。")
    assert back("这是群众通过掌上平台反映问题的一个缩影。")
    assert not back("近年来,福建省南平市着力打通“监督渠道”。")
    assert not back("公共交通是城市运行的动脉,也是市民出行的首选。")
