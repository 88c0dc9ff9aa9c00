"""Cuts in pages printed in column order: a figure cut before its measure
word (`其中60|岁以上…`), the first line of an interview's turn (`记者:…`)
left alone at a column end, and a quotation cut before it closes. The texts are written for these tests in the way
a county paper reports; the damage is made by hand as a layout export makes it."""
from __future__ import annotations

from generator.reconstruct.blocks import parse_blocks
from generator.reconstruct.classify import HEAD, opening_lines, shape
from generator.reconstruct.lexicon import UNITS

from .helpers import articles, page

CANTEEN = "村里有了“爱心食堂”"
CANTEEN_BY = "本报记者 李晓燕"
CANTEEN_LEAD = ("本报讯 中午11点,湖南省益阳市赫山区龙光桥街道石头村的“爱心食堂”里已坐满了老人。清蒸鱼、小炒肉、"
                "青菜豆腐汤,两荤一素一汤,老人们吃得有滋有味。")
CUT = "石头村共有村民1280人,其中60"
REST = "岁以上老人有410人,不少老人子女在外务工,一日三餐成了难题。今年4月,村里利用闲置的村小学食堂办起了“爱心食堂”。"
CLOSING = "“在家门口就能吃上热乎饭,儿女在外也放心。”84岁的村民刘桂香说。"
TEA = "一片茶叶富了一方百姓"
TEA_LEAD = ("本报讯 记者从湖南省安化县获悉,今年全县茶叶综合产值预计突破280亿元,茶产业带动36万人就业,"
            "茶农人均增收3000余元。")
# a block of the tea story that lost its first characters (a figure's end)
TEA_PIECE = "元,还带动了周边3个村的茶农一起增收。"


def test_an_age_goes_on_a_figure_cut_at_the_column_end():
    """`…其中60|岁以上老人…`: `岁` is a measure word, the age the figure
    gives; the next block goes on the cut figure, not a block elsewhere that
    opens with another unit (`元,…`)."""
    assert {"岁", "斤", "株", "套"} <= UNITS
    _, arts = articles(page(CANTEEN, CANTEEN_BY, CANTEEN_LEAD, CUT, REST, CLOSING, TEA, TEA_LEAD, TEA_PIECE))
    canteen = next(a for a in arts if a.title == CANTEEN)
    assert [p.text for p in canteen.paragraphs] == [CANTEEN_LEAD, CUT + REST, CLOSING]


INTERVIEW = "让乡村孩子也能上好体育课"
INTERVIEW_SUB = "——访常德市鼎城区教育局局长周建华"
INTERVIEW_BY = "本报记者 陈思远"
INTRO = ("今年秋季学期起,常德市鼎城区在全区农村中小学推行“每天一节体育课”,新建和改造运动场地46处,"
         "补充体育教师120名。围绕这项工作,记者采访了鼎城区教育局局长周建华。")
TURNS = ["记者:为什么要在农村学校推行“每天一节体育课”？",
         "周建华:过去一些农村学校体育课开不足、开不好,孩子们的体质监测合格率偏低。我们希望让每个孩子每天都能动起来。",
         "记者:体育教师不够怎么解决？",
         "周建华:一方面通过招聘补充专职教师,另一方面组织城区学校的体育教师到农村学校走教,目前已有38名教师参与。"]
TURN_CUT = "记者:不少家长担心"
TURN_REST = "孩子运动多了会耽误学习,您怎么看？"
ANSWER = "周建华:运动和学习并不矛盾。从试点学校的情况看,孩子们上课更专注了,学习成绩也没有受到影响。"


def test_an_interview_turn_cut_after_its_first_line_is_not_a_heading():
    """`记者:不少家长担心|孩子运动多了…？`: a short line opening with a
    speaker's label that opens several paragraphs of the page word for word
    is the first line of a turn of the interview, cut at a column end."""
    text = page(INTERVIEW, INTERVIEW_SUB, INTERVIEW_BY, INTRO, *TURNS, TURN_CUT, TURN_REST, ANSWER)
    blocks = parse_blocks(text)
    for b in blocks:
        b.role = shape(b)
    cut = next(b for b in blocks if b.flat == TURN_CUT)
    assert cut.role == HEAD and cut.index in opening_lines(blocks)
    _, arts = articles(text)
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [INTRO, *TURNS, TURN_CUT + TURN_REST, ANSWER]


WAGES = "农民工工资按时足额发放"
WAGES_BY = "本报记者 孙立群"
WAGES_LEAD = ("本报讯 今年以来,岳阳市在全市在建工程项目中推行农民工工资专用账户和实名制管理,工资由银行直接代发到农民工个人账户,"
              "全年未发生一起欠薪群体性事件。")
SAID_CUT = "“春节前是讨薪的高发期,"
SAID_REST = "我们将组织专项检查,对建筑工地逐一走访,确保每一名农民工都能拿到工资回家过年。”岳阳市人社局有关负责人说。"
GAMES = "乡村篮球赛打出精气神"
GAMES_BY = "本报记者 黄志强"
GAMES_LEAD = ("本报讯 11月20日,平江县第三届“村BA”篮球赛在县体育馆落下帷幕,来自全县24个乡镇的48支村队参加了比赛,"
              "线上线下观赛人数超过10万人次。")
# the end of a question that lost its first line (`记者:今年`)
QUESTION_END = "的比赛场次比去年多了一倍,有哪些新的安排？"
ANSWER_TURN = "李国平:今年我们把小组赛放到各乡镇举办,决赛才集中到县城,让更多村民在家门口就能看到比赛。"


def test_a_quotation_cut_at_the_column_end_goes_on_in_the_text_closing_it():
    """`“春节前是讨薪的高发期,|我们将…回家过年。”…`: a text cut inside a
    quotation goes on in the block that closes it, not in a paragraph's end
    elsewhere that never does (`的比赛场次…有哪些新的安排？`)."""
    _, arts = articles(page(WAGES, WAGES_BY, WAGES_LEAD, SAID_CUT, SAID_REST,
                            GAMES, GAMES_BY, QUESTION_END, GAMES_LEAD, ANSWER_TURN))
    wages = next(a for a in arts if a.title == WAGES)
    assert [p.text for p in wages.paragraphs] == [WAGES_LEAD, SAID_CUT + SAID_REST]
