"""Small damaged pages, one per failure class the engine now handles: columns
printed last column first, kicker lines, headlines printed after their body or
detached from it, repeated column tails, paragraph openings that are never a
continuation. Texts are from the sample pages; the damage is made by hand as a
layout export makes it."""
from __future__ import annotations

from generator.reconstruct import reconstruct
from generator.reconstruct.blocks import parse_blocks
from generator.reconstruct.classify import BODY, kicker_shape, parallel_starts

from .helpers import articles, page




def _opens(item, *prefixes: str) -> bool:
    """The item's paragraphs, in order, open with these prefixes."""
    return len(item.paragraphs) == len(prefixes) and all(p.text.startswith(x) for p, x in zip(item.paragraphs, prefixes))


JIAN = ["巩固创建成果\n吉安市青原区开展“下实地 摸实情 办实事”实践活动",
        "实情 办实事”实践活动,前往背街小巷、农贸市场、“五小”行业、公园广场等群众聚集的公共场所,收集群众需求和对文明城市"
        "创建工作的意见、建议。同时,通过设立“啄木鸟在行动”专栏、开通文明创建热线等多种渠道,围绕群众反映的民生问题开展督办"
        "查核,确保活动落到实处、见到实效,让群众从一件件实事、小事上感受文明城市创建带来的成效和变化。",
        "本报讯(卢卿卿 邓小川)我为群众办实事,共建共享文明城。近日,江西省吉安市青原区创建全国文明城市指挥部办公室结合党史"
        "学习教育,开展了“下实地 摸实情 办实事”实践活动。",
        "据了解,自3月19日青原区党史学习教育动员大会召开以来,该区创建办按照“学党史、悟思想、办实事、开新局”的要求,扎实开展"
        "“五好工作法”,在理论学习的基础上,运用“杨慧芝群众工作法”,下实地、摸实情,开展大走访、大调研,进入社区、小区了解和收集"
        "创建文明城市工作中与群众生活密切相关的民生问题,为群众办实事、解决实际问题。",
        "据介绍,下一步,青原区创建办将坚持创建为民、创建靠民、创建惠民,持续开展“下实地 摸"]


def test_two_column_article_printed_last_column_first():
    """The column under the headline is the article's last (it starts
    mid-sentence); its first column, with the news lead, follows. No cut
    separates the two columns, only a paragraph end; the cut sentence at the end
    of the first column goes on at the top of the page (`下实地 摸|实情`, the
    spaced phrase found again on the page)."""
    _, arts = articles(page(*JIAN))
    assert len(arts) == 1
    a = arts[0]
    assert (a.kicker, a.title) == ("巩固创建成果", "吉安市青原区开展“下实地 摸实情 办实事”实践活动")
    assert _opens(a, "本报讯(卢卿卿", "据了解,自3月", "据介绍,下一步")
    assert a.paragraphs[-1].text.endswith("带来的成效和变化。")


NEIJIANG = ["内江市残联:坚定信心战疫情 同舟共济筑防线",
            "下沉。内江市残联党组书记、理事长申杰和班子成员率先垂范,主动下沉社区,带动全市残联系统80余名干部职工下沉街道、社区,"
            "就地开展志愿服务。",
            "聚焦服务人群,给予特别关心。聚焦困难残疾人,对独居残疾人、行动不便残疾人、智力和精神残疾人等重点人群给予特别关心关注,"
            "用实际行动筑牢疫情防控的安全堡垒。",
            "本报讯(曾伟凌)四川省内江市本轮新冠肺炎疫情发生以来,内江市残联切实扛起责任担当,用实际行动为全市疫情防控贡献残联力量。",
            "强化责任意识,争分夺秒迅速部署。收到静态管理通知后,内江市残联党组争分夺秒,率先行动,对疫情防控工作进行部署,明确任务。"
            "向全市各级残疾人工作者发出“全力参与疫情防控,帮助残疾人共渡难关”的号召,并提出工作要求。",
            "领导干部率先垂范,就地"]


def test_three_columns_printed_in_reverse():
    """Columns c3 c2 c1 under the headline: c1's cut (`就地|下沉`) goes on at the
    top of the page, and the article reads c1, c2, c3."""
    _, arts = articles(page(*NEIJIANG))
    assert len(arts) == 1
    assert _opens(arts[0], "本报讯(曾伟凌", "强化责任意识,", "领导干部率先垂", "聚焦服务人群,")
    assert arts[0].paragraphs[2].text.endswith("就地下沉。内江市残联党组书记、理事长申杰和班子成员率先垂范,主动下沉社区,带动全"
                                               "市残联系统80余名干部职工下沉街道、社区,就地开展志愿服务。")


SHANMEI = ["陕煤黄陵矿业二号煤矿:推行厂务公开,架起千群“连心桥”",
           "不同建议明确了互动意见处理及反馈的形式和程序,并明确了处理及反馈的承办部门,建立了快捷、畅通、高效的表达、参与和监督渠道。",
           "本报讯(赵鹏)近年来,陕西陕煤集团黄陵矿业有限公司二号煤矿始终把厂务公开作为凝聚人心、共建和谐、全面发展的重要抓手,"
           "积极畅通厂务公开渠道,保障职工知情权、参与权、监督权,架起千群“连心桥”。",
           "据悉,该矿把公开栏、职工大会、座谈会确定为公开与民主互动的载体和途径,并将厂务公开贯穿事前、事中、事后全过程,同时注重"
           "体现民主管理与监督类别及尺度,做到凡应该公开、能够公开的事项都及时全面公开,使职工知情权得到有效保障。",
           "此外,该矿还建立职工合理化建议制度,对"]


def test_lead_printed_last_and_its_article_ending_mid_sentence():
    _, arts = articles(page(*SHANMEI))
    assert len(arts) == 1
    assert _opens(arts[0], "本报讯(赵鹏)", "据悉,该矿把公", "此外,该矿还建")
    assert arts[0].paragraphs[-1].text == SHANMEI[4] + SHANMEI[1]


def test_kicker_on_its_own_line_is_a_headline_not_page_furniture():
    """Two short lines, a slogan over a headline: not an ad (`征订热线…`)."""
    text = page("我为群众办实事\n德清供电:服务光伏并网 赋能企业减碳", "陈妍宏",
                 "“感谢你们检查光伏发电设备,目前光伏发电很稳定,我们车间用上了清光电!”近日,在浙江中天建筑产业化有限公司屋顶"
                 "光伏电站,国网德清县供电公司工作人员在对站内并网二次设备进行安全检查时,光伏电站运维人员瑞小龙对工作人员连连道谢。",
                 "聚焦县域新旧动能转换,服务型新型电力系统建设。在未来,国网德清县供电公司将继续用好电力大数据资源,深化县域清洁"
                 "能源管控平台和“电碳一张图”技术平台的整合应用,持续开展“供电+能效”行动,补强电网优化服务,为“双碳”目标早日实现"
                 "作出新贡献。")
    _, arts = articles(text)
    assert [(a.kicker, a.title, a.byline, len(a.paragraphs)) for a in arts] == \
        [("我为群众办实事", "德清供电:服务光伏并网 赋能企业减碳", "陈妍宏", 2)]
    assert kicker_shape(["学党史 办实事", "西宁市古城台街道扎实推进党史学习教育"])
    assert not kicker_shape(["征订热线:010-12345678", "邮发代号:1-23"])
    assert not kicker_shape(["诚信经营 服务社会", "欢迎订阅"])


def test_headline_with_kicker_printed_after_its_body():
    text = page("本报讯(曹成)近日,陕西省渭南市合阳县以多种形式把党史学习教育融入青少年学习教育中,实现课堂内外、线上线下同频"
                 "共振,让爱国主义精神代代相传。",
                 "以传承为目标,优化学习效果。在青少年中培育“小小宣讲员”,围绕传统文化、红色故事、党史和政策理论知识进行培训,通过"
                 "“一个故事”“一个主题”小切口的方式,引导青少年用通俗易懂的语言宣讲身边红色故事,通过以讲促学的方式培养学生的感情"
                 "认同,铸牢学生的思想基",
                 "础、提升学生的综合素养。目前,合阳县已培养“小小宣讲员”20余名,在合阳县初心公园、烈士陵园等处为游客、市民、学生"
                 "进行义务宣讲50余场。",
                 "志愿服务在行动\n陕西合阳县多形式推动党史学习教育进校园")
    _, arts = articles(text)
    assert [(a.kicker, a.title) for a in arts] == [("志愿服务在行动", "陕西合阳县多形式推动党史学习教育进校园")]
    assert _opens(arts[0], "本报讯(曹成)", "以传承为目标,")


XUCHANG = ["本报讯(许文)7月11日,河南省许昌市青年志愿者协会第一次会员大会召开。许昌市委宣传部、团市委、市民政局相关负责人参加了"
           "开幕式。",
           "会议审议通过了《许昌市青年志愿者协会章程(草案)》《许昌市青年志愿者协会轮值制度(草案)》《许昌市青年志愿者协会财务管理"
           "制度(草案)》,选举产生了许昌市青年志愿者协会第一届理事会理事及会长、副会长、秘书长。",
           "近年来,青年志愿服务已经成为许昌文明、发展、进步的重要标志。广大青年志愿者、青年志愿服务组织、青年志愿服务工作者积极"
           "响应市委、团市委号召,在诸多中心工作中发挥着不可替代的作用。未来,许昌市广大青年志愿者要充分弘扬奉献、友爱、互助、"
           "进步的志愿精神,在新征程中展现新作为、新担当,用青春实践续写新时代的雷锋故事,为全面开创许昌社会主义现代化建设新局面"
           "作出新的更大贡献,以一流的青春业绩迎接党的二十大胜利召开。"]


def test_two_headlines_in_a_row_find_their_bodies_below():
    """The first headline's body was printed under the second one: headlines and
    opening bodies are matched as a whole, by the headline words each body takes up."""
    text = page("内江市残联:坚定信心战疫情 同舟共济筑防线", "河南省许昌市青年志愿者协会第一次会员大会召开",
                 NEIJIANG[3], NEIJIANG[4], *XUCHANG)
    _, arts = articles(text)
    assert [a.title for a in arts] == ["内江市残联:坚定信心战疫情 同舟共济筑防线", "河南省许昌市青年志愿者协会第一次会员大会召开"]
    assert _opens(arts[0], "本报讯(曾伟凌", "强化责任意识")
    assert _opens(arts[1], "本报讯(许文)", "会议审议通过", "近年来,青年")


def test_repeated_column_tail_is_dropped_before_it_can_pass_for_a_headline():
    """A short line repeating the end of the block before it, right above a news
    lead, has the shape of that lead's headline: it is a duplicate all the same."""
    k = XUCHANG[2].index("故事,为全面")
    text = page("河南省许昌市青年志愿者协会第一次会员大会召开", XUCHANG[0], XUCHANG[2][:k], XUCHANG[2][k - 7:k],
                 NEIJIANG[3], NEIJIANG[4])
    rec, arts = articles(text)
    assert "新时代的雷锋" not in {a.title for a in arts}
    assert any(w.code == "duplicate-overlap" and w.block == 3 for w in rec.warnings)


def test_parallel_paragraph_openings():
    """Paragraphs opening alike (`绿色生活。` `绿色通道。` …) start paragraphs; a
    continuation that happens to open with the same characters does not count."""
    blocks = parse_blocks(page(
        "绿色生态。秦潭村聚焦生态文明建设,严格落实“河长制”。",
        "绿色生活。为切实保障村民身心健康,秦潭村实行“绿健行动”。",
        "绿色通道。随着“网上办”“掌上办”逐步成为政务服务标配。",
        "绿色文明。秦潭村结合文明创建工作,开展“绿灯行动”。",
        "绿化、亮化城市环境,治理城市“脏乱差”。",
        "会议指出,要精准对标,全力抓好重点任务。",
        "会议指出,要盯紧重点,全力抓好共性工作。"))
    for b in blocks:
        b.role = BODY
    assert parallel_starts(blocks) == {0, 1, 2, 3, 5, 6}


