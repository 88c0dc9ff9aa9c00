"""Long features printed in reverse whose cuts say little either way; where
the columns begin and end tells the reading:

* the first column, printed last, opens as a story opens (its place named in
  full) right after the cut sentence ending the column printed before it:
  such an opening goes on from no cut sentence, however well the words would
  read across the cut (`…带领大家|走进…`);
* a column opens with the few characters closing a sentence (`500余册次。`)
  right after a complete paragraph: that is no paragraph of its own but the
  tail of a sentence cut at the foot of another column, as much a
  mid-sentence start as a column opening `的…` or `和…`.

The texts are written for the tests; their columns are printed last column
first by hand, as a layout export prints them."""
from __future__ import annotations

from .helpers import articles, page

BOOK_HOUSE = [
    "农家书屋飘书香",
    "本报记者 向东",
    # the last column, printed first
    "举办活动20多场。",
    "溆浦县文化旅游广电局相关负责人介绍,全县已建成标准化农家书屋200余个,实现行政村全覆盖。下一步,全县将推动农家书屋与"
    "新时代文明实践站、村级综合服务中心融合建设,让书香飘进更多百姓家。",
    # the third column
    "读绘本、讲故事,吸引了不少家长一起参加。",
    "书屋还和县图书馆建立了通借通还机制,村民在书屋就能借阅县图书馆的图书,借阅量比去年增长了两倍多。今年暑假,县图书馆的"
    "志愿者还来到村里,为孩子们开设了绘本阅读、手工制作等课程,前后",
    # the second column
    "专职管理员,书屋一下子热闹了起来。",
    "“以前想学养殖技术,只能到县城去找资料。现在在家门口就能借到书,还能听专家讲课。”村民施成富说。他照着书里的方法改良了"
    "猪圈,今年出栏生猪40多头,收入比往年多了两万多元。",
    "为了让书屋“活”起来,管理员龙秀英想了不少办法。她把书屋的图书目录做成二维码贴在村部门口,村民扫一扫就能知道有哪些新书;"
    "每逢周末,她还组织村里的孩子开展读书分享会,带领大家",
    # the first column, printed last
    "走进湖南省怀化市溆浦县龙潭镇的一家农家书屋,书架上整齐摆放着农业技术、文学历史、少儿读物等各类图书3000余册。几位村民"
    "正围坐在长桌旁,一边翻看种植手册,一边小声交流。",
    "农家书屋是村里的“文化粮仓”。过去,书屋藏书陈旧、开放时间不固定,来的人并不多。去年以来,溆浦县把农家书屋建设纳入乡村"
    "振兴重点工作,统一更新图书、延长开放时间,还为每个书屋配备了一名",
]


def test_reversed_feature_opens_with_its_place_named_in_full_after_a_cut():
    """The column printed last opens `走进湖南省怀化市…`: the article's first
    paragraph, not the end of `…开展读书分享会,带领大家`. Read in reverse,
    each cut sentence goes on in the column printed before it, and the
    column printed first, looking ahead (`下一步,`), ends the article."""
    _, arts = articles(page(*BOOK_HOUSE))
    assert len(arts) == 1
    ps = [p.text for p in arts[0].paragraphs]
    assert ps[0].startswith("走进湖南省怀化市溆浦县")
    assert any(p.endswith("还为每个书屋配备了一名专职管理员,书屋一下子热闹了起来。") for p in ps)
    assert any(p.endswith("开展读书分享会,带领大家读绘本、讲故事,吸引了不少家长一起参加。") for p in ps)
    assert any(p.endswith("手工制作等课程,前后举办活动20多场。") for p in ps)
    assert ps[-1].startswith("溆浦县文化旅游广电局相关负责人介绍")
    assert len(ps) == 6


READING_ROOM = [
    "乡村阅读有了新去处",
    "本报记者 向东",
    # the last column, printed first
    "活动20多场,孩子们在书屋里度过了一个充实的假期。",
    "县文化旅游广电局相关负责人介绍,全县已建成标准化农家书屋200余个,实现行政村全覆盖。今年,全县还推动农家书屋与"
    "新时代文明实践站、村级综合服务中心融合建设,让书香飘进更多百姓家。",
    # the third column, opening with the tail of a cut sentence
    "500余册次。",
    "书屋还和县图书馆建立了通借通还机制,村民在书屋就能借阅县图书馆的图书,借阅量比去年增长了两倍多。今年暑假,县图书馆的"
    "志愿者还来到村里,为孩子们开设了绘本阅读、手工制作等课程,前后举办",
    # the second column
    "懂行的专职管理员,书屋一下子热闹了起来。",
    "“以前想学养殖技术,只能到县城去找资料。现在在家门口就能借到书,还能听专家讲课。”村民施成富说。他照着书里的方法改良了"
    "猪圈,今年出栏生猪40多头,收入比往年多了两万多元。",
    "为了让书屋“活”起来,管理员龙秀英想了不少办法。她把书屋的图书目录做成二维码贴在村部门口,村民扫一扫就能知道有哪些新书;"
    "每逢周末,她还组织村里的孩子开展读书分享会,吸引了不少家长一起参加。今年以来,书屋共借出图书1",
    # the first column, printed last
    "书架上整齐摆放着农业技术、文学历史、少儿读物等各类图书3000余册,几位村民正围坐在长桌旁,一边翻看种植手册,一边小声交流。"
    "这是龙潭镇新修缮的一家农家书屋。",
    "农家书屋是村里的“文化粮仓”。过去,书屋藏书陈旧、开放时间不固定,来的人并不多。去年以来,县里把农家书屋建设纳入乡村"
    "振兴重点工作,统一更新图书、延长开放时间,还为每个书屋配备了一名",
]


def test_column_opening_with_a_sentence_tail_after_a_full_stop_is_read_in_reverse():
    """`500余册次。` printed right after the paragraph `…让书香飘进更多百姓家。`
    closes a sentence begun elsewhere (`…书屋共借出图书1`): read as printed,
    the text would go on mid-sentence after a full stop. Read in reverse,
    every column goes on from the cut ending the column printed after it."""
    _, arts = articles(page(*READING_ROOM))
    assert len(arts) == 1
    ps = [p.text for p in arts[0].paragraphs]
    assert ps[0].startswith("书架上整齐摆放着")
    assert any(p.endswith("今年以来,书屋共借出图书1500余册次。") for p in ps)
    assert any(p.endswith("前后举办活动20多场,孩子们在书屋里度过了一个充实的假期。") for p in ps)
    assert any(p.endswith("配备了一名懂行的专职管理员,书屋一下子热闹了起来。") for p in ps)
    assert ps[-1].startswith("县文化旅游广电局相关负责人介绍")
    assert len(ps) == 6
