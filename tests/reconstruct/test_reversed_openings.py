"""Reversed articles whose text itself tells where they open and where they
do not: a paragraph that introduces its place in full (province and city, as
the first sentence of a news story does) opens the article, and a text that
closes a quotation it never opened starts mid-sentence, nor does a paragraph
that refers back to something said before it (`这是…的一个缩影`, `此外,`). Texts
are from the sample pages or written for the tests; the columns are printed
last column first by hand, as a layout export prints them."""
from __future__ import annotations

from generator.reconstruct.columns import FOLLOW_UP_RE, POINTS_BACK_RE

from .helpers import articles, page

NANPING = [
    "福建南平：凝聚创建合力奏响齐抓共管大乐章",
    "为越来越多普通市民的共识。目前,全市共有34人获评“中国好人”,89人获评“福建好人”,76人获评“南平好人”。共有全国"
    "道德模范(含提名奖)6人、省级道德模范9人、市级道德模范223人。全市共荣获全国学雷锋志愿服务“四个100”先进典型6个"
    ",荣获省级学雷锋志愿服务“四最美”先进典型共34个;认定三星级志愿者155人、四星级志愿者83人、五星级志愿者21人。",
    "近年来,福建省南平市着力打通“监督渠道”,优化“投诉流程”,出台“激励方案”,充分发挥党员志愿者、青年志愿者和巾帼志愿者"
    "先锋模范作用,引导广大市民参与创建、支持创建、满意创建。",
    "引导广大市民争做“文明监督员”。今年以来,南平市建好用好数字化12345投诉平台,划拨10个事业编制成立南平市12345"
    "政务服务便民热线中心,开辟创建投诉通道,并向全社会“张榜公布”,对涉及创建全国文明城市的问题建立台账清单,实行跟踪处理,"
    "不断提高群众对创建工作的满意度。同时,南平广播电视台开设“不文明行为曝光台”,由市城管局、公安局、文旅局等职能部门和广大"
    "市民提供不文明交通、不文明旅游、不文明晾晒、不文明遛狗、占道经营、乱扔杂物等行为的照片和视频,每周集中曝光1期,目前累计"
    "曝光6期。",
    "引导广大市民争做“文明示范者”。南平市直各单位每周约1000人次开展“文明交通”“清洁家园”“文明条例宣传”等主题志愿服"
    "务活动。全市1867个新时代文明实践站,4930支志愿服务队伍,累计开展志愿服务活动104844场次,“有困难找志愿者,"
    "有时间做志愿者”成",
]


def test_reversed_article_opens_with_the_paragraph_naming_its_province_and_city():
    """The 南平 article in two columns printed last column first, with no cut
    between them: the text under the headline (`为越来越多普通市民的共识。…`)
    is its last column, and its first column opens `近年来,福建省南平市…`, the
    place named in full as a news story's first sentence names it. That
    opening tells the reading: first column first, its last sentence
    (`…有时间做志愿者”成`) going on in the column printed under the headline."""
    _, arts = articles(page(*NANPING))
    assert len(arts) == 1
    ps = [p.text for p in arts[0].paragraphs]
    assert ps[0].startswith("近年来,福建省南平市")
    assert ps[1].startswith("引导广大市民争做“文明监督员”") and ps[2].startswith("引导广大市民争做“文明示范者”")
    assert ps[-1].endswith("五星级志愿者21人。") and "有时间做志愿者”成为越来越多普通市民的共识" in ps[-1]


BAIYIN = [
    "文明风起满眼新",
    "白银宣",
    "文明天天见”等活动。",
    "“十个100”文明实践志愿服务示范活动只是白银市开展文明实践活动的缩影。近年来,白银市整合资源,聚焦学习实践科学理论、宣"
    "讲党的政策、丰富活跃文化生活等,组织开展了形式多样的文明实践活动。",
    "为不断扩大文明实践的覆盖面,白银市不断完善活动机制,把握群众需求,畅通群众参与渠道,构建点多面广、功能完备的文明实践服务"
    "圈。同时,紧扣乡村振兴战略实施、政务服务改革、基层社会治理等党委和政府重点任务,大力推行“网格员接单—一村社报单—镇街领"
    "单—县级中心派单—服务队履单—群众评单”的“六单”精准服务模式,扎实开展理论宣讲、文艺文化、移风易俗、扶贫帮困等志愿服务"
    "活动。此外,按照“一乡镇一品牌,一村社一特色”的工作标准,各县区集中打造3至5个示范实践所,8至10个示范实践站,深根厚"
    "植“文明集市”品牌,推动文明实践整体化运作,个性化服务,全民化参与。",
    "近年来,白银市顺应经济社会发展的大趋势、人民追求美好生活的民心所向,奋力争创全国文明城市,把其与“实力、绿色、富裕、活力"
    "、幸福、平安”“六个新白银”建设紧密相连,抓重点、攻难点、创亮点,不断深化群众性精神文明创建活动,全面提升城市文明程度和"
    "综合竞争力,努力把文明城市创建打造成经得起实践、群众和历史检验的民心工程、德政工程。",
    "告专项整治,让城市更加文明整洁、更加舒适宜居。",
    "此外,白银市还坚持从细节入手,加强城市公厕和无障碍设施达标建设、加强母婴室和爱心驿站户外工作室完善,以及道路交通设施缺失"
    "、事故隐患路段的排查和治理等工作,布设“六大类”景观小品,并持续开展“烟头不落地·城市更美丽”“我为创城洗洗脸·我为城市"
    "添光彩”“垃圾随手捡·",
]


