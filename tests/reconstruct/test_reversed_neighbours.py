"""Two articles printed in reverse side by side: the body of one, detached
from its headline, right after another printed last column first. Read as one
group they would save a group, but the news lead of the second (`本报讯…`) would
then be read after a paragraph of the first: a news lead opens an article, so
the two are read apart. Text from a generated page (sample articles); the
columns are printed last column first, as a layout export prints them."""
from __future__ import annotations

from .helpers import articles, page

BLOCKS = [
    "福建南平：凝聚创建合力奏响齐抓共管大乐章",
    "吴利武",
    "紧盯创建目标 坚定信心决心 资阳市创建全国文明城市动员大会召开",
    "本报讯(李远雄)4月7日,资阳市创建四川省文明城市、国家卫生城市、国家园林城市、全国双拥模范城总结表彰暨创建全国文明城市"
     "动员大会召开。市委书记廖仁松出席会议并讲话。市委副书记、市长徐芝文主持",
    "会议。市人大常委会主任王荣木、市政协主席陈莉萍、市委副书记段再青出席会议。",
    "会议强调,全市上下要深刻认识创建全国文明城市的重大意义,切实把思想和行动统一到市委、市政府的决策部署上来,紧盯创建目标不"
     "动摇,坚定信心决心,以昂扬的斗志、务实的作风,扎实开展创建工作,推进全",
    "国文明城市创建取得全面胜利。廖仁松在讲话中指出,近年来,通过全市上下不懈奋斗,成功创建四川省文明城市、国家卫生城市、国家"
     "园林城市、全国双拥模范城,入围全国文明城市提名城市。回望创建历程,全市上下坚定信心决心,担当付出奉献,推动城市面貌发生可"
     "喜变化,中心城区功能配套日趋完善,",
    "人居环境不断提升,向上向善社会风尚更加彰显,军政军民鱼水情深持续巩固,干部群众精神状态得到提振。创建全国文明城市的标准更"
     "高、要求更高,全市上下要砥砺奋进,紧盯创建目标不动摇,按照“一年打基础、两年促提升、三年创成功”总体思路,坚持“以人为本"
     "、常态长效、城",
    "统筹”原则,深入实施创建全国文明城市十项工程,培育文明风尚,夯实城市基础,加强基层治理,改善社会民生,着力打造良好的政务"
     "、法治、市场、人文、文化、生活、社会和生态环境,为建设成渝门户枢纽、临空新兴城市提供坚实支撑。",
    "会上,段再青宣读了关于表彰资阳市创建四川省文明城",
    "建四川省文明城市、国家卫生城市、国家园林城市、全国双拥模范城工作先进集体和先进个人的通报。有关市领导为受表彰的先进集体和"
     "先进个人代表颁奖。市委常委、宣传部长舒勇总结创建工作,并部署全国文明城市创建工作。雁江区、市公安局、市城管行政执法局、高"
     "新区狮子山街道先后作表态发言。",
    "文明网官方微博",
    "山西省阳城县召开创建全国文明城市动员大会",
    "围绕山西省文明委“一年打牢基础、两年攻坚补弱、三年巩固提升”的总体思路和目标,广泛动员群众,攻坚克难、奋力拼搏,以优异成"
     "绩庆祝建党100周年。",
    "本报讯(薛克)4月6日,山西省晋城市阳城县召开创建全国文明城市动员大会,动员全县上下进一步统一思想、提高认识、振奋精神,"
     "全力做好文明城市创建工作。",
    "会议指出,全县上下要充分认识创建工作的重要性和必要性,清醒正视听面临的艰巨挑战,切实增强责任感使命感紧迫感,扎实推进各领"
     "域各方面各环节的工作。坚持问题导向,聚焦重点任务,在严格标准精细推进上下功夫;持续加强城市基础设施建设,持续提升城市文化"
     "品位,在提升城市发展水平上下功夫;注重加强家庭教育家风建设,在提高市民文明素质上下功夫;开展全方位、多角度、立体化的宣传"
     "动员,在加强舆论宣传引导上下功夫。",
    "动员大会强调,希望全县上下要同心同德,以创则必成的信心决心,责无旁贷的担当作为,真抓实干的品格作风,",
    "3人、五星级志愿者21人。",
    "通”“清洁家园”“文明条例宣传”等主题志愿服务活动。全市1867个新时代文明实践站,4930支志愿服务队伍,累计开展志愿"
     "服务活动104844场次,“有困难找志愿者,有时间做志愿者”成为越来越多普通市民的共识。目前,全市共有34人获评“中国好"
     "人”,89人获评“福建好人”,76人获评“南平好人”。共有全国道德模范(含提名奖)6人、省级道德模范9人、市级道德模范2"
     "23人。全市共荣获全国学雷锋志愿服务“四个100”先进典型6个,荣获省级学雷锋志愿服务“四最美”先进典型共34个;认定三"
     "星级志愿者155人、四星级志愿者83人、",
    "年来,全市开展道德讲堂观摩活动33次,带动市级以上文明单位(村镇、校园)开展3500多期培训,受众近40万人次。扎实推进"
     "《南平市文明行为促进条例》宣传进机关、进村镇、进企业、进学校、进社区。开展宣讲和道德讲堂300多场次,受众2万余人次;制"
     "作《与文明牵手、和法律同行》短视频,并利用电视台、电梯海报、“两微一端”等媒介播放92.45万次;向广大市民发出《南平市"
     "创建全国文明城市倡议书》,16.5万人在线参与接力转发,助力文明创建。",
    "引导广大市民争做“文明示范者”。南平市直各单位每周约1000人次开展“文明交",
    "建全国文明城市的问题建立台账清单,实行跟踪处理,不断提高群众对创建工作的满意度。同时,南平广播电视台开设“不文明行为曝光"
     "台”,由市城管局、公安局、文旅局等职能部门和广大市民提供不文明交通、不文明旅游、不文明晾晒、不文明遛狗、占道经营、乱扔杂"
     "物等行为的照片和视频,每周集中曝光1期,目前累计曝光6期。",
    "引导广大市民争做“文明践行者”。南平市委文明办出台《2021—2023年南平市民素质提升工程实施方案》,全力推进道德讲堂"
     "“一月一主题”教育活动,有力推动市民带头讲文明树新风,养成健康生活好习惯,争当文明有礼的南平人。三",
    "近年来,福建省南平市着力打通“监督渠道”,优化“投诉流程”,出台“激励方案”,充分发挥党员志愿者、青年志愿者和巾帼志愿者"
     "先锋模范作用,引导广大市民参与创建、支持创建、满意创建。",
    "引导广大市民争做“文明监督员”。今年以来,南平市建好用好数字化12345投诉平台,划拨10个事业编制成立南平市12345"
     "政务服务便民热线中心,开辟创建投诉通道,并向全社会“张榜公布”,对涉及创",
]


