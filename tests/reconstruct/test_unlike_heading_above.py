"""A feature sets its section headings off alike (`【…】` brackets, two short
phrases side by side): a plain line printed after its last section, over a
paragraph opening a story about other things, is no section of it but the next
article's headline. The page text is written for the test in the phrasing of a
city newspaper's features."""
from __future__ import annotations

from .helpers import articles, assert_feature_then_article, page

TITLE = "老街坊的“共享菜园”"
BYLINE = "本报记者 周晓梅"
OPENING = ("清晨,江苏省常州市天宁区青龙街道的小区空地上,十几位居民正忙着浇水、除草。"
           "两年前,这里还是一片堆满杂物的荒地,如今已变成绿意盎然的“共享菜园”。")
FIRST = "【荒地变成了菜园】"
FIRST_TEXT = ("社区党委牵头,发动居民清运杂物、平整土地,划出菜畦42块,"
              "按照“认领一块地、管好一片绿”的办法交给居民打理。")
SECOND = "【菜园连着人心】"
SECOND_TEXT = ("菜园里结出的果蔬,居民们常常拿来分给独居老人。大家在菜地边聊天、互相帮忙,"
               "邻里之间的走动多了,小区里的矛盾纠纷也少了。")
NEXT = "夜间公交延长运营 市民出行更便利"
NEXT_TEXT = ("近日,宁州市公交集团对城区12条公交线路调整运营时间,末班车最晚延至23时,"
             "方便夜间下班的市民和外出游客乘车。")
NEXT_MORE = "据介绍,调整后的线路覆盖城区主要商圈、医院和交通枢纽,日均可多服务乘客约8000人次。"


def test_plain_line_after_bracketed_sections_opens_its_own_article():
    """`夜间公交延长运营 市民出行更便利` follows the feature's `【…】` sections
    without their brackets, over a news story's opening: it heads the next
    article."""
    assert_feature_then_article(TITLE, BYLINE, OPENING, [(FIRST, FIRST_TEXT), (SECOND, SECOND_TEXT)],
                                NEXT, [NEXT_TEXT, NEXT_MORE])


def test_heading_form_tells_how_a_line_is_set_off():
    """Lines set off alike share a form; a bracketed, a parallel and a plain
    line each have their own."""
    from generator.reconstruct.classify import heading_form

    assert heading_form("建阵地 聚人气") == heading_form("育队伍 强服务")
    assert heading_form("【荒地变成了菜园】") == heading_form("【菜园连着人心】")
    assert heading_form("【荒地变成了菜园】") != heading_form("夜间公交延长运营")
    assert heading_form("建阵地 聚人气") != heading_form("书香飘满城乡 阅读点亮生活")


COMMENT = "把好事办到群众心坎上"
AUTHOR = "作者 林晓东"
COMMENT_TEXT = ("修一段路、装一盏灯、建一个助餐点,件件都是群众看得见、摸得着的事。"
                "办这些事,要先听听群众怎么说,把钱花在最需要的地方。")
COMMENT_END = "事情办得实不实,群众心里有杆秤。多办几件暖心事,日子才会越过越有奔头。"
NEWS = "让老房子住出新滋味"
NEWS_TEXT = ("今年以来,城南区把老旧小区改造列为重点工作,完成改造小区38个,"
             "惠及居民1.2万户,加装电梯56部,新增停车位900余个。")
NEWS_MORE = "据介绍,明年城南区还将启动第二批改造项目,重点解决管网老化和消防通道不畅等问题。"


def test_headline_over_a_district_the_bylined_piece_never_named():
    """Under a bylined commentary that names no place, a line over a paragraph
    whose first sentence names a district the commentary never named heads the
    next article: a section of the commentary would go on with its own words."""
    _, arts = articles(page(COMMENT, AUTHOR, COMMENT_TEXT, COMMENT_END, NEWS, NEWS_TEXT, NEWS_MORE))
    got = {a.title: [(p.type, p.text) for p in a.paragraphs] for a in arts}
    assert got == {
        COMMENT: [("p", COMMENT_TEXT), ("p", COMMENT_END)],
        NEWS: [("p", NEWS_TEXT), ("p", NEWS_MORE)],
    }
