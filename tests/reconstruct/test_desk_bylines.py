"""A paper's own commentary is signed by its desk, not by a person: the line
under its headline is `本报评论员` (`本报特约评论员`, `新华社评论员`,
`本报评论部`), a byline with no name in it. An open letter or an appeal
(倡议书, 公开信) addresses its readers once, at the head of its text
(`广大市民朋友们：…`), so the short line over that paragraph is its headline,
not a section heading of the text printed before; it ends on its senders'
signature and date (`某县文明办 2026年5月4日`), its last line, not a headline.
Texts are invented in the
phrasing of a county newspaper's commentary and appeal."""
from __future__ import annotations

from generator.reconstruct import classify as C
from generator.reconstruct import joins as J

from .helpers import articles, page

COMMENT = "让文明餐桌成为一种习惯"
DESK = "本报评论员"
C1 = ("走进城区的饭店，“光盘行动”的提示牌随处可见；打包剩菜的顾客越来越多，"
      "点菜时服务员也会主动提醒“够吃就好”。节约粮食，正在从口号变成许多人的自觉行动。")
C2 = ("也要看到，宴请中讲排场、比阔气的现象仍未绝迹，一些单位食堂的浪费也时有发生。"
      "这些问题看似小事，背后却是观念的偏差，需要久久为功加以纠正。")
C3 = ("文明餐桌无小事，一粥一饭当思来之不易。期待每个人都从自己做起，"
      "让勤俭节约的好风气在全县蔚然成风。")
APPEAL = "文明养犬从我做起倡议书"
A1 = ("广大市民朋友们：犬只是许多家庭的伙伴，但不文明养犬也给邻里带来了困扰。"
      "为营造整洁有序的居住环境，我们向全县养犬人发出如下倡议：")
A2 = "一、依法登记办证，按时为犬只接种疫苗，做守法的养犬人。"
A3 = "二、出门牵绳束犬，及时清理犬只粪便，做文明的养犬人。"
SIGN = "某县文明办 某县公安局 2026年5月4日"
NEWS = "城东公园完成提升改造"
NEWS_LEAD = ("本报讯 近日，城东公园提升改造工程完工，新建健身步道2公里，"
             "增设休闲座椅60余处，吸引不少市民前来锻炼。")


def test_a_desk_signs_a_commentary():
    """A desk's byline has the shape of a byline, a body's line does not."""
    for t in (DESK, "本报特约评论员", "新华社评论员", "本报评论部"):
        assert C.byline_shape(t)
    assert not C.byline_shape("评论")
    assert not C.byline_shape("本报评论")


def test_a_commentary_then_an_appeal():
    """The commentary keeps its desk byline and its three paragraphs; the
    appeal under it is an article of its own, its salutation opening it and
    its signature closing it; the news story after it keeps its headline."""
    _, arts = articles(page(COMMENT, DESK, C1, C2, C3, APPEAL, A1, A2, A3, SIGN, NEWS, NEWS_LEAD))
    got = [(a.title, a.byline, [p.text for p in a.paragraphs]) for a in arts]
    assert got == [(COMMENT, DESK, [C1, C2, C3]), (APPEAL, None, [A1, A2, A3, SIGN]), (NEWS, None, [NEWS_LEAD])]


def test_a_dated_signature_ends_a_letter():
    """Nothing goes on after the signature; a date in a sentence is no signature."""
    assert J.letter_break(SIGN, "三、")
    assert not J.letter_break("会议于2026年5月4日", "在县城召开")
