"""An interview printed as questions and answers, each turn opening with its
speaker's label (`记者:` `王立新:`). A turn cut at a column end can leave a
short line (`记者:有的家长担心孩子`) that looks like a headline; the same
label opening other paragraphs of the page says it is one more turn of the
interview, text of the article, not the headline of a new one."""
from __future__ import annotations

from .helpers import articles, page

TITLE = "让每个孩子都能学会游泳"
SUBTITLE = "——访市青少年体育运动学校校长王立新"
INTRO = "今年暑期,全市中小学生免费游泳培训覆盖了86所学校的1.2万名学生。培训效果如何、明年有何打算?记者采访了市青少年体育运动学校校长王立新。"
Q1 = "记者:今年的免费培训和往年相比有哪些不同?"
A1 = "王立新:最大的不同是把课堂搬进了社区泳池。以前学生要集中到体校上课,路远的孩子来不了,今年我们在城区和6个县设了21个教学点。"
Q2_CUT = "记者:有的家长担心孩子"
Q2_REST = "参加培训会耽误暑假作业,您怎么看?"
A2 = "王立新:我们把每期培训安排在上午,一共10节课,下午孩子们照样可以完成作业。很多家长反映,孩子学会游泳以后更自信了。"


def test_cut_question_is_a_turn_of_the_interview():
    _, arts = articles(page(TITLE, SUBTITLE, INTRO, Q1, A1, Q2_CUT, Q2_REST, A2))
    assert [a.title for a in arts] == [TITLE]
    assert [p.text for p in arts[0].paragraphs] == [INTRO, Q1, A1, Q2_CUT + Q2_REST, A2]


def test_cut_answer_is_a_turn_of_the_interview():
    a2_cut, a2_rest = A2[:13], A2[13:]   # `王立新:我们把每期培训安` `排在上午,…`
    _, arts = articles(page(TITLE, SUBTITLE, INTRO, Q1, A1, Q2_CUT + Q2_REST, a2_cut, a2_rest))
    assert [a.title for a in arts] == [TITLE]
    assert [p.text for p in arts[0].paragraphs] == [INTRO, Q1, A1, Q2_CUT + Q2_REST, A2]
