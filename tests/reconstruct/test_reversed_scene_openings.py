"""A feature article opens by setting its scene before it names its place
(`深秋的早晨,山间雾气还没散尽,贵州省黔东南州…`): that first sentence, naming
province and city in full after a clause or two, opens the article as a
news story's does, and so tells where an article printed in reverse starts.
The text is written for the test; its columns are printed last column first
by hand, as a layout export prints them."""
from __future__ import annotations

from generator.reconstruct.classify import opens_article

from .helpers import articles, page

DOCTORS = [
    "山村里的“背包”医生",
    # the last column, printed first: the tail of a sentence cut at the foot of the first column
    "告县级医院,开通转诊绿色通道。",
    "为了让巡诊更有效率,小分队把全乡划分为4个片区,每名医生包干一片,实行“定人、定村、定时”服务。遇到雨雪天气,"
    "队员们就改走近路,绝不让一户人家漏诊。",
    "五年来,巡诊小分队累计行程超过3万公里,服务群众2.6万人次。“只要乡亲们需要,我们就会一直走下去。”杨光明说。",
    # the first column, printed last
    "深秋的早晨,山间雾气还没散尽,贵州省黔东南州雷山县方祥乡卫生院的医生杨光明已经背起药箱出了门。他要赶在中午前"
    "走完3个村寨,为行动不便的老人上门问诊。",
    "方祥乡地处深山,全乡有一半以上的村寨距离卫生院超过20公里。前些年,村民看病要翻山越岭,小病拖成大病的情况时有"
    "发生。2019年起,乡卫生院组建了巡诊小分队,每周进村入户,为群众建立健康档案、开展慢病随访,发现重大疾病线索及时报",
]


def test_reversed_feature_opens_where_its_scene_is_set():
    """Two columns printed last column first, with no cut between them: the
    first column opens `深秋的早晨,…贵州省黔东南州…`, so the article is read
    from there, its cut sentence (`…及时报`) going on in the column printed
    under the headline (`告县级医院,…`), and the paragraph closing that column
    ends the article."""
    _, arts = articles(page(*DOCTORS))
    assert len(arts) == 1
    ps = [p.text for p in arts[0].paragraphs]
    assert ps[0].startswith("深秋的早晨")
    assert any(p.endswith("发现重大疾病线索及时报告县级医院,开通转诊绿色通道。") for p in ps)
    assert ps[-1].startswith("五年来,巡诊小分队")


def test_story_openings_naming_province_and_city():
    assert opens_article("深秋的早晨,山间雾气还没散尽,贵州省黔东南州雷山县方祥乡卫生院的医生杨光明已经背起药箱出了门。")
    assert opens_article("11月中旬,内蒙古鄂尔多斯市东胜区婚姻登记处举办了一场简约集体婚礼。")
    assert opens_article("近日,广西柳州市鱼峰区组织开展“邻里节”活动。")
    assert opens_article("近年来,福建省南平市着力打通“监督渠道”。")
    assert opens_article("今年以来,农业银行四川眉山市分行持续加大涉农信贷投放力度。")
    # a paragraph set in a place (a round-up's), and a place named short, open nothing
    assert not opens_article("在江苏省南京市,志愿者们走进社区开展义诊。")
    assert not opens_article("方祥乡地处深山,全乡有一半以上的村寨距离卫生院超过20公里。")
