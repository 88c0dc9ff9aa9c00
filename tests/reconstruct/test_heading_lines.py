"""Lines a feature article's layout prints as headings and headlines, whatever
words they use: a marked section heading ending on a quoted phrase, a headline
whose last word the next paragraph's first character happens to extend, and a
headline printed right under another article's byline. The page texts are
written for the test in the phrasing of a county newspaper's features."""
from __future__ import annotations

from .helpers import articles, page

TITLE = "积分换来好乡风"
BYLINE = "郑文华"
OPENING = ("近年来,浙江省丽水市莲都区把文明积分作为推进乡村治理的有效抓手,在全区行政村推行"
           "“文明积分”制度,让群众从文明创建的“旁观者”变成“参与者”。")
RULES = ("“积分怎么评,村民说了算。”这是莲都区推行文明积分之初定下的原则。各村召开村民代表大会,"
         "结合村情讨论确定具体细则。")
REVIEW = "积分制度能否管用,关键在于公平公正。群众对积分有异议的,可随时向村务监督委员会反映。"


def test_marked_heading_ending_on_a_quoted_phrase_stays_a_heading():
    """`◎定标准——把文明要求细化成“一本账”` does not end a sentence, but a line
    opening with a heading mark is a section heading: the paragraph under it
    is not its continuation."""
    h1, h2 = "◎定标准——把文明要求细化成“一本账”", "◎严评议——让每一分都“晒在阳光下”"
    _, arts = articles(page(TITLE, BYLINE, OPENING, h1, RULES, h2, REVIEW))
    assert [a.title for a in arts] == [TITLE]
    assert [(p.type, p.text) for p in arts[0].paragraphs] == [
        ("p", OPENING), ("heading", h1), ("p", RULES), ("heading", h2), ("p", REVIEW)]


FISH = "长江岸边的“护鱼人”"
FISH_BYLINE = "向东 覃晓丽"
FISH_BODY = ("初冬的清晨,江面上薄雾未散,湖北省宜昌市夷陵区乐天溪镇“护鱼志愿队”的队员们已经驾着巡逻船"
             "出发了。他们沿着长江岸线逐段巡查,查看是否有非法垂钓、偷捕渔获等行为。")
FISH_MORE = "这支志愿队成立于长江十年禁渔全面实施之后,最初的12名队员中有9人是退捕上岸的渔民。"
FAMILY = "醴陵市开展“好家风进万家”系列活动"
FAMILY_LEAD = ("家是最小国,国是千万家。今年以来,湖南省醴陵市以“传承好家风 涵养新风尚”为主题,"
               "在全市开展“好家风进万家”系列活动,引导广大家庭把好家训融入日常生活。")
FAMILY_MORE = "醴陵市还把家风建设与文明家庭创建结合起来,今年共评选出市级“最美家庭”50户。"


def test_headline_under_a_detached_byline_opens_its_own_article():
    """A headline and byline whose body is printed further down, then another
    headline (a place and an event) over its own text. The line under the
    byline is that article's headline, and `…系列活动|家是最小国` is no word
    cut in two (活动家 only adds the next paragraph's first character to the
    headline's last word)."""
    _, arts = articles(page(FISH, FISH_BYLINE, FAMILY, FAMILY_LEAD, FAMILY_MORE, FISH_BODY, FISH_MORE))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {FISH: [FISH_BODY, FISH_MORE], FAMILY: [FAMILY_LEAD, FAMILY_MORE]}



BLUE = "“志愿蓝”点亮海滨城"
BLUE_SCENES = ("在日照市东港区的海滨步道上,总能看到身穿蓝色马甲的志愿者弯腰捡拾垃圾、为游客指路;"
               "在校园门口,“护学岗”志愿者风雨无阻守护孩子们的上学路……")
BLUE_WEEKEND = ("每逢周末,家住石臼街道的退休教师潘玉华都会准时来到社区志愿服务站领取任务单。"
                "她已经连续4年参加社区志愿服务,累计服务时长超过1300小时。")
BLUE_MORE = "近年来,日照市坚持把志愿服务作为新时代文明实践的重要载体,一抹抹“志愿蓝”成为这座城市的底色。"


def test_scene_setting_opening_starts_a_paragraph():
    """A feature's paragraph of scenes may end on `……`; the next one opens on a
    scene of its own (`每逢周末,` like `傍晚时分,` or `初冬的清晨,`): two
    paragraphs, not one cut at a clause."""
    _, arts = articles(page(BLUE, BLUE_SCENES, BLUE_WEEKEND, BLUE_MORE))
    assert [[p.text for p in a.paragraphs] for a in arts] == [[BLUE_SCENES, BLUE_WEEKEND, BLUE_MORE]]


