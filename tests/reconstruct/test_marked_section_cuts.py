"""A feature that marks its section headings (`◎…`, `一、…`, `【…】`) marks
every one of them: a plain short line between two of its headings marked
alike is no heading of its own but the first words of a paragraph, cut at a
column end and going on in the next block. The page text is written for the
test in the phrasing of a county newspaper's feature."""
from __future__ import annotations

from .helpers import articles, page

TITLE = "小积分兑出文明新风"
BYLINE = "本报记者 李晓东 通讯员 向明"
OPENING = ("初冬时节,湖北省恩施州宣恩县椒园镇黄坪村的“积分超市”门前排起了长队。村民们拿着积分卡,"
           "兑换洗衣粉、食用油等生活用品,脸上挂着笑容。")
FIRST = "◎ 定规矩——积分细则由村民商量着定"
FIRST_TEXT = ("积分怎么评,村民说了算。村里召开院坝会,把环境卫生、孝老爱亲、邻里互助等内容列进积分细则,"
              "每月由村民代表评议一次,结果张榜公示。")
SECOND = "◎ 见实效——小积分带出好风气"
CUT = "老党员谭家富"
CUT_REST = ("今年68岁,每天清晨都会扛着扫帚把村道打扫一遍。“扫的是门前的落叶,攒的是大家的面子。”"
            "在他的带动下,村里自发组建了一支20多人的保洁志愿队。")
SECOND_MORE = "如今,黄坪村的房前屋后干净整洁,乱堆乱放、大操大办的少了,互帮互助、勤俭持家的多了。"
THIRD = "◎ 促长效——让积分制度常态运转"
THIRD_TEXT = ("镇党委有关负责人表示,下一步将在全镇推广黄坪村的做法,引导更多社会力量参与,"
              "让“积分超市”的货架更丰富、运转更长久。")


def test_plain_line_between_marked_sections_goes_on_in_the_next_block():
    """`老党员谭家富`, plain between two `◎` headings, opens the paragraph
    that goes on in `今年68岁,…`: one paragraph, no heading, no new article."""
    _, arts = articles(page(TITLE, BYLINE, OPENING, FIRST, FIRST_TEXT, SECOND, CUT, CUT_REST, SECOND_MORE,
                            THIRD, THIRD_TEXT))
    got = {a.title: [(p.type, p.text) for p in a.paragraphs] for a in arts}
    assert got == {
        TITLE: [("p", OPENING), ("heading", FIRST), ("p", FIRST_TEXT), ("heading", SECOND), ("p", CUT + CUT_REST),
                ("p", SECOND_MORE), ("heading", THIRD), ("p", THIRD_TEXT)],
    }


def test_numbered_sections_read_alike():
    """The same between `一、` and `二、` headings: `记者在村口看到` goes on."""
    first, second = "一、定规矩,积分细则由村民商量着定", "二、见实效,小积分带出好风气"
    cut, rest = "记者在村口看到", "几位村民正在清理沟渠里的杂物,一旁的积分公示栏上贴着本月的评议结果。"
    _, arts = articles(page(TITLE, BYLINE, OPENING, first, FIRST_TEXT, cut, rest, second, SECOND_MORE))
    got = {a.title: [(p.type, p.text) for p in a.paragraphs] for a in arts}
    assert got == {
        TITLE: [("p", OPENING), ("heading", first), ("p", FIRST_TEXT), ("p", cut + rest), ("heading", second),
                ("p", SECOND_MORE)],
    }


def test_markdown_section_headings_read_alike():
    """Markdown section headings marked alike (`### ◎…`) part the feature so
    too: the plain line between them is no heading."""
    _, arts = articles(page("# " + TITLE, BYLINE, OPENING, "### " + FIRST, FIRST_TEXT, "### " + SECOND, CUT, CUT_REST,
                            SECOND_MORE, "### " + THIRD, THIRD_TEXT))
    assert [a.title for a in arts] == [TITLE]
    assert ("p", CUT + CUT_REST) in [(p.type, p.text) for p in arts[0].paragraphs]
