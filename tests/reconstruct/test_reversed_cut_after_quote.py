"""A sentence cut at the foot of the column read first, in an article printed
in reverse (last column first): it goes on at the top of a column printed
before it. Where the column printed first ends with a paragraph of quoted
speech (`“以前借本书…”…高兴地说。`) and the next one opens mid-sentence
(`免费开放…`), nothing across the cut speaks for either top, but a quoted
sentence opens a paragraph of its own: the cut sentence goes on in the plain
text, and the quotation stays at the foot of the column printed before.

Hand-written page in the phrasing of district news reports; the columns are
printed last column first, as a layout export prints them."""
from __future__ import annotations

from .helpers import articles, page

BLOCKS = [
    "南湖区启动第三届“书香社区”阅读季",
    # the last column, printed first: the sentence cut at the foot of the
    # middle column ends here, then a paragraph of quoted speech
    "区图书馆还推出“一键借书”线上服务,居民在手机上下单,图书即可送到社区书屋,实现“家门口借还”。",
    "“以前借本书要跑到城里,现在下楼就能借到,还能带孩子听故事。”在启动仪式现场,家住南湖街道的居民周丽华高兴地说。",
    # the middle column: it opens inside the sentence cut at the foot of the first
    "免费开放图书阅览室和自习室42处,组织读书分享会、亲子绘本剧等活动120余场,并面向老年人开设智能手机阅读课,预计惠及居民5万人次。",
    "在阅读推广方面,南湖区将组织“领读者”志愿服务队走进楼栋和院落,为行动不便的老人送书上门。为方便居民借阅,南湖",
    # the first column, printed last: the lead, and a sentence cut at its foot
    "本报讯 11月18日,南湖区第三届“书香社区”阅读季在区图书馆启动。本届阅读季将持续至明年2月,其间将推出亲子共读、名家讲座、读书沙龙等活动。",
    "据介绍,今年的阅读季更加注重居民参与。全区将在社区书屋、文化广场、中小学校等场所",
]


def test_cut_sentence_goes_on_in_plain_text_not_in_quoted_speech():
    _, arts = articles(page(*BLOCKS))
    art = next(a for a in arts if a.title.startswith("南湖区"))
    texts = [p.text for p in art.paragraphs]
    assert texts[0].startswith("本报讯 11月18日")
    assert "中小学校等场所免费开放图书阅览室和自习室42处" in texts[1]
    assert texts[-1].startswith("“以前借本书要跑到城里")
    assert any("为方便居民借阅,南湖区图书馆还推出" in t for t in texts)
