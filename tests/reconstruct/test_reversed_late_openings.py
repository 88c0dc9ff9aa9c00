"""A short article in two columns printed last column first, the columns
ending with whole paragraphs (no cut between them): the text under the
headline is its last column, which opens with a paragraph going on from
what was told before it, and the story's opening (its date and its place named in full) is printed after it,
below a full stop. No sentence spans the columns, so only where the story
opens tells the reading. The text is written for the test."""
from __future__ import annotations

from .helpers import articles, page

READING_ROOM = [
    "老街巷里飘书香",
    "本报记者 陈晓雯",
    "书屋开起来以后,社区又和区图书馆签了协议,每月轮换一批新书,居民在书屋里就能借还全市各分馆的图书。"
    "“以前借本书要坐半小时公交,现在下楼就能借。”退休教师刘淑芬说。",
    "据社区工作人员介绍,书屋开放一年来,累计接待居民1.2万人次,举办读书会、亲子阅读等活动60余场。"
    "不少居民从“读者”变成了“管理员”,书屋成了街坊邻里常来常往的“第二客厅”。",
    "11月20日上午,江苏省扬州市广陵区东关街道的“邻里书屋”里,十几位居民正安静地翻阅书报,"
    "几个孩子围坐在绘本区,听志愿者讲故事。",
    "这间书屋由一处闲置的社区用房改造而成,面积不到80平方米,藏书却有4000多册。"
    "书屋由社区志愿者轮流值守,每天从早上8点开放到晚上8点。",
    "“书屋离家近,孩子放学后就来这里写作业、看书。”家住附近的居民王海燕说。",
]


def test_reversed_article_opens_at_its_dated_opening_printed_below_its_end():
    """Read as printed, the article would open with `书屋开起来以后,…`, which
    opens no story, and tell its opening (`11月20日上午,江苏省扬州市…`, the
    date and the place in full) after the paragraph the article ends with: the
    first column is the one printed second."""
    _, arts = articles(page(*READING_ROOM))
    assert len(arts) == 1
    ps = [p.text for p in arts[0].paragraphs]
    assert ps[0].startswith("11月20日上午,江苏省扬州市")
    assert ps[2].startswith("“书屋离家近")
    assert ps[3].startswith("书屋开起来以后")
    assert ps[-1].endswith("常来常往的“第二客厅”。")
