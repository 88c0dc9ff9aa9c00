"""A body detached from its headline and printed in reverse right after the
end of another article: its last column, printed first, starts with the
rest of a sentence that reads as one of its own (no chunk starts there), so
the two articles' text is one chunk, and only its last block, cut
mid-sentence right above the next headline, says anything is amiss. The
group read as printed there may leave the paragraphs closing that chunk to a
group read in reverse (`columns._solve`, `tail`), when the column it reads
first opens a story (a scene's time said first, its place named in full) and
the cut sentence goes on in the column printed before it.

The texts are written for the test in the manner of county news reports; the
columns are printed last column first by hand, as a layout export prints
them."""
from __future__ import annotations

from .helpers import articles, page

REPAIR_STALL_AND_READING_ROOM = [
    "农家书屋里书香浓",
    "小巷里的便民修理摊",
    "本报讯(记者 李兰)11月20日,在河南省洛阳市西工区凯旋路街道的一条小巷口,退休钳工刘建国的便民修理摊前"
    "排起了长队。修雨伞、配钥匙、补车胎,他一边忙活一边和街坊们拉家常。",
    "街坊们说,刘建国的修理摊十年来从不收取工钱,只收材料费。街道为他搭起了遮阳棚,还给他配了一套新工具。",
    "“能帮大家干点活,我心里就踏实。”刘建国说。",
    # the second column of the reading-room article: the rest of its last paragraph
    "乡村阅读的热度才能一直保持下去。",
    # the first column: its opening, a paragraph, and a paragraph cut at the column end
    "初冬时节,走进河北省保定市阜平县城南庄镇的农家书屋,暖气烧得正旺,几位村民围坐在长桌旁翻看农技图书,"
    "孩子们在角落的绘本区里读得入神。",
    "书屋管理员王秀英说,过去书屋常年锁门,书架上落满了灰。如今书屋每天开放八个小时,还定期请农技专家来讲课,"
    "来借书的村民一年比一年多。",
    "让每一本书都有人翻,让每一位想读书的村民都有地方坐下来,",
    "县里开展冬季消防安全大检查",
    "本报讯(通讯员 赵明)11月19日,河北省保定市阜平县组织消防、应急等部门,对全县人员密集场所开展冬季消防"
    "安全大检查,共排查隐患46处,已全部督促整改。",
]


def test_body_printed_in_reverse_after_another_articles_end_is_read_back():
    """The 书屋 text printed after the 修理摊 article is read back under its
    own headline: it opens `初冬时节,走进河北省…` and ends with the sentence
    cut at the foot of its first column; the 修理摊 article keeps its own
    three paragraphs."""
    _, arts = articles(page(*REPAIR_STALL_AND_READING_ROOM))
    by_title = {a.title: [p.text for p in a.paragraphs] for a in arts}
    stall = by_title["小巷里的便民修理摊"]
    assert len(stall) == 3 and stall[-1].endswith("刘建国说。")
    room = by_title["农家书屋里书香浓"]
    assert room[0].startswith("初冬时节,走进河北省保定市")
    assert room[-1].startswith("让每一本书都有人翻") and room[-1].endswith("一直保持下去。")
