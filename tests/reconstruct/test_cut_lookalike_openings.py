"""A column cut mid-sentence whose continuation opens like a paragraph: with
the first words of a series of sibling paragraphs (`着力织密“…”。`) but closing
its first clause otherwise, or with `为…` naming whom a predicate serves
(`为…提供…`), not a purpose clause (`为推动…,`). Both go on the cut sentence.
Texts are written in the phrasing of county news pages; the cuts are made by
hand as a layout export makes them."""
from __future__ import annotations

from generator.reconstruct.blocks import parse_blocks
from generator.reconstruct.classify import parallel_starts, shape
from generator.reconstruct.joins import head_features

from .helpers import articles, page

SERIES = ["织密“三张网” 提升基层治理效能", "本报通讯员 李晓东",
          "近年来,某县以群众需求为导向,坚持以数字化改革为牵引,",
          "着力织密“三张网”,推动基层治理从“被动应对”向“主动服务”转变,群众的获得感、幸福感持续增强。",
          "着力织密“平安守护网”。该县整合公安、综治、城管等部门力量,在全县划分网格1300余个,实行网格员包片负责,"
          "全年化解矛盾纠纷1200余件。",
          "着力织密“便民服务网”。依托县政务服务中心,该县推出“一窗受理、集成服务”模式,群众办理高频事项平均用时缩短一半以上。",
          "着力织密“邻里互助网”。各村(社区)组建志愿服务队,常态化开展关爱老人、助学帮困等活动,邻里关系更加和睦。"]


def test_a_cut_sentence_going_on_with_a_series_opening_is_joined():
    """`…以数字化改革为牵引,|着力织密“三张网”,推动…`: the next block opens with
    the words of the series below (`着力织密“平安守护网”。` …) but closes its first
    clause with a comma, not a full stop, right after a text cut mid-sentence:
    it goes on that sentence. The siblings stay a series and open paragraphs."""
    blocks = parse_blocks(page(*SERIES))
    for b in blocks:
        b.role = shape(b)
    assert {b.flat[:7] for b in blocks if b.index in parallel_starts(blocks)} == \
        {"着力织密“平安", "着力织密“便民", "着力织密“邻里"}
    _, arts = articles(page(*SERIES))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [SERIES[2] + SERIES[3]] + SERIES[4:]


BENEFIT = ["青山镇:林下经济鼓起群众“钱袋子”", "本报记者 王静",
           "初夏时节,走进青山镇的林下种植基地,一垄垄中药材长势喜人,村民们正忙着除草、施肥。近年来,该镇立足生态资源禀赋,"
           "大力发展林下种植和乡村旅游,探索出一条生态美、产业兴、百姓富的发展新路子,",
           "为全面推进乡村振兴提供了有益借鉴,群众的腰包也越来越鼓。今年以来,全镇接待游客12万人次,实现旅游综合收入3000余万元。",
           "为进一步壮大村级集体经济,该镇还成立了林下经济合作社,统一提供种苗、技术和销售服务,带动600余户农户增收。"]


def test_a_cut_sentence_going_on_with_a_beneficiary_is_joined():
    """`…发展新路子,|为全面推进乡村振兴提供了有益借鉴,…`: 为 here names whom
    `提供` serves, the end of the cut sentence, not a purpose clause opening a
    paragraph; `为进一步壮大村级集体经济,该镇…` is one and stays a paragraph."""
    assert not head_features(BENEFIT[3]).opener
    assert head_features(BENEFIT[4]).opener
    _, arts = articles(page(*BENEFIT))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [BENEFIT[2] + BENEFIT[3], BENEFIT[4]]


RENEWAL = ["老旧小区改造让居民住得更舒心", "本报记者 赵磊",
           "“楼道亮了,路面平了,停车也不用再绕圈了。”说起小区的变化,家住和平街道的居民刘阿姨连连点赞。",
           "补齐设施短板、优化公共空间……今年1",
           "0月以来,和平街道累计改造老旧小区12个,新增停车泊位800余个,居民出行更加便捷。",
           "下一步,该街道将继续聚焦群众急难愁盼,推动更多民生实事落地见效。"]


def test_a_number_cut_in_two_goes_on():
    """`…今年1|0月以来,…`: a short line at a column end stopping on a digit, and
    the next block opening with one: a number cut in two, not a heading."""
    _, arts = articles(page(*RENEWAL))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [RENEWAL[2], RENEWAL[3] + RENEWAL[4], RENEWAL[5]]


SURVEY = ["“民呼我应”解民忧 “接诉即办”暖民心", "本报通讯员 陈晨",
          "今年以来,某区把“接诉即办”作为检验作风的试金石,建立“受理—派单—办理—回访”闭环机制,群众诉求解决率从45.20%提升到93.10%,满",
          "%,满意率从62.30%提升到95.60%。",
          "该区还定期梳理高频诉求,对物业管理、停车难等共性问题开展专项治理,推动“办好一件事”向“解决一类事”延伸。"]


def test_a_repeat_holding_a_percent_sign_is_dropped():
    """`…93.10%,满|%,满意率…`: the column's last characters printed again at the
    top of the next one, a percent sign among them; the repeat is dropped."""
    _, arts = articles(page(*SURVEY))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [SURVEY[2] + SURVEY[3][3:], SURVEY[4]]


BANK = ["“三个聚焦”推动文明创建提质增效", "本报通讯员 周敏",
        "聚焦党建引领,注重筑牢创建“主心骨”。该支行将文明单位创建纳入党建工作总体布局,与业务工作同谋划、同部署、同考核。",
        "聚焦服务实体,注重打好金融“组合拳”。围绕小微企业融资需求,该支行推出“一企一策”服务方案,今年累计发放贷款2.3亿元。",
        "聚焦队伍建设,注重涵养",
        "文明“精气神”。该支行常态化开展道德讲堂、志愿服务等活动,干部职工文明素养持续提升。"]


def test_a_short_line_opening_like_a_series_of_paragraphs_is_cut_prose():
    """`聚焦队伍建设,注重涵养` is shaped like the lead-ins of the paragraphs above
    (`聚焦党建引领,注重…。` `聚焦服务实体,注重…。`) and goes on past its lead-in:
    the first line of another paragraph of the series, cut at a column end,
    not a section heading."""
    _, arts = articles(page(*BANK))
    assert len(arts) == 1
    assert [(p.type, p.text) for p in arts[0].paragraphs] == \
        [("p", BANK[2]), ("p", BANK[3]), ("p", BANK[4] + BANK[5])]
