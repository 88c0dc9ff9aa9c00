"""A paragraph that lost its end (its last lines cut away), printed right
before the next paragraph, which opens a sentence of its own. Two openings
say so whatever the cut text ends with:

- a quotation: a text cut inside a quoted sentence (`“…现在大家坐下来喝杯
  茶,有话`) goes on only in text that closes it; the next paragraph opening
  another quotation before closing any (`为了让“茶馆议事”…`) is not that text,
  since a quotation inside a quotation takes `‘’`;
- a sentence's topic or the writer's comment on it, set off by a comma
  (`说起书屋的变化,` `令人欣慰的是,`): it heads a sentence, never goes on a
  clause cut at a word (`…参与村民达|说起…`).

The cut text stays a paragraph of its own. A text cut inside a quoted
sentence still goes on in a block closing the quotation, and one cut at a
comma may still go on with a topic. Texts are written in the phrasing of
county news pages; the cuts are made by hand."""
from __future__ import annotations

from .helpers import articles, page

TEAHOUSE = ["老茶馆成了村民议事厅", "本报记者 刘洋",
            "本报讯 每到傍晚,某镇东街的老茶馆里就坐满了人。镇里把这里设为村民议事点,"
            "邻里有矛盾、村里有难事,都可以来这里说一说。",
            "“以前有了纠纷,动不动就闹到镇上,现在大家坐下来喝杯茶,有话",
            "为了让“茶馆议事”议得明白、办得实在,镇里还从退休干部和老党员中选出12名“评理员”,每月轮流值守。",
            "今年以来,议事点已调解邻里纠纷40余起。"]


def test_a_quoted_sentence_cut_before_another_quotation_keeps_its_lost_end():
    """`“…有话|为了让“茶馆议事”…`: the quotation is still open when the next
    text opens another; the quoted words went on in lost text."""
    _, arts = articles(page(*TEAHOUSE))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == TEAHOUSE[2:]


SPEECH_CUT = ["老茶馆成了村民议事厅", "本报记者 刘洋",
              "本报讯 每到傍晚,某镇东街的老茶馆里就坐满了人。“以前有了纠纷,动不动就闹到镇上,现在大家",
              "坐下来喝杯茶,有话好好说,‘和事佬’们一调解,心里的疙瘩就解开了。”村民王大爷说。",
              "今年以来,议事点已调解邻里纠纷40余起。"]


def test_a_quoted_sentence_goes_on_in_a_text_that_closes_it():
    """`“…现在大家|坐下来喝杯茶,…‘和事佬’…。”`: the next text closes the
    quotation (quoting inside it with `‘’`); the cut goes on."""
    _, arts = articles(page(*SPEECH_CUT))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == [SPEECH_CUT[2] + SPEECH_CUT[3], SPEECH_CUT[4]]


LIBRARY = ["农家书屋飘书香", "本报记者 刘洋",
           "本报讯 走进某村农家书屋,几名村民正围坐在桌前翻阅种植技术书籍。书屋藏书3000余册,"
           "每天开放8小时,由村里的志愿者轮流管理。",
           "去年,村里把书屋和文化广场连在一起,组织读书分享、亲子阅读等活动20余场,参与村民达",
           "说起书屋的变化,志愿者李大姐感触很深:“以前来看书的多是老人,现在年轻人下了班也愿意来坐坐。”",
           "令人欣慰的是,不少外出务工的年轻人回村后也成了书屋的常客。",
           "下一步,该村将继续丰富书屋藏书,让书香飘进更多农家。"]


def test_a_topic_or_comment_opening_keeps_a_lost_end():
    """`…参与村民达|说起书屋的变化,…`: a sentence's topic set off by a comma
    does not go on a clause cut at a word."""
    _, arts = articles(page(*LIBRARY))
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs] == LIBRARY[2:]


def test_what_counts_as_a_quoted_sentence_or_a_topic_opening():
    from generator.reconstruct.joins import _in_speech, head_features

    assert _in_speech(TEAHOUSE[3])
    assert not _in_speech("开展“文明")  # a name or slogan cut, not a quoted sentence
    assert head_features(LIBRARY[4]).topic and head_features(LIBRARY[5]).topic
    assert not head_features("说起来容易,做起来难。").topic