def test_news_lead_is_not_read_inside_a_reversed_neighbours_text():
    """The 阳城 article (lead `本报讯(薛克)…`, printed after its first line's
    end) and the 南平 body, detached from its headline higher on the page,
    both printed in reverse one after the other: each keeps its own text, and
    the 阳城 article opens with its lead."""
    _, arts = articles(page(*BLOCKS))
    by = {a.title[:4]: [p.text for p in a.paragraphs] for a in arts}
    assert {"山西省阳", "福建南平"} <= set(by)
    assert by["山西省阳"][0].startswith("本报讯(薛克)4月6日")
    assert len(by["山西省阳"]) == 3
    assert by["福建南平"][0].startswith("近年来,福建省南平市")
    assert all("南平" not in p for p in by["山西省阳"])


CHARGING = [
    "老旧小区用上“共享充电棚”",
    # the last column, printed first: the tail of a cut sentence and the closing paragraph
    "楼充电,既不安全也不方便。",
    "截至目前,全区已有42个老旧小区建成共享充电棚,新增充电接口1600余个,居民电动车“上楼充电”现象基本杜绝。下一步,"
    "该区将把充电设施纳入老旧小区改造清单,做到应建尽建。",
    # the first column, printed last, cut at its foot
    "晚上7点,家住和平里小区的李师傅把电动车推进小区新建的充电棚,扫码插上插头,不到一分钟就完成了充电操作。“以前没地方充电,"
    "只能把电瓶拎回家。”李师傅说。",
    "和平里小区建成于上世纪90年代,小区内没有地下车库,也没有规划充电设施。过去,不少居民只能私拉电线或者把电动车推进",
    # the next article: a short headline, no colon, then a paragraph opening its story
    "南浔区开展文明祭扫宣传",
    "清明节前夕,浙江省湖州市南浔区组织志愿者走进社区和公墓,倡导市民文明祭扫、绿色祭扫,用鲜花代替纸钱,用网上祭扫寄托哀思。",
    "活动中,志愿者向群众发放倡议书3000余份,并在公墓入口设立鲜花换纸钱服务点,引导群众摒弃陈规陋习。",
]


def test_line_above_a_story_opening_ends_the_columns_of_a_reversed_article():
    """`南浔区开展文明祭扫宣传` is a short line with little of a headline's
    shape, but the paragraph right under it opens a story (`清明节前夕,浙江省
    湖州市南浔区…`, its place named in full): it is that story's headline, and
    the article printed in reverse above it ends there. Its first column,
    printed last, goes on across the cut in the column printed first."""
    _, arts = articles(page(*CHARGING))
    assert [a.title for a in arts] == [CHARGING[0], "南浔区开展文明祭扫宣传"]
    ps = [p.text for p in arts[0].paragraphs]
    assert ps[0].startswith("晚上7点")
    assert ps[1].endswith("把电动车推进楼充电,既不安全也不方便。")
    assert ps[2].startswith("截至目前")
    assert [p.text[:5] for p in arts[1].paragraphs] == ["清明节前夕", "活动中,志"]
