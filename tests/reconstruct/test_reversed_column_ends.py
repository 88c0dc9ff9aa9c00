"""Where the columns of an article printed in reverse begin and end, told by
the text at the cuts:
- a text cut inside a work's title (`…创作的小戏《`) goes on in the rest of the
  title (`婆媳一家亲》,…`): a title is short and never spans a sentence, so a
  block that does not close it soon is no continuation, however its words
  read (read as printed, the cut would go on in another column's opening);
- an article never ends with a section heading: read in reverse, the
  chunk printed first is not split right after a heading-like line to make
  its last column; the heading opens the text under it, in the column read
  before;
- a paragraph opening with a body speaking through its officials, unnamed
  (`衡阳市中心血站负责人介绍,`), opens a sentence: it does not go on from a cut
  at a column's foot, so the column printed with it holds it as a paragraph
  (here the closing one), and the next column starts after it.
Texts are written for the test in the manner of county news features; the
columns are printed last column first by hand, as a layout export prints
them, with the next article's headline and lead below."""
from __future__ import annotations

from generator.reconstruct.joins import head_features

from .helpers import articles, page

NEXT = ["社区食堂让老人吃上“暖心饭”",
        "本报讯（记者 李明）近日，望江县华阳镇幸福社区老年食堂正式开张，辖区60岁以上老人每餐只需花8元就能吃上两荤一素。"]

OPERA = "黄梅戏唱进田间地头"
OPERA_COLS = [
    ["11月18日晚，安徽省安庆市望江县雷池乡的文化广场上锣鼓喧天，县黄梅戏剧团正在为村民们演出传统剧目《天仙配》选段。"
     "台下座无虚席，不时响起阵阵掌声。",
     "黄梅戏是国家级非物质文化遗产代表性项目，在望江有着深厚的群众基础。县剧团现有演职人员46人，农忙时节也不停演，"
     "每年送戏下乡120余"],
    ["场，足迹遍及全县各个村镇。",
     "在传承经典剧目的同时，剧团还把移风易俗、孝老爱亲等内容编进新戏。由青年编剧王芳创作的小戏《"],
    ["婆媳一家亲》，讲述了一对婆媳化解矛盾的故事，在乡村巡演时很受欢迎。“用群众喜欢的方式讲道理，比开会宣讲效果还好。”"
     "雷池乡一位村干部说。",
     "让团长陈秋生欣慰的是，剧团里也有了年轻面孔。今年，剧团招收了10名戏曲爱好者，其中年龄最小的只有16"],
    ["岁。“只要有人愿意学，我就一直教下去。”陈秋生说。"],
]


def test_a_cut_inside_a_title_goes_on_in_the_rest_of_the_title():
    """`…小戏《` goes on in `婆媳一家亲》,…` (the column printed before it), not
    in the opening of the column printed after it: the four columns read in
    reverse."""
    c1, c2, c3, c4 = OPERA_COLS
    _, arts = articles(page(OPERA, *c4, *c3, *c2, *c1, *NEXT))
    assert [a.title for a in arts] == [OPERA, NEXT[0]]
    assert [p.text for p in arts[0].paragraphs] == [c1[0], c1[1] + c2[0], c2[1] + c3[0], c3[1] + c4[0]]


FAMILY = "一家三代的“读书经”"
FAMILY_COLS = [
    ["在浙江省湖州市吴兴区爱山街道，提起退休教师沈国平一家，邻居们都竖起大拇指。这个三代同堂的家庭，家里藏书有4000多册，"
     "被评为全市“书香家庭”。",
     "书香传家 代代相承",
     "今年70岁的沈国平教了一辈子语文，家里的客厅、卧室甚至阳台上都摆满了书架。他说，小时候家里穷，借一本书要走好几里路，"
     "工作后就攒钱买书。",
     "在他的影响下，读书成了全家人的习惯。儿子沈杰是一名工程师，儿媳王燕在医院工作，两人工作再忙，"],
    ["每晚也要陪孩子读上半小时书；上小学的孙子每年都能写满厚厚几本读书笔记。",
     "热心公益 传递温暖",
     "除了读书，这个家庭还热心公益。沈国平退休后在社区办起了免费的书法班，十年来教过的孩子有300多名；"
     "王燕利用休息时间参加义诊，为独居老人量血压。",
     "说起家风，沈国平常说：“勤俭持家、与人为善，这是老辈人传下来的规矩。”他把这句话写成条幅，挂在孙子的书桌前，"
     "时时提醒孩子们。",
     "吴兴区妇联有关负责人表示，下一步将以“书香家庭”为榜样，在全区深入开展家庭文明建设和好家风好家训宣传活动，让好家风"],
    ["滋养好民风。"],
]