HEYANG = ["我为群众办实事 陕西合阳县多形式推动党史学习教育进校园",
          "本报讯(曹成)近日,陕西省渭南市合阳县以多种形式把党史学习教育融入青少年学习教育中,实现课堂内外、线上线下同频共振,"
          "让爱国主义精神代代相传。",
          "以传承为目标,优化学习效果。在青少年中培育“小小宣讲",
          "员”,围绕传统文化、红色故事、党史和政策理论知识进行培训,通过“一个故事”“一个主题”小切口的方式,引导青少年用通俗易懂的"
          "语言宣讲身边红色故事。目前,合阳县已培养“小小宣讲员”20余名,在合阳县初心公园、烈士陵园等处为游客、市民、学生进行",
          "义务宣讲50余场。",
          "为保障高校师生员工的健康安全,建立免疫屏障,近期,重庆各高校陆续启动新冠疫苗接种工作。图为4月10日,重庆市沙坪坝区大学城"
          "的重庆商务职业学院新冠疫苗接种点,接种疫苗接种工作有序进行。孙凯芳摄",
          "立足首善,全力谋划文明“大文章”",
          "全国文明城区创建,是一种理念、一种追求,更是一种实践、一种以人为本持之以恒提升城市整体水平的有效载体。",
          "面对创建全国文明城区这场大考,门头沟区坚定不移,全力以赴。"]


def test_headline_after_a_photo_caption_opens_a_new_article():
    """A short line shaped like a section heading (`X,Y` with no place or
    colon), printed after a photo caption that follows a complete paragraph:
    the text after it opens a paragraph and names other places and things
    than the article before, so the line is the next article's headline, not
    a heading inside the article above."""
    rec, arts = articles(page(*HEYANG))
    assert [" ".join(filter(None, (a.kicker, a.title))) for a in arts] == [HEYANG[0], HEYANG[6]]
    assert _opens(arts[0], "本报讯(曹成)", "以传承为目标")
    assert _opens(arts[1], "全国文明城区创建", "面对创建全国文明城区")
    assert [it.kind for it in rec.items].count("photo") == 1


YANGCHENG = ["山西省阳城县召开创建全国文明城市动员大会",
             "实干的品格作风,围绕山西省文明委“一年打牢基础、两年攻坚补弱、三年巩固提升”的总体思路和目标,广泛动员群众,攻坚克难、"
             "奋力拼搏,以优异成绩庆祝建党100周年。",
             "扎实推进各领域各方面各环节的工作。坚持问题导向,聚焦重点任务,在严格标准精细推进上下功夫;持续加强城市基础设施建设,"
             "持续提升城市文化品位,在提升城市发展水平上下功夫;注重加强家庭教育家风建设,在提高市民文明素质上下功夫;开展全方位、"
             "多角度、立体化的宣传动员,在加强舆论宣传引导上下功夫。",
             "动员大会强调,希望全县上下要同心同德,以创则必成的信心决心,责无旁贷的担当作为,真抓",
             "本报讯(薛克)4月6日,山西省晋城市阳城县召开创建全国文明城市动员大会,动员全县上下进一步统一思想、提高认识、振奋精神,"
             "全力做好文明城市创建工作。",
             "会议指出,全县上下要充分认识创建工作的重要性和必要性,清醒正视听面临的艰巨挑战,切实增强责任感使命感紧迫感,",
             "文明网官方微博"]


def test_reversed_article_whose_last_column_ends_inside_a_chunk_is_split_by_column_capacity():
    """Three columns printed last column first: the last (`实干的品格作风…`,
    one paragraph end) and the middle one (`扎实推进…`, `动员大会强调…真抓`)
    print as one run of text, and the cut at the end of the first column
    (`…紧迫感,`) could go on at either of the middle column's paragraphs. The
    middle column holds a full column's worth of characters, as many as the
    first: a middle column of one short paragraph, with the first column
    twice its size, is no reading of the page."""
    _, arts = articles(page(*YANGCHENG))
    assert len(arts) == 1
    a = arts[0]
    assert _opens(a, "本报讯(薛克)", "会议指出,全县上下", "动员大会强调")
    assert "紧迫感,扎实推进各领域" in a.paragraphs[1].text
    assert "真抓实干的品格作风" in a.paragraphs[2].text and a.paragraphs[2].text.endswith("建党100周年。")


HUAIROU_REVERSED = [
    "聚焦民生“小事” 回应百姓关切",
    "市场设施老化、环境脏乱差等问题,实现场内场外环境同步改善,硬件设施和软件管理同步提升,逐步建立设施完善、环境舒适、管理"
    "规范的农贸市场,为市民提供安全、健康、舒心的购物环境。",
    "等短板问题,高标准完成了破损地面翻修、火灾预警控制系统及老旧电路更新、菜肉大厅操作台和展示台改造等,对所有主食及熟食摊位"
    "安装不锈钢门窗及钢化玻璃,确保密封性。同时,进一步细化和规范市场建设,对82个摊位风格重新打造,实现主食区、鲜肉区、果蔬区、"
    "熟食区等7个功能分区,并深入推进农贸市场食品及安全规范化、智慧化管理。现如今,老菜场的环境变得整洁舒适,让居民群众真切感受"
    "到了获得感和幸福感。",
    "运通盛世农贸市场只是怀柔区农贸市场改造升级的一个缩影。在推进全国文明城区创建中,怀柔区不断优化农贸市场卫生秩序和经营环境,"
    "全力做好全区农贸市场公厕、活禽售卖区、水产区等重点区域卫生保洁,保证食品安全。同时,加大对占道经营、占用消防通道等现象的"
    "整治力度,切实解决农贸",
    "改造升级农贸市场、“多维度”治理社区、精细化整治背街小巷……自启动全国文明城区创建以来,北京市怀柔区立足综合性国家科学中心"
    "建设和首都功能承载地位,举全区之力、集全民之智,从群众最关心的问题抓起,按照集中攻坚、疏堵结合、长效管理的工作思路,把为民、"
    "利民、惠民体现在文明创建各方面,全力打造和谐宜居之城,让群众的幸福更有“质感”。",
    "有人说,要想近距离地感受一座城市的文明指数,就要逛逛那里的农贸市场。",
    "运通盛世农贸市场是泉河街道老城区的“菜篮子”之一。为了让群众的“菜篮子”拎得舒心,泉河街道聚焦市场内设施老化,环境脏乱差"]


def test_reversed_article_middle_column_without_a_word_across_its_cut():
    """The 怀柔 article in three columns printed last column first, its lead
    last. The middle column (`等短板问题…`, `运通盛世农贸市场只是…切实解决农贸`)
    follows the last (`市场设施老化…`) after a paragraph end, and no word spans
    the cut into it (`环境脏乱差|等短板问题`): only the column lengths show
    where the article's last column ends."""
    _, arts = articles(page(*HUAIROU_REVERSED))
    assert len(arts) == 1
    a = arts[0]
    assert _opens(a, "改造升级农贸市场", "有人说,要想", "运通盛世农贸市场是", "运通盛世农贸市场只是")
    assert "环境脏乱差等短板问题" in a.paragraphs[2].text
    assert "切实解决农贸市场设施老化" in a.paragraphs[3].text
    assert a.paragraphs[3].text.endswith("舒心的购物环境。")


ZIYANG = ["紧盯创建目标 坚定信心决心 资阳市创建全国文明城市动员大会召开",
          "常委、宣传部长舒勇总结创建工作,并部署全国文明城市创建工作。雁江区、市公安局、市城管行政执法局、高新区狮子山街道先后"
          "作表态发言。",
          "抓好部署落实,抓好氛围营造,迅速掀起创建全国文明城市的工作热潮;要对照全国文明城市测评体系,深入研究、把握标准、精准施策,"
          "制定好、推动好、落实好专项方案,确保创建效果;要汇聚全市之力,加强统筹协调,强化责任落实,确保如期成功创建全国文明城市。",
          "会上,段再青宣读了关于表彰资阳市创建四川省文明城市、国家卫生城市、国家园林城市、全国双拥模范城工作先进集体和先进个人的"
          "通报。有关市领导为受表彰的先进集体和先进个人代表颁奖。市委",
          "本报讯(李远雄)4月7日,资阳市创建四川省文明城市、国家卫生城市、国家园林城市、全国双拥模范城总结表彰暨创建全国文明城市"
          "动员大会召开。市委书记廖仁松出席会议并讲话。市委副书记、市长徐芝文主持会议。市人大常委会主任王荣木、市政协主席陈莉萍、"
          "市委副书记段再青出席会议。",
          "徐芝文在会上指出,各级各部门要切实增强做好创建工作的自觉性和主动性,抓好宣传动员,抓好部"]


def test_reversed_columns_whose_cut_repeats_a_few_characters():
    """Three columns printed last column first; the middle column starts by
    repeating the last characters before its cut (`抓好部|抓好部署落实`), the
    only evidence that it goes on from the first column: a short repeat counts
    for the reading direction even though the blocks are far apart."""
    _, arts = articles(page(*ZIYANG))
    assert len(arts) == 1
    a = arts[0]
    assert _opens(a, "本报讯(李远雄)", "徐芝文在会上", "会上,段再青")
    assert "抓好宣传动员,抓好部署落实," in a.paragraphs[1].text
    assert "颁奖。市委常委、宣传部长" in a.paragraphs[2].text


# A headline printed after its body (`本报讯(林洛)…` then its headline), and right
# under it the headline of the next article, whose two columns were printed
# last column first: the column under the headline starts mid-paragraph and
# the news lead comes after it.
XINING_HUANGLING = [
    "文明风起满眼新 ——甘肃白银全力推动文明城市创建工作不断迈向新高度",
    "白银宣",
    "近年来,甘肃省白银市顺应经济社会发展的大趋势、人民追求美好生活的民心所向,奋力争创全国文明城市,把其与“实力、绿色、富裕"
    "、活力、幸福、平安”“六个新白银”建设紧密相连,抓重点、攻难点、创亮点,不断深化群众性精神文明创建活动,全面提升城市文明"
    "程度和综合竞争力,努力把文明城市创建打造成经得起实践、群众和历史检验的民心工程、德政工程。",
    "告专项整治,让城市更加文明整洁、更加舒适宜居。",
    "此外,白银市还坚持从细节入手,加强城市公厕和无障碍设施达标建设、加强母婴室和爱心驿站户外工作室完善,以及道路交通设施缺失"
    "、事故隐患路段的排查和治理等工作,布设“六大类”景观小品,并持续开展“烟头不落地·城市更美丽”“我为创城洗洗脸·我为城市"
    "添光彩”“垃圾随手捡·文明天天见”等活动。",
    "为全面推进党建引领“五治融合”德治建设和全国文明城市",
    "创建工作,白银市组织开展了“十个100”文明实践志愿服务示范活动,即“100场创新理论宣讲”示范活动、“100场红歌传唱"
    "”示范活动、“100场模范巡讲”示范活动、“100场美育课堂”示范活动、“100场健康义诊”示范活动、“100场全民健身"
    "”示范活动、“100场心理健康培训”示范活动、“100场文明行为践行”示范活动、“100场文明礼仪展示”示范活动、“10"
    "0场志愿服务引领”示范活动。",
    "“十个100”文明实践志愿服务示范活动只是白银市开展文明实践活动的缩影。近年来,白银市整合资源,聚焦学习实践科学理论、宣"
    "讲党的政策、丰富活跃文化生活等,组织开展了形式多样的文明实践活动。",
    "为不断扩大文明实践的覆盖面,白银市不断完善活动机制,把握群众需求,畅通群众参与渠道,构建点多面广、功能完备的文明实践服务"
    "圈。同时,紧扣乡村振兴战略实施、政务服务改革、基层社会治理等党委和政府重点",
    "任务,大力推行“网格员接单—一村社报单—镇街领单—县级中心派单—服务队履单—群众评单”的“六单”精准服务模式,扎实开展理"
    "论宣讲、文艺文化、移风易俗、扶贫帮困等志愿服务活动。此外,按照“一乡镇一品牌,一村社一特色”的工作标准,各县区集中打造3"
    "至5个示范实践所,8至10个示范实践站,深根厚植“文明集市”品牌,推动文明实践整体化运作,个性化服务,全民化参与。",
    "本报讯(林洛)近期以来,青海省西宁市城西区古城台街道扎实推进党史学习教育。",
    "加强优质内容开发,统筹辖区区域化党建资源,建立优秀讲师团,梳理完善党史党课菜单,制订党史学习教育计划表,广泛开展党史进机"
    "关、进社区、进楼宇、进商圈、进企业“",
    "五进”活动。充分利用辖区老革命老党员、纪念馆、博物馆、爱国主义教育基地、街道党建体验中心、新时代文明实践所(站)和小区共"
    "享阵地等红色资源,着力挖掘“红色古城故事”内涵,围绕党史主题,综合运用课堂讲授、专题研讨、情景化党课、艺术党课等方式学习"
    "党史。线上",
    "习党史。线上线下相结合,充分利用微信公众号和网络新媒体平台开辟线上党史小课堂,策划开展阅读经典、老党员讲党史、“以赛促学"
    "夯基础 以学促用强履职”知识竞赛等线下活动,使党史学习教育常学常新。",
    "西宁市古城台街道 扎实推进党史学习教育",
    "陕煤黄陵矿业二号煤矿:推行厂务公开,架起千群“连心桥”",
    "公开贯穿事前、事中、事后全过程,同时注重体现民主管理与监督类别及尺度,做到凡应该公开、能够公开的事项都及时全面公开,使职"
    "工知情权得到有效保障。",
    "此外,该矿还建立职工合理化建议制度,对不同建议明确了互动意见处理及反馈的形式和程序,并明确了处理及反馈的承办部门,建立了"
    "快捷、畅通、高效的表达、参与和监督渠道。",
    "本报讯(赵鹏)近年来,陕西陕煤集团黄陵矿业有限公司二号煤矿始终把厂务公开作为凝聚人心、共建和谐、全面发展的重要抓手,积极"
    "畅通厂务公开渠道,保障职工知情权、参与权、监督权,架起千群“连心桥”。",
    "据悉,该矿把公开栏、职工大会、座谈会确定为公开与民主互动的载体和途径,并将厂务",
]


