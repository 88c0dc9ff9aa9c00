"""Where the columns of an article printed in reverse start, its headline
detached higher on the page. The column it ends with is printed first, right
after another article's last paragraph (a full stop), so only the text can
tell where that column starts:

* a block that closes a quotation it never opened (`…到村里的“文明积分` |
  `超市”兑换…`) starts inside a sentence: it is the top of a column;
* so is a block of a few characters closing a sentence (`…会长、副会长、` |
  `秘书长。`): no paragraph is this short;
* where the text says nothing either way, the paragraphs before the column
  stay with the article printed above them.

Hand-written pages in the phrasing of county news reports; the columns are
printed last column first, as a layout export prints them."""
from __future__ import annotations

from .helpers import articles, page

BLOCKS = [
    "临江县:“文明积分”兑出乡村新风尚",
    "青川市举办第三届农民丰收节",
    "本报讯(记者 陈明)9月23日,青川市第三届农民丰收节在城南农业园开幕,来自全市各乡镇的200余家农业经营主体携特色农产品参展,"
    "吸引市民近万人次前来选购。",
    "开幕式上,市领导为优秀新型农业经营主体代表颁奖。活动期间还将举办农产品直播带货、农耕文化展示等系列活动,持续至9月27日。",
    # 临江县, printed last column first: its second column
    "超市”兑换洗衣液、大米等生活用品。下一步,临江县将把积分制管理推广到全县所有行政村,让文明新风吹进千家万户。",
    # its first column: the news lead, and a paragraph cut at the column end
    "本报讯(记者 林晓)今年以来,临江县在全县推行“文明积分”制度,把移风易俗、环境卫生、志愿服务等内容量化为积分,"
    "引导村民争做文明家庭。",
    "在城关镇东坡村,村民参加志愿服务、保持房前屋后整洁都能获得相应积分,每月底凭积分到村里的“文明积分",
    "绿色出行 从我做起",
    "本报讯(记者 赵岚)9月22日,青川市“绿色出行 从我做起”主题宣传活动在市民广场启动,现场发放宣传资料2000余份,倡导市民"
    "多乘坐公共交通工具出行。",
]


def test_column_starting_inside_a_quotation_ends_the_reversed_article():
    """The 临江 article opens with its lead and goes on into the column
    printed before it (`“文明积分超市”`); the harvest-festival report ends with
    its own last paragraph."""
    _, arts = articles(page(*BLOCKS))
    by = {a.title[:3]: [p.text for p in a.paragraphs] for a in arts}
    assert {"临江县", "青川市"} <= set(by)
    assert by["青川市"][-1].startswith("开幕式上,")
    assert len(by["临江县"]) == 2
    assert by["临江县"][0].startswith("本报讯(记者 林晓)")
    assert by["临江县"][1].startswith("在城关镇东坡村")
    assert "“文明积分超市”兑换洗衣液" in by["临江县"][1]
    assert by["临江县"][1].endswith("让文明新风吹进千家万户。")



# the same kind of page, a column opening with the few characters that end a
# cut sentence (`…会长、副会长、` | `秘书长。`), after the column printed before it
# ends with a full paragraph: a paragraph this short and closed is no
# paragraph of its own, it is the top of a column
TINY_TAIL = [
    "临江县志愿服务协会成立",
    "青川市举办第三届农民丰收节",
    "本报讯(记者 陈明)9月23日,青川市第三届农民丰收节在城南农业园开幕,来自全市各乡镇的200余家农业经营主体携特色农产品参展,"
    "吸引市民近万人次前来选购。",
    "开幕式上,市领导为优秀新型农业经营主体代表颁奖。活动期间还将举办农产品直播带货、农耕文化展示等系列活动,持续至9月27日。",
    # 临江县, printed last column first: its third column
    "个,累计开展志愿服务活动1.5万余场次,志愿服务已成为临江文明城市建设的一张亮丽名片。",
    # its second column
    "秘书长。",
    "县委常委、宣传部部长王平在讲话中指出,志愿服务协会是联系广大志愿者的桥梁和纽带,要加强自身建设,健全工作机制,"
    "推动志愿服务常态化、专业化发展。",
    "近年来,临江县志愿服务蓬勃发展,全县注册志愿者已达3.2万人,各类志愿服务组织260余",
    # its first column: the news lead, and a paragraph cut at the column end
    "本报讯(记者 林晓)9月20日,临江县志愿服务协会成立大会召开,全县各行业志愿服务组织代表120余人参加会议。",
    "会议审议通过了《临江县志愿服务协会章程》《临江县志愿服务协会会费管理办法》,选举产生了协会第一届理事会理事及会长、副会长、",
    "绿色出行 从我做起",
    "本报讯(记者 赵岚)9月22日,青川市“绿色出行 从我做起”主题宣传活动在市民广场启动,现场发放宣传资料2000余份,倡导市民"
    "多乘坐公共交通工具出行。",
]


