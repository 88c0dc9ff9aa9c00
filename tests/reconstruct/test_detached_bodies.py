"""Bodies detached from their headline and read into the article printed
before them, and lines cut from prose that open no article. Texts are from
the sample pages; the damage is made by hand as a layout export makes it."""
from __future__ import annotations

from .helpers import articles, page

# a headline with no body under it (its body printed after the next article),
# whose words its body hardly takes up
BAIYIN_MENTOUGOU = [
    "立足首善,全力谋划文明“大文章”",
    "朱凡 张东辉",
    "文明风起满眼新",
    "——甘肃白银全力推动文明城市创建工作不断迈向新高度",
    "白银宣",
    "近年来,甘肃省白银市顺应经济社会发展的大趋势、人民追求美好生活的民心所向,奋力争创全国文明城市,不断深化群众性"
    "精神文明创建活动,全面提升城市文明程度和综合竞争力。",
    "今年以来,白银市加快智慧城管项目建设,充分运用云计算、大数据等技术手段,整合现有城市管理资源,提高了城市精细化"
    "管理水平。",
    "此外,白银市还坚持从细节入手,加强城市公厕和无障碍设施达标建设,并持续开展“垃圾随手捡·文明天天见”等活动。",
    "全国文明城区创建,是一种理念、一种追求,更是一种实践、一种以人为本持之以恒提升城市整体水平的有效载体。",
    "面对创建全国文明城区这场大考,门头沟区坚定不移,勇往直前。",
    "春天的门头沟区,处处色彩斑斓。而在街头巷尾,随处可见的“绿马甲”,则是这座城市一抹最亮的色彩。",
    "在推进全国文明城区创建中,门头沟区持续深化“门头沟热心人”志愿服务队伍品牌建设。目前,全区有注册志愿者7.1万余人、"
    "2439支志愿服务队伍。",
]


def test_detached_body_read_into_the_next_article_is_cut_where_its_place_changes():
    """A headline without a body whose words hardly appear anywhere: the
    article printed under the next headline keeps naming one city (`白银市`),
    then, after a paragraph end, another district (`门头沟区`) it never named,
    and never again its own. One article stays in its place: the text from
    that paragraph on is the detached body."""
    _, arts = articles(page(*BAIYIN_MENTOUGOU))
    by_title = {a.title: a for a in arts}
    mentougou = by_title["立足首善,全力谋划文明“大文章”"]
    baiyin = by_title["文明风起满眼新"]
    assert [p.text[:8] for p in mentougou.paragraphs] == ["全国文明城区创建", "面对创建全国文明", "春天的门头沟区,",
                                                          "在推进全国文明城"]
    assert baiyin.paragraphs[-1].text.startswith("此外,白银市还坚持")


def test_line_cut_from_prose_over_a_story_opening_is_no_headline():
    """A short line opening with a sentence adverbial and stopping inside a
    clause (`如今,随着…等方面正`: the end of a column whose text goes on
    elsewhere) over a paragraph that introduces its province and city reads
    as cut prose: no article starts there."""
    _, arts = articles(page(
        "文明风起满眼新",
        "——甘肃白银全力推动文明城市创建工作不断迈向新高度",
        "白银宣",
        "今年以来,白银市加快智慧城管项目建设,充分运用云计算、大数据等技术手段,整合现有城市管理资源,提高了城市精细化"
        "管理水平。",
        "如今,随着智慧管理的深入推进,白银市社会治理、民众生活等方面正",
        "近年来,甘肃省白银市顺应经济社会发展的大趋势、人民追求美好生活的民心所向,奋力争创全国文明城市,不断深化群众性"
        "精神文明创建活动,全面提升城市文明程度和综合竞争力。",
        "此外,白银市还坚持从细节入手,加强城市公厕和无障碍设施达标建设,并持续开展“垃圾随手捡·文明天天见”等活动。",
    ))
    assert [a.title for a in arts] == ["文明风起满眼新"]
    assert arts[0].paragraphs[-1].text.startswith("此外,白银市还坚持")


