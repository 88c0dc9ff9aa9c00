"""Items of a numbered or bracketed list open paragraphs of their own: a
list item's number (`三、`) is no end of a word cut at a column's end, a
line right under the last of a series of `【…】` headings is the first words
of that heading's paragraph, and a marked section heading is no headline,
whatever a news lead printed below it names. An official named after
the posts (`镇党委委员、副镇长…表示,`) opens a paragraph as a named speaker
does. The page text is written for the test in the phrasing of a county
newspaper."""
from __future__ import annotations

from .helpers import articles, page

TITLE = "青禾县持续擦亮文明城市“金字招牌”"
BYLINE = "本报记者 许晴 通讯员 江帆"
OPENING = ("今年以来,青禾县坚持把文明城市创建作为惠民工程来抓,推动创建工作由“集中攻坚”向“常态长效”转变,"
           "城乡面貌焕然一新。")
FIRST = "一、压实责任,把创建任务落到岗位上"
FIRST_TEXT = ("县里成立创建工作专班,将测评指标细化为186项具体任务,逐项明确牵头单位和完成时限,"
              "每周通报进展情况。")
SECOND = "二、补齐短板,让群众感受实实在在的变化"
THIRD = "三、培育新风,让文明理念融入日常生活"
THIRD_TEXT = ("县里常态化开展“文明家庭”“最美邻里”评选,组建志愿服务队伍52支,"
              "推动志愿服务进社区、进村组、进校园。")


def test_list_number_opens_its_own_heading():
    """`三、…` after the heading `二、…` (its section's text lost) is the next
    heading, not the rest of a word cut after `…变化`."""
    _, arts = articles(page(TITLE, BYLINE, OPENING, FIRST, FIRST_TEXT, SECOND, THIRD, THIRD_TEXT))
    got = {a.title: [(p.type, p.text) for p in a.paragraphs] for a in arts}
    assert got == {
        TITLE: [("p", OPENING), ("heading", FIRST), ("p", FIRST_TEXT), ("heading", SECOND), ("heading", THIRD),
                ("p", THIRD_TEXT)],
    }


LIST_TITLE = "河湾镇公布第二季度“身边好人”名单"
LIST_OPENING = ("近日,河湾镇公布第二季度“身边好人”名单,6名群众身边的普通人因见义勇为、孝老爱亲、"
                "敬业奉献等事迹上榜。")
BRAVE = "【见义勇为】"
BRAVE_TEXT = ("6月3日中午,河湾镇集市上一辆三轮车突然起火,正在赶集的村民周海生抄起灭火器冲上前去,"
              "几分钟便将明火扑灭,避免了火势蔓延。")
DUTY = "【敬业奉献】"
DUTY_CUT = "镇卫生院护士长宋丽华扎根乡村"
DUTY_REST = ("28年,累计为1200多名慢性病患者建立随访档案,每月带队进村开展义诊,被村民称为“贴心护士”。")


def test_bracketed_items_keep_their_paragraphs():
    """`镇卫生院护士长宋丽华扎根乡村`, right under `【敬业奉献】`, opens that
    item's paragraph and goes on in `28年,…`; the heading stays in the list."""
    _, arts = articles(page(LIST_TITLE, BYLINE, LIST_OPENING, BRAVE, BRAVE_TEXT, DUTY, DUTY_CUT, DUTY_REST))
    got = {a.title: [(p.type, p.text) for p in a.paragraphs] for a in arts}
    assert got == {
        LIST_TITLE: [("p", LIST_OPENING), ("heading", BRAVE), ("p", BRAVE_TEXT), ("heading", DUTY),
                     ("p", DUTY_CUT + DUTY_REST)],
    }


CUT_SHORT = ("河湾镇把“身边好人”评选与移风易俗结合起来,在各村设立“红黑榜”,深入开展家风家训宣讲活动,")
SPEAKER = ("镇党委委员、副镇长孙立群表示,下一步将建立好人礼遇帮扶机制,让好人有好报成为全镇群众的共识。")


def test_official_named_after_posts_opens_a_paragraph():
    """`镇党委委员、副镇长孙立群表示,…` opens a paragraph as `孙立群表示,…`
    does: the text before it, cut after a comma, lost its end."""
    _, arts = articles(page(LIST_TITLE, BYLINE, LIST_OPENING, CUT_SHORT, SPEAKER))
    got = {a.title: [(p.type, p.text) for p in a.paragraphs] for a in arts}
    assert got == {LIST_TITLE: [("p", LIST_OPENING), ("p", CUT_SHORT), ("p", SPEAKER)]}


FAMILY = "【孝老爱亲】"
FAMILY_TEXT = "桃园村村民何秀梅的丈夫因病卧床多年,她一边务农一边照料丈夫和年迈的婆婆,十几年来从无怨言。"
NEWS_TITLE = "河湾镇表彰20户文明家庭"
NEWS_LEAD = "本报讯(通讯员 江帆)6月28日,河湾镇召开文明家庭表彰大会,20户家庭受到表彰。"
NEWS_MORE = "受表彰的家庭中,有孝老爱亲的和睦之家,也有热心公益的奉献之家,还有勤俭持家的节约之家。"


def test_bracketed_heading_is_no_headline():
    """`【孝老爱亲】` stays a heading of the list even though the news lead
    printed below it (its headline printed after its body) names what it
    names: no headline is set in `【…】`."""
    _, arts = articles(page(LIST_TITLE, BYLINE, LIST_OPENING, BRAVE, BRAVE_TEXT, FAMILY, FAMILY_TEXT, DUTY,
                            DUTY_CUT + DUTY_REST, NEWS_LEAD, NEWS_MORE, NEWS_TITLE))
    got = {a.title: [(p.type, p.text) for p in a.paragraphs] for a in arts}
    assert got == {
        LIST_TITLE: [("p", LIST_OPENING), ("heading", BRAVE), ("p", BRAVE_TEXT), ("heading", FAMILY),
                     ("p", FAMILY_TEXT), ("heading", DUTY), ("p", DUTY_CUT + DUTY_REST)],
        NEWS_TITLE: [("p", NEWS_LEAD), ("p", NEWS_MORE)],
    }