def test_text_closing_a_quotation_it_never_opened_does_not_open_a_reversed_article():
    """The 白银 article printed last column first: under its headline and
    byline, `文明天天见”等活动。` closes a quotation opened at the end of another
    column (`…“垃圾随手捡·`). A text that starts inside a quotation starts
    mid-sentence, so the article does not open there: it goes on after the
    cut quotation."""
    _, arts = articles(page(*BAIYIN))
    assert len(arts) == 1
    ps = [p.text for p in arts[0].paragraphs]
    assert not ps[0].startswith("文明天天见")
    assert any(p.endswith("“垃圾随手捡·文明天天见”等活动。") for p in ps)


GREEN_TRAVEL = [
    "绿色出行渐成市民新风尚",
    # the last column, printed first: one paragraph pointing back at the story told before it
    "这是本市倡导绿色低碳生活的一个缩影。市交通运输局还联合街道社区开展“绿色出行宣传月”活动,通过发放倡议书、举办骑行比赛、"
    "评选“低碳家庭”等形式,引导市民少开车、多步行,让绿色低碳的生活理念深入人心。",
    # the middle column
    "便捷。今年以来,市交通运输局新开通公交线路12条,优化调整线路26条,并在地铁站周边增设共享单车停放点300余处,打通市民出行"
    "的“最后一公里”。",
    "同时,市里加快推进智慧公交建设,全市公交站台电子站牌覆盖率达到85%,市民通过手机即可实时查询车辆到站信息,平均候车时间明显缩短。",
    # the first column, printed last
    "公共交通是城市运行的动脉,也是市民出行的首选。近年来,随着地铁线路不断延伸、公交线网持续优化,越来越多的市民选择乘坐公共交通出行。"
    "去年,全市公共交通日均客运量突破150万人次,绿色出行比例达到七成以上。",
    "绿色出行,关键在于方便。",
    "为让群众出行更加顺畅、更加",
]


def test_reversed_article_does_not_open_with_a_paragraph_referring_back():
    """Under the headline, `这是本市…的一个缩影。` points back at a story not yet read: the
    article is printed in reverse and opens with `公共交通是城市运行的动脉`
    (the column printed last), its cut sentence `为让群众出行更加顺畅、更加`
    going on in the column printed in the middle, and `这是…` ends it."""
    _, arts = articles(page(*GREEN_TRAVEL))
    assert len(arts) == 1
    ps = [p.text for p in arts[0].paragraphs]
    assert ps[0].startswith("公共交通是城市运行的动脉")
    assert any(p.startswith("为让群众出行更加顺畅、更加便捷。今年以来") for p in ps)
    assert ps[-1].startswith("这是本市倡导绿色低碳生活的一个缩影")


def test_paragraphs_referring_back():
    def back(t):
        return bool(FOLLOW_UP_RE.match(t) or POINTS_BACK_RE.match(t))
    assert back("此外,该局还联合街道社区开展活动。")
    assert back("面对这场大考,全区上下坚定不移,全力以赴。")
    assert back("这是群众通过掌上平台反映问题的一个缩影。")
    assert not back("近年来,福建省南平市着力打通“监督渠道”。")
    assert not back("公共交通是城市运行的动脉,也是市民出行的首选。")



READING_ROOM = [
    "九华乡农家书屋夜夜灯火通明",
    "此外,每到周末,志愿者们还定期组织亲子共读、故事分享等活动,让留守儿童在家门口就能读到好书。村民刘长贵说:“以前农闲时"
    "大家凑在一起打牌,现在更多人愿意来这里坐一坐、翻一翻。”",
    "今年以来,全乡各村阅读点累计接待读者1.2万人次,开展各类阅读活动86场,书香正在悄然改变着乡村的精神面貌。",
    "初冬的傍晚,炊烟在山坳间袅袅升起,浙江省衢州市柯城区九华乡妙源村的农家书屋里依旧灯火通明。几名刚放学的孩子围坐"
    "在长桌旁,捧着绘本读得津津有味。",
    "这间书屋去年由村里闲置的老仓库改建而成,藏书从最初的800余册增加到如今的5000余册,涵盖农业技术、文学历史、少儿"
    "读物等类别。乡里还为书屋接入了数字阅读平台,村民扫码即可借阅电子图书。",
]


def test_reversed_article_opens_with_a_scene_naming_its_province_and_city():
    """A feature in two columns printed last column first, the columns
    parted at a paragraph end (no cut to tell the order): its first column
    opens with a scene (`初冬的傍晚,…`) whose first sentence names the place
    in full (`浙江省衢州市柯城区…`), as a story's opening does and no later
    paragraph needs to; the text under the headline (`此外,…`) is its last
    column."""
    _, arts = articles(page(*READING_ROOM))
    assert len(arts) == 1
    ps = [p.text for p in arts[0].paragraphs]
    assert ps[0].startswith("初冬的傍晚") and ps[1].startswith("这间书屋")
    assert ps[2].startswith("此外,每到周末") and ps[-1].endswith("精神面貌。")
