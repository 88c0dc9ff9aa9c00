"""Joins inside an article printed in column order: a cut between clauses, a
repeated column tail after a short line, short pieces of prose at a column
end that look like headings, and evidence that holds near a cut but not far
from it. Texts are from the sample pages; the damage is made by hand as a
layout export makes it."""
from __future__ import annotations

from generator.reconstruct.blocks import parse_blocks
from generator.reconstruct.classify import BODY, HEAD, head_likeness, opening_lines, shape
from generator.reconstruct.joins import _unit_word, score_pair, soft_end
from generator.reconstruct.lexicon import lexicon

from .helpers import articles, page




TITLE = "山西省阳城县召开创建全国文明城市动员大会"
LEAD = ("本报讯(阳文)近日,山西省阳城县召开创建全国文明城市动员大会,全面动员部署创建全国文明城市工作,吹响了争创全国文明城市"
        "的冲锋号。")
SAID = ("会议指出,全县上下要充分认识创建工作的重要性和必要性,切实增强责任感使命感紧迫感;注重加强家庭教育家风建设,在提高市民"
        "文明素质上下功夫;")
SAID_REST = "开展全方位、多角度、立体化的宣传动员,在加强舆论宣传引导上下功夫。"


def test_a_column_cut_after_a_semicolon_goes_on_in_the_next_block():
    """A paragraph does not end on `;`: the block printed next continues it."""
    _, arts = articles(page(TITLE, LEAD, SAID, SAID_REST))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [LEAD, SAID + SAID_REST]


def test_a_clause_announcing_a_list_is_not_joined_to_its_first_item():
    said = "会议要求,全县上下要做好以下工作:"
    items = ["一是强化组织领导,压实工作责任,确保各项创建任务落到实处。", "二是注重宣传引导,营造浓厚氛围,推动创建工作深入人心。"]
    _, arts = articles(page(TITLE, LEAD, said, *items))
    assert [p.text for p in arts[0].paragraphs] == [LEAD, said, *items]


def test_soft_end_is_body_text_stopping_on_a_clause_mark():
    b = parse_blocks(page(SAID, "秦潭村实行“绿健行动”:", "优化电子政务资源配置……"))
    for x in b:
        x.role = BODY
    assert [soft_end(x) for x in b] == [True, True, True]
    b[0].role = HEAD
    assert not soft_end(b[0])


DEQING = "德清供电:服务光伏并网 赋能企业减碳"
DEQING_LEAD = ("“感谢你们检查光伏发电设备,目前光伏发电很稳定,我们车间用上了清光电!”近日,在浙江中天建筑产业化有限公司屋顶光伏电站,"
               "国网德清县供电公司工作人员在对站内并网二次设备进行安全检查时,光伏电站运维人员瑞小龙对工作人员连连道谢。")


def test_a_repeat_after_a_short_line_that_cut_a_word_is_dropped():
    """`…工作人员定期|作人员定期现场…`: the repeat starts inside a word of the
    short line (工作), so it is the cut repeated, not a paragraph taking up a
    heading's last words."""
    short = "针对部分新投运的光伏电站,国网德清县供电公司组织工作人员定期"
    rest = "作人员定期现场提供专业技术指导和管理服务,并在具备条件的光伏电站安装功率调节装置,实现分布式电源可观、可测、可调、可控。"
    rec, arts = articles(page(DEQING, DEQING_LEAD, short, rest))
    assert [p.text for p in arts[0].paragraphs] == [DEQING_LEAD, short + rest[5:]]


HUAIROU = ["聚焦民生“小事” 回应百姓关切", "杨澜 张嘉哲",
           "改造升级农贸市场、“多维度”治理社区、精细化整治背街小巷……自启动全国文明城区创建以来,北京市怀柔区从群众最关心的"
           "问题抓起,把为民、利民、惠民体现在文明创建各方面,让群众的幸福更有“质感”。",
           "在新一轮的创建周期,怀柔区将继续坚持问题导向,标本兼治,进一步探索老旧小区综合整治和有机更新创新模式,补齐工作短板,"
           "着力提升社区居民的幸福感和获得感。",
           "精细化整治背街小巷",
           "背街小巷是城市的重要组成部分,也跟老百姓的生活紧密相关。然而,一些背街小巷也存在着许多环境问题。近年来,怀柔区真抓"
           "实干,多措并举,持续推进背街小巷提质升级工作,大大提升了居民的幸福生活指数。"]


