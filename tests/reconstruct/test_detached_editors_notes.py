"""A reader's letter printed apart from its headline keeps its editor's note
(`编者按：…`) at its head. The desk prints such a note under the headline of
the piece it introduces, above the piece's text, never inside another
article's text: a note read after another article's paragraphs opens the
detached letter's text, and a note (with the letter under it) printed right
under another article's header, above that article's own opening, goes with
the bodiless headline its words name. The page texts are written for the
test in the phrasing of a city newspaper's readers' page."""
from __future__ import annotations

from .helpers import articles, page

LETTER = "一封写给社区医生的感谢信"
LETTER_BYLINE = "文/赵桂芬"
NOTE = ("编者按：日前，本报收到东湖社区居民赵桂芬的一封来信，信中讲述了社区医生上门为她"
        "卧床的老伴看病的经过。现将来信摘编刊发。")
SALUTATION = "尊敬的编辑同志："
GREETING = ("您好！我叫赵桂芬，今年六十八岁，住在老城区东湖社区。我老伴前年中风后一直卧床，"
            "去一趟医院要好几个人抬下楼。")
STORY = ("今年春天，社区卫生服务站的刘医生知道了我家的难处，每个月都上门给老伴量血压、调药，"
         "还手把手教我怎么给他翻身按摩，从来没收过我们一分钱。")
THANKS = "我想借贵报一角，向刘医生和社区卫生服务站的医护人员说一声：谢谢你们！"
CLOSING = "此致"
SALUTE = "敬礼！"

BRIDGE = "滨江新区三座人行天桥建成通行"
BRIDGE_BYLINE = "本报记者 周航"
BRIDGE_TEXT = [
    ("上周末，滨江新区三座人行天桥同时建成通行。天桥横跨滨江大道，连通了两侧的学校、商场和居民区，"
     "过往市民再也不用在车流中穿行。"),
    ("据介绍，三座天桥均设置了无障碍电梯和防滑步道，桥面宽度达到六米，夜间还有景观照明，"
     "方便老人、儿童和推婴儿车的市民通行。"),
    ("新区建设管理部门负责人表示，下一步将在滨江大道沿线再建两座人行天桥，"
     "让市民出行更安全、更便捷。"),
]

STREETS = "老城区十条背街小巷完成改造"
STREETS_SUB = "——老城区2024年背街小巷改造工作综述"
STREETS_BYLINE = "本报记者 吴敏"
STREETS_TEXT = [
    ("今年以来，老城区把背街小巷改造作为为民办实事的重点项目，对十条背街小巷的路面、管网、"
     "照明进行了全面改造，改造后的老城区背街小巷干净整洁。"),
    ("改造中，老城区坚持先问计于民，通过入户走访、居民议事会等方式收集意见，"
     "把群众最盼的停车位、休闲座椅和无障碍坡道列入了背街小巷改造清单。"),
]

LETTER_TEXT = [NOTE, SALUTATION, GREETING, STORY, THANKS, CLOSING, SALUTE]
SHORT_LETTER = [NOTE, SALUTATION, GREETING, CLOSING, SALUTE]


def test_a_note_after_another_articles_text_opens_the_letter():
    """The letter's headline at the top of the page, its note and letter after
    another article's paragraphs: they are the letter's text."""
    _, arts = articles(page(LETTER, LETTER_BYLINE, BRIDGE, BRIDGE_BYLINE, *BRIDGE_TEXT, *LETTER_TEXT))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {LETTER: LETTER_TEXT, BRIDGE: BRIDGE_TEXT}


def test_a_letter_under_another_header_goes_with_its_headline():
    """The letter's headline printed alone, its note and a short letter right
    under another article's header, above that article's own opening: the
    lines of the letter under the note go with it, not only the note."""
    _, arts = articles(page(LETTER, BRIDGE, BRIDGE_BYLINE, *BRIDGE_TEXT,
                            STREETS, STREETS_SUB, STREETS_BYLINE, *SHORT_LETTER, *STREETS_TEXT))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {LETTER: SHORT_LETTER, BRIDGE: BRIDGE_TEXT, STREETS: STREETS_TEXT}
