"""Headlines and cut lines told apart by the words they use: a nominal
headline may repeat its structural particle (`…的工具箱里藏着一条街的烟火气`),
so what marks running prose is the variety of its function words, not how
often `的` comes back; and a bracketed label followed on its line by prose
(`【东岭镇】该镇聚焦…,在…`) leads a paragraph, it is no heading. Texts
written for the tests."""
from __future__ import annotations

from .helpers import articles, page

FIRST = [
    "临溪县评选表彰一批“文明商户”",
    "本报讯 近日,临溪县召开文明商户表彰会,对全县评选出的86家“文明商户”予以表彰。据介绍,此次评选历时三个月,"
    "经过商户申报、群众推荐、实地查看等环节产生。",
    "县市场监管局有关负责人表示,将以此次表彰为契机,引导更多商户诚信经营、文明待客。",
    "南门街道志愿者为独居老人上门理发。 陈晓 摄",
]
SECOND = [
    "“阿强”的工具箱里藏着一条街的烟火气",
    "在临溪县南门街道,街坊们都认识一个提着旧工具箱的修鞋匠。工具箱里装着锥子、麻线、鞋油和一本翻得卷了边的记事本,"
    "二十多年来,他为街坊们修补的鞋子已记不清有多少双。",
    "如今,年近六旬的周志强依然每天守在街口的小摊前,谁家有急事,他总是第一个赶到。",
]


def test_headline_repeating_its_particle_is_not_joined_to_the_text_under_it():
    """A headline printed after a photo caption, whose words repeat `的`
    (`“阿强”的工具箱里藏着一条街的烟火气`), heads the article under it; it is
    not a line of prose cut before `在临溪县南门街道,…`."""
    _, arts = articles(page(*FIRST, *SECOND))
    assert [a.title for a in arts] == [FIRST[0], SECOND[0]]
    ps = [p.text for p in arts[1].paragraphs]
    assert ps[0].startswith("在临溪县南门街道")


LABELLED = [
    "乡村书屋成了村民的“加油站”",
    "本报讯 今年以来,临溪县推动农家书屋提档升级,让阅读走进村民的日常。",
    "【东岭镇】该镇聚焦留守儿童阅读,在各村小学",
    "设立“周末书角”,组织志愿者陪读,学生借阅量比去年增长三成。",
    "【西河乡】该乡组织返乡大学生担任书屋管理员,周末开放亲子共读时段,吸引了不少留守儿童。",
]


def test_bracketed_label_leading_prose_is_a_cut_paragraph():
    """A `【东岭镇】` label followed on its line by the text it leads, cut at
    the column end (`…,在各村小学|设立“周末书角”,…`): one paragraph, not a
    heading over a paragraph."""
    _, arts = articles(page(*LABELLED))
    assert [a.title for a in arts] == [LABELLED[0]]
    ps = [p.text for p in arts[0].paragraphs]
    assert ps[1] == LABELLED[2] + LABELLED[3]