def test_a_heading_repeated_by_its_paragraph_stays_a_heading():
    """`精细化整治背街小巷` / `背街小巷是…`: a paragraph taking up a heading's last
    words on a word of its own is no repeated cut; nor is a heading listed in
    the lead a cut opening of it."""
    _, arts = articles(page(*HUAIROU))
    assert [(p.type, p.text) for p in arts[0].paragraphs] == \
        [("p", HUAIROU[2]), ("p", HUAIROU[3]), ("heading", HUAIROU[4]), ("p", HUAIROU[5])]


def test_a_measure_word_or_a_verb_at_the_end_reads_as_cut_prose():
    assert head_likeness("一项项生动实践、一份份") == 0.0
    assert head_likeness("一座") == 0.0
    assert head_likeness("全民参与,让文明触手可及") == 1.0
    assert head_likeness("改造升级农贸市场") == 1.0
    # a verb waiting for its object or complement
    assert head_likeness("将党史学习教育融入") < 0.2
    assert head_likeness("“十个100”文明实践志愿服务示范活动只是") < 0.2


def test_a_line_opening_another_paragraph_word_for_word_is_a_cut_opening():
    """`引导广大市民争做` at a column end, beside a paragraph opening with the same
    words that go on into its sentence; not a heading listed in a lead
    (`改造升级农贸市场、…`)."""
    blocks = parse_blocks(page("引导广大市民争做", "“文明监督员”。今年以来,南平市建好用好数字化12345投诉平台。",
                                "引导广大市民争做“文明践行者”。南平市委文明办出台实施方案。",
                                "改造升级农贸市场", "改造升级农贸市场、“多维度”治理社区、精细化整治背街小巷……自启动创建以来。"))
    for b in blocks:
        b.role = shape(b)
    assert blocks[0].role == HEAD and blocks[3].role == HEAD
    assert opening_lines(blocks) == {0}


def test_a_unit_continues_a_number_only_as_a_word_of_its_own():
    lex = lexicon()
    assert _unit_word("人次参与", lex) and _unit_word("个社区", lex) and _unit_word("万元", lex)
    assert not _unit_word("人民群众", lex) and not _unit_word("家庭", lex)


def test_the_string_across_a_cut_recurring_on_the_page_joins_a_heading_like_piece():
    """`“十个100”文明实践志愿|服务示范活动…`: the piece at the column end looks like
    a heading, but the words across the cut are printed again on the page."""
    title = "文明风起满眼新"
    first = ("为全面推进党建引领“五治融合”德治建设和全国文明城市创建工作,白银市组织开展了“十个100”文明实践志愿服务示范活动,"
             "即“100场创新理论宣讲”示范活动、“100场红歌传唱”示范活动。")
    piece = "“十个100”文明实践志愿"
    rest = "服务示范活动只是白银市开展文明实践活动的缩影。近年来,白银市整合资源,组织开展了形式多样的文明实践活动。"
    _, arts = articles(page(title, first, piece, rest))
    assert [(p.type, p.text) for p in arts[0].paragraphs] == [("p", first), ("p", piece + rest)]


def test_a_short_tail_ending_like_an_earlier_paragraph_is_no_repeat():
    """`影响力。` ends the paragraph cut just before it (`…美誉度和|影响力。`); that an
    earlier paragraph also ends on `…的影响力。` does not make it a repeated tail."""
    title = "凝聚最大合力,掀起“文明新风”"
    p1 = "一座城市的美,在于骨子里的精神。朝阳区坚持在宣传教育、典型选树等方面持续发力,发挥潜移默化的影响力。"
    p2 = "为巩固“双奥朝阳”建设成果,朝阳区系统谋划文明城区创建新篇章,全面提高“双奥朝阳”的品牌标识度、美誉度和"
    _, arts = articles(page(title, p1, p2, "影响力。"))
    assert [p.text for p in arts[0].paragraphs] == [p1, p2 + "影响力。"]


