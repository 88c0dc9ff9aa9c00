"""A paragraph that lost its end at a column cut, followed by a paragraph
opening with a place or circumstance set off by a comma (`在城东街道,…`
`在此基础上,…`), with a named body speaking (`某县有关部门表示,…`) or with
a sentence summing up the one before (`像王大爷这样的志愿者,…`): such
openings start a paragraph of a feature or a report, so with nothing in the
text across the cut for them (no word, repeat or recurring string), the cut
text lost its continuation and stays a paragraph of its own. A sentence cut
before `在` and a place that its verb goes on with (`…经常出现|在城东…`)
still goes on. Texts are written in the phrasing of county news pages; the
cuts are made by hand as a layout export makes them."""
from __future__ import annotations

from generator.reconstruct.joins import head_features

from .helpers import articles, page

TITLE = ["社区志愿服务暖人心", "本报记者 刘洋"]
LEAD = ("本报讯 近年来,某县坚持把志愿服务作为基层治理的重要抓手,组建各类志愿服务队伍120余支,"
        "注册志愿者达3.2万人。")
CUT = "每逢周末,退休教师王大爷都会来到社区服务站,帮助居民修理家电、代写书信,附近的老人都"
END = "下一步,该县将继续完善志愿服务激励机制,让志愿服务更好地惠及群众。"


def _paragraphs(*body: str) -> list[str]:
    _, arts = articles(page(*TITLE, *body))
    assert len(arts) == 1
    return [p.text for p in arts[0].paragraphs]


def test_a_place_opening_a_paragraph_is_not_where_a_cut_sentence_goes_on():
    """`…附近的老人都|在城东街道,…`: a place set off by a comma opens a scene."""
    place = "在城东街道,由退休医生组成的健康志愿服务队每月上门为独居老人测血压、送药品。"
    body = [LEAD, CUT, place, END]
    assert _paragraphs(*body) == body
    assert head_features(place).frame


def test_a_named_body_speaking_opens_a_paragraph():
    """`…附近的老人都|某县有关部门表示,…`: a body's words open a paragraph."""
    source = "某县有关部门表示,将进一步加大对志愿服务站点的资金投入,配齐服务设施。"
    body = [LEAD, CUT, source, END]
    assert _paragraphs(*body) == body
    assert head_features(source).frame


def test_a_sentence_summing_up_opens_a_paragraph():
    """`…附近的老人都|像王大爷这样的志愿者,…`: the sentence sums up the one before."""
    summing = "像王大爷这样的志愿者,在该县还有很多。他们活跃在街头巷尾,成为基层治理的有生力量。"
    body = [LEAD, CUT, summing, END]
    assert _paragraphs(*body) == body


def test_a_sentence_cut_before_its_place_goes_on():
    """`…这样的身影经常出现|在城东街道的各个小区里。`: no comma sets the place off;
    the verb before the cut takes it."""
    cut = "每逢周末,退休教师王大爷都会来到社区服务站帮忙,这样的身影经常出现"
    rest = "在城东街道的各个小区里。"
    _, arts = articles(page(*TITLE, LEAD, cut, rest, END))
    assert [p.text for p in arts[0].paragraphs] == [LEAD, cut + rest, END]
    assert not head_features(rest).frame
