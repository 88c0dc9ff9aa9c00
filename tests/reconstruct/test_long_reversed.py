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


# written for the test: a feature in eleven columns printed last column first,
# then the next article
RED_VESTS = [
    "“红马甲”撑起社区治理一片天",
    "续壮大志愿服务队伍,完善激励保障机制,让“红马甲”成为社区治理中最亮丽的风景线。",
    "超过5万人次。",
    "宣讲队还把课堂搬到了学校。队员们走进中小学,给孩子们讲红色故事、教文明礼仪,让文明的种子在孩子们心中生根发芽。不少家长说"
     ",孩子回家后会主动提醒大人过马路走斑马线、不乱扔垃圾。",
    "志愿红,温暖一座城。红旗区相关负责人表示,将持",
    "言,讲政策、讲法规、讲身边的好人好事,把移风易俗、垃圾分类、反诈防骗等内容编成快板、小品,寓教于乐。",
    "“以前觉得垃圾分类麻烦,听了几次宣讲,现在全家人都养成了习惯。”居民赵红梅说。今年以来,宣讲队共开展宣讲活动320余场,"
     "受众",
    "据统计,今年以来全区各社区调解室共受理各类纠纷460余起,调解成功率达到96%,真正做到了小事不出楼栋、大事不出社区。",
    "◎ 文明宣讲,把新风吹进千万家",
    "每到周末,“红马甲”宣讲队就活跃在社区广场、小区楼院。他们用群众听得懂的语",
    "让居民有话好好说、有事商量着办。",
    "退休法官陈国平是调解室的常客。去年冬天,两户居民因为暖气管道漏水互不相让,陈国平三次上门,摆事实、讲法律、谈感情,最终双"
     "方握手言和。“把道理讲透,把心结打开,问题就解决了一大半。”陈国平说。",
    "时间协调解决。",
    "◎ 调解纠纷,把矛盾化解在萌芽",
    "邻里之间难免磕磕碰碰。楼上漏水、噪音扰民、宠物伤人……这些看似鸡毛蒜皮的小事,处理不好就容易激化矛盾。为此,红旗区在每个"
     "社区设立“红马甲”调解室,邀请有威望的老党员、退休法官担任调解员,",
    "打扫卫生、陪她聊天。“小王比亲闺女还贴心,有她在,我心里踏实。”张秀英说。",
    "像这样的结对帮扶,在红旗区已有1300余对。各社区为独居、高龄、残疾等特殊群体建立服务台账,由志愿者定期上门走访,及时了"
     "解老人的生活需求和身体状况,遇到困难第一",
    "访4.2万余人次,发现并推动解决各类问题1800余件,问题平均处置时间由过去的5天缩短到2天以内。",
    "◎ 结对帮扶,把温暖送到家门口",
    "在向阳社区,83岁的独居老人张秀英腿脚不便,志愿者王丽每周都会上门两三次,帮她买菜、",
    "“红马甲”队员们最常做的事,就是在楼栋之间走一走、看一看。楼道里堆放的杂物、松动的井盖、闪烁的路灯,都逃不过他们的眼睛。"
     "发现问题后,队员们通过手机随手拍上传到社区网格平台,由社区统一派单,相关部门限时处置。",
    "今年以来,全区“红马甲”累计开展巡查走",
    "年。",
    "近年来,河南省新乡市红旗区把志愿服务作为基层治理的重要抓手,组建起一支以党员、退休干部和热心居民为主体的“红马甲”志愿服"
     "务队伍,让群众身边的大事小情有人管、有人问、有人办。",
    "◎ 巡查走访,把问题发现在一线",
    "清晨6点半,天刚蒙蒙亮,家住城关街道的退休工人刘建华就穿上红色马甲,拿着登记本来到小区门口。查看消防通道是否畅通、提醒早"
     "起锻炼的居民注意安全、帮保洁员把垃圾桶推到路边,这一套“规定动作”他已经坚持了整整三",
    "老街巷焕新颜",
    "本报讯 近日,江苏省扬州市广陵区完成12条背街小巷改造提升工程,居民出行环境明显改善。改造中,该区坚持“一巷一策”,先征"
     "求居民意见再定方案,让老街巷既留住了烟火气,又换上了新面貌。",
]


def test_reversed_article_read_in_reverse_at_both_ends_is_one_article():
    """The 红马甲 article in eleven columns printed last column first: the
    programme reads its last columns (printed first) in reverse, and its
    first columns (printed last, right above the next headline), but nothing
    in the columns between says which way they read. Taken whole, through the
    columns between, the article reads best in reverse: it opens with its
    scene (`清晨6点半,…`), reads on through its three sections in order, and
    ends with what comes next (`志愿红,温暖一座城。…`)."""
    _, arts = articles(page(*RED_VESTS))
    red = [a for a in arts if a.title == RED_VESTS[0]]
    assert len(red) == 1
    ps = [p.text for p in red[0].paragraphs]
    assert len(ps) == 17
    assert ps[0].startswith("清晨6点半") and ps[0].endswith("他已经坚持了整整三年。")
    assert ps[1].startswith("近年来,河南省新乡市红旗区")
    at = [ps.index(h) for h in ("◎ 巡查走访,把问题发现在一线", "◎ 结对帮扶,把温暖送到家门口",
                                  "◎ 调解纠纷,把矛盾化解在萌芽", "◎ 文明宣讲,把新风吹进千万家")]
    assert at == sorted(at)
    assert "遇到困难第一时间协调解决。" in ps[at[2] - 1]
    assert ps[-1].startswith("志愿红,温暖一座城。") and ps[-1].endswith("最亮丽的风景线。")
