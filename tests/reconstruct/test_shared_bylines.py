"""A byline shared by writer and photographer names each by a role of its
own: `文/王晓燕 图/李建国`, `王晓燕/文 李建国/图`, `记者 王晓燕 摄影 李建国`,
`文 王晓燕 图 李建国`. The roles inside the line credit the names beside them
as the leading role does, so the line is the feature's byline, not a short
paragraph of its text. The page text is written for the test in the phrasing
of a city newspaper's weekend pages."""
from __future__ import annotations

import pytest

from generator.reconstruct import classify as C

from .helpers import articles, page

MARKET = "老街夜市里的烟火气"
MARKET_SCENE = ("华灯初上,城南老街的夜市渐渐热闹起来。烤红薯的香气、糖画摊前孩子们的笑声,"
                "还有摊主们此起彼伏的吆喝声,让这条百年老街重新有了人气。")
MARKET_MORE = ("“以前这里冷冷清清,现在每天晚上人挤人。”在老街卖了二十年米粉的周大姐说,"
               "夜市开张以后,她的小店一晚上能卖出三百多碗。")
LIBRARY = "社区书屋成了居民的“第二客厅”"
LIBRARY_BYLINE = "本报记者 赵敏"
LIBRARY_LEAD = ("本报讯 近日,东湖街道新建的12家社区书屋全部对外开放,居民在家门口就能借书、看报、"
                "参加读书分享会。")

SHARED = ["文/王晓燕 图/李建国", "王晓燕/文 李建国/图", "记者 王晓燕 摄影 李建国", "文 王晓燕 图 李建国"]


@pytest.mark.parametrize("byline", SHARED)
def test_shared_byline_shape(byline):
    assert C.byline_shape(byline)


def test_roles_alone_are_not_names():
    """A role word next to no name, or a phrase that only opens with one, is no byline."""
    assert not C.byline_shape("文 明")
    assert not C.byline_shape("图说 新风尚")


@pytest.mark.parametrize("byline", SHARED)
def test_shared_byline_signs_its_feature(byline):
    """The line under the headline is the feature's byline; both stories keep
    their own text."""
    _, arts = articles(page(MARKET, byline, MARKET_SCENE, MARKET_MORE,
                            LIBRARY, LIBRARY_BYLINE, LIBRARY_LEAD))
    got = {a.title: (a.byline, [p.text for p in a.paragraphs]) for a in arts}
    assert got == {MARKET: (byline, [MARKET_SCENE, MARKET_MORE]),
                   LIBRARY: (LIBRARY_BYLINE, [LIBRARY_LEAD])}