def test_a_clause_ending_on_wang_is_no_masthead():
    blocks = parse_blocks(page("针对部分新投运的光伏电站,国网", "精神文明网"))
    assert [shape(b) for b in blocks] == [HEAD, "noise"]


def test_a_block_opening_like_the_cut_paragraph_is_its_sibling():
    """`以课堂为阵地,丰富学习载体。通` lost its continuation; the next block opens
    like it (`以传承为目标,`), a sibling paragraph, not the rest of its sentence."""
    title = "陕西合阳县多形式推动党史学习教育进校园"
    lead = "本报讯(曹成)近日,陕西省渭南市合阳县以多种形式把党史学习教育融入青少年学习教育中,让爱国主义精神代代相传。"
    cut = "以课堂为阵地,丰富学习载体。通"
    sib = "以传承为目标,优化学习效果。在青少年中培育“小小宣讲员”,围绕传统文化、红色故事进行培训。"
    _, arts = articles(page(title, lead, cut, sib))
    assert [p.text for p in arts[0].paragraphs] == [lead, cut, sib]


# an article laid out in columns of 100 characters; the third column lost its
# first piece (the end of `会议要求,…`), so it holds only 51
MEETING = "某市召开全国文明城市创建推进会"
MEETING_COLUMNS = [
    ["本报讯(记者 李明)近日,某市召开全国文明城市创建推进会,总结前一阶段创建工作,部署下一阶段重点任务,号召全市上下凝心聚力,"
     "以更高标准、更实举措推动创建工作取得新成效。", "会议指出,创建全国文明城市是提升"],
    ["城市品质、增进民生福祉的重要抓手。今年以来,全市各级各部门坚持问题导向,聚焦背街小巷、农贸市场、老旧小区等重点区域,"
     "集中开展环境卫生整治行动,城市面貌焕然一新,群众满意度持续提升。", "会议要求,各级各部门"],
    ["该市将持续开展“文明创建百日攻坚”行动,组织督查组每周对各区县创建工作进行暗访检查,对发现的问题建立台"],
    ["账、限期整改,并将检查结果纳入年度考核,以严督实查推动创建工作落地见效。",
     "与会人员表示,将以此次推进会为契机,进一步统一思想、提高认识,主动认领任务,把创建要求融入日常工作,推动城市管理更加精细、公共服"],
    ["务更加完善、市民素质不断提高。", "下一步,该市还将深入挖掘身边好人、道德模范等先进典型,通过新闻媒体、户外大屏、社区宣传栏等"
     "多种渠道广泛宣传,营造人人参与创建、人人共享成果的浓厚氛围。", "该市相关负责人介绍,"],
    ["今年还将新建一批新时代文明实践站和城市书房,完善公共文化服务设施,持续开展文明家庭、文明校园、文明单位评选活动,"
     "以点带面提升全社会文明程度,让文明成为城市最亮丽的底色。"],
]


def test_a_cut_followed_by_a_short_column_lost_its_continuation():
    """Column capacity: the cut after `会议要求,各级各部门` is followed by a column
    much shorter than the full ones either side of it (and the others), so the
    paragraph that column starts with does not go on from the cut (its
    continuation was lost)."""
    _, arts = articles(page(MEETING, *(b for col in MEETING_COLUMNS for b in col)))
    assert len(arts) == 1
    texts = [p.text for p in arts[0].paragraphs]
    assert "会议要求,各级各部门" in texts
    assert any(t.startswith("该市将持续开展") and t.endswith("落地见效。") for t in texts)


