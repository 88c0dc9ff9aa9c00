"""Texts whose form sets their paragraphs apart: a Q&A (答记者问), whose
turns each open with their label (`问:` `答:`); an appeal (倡议书), whose
announcement (`…发出如下倡议:`) is followed by numbered items (`一、…`) and
whose signature (issuers and a date, no final mark) closes it; a feature's
paragraph opening on a bare year (`2024年,…`). A paragraph that lost its end
at a column cut (`…计划今年底前`) does not go on in such an opening, and the
signature stays the last paragraph of its text, in one piece when a line end
cut it. The page text is invented for
the test in the phrasing of a city newspaper."""
from __future__ import annotations

from generator.reconstruct import classify as C
from generator.reconstruct import joins as J
from generator.reconstruct.blocks import Block

from .helpers import articles, page

QA_TITLE = "让老旧小区住得更舒心"
QA_BYLINE = "本报记者 周明"
QA_INTRO = "近日,云川市出台老旧小区改造三年行动计划。改造重点是什么?群众如何参与?记者采访了市住建局负责人。"
Q1 = "问:这次改造和以往相比有哪些不同?"
A1_CUT = "答:这次改造把群众意见放在首位,每个小区都成立了居民议事会,计划今年底前"   # its end lost
Q2 = "问:改造期间居民的出行如何保障?"
A2 = "答:施工单位将分段作业,每个小区至少保留一条通道,并安排专人引导居民出行。"

APPEAL = "节约粮食从我做起倡议书"
CALL = "全市广大市民朋友们:勤俭节约是中华民族的传统美德。为在全社会营造浪费可耻、节约为荣的氛围,我们向全市市民发出如下倡议:"
ITEM1_CUT = "一、树立节约意识。牢记一粥一饭来之不易,从家庭做起、从餐桌做起,做到按需"   # its end lost
ITEM2 = "二、践行光盘行动。外出就餐按需点菜,吃不完的饭菜主动打包,不比排场、不讲阔气。"
CLOSE = "节约光荣,浪费可耻。让我们行动起来,共同守护每一粒粮食!"
SIGNED = "云川市文明办 云川市商务局 2025年10月16日"

STORY = "老渡工的新桥梦"
STORY_CUT = "二十多年来,他摆渡送过的学生数以千计,有的当了老师,有的参了军,有的回村办起了合"   # its end lost
YEAR = "2024年,村口的新桥建成通车。老人每天仍会到桥头走一走,看孩子们背着书包过河上学。"
STORY_LEAD = "清晨六点,河面上还飘着薄雾,67岁的陈老汉已经在渡口等着第一批过河的学生。"


def test_turns_and_items_open_paragraphs():
    """A speaker's turn or a numbered item is no clause of a character or two
    finishing a cut word (`答:` is not `体:`)."""
    assert J.head_features(A2).start == ""
    assert J.head_features(ITEM2).start == ""
    assert J.head_features(A2).adverbial and J.head_features(ITEM2).adverbial


def test_signature_is_closed_text():
    """The signature of an appeal ends its text: no headline, no cut line."""
    b = Block(0, SIGNED, 1, SIGNED)
    assert C.shape(b) == C.BODY
    assert not J.is_open(b)
    assert J.letter_break(CALL, ITEM2)


def test_qa_answer_cut_short_is_not_continued_by_the_next_turn():
    _, arts = articles(page(QA_TITLE, QA_BYLINE, QA_INTRO, Q1, A1_CUT, Q2, A2))
    assert [a.title for a in arts] == [QA_TITLE]
    assert [p.text for p in arts[0].paragraphs] == [QA_INTRO, Q1, A1_CUT, Q2, A2]


def test_appeal_keeps_its_items_and_signature():
    _, arts = articles(page(APPEAL, CALL, ITEM1_CUT, ITEM2, CLOSE, SIGNED))
    assert [a.title for a in arts] == [APPEAL]
    assert [p.text for p in arts[0].paragraphs] == [CALL, ITEM1_CUT, ITEM2, CLOSE, SIGNED]


def test_signature_cut_at_a_line_end_is_one_line():
    """Issuers and date cut apart (`…云川市商|务局 2025年…`) are one signature."""
    head, rest = SIGNED[:10], SIGNED[10:]
    _, arts = articles(page(APPEAL, CALL, ITEM1_CUT, ITEM2, CLOSE, head, rest))
    assert [p.text for p in arts[0].paragraphs][-2:] == [CLOSE, SIGNED]


def test_paragraph_opening_on_a_year_continues_no_cut_text():
    _, arts = articles(page(STORY, STORY_LEAD, STORY_CUT, YEAR))
    assert [a.title for a in arts] == [STORY]
    assert [p.text for p in arts[0].paragraphs] == [STORY_LEAD, STORY_CUT, YEAR]
