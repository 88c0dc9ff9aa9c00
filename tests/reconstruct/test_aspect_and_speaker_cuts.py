"""A short line holding a verb marked by its aspect particle and the verb's
object after it (`会议传达了全|省秋冬季…`, `小院里种着各|色花草…`), or going on
in a text that opens on such a verb (`她的工作日志上|写着…`), is a sentence under
way, the first line of a paragraph cut at a column end: a headline states an
event without the particle, and a paragraph opens on its subject. So is a line
whose next text opens on a verb of saying with no speaker before it
(`…在发言中|指出,`), or on an officer named by the post alone (`…县委宣传部|
相关负责人介绍,`): the speaker, or the body the officer serves, stands before
the cut. Texts are invented in the phrasing of a county newspaper's local
news; the cuts are made by hand as a layout export makes them."""
from __future__ import annotations

from .helpers import assert_one_paragraph

TITLE = "东山县推进秋冬季健康服务进村入户"
BYLINE = "本报记者 何晓晴"
LEAD = ("本报讯 连日来,东山县组织县乡两级医务人员深入全县86个行政村,为群众开展义诊、"
        "慢病随访和健康宣讲,把秋冬季健康服务送到群众家门口。")
LAST = ("据统计,活动开展以来,全县累计服务群众2.6万人次,建立和更新居民健康档案1.1万份。"
        "下一步,该县将把健康服务进村入户作为常态化工作持续推进。")


def _one_paragraph(line: str, rest: str) -> None:
    assert_one_paragraph(TITLE, LEAD, line, rest, LAST, byline=BYLINE)


def test_a_verb_and_its_aspect_particle_go_on_across_the_cut():
    """`会议传达了全|省秋冬季…`: the object runs on after the cut."""
    _one_paragraph("会议传达了全",
                   "省秋冬季疾病防控工作会议精神,对下阶段入户随访工作作出具体安排。")


def test_a_text_opening_on_a_verb_so_marked_goes_on_a_line():
    """`她的工作日志上|写着…`: the verb and its particle open the next text."""
    _one_paragraph("她的工作日志上",
                   "写着全村43位独居老人的血压、用药情况和子女的联系电话,密密麻麻记了三大本。")


def test_a_verb_of_saying_finds_its_speaker_before_the_cut():
    """`…县卫健局党组书记在发言中|指出,…`: the speaker was named before the cut."""
    _one_paragraph("县卫健局党组书记在发言中",
                   "指出,基层医疗机构是群众看病就医的第一道关口,要把服务做细做实。")


def test_an_officer_named_by_the_post_finds_the_body_before_the_cut():
    """`东山县委宣传部|相关负责人介绍,`: the body the officer serves was cut."""
    _one_paragraph("东山县委宣传部",
                   "相关负责人介绍,今年以来全县新建村卫生室标准化站点12个,配备了智能随访设备。")


def test_the_rules_read_the_cut_not_the_words():
    from generator.reconstruct.joins import _aspect_clause, _speaker_before
    assert _aspect_clause("会议传达了全", "省秋冬季")
    assert _aspect_clause("她的工作日志上", "写着全村")
    assert not _aspect_clause("着力打造健康乡村", "本报讯")
    assert not _aspect_clause("为了群众的健康", "连日来")
    assert not _aspect_clause("日子越来越好了", "近年来")
    assert not _aspect_clause("“家门口有了好医生”", "近年来")
    assert _speaker_before("指出,基层")
    assert _speaker_before("局相关负责人介绍,今年")
    assert not _speaker_before("负责人说起这件事")
    assert not _speaker_before("指导员们,")