def test_headline_after_its_body_over_a_detached_body_whose_lead_names_the_other_city():
    """A headline, then a news lead and its paragraph, then a second headline
    and another news lead. Both headlines share words with both texts
    (`党史学习教育`), but the first lead opens its story in the city the second
    headline names (`西宁`) and the first does not: that body is the second
    headline's, printed before it; the first headline's body is detached
    below."""
    _, arts = articles(page(
        "陕西合阳县多形式推动党史学习教育进校园",
        "本报讯(林洛)近期以来,青海省西宁市城西区古城台街道扎实推进党史学习教育。",
        "将党史学习教育融入作风建设、疫情防控、经济社会发展、城市建管、综合治理等重点工作中,以“我为群众办实事”为主题,"
        "广泛开展“新选任社区干部民情走访”活动,用心用情为群众办实事、解难题,推动党史学习教育走深走实。",
        "西宁市古城台街道 扎实推进党史学习教育",
        "本报讯(曹成)近日,陕西省渭南市合阳县以多种形式把党史学习教育融入青少年学习教育中,实现课堂内外、线上线下同频"
        "共振,让爱国主义精神代代相传。",
        "以传承为目标,优化学习效果。在青少年中培育“小小宣讲员”,围绕传统文化、红色故事、党史和政策理论知识进行培训。"
        "目前,合阳县已培养“小小宣讲员”20余名,在合阳县初心公园、烈士陵园等处为游客、市民、学生进行义务宣讲50余场。",
    ))
    by_title = {a.title: a for a in arts}
    assert by_title["陕西合阳县多形式推动党史学习教育进校园"].paragraphs[0].text.startswith("本报讯(曹成)")
    assert by_title["西宁市古城台街道 扎实推进党史学习教育"].paragraphs[0].text.startswith("本报讯(林洛)")


def test_detached_body_is_not_cut_inside_the_city_the_host_story_opens_in():
    """A headline without a body (`北京市密云区…智慧檀营`), then another article
    whose text keeps naming the city its opening paragraph introduces
    (`白银市`), then the detached body. Generic words of the first headline
    (`智慧`, `平台`) are found in the host's later paragraphs too, but a
    paragraph that names the host's city, which the detached headline never
    names, goes on with the host's story: the body is cut where the place
    changes (`檀营地区`)."""
    _, arts = articles(page(
        "北京市密云区：创新打造「三平台」推进「智慧檀营」建设",
        "文明风起满眼新",
        "白银宣",
        "近年来,甘肃省白银市顺应经济社会发展的大趋势、人民追求美好生活的民心所向,奋力争创全国文明城市,不断深化群众性"
        "精神文明创建活动,全面提升城市文明程度和综合竞争力。",
        "今年以来,白银市加快智慧",
        "城管项目建设,充分运用云计算、大数据等技术手段,整合现有城市管理资源,通过数字化城管平台生成案卷,交办相关职能部门"
        "及时处置,提高了城市精细化管理水平。",
        "为有效解决“停车难”“停车乱”问题,白银市围绕服务信息化、收费智能化,在一些路段试点开启公共停车位智能",
        "化建设,不仅提升了停车收费效率,还改善了停车秩序。市民还可通过“白银智慧泊车”小程序在线查询车位,体验智慧服务。",
        "如今,随着智慧管理的深入推进,白银市社会治理、民众生活等方面正在逐步改变,城市越来越好,市民的幸福感越来越强。",
        "檀营地区是密云新城核心区,辖区面积2.87平方公里,下辖三个社区八个小区。近年来,檀营地区坚持以城市管理为切入点,"
        "创新打造“三平台”,推进“智慧檀营”建设。",
        "创新打造“综合治理数据调度指挥平台”。为有效改善地区政务工作环境,檀营地区在密云区率先研发了综合治理数据调度指挥"
        "平台,整合电子政务办公系统、12345接诉即办工作、网格化管理等功能。",
        "下一步,檀营地区将以“三平台”智慧化建设为抓手,着力解决群众“急难愁盼”,不断提升群众获得感、幸福感和满意度。",
    ))
    by_title = {a.title: a for a in arts}
    baiyin = by_title["文明风起满眼新"]
    miyun = by_title["北京市密云区：创新打造「三平台」推进「智慧檀营」建设"]
    assert [p.text[:6] for p in baiyin.paragraphs] == ["近年来,甘肃", "今年以来,白", "为有效解决“", "如今,随着智"]
    assert [p.text[:6] for p in miyun.paragraphs] == ["檀营地区是密", "创新打造“综", "下一步,檀营"]