def test_headline_after_its_body_then_a_headline_over_a_reversed_body():
    """The second headline is no section heading of the first article: the
    news lead below it, before any other headline, takes up its words."""
    _, arts = articles(page(*XINING_HUANGLING))
    by = {a.title: a for a in arts}
    a = by["西宁市古城台街道 扎实推进党史学习教育"]
    assert _opens(a, "本报讯(林洛)", "加强优质内容开发")
    b = by["陕煤黄陵矿业二号煤矿:推行厂务公开,架起千群“连心桥”"]
    assert _opens(b, "本报讯(赵鹏)", "据悉,该矿", "此外,该矿")
    assert "厂务公开贯穿事前" in b.paragraphs[1].text


# Enumerated paragraphs (`以课堂为阵地,` `以活动为引领,` `以传承为目标,`); the
# second lost the end of its text at a column cut.
HEYANG_TRUNCATED = [
    "陕西合阳县多形式推动党史学习教育进校园",
    "本报讯(曹成)近日,陕西省渭南市合阳县以多种形式把党史学习教育融入青少年学习教育中,实现课堂内外、线上线下同频共振,让爱"
    "国主义精神代代相传。",
    "以课堂为阵地,丰富学习载体。通过主题班会、升旗仪式等形式,为中小学生学习红色故事,引领学生了解党的发展历史,感悟党的初心"
    "使命,增进爱党敬党之情,培养学生“从小学党史、永远跟党走,不负时代使命和重托,争做敢于拼搏的新时代少年”的意识。截至目前"
    ",合阳县34所中小学5万多名中小学生学习均参加了以“学党史、明初心、担使命”为主题的爱国主义教育活动。",
    "以活动为引领,营造学习氛围。充分利用红色文化资源,组织学",
    "以传承为目标,优化学习效果。在青少年中培育“小小宣讲员”,围绕传统文化、红色故事、党史和政策理论知识进行培训,通过“一个"
    "故事”“一个主题”小切口的方式,引导青少年用通俗易懂的语言宣讲身边红色故事,通过以讲促学的方式培养学生的感情认同,铸牢学"
    "生的思想基础、提升学生的综合素养。目前,合阳县已培养“小小宣讲员”20余名,在合阳县初心公园、烈",
    "士陵园等处为游客、市民、学生进行义务宣讲50余场。",
]


def test_truncated_paragraph_is_not_continued_by_a_parallel_opening():
    """Nothing across the cut (no word, repeat or recurring string) speaks for
    joining a paragraph that opens like its siblings to the cut text before
    it: the cut text lost its end, and says so."""
    rec, arts = articles(page(*HEYANG_TRUNCATED))
    assert len(arts) == 1
    a = arts[0]
    assert _opens(a, "本报讯(曹成)", "以课堂为阵地", "以活动为引领", "以传承为目标")
    assert a.paragraphs[2].text.endswith("组织学")
    assert a.paragraphs[3].text.endswith("义务宣讲50余场。")
    assert any(w.code == "truncated-fragment" for w in rec.warnings)


DANGLE = [
    '新时代新征程 西宁市古城台街道 扎实推进党史学习教育',
    '触、面对面交流,了解群众所需所盼,及时掌握各类矛盾纠纷问题,确保社情民意心中有数,做到“群众有所呼,党组织有所应”,用心用情为群众办实事、解难题,推动党史学习教育走深走实。',
    '课菜单,制订党史学习教育计划表,广泛开展党史进机关、进社区、进楼宇、进商圈、进企业“五进”活动。充分利用辖区老革命老党员、纪念馆、博物馆、爱国主义教育基地、街道党建体验中心、新时代文明实践所(站)和小区共享阵地等红色资源,着力挖掘“红色古城故事”内涵,围绕党史主题,综合运用课堂讲授、专题研讨、情景化党课、艺术党课等方式学习党史。线上线下相结合,充分利用微信公众号和网络新媒体平台开辟线上党史小课堂,策划开展阅读经典、老党员讲党史、“以赛促学夯基础 以学促用强履职”知识竞赛等线下活动,使党史学习教育常学常新。',
    '将党史学习教育融入作风建设、疫情防控、经济社会发展、城市建管、综合治理等重点工作中,以“我为群众办实事”为主题,广泛开展“新选任社区干部民情走访”活动,通过与群众零距离接',
    '本报讯(林洛)近期以来,青海省西宁市城西区古城台街道扎实推进党史学习教育。',
    '该街道把党史学习教育作为巩固拓展“不忘初心、牢记使命”主题教育成果的重要举措,作为2021年辖区党员干部学习教育的重要主题。严格按照三个阶段四次研讨“规定动作”要求,细化任务清单,明确学习教育任务,落实主题和时间节点,结合党工委集中学习、专题党课、“三会一课”等载体,分层次、多维度、全覆盖开展学习交流。同时,不断细化“自选动作”,研究开展党史学习教育“十个一”活动,统筹运用好街道党建体验中心、新时代文明实践所(站)区域化党建资源、红色点位、师资力量等,一体推进学习教育各项工作,使党史学习教育入脑入心。',
    '加强优质内容开发,统筹辖区区域化党建资源,建立优秀讲师团,梳理完善党史党',
    '吉安市青原区开展“下实地 摸实情 办实事”实践活动',
    '创建靠民、创建惠民,持续开展“下实地 摸实情 办实事”实践活动,前往背街小巷、农贸市场、“五小”行业、公园广场等群众聚集的公共场所,收集群众需求和对文明城市创建工作的意见、建议。同时,通过设立“啄木鸟在行动”专栏、开通文明创建热线等多种渠道,围绕群众反映的民生问题开展督办查核,确保活动落到实处、见到实效,让群众从一件件实事、小事上感受文明城市创建带来的成效和变化。',
    '3月19日青原区党史学习教育动员大会召开以来,该区创建办按照“学党史、悟思想、办实事、开新局”的要求,扎实开展“五好工作法”,在理论学习的基础上,运用“杨慧芝群众工作法”,下实地、摸实情,开展大走访、大调研,进入社区、小区了解和收集创建文明城市工作中与群众生活密切相关的民生问题,为群众办实事、解决实际问题。',
    '据介绍,下一步,青原区创建办将坚持创建为民、',
    '本报讯(卢卿卿 邓小川)我为群众办实事,共建共享文明城。近日,江西省吉安市青原区创建全国文明城市指挥部办公室结合党史学习教育,开展了“下实地 摸实情 办实事”实践活动。',
    '据了解,自',
]


def test_cut_ending_on_a_dangling_word_alone_does_not_take_a_distant_paragraph():
    """A column ending `…坚持创建为民、` whose continuation is not found: a
    distant block of another article that merely starts a paragraph is no
    continuation (a dangling end alone is as often a lost continuation), so
    each article keeps its own paragraphs."""
    rec, arts = articles(page(*DANGLE))
    assert not any(j.reason == "open-end" for j in rec.joins)
    ji = next(a for a in arts if a.title and a.title.startswith("吉安市"))
    assert {8, 9, 10} <= set(ji.blocks)
    xi = next(a for a in arts if a.title and a.title.startswith("新时代"))
    assert not set(xi.blocks) & set(range(7, 13))


QINGYUAN = [
    "内江市残联:坚定信心战疫情 同舟共济筑防线",
    "本报讯(曾伟凌)四川省内江市本轮新冠肺炎疫情发生以来,内江市残联切实扛起责任担当,用实际行动为全市疫情防控贡献残联力量。",
    "强化责任意识,争分夺秒迅速部署。收到静态管理通知后,内江市残联党组争分夺秒,率先行动,对疫情防控工作进行部署,明确任务。"
    "向全市各级",
    "残疾人工作者发出“全力参与疫情防控,帮助残疾人共渡难关”的号召,并提出工作要求。",
    "聚焦服务人群,给予特别关心。聚焦困难残疾人,对独居残疾人、行动不便残疾人、智力和精神残疾人等重点人群给予特别关心关注,用"
    "实际行动筑牢疫情防控的安全堡垒。",
    "吉安市青原区开展“下实地 摸实情 办实事”实践活动",
    "创建靠民、创建惠民,持续开展“下实地 摸实情 办实事”实践活动,前往背街小巷、农贸市场、“五小”行业、公园广场等群众聚集"
    "的公共场所,收集群众需求和对文明城市创建工作的意见、建议。同时,通过设立“啄木鸟在行动”专栏、开通文明创建热线等多种渠道"
    ",围绕群众反映的民生问题开展督办查核,确保活动落到实处、见到实效,让群众从一件件实事、小事上感受文明城市创建带来的成效和"
    "变化。",
    "3月19日青原区党史学习教育动员大会召开以来,该区创建办按照“学党史、悟思想、办实事、开新局”的要求,扎实开展“五好工作"
    "法”,在理论学习的基础上,运用“杨慧芝群众工作法”,下实地、摸实情,开展大走访、大调研,进入社区、小区了解和收集创建文明"
    "城市工作中与群众生活密切相关的民生问题,为群众办实事、解决实际问题。",
    "据介绍,下一步,青原区创建办将坚持创建为民、",
    "本报讯(卢卿卿 邓小川)我为群众办实事,共建共享文明城。近日,江西省吉安市青原区创建全国文明城市指挥部办公室结合党史学习"
    "教育,开展了“下实地 摸实情 办实事”实践活动。",
    "据了解,自"]


def test_headline_read_as_text_between_two_news_leads_heads_a_reversed_article():
    """A headline the shape tests take for a line of text (`…下实地 摸实情…`)
    between the body of one article, opened by its `本报讯` lead, and three
    columns printed in reverse, whose lead is in the last one printed: two
    leads between two headlines are two articles, so the columns below the
    line are read on their own; the last of them ends mid-sentence (`据了解,自`)
    right above the page end, so its sentence goes on in a column printed
    before it and the reversed reading takes it in."""
    _, arts = articles(page(*QINGYUAN))
    assert [a.title for a in arts] == ["内江市残联:坚定信心战疫情 同舟共济筑防线",
                                       "吉安市青原区开展“下实地 摸实情 办实事”实践活动"]
    assert _opens(arts[0], "本报讯(曾伟凌)", "强化责任意识", "聚焦服务人群")
    assert _opens(arts[1], "本报讯(卢卿卿", "据了解,自3月19日", "据介绍,下一步")
    assert arts[1].paragraphs[-1].text.endswith("带来的成效和变化。")


HUAIROU = [
    "内江市残联:坚定信心战疫情 同舟共济筑防线",
    "本报讯(曾伟凌)四川省内江市本轮新冠肺炎疫情发生以来,内江市残联切实扛起责任担当,用实际行动为全市疫情防控贡献残联力量。",
    "聚焦服务人群,给予特别关心。聚焦困难残疾人,对独居残疾人、行动不便残疾人、智力和精神残疾人等重点人群给予特别关心关注,用"
    "实际行动筑牢疫情防控的安全堡垒。",
    "聚焦民生“小事” 回应百姓关切",
    "改造升级农贸市场、“多维度”治理社区、精细化整治背街小巷……自启动全国文明城区创建以来,北京市怀柔区立足综合性国家科学中"
    "心建设和首都功能承载地位,举全区之力、集全民之智,从群众最关心的问题抓起,按照集中攻坚、疏堵结合、长效管理的工作思路,把"
    "为民、利民、惠民体现在文明创建各方面,全力打造和谐宜居之城,让群众的幸福更有“质感”。",
    "改造升级农贸市场",
    "有人说,要想近距离地感受一座城市的文明指数,就要逛逛那里的农贸市场。",
    "文明创建永无止境。怀柔区将进一步提高工作标准,加大工作力度,以埋头苦干的拼搏精神,真抓实干的具体举措,确保新一轮文明城区"
    "创建工作开好局、起好步。"]


