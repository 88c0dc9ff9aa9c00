"""Is a short line between two bodies a section heading of the article above
or the headline of the next? A feature portraying someone often heads its
sections with the words of the people it portrays, each line one quotation
(`“…”`), and the section under it quotes those words again: several such lines
on a page are a series of section headings, not the headlines of new
articles, though the text under each takes up its words far more than the
text before it. An editor's note (`编者按:`) under a line makes the line a
headline: the note introduces its article, right under the headline. The
page texts are written for the test in the phrasing of a county newspaper."""
from __future__ import annotations

from .helpers import articles, page

NEWS = "城南社区开展冬季消防安全检查"
NEWS_LEAD = ("本报讯(记者 许文静)11月20日,城南街道城南社区组织网格员和物业人员,对辖区12栋老旧居民楼"
             "开展冬季消防安全检查,清理楼道堆放杂物30余处,更换过期灭火器40具。")
TITLE = "巷子里的“修鞋匠”"
BYLINE = "本报记者 周明远"
OPENING = ("早上7点,老城区东门巷口的修鞋摊准时支了起来。62岁的刘长根把鞋楦、锥子和线团一样样摆开,"
           "等着街坊们上门。这个不到两平方米的小摊,他一守就是三十年。")
FIRST = "“村里老人的鞋子我全都认得”"
FIRST_TEXT = ("每双送来的鞋,刘长根都要先翻来覆去看上半天,哪里开了胶、哪里磨薄了,他心里有数才动手。"
              "常有人把鞋往摊上一放就走,他总是笑着说:“村里老人的鞋子我全都认得。”")
SECOND = "“街坊们信我,我就不能走”"
SECOND_TEXT = ("这些年,巷子里的老住户陆续搬进了新小区,不少人还专门坐公交回来找他修鞋。"
               "儿女几次劝他回家享清福,刘长根笑着说:“街坊们信我,我就不能走。”")
CLOSING = "天色渐晚,刘长根收起小摊,把一双修好的布鞋仔细包好,准备明天一早给住在巷尾的老人送去。"


def test_quoted_lines_in_a_series_head_sections_of_one_feature():
    """`“村里老人的鞋子我全都认得”` and `“街坊们信我,我就不能走”` each stand alone
    after a complete paragraph, with no byline or lead under them: the
    profile's section headings, so it keeps its second half."""
    _, arts = articles(page(NEWS, NEWS_LEAD, TITLE, BYLINE, OPENING, FIRST, FIRST_TEXT,
                            SECOND, SECOND_TEXT, CLOSING))
    got = {a.title: [(p.type, p.text) for p in a.paragraphs] for a in arts}
    assert got == {
        NEWS: [("p", NEWS_LEAD)],
        TITLE: [("p", OPENING), ("heading", FIRST), ("p", FIRST_TEXT), ("heading", SECOND), ("p", SECOND_TEXT),
                ("p", CLOSING)],
    }


def test_a_single_quoted_line_still_heads_a_section():
    """Alone on its page, `“村里老人的鞋子我全都认得”` is still no headline:
    a line that is one quotation is shaped as a section heading, whatever
    place word it holds (`村`), though the text under it quotes it again."""
    _, arts = articles(page(NEWS, NEWS_LEAD, TITLE, BYLINE, OPENING, FIRST, FIRST_TEXT, SECOND_TEXT, CLOSING))
    got = {a.title: [(p.type, p.text) for p in a.paragraphs] for a in arts}
    assert got == {
        NEWS: [("p", NEWS_LEAD)],
        TITLE: [("p", OPENING), ("heading", FIRST), ("p", FIRST_TEXT), ("p", SECOND_TEXT), ("p", CLOSING)],
    }


def test_a_single_quoted_line_makes_no_series():
    """One quoted line alone on a page is no series: only two or more mark
    the lines as section headings."""
    from generator.reconstruct.blocks import Block
    from generator.reconstruct.classify import HEAD, heading_series

    def head(i, t):
        return Block(index=i, text=t, line=i + 1, raw=t, role=HEAD)

    assert heading_series([head(0, FIRST), head(1, SECOND)]) == {0, 1}
    assert heading_series([head(0, FIRST), head(1, "巷子里的修鞋摊")]) == set()


FEATURE = "老街区焕发新活力"
FEATURE_BYLINE = "本报记者 孙立群"
FEATURE_OPENING = ("走进城东老街,青石板路两旁的老房子刷上了新漆,不少沿街铺面重新开了张。"
                   "去年以来,城东街道启动老街区改造,一边修缮老建筑,一边引进新业态。")
SECTION = "修旧如旧 留住老街记忆"
SECTION_TEXT = ("改造中,街道请来文物专家逐栋评估,能修的不拆,能留的不换,"
                "老街的门楼、窗花和石板路都按原样保留了下来。")
SECTION_2 = "引来新店 添上烟火气息"
SECTION_2_TEXT = "如今,老街上开起了书店、茶馆和手工作坊,周末游客络绎不绝,老街坊们的生意也跟着红火起来。"
LETTER = "一面锦旗背后的感谢"
NOTE = "编者按:近日,本报收到一位读者的来信,讲述了社区网格员帮助独居老人的故事。现将来信摘编刊发。"
LETTER_TEXT = ("我今年八十三岁,老伴走得早,孩子们都在外地工作。去年冬天我在家中摔倒,"
               "是网格员小王发现后及时把我送到了医院,还天天来家里照看。")
LETTER_END = "我想借贵报一角,向小王和社区的同志们说一声:谢谢你们!"


def test_an_editors_note_under_a_line_makes_it_a_headline():
    """`一面锦旗背后的感谢` follows a feature with two section headings, but an
    editor's note is printed under it: the headline of a reader's letter."""
    _, arts = articles(page(FEATURE, FEATURE_BYLINE, FEATURE_OPENING, SECTION, SECTION_TEXT,
                            SECTION_2, SECTION_2_TEXT, LETTER, NOTE, LETTER_TEXT, LETTER_END))
    assert [a.title for a in arts] == [FEATURE, LETTER]
    assert [p.text for p in arts[1].paragraphs] == [NOTE, LETTER_TEXT, LETTER_END]