def test_a_piece_opening_with_yilai_goes_on_from_the_cut_before_it():
    """`以来` (like `期间` `之际`) closes a time frame opened before it: no sentence
    starts with it, so the short heading-like line printed before it
    (`自2017年…专项行动`) is the start of its sentence, not a heading."""
    title = "聚焦民生“小事” 回应百姓关切"
    lead = "本报讯(记者 王芳)背街小巷是城市的重要组成部分,也是展示城市形象的重要窗口。"
    cut = "自2017年北京市启动背街小巷整治提升专项行动"
    rest = "以来,怀柔区持续推进街巷基础设施建设改造,补齐路灯、无障碍设施等短板,街巷面貌焕然一新。"
    _, arts = articles(page(title, lead, cut, rest))
    assert [p.text for p in arts[0].paragraphs] == [lead, cut + rest]



def test_a_cut_is_not_continued_by_a_paragraph_opening_with_an_adverbial_clause():
    """`…市委副书记、|会议强调,…`: the block printed next opens with a sentence
    adverbial and nothing across the cut (no word, repeat or recurring
    string) speaks for going on, however close the two are in topic: the cut
    text lost its end, and the next paragraph starts on its own."""
    lead = ("本报讯(李远雄)4月7日,资阳市召开动员大会,全面部署创建全国文明城市工作,对照测评体系查漏补缺、补齐短板。"
            "市委书记出席会议并讲话,市委副书记、")
    said = "会议强调,全市上下要对照测评体系查漏补缺、补齐短板,以更高标准、更实举措推进创建全国文明城市工作,确保各项任务落地见效。"
    other = "近日,国网德清县供电公司工作人员在对光伏电站并网二次设备进行安全检查,及时消除隐患,保障企业屋顶光伏发电稳定运行。"
    _, arts = articles(page("资阳市创建全国文明城市动员大会召开", lead, said, DEQING, other))
    assert [p.text for p in arts[0].paragraphs] == [lead, said]


def _score(left: str, right: str) -> float:
    L, R = parse_blocks(page(left, right))
    L.role = R.role = BODY
    c = score_pair(L, R, adjacent=True, col_start=False, ctx="", sets=[], idf={},
                   left_ctx=set, right_ctx=set)
    return c.score


def test_a_cut_inside_a_quotation_goes_on_best_in_a_text_closing_it():
    """`…搭建“政|银税财企”联动…`: the cut falls inside a quotation and the text
    after it closes one before opening another: evidence across the cut
    where no word spans it (a lost-start fragment opening on a short clause
    competes for it on real pages)."""
    cut = "聚焦履职创新,注重找准创建“着力点”。加大金融支持实体经济力度,搭建“政"
    closing = "银税财企”联动机制,创建年度内全市各项贷款余额稳步增长。"
    plain = "银税财企联动机制,创建年度内全市各项贷款余额稳步增长。"
    assert _score(cut, closing) >= _score(cut, plain) + 1.0
    # outside a quotation a closing mark tells nothing
    assert abs(_score(cut.replace("“政", "政"), closing) - _score(cut.replace("“政", "政"), plain)) < 0.5


def test_no_short_clause_finishes_a_word_after_a_comma():
    """`…效果。同时,|准化、便捷式服务…`: a clause of a character or two opening a
    block (`准化、`) finishes a word cut before it; after a comma there is no
    word to finish, so it is a fragment that lost its start, and the cut goes
    on in the block printed next."""
    title = "北京市密云区：创新打造「三平台」推进「智慧檀营」建设"
    lost = "准化、便捷式服务,推进“智慧檀营”建设。"
    cut = ("创新打造“社区管理服务平台”。社区管理服务平台是由地区主导,以居民需求为导向,充分运用信息技术,让社区治理取得实实在在"
           "的效果。同时,")
    rest = "也可对“社区通”等服务平台进行后台维护和管理,及时发布通知、消息,设置人员角色权限等。"
    _, arts = articles(page(title, lost, cut, rest))
    texts = [p.text for p in arts[0].paragraphs]
    assert cut + rest in texts
