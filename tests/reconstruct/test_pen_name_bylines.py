"""A byline may be a bare pen name with no surname (`赣宣`, an office's
abbreviation): two to four characters that make no dictionary word. Right under
a headline or its subtitle it signs the article; it heads nothing. The page
text is written for the test in the phrasing of a county newspaper."""
from __future__ import annotations

from .helpers import articles, page

TITLE = "“红色课堂”开进乡村振兴一线"
SUBTITLE = "——江西于都县以理论宣讲凝聚发展合力"
PEN_NAME = "赣宣"
OPENING = ("近日,江西省赣州市于都县梓山镇的田埂上,一场别开生面的理论宣讲正在进行,"
           "宣讲员用客家话把政策讲给正在采摘的村民听。")
MORE = ("据了解,于都县今年已组建宣讲小分队42支,开展“板凳课堂”宣讲1100余场,"
        "受众达6万余人次。")
MEETING = "县里召开冬季安全生产工作会议"
MEETING_LEAD = "本报讯 11月20日,县里召开冬季安全生产工作会议,部署全县冬季安全生产工作。"


def test_pen_name_under_a_subtitle_is_the_byline():
    """`赣宣` under the subtitle is the article's byline, not a heading of two
    characters over its text."""
    _, arts = articles(page("# " + TITLE, "## " + SUBTITLE, PEN_NAME, OPENING, MORE))
    assert [(a.title, a.byline, [p.text for p in a.paragraphs]) for a in arts] == \
        [(TITLE, PEN_NAME, [OPENING, MORE])]


def test_pen_name_under_a_plain_headline_in_a_reversed_layout():
    """Without Markdown marks, between an article and a story printed column by
    column in reverse (its opening's last words, `村民听。`, come first), the pen
    name under the headline signs the story and shows the line above it to be
    its headline, not a paragraph of the article above."""
    cut = OPENING.index("村民听。")
    _, arts = articles(page(MEETING, MEETING_LEAD, TITLE, PEN_NAME, OPENING[cut:], MORE, OPENING[:cut]))
    assert [(a.title, a.byline, [p.text for p in a.paragraphs]) for a in arts] == \
        [(MEETING, None, [MEETING_LEAD]), (TITLE, PEN_NAME, [OPENING, MORE])]