def test_headline_over_an_article_opening_with_few_shared_words_is_not_a_section_heading():
    """A short line after a complete paragraph, whose words the article above
    hardly uses, over a paragraph that opens like an article (`改造升级……自
    启动…以来`) about other things than the text above, in an article that has
    no section heading so far: the headline of the next article, not the first
    section heading of the article above (that article has no `本报讯` lead and
    its opening shares few words with its headline)."""
    _, arts = articles(page(*HUAIROU))
    assert [a.title for a in arts] == ["内江市残联:坚定信心战疫情 同舟共济筑防线", "聚焦民生“小事” 回应百姓关切"]
    assert _opens(arts[0], "本报讯(曾伟凌)", "聚焦服务人群")
    assert _opens(arts[1], "改造升级农贸市场、", "改造升级农贸市场", "有人说,", "文明创建永无止境")
    assert arts[1].paragraphs[1].type != "p"   # still a section heading of its own article


CHAOYANG_TRUNC = [
    "凝聚最大合力,掀起“文明新风”",
    "市民是城市的主体,也是城市文明的受益者。如何搭建舞台,让群众主动参与文明创建这场“幸福接力”?朝阳区给出了自己的答案。",
    "一座城市的美,在于骨子里的精神。为营造向上向善的文明环境,朝阳区坚持在宣传教育、传承弘扬、典型选树等各环节上抓细抓小抓实。"
    "坚持“四级”典型选树模式,进一步完善以“朝阳榜样”为引领的道德荣誉体系。2022年,向“我推荐我评议身边好人”活动推荐14名候选人,"
    "向“北京榜样”主题活动推荐87名候选人。同时,持续开展“五个10”志愿服务先进典型选树和",
    "为巩固“双奥朝阳”建设成果和“三区叠加”工作优势,朝阳区以全国文明城市典范城区为目标,系统谋划文明城区创建新篇章。挖掘“双奥之城”"
    "丰富内涵,大力实施奥运场馆可持续开发利用、奥运文化传播推广等十大行动计划,广泛开展奥运国际交流活动。"]


def test_truncated_paragraph_is_not_continued_by_a_purpose_clause_opening():
    """A column ends mid-sentence and its continuation is lost; the next
    printed block opens with a purpose clause (`为巩固…,朝阳区…`), the way a
    paragraph opens and a cut sentence hardly goes on: a new paragraph."""
    _, arts = articles(page(*CHAOYANG_TRUNC))
    assert len(arts) == 1
    assert _opens(arts[0], "市民是城市的主体", "一座城市的美", "为巩固“双奥朝阳”")


CHAOYANG_SHORT = [
    "凝聚最大合力,掀起“文明新风”",
    "从2001年启动全国文明城市创建工作到2011年荣获“全国文明城市”称号,再到2020年连续四届荣膺“全国文明城市”称号,北京市朝阳区"
    "实现了一个又一个突破,增添了这座文明城区的无限魅力。",
    "多年来,朝阳区坚持",
    "把文明城区创建作为提升城乡建设管理水平的重要手段,作为推动区域经济社会全面发展的重要载体,引领着全区向着全国文明典范城区进发。",
    "以“令”为纲,展现责任担当",
    "站在新的起点上,如何答好朝阳答卷、展现朝阳担当、贡献朝阳力量,成为全区关心、热议和思考的话题。"]


def test_short_sentence_opening_left_at_a_column_end_is_no_section_heading():
    """A column ends a few characters into a paragraph (`多年来,朝阳区坚持`) and
    the next block goes on with it (`坚持|把…`, no word across the cut): a line
    opening with a short sentence adverbial (`多年来,` `如今,` `会议强调,`)
    starts a sentence, not a section heading. A real section heading
    (`以“令”为纲,展现责任担当`) stays one."""
    _, arts = articles(page(*CHAOYANG_SHORT))
    assert len(arts) == 1
    assert _opens(arts[0], "从2001年", "多年来,朝阳区坚持把文明城区创建", "以“令”为纲", "站在新的起点上")
    assert arts[0].paragraphs[2].type != "p"


PENGZHOU_SHORT = [
    "人行彭州支行文明单位创建升格总行级",
    "聚焦机制保障,注重",
    "守好创建“责任田”。以创建机制化和责任考核化为保障,推动实现思想认识、组织措施、创建责任和成果转化“四到位”。立足“政治建设、"
    "思想道德、文化培育、内部管理、履职成效”五个领先目标,制定创建三年规划和实施方案。",
    "全民参与,让文明触手可及",
    "市民是城市的主体,也是城市文明的受益者。如何搭建舞台,让群众主动参与文明创建这场“幸福接力”?"]


def test_line_ending_one_word_into_a_clause_is_no_section_heading():
    """`聚焦机制保障,注重` (a column cut a word after the comma) goes on in the
    next block (`注重|守好…`); `全民参与,让文明触手可及`, whose second clause is
    whole, stays a section heading."""
    _, arts = articles(page(*PENGZHOU_SHORT))
    assert len(arts) == 1
    assert _opens(arts[0], "聚焦机制保障,注重守好创建", "全民参与,让文明触手可及", "市民是城市的主体")
    assert arts[0].paragraphs[1].type != "p"


DEQING_SHORT = [
    "德清供电:服务光伏并网 赋能企业减碳",
    "今年以来,国网德清县供电公司主动对接辖区企业,开辟分布式光伏并网绿色通道,全年累计服务企业屋顶光伏并网一百余户,助力企业降本增效。",
    "聚焦县域新",
    "旧动能转换,服务型新型电力系统建设。在未来,国网德清县供电公司将继续用好电力大数据资源,持续开展“供电+能效”行动,"
    "为“双碳”目标早日实现作出新贡献。",
    "全民参与,让文明触手可及",
    "市民是城市的主体,也是城市文明的受益者。如何搭建舞台,让群众主动参与文明创建这场“幸福接力”?"]


def test_line_cut_inside_a_word_is_no_section_heading():
    """A column ends inside a word (`聚焦县域新|旧动能`): the word spans the cut to
    the next block, which a section heading (ending on a whole word) never does
    with the paragraph under it. `全民参与,让文明触手可及` stays a heading."""
    _, arts = articles(page(*DEQING_SHORT))
    assert len(arts) == 1
    assert _opens(arts[0], "今年以来", "聚焦县域新旧动能转换", "全民参与,让文明触手可及", "市民是城市的主体")
    assert arts[0].paragraphs[2].type != "p"


NANPING_MIYUN = ['福建南平：凝聚创建合力奏响齐抓共管大乐章',
                 '吴利武',
                 '北京市密云区：创新打造「三平台」推进「智慧檀营」建设',
                 '近年来,福建省南平市着力打通“监督渠道”,优化“投诉流程”,出台“激励方案”,充分发挥党员志愿者、青'
                 '年志愿者和巾帼志愿者先锋模范作用,引导广大市民参与创建、支持创建、满意创建。',
                 '引导广大市民争做“文明践行者”。南平市委文明办出台《2021—2023年南平市民素质提升工程实施方案'
                 '》,全力推进道德讲堂“一月一主题”教育活动,有力推动市民带头讲文明树新风,养成健康生活好习惯,争当文'
                 '明有礼的南平人。三年来,全市开展道德讲堂观摩活动33次,带动市级以上文明单位(村镇、校园)开展350'
                 '0多期培训,受众近40万人次。扎实推进《南平市文明行为促进条例》宣传进机关、进村镇、进企业、进学校、'
                 '进社区。开展宣讲和道德讲堂300多场次,受众2万余人次;制作《与文明牵手、和法律同行》短视频,并利用'
                 '电视台、电梯海报、“两微一端”等媒介播放92.45万次;向广大市民发出《南平市创建全国文明城市倡议书'
                 '》,16.5万人在线参与接力转发,助力文明创建。',
                 '檀营地区是密云新城核心区,辖区面积2.87平方公里,下辖三个社区八个小区,流动人口近1.5万人。为加'
                 '快推动基层治理体系和治理能力现代化,近年来,檀营地区坚持以城市管理为切入点,创新打造“三平台”,努力'
                 '探索一条符合地区特色和发展的新路子,为全面建设“生态富裕宜居和谐美丽”新檀营提供精准化、便捷式服务,'
                 '推进“智慧檀营”建设。',
                 '创新打造“综合治理数据调度指挥平台”。为有效改善地区政务工作环境,檀营地区在密云区率先研发了综合治理'
                 '数据调度指挥平台,整合电子政务办公系统、12345接诉即办工作、网格化管理等功能,设置了“党建引领、'
                 '事件管理、街乡吹哨、电子地图、电子政务”五大模块,通过智能化、精细化管理开展工作。电子政务办公系统是'
                 '该平台的一大亮点,它融合个人办公、公文管理、会议通知、流程审批、信息采集、督查督办等功能,将地区机关'
                 '干部、社区“两委”干部、协管员共计153名纳入平台,按照职级、授权范围,采用层级化管理的模式工作。工'
                 '作人员登录平台即可接收、',
                 '回复通知,科室发布的信息、领导签批文件也可实时受理。截至目前,檀营地区利用该平台共办理文件、呈批件等'
                 '2万余件,实现了远程实时管控。网格化管理发现并处理事件22011件,解决12345群众诉求8301件'
                 '。']


def test_headline_under_a_detached_headline_whose_words_open_a_body_further_on():
    """Two headlines in a row, both detached from their bodies, which follow in
    the same order: the second line sits right under the first one's byline but
    names nothing of the text below it, while a paragraph opening further on
    talks about what it names. It is a headline, not a section heading."""
    _, arts = articles(page(*NANPING_MIYUN))
    assert [a.title for a in arts] == ["福建南平：凝聚创建合力奏响齐抓共管大乐章", "北京市密云区：创新打造「三平台」推进「智慧檀营」建设"]
    assert arts[0].byline == "吴利武"
    assert _opens(arts[0], "近年来,福建省南平市", "引导广大市民争做“文明践行者”")
    assert _opens(arts[1], "檀营地区是密云新城核心区", "创新打造“综合治理数据调度指挥平台”")
    assert arts[1].paragraphs[-1].text.endswith("解决12345群众诉求8301件。")


# the last two paragraphs of the 资阳 article (a sample page), used by several pages below
ZIYANG_CLOSING = ['徐芝文在会上指出,各级各部门要切实增强做好创建工作的自觉性和主动性,抓好宣传动员,抓好部署落实,抓好'
                  '氛围营造,迅速掀起创建全国文明城市的工作热潮;要对照全国文明城市测评体系,深入研究、把握标准、精准施'
                  '策,制定好、推动好、落实好专项方案,确保创建效果;要汇聚全市之力,加强统筹协调,强化责任落实,确保如'
                  '期成功创建全国文明城市。',
                  '会上,段再青宣读了关于表彰资阳市创建四川省文明城市、国家卫生城市、国家园林城市、全国双拥模范城工作先'
                  '进集体和先进个人的通报。有关市领导为受表彰的先进集体和先进个人代表颁奖。市委常委、宣传部长舒勇总结创'
                  '建工作,并部署全国文明城市创建工作。雁江区、市公安局、市城管行政执法局、高新区狮子山街道先后作表态发'
                  '言。']


ZIYANG_HUAIROU = ['紧盯创建目标 坚定信心决心 资阳市创建全国文明城市动员大会召开',
                  '聚焦民生“小事” 回应百姓关切',
                  '——北京怀柔区创建全国文明城区为民办实事',
                  '杨澜 张嘉哲',
                  '本报讯(李远雄)4月7日,资阳市创建四川省文明城市、国家卫生城市、国家园林城市、全国双拥模范城总结表'
                  '彰暨创建全国文明城市动员大会召开。市委书记廖仁松出席会议并讲话。市委副书记、市长徐芝文主持会议。市人'
                  '大常委会主任王荣木、市政协主席陈莉萍、市委副书记段再青出席会议。',
                                    *ZIYANG_CLOSING,
                  '改造升级农贸市场、“多维度”治理社区、精细化整治背街小巷……自启动全国文明城区创建以来,北京市怀柔区'
                  '立足综合性国家科学中心建设和首都功能承载地位,举全区之力、集全民之智,从群众最关心的问题抓起,按照集'
                  '中攻坚、疏堵结合、长效管理的工作思路,把为民、利民、惠民体现在文明创建各方面,全力打造和谐宜居之城,'
                  '让群众的幸福',
                  '有“质感”。',
                  '改造升级农贸市场',
                  '有人说,要想近距离地感受一座城市的文明指数,就要逛逛那里的农贸市场。']


