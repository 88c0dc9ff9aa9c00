"""A commentary under its own headline and byline, then, below its last full
stop, the opening of a feature whose headline stands over no text of its own
(two headlines in a row: the feature's, then the commentary's). Printed below
other text after a full stop, that opening looks like an article's first
column printed last, as if the commentary were the later columns of one
article printed in reverse. But the text right under the commentary's
headline takes up the headline's words, and the opening takes up the words
of the headline over no text instead: it opens that headline's detached
body; the commentary is read as printed, whole.

Hand-written page in the phrasing of a commentary and a county feature."""
from __future__ import annotations

from .helpers import articles, page

BLOCKS = [
    "一颗枸杞红了一方百姓",
    "——中宁县枸杞产业发展见闻",
    "让“微改造”托起“好日子”",
    "作者 林书言",
    # the commentary, right under its headline and byline: its last
    # paragraph takes up the headline's words
    "修好一段坑洼的步道、装上一盏明亮的路灯、腾出一块晾晒的空地……这些年，不少社区把居民身边的零碎需求当成正事来抓，老街旧院添了新气象。",
    "细节里见民心。出门有没有一条平整的路，天黑有没有一盏亮着的灯，楼下有没有孩子玩耍的去处，居民天天都在掂量。",
    "做好“微改造”，先要问计于民。改什么、怎么改，动工前挨家挨户听一听，比坐在办公室里画图纸管用得多。",
    "做好“微改造”，还得建管并重。设施修起来是一时的事，用起来却是长久的事，维护的人和钱要一并落实。",
    "“微改造”连着“好日子”。一件接一件办下去，居民的日子就会一天比一天舒心。",
    # the feature's detached body: its opening names the place in full
    "初冬时节，走进宁夏回族自治区中宁县舟塔乡，成片的枸杞园里果枝低垂，晾晒场上铺满了红艳艳的果实，村民们正忙着分拣装箱。",
    "中宁县是全国闻名的枸杞之乡，全县枸杞种植面积达到20万亩。近年来，当地在良种培育、标准种植和精深加工上持续发力，枸杞产业链条越拉越长。",
    "“下一步，我们将继续擦亮中宁枸杞这块金字招牌，让更多农户靠枸杞增收致富。”中宁县相关负责人说。",
]


def test_detached_opening_is_not_the_first_column_of_the_commentary():
    _, arts = articles(page(*BLOCKS))
    commentary = next(a for a in arts if a.title.startswith("让“微改造”"))
    texts = [p.text for p in commentary.paragraphs]
    assert texts[0].startswith("修好一段坑洼的步道")
    assert texts[-1].startswith("“微改造”连着“好日子”")
    assert not any("中宁县" in t for t in texts)
