"""A health report printed with its columns in reverse: under its headline
and byline stands its last column (the tail of a cut sentence, a numbered
heading, the closing paragraph), then its first column, which opens with the
paragraph naming where the reporter learned the news (`…。记者近日从市儿童医院
了解到,…`). That paragraph opens the story, as a news lead would: read
first, not last after the closing paragraph, although it ends with a full
stop and the columns around it could be split after it.

Hand-written page in the phrasing of a city health report."""
from __future__ import annotations

from .helpers import articles, page

BLOCKS = [
    "寒冬时节 医生支招科学护娃",
    "周敏 何立",
    # the last column, printed first
    "说，出现发热、咳嗽等症状时，应尽量减少外出，戴好口罩，并及时到正规医院就诊。",
    "三、合理饮食 增强身体抵抗力",
    "儿科主任医师吴雪梅介绍，冬季要让孩子多吃新鲜蔬菜水果，保证充足睡眠，适当进行户外活动。“孩子的免疫力是一点一点养出来的，家长不要盲目给孩子吃保健品。”",
    # the first column: its first paragraph names the reporter's source
    "随着气温逐渐下降，各大医院儿科、呼吸科的门诊量明显上升。记者近日从市儿童医院了解到，本月以来，该院接诊的流感患儿比上月增加了四成。",
    "“流感病毒在低温干燥的环境中更容易传播，孩子和老人抵抗力弱，更容易中招。”市儿童医院呼吸科主任医师陈立新说，每年冬春季都是流感的高发时段。",
    "一、接种疫苗 筑牢“防护屏障”",
    "二、勤洗手勤通风 减少交叉感染",
    "“家里每天开窗通风两到三次，每次半小时左右，外出回家后要用流动的水洗手。”陈立新",
    "守好青山绿水 护林员三十年如一日",
    "本报记者 王晓",
    "清晨的山林里，雾气还没有散去，护林员杨德顺已经背上水壶，沿着熟悉的山路开始了一天的巡护。",
    "三十年来，他走坏了几十双解放鞋，记下了厚厚的巡山日志，林区里从没发生过一起火灾。",
]


def test_sourced_opening_is_read_first():
    _, arts = articles(page(*BLOCKS))
    report = next(a for a in arts if a.title.startswith("寒冬时节"))
    texts = [p.text for p in report.paragraphs]
    assert texts[0].startswith("随着气温逐渐下降")
    assert texts[-1].startswith("儿科主任医师吴雪梅介绍")
