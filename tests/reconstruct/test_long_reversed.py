"""A long article printed in reverse: more columns than one group of the
reading programme holds (`MAX_GROUP`). Its reading in reverse must not stop at
that limit and leave its first columns to read as printed or as a second
article. Text from a sample page; the columns are printed last column first,
as a layout export prints them."""
from __future__ import annotations

from .helpers import articles, page

BAIYIN = [
    "文明风起满眼新",
    "——甘肃白银全力推动文明城市创建工作不断迈向新高度",
    "白银宣",
    "范实践所,8至10个示范实践站,深根厚植“文明集市”品牌,推动文明实践整体化运作,个性化服务,全民化参与。",
    "实施、政务服务改革、基层社会治理等党委和政府重点任务,大力推行“网格员接单—一村社报单—镇街领单—县级中心派单—服务队履"
     "单—群众评单”的“六单”精准服务模式,扎实开展理论宣讲、文艺文化、移风易俗、扶贫帮困等志愿服务活动。此外,按照“一乡镇一"
     "品牌,一村社一特色”的工作标准,各县区集中打造3至5个示",
    "的缩影。近年来,白银市整合资源,聚焦学习实践科学理论、宣讲党的政策、丰富活跃文化生活等,组织开展了形式多样的文明实践活动"
     "。",
    "为不断扩大文明实践的覆盖面,白银市不断完善活动机制,把握群众需求,畅通群众参与渠道,构建点多面广、功能完备的文明实践服务"
     "圈。同时,紧扣乡村振兴战略实施、",
    "范活动、“100场健康义诊”示范活动、“100场全民健身”示范活动、“100场心理健康培训”示范活动、“100场文明行为"
     "践行”示范活动、“100场文明礼仪展示”示范活动、“100场志愿服务引领”示范活动。",
    "“十个100”文明实践志愿服务示范活动只是白银市开展文明实践活动",
    "◎ 重实践——多彩文明实践浸润百姓生活",
    "为全面推进党建引领“五治融合”德治建设和全国文明城市创建工作,白银市组织开展了“十个100”文明实践志愿服务示范活动,即"
     "“100场创新理论宣讲”示范活动、“100场红歌传唱”示范活动、“100场模范巡讲”示范活动、“100场美育课堂”示",
    "车”小程序和公众号,在线使用车位查询、车场导航、价格查询、时租付费、电子发票和消费信息查询功能,实现方便出行,体验智慧服"
     "务。",
    "如今,随着智慧管理的深入推进,白银市社会治理、民众生活等方面正在逐步改变,城市越来越好,市民的幸福感越来越强。",
    "评价考核全方位监管,提高了城市精细化管理水平。",
    "为有效解决“停车难”“停车乱”问题,白银市围绕服务信息化、收费智能化,依托互联网科技优势,在一些路段试点开启公共停车位智"
     "能化建设,不仅提升了停车收费效率,还改善了停车秩序和交通拥堵。此外,市民还可通过“白银智慧泊",
    "大数据等技术手段,整合现有城市管理资源,借助可视化、信息化手段,对市场外溢、流动摊点情况进行实时监控,如发现市管理问题,"
     "城市运行服务指挥中心立即调度附近队员前去处理,同时通过数字化城管平台生成案卷,交办相关职能部门及时处置,实现了从采集发现"
     "、全过程记录、指挥调度、处置上报、",
    "施缺失、事故隐患路段的排查和治理等工作,布设“六大类”景观小品,并持续开展“烟头不落地·城市更美丽”“我为创城洗洗脸·我"
     "为城市添光彩”“垃圾随手捡·文明天天见”等活动。",
    "◎ 重高效——智慧管理提升城市精细化管理水平",
    "今年以来,白银市加快智慧城管项目建设,充分运用云计算、",
    "全面提升城市文明程度和综合竞争力,努力把文明城市创建打造成经得起实践、群众和历史检验的民心工程、德政工程。",
    "告专项整治,让城市更加文明整洁、更加舒适宜居。",
    "此外,白银市还坚持从细节入手,加强城市公厕和无障碍设施达标建设、加强母婴室和爱心驿站户外工作室完善,以及道路交通设",
    "近年来,甘肃省白银市顺应经济社会发展的大趋势、人民追求美好生活的民心所向,奋力争创全国文明城市,把其与“实力、绿色、富裕"
     "、活力、幸福、平安”“六个新白银”建设紧密相连,抓重点、攻难点、创亮点,不断深化群众性精神文明创建活动,",
]


def test_reversed_article_longer_than_a_group_reads_from_its_first_column():
    """The 白银 article in eleven columns printed last column first, its first
    column (`近年来,甘肃省白银市…`, cut after `富裕`) printed last, right before
    the next article. Its columns are more than a group of the programme holds,
    so the group read in reverse takes in the columns beside it across their
    cuts: the article opens with that first column, and reads on through its
    sections in order."""
    _, arts = articles(page(*BAIYIN))
    assert len(arts) == 1
    ps = [p.text for p in arts[0].paragraphs]
    assert ps[0].startswith("近年来,甘肃省白银市") and ps[0].endswith("德政工程。")
    assert ps[1] == "告专项整治,让城市更加文明整洁、更加舒适宜居。"
    at = [next(k for k, p in enumerate(ps) if h in p) for h in ("重高效——", "重实践——")]
    assert 1 < at[0] < at[1] < len(ps) - 1
    assert ps[-1].endswith("全民化参与。")
