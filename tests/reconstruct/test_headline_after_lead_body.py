"""A headline printed after its body: the body opens with a news lead that
has no headline of its own and names what the line names, even when its last
paragraphs only allude to it (`该区` for `江北区`). The damage is made by hand
as a layout export makes it: the headline under its text, a column label after."""
from __future__ import annotations

from .helpers import articles, page

HEADLINE = "宁波市江北区“红马甲”巡河队守护母亲河"

# one article under its headline, then a news lead whose headline is printed
# after its last paragraph, then the page's column label
RIVER_AFTER = [
    "社区食堂开进老街巷",
    "本报讯(记者 周晴)11月20日中午,浙江省湖州市吴兴区飞英街道的社区食堂里坐满了前来就餐的老人。"
    "“一荤两素一汤只要12元,比自己做饭还省事。”78岁的沈阿婆说。",
    "据介绍,飞英街道今年新建社区食堂5家,为80岁以上老人提供助餐补贴,日均服务老人600余人次。",
    "本报讯(甬文)清晨6点,浙江省宁波市江北区慈城镇的姚江岸边,58岁的巡河志愿者王建国已经穿上“红马甲”,"
    "沿着河堤查看水质、捡拾垃圾。他是江北区“红马甲”巡河队的一员。",
    "据了解,江北区“红马甲”巡河队成立于2020年,由退休职工、沿河村民和志愿者组成,目前已有队员260余人,"
    "分片负责辖区内38条河道的日常巡查。",
    "三年来,巡河队累计巡河1.2万余次,发现并上报排污口、违章搭建等问题450余个,清理河道垃圾30余吨。",
    "“守护家门口的这条河,就是守护我们自己的家。”队员李秀芳说。该区有关负责人表示,将继续完善志愿巡河激励机制,"
    "让更多群众参与到河道保护中来。",
    HEADLINE,
    "基层动态",
]


def test_headline_after_its_lead_body_heads_it():
    """The line shares little with the last paragraphs above it (`该区`,
    `巡河`), much with the lead that opens its text (`宁波市江北区`,
    `“红马甲”巡河队`), and nothing follows it but a column label: it is that
    lead's headline, printed after its body, not a section heading."""
    _, arts = articles(page(*RIVER_AFTER))
    titles = [a.title for a in arts]
    assert HEADLINE in titles
    river = arts[titles.index(HEADLINE)]
    assert river.paragraphs[0].text.startswith("本报讯(甬文)")
    assert all(p.text != HEADLINE for p in river.paragraphs)
    canteen = arts[titles.index("社区食堂开进老街巷")]
    assert not any("巡河" in p.text for p in canteen.paragraphs)
