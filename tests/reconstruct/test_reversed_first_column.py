"""Where the first column of an article printed in reverse ends. Printed last
column first, the article's first column comes last on the page, and what
is printed around it belongs to it only as far as the text says:

* a short line right above its news lead is no headline when it reads as cut
  prose (`据介绍,下一`): it ends the column printed before the lead (the
  article's second), and its sentence goes on in a column printed earlier;
* its first column may end with a full paragraph; when page furniture (a
  column label, a photo caption) follows, the text after it may be another
  article's, and is read as such unless the text says otherwise.

The texts are written for the tests in the manner of county news reports; the
columns are printed last column first by hand, as a layout export prints
them."""
from __future__ import annotations

from .helpers import articles, page

NINGXIANG = [
    "宁乡市启动文明交通志愿服务月活动",
    # the third column: the rest of a cut paragraph, and the last paragraph
    "步,宁乡市将把文明交通劝导纳入新时代文明实践常态化活动,每周组织志愿者在学校、医院和商圈周边开展服务,"
    "推动文明出行成为市民的自觉行动。",
    "“以前总有人抢红灯,现在大家都自觉多了。”家住玉潭街道的市民李女士说,志愿者的劝导让路口秩序明显好转,"
    "出行也更安心了。",
    # the second column: the rest of a cut paragraph, then a paragraph cut after its first words
    "栏,提醒电动车驾乘人员佩戴安全头盔,并向过往群众发放文明出行倡议书2000余份。",
    "据介绍,下一",
    # the first column: the news lead and a paragraph cut at the column end
    "本报讯(周敏)5月6日,湖南省长沙市宁乡市启动“文明交通”志愿服务月活动,全市200余名志愿者走上街头,"
    "在城区主要路口开展交通劝导和文明宣传。",
    "活动现场,志愿者们手持小旗,耐心劝导行人不闯红灯、不翻越护",
]


def test_cut_line_above_the_lead_of_a_reversed_article_is_no_headline():
    """`据介绍,下一` above the lead ends mid-word: it is the end of the
    article's second column, not the headline of a second article, and its
    sentence goes on under the headline (`步,宁乡市将把…`)."""
    _, arts = articles(page(*NINGXIANG))
    assert [a.title for a in arts] == ["宁乡市启动文明交通志愿服务月活动"]
    ps = [p.text for p in arts[0].paragraphs]
    assert ps[0].startswith("本报讯(周敏)")
    assert ps[1].startswith("活动现场,") and ps[1].endswith("倡议书2000余份。")
    assert ps[2].startswith("据介绍,下一步,宁乡市将把")
    assert ps[3].startswith("“以前总有人抢红灯")


SHAXIAN_AND_YONGAN = [
    "永安市举办全民健身运动会",
    "沙县区开展“清洁家园”志愿服务活动",
    "林芳",
    # 沙县区, printed last column first: its third column
    "理,清运垃圾20余吨,疏通排水沟渠1.5公里。",
    # its second column
    "活动中,志愿者们分成8个小组,深入老旧小区、背街小巷和农贸市场周边,对卫生死角进行集中清理,"
    "对乱堆乱放、乱贴乱画、占道经营等现象进行整",
    # its first column, ending with a full paragraph
    "近日,福建省三明市沙县区组织300余名志愿者开展“清洁家园”志愿服务活动,以实际行动助力全国文明城市创建,"
    "营造干净整洁的城乡环境。",
    "扫码关注客户端",
    # 永安市's text (its headline printed above), two columns read as printed
    "本次运动会共设田径、篮球、乒乓球、象棋等8个比赛项目,吸引了全市各乡镇、街道和机关单位的1200余名运动员参赛。",
    "据了解,永安市将以此次运动会为契机,持续完善全民健身公共服务体系,推动群众体育活",
    "动常态化开展,让更多市民在家门口享受运动的乐趣。",
]


def test_first_column_of_a_reversed_article_ends_at_page_furniture():
    """The 沙县区 article's first column (`近日,福建省三明市沙县区…`, a full
    paragraph) is printed last, before a column label and the 永安市 text:
    it opens the 沙县区 article, and the text after the label is 永安市's."""
    _, arts = articles(page(*SHAXIAN_AND_YONGAN))
    by_title = {a.title: [p.text for p in a.paragraphs] for a in arts}
    shaxian = by_title["沙县区开展“清洁家园”志愿服务活动"]
    assert shaxian[0].startswith("近日,福建省三明市沙县区")
    assert shaxian[1].startswith("活动中,") and shaxian[1].endswith("进行整理,清运垃圾20余吨,疏通排水沟渠1.5公里。")
    assert len(shaxian) == 2
    yongan = by_title["永安市举办全民健身运动会"]
    assert yongan[0].startswith("本次运动会") and not any("沙县区" in p for p in yongan)
