"""Bodies detached from their headline and read into the article printed
before them, and lines cut from prose that open no article. Texts are from
the sample pages; the damage is made by hand as a layout export makes it."""
from __future__ import annotations

from .helpers import articles, page

# a headline with no body under it (its body printed after the next article),
# whose words its body hardly takes up
BAIYIN_MENTOUGOU = [
    "立足首善,全力谋划文明“大文章”",
    "朱凡 张东辉",
    "文明风起满眼新",
    "——甘肃白银全力推动文明城市创建工作不断迈向新高度",
    "白银宣",
    "近年来,甘肃省白银市顺应经济社会发展的大趋势、人民追求美好生活的民心所向,奋力争创全国文明城市,不断深化群众性"
    "精神文明创建活动,全面提升城市文明程度和综合竞争力。",
    "今年以来,白银市加快智慧城管项目建设,充分运用云计算、大数据等技术手段,整合现有城市管理资源,提高了城市精细化"
    "管理水平。",
    "此外,白银市还坚持从细节入手,加强城市公厕和无障碍设施达标建设,并持续开展“垃圾随手捡·文明天天见”等活动。",
    "全国文明城区创建,是一种理念、一种追求,更是一种实践、一种以人为本持之以恒提升城市整体水平的有效载体。",
    "面对创建全国文明城区这场大考,门头沟区坚定不移,勇往直前。",
    "春天的门头沟区,处处色彩斑斓。而在街头巷尾,随处可见的“绿马甲”,则是这座城市一抹最亮的色彩。",
    "在推进全国文明城区创建中,门头沟区持续深化“门头沟热心人”志愿服务队伍品牌建设。目前,全区有注册志愿者7.1万余人、"
    "2439支志愿服务队伍。",
]


def test_detached_body_read_into_the_next_article_is_cut_where_its_place_changes():
    """A headline without a body whose words hardly appear anywhere: the
    article printed under the next headline keeps naming one city (`白银市`),
    then, after a paragraph end, another district (`门头沟区`) it never named,
    and never again its own. One article stays in its place: the text from
    that paragraph on is the detached body."""
    _, arts = articles(page(*BAIYIN_MENTOUGOU))
    by_title = {a.title: a for a in arts}
    mentougou = by_title["立足首善,全力谋划文明“大文章”"]
    baiyin = by_title["文明风起满眼新"]
    assert [p.text[:8] for p in mentougou.paragraphs] == ["全国文明城区创建", "面对创建全国文明", "春天的门头沟区,",
                                                          "在推进全国文明城"]
    assert baiyin.paragraphs[-1].text.startswith("此外,白银市还坚持")


def test_line_cut_from_prose_over_a_story_opening_is_no_headline():
    """A short line opening with a sentence adverbial and stopping inside a
    clause (`如今,随着…等方面正`: the end of a column whose text goes on
    elsewhere) over a paragraph that introduces its province and city reads
    as cut prose: no article starts there."""
    _, arts = articles(page(
        "文明风起满眼新",
        "——甘肃白银全力推动文明城市创建工作不断迈向新高度",
        "白银宣",
        "今年以来,白银市加快智慧城管项目建设,充分运用云计算、大数据等技术手段,整合现有城市管理资源,提高了城市精细化"
        "管理水平。",
        "如今,随着智慧管理的深入推进,白银市社会治理、民众生活等方面正",
        "近年来,甘肃省白银市顺应经济社会发展的大趋势、人民追求美好生活的民心所向,奋力争创全国文明城市,不断深化群众性"
        "精神文明创建活动,全面提升城市文明程度和综合竞争力。",
        "此外,白银市还坚持从细节入手,加强城市公厕和无障碍设施达标建设,并持续开展“垃圾随手捡·文明天天见”等活动。",
    ))
    assert [a.title for a in arts] == ["文明风起满眼新"]
    assert arts[0].paragraphs[-1].text.startswith("此外,白银市还坚持")


def test_headline_after_its_body_over_a_detached_body_whose_lead_names_the_other_city():
    """A headline, then a news lead and its paragraph, then a second headline
    and another news lead. Both headlines share words with both texts
    (`党史学习教育`), but the first lead opens its story in the city the second
    headline names (`西宁`) and the first does not: that body is the second
    headline's, printed before it; the first headline's body is detached
    below."""
    _, arts = articles(page(
        "陕西合阳县多形式推动党史学习教育进校园",
        "本报讯(林洛)近期以来,青海省西宁市城西区古城台街道扎实推进党史学习教育。",
        "将党史学习教育融入作风建设、疫情防控、经济社会发展、城市建管、综合治理等重点工作中,以“我为群众办实事”为主题,"
        "广泛开展“新选任社区干部民情走访”活动,用心用情为群众办实事、解难题,推动党史学习教育走深走实。",
        "西宁市古城台街道 扎实推进党史学习教育",
        "本报讯(曹成)近日,陕西省渭南市合阳县以多种形式把党史学习教育融入青少年学习教育中,实现课堂内外、线上线下同频"
        "共振,让爱国主义精神代代相传。",
        "以传承为目标,优化学习效果。在青少年中培育“小小宣讲员”,围绕传统文化、红色故事、党史和政策理论知识进行培训。"
        "目前,合阳县已培养“小小宣讲员”20余名,在合阳县初心公园、烈士陵园等处为游客、市民、学生进行义务宣讲50余场。",
    ))
    by_title = {a.title: a for a in arts}
    assert by_title["陕西合阳县多形式推动党史学习教育进校园"].paragraphs[0].text.startswith("本报讯(曹成)")
    assert by_title["西宁市古城台街道 扎实推进党史学习教育"].paragraphs[0].text.startswith("本报讯(林洛)")
