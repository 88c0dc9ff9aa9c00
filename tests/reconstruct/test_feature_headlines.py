"""Headlines a feature page prints with no byline or news lead under them: a
feature's title over a scene opening that names its place in full later in
its first sentence, and a kicker set on the headline's line (before a place,
or over a commentary).
Each starts an article of its own, not a section of the article above. And
the places a text names, which tell which article a paragraph belongs to.
The page texts are written for the test in the phrasing of a county newspaper."""
from __future__ import annotations

from generator.reconstruct import classify as C

from .helpers import articles, page

GUARD = "临沂市兰山区“红马甲”守护学生放学路"
GUARD_LEAD = ("本报讯(沂文)“同学们,排好队,跟紧老师。”11月18日下午,在山东省临沂市兰山区一所小学门口,"
              "66岁的志愿者王桂兰举着小红旗,护送孩子们安全通过路口。她是兰山区“红马甲”护学队的一员。")
GUARD_MORE = ("据了解,兰山区“红马甲”护学队成立于2022年,由辖区退休职工、退休教师和热心居民组成,"
              "现有队员260余名,常年在全区42所中小学门口开展护学服务。")
GUARD_END = "“每天看着孩子们平平安安过马路,心里就踏实。”队员张立华说。"

BIRDS = "湖畔的“护鸟人”"
BIRDS_SCENE = ("深秋的清晨,湖面上水汽氤氲,江西省九江市永修县吴城镇“护鸟志愿队”的队员们已经沿着湖岸出发了。"
               "他们逐段巡查,看看有没有人私设鸟网、投放毒饵。")
BIRDS_MORE = ("这支志愿队成立于2020年,现有队员40余名,其中不少是退休职工和热心居民。"
              "“每天看着候鸟平平安安过冬,心里就踏实。”队员刘春生说。")


def test_feature_headline_over_a_scene_naming_a_new_place():
    """`湖畔的“护鸟人”` has no byline, place or colon, and the paragraph
    under it opens on a scene (`深秋的清晨,`) before it introduces its place in
    full (`江西省九江市永修县`), a city the article above never names: the line
    is a headline, not a section heading of the article above."""
    _, arts = articles(page(GUARD, GUARD_LEAD, GUARD_MORE, GUARD_END, BIRDS, BIRDS_SCENE, BIRDS_MORE))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {GUARD: [GUARD_LEAD, GUARD_MORE, GUARD_END], BIRDS: [BIRDS_SCENE, BIRDS_MORE]}


RIVER = "江畔的“引路人”"
RIVER_SCENE = ("每到周末,江边步道上人来人往,上海市徐汇区“滨江引路志愿队”的队员们已经在各个路口站好了岗。"
               "他们为游客指路、提醒骑行的市民减速慢行。")
RIVER_MORE = ("这支志愿队成立于2021年,现有队员90余名,其中不少是退休职工和热心居民。"
              "“看着游客高高兴兴地来、平平安安地走,心里就踏实。”队员陈国强说。")


def test_feature_headline_over_a_scene_naming_a_municipal_district():
    """A municipality's district named in full (`上海市徐汇区`) introduces a
    place as a province and city do: the line above the scene is a headline."""
    _, arts = articles(page(GUARD, GUARD_LEAD, GUARD_MORE, GUARD_END, RIVER, RIVER_SCENE, RIVER_MORE))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {GUARD: [GUARD_LEAD, GUARD_MORE, GUARD_END], RIVER: [RIVER_SCENE, RIVER_MORE]}


def test_scene_in_the_articles_own_place_stays_a_section():
    """A section heading over a scene set in the place the article already
    named (`临沂市`) stays a section heading of that article."""
    heading = "银发护学 温暖一路"
    scene = ("清晨的校门口,山东省临沂市兰山区的志愿者们早早站好了岗位,"
             "有的拿着小红旗,有的帮家长把孩子送进校门。")
    _, arts = articles(page(GUARD, GUARD_LEAD, GUARD_MORE, heading, scene, GUARD_END))
    assert [a.title for a in arts] == [GUARD]
    assert [p.text for p in arts[0].paragraphs][-2:] == [scene, GUARD_END]