def test_headline_printed_above_another_takes_the_first_paragraphs_under_them():
    """A detached headline printed right above the next article's headline: the
    paragraphs under the two (a news lead naming 资阳市) are the first one's body,
    the second one's own body follows them (naming 怀柔区, as its subtitle)."""
    _, arts = articles(page(*ZIYANG_HUAIROU))
    assert [a.title for a in arts] == ["紧盯创建目标 坚定信心决心 资阳市创建全国文明城市动员大会召开", "聚焦民生“小事” 回应百姓关切"]
    assert _opens(arts[0], "本报讯(李远雄)", "徐芝文在会上指出", "会上,段再青宣读")
    assert arts[1].byline == "杨澜 张嘉哲"
    assert arts[1].paragraphs[0].text.startswith("改造升级农贸市场、“多维度”治理社区")
    assert arts[1].paragraphs[-1].text.startswith("有人说,要想近距离地感受")


NANPING_ZIYANG = ['福建南平：凝聚创建合力奏响齐抓共管大乐章',
                  '吴利武',
                  '本报讯(李远雄)4月7日,资阳市创建四川省文明城市、国家卫生城市、国家园林城市、全国双拥模范城总结表'
                  '彰暨创建全国文明城市动员大会召开。市委书记廖仁松出席会议并讲话。市委副书记、市长徐芝文主持会议。市人'
                  '大常委会主任王荣木、市政协主席陈莉萍、市委副书记段再青出席会议。',
                  '会议强调,全',
                  '市上下要深刻认识创建全国文明城市的重大意义,切实把思想和行动统一到市委、市政府的决策部署上来,紧盯创'
                  '建目标不动摇,坚定信心决心,以昂扬的斗志、务实的作风,扎实开展创建工作,推进全国文明城市创建取得全面'
                  '胜利。廖仁松在讲话中指出,近年来,通过全市上下不懈奋斗,成功创建四川省文明城市、国家卫生城市、国家园'
                  '林城市、全国双拥模范城,入围全国文明城市提名城市。回望创建历程,全市上下坚定信心决心,担当付出奉献,'
                  '推动城市面貌发生',
                  '可喜变化,中心城区功能配套日趋完善,人居环境不断提升,向上向善社会风尚更加彰显,军政军民鱼水情深持续'
                  '巩固,干部群众精神状态得到提振。创建全国文明城市的标准更高、要求更高,全市上下要砥砺奋进,紧盯创建目'
                  '标不动摇,按照“一年打基础、两年促提升、三年创成功”总体思路,坚持“以人为本、常态长效、城乡统筹”原'
                  '则,深入实施创建全国文明城市十项工程,培育文明风尚,夯实城市基础,加强基层治理,改善社会民生,着力打'
                  '造良好的政务、法治、市场、人',
                  '治、市场、人文、文化、生活、社会和生态环境,为建设成渝门户枢纽、临空新兴城市提供坚实支撑。',
                                    *ZIYANG_CLOSING,
                  '紧盯创建目标 坚定信心决心 资阳市创建全国文明城市动员大会召开',
                  '国学雷锋志愿服务“四个100”先进典型6个,荣获省级学雷锋志愿服务“四最美”先进典型共34个;认定三'
                  '星级志愿者155人、四星级志愿者83人、五星级志愿者21人。',
                  '近40万人次。扎实推进《南平市文明行为促进条例》宣传进机关、进村镇、进企业、进学校、进社区。开展宣讲'
                  '和道德讲堂300多场次,受众2万余人次;制作《与文明牵手、和法律同行》短视频,并利用电视台、电梯海报'
                  '、“两微一端”等媒介播放92.45万次;向广大市民发出《南平市创建全国文明城市倡议书》,16.5万人'
                  '在线参与接力转发,助力文明创建。',
                  '引导广大市民争做“文明示范者”。南平市直各单位每周约1000人次开展“文明交通”“清洁家园”“文明条'
                  '例宣传”等主题志愿服务活动。全市1867个新时代文明实践站,4930支志愿服务队伍,累计开展志愿服务'
                  '活动104844场次,“有困难找志愿者,有时间做志愿者”成为越来越多普通市民的共识。目前,全市共有3'
                  '4人获评“中国好人”,89人获评“福建好人”,76人获评“南平好人”。共有全国道德模范(含提名奖)6'
                  '人、省级道德模范9人、市级道德模范223人。全市共荣获全',
                  '近年来,福建省南平市着力打通“监督渠道”,优化“投诉流程”,出台“激励方案”,充分发挥党员志愿者、青'
                  '年志愿者和巾帼志愿者先锋模范作用,引导广大市民参与创建、支持创建、满意创建。',
                  '引导广大市民争做“文明践行者”。南平市委文明办出台《2021—2023年南平市民素质提升工程实施方案'
                  '》,全力推进道德讲堂“一月一主题”教育活动,有力推动市民带头讲文明树新风,养成健康生活好习惯,争当文'
                  '明有礼的南平人。三年来,全市开展道德讲堂观摩活动33次,带动市级以上文明单位(村镇、校园)开展350'
                  '0多期培训,受众']


def test_headline_after_its_body_is_matched_against_its_whole_body():
    """A headline printed after its body, its news lead under another article's
    headline: the line names what the whole body since the lead names, far more
    than the next text (the other article, on a like subject), though its last
    paragraphs alone share fewer of its words. It heads the text before it."""
    _, arts = articles(page(*NANPING_ZIYANG))
    ziyang = [a for a in arts if a.title == "紧盯创建目标 坚定信心决心 资阳市创建全国文明城市动员大会召开"]
    assert len(ziyang) == 1
    assert _opens(ziyang[0], "本报讯(李远雄)", "会议强调,全市上下", "徐芝文在会上指出", "会上,段再青宣读")
    nanping = [a for a in arts if a.title == "福建南平：凝聚创建合力奏响齐抓共管大乐章"]
    assert len(nanping) == 1 and nanping[0].paragraphs[0].text.startswith("近年来,福建省南平市")


PENGZHOU_BAIYIN = ['人行彭州支行文明单位创建升格总行级',
                   '何厚军',
                   '文明风起满眼新',
                   '——甘肃白银全力推动文明城市创建工作不断迈向新高度',
                   '白银宣',
                   '近年来,人民银行四川彭州市支行党组秉承“以文明单位创建统揽全局”理念,立足建设“标兵支行”目标,把争'
                   '创总行级文明单位作为支行跨越发展的助推器,聚焦党建、机制、氛围和履职,凝心聚力成功创建人民银行总行级'
                   '文明单位。',
                   '聚焦党建引领,注重把稳创建“航向标”。发挥政治建设在文明单位创建中的引领作用,实现党建与创建融合互促'
                   '。扎实开展“两学一做”学习教育、“不忘初心、牢记使命”主题教育及党史学习教育。创设“薪火211”理论'
                   '大讲堂,打造金彭“立心·惠民”党',
                   '心·惠民”党',
                   '建品牌,通过专题授课等方式加强理论教育,引导全行职工坚定理想信念、把稳创建方向。',
                   '聚焦机制保障,注重守好创建“责任田”。以创建机制化和责任考核化为保障,推动实现思想认识、组织措施、创'
                   '建责任和成果转化“四到位”。立足“政治建设、思想道德、文化培育、内部管理、履职成效”五个领先目标,制'
                   '定创建三年规划和实施方案。通过按季召开创建推进会、加强督查督办等方式,推动创建工作扎实稳步开展。',
                   '聚焦氛围营造,注重凝聚创建“精气神”。将社会主义核心价值观融入内部规章和职工行为规范,实现文明理念、'
                   '文明用语、文明规范上墙入心。倡导“奉献、友爱、互助、进步”的志愿精神,开展金融知识',
                   '宣传、金融便民服务等志愿服务活动30余次,慰问留守儿童7次。打造支行荣誉室和空中羽毛球场,温暖职工之'
                   '家,增强创建认同感。',
                   '聚焦履职创新,注重找准创建“着力点”。推动完善农村金融供给体系,形成有全国影响力的农金改“彭州模式”'
                   ',工作经验被媒体刊载60余次。推动农产品电子仓单质押融资创新,入选四川省金融科技赋能乡村振兴示范工程'
                   '。加大金融支持实体经济力度,搭建“政银税财企”联动机制,创建年度内全市各项贷款年均增速超20%,惠及'
                   '经营主体1.2万户。成功打造望蜀里街区、宝山村民宿等数字人民币示范场景。支部被授予总行“先进基层党组'
                   '织”称号。支行获评全',
                   '国工人先锋号,连续6年被成都分行营业管理部考核为“目标管理先进单位”。',
                   '近年来,甘肃省白银市顺应经济社会发展的大趋势、人民追求美好生活的民心所向,奋力争创全国文明城市,把其'
                   '与“实力、绿色、富裕、活力、幸福、平安”“六个新白银”建设紧密相连,抓重点、攻难点、创亮点,不断深化'
                   '群众性精神文明创建活动,全面提升城市文',
                   '明程度和综合竞争力,努力把文明城市创建打造成经得起实践、群众和历史检验的民心工程、德政工程。',
                   '告专项整治,让城市更加文明整洁、更加舒适宜居。',
                   '此外,白银市还坚持从细节入手,加强城市公厕和无障碍设施达标建设、加强母婴室和爱心驿站户外工作室完善,'
                   '以及道路交通设施缺失、事故隐患',
                   '事故隐患路段的排查和治理等工作,布设“六大类”景观小品,并持续开展“烟头不落地·城市更美丽”“我为创'
                   '城洗洗脸·我为城市添光彩”“垃圾随手捡·文明天天见”等活动。']


def test_detached_body_is_not_split_inside_its_enumerated_paragraphs():
    """Two detached headlines, their bodies below in the same order. The first
    body's enumerated paragraphs (`聚焦党建引领,` `聚焦机制保障,` …) stay together:
    the second headline's body opens after the last of them, not at one that
    happens to share its words."""
    _, arts = articles(page(*PENGZHOU_BAIYIN))
    assert [a.title for a in arts] == ["人行彭州支行文明单位创建升格总行级", "文明风起满眼新"]
    assert _opens(arts[0], "近年来,人民银行", "聚焦党建引领", "聚焦机制保障", "聚焦氛围营造", "聚焦履职创新")
    assert _opens(arts[1], "近年来,甘肃省白银市", "告专项整治", "此外,白银市还坚持")


