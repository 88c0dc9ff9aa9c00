"""Where an article printed in reverse ends. A two-column article printed last
column first, its columns parted at a paragraph end (no cut between them),
reads as one run of paragraphs: only the text tells after which paragraph
its last column (printed first) ends. News reports close with what is
planned next (`下一步,` `今后,`): the article ends after such a paragraph, and
its first column, the one printed second, opens it.

The text is written for the test in the manner of a county news report; the
columns are printed last column first by hand, as a layout export prints
them."""
from __future__ import annotations

from .helpers import articles, page

YUEYANG = [
    "岳阳县推进农村人居环境整治",
    "刘洋",
    # the second column: the rest of a cut paragraph, a paragraph, and the closing one
    "理,全县累计清运村庄垃圾1.2万吨,改造农村户厕3000余座。",
    "家住新墙镇清水村的李大姐说,以前门前是一条臭水沟,如今变成了小花园,农村人居环境整治让村里越来越美。",
    "下一步,岳阳县将建立健全长效管护机制,让乡村环境美起来、群众生活好起来。",
    # the first column, ending with a paragraph cut at the column end
    "今年以来,岳阳县以“美丽屋场”创建为抓手,组织党员干部和志愿者深入各村,推动村庄环境持续改善。",
    "各乡镇把清理沟渠、拆除旱厕作为重点,村民们也主动参与其中,出工出力。",
    "截至目前,全县共组织集中整治行动200余次,对房前屋后、沟渠塘坝和公路沿线进行全面清",
]


def test_reversed_article_ends_with_its_closing_paragraph():
    """The `下一步,` paragraph ends the article: its first column starts at
    `今年以来,` and its last column, printed first, goes on from the cut
    (`…进行全面清|理,…`) to the closing paragraph."""
    _, arts = articles(page(*YUEYANG))
    assert [a.title for a in arts] == ["岳阳县推进农村人居环境整治"]
    ps = [p.text for p in arts[0].paragraphs]
    assert len(ps) == 5
    assert ps[0].startswith("今年以来,岳阳县")
    assert ps[1].startswith("各乡镇")
    assert ps[2].startswith("截至目前,") and ps[2].endswith("进行全面清理,全县累计清运村庄垃圾1.2万吨,改造农村户厕3000余座。")
    assert ps[3].startswith("家住新墙镇")
    assert ps[4].startswith("下一步,岳阳县")


LIBRARY = [
    "社区书屋“小空间”传出“大书香”",
    # the last column, printed first, right under the headline: the closing paragraph alone
    "截至目前,全区已建成社区书屋86家,累计接待读者40余万人次。下一步,该区将推动书屋与学校、图书馆通借通还,"
    "让更多居民在家门口享受阅读的乐趣。",
    # the first column, parted from it at a paragraph end: no cut anywhere
    "周末的午后,社区书屋里坐满了看书的居民,孩子们围在绘本架前,几位老人戴着老花镜翻阅报纸,屋里静悄悄的。",
    "书屋由社区闲置用房改造而成,藏书5000余册,每天开放10个小时,由志愿者轮流值守。居民凭身份证即可免费借阅,"
    "还能在线上预约想看的新书。",
    "“以前想看书得坐公交去市图书馆,现在下楼就能借到。”居民周女士说,她每周都会带着女儿来书屋读书。",
]


def test_reversed_article_does_not_open_with_its_closing_paragraph():
    """Printed last column first with no cut between the columns, the article
    reads as one run of paragraphs either way; but a paragraph saying what
    comes next (`下一步,`) closes an article, it does not open one: the
    article opens with the paragraph after it and ends with it."""
    _, arts = articles(page(*LIBRARY))
    assert len(arts) == 1
    ps = [p.text for p in arts[0].paragraphs]
    assert ps[0].startswith("周末的午后")
    assert ps[-1].startswith("截至目前,全区已建成社区书屋86家")
