"""A round-up column: one headline naming the column (`简讯`, `快讯`, `新闻速递`)
over several short news items, each opening with a lead of its own
(`本报讯…`) and no headline. The items are paragraphs of the one article
under that headline, not headless articles; a news lead with no round-up
above it still opens an article of its own."""
from __future__ import annotations

from .helpers import articles, page


_FEATURE = [
    "老街巷里开出“共享菜园”",
    "本报讯（记者 陈晓燕）初冬时节，安徽省合肥市包河区望湖街道的一片闲置空地上，青菜、萝卜长势正旺。这片“共享菜园”由社区牵头、居民认领，",
    "去年以来已有120多户居民参与种植，收获的蔬菜一部分送给辖区独居老人。",
    "街道负责人介绍，下一步将在更多小区推广这一做法，让闲置空间变成邻里交流的好去处。",
]

_ITEMS = [
    "本报讯 11月18日，芜湖市镜湖区举办社区运动会，来自12个社区的400余名居民参加了拔河、跳绳等项目。",
    "本报讯 日前，蚌埠市龙子湖区组织志愿者走进敬老院，为老人理发、测血压，并送去棉被和米面油等慰问品。",
    "本报讯 11月20日，淮南市田家庵区开展消防安全进校园活动，消防员为师生讲解灭火器使用方法和逃生技巧。",
]


def _titled(arts):
    return {a.title: a for a in arts if a.title}


def test_items_under_a_roundup_headline_are_its_paragraphs():
    _, arts = articles(page(*_FEATURE, "简讯", *_ITEMS))
    roundup = _titled(arts)["简讯"]
    assert [p.text[:9] for p in roundup.paragraphs] == [x[:9] for x in _ITEMS]
    assert not [a for a in arts if not a.title]
    assert len(_titled(arts)["老街巷里开出“共享菜园”"].paragraphs) == 2


def test_roundup_headline_under_a_kicker():
    _, arts = articles(page(*_FEATURE, "文明实践在身边\n快讯", *_ITEMS))
    roundup = [a for a in arts if a.title == "快讯"]
    assert roundup and roundup[0].kicker == "文明实践在身边"
    assert len(roundup[0].paragraphs) == len(_ITEMS)


def test_roundup_headline_printed_apart_from_its_items():
    _, arts = articles(page("新闻速递", *_FEATURE, *_ITEMS))
    roundup = _titled(arts)["新闻速递"]
    assert len(roundup.paragraphs) == len(_ITEMS)
    assert not [a for a in arts if not a.title]


def test_news_lead_with_no_roundup_above_opens_an_article():
    _, arts = articles(page(*_FEATURE, _ITEMS[0]))
    assert len(_titled(arts)["老街巷里开出“共享菜园”"].paragraphs) == 2
    assert [a.paragraphs[0].text for a in arts if not a.title] == [_ITEMS[0]]


def test_news_lead_below_another_article_is_no_item_of_a_roundup_above_it():
    stray = "本报讯 11月19日，六安市金安区举行农民丰收节农产品展销会，30余家合作社带来茶叶、板栗等特色农产品。"
    _, arts = articles(page("简讯", *_ITEMS, *_FEATURE, stray))
    assert len(_titled(arts)["简讯"].paragraphs) == len(_ITEMS)
    assert [a.paragraphs[0].text for a in arts if not a.title] == [stray]