SCENE = ("清晨7点,莲都区碧湖镇的村民徐桂芳拎着扫帚把自家门前的小路扫得干干净净。“扫一扫、理一理,"
         "积分本上就能添两分,月底还能到积分超市换袋洗衣粉。”她笑着说。")
MARKED = "◎定标准——把文明要求细化成“一本账”"
CUT_RULES = "“积分怎么评,村民说了算。”这是莲都区推行文明积分之初定下的"
CUT_RULES_END = "原则。各村召开村民代表大会,结合村情讨论确定具体细则。"


def test_feature_opening_scene_and_the_paragraph_introducing_its_place_stay_together():
    """A feature opens on a scene (`清晨7点,莲都区碧湖镇…`), and its next
    paragraph introduces the place in full (`近年来,浙江省丽水市莲都区…`), as a
    news story's first paragraph does. The scene named the district already:
    the same story goes on, not a new one for a headline printed without its
    body (the one above)."""
    _, arts = articles(page(FISH, FISH_BYLINE, TITLE, BYLINE, SCENE, OPENING, MARKED, CUT_RULES, CUT_RULES_END,
                            REVIEW, FISH_BODY, FISH_MORE))
    got = {a.title: [(p.type, p.text) for p in a.paragraphs] for a in arts}
    assert got[TITLE] == [("p", SCENE), ("p", OPENING), ("heading", MARKED), ("p", CUT_RULES + CUT_RULES_END),
                          ("p", REVIEW)]
    assert got[FISH] == [("p", FISH_BODY), ("p", FISH_MORE)]


def test_the_whole_opening_scene_counts_when_a_column_cut_it():
    """The same, with the opening scene cut at a column end: its last piece
    (`…换袋洗衣粉。”她笑着说。`) does not name the district, the scene does."""
    cut = SCENE.index("前的小路")
    _, arts = articles(page(FISH, FISH_BYLINE, TITLE, BYLINE, SCENE[:cut], SCENE[cut:], OPENING, MARKED,
                            CUT_RULES, CUT_RULES_END, REVIEW, FISH_BODY, FISH_MORE))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got[TITLE] == [SCENE, OPENING, MARKED, CUT_RULES + CUT_RULES_END, REVIEW]
    assert got[FISH] == [FISH_BODY, FISH_MORE]


CULTURE = "让文化惠民“活水”流进群众心田"
CULTURE_SCENE = ("初冬的清晨,宜宾市翠屏区合江门广场上音乐响起,广场舞队、川剧票友、快板爱好者各占一角;"
                 "不远处的城市书房里,市民们安静地翻阅书籍,座无虚席。")
CULTURE_MORE = "近年来,翠屏区新建城市书房、文化驿站一百余个,川剧、快板等演出每周不断,市民在家门口就能看戏读书。"


def test_headline_over_a_scene_setting_opening():
    """After an article's last, complete paragraph, a line the text above never
    names, over a paragraph opening the way a feature does (`初冬的清晨,`), is
    the next article's headline, not a section heading."""
    _, arts = articles(page(FAMILY, FAMILY_LEAD, FAMILY_MORE, CULTURE, CULTURE_SCENE, CULTURE_MORE))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {FAMILY: [FAMILY_LEAD, FAMILY_MORE], CULTURE: [CULTURE_SCENE, CULTURE_MORE]}


CRAFT = "竹篾编出新日子"
CRAFT_BYLINE = "本报记者 周明远"
CRAFT_OPENING = ("走进浙江省衢州市龙游县溪口镇的老街,青石板路两旁挂满了竹篮、竹灯和竹编屏风。几位老匠人坐在屋檐下"
                 "破篾编织,手指翻飞间,一只精巧的果篮渐渐成形。")
CRAFT_MORE = ("龙游竹编是省级非物质文化遗产。前些年,年轻人大多外出务工,老街一度冷清。2021年起,溪口镇引导老匠人"
              "开设工作室,把老手艺和乡村旅游结合起来,老街重新热闹起来。")
CRAFT_HEADING = "“小课堂”开进农家院"
CRAFT_CLASS = ("每逢周末,镇中心小学的孩子们便背着书包来到何建国家的院子里,跟着他学劈篾、编底、收口。"
               "68岁的何建国说:“孩子们愿意学,我就愿意教。”")