WEDDING = "移风易俗在行动 忻州市忻府区倡导婚事简办"
WEDDING_LEAD = ("11月中旬,忻州市忻府区婚姻登记处举办了一场简约集体婚礼,16对新人在亲友的见证下"
                "许下承诺,不要彩礼、不摆酒席,以简朴的方式开启新生活。")
WEDDING_MORE = "近年来,忻府区大力推进移风易俗,把抵制高价彩礼、反对铺张浪费写入各村村规民约。"


def test_kicker_before_a_place_led_headline_on_one_line():
    """`移风易俗在行动 忻州市忻府区倡导婚事简办`: a kicker, a space, and a
    headline leading with a city and district, over text about that place,
    after a complete paragraph of another article: a headline."""
    _, arts = articles(page(GUARD, GUARD_LEAD, GUARD_MORE, GUARD_END, WEDDING, WEDDING_LEAD, WEDDING_MORE))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert set(got) >= {GUARD} and len(got) == 2
    assert got[GUARD] == [GUARD_LEAD, GUARD_MORE, GUARD_END]
    assert [WEDDING_LEAD, WEDDING_MORE] in got.values()


def test_preposition_before_a_place_is_no_part_of_its_name():
    """`在日照市东港区的海滨步道上`: the city is 日照市, as `山东省日照市` names it
    in the next paragraph, not `在日照市`; a scene set in a place must count as
    naming it when paragraphs are assigned to articles by their places."""
    assert C.localities("在日照市东港区的海滨步道上,到临沂市罗庄区参观") == \
        {"日照市": 1, "东港区": 1, "临沂市": 1, "罗庄区": 1}


CLINIC = "乡镇卫生院的“夜班灯”"
CLINIC_SCENE = ("晚上9点,安徽省金寨县双河镇卫生院的值班室里依然亮着灯。值班医生陈晓燕刚给一位发烧的孩子量完体温,"
                "又转身去查看输液室里的老人。")
CLINIC_MORE = ("今年以来,卫生院实行24小时值班制度,夜间急诊接诊患者1300余人次。"
               "“以前晚上孩子发烧,要赶几十里山路去县城,现在家门口就能看。”村民汪德兵说。")


def test_feature_headline_over_an_evening_scene_naming_a_province_and_county():
    """`晚上9点,` opens a scene as `傍晚时分,` does, and `安徽省金寨县`
    introduces a place in full as a province and city do (a county the
    province names directly): the line above the scene heads a new article,
    not a section of the article above."""
    _, arts = articles(page(GUARD, GUARD_LEAD, GUARD_MORE, GUARD_END, CLINIC, CLINIC_SCENE, CLINIC_MORE))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {GUARD: [GUARD_LEAD, GUARD_MORE, GUARD_END], CLINIC: [CLINIC_SCENE, CLINIC_MORE]}


def test_a_province_and_its_county_name_a_place_in_full():
    assert C.scene_place("早上7点,江西省万安县人民医院门诊大厅已经人来人往。") == "万安"
    assert C.opens_article("近日,内蒙古自治区杭锦旗举办首届牧民冬季运动会。")
    assert C.story_places("近日,江西省万安县五丰镇举办农民丰收节。") == ("万安",)
    assert C.story_places("近日,浙江省衢州市柯城区举办邻里节。") == ("衢州", "柯城")


STATION = "社区里的“暖心驿站”"
STATION_LEAD = ("“师傅,进来喝口热水歇歇脚吧!”11月20日上午,在湖南省岳阳市岳阳楼区五里牌街道,"
                "社区工作人员招呼路过的环卫工人走进新建成的“暖心驿站”。")
STATION_MORE = ("驿站里配备了饮水机、微波炉、充电插座和常用药品,每天早7点至晚8点开放。"
                "目前,街道已建成这样的驿站6个,日均服务户外劳动者200余人次。")


