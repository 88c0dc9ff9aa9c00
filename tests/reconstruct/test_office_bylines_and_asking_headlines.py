"""Article furniture a county paper prints often. Copy sent in by a local office
is signed by the office, with no name after it (`某某县委宣传部`,
`中共某某区委宣传部`, `某某市文明办`, `某某区融媒体中心`): a byline under the
headline, not a paragraph. A headline may ask (`…为啥…？`): a line over a
`——` subtitle, a byline or a news lead heads an article though it ends a
sentence, but not the last words of a text cut open above it. A
headline may name ads as its subject (`…新增一批公益广告`): an ad's label is
the word alone or its desk's details (`公益广告`, `广告热线:…`). Texts are
invented in the phrasing of a county newspaper's civility page."""
from __future__ import annotations

from generator.reconstruct import classify as C
from generator.reconstruct.lexicon import NOISE_RE

from .helpers import articles, page

ASKING = "夜校里为啥总是座无虚席？"
SUB = "——东湾区青年夜校开课半年见闻"
BY = "本报记者 方晓棠"
A1 = ("晚上七点，东湾区文化馆三楼的教室里坐满了学员。书法班的老师正在讲解运笔，"
      "隔壁的烘焙班飘出阵阵甜香，不少年轻人下班后直接赶来上课。")
A2 = ("“白天上班，晚上学点手艺，感觉日子更充实了。”学员周小满说，"
      "她报了插花和摄影两门课，每周都要来三个晚上。")
ADS = "河口镇新增一批移风易俗公益广告"
ADS_LEAD = ("近日，河口镇在集市、村口和文化广场等处新设移风易俗主题公益广告300余块，"
            "用群众喜闻乐见的漫画和顺口溜倡导婚事新办、丧事简办。")
BRIEF = "石门县开展文明交通劝导活动"
OFFICE = "石门县融媒体中心"
CUT = "展望未来，东湾区将持续深化文明创建，与全区群众一起绘就城市文明"
CUT_END = "新画卷！"
BRIEF_LEAD = ("近日，石门县组织200余名志愿者在城区主要路口开展文明交通劝导，"
              "提醒市民不闯红灯、不乱穿马路，引导电动车驾驶人规范佩戴头盔。")


def test_an_office_signs_its_copy():
    """An office's name has the shape of a byline; a line of a body does not."""
    for t in (OFFICE, "某某县委宣传部", "中共某某区委宣传部", "某某市文明办"):
        assert C.byline_shape(t)
    assert not C.byline_shape("县委宣传部组织干部下乡")


def test_a_headline_may_ask():
    """One short clause ending in `？` or `！` may be a headline; a paragraph's
    sentence with a clause mark in it is not."""
    assert C.asks(ASKING)
    assert not C.asks("怎么办？大家一起想办法。")
    assert not C.asks("他问：为啥总是满座？")


def test_an_ad_label_is_no_headline():
    """`公益广告` alone is an ad's label; a headline naming ads is not."""
    assert NOISE_RE.search("公益广告") and NOISE_RE.search("广告热线：12345678")
    assert not NOISE_RE.search(ADS)


def test_the_page_keeps_its_headlines_and_bylines():
    """The asking headline keeps its subtitle and byline, the ads brief its
    headline and lead, the office's brief its byline."""
    _, arts = articles(page(ASKING, SUB, BY, A1, A2, ADS, ADS_LEAD, BRIEF, OFFICE, BRIEF_LEAD))
    got = [(a.title, a.subtitle, a.byline, [p.text for p in a.paragraphs]) for a in arts]
    assert got == [(ASKING, SUB.lstrip("—"), BY, [A1, A2]), (ADS, None, None, [ADS_LEAD]),
                   (BRIEF, None, OFFICE, [BRIEF_LEAD])]


def test_the_end_of_a_cut_text_heads_nothing():
    """An exclamation under a text cut open finishes it, though a news lead follows."""
    news = "本报讯 " + ADS_LEAD
    _, arts = articles(page(ASKING, SUB, BY, A1, CUT, CUT_END, news))
    got = [(a.title, [p.text for p in a.paragraphs]) for a in arts]
    assert got[0] == (ASKING, [A1, CUT + CUT_END])
    assert all(a.title != CUT_END for a in arts)
