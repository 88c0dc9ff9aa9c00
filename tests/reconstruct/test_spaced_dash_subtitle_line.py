"""A headline with its subtitle on one line after a spaced dash (`主题 ——副题`),
printed between two articles, heads the story below it: it is no line of cut
prose to be joined to the paragraph under it, whatever function words its
phrases use (`又`, `还`, `了`). The page text is written for the test in the
phrasing of a provincial newspaper."""
from __future__ import annotations

from .helpers import articles, page

ORCHARD = "山坡果园挂满“致富果”"
ORCHARD_LEAD = ("本报讯(记者 韩冬)11月12日,陕西省延安市宝塔区的山地苹果进入采收尾期,"
                "果农们忙着分拣装箱,一辆辆货车从果园开往各地市场。")
ORCHARD_END = "宝塔区农业农村局负责人表示,下一步将继续推广矮化密植技术,让果农的收入再上一个台阶。"

RIVER = "清淤护岸五年 白鹭又回了青溪河 ——江西省上饶市广丰区还河于民的生态修复纪实"
RIVER_TITLE, RIVER_SUB = "清淤护岸五年 白鹭又回了青溪河", "江西省上饶市广丰区还河于民的生态修复纪实"
RIVER_SCENE = ("初冬的清晨,站在江西省上饶市广丰区青溪河的步道上远望,几十只白鹭在浅滩上觅食,"
               "不时振翅掠过水面,引得晨练的市民驻足观看。")
RIVER_MORE = ("五年前,这段河道淤积严重,两岸垃圾随处可见。广丰区先后投入资金1.2亿元,"
              "清理河道淤泥30多万立方米,修复生态护岸12公里,河水一年比一年清。")


def test_headline_with_spaced_dash_subtitle_between_articles():
    """`清淤护岸五年 白鹭又回青溪河 ——…纪实` over a scene opening starts an
    article with that headline and subtitle, and is not read as the first
    words of its opening paragraph."""
    _, arts = articles(page(ORCHARD, ORCHARD_LEAD, ORCHARD_END, RIVER, RIVER_SCENE, RIVER_MORE))
    got = {a.title: (a.subtitle, [p.text for p in a.paragraphs]) for a in arts}
    assert got == {ORCHARD: (None, [ORCHARD_LEAD, ORCHARD_END]),
                   RIVER_TITLE: (RIVER_SUB, [RIVER_SCENE, RIVER_MORE])}
