"""A reader's letter (读者来信, 感谢信, 倡议书) keeps a letter's form on the page:
a salutation on a line of its own (`尊敬的编辑同志：`), the greeting opening
the next paragraph (`您好！…`), and the closing formula `此致` on one line over
`敬礼！`. Those lines stand alone however well their text reads on across the
line (`此致敬礼` is one dictionary word). An editor's note over the letter
(`编者按：…`) cut at a column end goes on in the text printed next, as any
text does. The page text is written for the test in the phrasing of a county
newspaper's readers' page."""
from __future__ import annotations

from generator.reconstruct import classify as C
from generator.reconstruct import joins as J
from generator.reconstruct.blocks import Block

from .helpers import articles, page

LETTER = "一封写给环卫工人的感谢信"
NOTE_HEAD = "编者按：日前，本报收到城关镇退休教师刘玉兰的一封来信，信中讲述了环卫工人帮她找回遗失"
NOTE_TAIL = "的救命药的经过。现将来信刊登如下。"
SALUTATION = "尊敬的编辑同志："
GREETING = "您好！我叫刘玉兰，今年七十二岁，是城关镇的一名退休教师。今天写信，是想感谢几位素不相识的环卫工人。"
STORY = ("上个月的一天早上，我在菜市场买菜时把装着降压药的布袋弄丢了。正当我着急的时候，"
         "正在清扫街道的环卫工人王师傅和同事们帮我沿路寻找，半个小时后终于在垃圾桶旁找到了布袋。")
THANKS = "我想借贵报一角，向这些默默守护城市的环卫工人说一声：谢谢你们！"
CLOSING = "此致"
SALUTE = "敬礼！"
MARKET = "城南农贸市场完成提升改造"
MARKET_BYLINE = "本报记者 孙立"
MARKET_LEAD = ("本报讯 近日，城南农贸市场提升改造工程完工并恢复营业，市场新增摊位80个，"
               "设置了农残检测室和公平秤，方便群众放心买菜。")


def test_letter_lines():
    """A salutation, or a line addressing those the next text greets, and the
    closing formula break a letter's text; a clause cut at a colon does not."""
    assert J.letter_break(SALUTATION, GREETING)
    assert J.letter_break("各位居民朋友：", "大家好！为进一步做好垃圾分类工作，现向全体居民发出如下倡议。")
    assert J.letter_break(CLOSING, SALUTE)
    assert not J.letter_break("会议要求：", "各单位要切实提高认识，抓好工作落实。")


def test_a_readers_letter_keeps_its_form():
    """The editor's note cut at a column end is one paragraph; the salutation,
    `此致` and `敬礼！` are paragraphs of their own; the news story below keeps
    its text."""
    _, arts = articles(page(LETTER, NOTE_HEAD, NOTE_TAIL, SALUTATION, GREETING, STORY, THANKS, CLOSING, SALUTE,
                            MARKET, MARKET_BYLINE, MARKET_LEAD))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {LETTER: [NOTE_HEAD + NOTE_TAIL, SALUTATION, GREETING, STORY, THANKS, CLOSING, SALUTE],
                   MARKET: [MARKET_LEAD]}


def test_the_closing_formula_is_a_line_of_text():
    """`此致` is short and ends on no mark, as a heading does, but it is a line of
    the letter's text: it never heads text of its own."""
    assert C.shape(Block(0, CLOSING, 1, CLOSING)) == C.BODY
    assert C.shape(Block(0, "来信摘登", 1, "来信摘登")) == C.HEAD