NEIJIANG_CHAOYANG = ['凝聚最大合力,掀起“文明新风”',
                     '——北京市朝阳区将文明融入城市肌理不断提升城区文明内涵',
                     '杨澜 宋敏',
                     '内江市残联:坚定信心战疫情 同舟共济筑防线',
                     '本报讯(曾伟凌)四川省内江市本轮新冠肺炎疫情发生以来,内江市残联切实扛起责任担当,用实际行动为全市疫'
                     '情防控贡献残联力量。',
                     '强化责任意识,争分夺秒迅速部署。收到静态管理通知后,内江市残联党组争分夺秒,率先行动,对疫情防控工作'
                     '进行部署,明确任务。向全市各级残疾人工作者发出“全力参与疫情防控,帮助残疾人共渡难关”的号召,并提出'
                     '工作要求。',
                     '领导干部率先垂范,就地',
                     '沉。内江市残联党组书记、理事长申杰和班子成员率先垂范,主动下沉社区,带动全市残联系统80余名干部职工'
                     '下沉街道、社区,就地开展志愿服务。',
                     '聚焦服务人群,给予特别关心。聚焦困难残疾人,对独居残疾人、行动不便残疾人、智力和精神残疾人等重点人群'
                     '给予特别关心关注,用实际行动筑牢疫情防控的安全堡垒。',
                     '连日来,贵州省黔西市雨朵镇在辖区各村(社区)开展居民养老保险政策宣传,积极引导广大群众踊跃参保续保,'
                     '确保养老政策落到实处,真正实现城乡群众老有所养、老有所依。图为雨朵镇雷家寨社区给老人宣传养老保险政策'
                     '。',
                     '周训超 摄',
                     '从2001年启动全国文明城市创建工作到2011年荣获“全国文明城市”称号,再到2020年连续四届荣膺'
                     '“全国文明城市”称号,在创建城庆11年间,北京市朝阳区实现了一个又一个突破,增添了这座文明城区的无限'
                     '魅力。',
                     '多年来,朝阳区坚持把文明城区创建作为提升城乡建设管理水平的重要手段,作为推动区域经济社会全面发展的重'
                     '要载体,作为改善民生、提升社会治理能力和治理水平的重要途径,巩固创建成果,完善长效机制,凝聚最大合力'
                     ',全力打造精神文明高地,',
                     '一体谋划,打好创建“组合拳”',
                     '为不断提升城区治理水平,朝阳区坚持围绕中心、服务大局,持续巩固提升全国文明城市创建成果,着力将文明城'
                     '区创建与常态化疫情防控、新时代文明实践中心建设、美丽乡村建设、创建国家卫生区、新时代爱国卫生运动、背'
                     '街小巷环境精细化整治提升、冬奥会冬残奥会服务保障以及接诉即办等重点工作紧密结合,推动文明城区测评',
                     '指标与中心工作、重点任务一体谋划、同步落实、相互促进。',
                     '人民群众的“幸福清单”就是文明城市创建的“责任清单”。在深化文明城区创建中,朝阳区紧盯群众关切,依托'
                     '“城市大脑”建设,推进文明创建智慧工程,综合运用大数据、云计算等手段有效破解城市运行管理痼疾顽症,为'
                     '文明城区常态化创建提供强有力的科技支撑。同时,充分发挥“12345”热线贴近群众、汇集民意的优势,深'
                     '化“吹哨报到”“接诉即办”机制,实行全链条跟踪办理,定期分析研判,建立共享问题台账,提高问',
                     '题主动处置效能。同时,把“接诉即办”列入“一把手”重要工程,并在“接诉即办”工作机制基础上,建立了“'
                     '调、考、问、奖、约”工作机制,即分高级位调度机制、领导班子“接诉即办”考核机制、纪检问责机制、奖励补'
                     '助机制和约谈提醒机制,保证了群众诉求得到有效及时办理。截至目前,全区共受理市民热线诉求236万余件,'
                     '诉求解决率从43.39%提升到92.80%,满意率从61.92%提升到92.56%。']


def test_paragraph_cut_short_before_a_photo_stays_with_its_article():
    """A detached headline over the next article's headline; that article's last
    paragraph is cut short (its end lost) before a photo, and the detached body
    follows the photo. The cut paragraph names neither headline: it stays with
    the text it is printed in, the detached body opens after the photo."""
    _, arts = articles(page(*NEIJIANG_CHAOYANG))
    assert [a.title for a in arts] == ["凝聚最大合力,掀起“文明新风”", "内江市残联:坚定信心战疫情 同舟共济筑防线"]
    assert arts[0].paragraphs[0].text.startswith("从2001年启动全国文明城市创建工作")
    assert arts[1].paragraphs[-1].text.startswith("聚焦服务人群,给予特别关心。")


XINING_PENGZHOU = [
    "本报讯(林洛)近期以来,青海省西宁市城西区古城台街道扎实推进党史学习教育。",
    "将党史学习教育融入作风建设、疫情防控、经济社会发展、城市建管、综合治理等重点工作中,以“我为群众办实事”为主题,"
    "广泛开展“新选任社区干部民情走访”活动,通过与群众零距离接触、面对面交流,了解群众所需所盼,及时掌握各类矛盾纠纷"
    "问题,确保社情民意心中有数,做到“群众有所呼,党组织有所应”,用心用情为群众办实事、解难题,推动党史学习教育走深"
    "走实。",
    "西宁市古城台街道 扎实推进党史学习教育",
    "诚信经营 服务社会\n欢迎订阅",
    "人行彭州支行文明单位创建升格总行级",
    "近年来,人民银行四川彭州市支行党组秉承“以文明单位创建统揽全局”理念,立足建设“标兵支行”目标,把争创总行级文明"
    "单位作为支行跨越发展的助推器,聚焦党建、机制、氛围和履职,凝心聚力成功创建人民银行总行级文明单位。",
    "聚焦党建引领,注重把稳创建“航向标”。发挥政治建设在文明单位创建中的引领作用,实现党建与创建融合互促。扎实开展“"
    "两学一做”学习教育、“不忘初心、牢记使命”主题教育及党史学习教育。创设“薪火211”理论大讲堂,打造金彭“立心·"
    "惠民”党建品牌,通过专题授课等方式加强理论教育,引导全行职工坚定理想信念、把稳创建方向。",
    "聚焦机制保障,注重守好创建“责任田”。以创建机制化和责任考核化为保障,推动实现思想认识、组织措施、创建责任和成果"
    "转化“四到位”。立",
    "足“政治建设、思想道德、文化培育、内部管理、履职成效”五个领先目标,制定创建三年规划和实施方案。通过按季召开创建"
    "推进会、加强督查督办等方式,推动创建工作扎实稳步开展。",
    "聚焦履职创新,注重找准创建“着力点”。推动完善农村金融供给体系,形成有全国影响力的农金改“彭州模式”,工作经验被"
    "媒体刊载60余次。推动农产品电子仓单质押融资创新,入选四川省金融科技赋能乡村振兴示范工程。加大金融支持实体经济力"
    "度,搭建“政银税财企”联动机制,创建年度内全市各项贷款年均增速超20%,惠及经营主体1.2万户。成功打造望蜀里街"
    "区、宝山村民宿等数字人民币示范场景。支部被授予总行“先进基层党组织”称号。支行获评全国工人先锋号,连续6年被成都"
    "分行营业管理部考核为“目标管理先进单位”。",
]


def test_line_under_a_headline_printed_after_its_body_is_the_next_headline():
    """A headline printed after its body (its words are all in the news lead
    above it), then an ad, then a short line over another body: the line is the
    next article's headline, not a section heading under the headline above."""
    _, arts = articles(page(*XINING_PENGZHOU))
    assert [a.title for a in arts] == ["西宁市古城台街道 扎实推进党史学习教育", "人行彭州支行文明单位创建升格总行级"]
    assert _opens(arts[0], "本报讯(林洛)", "将党史学习教育")
    assert arts[1].paragraphs[0].text.startswith("近年来,人民银行四川彭州市支行")


NANPING_BAIYIN = [
    "福建南平：凝聚创建合力奏响齐抓共管大乐章",
    "吴利武",
    "文明风起满眼新",
    "近年来,甘肃省白银市顺应经济社会发展的大趋势、人民追求美好生活的民心所向,奋力争创全国文明城市,把其与“实力、绿"
    "色、富裕、活力、幸福、平安”“六个新白银”建设紧密相连,抓重点、攻难点、创亮点,不断深化群众性精神文明创建活动,"
    "全面提升城市文明程度和综合竞争力,努力把文明城市创建打造成经得起实践、群众和历史检验的民心工程、德政工程。",
    "告专项整治,让城市更加文明整洁、更加舒适宜居。",
    "为全面推进党建引领“五治融合”德治建设和全国文明城市创建工作,白银市组织开展了“十个100”文明实践志愿服务示范"
    "活动,即“100场创新理论宣讲”示范活动、“100场红歌传唱”示范活动、",
    "“100场模范巡讲”示范活动、“100场美育课堂”示范活动、“100场健康义诊”示范活动、“100场全民健身”示"
    "范活动、“100场心理健康培训”示范活动、“100场文明行为践行”示范活动、“100场文明礼仪展示”示范活动、“"
    "100场志愿服务引领”示范活动。",
    "“十个100”文明实践志愿服务示范活动只是白银市开展文明实践活动的缩影。近年来,白银市整合资源,聚焦学习实践科学"
    "理论、宣讲党的政策、丰富活跃文化生活等,组织开展了形式多样的文明实践活动。",
    "近年来,福建省南平市着力打通“监督渠道”,优化“投诉流程”,出台“激励方案”,充分发挥党员志愿者、青年志愿者和巾"
    "帼志愿者先锋模范作用,引导广大市民参与创建、支持创建、满意创建。",
    "引导广大市民争做“文明监督员”。今年以来,南平市建好用好数字化12345投诉平台,划拨10个事业编制成立南平市1"
    "2345政务服务便民热线中心,开辟创",
    "引导广大市民争做“文明示范者”。南平市直各单位每周约1000人次开展“文明交通”“清洁家园”“文明条例宣传”等主"
    "题志愿服务活动。全市1867个新时代文明实践站,4930支志愿服务队伍,累计开展志愿服务活动104844场次,“"
    "有困难找志愿者,有时",
    "间做志愿者”成为越来越多普通市民的共识。目前,全市共有34人获评“中国好人”,89人获评“福建好人”,76人获评"
    "“南平好人”。共有全国道德模范(含提名奖)6人、省级道德模范9人、市级道德模范223人。全市共荣获全国学雷锋志愿"
    "服务“四个100”先进典型6个,荣获省级学雷锋志愿服务“四最美”先进典型共34个;认定三星级志愿者155人、四星"
    "级志愿者83人、五星级志愿者21人。",
]


def test_paragraph_introducing_province_and_city_opens_an_article():
    """A headline whose body was detached, then a short line over a paragraph
    naming its province and city in full (`近年来,甘肃省白银市…`) as a news
    story's first sentence does: the line is a headline, and the later paragraph
    introducing another place (`近年来,福建省南平市…`) opens the detached body."""
    _, arts = articles(page(*NANPING_BAIYIN))
    assert [a.title for a in arts] == ["福建南平：凝聚创建合力奏响齐抓共管大乐章", "文明风起满眼新"]
    assert arts[0].paragraphs[0].text.startswith("近年来,福建省南平市")
    assert arts[1].paragraphs[0].text.startswith("近年来,甘肃省白银市")
    assert all("南平" not in p.text for p in arts[1].paragraphs)


MIYUN_PENGZHOU = [
    "北京市密云区：创新打造「三平台」推进「智慧檀营」建设",
    "檀营地区是密云新城核心区,辖区面积2.87平方公里,下辖三个社区八个小区,流动人口近1.5万人。为加快推动基层治"
    "理体系和治理能力现代化,近年来,檀营地区坚持以城市管理为切入点,创新打造“三平台”,努力探索一条符合地区特色和发"
    "展的新路子,为全面建设“生态富裕宜居和谐美丽”新檀营提供精准化、便捷式服务,推进“智慧檀营”建设。",
    "创新打造“综合治理数据调度指挥平台”。为有效改善地区政务工作环境,檀营地区在密云区率先研发了综合治理数据调度指挥"
    "平台,整合电子政务办公系统、12345接诉即办工作、网格化管理等功能,设置了“党建引领、事件管理、街乡吹哨、电子"
    "地图、电子政",
    "、电子政务”五大模块,通过智能化、精细化管理开展工作。电子政务办公系统是该平台的一大亮点,它融合个人办公、公文管"
    "理、会议通知、流程审批、信息采集、督查督办等功能,将地区机关干部、社区“两委”干部、协管员共计153名纳入平台,"
    "按照职级、授权范围,采用层级化管理的模式工作。工作人员登录平台即可接收、回复通知,科室发布的信息、领导签批文件也"
    "可实时受理。截至目前,檀营地区利用该平台共办理文件、呈批件等2万余件,实现了远程实时管控。网格化管理发现并处理事"
    "件22011件,解决12345群众诉求8301件。",
    "这是群众通过居民服务掌上平台反映问题、解决诉求的一个缩影。檀营地区创新社区治理模式,开发研制了一款具有交流、互动"
    "、便民服务、物业管理等功能为一体的“一站式”居民服务掌上平台,简称“社区通”。居民可以通过“社区通”实现二维码开"
    "门、物业报修、水电缴费,也可以在平台上反映诉求,为社区建言献策,享受更多的便民服务。截至目前,",
    "居民通过“社区通”为三个社区建言献策60余次,社区居民议事会解决群众“急难愁盼”50余件。",
    "创新打造“社区管理服务平台”。社区管理服务平台是由地区主导,以居民需求为导向,充分运用信息技术和信息资源来推进社"
    "区建设的一款智能管理服务平台。它整合就业、社保、文化、培训等公共服务信息,面向社区居民开展“一站式”服务。檀营地"
    "区利用这个平台,发布文明城区创建相关知识、开展文明行为宣传、进行文明培育、举办文明创建活动,不断提高群众文明素质"
    ",促进地区精神文明创建取得实实在在的效果。同时,也可对“社区通”等服务平台进行后台维护和管理,及时发布通知、消息"
    ",设置人员角色权限等,通过后台服务来推进社区管理和建设,助力地区发展。截至目前,社区服务管理平台已发布通知、消息"
    "96次,维护后台98次。",
    "下一步,檀营地区将以“三平台”智慧化建设为抓手,充分发挥党员、干部、志愿者作用,持续推进居民议事会、商户自律会等"
    "基层治理模式,群策群力、凝聚共识,着力解决群众“急难愁盼”,不断提升群众",
    "获得感、幸福感和满意度。",
    "文明实践在基层 人行彭州支行文明单位创建升格总行级",
    "近年来,人民银行四川彭州市支行党组秉承“以文明单位创建统揽全局”理念,立足建设“标兵支行”目标,把争创总行级文明"
    "单位作为支行跨越发展的助推器,聚焦党建、机制、氛围和履职,凝心聚力成功创建人民银行总行级文明单位。",
    "聚焦履职创新,注重找准创建“着力点”。推动完善农村金融供给体系,形成有全国影响力的农金改“彭州模式”,工作经验被"
    "媒体刊载60余次。推动农产品电子仓单质押融资创新,入选四川省金融科技赋能乡村振兴示范工程。加大金融支持实体经济力"
    "度,搭建“政银税财企”联动机制,创建年度内全市各项贷款年均增速超20%,惠及经营主体1.2万户。成功打造望蜀里街"
    "区、宝山村民宿等数字人民币示范场景。支部被授予总行“先进基层党组织”称号。支行获评全国工人先",
]


