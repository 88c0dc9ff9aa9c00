"""A feature words its section headings in parallel: lines of one shape, two
quoted words with a verb between (`“小菜园”种出“大民生”`) or two short phrases
set apart (`修步道 连山水`). Each heading may read as a headline over text
about other things than the section before it, but two lines of that shape on
one page are a series of section headings, not the headlines of two stories.
The page text is written for the test in the phrasing of a city newspaper's
features."""
from __future__ import annotations

from .helpers import articles, page

TITLE = "石桥镇：一条老街的新生"
OPENING = ("清晨七点,浙江省临川县石桥镇的老街上已经人来人往,青石板路被冲洗得干干净净,"
           "两旁的木板门次第打开。“老街又活过来了。”在这里开了四十年裁缝铺的顾阿婆说。")
MORE = ("去年以来,石桥镇把老街保护更新列为全镇头号工程,坚持“修旧如旧、留住烟火”,"
        "先后修缮沿街老屋62幢,疏通排水管网3.4公里。")
FIRST = "“小菜园”种出“大民生”"
FIRST_TEXT = ("每到傍晚,背街空地上的菜畦里总有人弯腰忙碌。这片空地曾是乱堆杂物的角落,居民认领地块后,"
              "开辟出“共享菜园”24处,收获的蔬菜一部分送进了敬老院的食堂。")
SECOND = "“老手艺”撑起“新市集”"
SECOND_TEXT = ("每逢周末,竹编、打铁、酿酒的摊位沿河排开,吸引周边游客前来选购。"
               "非遗传承人周大伟开设体验课,两年来带出徒弟30余人。")
SECOND_MORE = "据统计,今年前十个月,老街接待游客41万人次,带动居民增收1600余万元。"


def test_parallel_quoted_headings_stay_sections_of_one_feature():
    """`“小菜园”种出“大民生”` and `“老手艺”撑起“新市集”` share one shape: both
    are section headings of the feature above, which keeps all its text."""
    _, arts = articles(page(TITLE, OPENING, MORE, FIRST, FIRST_TEXT, SECOND, SECOND_TEXT, SECOND_MORE))
    got = {a.title: [(p.type, p.text) for p in a.paragraphs] for a in arts}
    assert got == {
        TITLE: [("p", OPENING), ("p", MORE), ("heading", FIRST), ("p", FIRST_TEXT),
                ("heading", SECOND), ("p", SECOND_TEXT), ("p", SECOND_MORE)],
    }


def test_parallel_shapes():
    """Two quoted words with a verb between, or two short phrases apart, are
    the parallel shapes; a headline ending on one quoted word is not."""
    from generator.reconstruct.classify import _PARALLEL_SHAPE, _line_shape

    assert _PARALLEL_SHAPE.match(_line_shape("“小菜园”种出“大民生”"))
    assert _PARALLEL_SHAPE.match(_line_shape("修步道 连山水"))
    assert not _PARALLEL_SHAPE.match(_line_shape("乡贤回乡修通“致富路”"))
    assert not _PARALLEL_SHAPE.match(_line_shape("书香浸润城乡 阅读点亮生活"))
