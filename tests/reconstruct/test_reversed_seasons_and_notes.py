"""A feature's scene opens by the season or nightfall (`初冬时节,` `立冬过后,`
`夜幕降临,`), as a news story opens by its date; a time span (`入冬以来,`)
sums up inside an article as often. And an editor's note (`编者按:…`) is
printed above the article it introduces, so the text under it opens that
article. Either tells where an article printed in reverse starts when two
of its columns are split after a complete paragraph, with no cut to tell
their order by, and when its closing paragraph takes up the headline's words
as its opening might. The text is written for the test; its columns are
printed last column first by hand, as a layout export prints them."""
from __future__ import annotations

from generator.reconstruct.classify import EDITOR_NOTE_RE
from generator.reconstruct.columns import DATED_RE

from .helpers import articles, page

PARK_TITLE = "口袋公园“建起来”更要“管起来”"
PARK_TAIL = "等方式，把日常养护交给周边居民共同商量，让公园在节假日也干净整洁。"
PARK_END = "让每一座口袋公园都建得好、管得好，让每一位居民都能在家门口享受绿色，口袋公园才能真正装满群众的幸福感。"
PARK_OPEN = ("初冬时节，不少城市的街角绿地依旧热闹：老人在长椅上晒太阳，孩子们在草坪上追逐嬉戏，"
             "年轻人沿着步道慢跑。近年来，各地见缝插绿，一座座口袋公园走进了居民身边。")
PARK_NEXT = ("公园多了，是好事。但也要看到，一些地方存在“重建设、轻维护”的问题：有的座椅损坏后长期无人修理，"
             "有的绿地杂草丛生，居民只能绕道而行。")
PARK_CUT = "建好只是第一步，管好才是关键。可以通过划片认领、志愿服务、居民议事"

LIFT_TITLE = "一部电梯圆了老街坊的心愿"
LIFT_SIGN = "文/刘桂芳"
LIFT_MID = "后来，街道干部带着设计人员一户户上门，讲清楚费用分摊和安全保障，大家的顾虑一个个打消了。今年夏天，电梯正式投入使用。"
LIFT_END = "如今，我每天都能下楼到公园走走。我想借贵报一角，向街道干部和楼里的老街坊们说一声：谢谢你们！"
LIFT_NOTE = "编者按：近日，本报收到读者刘桂芳的来信，讲述了她所在的老楼加装电梯的经过。现将来信摘编刊发。"
LIFT_OPEN = "我家住的是一栋建于上世纪八十年代的老楼，一共六层，没有电梯。我今年七十五岁，腿脚不便，上下一趟楼要歇好几回。"
LIFT_NEXT = "去年，街道开始动员加装电梯，可楼里意见不一：住高层的盼着装，住低层的担心采光，也不愿意出钱，事情一度搁置。"


def test_reversed_feature_opens_at_its_season():
    """The column printed first closes the article, its last paragraph taking
    up the headline's words; the column printed last opens `初冬时节,…`:
    the article is read from there."""
    _, arts = articles(page(PARK_TITLE, PARK_TAIL, PARK_END, PARK_OPEN, PARK_NEXT, PARK_CUT))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [PARK_OPEN, PARK_NEXT, PARK_CUT + PARK_TAIL, PARK_END]


def test_reversed_letter_opens_under_its_editors_note():
    """The column printed first holds the letter's close; the editor's note
    and the letter's opening under it are printed after it."""
    _, arts = articles(page(LIFT_TITLE, LIFT_SIGN, LIFT_MID, LIFT_END, LIFT_NOTE, LIFT_OPEN, LIFT_NEXT))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [LIFT_NOTE, LIFT_OPEN, LIFT_NEXT, LIFT_MID, LIFT_END]


def test_scene_times_and_notes():
    assert DATED_RE.match("初冬时节，站在观鸟台上远眺，成群的候鸟在浅滩上觅食。")
    assert DATED_RE.match("立冬过后，学校的小菜园里依然一片忙碌。")
    assert DATED_RE.match("夜幕降临，村里的篮球场上灯火通明。")
    # a time span sums up inside an article as often
    assert not DATED_RE.match("入冬以来，全市共新增供暖面积120万平方米。")
    assert EDITOR_NOTE_RE.match(LIFT_NOTE)
    assert not EDITOR_NOTE_RE.match("编者按")
