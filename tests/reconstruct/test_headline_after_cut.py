"""A headline printed right after another article's last column, which the
layout export cut mid-sentence: the cut sentence does not go on in the
headline. Texts are from the sample pages; the damage is made by hand as a
layout export makes it."""
from __future__ import annotations

from .helpers import articles, page

# article one ends mid-sentence (its end lost), a subscription notice, then
# the next article's headline over its columns printed last column first
QINTAN_HEFEI = [
    "安庆经开区秦潭村:“党旗红”引领“秦潭绿”",
    "焦海林",
    "去年以来,安徽安庆经开区老峰镇秦潭村党总支在生态文明建设上攻坚克难,久久为功,聚焦“四抹绿色”,创新开展“八大行动”,"
    "将党建工作和新时代文明实践工作相结合,贯穿村务工作全过程,着力打造“党旗红",
    "秦潭绿”特色党建品牌。如今,在秦潭村党总支的不懈努力下,一幅绿色秦潭的美丽画卷正在徐徐展开。",
    "绿色文明。秦潭村结合文明创建工作,开展“绿灯行动”,发放文明出行宣传单页,治理“飞",
    "征订热线:010-12345678\n邮发代号:1-23",
    "安徽合肥举办2022年中小学童心向党声乐专场展演",
    "仰之情;“我们的生活充满阳光”篇章,孩子们展现了生活处处有微笑,处处有欢乐,处处都充满着灿烂阳光的幸福之光;"
    "“我们的祖国是花园”篇章展示了中华民族一家亲、同心共筑中国梦的美好憧憬。活动最后在千人合唱《我的祖国》的昂扬歌声中落下帷幕。",
    "据悉,今年以来,合肥市坚持立德树人根本任务,不断加强新时代爱国主义教育,传承红色基因,培育时代新人,"
    "以积极昂扬的姿态迎接党的二十大胜利召开。",
    "本报讯(合文)为深入开展“强国复兴有我”主题宣传教育活动,7月8日,安徽省合肥市文明办、市教育局联合举办"
    "“逐梦新时代,一起向未来”——2022年合肥市中小学童心向党声乐专场展演暨十三届文化艺术节开幕式活动,"
    "全市36所中小学校和近2000名学生齐聚包河凤凰剧院参与现场展演。",
    "活动在歌舞表演《没有共产党就没有新中国》《红船》中拉开序幕。“我们心目中的英雄”篇章,孩子们用歌声表达了对英雄的敬",
]


def test_cut_sentence_does_not_go_on_in_the_next_articles_headline():
    """`…治理“飞` ends a column mid-sentence right above a notice and a short
    line; the line's words come back in the news lead below (`合肥`, `中小学`,
    `声乐专场展演`): it is that lead's headline, not the rest of the sentence."""
    _, arts = articles(page(*QINTAN_HEFEI))
    titles = [a.title for a in arts]
    assert "安徽合肥举办2022年中小学童心向党声乐专场展演" in titles
    hefei = arts[titles.index("安徽合肥举办2022年中小学童心向党声乐专场展演")]
    assert hefei.paragraphs[0].text.startswith("本报讯(合文)")
    qintan = arts[titles.index("安庆经开区秦潭村:“党旗红”引领“秦潭绿”")]
    assert not any("合肥" in p.text for p in qintan.paragraphs)


# a headline whose body is printed after the next article (headline, byline,
# two paragraphs), that body's columns printed last column first
XUCHANG_MENTOUGOU = [
    "河南省许昌市青年志愿者协会第一次会员大会召开",
    "立足首善,全力谋划文明“大文章”",
    "朱凡 张东辉",
    "全国文明城区创建,是一种理念、一种追求,更是一种实践、一种以人为本持之以恒提升城市整体水平的有效载体。",
    "生活在推窗见绿、望山见水、环境优美、秩序井然、文明和谐的家园,成为了越来越多门头沟人的标配,人们闲坐公园,"
    "与街坊邻里细数着这些年门头沟的变化,脸上都洋溢着幸福的笑容。",
    "织、青年志愿服务工作者积极响应市委、团市委号召,在诸多中心工作中发挥着不可替代的作用。未来,许昌市广大青年志愿者要"
    "充分弘扬奉献、友爱、互助、进步的志愿精神,以一流的青春业绩迎接党的二十大胜利召开。",
    "和接班人的重要平台,是共青团组织动员体系的重要组成部分,是新时代团员青年在实践中彰显先进性的重要标志。"
    "许昌市青年志愿者协会汇聚了很多优秀青年志愿者组织和青年志愿者代表,将为许昌的志愿服务事业发展作出新的更大贡献。",
    "近年来,青年志愿服务已经成为许昌文明、发展、进步的重要标志。广大青年志愿者、青年志愿服务组",
    "本报讯(许文)7月11日,河南省许昌市青年志愿者协会第一次会员大会召开。许昌市委宣传部、团市委、市民政局相关负责人"
    "参加了开幕式。",
    "该市团市委负责人表示,青年志愿者协会是在实践中培养社会主义事业建设者",
]


def test_two_headlines_in_a_row_the_text_below_opens_under_the_nearer():
    """Two headlines in a row: the text right below opens the article of the
    nearer one (with its byline), and only the first headline's words are
    found in the news lead printed further down. The lead's columns, printed
    in reverse, take none of the other article's paragraphs."""
    _, arts = articles(page(*XUCHANG_MENTOUGOU))
    by = {a.title: a for a in arts}
    mtg = by["立足首善,全力谋划文明“大文章”"]
    assert [p.text[:8] for p in mtg.paragraphs] == ["全国文明城区创建", "生活在推窗见绿、"]
    xc = by["河南省许昌市青年志愿者协会第一次会员大会召开"]
    assert xc.paragraphs[0].text.startswith("本报讯(许文)")
    assert not any("门头沟" in p.text for p in xc.paragraphs)
