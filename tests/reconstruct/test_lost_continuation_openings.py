"""A paragraph that lost its end at a column cut, followed by a paragraph
opening with a named speaker's words (`李明华在会上强调,…`) or with a time
frame from a year (`自2020年…以来,…`): such openings start a paragraph of a
report, so with nothing in the text across the cut for them (no word, repeat
or recurring string), the cut text lost its continuation and stays a
paragraph of its own. A speaker named right after the post the cut text ends
on (`…县委书记|王建国在会上指出,`) still goes on that sentence. So does a
quoted sentence after a list cut at `、`, or after a comma when the text goes
on past the quotation (its speaker: `“…。”张大爷说。`). Texts are
written in the phrasing of county news pages; the cuts are made by hand as a
layout export makes them."""
from __future__ import annotations

from generator.reconstruct.joins import head_features

from .helpers import articles, page

MEETING = ["某县召开创建省级文明城市推进会", "本报通讯员 张伟",
           "本报讯 3月15日,某县召开创建省级文明城市推进会,总结去年创建工作,安排部署今年重点任务。县委副书记、县长李明华出席会议并讲话。",
           "会议指出,去年以来,全县上下紧盯创建目标,城乡面貌明显改善,群众文明素质不断提升,创建工作取得阶段性成",
           "李明华在会上强调,各级各部门要进一步提高思想认识,对照测评体系逐项查漏补缺,以钉钉子精神抓好问题整改,确保创建工作取得实效。",
           "会议还对创建工作先进集体和先进个人进行了表彰。"]


def test_a_speakers_words_open_a_paragraph_after_a_lost_continuation():
    """`…创建工作取得阶段性成|李明华在会上强调,…`: nothing across the cut makes
    a word or a string of the page; the speaker's words open a paragraph."""
    _, arts = articles(page(*MEETING))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == MEETING[2:]
    assert head_features(MEETING[4]).speaker
    assert not head_features("在会上强调,各级各部门要进一步提高思想认识。").speaker


POST = ["某县召开创建省级文明城市推进会", "本报通讯员 张伟",
        "本报讯 3月15日,某县召开创建省级文明城市推进会,总结去年创建工作,安排部署今年重点任务。县委书记",
        "王建国在会上指出,各级各部门要进一步提高思想认识,对照测评体系逐项查漏补缺,确保创建工作取得实效。",
        "会议还对创建工作先进集体和先进个人进行了表彰。"]


def test_a_speaker_named_after_the_post_before_the_cut_goes_on():
    """`…县委书记|王建国在会上指出,…`: the cut falls between a post and the name
    of whoever holds it; the text goes on."""
    _, arts = articles(page(*POST))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [POST[2] + POST[3], POST[4]]


RENEWAL = ["老旧小区改造让居民住得更舒心", "本报记者 赵磊",
           "“楼道亮了,路面平了,出门心情也好了。”说起小区的变化,家住和平街道的居民王阿姨连连点赞。"
           "这项民生工程能够顺利推进,离不开居民群众的理解支持",
           "自2020年启动老旧小区改造以来,和平街道累计投入资金1.2亿元,改造小区26个,惠及居民5000余户。",
           "下一步,该街道将继续聚焦群众急难愁盼,推动更多民生实事落地见效。"]


def test_a_time_frame_from_a_year_opens_a_paragraph_after_a_lost_continuation():
    """`…离不开居民群众的理解支持|自2020年启动…以来,…`: a time frame from a
    year opens a paragraph, as `2020年…` does."""
    _, arts = articles(page(*RENEWAL))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == RENEWAL[2:]
    assert head_features(RENEWAL[3]).opener


# a list cut at `、` and a paragraph opening with a quoted sentence and its speaker
CLINIC = ["便民门诊延伸到社区", "本报记者 周敏",
          "本报讯 为方便行动不便的老年人就医,某区人民医院在辖区10个社区开设便民门诊,组织医生每周定点坐诊,"
          "为居民提供测量血压、测血糖、",
          "“以前看病要坐半个多小时公交车,现在在家门口就能看上专家。”家住幸福社区的72岁居民李秀兰说。"
          "据了解,便民门诊开诊以来,已累计接诊居民3000余人次。",
          "下一步,该医院将把便民门诊延伸到更多社区。"]
# a comma cut and a quoted sentence the text goes on after: it opens a paragraph
HEATING = ["供暖季前入户“体检”", "本报记者 周敏",
           "本报讯 入冬以来,某区组织供热企业开展入户走访,维修人员挨家挨户检查暖气片、阀门和管线,",
           "“今年屋里暖和多了,心里也踏实了。”家住三楼的张大爷说。截至目前,已走访居民1200余户,整改问题80余处。",
           "下一步,该区将开通24小时供暖服务热线。"]
# … but a quoted sentence ending the text after a comma goes on the sentence
MARKET = ["诚信经营让小店更有底气", "本报记者 周敏",
          "本报讯 店里摆上了公平秤,商品明码标价,店主王女士说,回头客比以前多了不少,",
          "“诚信就是最好的招牌,我们做小生意的更要守住。”",
          "下一步,该街道将在更多商户中推广诚信经营承诺。"]


def test_a_quoted_sentence_opens_a_paragraph_after_a_list_cut_at_its_comma():
    """`…测量血压、测血糖、|“以前看病…。”…说。`: a list item is never a quoted
    sentence; the list lost its continuation."""
    _, arts = articles(page(*CLINIC))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == CLINIC[2:]


def test_a_quoted_sentence_with_its_speaker_after_it_opens_a_paragraph():
    """`…检查暖气片、阀门和管线,|“今年屋里暖和多了。”家住三楼的张大爷说。`: the
    text goes on after the quotation, with its speaker: a paragraph's opening."""
    _, arts = articles(page(*HEATING))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == HEATING[2:]


def test_a_quoted_sentence_ending_the_text_after_a_comma_goes_on_it():
    """`…回头客比以前多了不少,|“诚信就是最好的招牌…。”`: a quotation may end the
    sentence a comma leaves open."""
    _, arts = articles(page(*MARKET))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [MARKET[2] + MARKET[3], MARKET[4]]
