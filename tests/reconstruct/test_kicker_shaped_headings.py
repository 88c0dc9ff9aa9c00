"""A feature's section headings can each print a short word, a space and a
phrase (`传承 把古法手艺教给年轻人`), the shape of a kicker and its headline on
one line. Built alike, their phrases opening with the same words (`把古法…`,
`让古法…`), they are one series of headings, the first as much as the later
ones; and a lone such heading that repeats a word of the headline it is
printed under (`传承 不让千年纸坊断了香火` under `千年纸坊来了年轻传人`) is that
feature's heading too. The page text is written for the test in the phrasing
of a county newspaper's features."""
from __future__ import annotations

from .helpers import articles, page

TITLE = "千年纸坊来了年轻传人"
BYLINE = "本报记者 周明远"
OPENING = ("清晨,浙江省杭州市富阳区大源镇的古法造纸作坊里,水声、捶打声此起彼伏。"
           "62岁的造纸艺人李德荣正弯着腰,把一帘纸浆稳稳地从纸槽里抄起。")
OPENING_MORE = ("富阳造纸已有一千多年历史,可机制纸普及以后,作坊一家家关了门,"
                "会抄纸的老师傅越来越少。")
FIRST = "传承 把古法手艺教给年轻人"
FIRST_TEXT = ("“手艺不能在我们这一代断了。”李德荣说。2018年,他把作坊改成传习所,"
              "免费教附近的年轻人抄纸、晒纸,前后带出徒弟40多人。")
SECOND = "创新 让古法纸品走进生活"
SECOND_TEXT = ("徒弟们琢磨出书签、灯罩、信笺等新产品,又在网上开了店,"
               "去年卖出各类纸品3万多件。")
THIRD = "增收 让古法纸坊带富乡亲"
THIRD_TEXT = ("如今,镇上已有纸坊12家,带动200多名村民在家门口就业,"
              "每人每年能增收两万多元。")


def test_first_of_a_series_of_kicker_shaped_headings_is_a_section_heading():
    """`传承 把古法手艺教给年轻人` opens its phrase with `把` where the later
    headings open with `让`; the phrases still open with the same words
    (`古法`), so it is a heading of the feature, not another article's
    headline with its kicker."""
    _, arts = articles(page(TITLE, BYLINE, OPENING, OPENING_MORE, FIRST, FIRST_TEXT,
                            SECOND, SECOND_TEXT, THIRD, THIRD_TEXT))
    got = {a.title: [(p.type, p.text) for p in a.paragraphs] for a in arts}
    assert got == {
        TITLE: [("p", OPENING), ("p", OPENING_MORE),
                ("heading", FIRST), ("p", FIRST_TEXT),
                ("heading", SECOND), ("p", SECOND_TEXT),
                ("heading", THIRD), ("p", THIRD_TEXT)],
    }


def test_kicker_lines_leave_out_headings_that_open_alike():
    """A line whose phrase shares its opening words with another line's of the
    same shape is no kicker line; a single kicker over a headline is one."""
    from generator.reconstruct import classify as C
    from generator.reconstruct.blocks import parse_blocks

    blocks = parse_blocks(page(FIRST, FIRST_TEXT, SECOND, SECOND_TEXT, THIRD, THIRD_TEXT))
    for b in blocks:
        b.role = C.shape(b)
    assert C.kicker_lines(blocks) == set()

    blocks = parse_blocks(page("喜迎二十大 古镇老街换新颜迎来八方游客", OPENING))
    for b in blocks:
        b.role = C.shape(b)
    assert C.kicker_lines(blocks) == {0}


LONE = "传承 不让千年纸坊断了香火"
LONE_MORE = "如今,镇上已有纸坊12家,带动200多名村民在家门口就业,每人每年能增收两万多元。"


def test_lone_kicker_shaped_heading_repeating_the_headline_is_a_section_heading():
    """With its series lost, `传承 不让千年纸坊断了香火` still repeats `千年纸坊`
    of the headline above it and its text goes on about the same workshop: a
    heading of the feature, not a new article under a kicker."""
    _, arts = articles(page(TITLE, BYLINE, OPENING, OPENING_MORE, LONE, FIRST_TEXT, LONE_MORE))
    got = {a.title: [(p.type, p.text) for p in a.paragraphs] for a in arts}
    assert got == {
        TITLE: [("p", OPENING), ("p", OPENING_MORE),
                ("heading", LONE), ("p", FIRST_TEXT), ("p", LONE_MORE)],
    }
