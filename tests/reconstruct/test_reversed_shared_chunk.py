"""An article printed in reverse right after another article's text, its
headline detached higher on the page: the column it ends with, printed
first, follows the other article's last paragraph with no cut between them
(a complete paragraph, then a sentence start), so both are one chunk of
text. The paragraphs opening that chunk are the other article's end, read as
printed; the reversed article ends with the rest, at a full stop, rather
than mid-sentence. Hand-written page in the phrasing of a city news page;
the reversed columns are printed last column first, as a layout export
prints them."""
from __future__ import annotations

from .helpers import articles, page

BLOCKS = [
    "长河县:老旧小区改造让居民住得更舒心",
    "林晓",
    "青川市部署今冬明春安全生产工作",
    "本报讯(记者 陈明)11月18日,青川市召开冬季安全生产工作会议,分析当前安全生产形势,部署今冬明春安全生产工作。市委常委、副市长"
    "周建国出席会议并",
    "讲话。会议指出,今年以来,全市安全生产形势总体平稳,但道路交通、消防、燃气、建筑施工等领域仍存在不少隐患,一些企业主体责任"
    "落实不到位,部分行业监管还有薄弱环节,冬季气候干燥、用火用电用气增多,防范压力进一步加大。",
    "会议要求,各地各部门要坚持人民至上、生命至上,压紧压实安全生产责任,深入开展隐患排查整治,严防各类事故发生。各县(区)和市应"
    "急管理局、市消防救援支队负责同志作交流发言。",
    "逐户上门征求意见后确定改造方案,做到改什么、怎么改由居民说了算。下一步,长河县将继续加大投入,完善小区长效管理机制,力争明年"
    "底前完成全县老旧小区改造任务,让更多居民住上好房子、过上好日子。",
    "洼洼,地下管网老化,一下雨就积水,停车也没地方。”家住城关镇幸福小区的王大爷说。如今,小区里新修了健身广场和停车场,"
    "老楼加装了电梯,路灯也亮了起来。为确保改造工作顺民意、得民心,长河县坚持“居民点单、政府接单”,由社区工作人员",
    "本报讯(记者 林晓)今年以来,长河县把老旧小区改造作为重要民生实事来抓,累计投入资金1.2亿元,完成32个老旧小区改造,惠及居民"
    "5800余户,昔日的“脏乱差”变成了如今的“洁净美”。“以前小区里路面坑坑",
    "绿色出行 从我做起",
    "本报讯(记者 赵岚)11月20日,青川市“绿色出行 从我做起”主题宣传活动在市民广场启动,现场发放宣传资料2000余份,倡导市民"
    "多乘坐公共交通工具出行。",
]


def test_reversed_article_leaves_the_chunk_it_shares_to_the_text_before_it():
    """The 青川 meeting report ends with its own last paragraph; the 长河
    article, printed in reverse after it, opens with its lead and ends with
    the column printed right after that paragraph (read alone, its columns
    would stop at `由社区工作人员`)."""
    report = _report_and_reversed_article(BLOCKS)
    assert report[-1].startswith("会议要求,各地各部门")


def _report_and_reversed_article(blocks: list[str]) -> list[str]:
    """The meeting report's paragraphs, once the 长河 article was checked whole and
    opening with its lead, and none of it left in the report."""
    _, arts = articles(page(*blocks))
    by = {a.title[:4]: [p.text for p in a.paragraphs] for a in arts}
    assert {"青川市部", "长河县:"} <= set(by)
    assert by["长河县:"][0].startswith("本报讯(记者 林晓)")
    assert by["长河县:"][0].endswith("让更多居民住上好房子、过上好日子。")
    assert all("长河县" not in p for p in by["青川市部"])
    return by["青川市部"]


# the same pages, the meeting report's last paragraph going on from a cut
# (`…作交流` | `发言。…`), so it opens the chunk it shares
CUT_BEFORE = BLOCKS[:4] + [
    "讲话。会议指出,今年以来,全市安全生产形势总体平稳,但道路交通、消防、燃气、建筑施工等领域仍存在不少隐患。会议要求,各地各部门"
    "要坚持人民至上、生命至上,压紧压实安全生产责任,深入开展隐患排查整治,严防各类事故发生。各县(区)和市应急管理局、市消防救援支"
    "队负责同志作交流",
    "发言,市安委会各成员单位负责同志参加会议。",
] + BLOCKS[6:]


def test_reversed_article_leaves_the_paragraph_going_on_from_a_cut_to_the_text_before_it():
    """The reversed group first takes in the whole chunk; the paragraph
    opening it goes on from the report's cut, so it is left to the report."""
    report = _report_and_reversed_article(CUT_BEFORE)
    assert report[-1].endswith("作交流发言,市安委会各成员单位负责同志参加会议。")
