"""Joins in an article printed in column order that the text alone leaves
open: a short line cut at a full column's end is prose however much it looks
like a heading; a paragraph does not go on in a block repeating its own first
words; `如今,` opens a paragraph like `目前,`. Texts are from the sample pages;
the damage is made by hand as a layout export makes it."""
from __future__ import annotations

from generator.reconstruct.joins import head_features

from .helpers import articles, page

TITLE = "聚焦民生“小事” 回应百姓关切"
PARAS = [
    "改造升级农贸市场、“多维度”治理社区、精细化整治背街小巷……自启动全国文明城区创建以来,北京市怀柔区从群众最关心的"
    "问题抓起,把为民、利民、惠民体现在文明创建各方面,让群众的幸福更有“质感”。",
    "修整路面、疏通管道、整治环境……去年10月底,怀柔区全年实施的背街小巷精细化整治提升正式完工,20条背街小巷旧貌换新颜。",
    "背街小巷是城市的重要组成部分,也跟老百姓的生活紧密相关。然而,一些背街小巷也存在着许多环境问题。近年来,怀柔区"
    "坚持问题导向,聚焦重点任务,多措并举,持续推进背街小巷环境精细化整治提升。",
    "如何通过社区治理满足人民群众日益增长的美好生活需要?怀柔区聚焦于破解这一重大课题而“多维度”探寻。",
    "今年3月,怀柔镇红螺家园社区安装了62个智能充电桩,可满足258名住户同时充电,不仅解决了住户电动车充电难的问题,"
    "还美化了小区环境,赢得了广大居民的点赞。在推进文明城区创建中,怀柔区主动适应新形势、新要求,切实解决民生痛点难题。",
    "文明创建永无止境。怀柔区将进一步提高工作标准,加大工作力度,以埋头苦干的拼搏精神,真抓实干的具体举措,确保新一轮"
    "文明城区创建工作开好局、起好步。",
]


def lay_out(paras: list[str], capacity: int, first: int) -> list[str]:
    """The blocks of paragraphs printed in columns of `capacity` characters (the
    first column holding `first`): a paragraph running past a column's end is
    cut there, and goes on at the top of the next column."""
    blocks, room = [], first
    for p in paras:
        while p:
            blocks.append(p[:room])
            p, room = p[room:], room - len(p[:room])
            if room == 0:
                room = capacity
    return blocks


def test_a_short_line_ending_a_full_column_is_cut_prose():
    """`如何通过社区治理满足` ends a column, and the columns either side of it
    are full (the article's columns all hold one capacity): no text is lost
    there, so it goes on in the next block (`…满足|人民群众…`) though it reads
    like a section heading and no word spans the cut."""
    capacity = 70
    before = sum(map(len, PARAS[:3]))
    first = (before + len("如何通过社区治理满足")) % capacity or capacity  # the line ends a column
    blocks = lay_out(PARAS, capacity, first)
    assert "如何通过社区治理满足" in blocks
    _, arts = articles(page(TITLE, *blocks))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == PARAS


NANPING = [
    "福建南平：凝聚创建合力奏响齐抓共管大乐章",
    "近年来,福建省南平市着力打通“监督渠道”,优化“投诉流程”,出台“激励方案”,充分发挥党员志愿者、青年志愿者先锋模范作用,"
    "引导广大市民参与创建、支持创建、满意创建。",
    "引导广大市民争",
    "做“文明监督员”。今年以来,南平市建好用好数字化12345投诉平台,开设“不文明行为曝光台”,由市城管局、公安局、"
    "文旅局等职能部门和广大市民提供不文",
    "引导广大市民争做“文明示范者”。南平市直各单位每周约1000人次开展“文明交通”“清洁家园”“文明条约”等主题志愿服务"
    "活动。",
]


def test_a_paragraph_does_not_go_on_in_a_block_repeating_its_opening():
    """The first paragraph of a series (`引导广大市民争做“…”。`) is cut after
    its first words and lost its end (`…提供不文`); the next block opens with
    the same words: the series' next paragraph, not the lost continuation."""
    _, arts = articles(page(*NANPING))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [NANPING[1], NANPING[2] + NANPING[3], NANPING[4]]


def test_rujin_opens_a_paragraph():
    """`如今,` (like `目前,` `近年来,`) is an opening adverbial: with nothing
    across the cut for it, the text before it lost its end."""
    assert head_features("如今,随着智慧管理的深入推进,白银市社会治理正在逐步改变。").adverbial
    assert head_features("当下,全区新时代文明实践正不断汇聚力量。").adverbial
    assert not head_features("如何通过社区治理满足人民群众的需要?").adverbial
