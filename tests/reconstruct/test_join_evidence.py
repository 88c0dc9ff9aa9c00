"""Evidence across a cut in an article printed in column order: a quoted
sentence never goes on from a bare word, a line ending on a verb waits for its
object, a repeat across a clause mark is a cut printed twice, and a clause of a
character or two far away is only the end of a word that spans the cut (none
is left to finish after an enumeration comma), and a word taking up a paragraph
opening (`…大数|据了解,`) is none. Texts
are from the sample pages; the damage is made by hand as a layout export makes
it."""
from __future__ import annotations

from generator.reconstruct.blocks import parse_blocks
from generator.reconstruct.classify import BODY, awaits_object
from generator.reconstruct.joins import score_pair

from .helpers import articles, page

HUAIROU = ["聚焦民生“小事” 回应百姓关切", "杨澜 张嘉哲",
           "改造升级农贸市场、“多维度”治理社区、精细化整治背街小巷……自启动全国文明城区创建以来,北京市怀柔区从群众最关心的"
           "问题抓起,把为民、利民、惠民体现在文明创建各方面,让群众的幸福更有“质感”。",
           "修整路面、疏通管道、整治环境……去年10月底,怀柔区全年实施的背街小巷精细化整治提升正式完工,20条背街小巷旧貌换新颜。"
           "此次的整治工作主要围绕“十无”“五好”标准,进",
           "“小街巷连着大民生,我们的工作能够快速推进,得益于行之有效的的工作机制。”怀柔区城管委工作人员介绍,针对背街小巷整治中"
           "存在的问题,研究制定解决措施,同时对工作情况进行督导检查,保证了治理工作见成效。"]


def test_a_quoted_sentence_does_not_go_on_from_a_text_cut_after_a_word():
    """A column ends mid-sentence (`…标准,进`) and its continuation is lost;
    the next block opens with a quoted sentence (`“小街巷…工作机制。”`). A
    quotation of a whole sentence is introduced by a mark (`…介绍:“`), never
    right after a bare word: it opens a paragraph of its own."""
    _, arts = articles(page(*HUAIROU))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == HUAIROU[2:]


def test_a_quoted_name_still_goes_on_from_a_cut():
    """Quoted words without a sentence in them (`开展|“绿灯行动”,…`) are a name
    or a slogan, printed right after a word: the cut goes on there."""
    left = "秦潭村结合文明创建工作,开展"
    right = "“绿灯行动”,发放文明出行宣传单页,治理“飞线充电”等不文明现象。"
    _, arts = articles(page(HUAIROU[0], HUAIROU[1], HUAIROU[2], left, right))
    assert [p.text for p in arts[0].paragraphs] == [HUAIROU[2], left + right]


CHAOYANG = ["凝聚最大合力,掀起“文明新风”",
            "市民是城市的主体,也是城市文明的受益者。如何搭建舞台,让群众主动参与文明创建这场“幸福接力”?朝阳区给出了自己的答案。",
            "朝阳区突出社会发动、推动",
            "商共治共享,利用精神文明建设委员会、党建工作协调委员会等平台和各种联席会议制度,在全域形成齐心协力共同建设的良好工作态势。",
            "全民参与,让文明触手可及",
            "一座城市的美,在于骨子里的文明。朝阳区广泛开展文明实践活动,让文明成为市民的自觉行动。"]


def test_a_short_line_ending_on_a_verb_that_waits_for_its_object_is_cut_prose():
    """`朝阳区突出社会发动、推动` ends on a verb without its object; the next
    block goes on with it although a character was lost at the cut (`推动|商共治`,
    no word across): a sentence cut at a column end, not a section heading.
    `全民参与,让文明触手可及` stays a heading."""
    assert awaits_object("朝阳区突出社会发动、推动")
    assert not awaits_object("全民参与,让文明触手可及")
    assert not awaits_object("资阳市创建全国文明城市动员大会召开")
    _, arts = articles(page(*CHAOYANG))
    assert len(arts) == 1
    assert [(p.type, p.text) for p in arts[0].paragraphs] == \
        [("p", CHAOYANG[1]), ("p", CHAOYANG[2] + CHAOYANG[3]), ("heading", CHAOYANG[4]), ("p", CHAOYANG[5])]


