"""A headline printed right under a photo's caption, over an article printed
in reverse (last column first). No column of text goes on across a picture
into a heading, so the line heads the text below it and ends the run of
columns above it (`columns._under_furniture`): the article's columns are read
back under it, and the line does not end up inside the text of the article
printed above the photo.

The texts are written for the test in the manner of county news reports; the
columns are printed last column first by hand, as a layout export prints
them."""
from __future__ import annotations

from .helpers import articles, page

CANTEEN_PHOTO_AND_BAMBOO = [
    "社区食堂开进老街巷",
    "本报讯(记者 王芳)11月18日中午,记者走进江苏省泰州市海陵区凤凰社区长者食堂,十多张餐桌旁坐满了前来"
    "就餐的老人,红烧鱼块、清炒时蔬、番茄蛋汤冒着热气。",
    "今年以来,海陵区在老旧小区集中的街道新建社区食堂12家,为辖区60岁以上老人提供每餐8元的优惠套餐,"
    "行动不便的老人还可以预约送餐上门。",
    "“离家近、价钱实惠,饭菜也合口味,儿女们在外地也放心了。”72岁的居民周桂兰说。",
    "11月18日,凤凰社区长者食堂里,老人们在享用午餐。张华 摄",
    "一根竹篾编出致富新路",
    # the third column: the rest of a cut paragraph, and the last paragraph
    "重新“请”回到了村民身边。",
    "每到周末,工坊的体验教室总是格外热闹。游客在师傅的指导下亲手编一只小竹篮,带回家作纪念。今年以来,"
    "工坊已接待游客2万余人次,带动周边村民户均增收8000余元。",
    # the second column: the rest of a cut paragraph, and a paragraph cut at the column end
    "照。",
    "安吉竹编是省级非物质文化遗产代表性项目。过去,这门手艺一度面临后继无人的困境。近年来,当地把竹编技艺"
    "与乡村旅游结合起来,建起非遗工坊,请老艺人带徒授艺,把老手艺",
    # the first column: the article's opening, cut at the column end
    "走进浙江省湖州市安吉县报福镇的竹编工坊,十几位村民正围坐在长桌旁,手中的竹篾上下翻飞。一只只竹篮、"
    "果盘在她们手中渐渐成形,前来参观的游客纷纷拿出手机拍",
]


def test_headline_under_a_caption_heads_the_reversed_article_below_it():
    """`一根竹篾编出致富新路`, printed under the photo, heads the 竹编 text
    printed in reverse below it: its text opens with `走进浙江省…` and the
    食堂 article above the photo keeps its own three paragraphs."""
    _, arts = articles(page(*CANTEEN_PHOTO_AND_BAMBOO))
    by_title = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert set(by_title) == {"社区食堂开进老街巷", "一根竹篾编出致富新路"}
    canteen = by_title["社区食堂开进老街巷"]
    assert len(canteen) == 3 and not any("竹" in p for p in canteen)
    bamboo = by_title["一根竹篾编出致富新路"]
    assert bamboo[0].startswith("走进浙江省湖州市安吉县") and bamboo[0].endswith("纷纷拿出手机拍照。")
    assert bamboo[1].endswith("把老手艺重新“请”回到了村民身边。")
    assert bamboo[2].startswith("每到周末")