def test_headline_over_a_dated_lead_setting_its_new_place():
    """A quote, then a date, then `在湖南省岳阳市…`: a news lead sets its
    place after saying when, so the place is introduced in full there too
    (only a paragraph that opens on `在…` is set in a place the way a
    round-up's paragraphs are): the line above heads a new article."""
    _, arts = articles(page(GUARD, GUARD_LEAD, GUARD_MORE, GUARD_END, STATION, STATION_LEAD, STATION_MORE))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {GUARD: [GUARD_LEAD, GUARD_MORE, GUARD_END], STATION: [STATION_LEAD, STATION_MORE]}
    assert C.scene_place("在江苏省南京市,志愿者走进社区开展义诊。") is None


FERRY = "江边的“摆渡人”"
FERRY_SCENE = ("早上6点,江面上薄雾未散,周德顺已经把渡船擦得干干净净,等着第一批过江赶集的乡亲。"
               "这条航线他一跑就是三十年,风雨无阻。")
FERRY_MORE = ("渡口两岸住着400多户人家,赶集、看病都要坐船。"
              "去年镇里为渡船换装了救生设备,还修缮了码头的候船亭。")


def test_feature_headline_over_a_morning_scene():
    """`早上6点,` opens a feature's scene as `清晨` does: a line the text
    above never names, over such a scene about other things, heads a new
    article (the usual time-of-day openings include `早上` and `晚上`)."""
    _, arts = articles(page(GUARD, GUARD_LEAD, GUARD_MORE, GUARD_END, FERRY, FERRY_SCENE, FERRY_MORE))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {GUARD: [GUARD_LEAD, GUARD_MORE, GUARD_END], FERRY: [FERRY_SCENE, FERRY_MORE]}


FAIR = "衢州市柯城区举办第三届邻里文化节"
FAIR_LEAD = ("本报讯(柯宣)11月18日,衢州市柯城区第三届邻里文化节在府山街道开幕。"
             "来自全区各社区的20支文艺队伍带来了舞蹈、越剧、快板等节目。")
FAIR_MORE = "据了解,本届文化节将持续一个月,期间还将举办邻里美食大赛、家风故事会、旧物交换集市等活动。"
CIVIL = "喜迎二十大 让文明新风吹进千家万户"
CIVIL_OPENING = ("文明是一座城市的气质,也是群众看得见、摸得着的获得感。走进大街小巷,整洁的路面、"
                 "有序的车辆、热情的志愿者,处处都是文明的风景。")
CIVIL_END = "文明创建没有休止符,只有连续不断的新起点。唯有久久为功,才能让文明成为每一位市民的自觉行动。"


def test_kicker_and_headline_on_one_line_head_an_article_not_a_section():
    """`喜迎二十大 让文明新风吹进千家万户`: a short slogan, a space, and a longer
    headline, over a commentary naming no place, after a news story's last
    paragraph. A section heading carries no kicker: the line heads its own
    article rather than a section of the story above."""
    _, arts = articles(page(FAIR, FAIR_LEAD, FAIR_MORE, CIVIL, CIVIL_OPENING, CIVIL_END))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {FAIR: [FAIR_LEAD, FAIR_MORE], CIVIL: [CIVIL_OPENING, CIVIL_END]}


def test_a_series_of_two_phrase_section_headings_stays_headings():
    """`压实责任 答好文明创建“组织卷”` and `创新载体 答好文明创建“服务卷”`: two
    phrases parted by a space, the second longer, but built alike in a series:
    an article's section headings, not kickers over headlines of their own."""
    h1, h2 = "压实责任 答好文明创建“组织卷”", "创新载体 答好文明创建“服务卷”"
    duty = "柯城区成立由区委主要领导任组长的工作专班,把文明创建任务细化分解到各部门各街道。"
    forms = "各街道结合实际开展“邻里守望”“文明餐桌”等特色活动,让群众在参与中感受文明。"
    _, arts = articles(page(FAIR, FAIR_LEAD, h1, duty, h2, forms))
    assert [a.title for a in arts] == [FAIR]
    assert [(p.type, p.text) for p in arts[0].paragraphs] == [
        ("p", FAIR_LEAD), ("heading", h1), ("p", duty), ("heading", h2), ("p", forms)]