def test_detached_body_opens_where_its_headline_place_is_named():
    """Two headlines without their bodies (`北京市密云区…`, then `…北京怀柔区…`
    over another article), then the first one's body and the second one's.
    The second headline's words (`全国文明城区`, `民生`) are spread over both
    bodies, so cuts before and after its opening paragraph score nearly
    alike; but that paragraph names the district its headline names
    (`北京市怀柔区`), which neither the host's headline nor its opening
    does: it opens the second story, and the cut comes before it."""
    _, arts = articles(page(
        "北京市密云区：创新打造「三平台」推进「智慧檀营」建设",
        "聚焦民生“小事” 回应百姓关切 ——北京怀柔区创建全国文明城区为民办实事",
        "杨澜 张嘉哲",
        "河南省许昌市青年志愿者协会第一次会员大会召开",
        "本报讯(许文)7月11日,河南省许昌市青年志愿者协会第一次会员大会召开。",
        "檀营地区是密云新城核心区,辖区面积2.87平方公里,下辖三个社区八个小区,流动人口近1.5万人。",
        "这是群众通过居民服务掌上平台反映问题、解决诉求的一个缩影。",
        "开展文明行为宣传、进行文明培育、举办文明创建活动,不断提高群众文明素质,促进地区精神文明创建取得实实在在的效果。"
        "同时,也可对“社区通”等服务平台进行后台维护和管理,及时发布通知、消息,设置人员角色权限等,通过后台服务来推进社区"
        "管理和建设,助力地区发展。",
        "改造升级农贸市场、“多维度”治理社区、精细化整治背街小巷……自启动全国文明城区创建以来,北京市怀柔区立足综合性国家"
        "科学中心建设和首都功能承载地位,举全区之力、集全民之智,从群众最关心的问题抓起,按照集中攻坚、疏堵结合、长效管理的"
        "工作思路,把为民、利民、惠民体现在文明创建各方面,全力打造和谐宜居之城,让群众的幸福更有“质感”。",
        "改造升级农贸市场",
        "有人说,要想近距离地感受一座城市的文明指数,就要逛逛那里的农贸市场。",
        "运通盛世农贸市场是泉河街道老城区的“菜篮子”之一。",
        "运通盛世农贸市场只是怀柔区农贸市场改造升级的一个缩影。在推进全国文明城区创建中,怀柔区不断优化农贸市场卫生秩序和"
        "经营环境,全力做好全区农贸市场公厕、活禽售卖区、水产区等重点区域卫生保洁,保证食品安全。",
        "如何通过社区治理满足人民群众日益增长的美好生活需要?",
        "红螺家园社区安装智能充电桩只是怀柔探寻“多维度”社区治理的一个举措。在推进文明城区创建中,怀柔区主动适应新形势、"
        "新要求,引入多方力量完善社区治理体系,重点抓好垃圾分类和物业管理这两件“关键小事”,破解老旧小区、失管弃管小区物管"
        "难题。",
    ))
    by_title = {a.title: a for a in arts}
    miyun = by_title["北京市密云区：创新打造「三平台」推进「智慧檀营」建设"]
    huairou = by_title["聚焦民生“小事” 回应百姓关切"]
    assert [p.text[:6] for p in miyun.paragraphs] == ["檀营地区是密", "这是群众通过", "开展文明行为"]
    assert huairou.paragraphs[0].text.startswith("改造升级农贸市场、")
    assert huairou.paragraphs[-1].text.startswith("红螺家园社区")


