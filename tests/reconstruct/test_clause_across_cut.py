"""A short line with no punctuation that opens a clause closing only in the next
block is the first line of a paragraph cut at a column end, not a section
heading: a heading does not go on into the sentence below it.
- a sentence adverbial opened by a preposition whose comma comes after the
  cut (`随着垃圾分类试点|逐步推开,…` `为了让群众|少跑腿,…`);
- a post and a named speaker's words (`…宣传部部长|王海涛在讲话中指出,…`,
  the name itself cut: `…部长王|海涛在讲话中指出,…`);
- a subject before a passive predicate naming what it is called or ranked
  as (`苗绣|被誉为…`), which, like `是`, opens no sentence;
- a post speaking itself (`…相关负责人|介绍,…`);
- a conjunction or adverb that needs words before it (`…农业农村局|和市场监管局…`,
  `…村容村貌|也在悄悄变化…`) after a plain line (a heading of set-off phrases
  stays a heading over a text that lost its start);
- a dictionary word far likelier than its parts (`县民政|局…`);
- a coverb after an adverb with its object only (`…还与省农科院|合作建起…`),
  or a passive naming verb (`…被聘为|义务监督员`): the predicate comes after
  the cut.
Texts are written in the phrasing of a county newspaper's meeting report; the
cuts are made by hand as a layout export makes them."""
from __future__ import annotations

from generator.reconstruct.joins import _clause_across, head_features

from .helpers import articles, assert_one_paragraph, page

TITLE = "某县召开城乡环境综合整治推进会"
LEAD = ("本报讯 11月18日,某县召开城乡环境综合整治推进会,总结前一阶段整治工作,部署今冬明春重点任务。"
        "各乡镇、县直有关部门负责人参加会议。")
LAST = "会议要求,各乡镇要压实属地责任,建立问题清单,确保整治任务年底前全部完成。"


def _one_paragraph(line: str, rest: str) -> None:
    assert_one_paragraph(TITLE, LEAD, line, rest, LAST)


def test_an_adverbial_whose_comma_comes_after_the_cut_goes_on():
    """`随着垃圾分类试点|逐步推开,…`: the adverbial closes in the next block."""
    _one_paragraph("随着垃圾分类试点", "逐步推开,城区各小区的生活垃圾分类投放准确率提高到八成以上,居民参与热情明显提升。")


def test_a_purpose_clause_whose_comma_comes_after_the_cut_goes_on():
    """`为了让群众|少跑腿,…`."""
    _one_paragraph("为了让群众", "少跑腿,县里在各乡镇便民服务中心设立环境问题受理窗口,群众反映的问题一律限时办结。")


def test_a_post_before_a_named_speaker_goes_on():
    """`县委常委、宣传部部长|王海涛在讲话中指出,…`: the post names the speaker."""
    _one_paragraph("县委常委、宣传部部长", "王海涛在讲话中指出,要坚持问题导向,把群众反映强烈的突出问题作为整治重点。")


def test_a_name_cut_after_the_post_goes_on():
    """`…部长王|海涛在讲话中指出,…`: the speaker's name itself is cut."""
    _one_paragraph("县委常委、宣传部部长王", "海涛在讲话中指出,要坚持问题导向,把群众反映强烈的突出问题作为整治重点。")


def test_a_heading_and_a_paragraph_with_its_own_opening_are_not_one_clause():
    """A heading followed by a paragraph opening a sentence of its own."""
    rest = "近日,某县城关镇组织志愿者开展环境整治行动。"
    assert not _clause_across("在希望的田野上", rest, head_features(rest))
    assert not _clause_across("美丽乡村建设见闻", rest, head_features(rest))
    rest = "王海涛在讲话中指出,要坚持问题导向。"
    assert not _clause_across("坚持问题导向 推动整治见效", rest, head_features(rest))


def test_a_subject_before_a_passive_predicate_goes_on():
    """`苗族蜡染|被誉为…`: `被誉为` needs the subject printed before it."""
    rest = "被誉为“东方第一染”。近年来,县里把蜡染技艺传承与乡村振兴结合起来,带动400余名妇女居家就业。"
    assert head_features(rest).start == "nostart"
    _one_paragraph("苗族蜡染", rest)


def test_a_post_speaking_itself_goes_on():
    """`…相关负责人|介绍,…`: the post is the speaker of the verb after the cut
    (and `介绍,` after a post and a name, `…局长|陈卫国介绍,…`)."""
    _one_paragraph("县生态环境分局相关负责人", "介绍,今年以来全县共清理河道垃圾1200余吨,整治入河排污口36个。")
    _one_paragraph("县水利局局长", "陈卫国介绍,今年以来全县共清理河道垃圾1200余吨,整治入河排污口36个。")


def test_a_conjunction_or_adverb_needing_words_before_it_goes_on():
    """`县农业农村局|和市场监管局…`, `沿河各村的村容村貌|也在…`: a conjunction
    needs its first conjunct and an adverb its subject before them; a plain
    line above such a text is the sentence's start, not a heading."""
    _one_paragraph("县农业农村局", "和市场监管局联合举办农产品展销会,20多家合作社带来了本地的特色农产品。")
    _one_paragraph("沿河各村的村容村貌", "也在悄悄变化,房前屋后的垃圾堆不见了,村民自发种上了花草。")


def test_a_decisive_word_across_the_cut_goes_on():
    """`县民政|局相关负责人…`: 民政局 is far likelier a word than its parts, so
    the line is cut inside it, even though `民政` is a word of its own."""
    _one_paragraph("县民政", "局相关负责人表示,将在全县推广这一做法,让更多困难群众得到及时帮扶。")


def test_a_set_off_heading_over_a_text_that_lost_its_start_stays():
    """A heading of quoted or comma-parted phrases over a text opening with `也`
    (a paragraph that lost its start): the heading stays a heading."""
    rest = "也是整治成果的受益者。县里每季度开展一次“最美庭院”评选,获评家庭在村里张榜公示。"
    _, arts = articles(page(TITLE, LEAD, "“全民动手”扮靓家园", rest, LAST))
    assert [p.type for p in arts[0].paragraphs] == ["p", "heading", "p", "p"]


def test_a_coverb_after_an_adverb_waits_for_its_verb():
    """`…还与省农科院|合作建起…`: a line stopping after a coverb and its object,
    its main verb still to come, is the first line of a cut paragraph."""
    _one_paragraph("县农业农村局还与省农科院",
                   "合作建起了三个蔬菜示范基地,组织技术人员定期下村指导,带动周边农户发展大棚种植两千余亩。")


def test_a_passive_naming_verb_waits_for_its_complement():
    """`…被聘为|义务监督员,…`: what a person is appointed as comes after the cut."""
    _one_paragraph("家住城南社区的退休教师李建国被聘为",
                   "义务监督员,每天沿街巡查乱堆乱放、占道经营等问题,发现后第一时间向社区反映。")