LIFT = "让老旧小区加装电梯不再“难上难”"
LIFT_BYLINE = "本报记者 李晓燕"
LIFT_TURNS = [
    "今年以来,我市老旧小区加装电梯工作明显提速,已有126部电梯投入使用。围绕加装电梯中的难点堵点,"
    "记者采访了市住房和城乡建设局负责人周海涛。",
    "记者:加装电梯最难的是哪一步？",
    "周海涛:最难的是协调低层住户的意见。一楼住户用不上电梯,还担心采光和噪音,我们推行“一梯一议”,"
    "由社区和业主代表一起上门做工作。",
    "记者:加装电梯的资金从哪里来？",
    "周海涛:目前采取财政补贴、业主分摊和提取公积金相结合的办法,每部电梯最高补贴20万元,"
    "业主还可以提取住房公积金支付自己分摊的部分。",
]
STALLS = "以“绣花功夫”守护城市“烟火气”"
STALLS_TEXT = [
    "城市管理,既要有大刀阔斧的魄力,也要有“绣花功夫”的耐心。街边的早点摊、夜市的小吃档,"
    "承载着市民最真实的生活,也是一座城市“烟火气”的来源。",
    "守护“烟火气”,不是放任不管。占道经营、油烟扰民、垃圾遍地,同样让群众烦心。关键是划定区域、"
    "定时定点,让摊贩有序经营,让街巷干净整洁。",
    "说到底,“绣花功夫”绣的是民生。把每一处细节管好,城市的“烟火气”才能与文明风尚相得益彰。",
]


def test_commentary_headline_after_an_interview():
    """A commentary's headline (`以“绣花功夫”守护城市“烟火气”`) has no byline,
    place or news lead under it, and the text under it opens on an argument, not
    a scene; but that whole text takes up the line's words, and it shares hardly
    any of its rarer words with the interview above (lifts, owners, subsidies):
    the line heads an article of its own, not a section of the interview."""
    _, arts = articles(page(LIFT, LIFT_BYLINE, *LIFT_TURNS, STALLS, *STALLS_TEXT))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {LIFT: LIFT_TURNS, STALLS: STALLS_TEXT}


PAPERCUT = "古村里的“剪纸课”"
PAPERCUT_SCENE = ("剪刀翻飞,红纸轻转。11月16日上午,山西省临汾市浮山县北王乡的村史馆里暖意融融,"
                  "剪纸艺人李秀英正手把手教十几名村民剪“福”字窗花。")
PAPERCUT_MORE = ("浮山剪纸已有数百年历史,过去几乎家家户户都会剪。这几年,乡里把剪纸课开进村史馆,"
                 "每周开课两次,学员从七八岁的孩子到七十多岁的老人都有。")


def test_feature_headline_over_a_brief_lede_then_its_date_and_place():
    """A feature may open on a brief mood-setting sentence (`剪刀翻飞,红纸轻
    转。`) before the one that says when and where (`11月16日上午,山西省临汾
    市浮山县…`): the place is introduced in full all the same, so the line
    above heads a new article, not a section of the story above."""
    _, arts = articles(page(GUARD, GUARD_LEAD, GUARD_MORE, GUARD_END, PAPERCUT, PAPERCUT_SCENE, PAPERCUT_MORE))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {GUARD: [GUARD_LEAD, GUARD_MORE, GUARD_END], PAPERCUT: [PAPERCUT_SCENE, PAPERCUT_MORE]}
    assert C.story_places(PAPERCUT_SCENE) == ("临汾", "浮山")
    # (a sentence ending a paragraph's first column is no brief lede: no date follows it)
    assert not C.opens_article("台下掌声不断。山西省临汾市浮山县的剪纸艺人李秀英也来了。")
