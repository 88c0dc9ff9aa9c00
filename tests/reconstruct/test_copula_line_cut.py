"""A short line that states what its subject is (`…剪纸是省级|非物质文化遗产…`)
or where it lies (`…某镇地处…省级|森林公园…`) or what it counts
(`…现有剪纸|艺人…`) is a sentence, the first line of
a paragraph cut at a column end, not a section heading: a heading names a
topic or an action, and says `X是Y` only as a quotation (`“老手艺就是我的根”`)
or under a section mark. Texts are invented in the phrasing of a county
newspaper's feature; the cuts are made by hand as a layout export makes them."""
from __future__ import annotations

from .helpers import assert_one_paragraph

TITLE = "一把剪刀剪出乡村新风景"
BYLINE = "本报记者 林小禾"
LEAD = ("初冬的午后,某县南塘镇文化站里坐满了前来学艺的村民。76岁的剪纸艺人吴秀英拿起一张红纸,"
        "几下折叠、十几剪下去,一只栩栩如生的喜鹊就跃然纸上。")
LAST = ("如今,南塘镇每年举办剪纸技艺展演10余场,剪纸作品还走进了县城的商场和民宿。"
        "“只要有人愿意学,我就一直教下去。”吴秀英说。")


def _one_paragraph(line: str, rest: str) -> None:
    assert_one_paragraph(TITLE, LEAD, line, rest, LAST, byline=BYLINE)


def test_a_subject_and_its_copula_go_on_across_the_cut():
    """`南塘剪纸是省级|非物质文化遗产…`: the complement runs on after the cut."""
    _one_paragraph("南塘剪纸是省级",
                   "非物质文化遗产代表性项目,构图饱满、线条细密,在周边县市小有名气。")


def test_a_subject_and_where_it_lies_go_on_across_the_cut():
    """`南塘镇地处…省级|森林公园…`: a place verb with its object cut."""
    _one_paragraph("南塘镇地处大别山腹地省级",
                   "森林公园边缘,群山环抱,村民农闲时历来有剪窗花、贴喜字的习俗。")


def test_a_subject_and_what_it_counts_go_on_across_the_cut():
    """`南塘镇现有剪纸|艺人和学徒…`: what the place has runs on after the cut."""
    _one_paragraph("南塘镇现有剪纸",
                   "艺人和学徒200余人,其中省级代表性传承人2名,镇上的中小学都开了剪纸课。")


def test_a_quoted_or_marked_heading_saying_what_something_is_stays_a_heading():
    from generator.reconstruct.joins import _copula_line
    assert _copula_line("南塘剪纸是省级")
    assert not _copula_line("“老手艺就是我的根”")
    assert not _copula_line("【课堂上都是“小传人”】")
    assert not _copula_line("但是")
    assert not _copula_line("是否达标")
