"""Text left without a headline after the blocks are chained goes on the
article printed before it, unless it names another article's headline: an
overlap with another article's whole text is no such evidence, as it grows
with that article's length."""
from __future__ import annotations

from .helpers import articles, page

# a feature whose second paragraph stops at a clause mark over its first
# section heading: the text from that heading on is a chain with no headline,
# printed right under the feature's opening; a longer report before it shares
# incidental words with that text (志愿者, 服务, 群众 …)
REPORT_THEN_FEATURE = [
    "泸州市青年志愿者走进社区开展便民服务",
    "近日,四川省泸州市江阳区30余名青年志愿者走进南城街道多个社区,为辖区群众提供义诊、理发、家电维修等便民服务,"
    "现场服务群众600余人次。",
    "这些志愿者大多来自区属医院、职业学校和驻区企业。活动前,区志愿服务联合会对群众需求进行了摸底,按需组建了"
    "服务小分队,做到群众点单、志愿者接单。",
    "“家门口就能看病、修电器,志愿者比自家孩子还细心。”南城街道居民王桂兰说。据统计,今年以来,江阳区青年志愿者"
    "累计开展社区便民服务120余场次,服务群众1.6万余人次。",
    "江阳区志愿服务联合会相关负责人介绍,下一步,该区将进一步完善志愿服务激励机制,把参与志愿服务情况纳入"
    "“文明家庭”评选内容,引导机关干部、企业职工和中小学生走进社区,不少社区还把志愿服务写进了居民公约,"
    "让更多人加入到志愿服务的行列中来。",
    "守好一江碧水 绘就生态画卷",
    "——江西九江市以“巡江护岸”行动守护长江岸线",
    "陈思远 刘一鸣",
    "天刚蒙蒙亮,长江九江段的江滩上已经有了巡查的身影。58岁的彭德胜沿着岸线慢慢走,看到滩涂上的垃圾,"
    "就弯腰捡进随身的编织袋里。这段三公里长的岸线,他已经守了整整五年。",
    "彭德胜是九江市濂溪区的一名“护岸员”。在九江,像他这样的“护岸员”还有800多名,他们有的是退休工人、渔民,",
    "一、从“各管一段”到“全线联动”",
    "“过去岸线归属多个部门,出了问题常常互相推诿。”九江市长江岸线保护中心相关负责人介绍,为破解岸线管护"
    "难题,九江市将沿江152公里岸线划分为47个管护单元,由“护岸员”认领包干。",
    "为了让“护岸员”巡得准、管得住,市里统一配发巡查终端,巡查中发现的非法采砂、乱堆乱放等问题,"
    "通过终端随手拍、随时报,相关部门限时处置。",
    "今年以来,全市“护岸员”累计巡查岸线3.6万余公里,上报各类问题980个,均已整改到位。",
    "二、从“一人巡”到“众人护”",
    "每月第二个周日是九江市的“护江志愿日”。这一天,机关干部、企业职工和中小学生一起走上江滩,"
    "捡拾垃圾、清理杂草、宣传长江保护法。",
    "九江市还把护岸行动纳入“文明家庭”评选内容,沿江不少村庄把“不往江里扔一片垃圾”写进了村规民约。",
    "从“要我护”到“我要护”,九江的护岸故事还在继续。该市将进一步完善“护岸员”激励机制,"
    "让更多人加入到守护长江岸线的行列中来。",
]


def test_text_under_a_feature_opening_stays_with_the_feature_not_a_longer_neighbour():
    _, arts = articles(page(*REPORT_THEN_FEATURE))
    by_title = {a.title: a for a in arts}
    feature = by_title["守好一江碧水 绘就生态画卷"]
    report = by_title["泸州市青年志愿者走进社区开展便民服务"]
    texts = [p.text for p in feature.paragraphs]
    assert any(t.startswith("一、从“各管一段”") for t in texts)
    assert texts[-1].startswith("从“要我护”到“我要护”,九江")
    assert not any("护岸" in p.text for p in report.paragraphs)
