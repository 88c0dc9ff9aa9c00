"""A line stopping where its sentence has not yet reached its predicate is the
first line of a paragraph cut at a column end, not a section heading:
- a post cut inside, its speaker's verb after the cut (`…相关负责|人介绍,…`);
- a modal verb waiting for its verb (`…调解员都会|提前…`) or a time adverbial
  waiting for the predicate (`…某镇今年|已调处…`): no heading ends so;
- the next item of a list the left text runs inline and ends on a semicolon
  (`…机制:一是…；|二是…`) goes on in the same paragraph; a list printed item by
  item keeps its items apart.
Texts are invented in the phrasing of a county newspaper's report; the cuts
are made by hand as a layout export makes them."""
from __future__ import annotations

from .helpers import articles, assert_one_paragraph, page

TITLE = "某县推行“田埂调解”化解邻里纠纷"
LEAD = ("本报讯 11月20日,某县司法局召开新闻通气会,介绍今年以来推行“田埂调解”的做法和成效。"
        "全县各乡镇司法所、人民调解委员会负责人参加会议。")
LAST = "会议要求,各乡镇要把调解工作做在前头,让群众的烦心事在家门口就能得到解决。"


def _one_paragraph(line: str, rest: str) -> None:
    assert_one_paragraph(TITLE, LEAD, line, rest, LAST)


def test_a_post_cut_inside_before_its_speakers_verb_goes_on():
    """`…相关负责|人介绍,…`: the post is cut, its speaker's verb comes after."""
    _one_paragraph("县司法局相关负责", "人介绍,今年以来全县共调处各类矛盾纠纷860余件,调解成功率达到96%。")


def test_a_modal_verb_waits_for_its_verb():
    """`…调解员都会|提前到村里…`: `都会` needs the verb after the cut."""
    _one_paragraph("每次调解前,调解员都会",
                   "提前到村里走访双方当事人,摸清纠纷的来龙去脉,再约定时间在田间地头开展调解。")


def test_a_time_adverbial_waits_for_the_predicate():
    """`…某镇今年|已调处…`: the subject and its time are printed, the predicate
    is after the cut."""
    _one_paragraph("像这样的“田埂调解”,城南镇今年",
                   "已调处纠纷120余件。镇里还组建了由老党员、老教师组成的调解队伍,随叫随到。")


def test_the_next_item_of_a_list_run_inline_goes_on():
    """`…机制:一是…；|二是…`: the list runs on in the paragraph that announces it."""
    _one_paragraph("县司法局与法院、公安建立联动机制:一是建立诉前调解对接机制,对适宜调解的纠纷先行委派调解；",
                   "二是建立信息共享机制,网格员发现苗头性问题及时推送调解组织；三是建立联合回访制度,定期回访当事人。")


def test_a_list_printed_item_by_item_keeps_its_items_apart():
    """`一是…；` `二是…`: each item opens a paragraph of its own."""
    one = "一是建立诉前调解对接机制,对适宜调解的纠纷先行委派调解；"
    two = "二是建立信息共享机制,网格员发现苗头性问题及时推送调解组织。"
    _, arts = articles(page(TITLE, LEAD, "会议要求,重点抓好两项工作:", one, two, LAST))
    assert [p.text for p in arts[0].paragraphs][-3:] == [one, two, LAST]