# a detached headline over the next article, whose words its body hardly
# repeats (they stand in a news item below), but whose district it names
GONGSHU = [
    "让老街巷焕发新活力",
    "——杭州拱墅区深化新时代文明实践纪事",
    "陈静 王磊",
    "桥头村:“积分超市”激活乡村治理",
    "李晓燕",
    "入冬以来,桥头村的“积分超市”格外热闹。村民们拿着积分卡,排队兑换洗衣液、毛巾、大米等生活用品。"
    "“打扫庭院、参加志愿服务都能攒积分,积分还能换东西,大家干劲足了。”村民张大姐笑着说。",
    "据村党支部书记介绍,积分超市开张一年来,全村共有三百余户村民参与,累计兑换物品五千余件,"
    "村里的卫生死角少了,邻里纠纷也少了。",
    "走进拱墅区大关街道,老旧小区加装的电梯已经投入使用,楼道里整洁明亮。",
    "“以前楼道里堆满杂物,现在干干净净,住着舒心。”居民王阿姨说。拱墅区相关负责人表示,"
    "将持续推进老旧小区改造,让居民生活更舒心。",
    "与此同时,拱墅区还组建了一支千人志愿服务队伍,常态化开展文明劝导、垃圾分类宣传等活动。",
    "全市新时代文明实践工作推进会召开",
    "本报讯(赵明)11月20日,全市新时代文明实践工作推进会召开。会议要求,各地要深化新时代文明实践中心建设,"
    "推动文明实践活动常态化、特色化开展。",
]


def test_detached_body_found_by_the_district_its_headline_names():
    """The text after the village story's paragraph end keeps naming the
    district (`拱墅区`) that the bodiless headline's subtitle names and the
    village story's headline does not: it is the detached body, though few of
    that headline's other words come back in it."""
    _, arts = articles(page(*GONGSHU))
    by_title = {a.title: a for a in arts}
    assert [p.text[:7] for p in by_title["让老街巷焕发新活力"].paragraphs] == ["走进拱墅区大关", "“以前楼道里堆", "与此同时,拱墅"]
    assert [p.text[:7] for p in by_title["桥头村:“积分超市”激活乡村治理"].paragraphs] == ["入冬以来,桥头", "据村党支部书记"]


# a detached headline, another article below it, then a headline whose column
# opens with the detached headline's body before its own text
YUNYANG = [
    "郧阳区:好戏连台唱到百姓家门口",
    "城东社区开展消防安全演练",
    "本报讯(周洁)11月18日,城东社区联合辖区消防救援站开展消防安全演练,社区居民、物业人员等一百余人参加。",
    "演练中,消防员现场讲解了灭火器的使用方法,并指导居民进行实际操作。",
    "书香润万家",
    "——南阳宛城区推进全民阅读工作",
    "刘洋",
    "11月16日,随着豫剧《朝阳沟》选段在一个村的戏台上唱响,今年的送戏下乡演出圆满落幕。",
    "今年以来,郧阳区组织专业剧团深入乡镇,共演出八十余场,观众达五万余人次。郧阳区文化部门负责人表示,明年将继续送戏下乡。",
    "近日,宛城区新建的十处城市书房陆续开放,市民在家门口就能借书、读书,全民阅读有了新去处。",
    "宛城区还开展“书香家庭”评选活动,让书香飘进更多家庭。",
]


def test_detached_headline_takes_the_opening_printed_under_a_later_headline():
    """Two headlines with another article between them: the text printed
    under the later one opens with the earlier headline's story (`郧阳区`)
    and goes on with its own (`宛城区`, `全民阅读`). Its opening paragraphs
    are the earlier headline's body."""
    _, arts = articles(page(*YUNYANG))
    by_title = {a.title: a for a in arts}
    assert [p.text[:7] for p in by_title["郧阳区:好戏连台唱到百姓家门口"].paragraphs] == ["11月16日,", "今年以来,郧阳"]
    assert [p.text[:7] for p in by_title["书香润万家"].paragraphs] == ["近日,宛城区新", "宛城区还开展“"]


def test_a_district_named_like_a_town_part_is_a_place():
    """`柯城区` is a district; `文明城区`, `老城区` and `主城区` are no place names."""
    from generator.reconstruct.classify import localities
    assert localities("近年来,柯城区把文明城区创建融入老城区改造") == {"柯城区": 1}
    assert localities("主城区的交通更加顺畅") == {}