CRAFT_CLASS_MORE = "今年以来,小课堂已开课40余次,参加的中小学生有600多人次,不少家长也跟着孩子一起学。"
FIRE = "城南社区开展冬季消防安全检查"
FIRE_LEAD = ("本报讯 11月18日,城南社区联合辖区派出所、消防救援站,对沿街商铺、出租房和老旧楼道开展冬季消防安全检查,"
             "排查整改隐患23处。")
FIRE_MORE = "检查中,工作人员向商户发放消防安全提示卡,现场演示灭火器的使用方法。"


def test_section_of_a_bylined_feature_that_sets_no_scene_stays_a_heading():
    """A reporter's feature turns to another topic under an unmarked heading
    (`“小课堂”开进农家院`): the text under it shares few words with the text
    above, but it says neither when nor in which city: it goes on where the
    feature is set, so the line is the feature's section heading."""
    _, arts = articles(page(CRAFT, CRAFT_BYLINE, CRAFT_OPENING, CRAFT_MORE, CRAFT_HEADING, CRAFT_CLASS,
                            CRAFT_CLASS_MORE, FIRE, FIRE_LEAD, FIRE_MORE))
    assert [a.title for a in arts] == [CRAFT, FIRE]
    assert [(p.type, p.text) for p in arts[0].paragraphs] == [
        ("p", CRAFT_OPENING), ("p", CRAFT_MORE), ("heading", CRAFT_HEADING), ("p", CRAFT_CLASS),
        ("p", CRAFT_CLASS_MORE)]


def test_story_setting_its_own_scene_under_a_bylined_feature_keeps_its_headline():
    """The same feature, then an unbylined story whose first paragraph says
    when and where (`11月16日晚,湖南省常德市…`): a headline of its own."""
    library = "“夜读课堂”开进图书馆"
    opening = ("“下班以后也能来听课、看书了。”11月16日晚,湖南省常德市图书馆三楼报告厅里座无虚席,"
               "市民们正跟着讲师品读唐诗宋词。")
    more = "今年9月起,常德市图书馆每周三晚开设夜读课堂,已累计举办32期,吸引读者4000余人次。"
    _, arts = articles(page(CRAFT, CRAFT_BYLINE, CRAFT_OPENING, CRAFT_MORE, library, opening, more,
                            FIRE, FIRE_LEAD, FIRE_MORE))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {CRAFT: [CRAFT_OPENING, CRAFT_MORE], library: [opening, more], FIRE: [FIRE_LEAD, FIRE_MORE]}


SEA = "守护一湾碧水"
SEA_BYLINE = "本报记者 林海涛"
SEA_OPENING = "近年来,福建省宁德市霞浦县把海漂垃圾治理作为改善近岸海域环境的重要抓手,组建专业队伍常态化巡海保洁。"
SEA_SECTIONS = ["一、专业队伍天天巡", "全县组建海上环卫队伍12支,配备保洁船只46艘,每天在重点海湾巡回打捞,做到垃圾日产日清。",
                "二、渔民自觉护海湾", "不少渔民主动把生活垃圾带回岸上集中处理,还当起了护海宣传员,向游客讲解海洋保护知识。"]


def test_headline_over_a_quotation_that_then_names_its_place_in_full():
    """After a feature run in numbered sections, an unmarked line over a story
    that opens on a quotation and only then says where (`“…浇水。”11月17日,
    在江苏省常州市天宁区…`): the place is introduced in full in the first
    sentence after the quotation, so the line heads a new article, not a
    third section of the feature."""
    garden = "闲置空地变身“共享菜园”"
    opening = ("“以前这块地堆满了建筑垃圾,一到夏天蚊子成群。现在种上了青菜和辣椒,大家都抢着来浇水。”"
               "11月17日,在江苏省常州市天宁区红梅街道的一处小区里,居民王秀英指着菜园说。")
    more = "这片菜园由闲置空地改造而成,划分为30个小地块,由居民认领种植,收获的蔬菜一部分送给小区里的独居老人。"
    _, arts = articles(page(SEA, SEA_BYLINE, SEA_OPENING, *SEA_SECTIONS, garden, opening, more))
    assert [a.title for a in arts] == [SEA, garden]
    assert [p.type for p in arts[0].paragraphs] == ["p", "heading", "p", "heading", "p"]
    assert [p.text for p in arts[1].paragraphs] == [opening, more]
