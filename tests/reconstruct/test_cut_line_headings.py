"""A paragraph whose first line is all that is left of it (the layout export
cut it at a column end and lost the rest) is body text, not a section heading
or the headline of a new article: a line that reads as a piece of a sentence
(a sentence adverbial `会上,`, a purpose clause `为…`, a verb waiting for its
object) heads nothing. The page texts are written for the test in the phrasing
of a county newspaper's meeting report."""
from __future__ import annotations

from .helpers import articles, page

TITLE = "临川区召开创建省级文明城市推进大会"
LEAD = ("本报讯(陈立新)11月3日,抚州市临川区召开创建省级文明城市推进大会,总结前一阶段创建工作,"
        "部署下一阶段重点任务。区委书记、区长等领导出席会议。")
POINTS = ("会议指出,全区上下要进一步统一思想、提高认识,对照测评体系逐项查漏补缺,以更高标准、"
          "更实举措推动各项创建任务落到实处。")
DEMANDS = "会议要求,各单位要压实责任、密切配合,形成齐抓共管的强大合力,以优异成绩迎接省级测评。"


def _body_line(line: str) -> None:
    _, arts = articles(page(TITLE, LEAD, POINTS, line, DEMANDS))
    assert [a.title for a in arts] == [TITLE]
    paras = arts[0].paragraphs
    assert [p.text for p in paras] == [LEAD, POINTS, line, DEMANDS]
    assert all(p.type == "p" for p in paras)


def test_cut_sentence_with_clause_mark_is_no_heading():
    """`会上,…宣读了` opens with a sentence adverbial and stops on a verb
    waiting for its object: the rest of the sentence was lost, not a heading."""
    _body_line("会上,区委副书记刘建华宣读了")


def test_cut_purpose_clause_is_no_heading():
    """`为进一步巩固“国家卫生城市”创建` is a purpose clause opening a sentence,
    with no space parting a kicker from a headline: cut prose, not a heading."""
    _body_line("为进一步巩固“国家卫生城市”创建")