HUAIROU_NANPING = [
    "创城进行时 聚焦民生“小事” 回应百姓关切",
    "——北京怀柔区创建全国文明城区为民办实事",
    "杨澜 张嘉哲",
    "近日,贵州省黔东南苗族侗族自治州榕江县迎来西瓜丰收季,各种种植基地的瓜农忙着采收西瓜,供应市场。近年来,榕江县充"
    "分发挥“西瓜之乡”的基础优势,积极调整西瓜种植结构,引进新品种,并以“党支部+合作社+农户”的模式,带动群众发展"
    "西瓜种植,促进农业增效农民增收,助力乡村振兴。图为7月12日,在榕江县寨高镇寨高社区西瓜种植基地,党员志愿者和村"
    "民一起集中堆放刚采收的西瓜。李长华摄",
    "李明 摄",
    "福建南平：凝聚创建合力奏响齐抓共管大乐章",
    "近年来,福建省南平市着力打通“监督渠道”,优化“投诉流程”,出台“激励方案”,充分发挥党员志愿者、青年志愿者和巾"
    "帼志愿者先锋模范作用,引导广大市民参与创建、支持创建、满意创建。",
    "引导广大市民争做“文明监督员”。今年以来,南平市建好用好数字化12345投诉平台,划拨10个事业编制成立南平市1"
    "2345政务服务便民热线中心,开辟创建投诉通道,并向全社会“张榜公布”,对涉及创建全国文明城市的问题建立台账清单"
    ",实行跟踪处理,不断提高群众对创建工作的满意",
    "度。同时,南平广播电视台开设“不文明行为曝光台”,由市城管局、公安局、文旅局等职能部门和广大市民提供不文明交通、"
    "不文明旅游、不文明晾晒、不文明遛狗、占道经营、乱扔杂物等行为的照片和视频,每周集中曝光1期,目前累计曝光6期。",
    "引导广大市民争做“文明示范者”。南平市直各单位每周约1000人次开展“文明交通”“清洁家园”“文明条例宣传”等主"
    "题志愿服务活动。全市1867个新时代文明实践站,4930支志愿服务队伍,累计开展志愿服务活动104844场次,“"
    "有困难找志愿者,有时间做志愿者”成为越来越多普通市民的共识。目前,全市共有34人获评“中国好人”,89人获评“福"
    "建好人”,76人获评“南平好人”。共有全国道德模范(含提名奖)6人、省级道德模范9人、市级道德模范223人。全市"
    "共荣获全国学雷锋志愿服务“四个100”先进典型6个,荣获省级学雷锋志愿服务“四最美”先进典型共34个;认定三星级"
    "志愿者155人、四星级志愿者83人、五星级志愿者21人。",
    "改造升级农贸市场、“多维度”治理社区、精细化整治背街小巷……自启动全国文明城区创建以来,北京市怀柔区立足综合性国"
    "家科学中心建设和首都功能承载地位,举全区之力、集全民之智,从群众最关心的问题抓起,按照集中攻坚、疏堵结合、长效管"
    "理的工作思路,把为民、利民、惠民体现在文明创建各方面,全力打造和谐宜居之城,让群众的幸福更有“质感”。",
    "改造升级农贸市场",
    "有人说,要想近距离地感受",
    "座城市的文明指数,就要逛逛那里的农贸市场。",
    "今年3月,怀柔镇红螺家园社区安装了62个智能充电桩,可满足258名住户同时充电,不仅解决了住户电动车充电难的问题"
    ",还美化了小区环境,赢得了广大居民的点赞。",
]


def test_headline_printed_over_a_body_another_headline_took():
    """A headline group (kicker, subtitle, byline) detached above a photo, then
    another headline right over its own body, then the first headline's body:
    the second headline keeps the paragraphs printed under it that name it, the
    first takes the rest."""
    _, arts = articles(page(*HUAIROU_NANPING))
    by_title = {a.title: a for a in arts}
    nanping = by_title["福建南平：凝聚创建合力奏响齐抓共管大乐章"]
    assert nanping.paragraphs[0].text.startswith("近年来,福建省南平市")
    assert all("怀柔" not in p.text for p in nanping.paragraphs)
    huairou = next(a for a in arts if a is not nanping)
    assert "聚焦民生" in (huairou.title or "")
    assert not any(p.text.startswith("近年来,福建省南平市") for p in huairou.paragraphs)


MENTOUGOU_MIYUN = [
    "立足首善,全力谋划文明“大文章”",
    "——北京市门头沟区推进创建全国文明城区工作再上新台阶",
    "朱凡 张东辉",
    "生活在推窗见绿、望山见水、环境优美、秩序井然、文明和谐的家园,成为了越来越多门头沟人的标配,人们闲坐公园,与街坊"
    "邻",
    "里细数着这些年门头沟的变化,脸上都洋溢着幸福的笑容。",
    "紫气东来门头沟,绿水青山文明城。以首善标准,谋划文明创建“大文章”的门头沟,已然取得了可喜的成绩。展望未来,昂扬"
    "奋进的门头沟,将以最高标准、最优形象、最强阵容、最佳状态奋力创建全国文明城区,浓墨重彩绘就新时代文明风尚华章!",
    "连日来,贵州省黔西市雨朵镇在辖区各村(社区)开展居民养老保险政策宣传,积极引导广大群众踊跃参保续保,确保养老政策"
    "落到实处,真正实现城乡群众老有所养、老有所依。图为雨朵镇雷家寨社区给老人宣传养老保险政策。张华摄",
    "文明实践在基层 北京市密云区：创新打造「三平台」推进「智慧檀营」建设",
    "檀营地区是密云新城核心区,辖区面积2.87平方公里,下辖三个社区八个小区,流动人口近1.5万人。为加快推动基层治"
    "理体系和治理能力现代化,近年来,檀营地区坚持以城市管理为切入点,创新打造“三平台”,努力探索一条符合地区特色和发"
    "展的新路子,为全面建设“生态富裕宜居和谐美丽”新檀营提供精准化、便捷式服务,推进“智慧檀营”建设。",
    "创新打造“综合治理数据调度指挥平台”。为有效改善地区政务工作环境,檀营地区在密云区率先研发了综合治理数据调度指挥"
    "平台,整合电子政务办公系统、12345接诉即办工作、网格化管理等功能,设置了“党建引领、事件管理、街乡吹哨、电子"
    "地图、电子政务”五大模块,通过智能化、精细化管理开展工作。电子政务办公系统是该平台的一大亮点,它融合个人办公、公"
    "文管理、会议通知、流程审批、信息采集、督查督办等功能,将地区机关干部、社区“两委”干部、协管员共计153名纳入平"
    "台,按照职级、授权范围,采用层级化管理的模式工作。工作人员登录平台即可接收、回复通知,科室发布的信息、领导签批文"
    "件也可实时受理。截至目前,檀营地区利用该平台共办理文件、呈批件等2万余件,实现了远程实时",
    "控。网格化管理发现并处理事件22011件,解决12345群众诉求8301件。",
    "创新打造“居民服务掌上平台”。居民王超在檀营地区第一社区的居民服务掌上平台上留言:“现在有很多居民依靠电动车代步"
    ",不少人都从高层楼上飞线充电,太危险了,希望第一社区妥善解决电动车充电难问题……”收到留言后,第一社区高度重视,"
    "立即开展电动车信息摸排工作,并召开社区居民议事会,在议事会上,居民代表与社区工作人员齐坐一堂,协商解决居民充电难"
    "等社区治理难题,并达成共识。由政府出资,为第一社区建设集中充电棚,切实有效解决群众诉求。经多方协调,历时两个月时"
    "间,电动车充电棚终于落成,可供144辆电动车同时充电。",
    "这是群众通过居民服务掌上平台反映问题、解决诉求的一个缩影。檀营地区创新社区",
    "营地区创新社区治理模式,开发研制了一款具有交流、互动、便民服务、物业管理等功能为一体的“一站式”居民服务掌上平台"
    ",简称“社区通”。居民可以通过“社区通”实现二维码开门、物业报修、水电缴费,也可以在平台上反映诉求,为社区建言献"
    "策,享受更多的便民服务。截至目前,居民通过“社区通”为三个社区建言献策60余次,社区居民议事会解决群众“急难愁盼"
    "”50余件。",
    "创新打造“社区管理服务平台”。社区管理服务平台是由地区主导,以居民需求为导向,充分运用信息技术和信息资源来推进社"
    "区建设的一款智能管理服务平台。它整合就业、社保、文化、培训等公共服务信息,面向社区居民开展“一站式”服务。檀营地"
    "区利用这个平台,发布文明城区创建相关知识、开展文明行为宣传、进行文",
    "明培育、举办文明创建活动,不断提高群众文明素质,促进地区精神文明创建取得实实在在的效果。同时,也可对“社区通”等"
    "服务平台进行后台维护和管理,及时发布通知、消息,设置人员角色权限等,通过后台服务来推进社区管理和建设,助力地区发"
    "展。截至目前,社区服务管理平台已发布通知、消息96次,维护后台98次。",
]


def test_section_headings_shaped_like_slogan_and_headline_stay_headings():
    """Seed 003 (a real page): the 格尔木 article's section headings (`率先垂范 奏好“示范引领曲”`,
    two phrases and a space, like a slogan and a headline on one line) stay inside it, and
    `会议强调,创建省级文明城市,…` (省级, not a province) does not open a new story."""
    from .helpers import SEEDS
    text = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")
    arts = {it.title: it for it in reconstruct(text).items if it.kind == "article"}
    golmud = next(it for t, it in arts.items() if t and "格尔木" in t)
    assert sum(p.type == "heading" for p in golmud.paragraphs) == 6
    assert not any(t and t.startswith("率先垂范") for t in arts)
    shehong = next(it for t, it in arts.items() if t and "射洪" in t)
    assert [p.text[:4] for p in shehong.paragraphs][:2] == ["本报讯(", "会议强调"]