def test_column_starting_with_the_tail_of_a_sentence_ends_a_paragraph():
    """The 临江 article reads its columns in reverse: the election goes on
    into the column printed before the lead (`…副会长、秘书长。`), and the last
    paragraph into the column printed first; the harvest-festival report
    keeps only its own paragraphs."""
    _, arts = articles(page(*TINY_TAIL))
    by = {a.title[:3]: [p.text for p in a.paragraphs] for a in arts}
    assert {"临江县", "青川市"} <= set(by)
    assert by["青川市"][-1].startswith("开幕式上,")
    assert [p[:6] for p in by["临江县"]] == ["本报讯(记者", "会议审议通过", "县委常委、宣", "近年来,临江"]
    assert by["临江县"][1].endswith("会长、副会长、秘书长。")
    assert by["临江县"][3].endswith("各类志愿服务组织260余个,累计开展志愿服务活动1.5万余场次,志愿服务已成为临江文明城市建设的一张亮丽名片。")


# the column printed first starts at a sentence start with nothing to tell it
# from the meeting report's last paragraphs above it: they stay in the report
SAID_NOTHING = [
    "长河县:老旧小区改造让居民住得更舒心",
    "林晓",
    "青川市部署今冬明春安全生产工作",
    "本报讯(记者 陈明)11月18日,青川市召开冬季安全生产工作会议,分析当前安全生产形势,部署今冬明春安全生产工作。",
    "会议指出,今年以来,全市安全生产形势总体平稳,但道路交通、消防、燃气等领域仍存在不少隐患。",
    "据悉,今冬明春期间,青川市将组织开展安全生产大检查,严防各类事故发生。",
    # 长河县, printed last column first: its third column
    "征求意见后确定改造方案,做到改什么、怎么改由居民说了算。",
    # its second column
    "洼洼,地下管网老化,一下雨就积水,停车也没地方。”家住城关镇幸福小区的王大爷说。如今,小区里新修了健身广场和停车场,"
    "老楼加装了电梯,路灯也亮了起来。为确保改造工作顺民意、得民心,长河县坚持由社区工作人员逐户上门",
    # its first column
    "本报讯(记者 林晓)今年以来,长河县把老旧小区改造作为重要民生实事来抓,累计投入资金1.2亿元,完成32个老旧小区改造,惠及居民"
    "5800余户,昔日的“脏乱差”变成了如今的“洁净美”。“以前小区里路面坑坑",
    "绿色出行 从我做起",
    "本报讯(记者 赵岚)11月20日,青川市“绿色出行 从我做起”主题宣传活动在市民广场启动,现场发放宣传资料2000余份,倡导市民"
    "多乘坐公共交通工具出行。",
]


def test_paragraphs_nothing_ties_to_the_reversed_article_stay_with_the_text_above():
    """The meeting report keeps its three paragraphs; the 长河 article takes
    only the column that ends it (`…逐户上门征求意见后确定改造方案…`)."""
    _, arts = articles(page(*SAID_NOTHING))
    by = {a.title[:3]: [p.text for p in a.paragraphs] for a in arts}
    assert {"长河县", "青川市"} <= set(by)
    assert [p[:4] for p in by["青川市"]] == ["本报讯(", "会议指出", "据悉,今"]
    assert by["长河县"][0].startswith("本报讯(记者 林晓)")
    assert by["长河县"][-1].endswith("逐户上门征求意见后确定改造方案,做到改什么、怎么改由居民说了算。")
