"""Sentence adverbials set off by a comma (a time `活动开展以来,` `服务期间,`
`今年5月,`, a place `在城南街道,`, a source `据统计,`) at a column cut:
- a short line opening so and going on past the comma is the first line of
  a paragraph cut at a column end, not a heading: it goes on in the block
  printed next;
- a paragraph that lost its end, followed by a paragraph opening with a time
  or a source and nothing across the cut (no word, repeat or recurring
  string), stays a paragraph of its own;
- a list of scenes closed by an ellipsis (`……`) is not continued by a block
  opening a new scene with such an adverbial; a sentence summing the list up
  (`这些…`) does continue it.
Texts are written in the phrasing of county news features; the cuts are made
by hand as a layout export makes them."""
from __future__ import annotations

from generator.reconstruct.joins import _framed_line, head_features

from .helpers import articles, page

TITLE = "某县“红马甲”志愿服务队走街入户解民忧"
LEAD = ("本报讯 “大爷,血压有点高,平时饮食要清淡些。”11月20日上午,在某县城关镇幸福社区广场上,退休医生王秀兰一边给老人"
        "量血压,一边叮嘱注意事项。她是县“红马甲”志愿服务队的一员。")
LINE = "服务期间,各志愿服务小分队还"
LINE_REST = "深入偏远村组,为行动不便的老人送医送药、理发修脚,累计服务群众1.2万人次。"
LAST = "县文明办负责人介绍,下一步将完善志愿服务积分回馈机制,吸引更多群众加入志愿服务队伍。"


def test_a_short_line_opening_with_a_time_goes_on_in_the_next_block():
    """`服务期间,各志愿服务小分队还|深入偏远村组,…`: a line opening with a time
    set off by a comma and going on past it is cut prose, not a heading."""
    _, arts = articles(page(TITLE, LEAD, LINE, LINE_REST, LAST))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [LEAD, LINE + LINE_REST, LAST]
    assert _framed_line(LINE)
    assert not _framed_line("全民参与,让文明触手可及")
    assert not _framed_line("服务期间,")


CUT = "截至目前,全县已组建各类志愿服务队86支,注册志愿者"  # lost its end
SINCE = "活动开展以来,服务队累计开展各类志愿服务活动600余场次,收集群众意见建议230余条,均已交办落实。"
STAT = "据统计,今年全县志愿者人均服务时长超过30小时,较去年增长近一倍。"


def test_a_paragraph_opening_with_a_time_does_not_go_on_a_cut_text():
    """`…注册志愿者|活动开展以来,…`: nothing across the cut makes a word; the
    time opens a paragraph, and the cut text lost its continuation."""
    _, arts = articles(page(TITLE, LEAD, CUT, SINCE, LAST))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [LEAD, CUT, SINCE, LAST]
    assert head_features(SINCE).frame and head_features(STAT).frame
    # (a place goes with its verb, not set off by a comma: no frame; `test_place_source_openings`)
    assert not head_features("在城南街道清扫街巷,志愿者们干劲十足。").frame


def test_a_word_across_the_cut_still_joins_a_time_frame():
    """`…今|年以来,…`: the time frame starts before the cut."""
    first = "幸福社区是县里较早成立志愿服务队的社区。今"
    rest = "年以来,社区志愿者每周三上门走访独居老人,帮助解决实际困难80余件。"
    _, arts = articles(page(TITLE, LEAD, first, rest, LAST))
    assert [p.text for p in arts[0].paragraphs] == [LEAD, first + rest, LAST]


SCENES = ("清晨,志愿者在菜市场门口劝导规范停车;午后,志愿者在社区书屋陪孩子们读书写字;傍晚,志愿者在广场上教老人"
          "使用智能手机……")
NEW_SCENE = "在城南街道,一支由退休教师组成的“夕阳红”宣讲队每月走进学校,给孩子们讲身边的好人好事,已开展宣讲40余场。"
SUM_UP = "这些看似平常的小事,让文明新风吹进了群众的日常生活。"


def test_a_new_scene_does_not_go_on_a_list_of_scenes_closed_by_an_ellipsis():
    """`…使用智能手机……|在城南街道,…`: the ellipsis closed the list, and a
    place opening a new scene opens a paragraph."""
    _, arts = articles(page(TITLE, LEAD, SCENES, NEW_SCENE, LAST))
    assert [p.text for p in arts[0].paragraphs] == [LEAD, SCENES, NEW_SCENE, LAST]


def test_a_sentence_summing_up_a_list_of_scenes_goes_on_it():
    """`…使用智能手机……|这些看似平常的小事,…`: the list's own paragraph goes on."""
    _, arts = articles(page(TITLE, LEAD, SCENES, SUM_UP, LAST))
    assert [p.text for p in arts[0].paragraphs] == [LEAD, SCENES + SUM_UP, LAST]