QINTAN_DEQING = [
    "德清供电:服务光伏并网 赋能企业减碳",
    "安庆经开区秦潭村:“党旗红”引领“秦潭绿”",
    "去年以来,安徽安庆经开区老峰镇秦潭村党总支在生态文明建设上攻坚克难,久久为功,聚焦“四抹绿色”,创新开展“八大行"
    "动”,将党建工作和新时代文明实践工作相结合,贯穿村务工作全",
    "程,着力打造“党旗红 秦潭绿”特色党建品牌。如今,在秦潭村党总支的不懈努力下,一幅绿色秦潭的美丽画卷正在徐徐展开"
    "。",
    "绿色生态。秦潭村聚焦生态文明建设,严格落实“河长制”,开展“绿波行动”,对港口沟、秦潭湖实施岸坡整治、清淤清障和"
    "绿化治理,集中清理水面漂浮物,捡拾河岸",
    "白色垃圾。结合“绿波行动”,秦潭村党总支组织志愿者深入秦潭湖公园各个角落进行“绿园行动”,清理园区内食品包装袋、"
    "纸巾、烟头等生活垃圾,以实际行动守护湖光、水清、岸绿、最美的生态环境。",
    "绿色生活。为切实保障村民身心健康,秦潭村实行“绿健行动”:健康讲座、爱心义诊下乡,疫苗接种、核酸检测",
    "上门,免费理发、公益体检入户。",
    "秸秆打捆清运,深入开展“最美家庭”评选活动。通过一系列活动增强村民的节约意识、环保意识,带动村民做绿色生活的参与"
    "者、践行者、弘扬者。",
    "绿色通道。随着“网上办”“掌上办”逐步成为政务服务标配,秦潭村也积极优化政务“一站式”服务,推出“绿信行动”:上",
    "门慰问特殊群体,设置便民疫苗接种点,优化电子政务资源配置……高效便捷的服务正在给村民带来实实在在的获得感。为了解"
    "村民生活现状,秦潭村党总支组织开展“绿联行动”,定期走访村民,依托党员志愿者建立党总支与村民之间的联系,开展各项"
    "活动,加强村民之间的交流。",
    "绿色文明。秦潭村结合",
    "文明创建工作,开展“绿灯行动”,发放文明出行宣传单页,治理“飞线充电”,整治小区车辆乱停放,规范电瓶车“一盔一带"
    "”;结合禁燃禁放相关政策,实施“绿家行动”,在辖区内进行秸秆禁烧、烟花爆竹禁燃禁放巡查,摸排辖区内超市、便利店的"
    "烟花爆竹情况,确保做到零售、零燃放、零燃放。",
    "“感谢你们检查光伏发电设备,目前光伏发电很稳定,我们车间用上了清光电!”近日,在浙江中天建筑产业化有限公司屋顶光"
    "伏电站,国网德清县供电公司工作人员在对站内并网二次设备进行安全检查时,光伏电站运维人员瑞小龙对工作人员连连道谢。",
    "据了解,浙江中天建筑产业化有限公司屋顶光伏电站占地面积达48000平方米,光伏装机容量4.418兆瓦。并网后,该"
    "光伏电站平",
    "均每年可发电量约400万千瓦时,减少二氧化碳排放3840吨。",
    "近年来,国网德清县供电公司积极响应清洁能源发展需求,将现场服务与远程监控相结合,主动对接光伏并网用户并网发电诉求"
    "。今年夏天持续性的高温天气,给企业用电带来不小的压力,企业屋顶光伏电站为企业绿色减碳生产提供了新的保障。为了确保"
    "县域分布式光伏应发尽发,国网德清县供电公司成立了电网安全防护专项检查工作组,对站内自动化设备、通信设备及站房安全"
    "管理措施进行逐一检查,对存在问题的厂站,采用“一站式”服务方式,现场答复,统一出具整改建议单,确保问题整改到位。",
]


def test_detached_headline_body_cut_below_the_host_paragraphs_that_name_the_host():
    """Two headlines in a row, then one body read as the second's: the first
    headline's body is its tail. The cut goes where the text stops naming the
    second headline's story over all its paragraphs above (`秦潭村` in its later
    enumerated paragraphs), not right after the few paragraphs nearest above
    that happen to name it most."""
    _, arts = articles(page(*QINTAN_DEQING))
    by_title = {a.title: a for a in arts}
    qintan = by_title["安庆经开区秦潭村:“党旗红”引领“秦潭绿”"]
    deqing = by_title["德清供电:服务光伏并网 赋能企业减碳"]
    assert qintan.paragraphs[-1].text.startswith("绿色文明。秦潭村")
    assert deqing.paragraphs[0].text.startswith("“感谢你们检查光伏发电设备")


HUAIROU_MENTOUGOU = [
    "聚焦民生“小事” 回应百姓关切",
    "改造升级农贸市场、“多维度”治理社区、精细化整治背街小巷……自启动全国文明城区创建以来,北京市怀柔区聚焦民生"
    "“小事”,让群众的幸福更有“质感”。",
    "改造升级农贸市场",
    "有人说,要想近距离地感受一座城市的文明指数,就要逛逛那里的农贸市场。",
    "如何通过社区治理满足人民群众日益增长的美好生活需要?怀柔区聚焦于破解这一重大课题而“多维度”探寻。",
    "红螺家园社区安装智能充电桩只是怀柔区探寻“多维度”社区治理的一个举措。在推进文明城区创建中,怀柔区主动"
    "回应群众关切,切实解决民生痛点难题。",
    "立足首善,全力谋划文明“大文章”",
    "全国文明城区创建,是一种理念、一种追求,更是一种实践、一种以人为本持之以恒提升城市整体水平的有效载体。",
    "面对创建全国文明城区这场大考,门头沟区坚定不移,全力以赴。",
    "2018年,门头沟区作出争创全国文明城区的重大战略决策,立下了“三步并作两步走、三年实现双达标”的创建目标。"
    "五年多来,门头沟区努力向前推进各项工作。",
]


def test_headline_over_a_story_about_another_district_is_not_a_section_heading():
    """A line between two bodies in an article that already has a section
    heading: the text before it keeps naming one district (`怀柔区`), the text
    after it another (`门头沟区`), neither the other's. Sections of one article
    stay in its place: the line heads a new article."""
    _, arts = articles(page(*HUAIROU_MENTOUGOU))
    assert [a.title for a in arts] == ["聚焦民生“小事” 回应百姓关切", "立足首善,全力谋划文明“大文章”"]
    assert arts[1].paragraphs[0].text.startswith("全国文明城区创建")


NANPING_REVERSED = [
    '福建南平：凝聚创建合力奏响齐抓共管大乐章',
    '吴利武',
    '人获评“南平好人”。共有全国道德模范(含提名奖)6人、省级道德模范9人、市级道德模范223人。全市共荣获全国学雷锋志愿服'
    '务“四个100”先进典型6个,荣获省级学雷锋志愿服务“四最美”先进典型共34个;认定三星级志愿者155人、四星级志愿者8'
    '3人、五星级志愿者21人。',
    '交通”“清洁家园”“文明条例宣传”等主题志愿服务活动。全市1867个新时代文明实践站,4930支志愿服务队伍,累计开展志'
    '愿服务活动104844场次,“有困难找志愿者,有时间做志愿者”成为越来越多普通市民的共识。目前,全市共有34人获评“中国'
    '好人”,89人获评“福建好人”,76人获评“南平好',
    '南平广播电视台开设“不文明行为曝光台”,由市城管局、公安局、文旅局等职能部门和广大市民提供不文明交通、不文明旅游、不文明'
    '晾晒、不文明遛狗、占道经营、乱扔杂物等行为的照片和视频,每周集中曝光1期,目前累计曝光6期。',
    '引导广大市民争做“文明示范者”。南平市直各单位每周约1000人次开展“文明',
    '引导广大市民争做“文明监督员”。今年以来,南平市建好用好数字化12345投诉平台,划拨10个事业编制成立南平市12345'
    '政务服务便民热线中心,开辟创建投诉通道,并向全社会“张榜公布”,对涉及创建全国文明城市的问题建立台账清单,实行跟踪处理,'
    '不断提高群众对创建工作的满意度。同时,',
    '近年来,福建省南平市着力打通“监督渠道”,优化“投诉流程”,出台“激励方案”,充分发挥党员志愿者、青年志愿者和巾帼志愿者'
    '先锋模范作用,引导广大市民参与创建、支持创建、满意创建。',
]


def test_reversed_article_whose_first_column_prints_alone_last_keeps_it():
    """The 南平 article in five columns printed last column first: its first
    column (`近年来,福建省南平市…`, one paragraph) prints last, after a column
    ending mid-sentence (`…同时,`). A paragraph of a middle column
    (`引导广大市民争做“文明监督员”…南平…`) takes up the headline's words too,
    but only the text right under a headline is where its words count: read
    on its own, the first column would be a second group under the same
    headline opening with them, so the headline's words weigh for the group
    right under it alone, and the article opens with its first column."""
    _, arts = articles(page(*NANPING_REVERSED))
    assert len(arts) == 1
    a = arts[0]
    assert _opens(a, "近年来,福建省南平市", "引导广大市民争做“文明监督员”", "引导广大市民争做“文明示范者”")
    assert a.paragraphs[-1].text.endswith("五星级志愿者21人。")


PENGZHOU_NEIJIANG = [
    '人行彭州支行文明单位创建升格总行级',
    '何厚军',
    '内江市残联:坚定信心战疫情 同舟共济筑防线',
    '书记、理事长申杰和班子成员率先垂范,主动下沉社区,带动全市残联系统80余名干部职工下沉街道、社区,就地开展志愿服务。',
    '聚焦服务人群,给予特别关心。聚焦困难残疾人,对独居残疾人、行动不便残疾人、智力和精神残疾人等重点人群给予特别关心关注,用'
    '实际行动筑牢疫情防控的安全堡垒。',
    '本报讯(曾伟凌)四川省内江市本轮新冠肺炎疫情发生以来,内江市残联切实扛起责任担当,用实际行动为全市疫情防控贡献残联力量。',
    '强化责任意识,争分夺秒迅速部署。收到静态管理通知后,内江市残联党组争分夺秒,率先行动,对疫情防控工作进行部署,明确任务。'
    '向全市各级残疾人工作者发出“全力参与疫情防控,帮助残疾人共渡难关”的号召,并提出工作要求。',
    '领导干部率先垂范,就地下沉。内江市残联党组',
    '市残联党组',
    '近年来,人民银行四川彭州市支行党组秉承“以文明单位创建统揽全局”理念,立足建设“标兵支行”目标,把争创总行级文明单位作为'
    '支行跨越发展的助推器,聚焦党建、机制、氛围和履职,凝心聚力成功创建人',
    '民银行总行级文明单位。',
    '聚焦党建引领,注重把稳创建“航向标”。发挥政治建设在文明单位创建中的引领作用,实现党建与创建融合互促。扎实开展“两学一做'
    '”学习教育、“不忘初心、牢记使命”主题教育及党史学习教育。创设“薪火211”理论大讲堂,打造金彭“立心·惠民”党建品牌,'
    '通过专题授课等方式加强理论教育,引导全行职工坚定理',
    '想信念、把稳创建方向。',
    '聚焦机制保障,注重守好创建“责任田”。以创建机制化和责任考核化为保障,推动实现思想认识、组织措施、创建责任和成果转化“四'
    '到位”。立足“政治建设、思想道德、文化培育、内部管理、履职成效”五个领先目标,制定创建三年规划和实施方案。通过按季召开创'
    '建推进会、加强督查督办等方式,推动创建工作扎实稳步开',
    '展。',
    '聚焦氛围营造,注重凝聚创建“精气神”。将社会主义核心价值观融入内部规章和职工行为规范,实现文明理念、文明用语、文明规范上'
    '墙入心。倡导“奉献、友爱、互助、进步”的志愿精神,开展金融知识宣传、金融便民服务等志愿服务活动30余次,慰问留守儿童7次'
    '。打造支行荣誉室和空中羽毛球场,温暖职工之家,增强创建认同感。',
    '聚焦履职创新,注重找准创建“着力点”。推动完善农村金融供给体系,形成有全国影响力的农金改“彭州模式”,工作经验被媒体刊载'
    '60余次。推动农产品电子仓单质押融资创新,入选四川省金融科技赋能乡村振兴示范工程。加大金融支持实体经济力度,搭建“政银税'
    '财企”联动机制,创建年度内全市各项贷款年均增速超20%,惠及经营主体1.2万户。成',
    '功打造望蜀里街区、宝山村民宿等数字人民币示范场景。支部被授予总行“先进基层党组织”称号。支行获评全国工人先锋号,连续6年'
    '被成都分行营业管理部考核为“目标管理先进单位”。',
]


def test_reversed_article_does_not_read_a_detached_body_with_a_news_lead_in_its_middle():
    """Two headlines, then the 内江 article printed last column first (its
    lead `本报讯(曾伟凌)…` in the middle chunk) and the 彭州 body detached from
    the first headline. Read in reverse as one group, the 彭州 body would be
    the 内江 article's first column and its lead would follow a complete
    paragraph inside the article; a news lead opens an article, so the
    reversed group stops before the 彭州 body, which goes to its headline."""
    _, arts = articles(page(*PENGZHOU_NEIJIANG))
    assert [a.title for a in arts] == ["人行彭州支行文明单位创建升格总行级", "内江市残联:坚定信心战疫情 同舟共济筑防线"]
    assert _opens(arts[0], "近年来,人民银行", "聚焦党建引领", "聚焦机制保障", "聚焦氛围营造", "聚焦履职创新")
    assert _opens(arts[1], "本报讯(曾伟凌)", "强化责任意识", "领导干部率先垂范", "聚焦服务人群")