def test_a_reversed_article_does_not_end_with_a_section_heading():
    """The last column, printed first, is the sentence's tail alone
    (`…让好家风|滋养好民风。`); the column before it opens after the first
    column's cut (`…两人工作再忙,|每晚也要…`) and holds the section heading
    `热心公益 传递温暖` in its middle. Read so, the second section keeps its
    heading; ended at the heading instead, the article would lose it."""
    c1, c2, c3 = FAMILY_COLS
    _, arts = articles(page(FAMILY, *c3, *c2, *c1, *NEXT))
    assert [a.title for a in arts] == [FAMILY, NEXT[0]]
    ps = arts[0].paragraphs
    assert [p.text for p in ps] == [c1[0], c1[1], c1[2], c1[3] + c2[0], c2[1], c2[2], c2[3], c2[4] + c3[0]]
    assert [p.type for p in ps].count("heading") == 2 and ps[4].type == "heading"


BLOOD = "十年献血路 热血暖人心"
BLOOD_COLS = [
    ["11月16日上午，湖南省衡阳市雁峰区中心献血屋前，十几名身穿红马甲的志愿者早早排起了队。他们是雁峰区“热血同行”"
     "献血志愿服务队的队员，这一天是他们约定的集体献血日。",
     "队长刘建华今年50岁，是一名出租车司机。2014年，他的一位同事因车祸大出血，医院血库告急，他和几位同行"],
    ["连夜赶到医院献血。从那以后，他便和献血结下了不解之缘，十年来累计献血90余次。",
     "在他的带动下，服务队从最初的5个人发展到如今的300多人，队员中有教师、快递员、个体户，也有在校大学生。"
     "每逢血液供应偏紧，队员们总会第一时间赶到献血屋。",
     "除了自己献血，志愿者们还走进社区、学校和企业宣传无偿献血知识，今年以来已动员1200多名市民首次走进"],
    ["献血屋。",
     "衡阳市中心血站负责人介绍，近年来全市无偿献血人数逐年上升，志愿者的宣传动员功不可没。“一个人献血是一份爱心，"
     "一群人献血就是一股力量。”她说。"],
]


def test_an_officials_statement_is_no_column_top():
    """`…他和几位同行|连夜赶到医院献血。`: the paragraph opening
    `衡阳市中心血站负责人介绍,` does not go on from the cut; it closes the
    article, in its last column after the sentence's tail."""
    c1, c2, c3 = BLOOD_COLS
    _, arts = articles(page(BLOOD, *c3, *c2, *c1, *NEXT))
    assert [a.title for a in arts] == [BLOOD, NEXT[0]]
    assert [p.text for p in arts[0].paragraphs] == [c1[0], c1[1] + c2[0], c2[1], c2[2] + c3[0], c3[1]]


def test_officials_speaking_open_a_sentence_but_not_after_a_body_named_before_the_cut():
    assert head_features("衡阳市中心血站负责人介绍，近年来全市无偿献血人数逐年上升。").frame
    assert head_features("街道退役军人服务站站长表示，将继续组织老兵开展志愿服务。").frame
    assert head_features("区文明办负责同志表示，将把好做法推广到全区。").frame
    # the body named at the foot of the column before: these go on from it
    assert not head_features("相关负责人介绍，全区已建成非遗工坊12家。").frame
    assert not head_features("和旅游局相关负责人介绍，全区已建成非遗工坊12家。").frame