MENTOUGOU = ["立足首善,全力谋划文明“大文章”",
             "民生无小事,枝叶总关情。门头沟区在推进全国文明城区创建中,始终把人民对美好生活的向往作为奋斗目标,将文明创建的红利转化为"
             "民生福祉。",
             "生活在推窗见绿、望",
             "窗见绿、望山见水、环境优美、秩序井然、文明和谐的家园,成为了越来越多门头沟人的标配,人们闲坐公园,与街坊邻里细数着这些年"
             "门头沟的变化,脸上都洋溢着幸福的笑容。"]


def test_a_repeat_across_a_clause_mark_after_a_short_line_is_dropped():
    """`生活在推窗见绿、望|窗见绿、望山见水…`: a paragraph taking up a heading's
    last words repeats a phrase; a repeat holding a clause mark (`绿、望`) is
    the column cut printed twice, dropped, and the short line goes on."""
    _, arts = articles(page(*MENTOUGOU))
    assert [p.text for p in arts[0].paragraphs] == [MENTOUGOU[1], MENTOUGOU[2] + MENTOUGOU[3][5:]]


def test_a_far_clause_of_a_character_or_two_needs_a_word_across_the_cut():
    """A block that lost its start (`求。今年夏天…`) opens with a clause of one
    character; far from a cut, that is evidence only where the two sides make a
    word (`…企业用电需|求。`), not after any text cut mid-sentence (`…协调,提|求。`)."""
    B = parse_blocks(page("国网德清县供电公司主动对接辖区企业,了解企业用电需",
                          "国网德清县供电公司加强源网协调,提",
                          "求。今年夏天持续性的高温天气,给企业用电带来不小的压力。"))
    for b in B:
        b.role = BODY

    def far(left):
        return score_pair(B[left], B[2], adjacent=False, col_start=False, ctx="", sets=[set()] * 3, idf={},
                          left_ctx=lambda: set(), right_ctx=lambda: set())

    word = far(0)
    assert word is not None and "short-clause" in word.reason
    assert far(1) is None


def test_a_clause_of_a_character_or_two_does_not_go_on_after_an_enumeration_comma():
    """A column ends inside a list (`…志愿服务、文体活动、`) and the next column
    goes on with its last item (`邻里互助等…`). A block higher up that lost its
    start opens with a short clause (`宣讲、文明礼仪培训…`): after `、` there is no
    word left to finish, so that clause is a list item of its own, not the end
    of a word cut here, and the page order stands."""
    cut = "今年以来,街道依托新时代文明实践站,整合辖区党员、志愿者和共建单位力量,广泛开展政策宣传、志愿服务、文体活动、"
    rest = "邻里互助等形式多样的实践活动,推动文明新风走进千家万户。"
    lost_start = "宣讲、文明礼仪培训等多种形式,引导居民养成文明健康的生活方式,社区环境和邻里关系明显改善。"
    paragraphs = ["近年来,城关街道坚持以社会主义核心价值观为引领,把新时代文明实践作为基层治理的重要抓手,推动文明创建由“盆景”变"
                  "“风景”。",
                  lost_start,
                  "走进幸福里社区,干净整洁的楼道、错落有致的花坛、温馨醒目的公益广告随处可见。社区党委书记介绍,居民议事会每月"
                  "召开一次,大事小情大家商量着办。"]
    _, arts = articles(page("打造文明实践新阵地 激活基层治理新动能", *paragraphs, cut, rest))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [*paragraphs, cut + rest]


SMART_CITY = ["智慧城管让城市管理更精细", "本报记者 李文",
              "今年以来,某区加快智慧城管平台建设,将辖区内的井盖、路灯、垃圾桶等城市部件全部纳入平台管理。"
              "平台依托物联网感知设备和大数",
              "据了解,该区共接入各类感知设备3000余个,城市管理问题平均处置时间缩短了一半。"]


def test_a_word_taking_up_a_paragraph_opening_is_no_evidence_across_a_cut():
    """A column ends mid-word (`…感知设备和大数`, its `据` lost or printed
    elsewhere) and the next block opens a paragraph with `据了解,`. The word
    `数据` spanning the cut would take the opening's first character: the
    opening is a word of its own, set off by its comma, so the cut does not
    go on there and the two paragraphs stay apart."""
    _, arts = articles(page(*SMART_CITY))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == SMART_CITY[2:]
    cut, opening = parse_blocks(page(SMART_CITY[2], SMART_CITY[3]))
    cut.role = opening.role = BODY
    c = score_pair(cut, opening, adjacent=True, col_start=False, ctx="", sets=[set(), set()], idf={},
                   left_ctx=lambda: set(), right_ctx=lambda: set())
    assert c is None or "word:" not in c.reason
