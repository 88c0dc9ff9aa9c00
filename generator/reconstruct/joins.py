"""Which block continues which: pair scores from the text, then one global
assignment (each fragment at most one predecessor and one successor)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .blocks import Block
from .classify import BODY, BYLINE, HEAD, SUBTITLE, TITLE, awaits_object, cohesion, head_likeness, is_lead, lead_ins_alike
from .lexicon import (dangling_end, CJK, LETTER_CLOSING, LETTER_SIGNATURE_RE, SALUTATION_RE, CONT_START, FRAME_PREPOSITIONS, FRAME_RE, HEADING_MARK_RE, UNITS, NO_START,
                      OPEN_END_CHARS, OPENER_RE, PURPOSE_RE, SPEAKER_RE, TIME_SOURCE_RE, ends_closed, head_window, is_cjk,
                      lexicon, looks_like_name, tail_window)

WINDOW = 40          # candidate successors within this many blocks either side
THRESHOLD = 1.0      # minimum score for a join
ADJACENT = 3.0       # the next block printed: where a cut text usually goes on
MAX_EXACT = 60       # components up to this size are solved exactly
PARALLEL = 2.0       # a block opening like its sibling paragraphs hardly continues a cut sentence
PARALLEL_BARE = 6.0  # … and without any evidence across the cut, it does not
STRONG_GAIN = 5.0    # a word spanning the cut this much better than the parts: decisive
DANGLING_ONLY = 3.0  # a distant pair whose only evidence is the left's dangling end
SOFT_END = 1.0       # a text stopping on `;` `:` (`soft_end`) goes on less surely than one cut mid-clause
FAR_RECURS = 0.5     # a recurring string as the only evidence of a distant pair counts this much
ADVERBIAL = 3.0      # nor one opening with `近年来,` `此外,` (almost never seen at a cut)
ADVERBIAL_BARE = 6.0  # … and without any evidence across the cut, it opens a paragraph of its own
QUOTE_CLOSE = 1.5    # a text cut inside a quotation, going on in a block that closes it
QUOTE_SPAN = 20      # … soon (a short quoted name or slogan), before it opens another
TITLE_OPEN = 3.0     # a text cut inside a title (`…小戏《`), and a block that does not close it soon
TITLE_SPAN = 30      # (a work's title is short, and never spans a sentence end)
SPEECH = 6.0         # a quoted sentence (`“…。”`) right after a word: it opens a paragraph


@dataclass
class Cand:
    left: int
    right: int
    score: float
    overlap: int      # repeated characters at the start of `right` to drop
    reason: str


def is_open(b: Block) -> bool:
    return _open_text(b.flat)


@lru_cache(maxsize=8192)  # asked of each block many times
def _open_text(t: str) -> bool:
    if not t:
        return False
    if ends_closed(t):
        return False
    # (a letter's dated signature ends it, as a full stop does)
    return t[-1] not in ";；:：" and not (t[-1] == "日" and LETTER_SIGNATURE_RE.match(t))


def soft_end(b: Block) -> bool:
    """Does body text stop on a clause mark (`…下功夫;` `…“绿健行动”:` `…资源配置……`)?
    A paragraph hardly ends so: a column cut between clauses, continued by the
    block printed next unless that opens a paragraph of its own."""
    t = b.flat
    return b.role == BODY and len(t) >= 8 and (t[-1] in ";；:：" or t.endswith("……"))


_NUMERALS = "一二三四五六七八九十"
_ITEM = re.compile(f"^([{_NUMERALS[1:]}])是")


def _list_runs_on(lt: str, rt: str) -> bool:
    """Does `rt` open the next item of a list that `lt` runs inline, past its
    own opening, and ends on a semicolon (`…机制:一是…委派调解；|二是…`)? A list
    whose items run on in one paragraph goes on so; a list printed item by item
    opens each paragraph with its item (`一是…；` `二是…；`)."""
    m = _ITEM.match(rt)
    if m is None or lt[-1] not in ";；":
        return False
    return lt.rfind(_NUMERALS[_NUMERALS.index(m.group(1)) - 1] + "是") > 0


def find_overlap(lt: str, rt: str) -> int:
    """Longest k ≥ 3 such that right starts with the last k characters of left.
    (Only where left holds the first 3 characters of right can k start: those
    places are found, longest k first, rather than every k tried.)"""
    if len(rt) < 3 or rt[:3] not in lt[-62:]:
        return 0
    n, first = len(lt), rt[:3]
    p = lt.find(first, n - min(len(rt), n - 1, 60))
    while 0 <= p <= n - 3:
        k = n - p
        p = lt.find(first, p + 1)
        if lt.endswith(rt[:k]):
            seg = rt[:k]
            # (a percent sign counts with its number: `…93.10%,满|%,满意率…`)
            if sum(1 for c in seg if is_cjk(c) or c.isalnum() or c in "%％") >= 2:
                return k
    return 0


_OPEN_END = frozenset(OPEN_END_CHARS)
_ENUM = re.compile(HEADING_MARK_RE.pattern + r"|^[一二三四五六七八九十]是|^其[一二三四五六七八九十][,，、:：是]")
_CLAUSE = re.compile(r"^([^\s,，。、;；:：!！?？“”]{1,2})([,，。、;；:：!！?？])")
# a speaker's turn in a Q&A or an interview (`问:` `答:` `记者:`), a numbered
# item (`一、` `(二)`) or a bracketed label (a round-up's place, `【某某县】`):
# by the form of the text each opens a paragraph of its own, never the rest of
# a sentence cut at a column end
_TURN = re.compile(HEADING_MARK_RE.pattern + r"|^(?:问|答|记者|主持人)[:：]|^【[^】]{1,20}】")


def _short_clause(t: str, lex) -> bool:
    """A text opening with a clause of one or two characters (`上,如何…`, `关键。`),
    not with a turn's or an item's label (`_TURN`: `答:…`, `一、…`)."""
    m = _CLAUSE.match(t)
    if not m or _TURN.match(t):
        return False
    w, p = m.groups()
    if len(w) == 1:
        return True
    if p in "。！？!?、":
        return True
    return not OPENER_RE.match(t) and lex.cont_prior(w[0]) > 0.5


class Near:
    """The page text near a block (block texts joined by newlines): does a string
    joined across a cut (2–4 characters either side) recur there? For a left
    window, what follows its last 2, 3 and 4 characters on the page is collected
    once; each right window is then a few set lookups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._after: dict[str, tuple[set[str], set[str], set[str], set[str]]] = {}

    def after(self, lw: str) -> tuple[set[str], set[str], set[str], set[str]]:
        """The 2 characters after lw[-4:], 3 after lw[-3:], 4 after lw[-2:] and 2
        after lw[-2:] wherever these occur (only full-length continuations)."""
        got = self._after.get(lw)
        if got is None:
            text, n, end = self.text, len(lw), len(self.text)
            a42, a33, a24, a22 = set(), set(), set(), set()
            if n >= 2:
                l2, l3, l4 = lw[-2:], lw[-3:], lw[-4:]
                p = text.find(l2)
                while 0 <= p <= end - 4:  # at least 2 characters after l2
                    q = p + 2
                    a22.add(text[q:q + 2])
                    if q + 4 <= end:
                        a24.add(text[q:q + 4])
                    if n >= 3 and p >= 1 and q + 3 <= end and text[p - 1:q] == l3:
                        a33.add(text[q:q + 3])
                    if n >= 4 and p >= 2 and text[p - 2:q] == l4:
                        a42.add(text[q:q + 2])
                    p = text.find(l2, p + 1)
            got = self._after[lw] = (a42, a33, a24, a22)
        return got


@dataclass(frozen=True)
class _Tail:
    """What a text offers as the left side of a join (depends on the text only,
    so it is computed once per text, not once per candidate pair)."""
    end: str           # the last 62 characters (where a repeated start is looked for)
    window: str        # tail_window(text)
    window_ok: bool    # the window ends the text (no closing mark after it)
    open_term: float   # the score term of the last character
    dangling: bool     # ends with a one-character function word (…的)
    digit_end: bool
    in_quote: bool     # stops inside a quotation (`…搭建“政`)
    in_title: bool     # stops inside a work's title (`…创作的小戏《`)
    in_speech: bool    # … a quoted sentence, not a name (a clause mark inside: `“以前社区工作忙,谁`)


@dataclass(frozen=True)
class _Head:
    """What a text offers as the right side of a join (text only; see _Tail)."""
    lead: bool         # a news lead (本报讯 …): never a continuation
    start3: str        # the first 3 characters ("" when shorter): a repeat starts so
    window: str        # head_window(text)
    window_ok: bool    # the window starts the text
    start: str         # "nostart", "postposition", "short-clause" or "" (no start evidence)
    tiny: bool         # short and closed: the tail of a cut sentence
    unit: bool         # starts with a measure word or unit
    unit_word: bool    # … as a word of its own (`人次`, not `人民`)
    cont_term: float   # the score term of the first character
    opener: bool       # starts like a new paragraph (近日, 同时 …)
    adverbial: bool    # `下一步,` `同时,`: an opening adverbial (or a speaker's words)
    closes_quote: bool  # its first quotation mark near its start closes one (`银税财企”联动…`)
    opens_quote: bool  # its first quotation mark opens one (`为了让“民间河长”…`)
    speech: bool       # opens with a quoted sentence (`“小街巷连着大民生,…。”`)
    speaker: bool      # opens with a named person's words (`徐芝文在会上指出,`)
    frame: bool        # opens with a time, a source or a place set off by a comma (`试点以来,` `据统计,`
                       # `在此基础上,`: `TIME_SOURCE_RE`, `_OPENING_FRAME`)
    topic: bool        # opens a sentence by naming its topic or the writer's comment on it,
                       # set off by a comma (`说起家风,` `令人欣慰的是,`: `_TOPIC_OPENING`)


@lru_cache(maxsize=4096)  # a page's blocks, many times each
def _tail(lt: str) -> _Tail:
    lex = lexicon()
    lw = tail_window(lt)
    return _Tail(lt[-62:], lw, bool(lw) and lw[-1] == lt[-1], 2.0 * (lex.open_prior(lt[-1]) - 0.5),
                 dangling_end(lt, _OPEN_END), lt[-1].isdigit(), _in_quote(lt), lt.rfind("《") > lt.rfind("》"),
                 _in_speech(lt))


# a passive predicate naming what its subject is called or ranked as: like
# `是`, it needs the subject before it (`水族马尾绣|被誉为…`)
_PASSIVE_PREDICATES = ("被誉为", "被称为", "被评为", "被列为", "被认定为", "被命名为")

# a paragraph's opening set off by a comma, beside `TIME_SOURCE_RE`: a place or
# circumstance (`在城东街道,` `在此基础上,` `在文化活动方面,` `随着…显现,`), a
# named body speaking through its officials, unnamed (`某县有关部门表示,`
# `市中心血站负责人介绍,` `街道服务站站长表示,`; not the officials alone, nor
# words joined on by a conjunction: those go on from a body named at the foot
# of a column, `…治水办|相关负责人介绍,` `…区文化|和旅游局…`), a sentence
# summing up the paragraph before (`像王大爷这样的志愿者,`); a cut sentence goes
# on with `在` and a place only as its verb's complement, not set off by a
# comma (`…经常出现|在城东街道的…`)
_OPENING_FRAME = re.compile(r"^(?:在[^,，。;；:：“”]{1,12}(?:上|中|下|里|内|方面|时期|周期|村|镇|乡|街道|社区)|"
                            r"随着[^,，。;；:：“”]{2,16}|"
                            r"(?!有关|相关|[和与及或并、])[^,，。;；:：“”]{2,16}?(?:有关部门|相关部门|负责人|负责同志|[站校院所局处科厅]长|主任)"
                            r"(?:表示|介绍|指出)|"
                            r"像[^,，。;；:：“”]{0,8}这样的[^,，。;；:：“”]{1,8})[,，]")


# a sentence's opening that names what it is about (`说起家风,` `谈到变化,`) or
# comments on what it says (`令人欣慰的是,` `让老人高兴的是,` `值得一提的是,`), set
# off by a comma: it stands at the head of a sentence, never after a word of a
# clause cut mid-way (`…苏明远则在|说起家风,` `…演出12|让人欣慰的是,`)
_TOPIC_OPENING = re.compile(r"^(?:(?:说起|谈起|提起|讲起|说到|谈到|提到)(?![来的])[^,，。;；:：!！?？“”]{1,12}|"
                            r"(?:令|让|使|叫)[^,，。;；:：!！?？“”]{1,10}的是|值得[^,，。;；:：!！?？“”]{1,4}的是)[,，]")


@lru_cache(maxsize=4096)
def head_features(rt: str) -> _Head:
    lex = lexicon()
    rw = head_window(rt)
    if rt[0] in NO_START or (rt[0] in CONT_START and not lex.word_freq(rt[:2])) or rt.startswith(_PASSIVE_PREDICATES):
        start = "nostart"
    elif rt.startswith(_POSTPOSITIONS):
        start = "postposition"
    elif _short_clause(rt, lex):
        start = "short-clause"
    else:
        start = ""
    purpose = _PURPOSE.match(rt) is not None and not _BENEFICIARY.match(rt)
    speaker = _speaker_opening(rt)
    turn = _TURN.match(rt) is not None
    opener = OPENER_RE.match(rt) is not None or purpose or speaker or turn
    return _Head(is_lead(rt), rt[:3] if len(rt) >= 3 else "", rw, bool(rw) and rw[0] == rt[0], start,
                 len(rt) <= 8 and ends_closed(rt), rt[0] in UNITS, rt[0] in UNITS and _unit_word(rw, lex), 2.0 * (lex.cont_prior(rt[0]) - 0.5), opener,
                 purpose or speaker or turn or (opener and _ADVERBIAL.match(rt) is not None), _closes_quote(rt),
                 _opens_quote(rt),
                 _SPEECH.match(rt) is not None, speaker,
                 TIME_SOURCE_RE.match(rt) is not None or _OPENING_FRAME.match(rt) is not None,
                 _TOPIC_OPENING.match(rt) is not None)


def _speaker_opening(rt: str) -> bool:
    """Does the text open with a named person's words (`徐芝文在会上指出,`), or
    with those of an official named after the post (`县委常委、宣传部部长何静表示,`)?
    A report gives each speaker a paragraph: after a cut with nothing across it
    for such an opening, the text before lost its end (`…干部群众精神状|`),
    unless it ends on the speaker's post (`…县委书记|王强在会上指出,`)."""
    m = SPEAKER_RE.match(rt)
    if m is not None:
        return looks_like_name(m.group(1))
    m = _POSTED_SPEECH.match(rt)
    return m is not None and looks_like_name(m.group(1))


# posts named right before a person's name (`县委书记王强`, `市政协主席陈莉萍`)
_POSTS = ("书记", "县长", "市长", "区长", "省长", "镇长", "乡长", "主任", "主席", "部长", "厅长", "局长", "处长",
          "科长", "会长", "院长", "校长", "所长", "站长", "经理", "董事长", "委员", "代表", "负责人", "专家", "教授")


_OPEN_Q, _CLOSE_Q = "“「", "”」"
# a quotation holding a whole sentence (a full stop or a question inside):
# words quoted after a bare word are a name or a slogan (`开展|“绿灯行动”`,
# `“文明出行,从我做起!”`); a quoted sentence is introduced by a mark
# (`…说:“…。”`), or opens a paragraph
_SPEECH = re.compile(r"^[“「][^”」]*?[。？?][^”」]*[”」]")
_QUOTE_MARK = re.compile("[“”「」]")
_CLOSE_MARK = re.compile("[”」]")
_FULL_STOPS = "。！？!?"


def _speech_after_mark(lt: str, rt: str) -> bool:
    """Does a text cut at `、` or `,` meet a quoted sentence that opens a
    paragraph? A list item is never a quoted sentence; after a comma a quote
    may end the sentence (`…多了不少,|“诚信就是最好的招牌。”`), but one the text
    goes on after (its speaker, a scene: `“…踏实多了。”王淑芬说。`) opens
    the paragraph."""
    if lt[-1] == "、":
        return True
    if lt[-1] not in ",，":
        return False
    m = _SPEECH.match(rt)
    return m is not None and m.end() < len(rt)


def _in_quote(t: str) -> bool:
    """Does a text stop inside a quotation (its last quotation mark opens one)?"""
    return max(map(t.rfind, _OPEN_Q)) > max(map(t.rfind, _CLOSE_Q))


def _closes_title(t: str) -> bool:
    """Does a text close a work's title (`彩礼风波》,…`) soon, before a sentence
    ends or another title opens? Only such a text goes on after a cut inside
    one: a title is short and never spans a sentence, let alone a paragraph."""
    i = t.find("》", 0, TITLE_SPAN)
    return i >= 0 and "《" not in t[:i] and "。" not in t[:i]


_SPEECH_MARKS = re.compile("[,，;；:：。!！?？]")


def _in_speech(t: str) -> bool:
    """Does a text stop inside a quoted sentence: a quotation still open that
    holds a clause mark (`“以前社区工作忙,谁`), not a name or slogan (`“文明条`)?"""
    k = max(map(t.rfind, _OPEN_Q))
    return k > max(map(t.rfind, _CLOSE_Q)) and _SPEECH_MARKS.search(t, k + 1) is not None


def _opens_quote(t: str) -> bool:
    """Is a text's first quotation mark an opening one?"""
    m = _QUOTE_MARK.search(t)
    return m is not None and m.group() in _OPEN_Q


def _closes_quote(t: str) -> bool:
    """Does a text close a quotation near its start, before opening one?"""
    m = _QUOTE_MARK.search(t, 0, QUOTE_SPAN)
    return m is not None and m.group() in _CLOSE_Q


def _unit_word(rw: str, lex) -> bool:
    """Does the text open with a measure word or unit as a word of its own (`个,`
    `人次` `万元`), not as the first character of another word (`人民群众`, `年度`)?"""
    if not rw:
        return False
    _, spans = lex.best(rw)
    a, b = spans[0]
    return all(c in UNITS for c in rw[a:b])


# words closing a time frame opened before them (`自2017年…专项行动|以来,`): no
# sentence starts with one
_POSTPOSITIONS = ("以来", "期间", "之际", "为止")
# a paragraph opening with a purpose clause (`为推动…,`): the comma before the main clause
_PURPOSE = re.compile(PURPOSE_RE.pattern + r"[^。！？!?]{0,30}[,，]")
# `为…提供…` `为…作出…`: 为 names whom a predicate serves (`…新路子,|为全面建设…新檀营提供…服务`),
# the clause goes on a sentence rather than opening one with its purpose
_BENEFICIARY = re.compile(r"^为[^,，。;；:：]{2,30}?(?:提供|作出|做出|奠定|注入|打下|带来|增添)")
_ADVERBIAL = re.compile(r"^[^\s,，。]{1,4}[,，]")
_START_SCORE = {"nostart": 3.0, "short-clause": 2.5, "tiny-tail": 2.5, "number": 3.0, "signature": 3.0}
_STARTS = ("nostart", "postposition", "short-clause")   # `head_features(…).start`, when any
_AFTER_MARK = ",，、”」)）》"   # no word is cut right after these (`score_pair`'s short clause)


def _recurs(lw: str, rw: str, ctx) -> int:
    """Length of the longest string spanning the cut (up to 4 characters either
    side, at least 2+2) found in `ctx`: a string, or `Near` page text, where
    only 2+2 (4) and 4+2, 3+3, 2+4 (6) are looked for."""
    if isinstance(ctx, Near):
        a42, a33, a24, a22 = ctx.after(lw)
        if rw[:2] in a42 or rw[:3] in a33 or rw[:4] in a24:
            return 6
        return 4 if rw[:2] in a22 else 0
    best = 0
    for i in (4, 3, 2):
        for j in (4, 3, 2):
            if i > len(lw) or j > len(rw) or i + j <= best or i + j < 4:
                continue
            if (lw[-i:] + rw[:j]) in ctx:
                best = i + j
    return best


def distant_filter(L: Block, ctx, far_starts: bool = False):
    """A quick test for the many distant candidates of `L`: the returned
    predicate is False for a block `R` when `score_pair(L, R, adjacent=False,
    need_evidence=True, ctx=ctx, ...)` is certainly None, having no evidence of
    its own (no possible repeat, word across the cut, start of a continuation,
    number and unit, dangling end, quotation closed across the cut, or
    recurring string); True when it may score.
    It reads the same cached per-text features as score_pair, once per `L`.
    `far_starts`: a start counts only as `score_pair` reads it far away (after
    this `L`); without it, any start passes (`NO_EVIDENCE` in the engine's
    `lang` stands for what fails)."""
    lt = L.flat
    if not lt:
        return lambda R: True  # score_pair decides
    tail = _tail(lt)
    if tail.dangling:
        return lambda R: True
    starts = _far_starts(lt) if far_starts else _STARTS
    end, lw, lw_ok, digit_end, in_quote, in_title = tail.end, tail.window, tail.window_ok, tail.digit_end, \
        tail.in_quote, tail.in_title
    lex = lexicon()
    boundary, crosses = lex.boundary, lex.crossing(lw) if lw_ok else None
    # a string recurring across the cut: any 4+2, 3+3 or 2+4 continuation found
    # also gives its first 2 characters after lw[-2:], so `_recurs(lw, rw, ctx) > 0`
    # is `rw[:2]` in that set alone
    after2 = ctx.after(lw)[3] if lw and isinstance(ctx, Near) else None
    has_text = bool(lw and ctx)   # (what depends on L alone is settled once)

    def may(R: Block) -> bool:
        rt = R.flat
        if not rt:
            return True
        head = head_features(rt)
        if head.start in starts or (digit_end and head.unit) or (head.start3 and head.start3 in end) \
                or (in_quote and head.closes_quote) or (in_title and _closes_title(rt)):
            return True
        rw = head.window
        # (a recurring string is one set lookup: asked before a word across the
        # cut, which may segment the joined windows)
        if has_text and rw and (rw[:2] in after2 if after2 is not None else _recurs(lw, rw, ctx) > 0):
            return True
        return lw_ok and head.window_ok and crosses(rw[0]) and boundary(lw, rw)[0] > 0

    return may


def _far_starts(lt: str) -> tuple[str, ...]:
    """The starts (`head_features(…).start`) that `score_pair` reads as evidence
    far away after a text `lt`."""
    if is_cjk(lt[-1]) or lt[-1].isalnum():
        return ("nostart", "postposition")   # (a short clause far away: only with a word across the cut)
    return ("nostart",) if lt[-1] in _AFTER_MARK else ("nostart", "short-clause")


class DistantIndex:
    """`distant_filter(L, ctx, far_starts=True)` for many left blocks against
    one page's right blocks: each test of a right block's start is a lookup
    of what the left block offers (its start kinds, the 3-character strings
    of its end, the continuations of its window on the page, the characters
    a word could go on with across its end), so a left block is matched
    against the right blocks by a few set unions, not by a test per pair
    (most distant pairs fail every test)."""

    def __init__(self, rights: list[Block]) -> None:
        self.all: set[int] = set()
        self.empty: set[int] = set()                    # no text: `score_pair` decides
        self.by_start: dict[str, set[int]] = {}         # head.start
        self.unit: set[int] = set()                     # head.unit
        self.closes_quote: set[int] = set()             # head.closes_quote
        self.closes_title: set[int] = set()             # `_closes_title(rt)`
        self.by_start3: dict[str, list[int]] = {}       # head.start3 (a repeat's start)
        self.by_lead2: dict[str, list[int]] = {}        # head.window[:2] (a recurring string)
        self.by_first: dict[str, list[tuple[int, str]]] = {}   # head.window[0], when it starts the text
        for R in rights:
            i, rt = R.index, R.flat
            self.all.add(i)
            if not rt:
                self.empty.add(i)
                continue
            head = head_features(rt)
            self.by_start.setdefault(head.start, set()).add(i)
            if head.unit:
                self.unit.add(i)
            if head.closes_quote:
                self.closes_quote.add(i)
            if _closes_title(rt):
                self.closes_title.add(i)
            if head.start3:
                self.by_start3.setdefault(head.start3, []).append(i)
            rw = head.window
            if rw:
                self.by_lead2.setdefault(rw[:2], []).append(i)
                if head.window_ok:
                    self.by_first.setdefault(rw[0], []).append((i, rw))

    def passing(self, L: Block, ctx: Near, rs) -> set[int]:
        """The right blocks (of those indexed; a word across the cut is looked
        for in those of `rs` only) for which `distant_filter(L, ctx,
        far_starts=True)` is True."""
        lt = L.flat
        if not lt:
            return self.all
        tail = _tail(lt)
        if tail.dangling:
            return self.all
        out = set(self.empty)
        for s in _far_starts(lt):
            out |= self.by_start.get(s, _NONE)
        if tail.digit_end:
            out |= self.unit
        if tail.in_quote:
            out |= self.closes_quote
        if tail.in_title:
            out |= self.closes_title
        end, by_start3 = tail.end, self.by_start3
        for k in range(len(end) - 2):
            got = by_start3.get(end[k:k + 3])
            if got:
                out.update(got)
        lw = tail.window
        if not lw:
            return out
        by_lead2 = self.by_lead2
        for g in ctx.after(lw)[3]:
            got = by_lead2.get(g)
            if got:
                out.update(got)
        if tail.window_ok:
            lex = lexicon()
            crosses, boundary, asked = lex.crossing_chars(lw, self.by_first), lex.boundary_across, set(rs)
            for c, members in self.by_first.items():
                if c in crosses:
                    for i, rw in members:
                        if i not in out and i in asked and boundary(lw, rw)[0] > 0:
                            out.add(i)
        return out


_NONE: frozenset = frozenset()


_LAST_SENTENCE = re.compile(r"[。！？!?][”」]?([^。！？!?]{1,2})$")


def _sentence_just_begun(lt: str) -> bool:
    """Does a text end on a sentence of a character or two (`…全面胜利。廖`)? The
    sentence goes on in the next block, whatever that opens with."""
    return _LAST_SENTENCE.search(lt) is not None


def _new_scene(rt: str, head: _Head) -> bool:
    """Does a text open with an adverbial setting a time, place or source
    (`FRAME_RE`, `OPENER_RE`) or with a quoted sentence?"""
    return head.opener or head.speech or FRAME_RE.match(rt) is not None


def _framed_line(t: str) -> bool:
    """Does a line open with a sentence adverbial set off by a comma (`FRAME_RE`,
    `OPENER_RE`: `三年多来,` `在浦口镇,` `截至目前,`) and go on past it? That is
    the first line of a paragraph cut at a column end, not a heading."""
    m = FRAME_RE.match(t)
    if m is None:
        m = OPENER_RE.match(t)
        if m is None or t[m.end():m.end() + 1] not in ("，", ","):
            return False
        return len(t) - m.end() >= 3
    return len(t) - m.end() >= 2


# a line ending on a post, or on a post and the first characters of a name (`…部长杜鸣|`)
_POST_END = re.compile("(?:" + "|".join(_POSTS) + r")(\w{0,2})$")
# a post cut by the line's end: its last characters -> the first ones (`负责|人`)
_POST_CUTS = {t: tuple(p[:-len(t)] for p in _POSTS if len(p) > len(t) and p.endswith(t))
              for t in {p[-j:] for p in _POSTS for j in (1, 2) if len(p) > j}}
# … and a speaker's verb after it, with the name between or not (the post itself
# speaking: `…相关负责人|介绍,`, `…党委书记|肖卫东介绍,`)
_POST_SPEECH = re.compile(rf"^([{CJK}·]{{2,4}}?)?(?:在会上|在会议上|在讲话中|在致辞中)?"
                          r"(?:指出|强调|表示|要求|认为|介绍)[,，:：]")
# … opening a sentence, after the posts (`县委常委、宣传部部长何静表示,`: no mark
# but the enumeration comma between them)
_POSTED_SPEECH = re.compile(r"^[^\s,，。;；:：“”!！?？]{0,20}?(?:" + "|".join(_POSTS) + rf")([{CJK}·]{{2,4}}?)"
                            r"(?:在会上|在会议上|在讲话中|在致辞中)?(?:指出|强调|表示|要求|认为|介绍)[,，:：]")


def _clause_across(lt: str, rt: str, head: _Head) -> bool:
    """Does a line open a clause that only closes in the next text: a sentence
    adverbial whose comma comes after the cut (`随着禁渔成效|逐步显现,`
    `为了让宣讲|内容更贴近群众,`), or a post and a named speaker's words
    (`…宣传部部长|杜鸣远在讲话中强调,` `…部长杜鸣|远在讲话中强调,`), or the post's
    own (`…相关负责人|介绍,`, the post itself cut: `…相关负责|人介绍,`)? A heading
    does not go on into the sentence below it."""
    if lt.startswith(FRAME_PREPOSITIONS) and not head.opener:
        m = FRAME_RE.match(lt + rt[:20])
        if m is not None and m.end() > len(lt) + 1:
            return True
    m = _POST_END.search(lt)
    if m is not None:
        said = m.group(1) + rt[:24]
    else:
        # the post itself cut (`…相关负责|人介绍,`, `…党委书|记肖卫东介绍,`)
        j = 1 if lt.endswith(_POST_CUTS.get(rt[:1], ())) else 2 if lt.endswith(_POST_CUTS.get(rt[:2], ())) else 0
        if not j:
            return False
        said = rt[j:j + 24]
    got = _POST_SPEECH.match(said)
    return got is not None and (not got.group(1) or looks_like_name(got.group(1)))


# adverbs needing their subject before them and conjunctions needing a first
# conjunct (`…村容村貌|也在悄悄变化`, `县农业农村局|和市场监管局…`): a sentence
# does not open so
_LEFT_LEANING = frozenset("也和还都并而又就才却")
# what sets a heading's phrases off: quotes, clause marks, spaces (`“多维度”治理社区`,
# `全民参与,让文明触手可及`)
_PHRASE_MARKS = re.compile(r"[“”「」,，、;；:：\s]")


def _leans_left(lt: str, rt: str) -> bool:
    """Does a plain line (one phrase, nothing setting phrases off) go on in a text
    opening with an adverb or conjunction that needs words before it, not as the
    first character of a word (`和节假日`, not `和谐`)? After a heading of set-off
    phrases such a text is rather a fragment that lost its start."""
    return rt[0] in _LEFT_LEANING and not lexicon().word_freq(rt[:2]) and _PHRASE_MARKS.search(lt) is None


# a coverb after an adverb (`还把` `也与` `还要让`) or a passive naming verb
# (`被聘为` `被评为`) at the end of a line's last clause: the clause has its
# subject and a coverb's object at most, its main verb or complement still to come
_PENDING_PREDICATE = re.compile(r"(?:[还也又再都就才已](?:要|将|能|会|可以)?[把将与同跟向对给让使]"
                                r"[^,，。;；:：!！?？、]{0,8}|被[^\W\d]{1,2}为"
                                r"|[还也又再都就才已将不](?:要|能|会)|能够|可以|应当|应该"
                                r"|今年|去年|目前|如今|常年|一直)$")


def _pending_predicate(lt: str) -> bool:
    """Does a line stop before its clause's predicate is complete (`工坊还与潍坊|
    当地一所职业学院合作…`, `杨志和被聘为|技术总指导`), or before its predicate
    at all, on a modal verb (`法官都会|提前…`, `…能够|常态化开展`) or a time
    adverbial (`…婺源县今年|已开展…`)? A heading says what it says in full; such
    a line is the first line of a paragraph cut at a column end."""
    return _PENDING_PREDICATE.search(lt) is not None


# a subject and the copula `是` (not the conjunctions `但是` `于是` `可是`, nor
# `是否`), a verb placing it (`…地处`, `…位于`) or counting what it has
# (`…共有`, `…已有`), and words after it
_COPULA_CLAUSE = re.compile(rf"[{CJK}\d](?<![但于可要若凡或])(?:是(?!否)|地处|位于|共有|已有|现有)[^,，。;；:：!！?？]")
# what sets a phrase off inside a line: quotes, brackets, spaces
_PHRASE_QUOTES = re.compile(r"[“”「」《》【】\[\]()（）\s]")


def _copula_line(lt: str) -> bool:
    """Does a plain line (no quote, bracket, mark or space setting phrases off)
    state what its subject is, where it lies or how much it has (`宜黄戏是国家级|
    非物质文化遗产…`, `君山区地处…|自然保护区…`, `竹编已有三百多|年历史`)? That
    is a sentence, the first line of a paragraph cut at a column end: a heading
    names a topic or an action, and says `X是Y` only as a quotation (`“林子就是
    我的家”`)."""
    return _COPULA_CLAUSE.search(lt) is not None and _PHRASE_QUOTES.search(lt) is None \
        and not HEADING_MARK_RE.match(lt)


def _aspect_clause(lt: str, rt: str) -> bool:
    """Does a plain line (nothing setting phrases off) hold a verb marked done or
    going on by its aspect particle, and the verb's object after it (`会议通报了
    近期全|市创建工作…`, `光守着老|样式不行`), or go on in a text opening so
    (`他的笔记本上|记着127位…`)? That is a sentence under way, the first line of
    a paragraph cut at a column end: a headline states an event without the
    particle (`…召开推进会`), and a paragraph opens on its subject, not on a
    verb so marked. (A line ending on `了` states a change, as a headline may:
    `日子越来越好了`.)"""
    t = lt + rt[:3]
    if ("了" not in t and "着" not in t) or _PHRASE_QUOTES.search(lt) or _PHRASE_MARKS.search(lt):
        return False
    return any(b - a == 1 and t[a] in "了着" and 0 < a <= len(lt) + 1 and a != len(lt) - 1 and b < len(t) and t[b].isalnum()
               for a, b in lexicon().spans(t))


# a sentence's verb of saying with no speaker before it (`指出,` `介绍,`): the
# speaker was named in the text before the cut
# (or an officer named by the post alone, the body it serves before the cut:
# `…县委宣传部|相关负责人介绍,`, `北湖区文明|办有关负责人介绍,`)
_SPEECH_VERB_OPEN = re.compile(r"^(?:\w{0,2}?(?:相关|有关)?负责人(?:同志)?)?(?:说|指出|强调|表示|要求|认为|介绍|坦言|透露)[,，:：]")


def _speaker_before(rt: str) -> bool:
    """Does a text open on a verb of saying (`指出,家庭是…`)? A sentence names
    its speaker first; the text before the cut holds it."""
    return _SPEECH_VERB_OPEN.match(rt) is not None


def _inside_opener(lw: str, word: str, rt: str) -> bool:
    """Does `word`, spanning the cut after `lw`, end inside the paragraph
    opening (`OPENER_RE`, set off by a comma) that `rt` starts with?"""
    m = OPENER_RE.match(rt)
    if m is None or rt[m.end():m.end() + 1] not in ("，", ","):
        return False
    k = lw.rfind(word[0], max(0, len(lw) - len(word) + 1))
    return k >= 0 and len(word) - (len(lw) - k) < m.end()


COHESION_MAX = 2.0   # the most shared vocabulary adds to a pair's score


# a letter's salutation and its closing `此致` stand on lines of their own by the
# form of a letter (读者来信, 感谢信, 倡议书): what follows them (`您好！…`, `敬礼！`)
# is the next paragraph, however well it reads on across the line (`此致敬礼`)
_COLON_LINE = re.compile(r"^[^,，。、;；:：!！?？“”]{1,20}[:：]$")
_GREETING = re.compile(r"^(?:您|你|大家)们?好[!！,，。]")


# a text announcing the list below it (`…发出如下倡议：` `…作出以下几点说明：`): the
# items of an appeal or a notice each open a paragraph of their own
_LIST_CALL = re.compile(r"(?:如下|以下)[^,，。;；:：]{0,6}[:：]$")


def letter_break(lt: str, rt: str) -> bool:
    """Does `lt` end a letter's line of its own (`尊敬的编辑同志：`, `此致`, its
    dated signature), address the reader the text `rt` greets (`各位居民朋友：`
    before `大家好！`), or announce the list that follows (`_LIST_CALL`)?"""
    return lt == LETTER_CLOSING or SALUTATION_RE.fullmatch(lt) is not None or LETTER_SIGNATURE_RE.match(lt) is not None \
        or _LIST_CALL.search(lt) is not None \
        or (_COLON_LINE.match(lt) is not None and _GREETING.match(rt) is not None)


def score_pair(L: Block, R: Block, *, adjacent: bool, col_start: bool, ctx,
               sets: list[set[str]], idf: dict[str, float], left_ctx, right_ctx,
               need_evidence: bool = True, far_repeat: int = 5,
               dangling_only: float = DANGLING_ONLY, far_recurs: float = FAR_RECURS,
               far_heads: bool = True, column_end: bool = False, opening: str = "",
               floor: float | None = None) -> Cand | None:
    """Score `R` continuing `L`. A distant pair without evidence of its own is
    skipped (None) unless need_evidence is False. `ctx`: `Near` page text or a
    string, where a string joined across the cut may recur. `column_end`: the
    left block ends a full column and `R` opens the next full one
    (`ColumnFit.ends_column`): no text was lost between them. `opening`: the
    first words of the paragraph the left block ends (`opening_key`).
    `floor`: a pair certain to score below it is skipped (None) as well.

    Most candidate pairs are distant and have no evidence: the evidence is
    gathered first from per-text features (cached), and the score is summed
    only for the pairs that are kept, term by term in a fixed order."""
    lt, rt = L.flat, R.flat
    if not lt or not rt:
        return None
    head = head_features(rt)
    if head.lead:
        return None
    if lt[-1] in ":：致日" and letter_break(lt, rt):
        return None
    # a signature cut at a line's end (`某某市文明办 某某市|委网信办 2026年…日`): issuers
    # and date are one line of their own; no other cut text goes on in a signature
    signed = rt[-1] == "日" and adjacent and LETTER_SIGNATURE_RE.match(lt + " " + rt) is not None
    if rt[-1] == "日" and not signed and LETTER_SIGNATURE_RE.match(rt):
        return None
    tail = _tail(lt)
    k = find_overlap(lt, rt) if head.start3 and head.start3 in tail.end else 0  # its own first test
    if k and k >= len(rt):
        return None  # a pure duplicate: handled elsewhere
    soft = soft_end(L)
    if soft and (not adjacent or (_ENUM.match(rt) and not _list_runs_on(lt, rt))
                 or (lt.endswith("……") and _new_scene(rt, head))):
        # (`soft_end`): only the text printed next goes on after a clause mark, and
        # not an item of a list the clause announces (`…措施如下:` `一是…`), nor a
        # new scene after a list of scenes closed by an ellipsis (`…守护孩子们的
        # 上学路……|在东港区秦楼街道,…`): what goes on after one sums the list up
        # (`…资源配置……|高效便捷的服务…`)
        return None
    lex = lexicon()
    if k and L.role != BODY:
        # a headline-like line followed by a paragraph repeating its last words is
        # ordinary text; a real repeat usually cuts a word that the join restores
        # (`该公司还运用碳排放流算|用碳排放流算法`: the repeat starts inside a word
        # of the line), or follows a line that reads as a cut piece of prose
        lw0, rw0 = tail.window, head_window(rt[k:])
        if not (adjacent and lw0 and rw0 and lex.boundary(lw0, rw0)[0] > 0) and not _repeat_mid_word(lt, k) \
                and not _repeat_spans_mark(lt, k) and block_likeness(L) >= 0.5:
            k = 0
    if k and not adjacent and k < far_repeat:
        k = 0
    rt_eff = rt[k:] if k else rt
    if k:
        head = head_features(rt_eff)
    lw, rw = tail.window, head.window
    gain, word = lex.boundary(lw, rw) if tail.window_ok and head.window_ok else (0.0, "")
    if gain > 0 and head.opener and _inside_opener(lw, word, rt_eff):
        # a word taking up the first characters of a paragraph opening
        # (`…利用大数|据了解,…`): the opening is a word of its own
        gain, word = 0.0, ""
    if 0 < gain < STRONG_GAIN and L.role == HEAD and block_likeness(L) >= 0.9 and _suffixed_word(lw, word):
        # a headline-shaped line ends on a word of its own; the next text's first
        # character merely extending it (`…系列活动|家是最小国` → 活动家) is no cut,
        # unless the word is decisive (`海陵区民政|局相关负责人` → 民政局)
        gain, word = 0.0, ""
    start = head.start
    if start == "postposition":
        # a time frame goes on from a word (`今年|以来`), not from `…实践站,|以来`
        start = "nostart" if is_cjk(lt[-1]) or lt[-1].isalnum() else ""
    elif start == "short-clause" and lt[-1] in _AFTER_MARK:
        # a clause of a character or two (`准化、` `程,`) finishes a word cut
        # before it; after a comma, an enumeration comma or a closing mark
        # (`…打好创建“组合拳”|建设、`, `…群众性文化活动、|文化、`) there is no
        # word to finish
        start = ""
    elif start == "short-clause" and not gain and not tail.digit_end and _ENUM.match(rt_eff):
        # a list item's number (`三、` `其一,`) opens a paragraph or a heading;
        # it ends a cut word only where the characters across the cut make one
        # (`…成为试点之|一、…`)
        start = ""
    elif start == "short-clause" and not adjacent and not gain and (is_cjk(lt[-1]) or lt[-1].isalnum()):
        # far away, a clause of a character or two (`求。` `准化、`) is the end of
        # a word cut before it: a text whose last characters make no word with
        # it is not where it was cut (every block that lost its start would
        # otherwise draw the cuts of the page)
        start = ""
    if not start and adjacent and head.tiny and R.role == BODY:
        start = "tiny-tail"
    elif not start and tail.digit_end and head.unit and (adjacent or head.unit_word):
        # (far away, `34|人民群众` is no number and its unit)
        start = "number"
    elif not start and adjacent and tail.digit_end and rt_eff[0].isdigit():
        # a number cut in two (`去年1|0月底`)
        start = "number"
    elif not start and signed:
        start = "signature"
    # (after a repeat, the string across the cut is the right block's own opening)
    recurs = _recurs(lw, rw, ctx) if lw and rw and ctx and not k else 0
    if need_evidence and not adjacent and not (k or gain > 0 or start or tail.dangling or recurs):
        return None
    # the score, term by term
    reasons = []
    s = 0.0
    strong = False
    if k:
        # a repeat joins what the page printed next; far away it is weaker than adjacency
        s += min(5.0, 1.0 + 0.5 * k) if adjacent else min(2.0, 0.5 + 0.25 * k)
        strong = k >= 5 and adjacent
        reasons.append(f"repeat{k}")
    if gain > 0:
        s += 0.5 * min(gain, 10.0)
        reasons.append(f"word:{word}")
        if gain >= STRONG_GAIN:
            strong = True
    if start:
        s += _START_SCORE[start]
        strong = True
        reasons.append(start)
    else:
        s += head.cont_term
    s += tail.open_term
    if tail.dangling:
        s += 1.5
        reasons.append("open-end")
    if adjacent:
        s += ADJACENT
        reasons.append("adjacent")
    elif not col_start:
        s -= 1.0
    if soft:
        s -= SOFT_END
        reasons.append("clause-end")
    # a speaker named right after the post the left text ends on goes on its sentence
    opener = head.opener and not (head.speaker and lt.endswith(_POSTS))
    if opener:
        s -= 1.5
    if head.speech and not k and (is_cjk(lt[-1]) or lt[-1].isalnum() or _speech_after_mark(lt, rt_eff)):
        # a text cut after a word (or at a list's `、`, or at a comma before a
        # quotation the text goes on after: `_speech_after_mark`), and a quoted
        # sentence: a lost continuation
        s -= SPEECH
    if tail.in_quote and head.closes_quote:
        # a text cut inside a quotation, and a text closing one (`…搭建“政|银税财企”联动…`)
        s += QUOTE_CLOSE
        reasons.append("quote")
    elif tail.in_quote and not k and rt[-1] in _FULL_STOPS and _CLOSE_MARK.search(rt) is None:
        # a text cut inside a quotation, and a paragraph's end that never closes
        # it (`“岁末年初是欠薪问题的易发期,|的联赛规模…有哪些变化？`): another
        # paragraph's end
        s -= QUOTE_CLOSE
    elif tail.in_speech and not k and head.opens_quote:
        # a text cut inside a quoted sentence, and a text opening another quotation
        # before it closes any (`“…群众负担轻了,邻里关系|乡风文明怎样才能真正“落地”?`):
        # a quotation does not open inside another (that takes `‘’`), so the
        # quoted words went on in text that was lost
        s -= SPEECH
    if tail.in_title:
        # a text cut inside a work's title goes on in the rest of the title
        # (`…创作的小戏《|彩礼风波》,…`), never in a text that does not close it
        if _closes_title(rt_eff):
            s += QUOTE_CLOSE
            reasons.append("title")
        else:
            s -= TITLE_OPEN
    # the joined string recurs elsewhere on the page
    if recurs:
        v = min(4.0, 2.0 + (recurs - 4))
        if not adjacent and not (gain > 0 or k or start) and (not col_start or getattr(R, "_under_header", False)):
            # alone, far from the left block, for a block that has a text before it
            # to go on from, or that opens the text under a headline: common
            # phrases recur (`…向善的|文明创建…`, `…聚焦市场|改造升级…`)
            v *= far_recurs
        s += v
        reasons.append(f"recurs{recurs}")
    # the terms after cohesion only subtract (in this order): known first, they
    # bound the score, and a pair that cannot reach `floor` is skipped before
    # its cohesion, the costliest term, is read
    cuts = []
    if not adjacent and not reasons:
        cuts.append(2.0)  # a distant block needs some evidence of its own
    elif not adjacent and reasons == ["open-end"]:
        cuts.append(dangling_only)  # a dangling end alone: a lost continuation as often
    cuts.append(0.01 * abs(R.index - L.index))
    if not strong:
        if column_end and L.role == HEAD:
            # a short line ending a full column, the next full column going on
            # from it: a cut line of prose, not a paragraph that lost its end
            # (a truncated paragraph also ends at a column end, but hardly as a
            # line this short), whatever the next block opens like
            # (`为提升市民参与|全国文明城区创建的积极性,…` beside `全国文明城区创建,是…`)
            pass
        elif getattr(R, "_parallel", False) or lead_ins_alike(lt, rt) or (opening and rt.startswith(opening)):
            # opens like sibling paragraphs (`parallel_starts`), or like the
            # paragraph the left block opens (`以课堂为阵地,…|以传承为目标,…`) or
            # ends (its first words again: `opening_key`); with nothing in
            # the text across the cut (no word, repeat or recurring string) for
            # it, a cut next to it is a lost continuation, not this paragraph
            cuts.append(PARALLEL if (gain > 0 or k or recurs) else PARALLEL_BARE)
        if head.adverbial and opener:
            # `下一步,` `同时,`: an opening adverbial; with nothing across the cut
            # for it, the text before lost its end (`…市委副书记、|会议强调,…`)
            cuts.append(ADVERBIAL_BARE if adjacent and not (gain > 0 or k or recurs) else ADVERBIAL)
        elif head.frame and not (gain > 0 or k or recurs or tail.dangling or _sentence_just_begun(lt)):
            # a time or a source opening a sentence (`试点以来,` `据统计,`) with no
            # word across the cut (`今|年以来,`) nor a preposition before it
            # (`自|试点以来,`): the text before lost its end
            cuts.append(ADVERBIAL_BARE if adjacent else ADVERBIAL)
        elif head.topic and not (gain > 0 or k or recurs) and (is_cjk(lt[-1]) or lt[-1].isalnum()):
            # a sentence's topic or comment opening (`说起家风,` `令人欣慰的是,`) after
            # a text cut at a word, not at a comma: with no word across the cut,
            # the text before lost its end (`…苏明远则在|说起家风,…`)
            cuts.append(ADVERBIAL_BARE if adjacent else ADVERBIAL)
        if L.role == HEAD and not (adjacent and (gain > 0 or recurs or awaits_object(lt) or _pending_predicate(lt)
                                                 or column_end or _framed_line(lt) or _copula_line(lt)
                                                 or _aspect_clause(lt, rt) or _speaker_before(rt)
                                                 or _clause_across(lt, rt, head) or _leans_left(lt, rt))):
            # a word across the cut to the next line (`聚焦县域新|旧动能`, `…充电桩只|是`),
            # or a string across it printed elsewhere on the page (`文明实践志愿|服务示范`):
            # a line cut mid-sentence, not a heading (a heading ends on a word, and
            # what it says does not go on into the text below it); so is a line
            # ending on a verb that waits for its object (`…社会发动、推动|商共治…`),
            # or opening a clause that closes only after the cut (`_clause_across`),
            # or stopping before its predicate (`…还与潍坊|当地…合作`: `_pending_predicate`)
            cuts.append(6.0 * block_likeness(L))
        if R.role == HEAD:
            cuts.append(6.0 * block_likeness(R))
    elif far_heads and not adjacent and not k:
        # far away, a fragment opening mid-clause (`安局、…`) or a two-character
        # word across the cut (`…实践所|以“令”为纲`) does not make a heading-like
        # line part of a paragraph: a heading and a fragment that lost its start
        # meet so as often
        if L.role == HEAD:
            cuts.append(6.0 * block_likeness(L))
        if R.role == HEAD:
            cuts.append(6.0 * block_likeness(R))
    if floor is not None:
        top = s + COHESION_MAX if L.role != HEAD else s
        for x in cuts:
            top -= x
        if top < floor:
            return None
    if L.role != HEAD:
        coh = cohesion(left_ctx(), right_ctx(), idf)
        s += min(COHESION_MAX, coh / 12.0)
    for x in cuts:
        s -= x
    return Cand(L.index, R.index, s, k, ",".join(reasons) or "weak")


SIBLING_N = 6  # opening characters a paragraph and its sibling share


def opening_key(t: str) -> str:
    """The first words of a paragraph's text (`t`), as a text opening a sibling
    paragraph repeats them ("" when too short to tell). A paragraph does not go
    on by repeating its own opening (`引导广大市民争|做“文明监督员”。…不文|
    引导广大市民争做“文明示范者”。…`): that is the next paragraph of a series,
    and the cut text lost its end."""
    return t[:SIBLING_N] if len(t) >= SIBLING_N and is_cjk(t[0]) else ""


def _suffixed_word(lw: str, word: str) -> bool:
    """Is `word`, a dictionary word across the cut after the window `lw`, the last
    word of `lw` (two characters or more, ending it) plus one character?"""
    if len(word) < 3 or not lw.endswith(word[:-1]):
        return False
    _, spans = lexicon().best(lw)
    a, b = spans[-1]
    return b == len(lw) and b - a == len(word) - 1


def _repeat_mid_word(lt: str, k: int) -> bool:
    """Does the repeated end of `lt` (its last k characters) start inside a word
    (`…工作人员定期|作人员定期…`)? A text repeating a heading's last words starts
    on a word of its own."""
    lw, rw = tail_window(lt[:-k]), head_window(lt[-k:])
    return bool(lw and rw and lw[-1] == lt[-k - 1] and lexicon().boundary(lw, rw)[0] > 0)


_INNER_MARK = re.compile(r"\w[,，、;；:：]\w")


def _repeat_spans_mark(lt: str, k: int) -> bool:
    """Does the repeated end of `lt` hold a clause mark between words
    (`…推窗见绿、望|窗见绿、望山见水…`)? A text repeating a heading's last words
    repeats a phrase; a repeat across a mark is a column cut printed twice."""
    return _INNER_MARK.search(lt[-k:]) is not None


def block_likeness(b: Block) -> float:
    """`head_likeness` of a block's text, kept on the block (the engine may set it to 0:
    a line read as cut prose)."""
    v = getattr(b, "_likeness", None)
    if v is None:
        v = b._likeness = head_likeness(b.flat)
    return v


CAP_TOL = 0.12       # a full column holds the article's capacity give or take this much
CAP_SHORT = 0.85     # a column holding less than this share of it lost some of its text
FULL_COLUMNS = 3     # columns that show the capacity
SAME_COLUMN = 0.08   # columns this close in size hold the same capacity
SHORT_COLUMN = 4.0   # a cut followed by such a column: its continuation is the lost text
_TEXT_EVIDENCE = ("word:", "repeat", "nostart", "short-clause", "tiny-tail", "number", "recurs", "quote")


class ColumnFit:
    """Column capacity read from the page. A layout fills each column of an
    article with about the same number of characters, so the ends of lines cut
    mid-sentence (column ends) are spaced by that capacity. A column between
    two full ones that holds clearly less has lost text: at its start (the
    continuation of the cut before it, when it starts with a paragraph of its
    own) or at its end. Only runs of text between headlines and news leads
    (`本报讯…`, opening another article) are measured; a heading or callout
    takes a line of space besides its text."""

    def __init__(self, B: list[Block], T: list[int]) -> None:
        self.at: dict[int, tuple[list[int], int]] = {}  # cut block -> (its run's cut offsets, its place)
        cuts: list[int] = []
        off = 0
        for i in T:
            b = B[i]
            if b.role in (TITLE, SUBTITLE, BYLINE) or b.md in (1, 2):
                cuts, off = [], 0
                continue
            if b.role == BODY and is_lead(b.flat):
                cuts, off = [], 0  # a news lead opens another article
            cut = is_open(b) and (b.role == BODY or b.role == HEAD and block_likeness(b) < 0.5)
            off += len(b.flat) + (0 if b.role == BODY or cut else 6)
            if cut:
                self.at[i] = (cuts, len(cuts))
                cuts.append(off)

    def _fits(self, i: int) -> tuple[list[int], int, int] | None:
        """The column gaps of cut `i`'s run, the capacity and `i`'s place, when
        the run's cuts are spaced by a capacity (else None)."""
        got = self.at.get(i)
        if got is None:
            return None
        cuts, k = got
        gaps = [b - a for a, b in zip(cuts, cuts[1:])]
        if len(gaps) < FULL_COLUMNS:
            return None
        cap = sorted(gaps)[len(gaps) // 2]
        if sum(abs(g / cap - 1) <= CAP_TOL for g in gaps) < FULL_COLUMNS:
            return None  # cuts not spaced by a capacity (a layout by paragraphs)
        return gaps, cap, k

    def ends_column(self, i: int) -> bool:
        """Does cut `i` end a full column and start another (the gaps either
        side of it both hold the capacity)? Then its text went on in the block
        printed next, whatever that block looks like: a short line cut there
        (`如何通过社区治理满足|人民群众…`) is prose, not a heading."""
        got = self._fits(i)
        if got is None:
            return False
        gaps, cap, k = got
        return 1 <= k < len(gaps) and all(abs(g / cap - 1) <= CAP_TOL for g in (gaps[k - 1], gaps[k]))

    def short_after(self, i: int) -> bool:
        """Is the column after cut `i` short between full ones (the one ending
        at `i` and the one after it)? Then the text printed next did not go on
        from `i`: the continuation was lost."""
        got = self._fits(i)
        if got is None:
            return False
        gaps, cap, k = got
        if k < 1 or k + 1 >= len(gaps):
            return False
        before, here, after = gaps[k - 1], gaps[k], gaps[k + 1]
        if here >= CAP_SHORT * cap or abs(before / cap - 1) > CAP_TOL or abs(after / cap - 1) > CAP_TOL:
            return False
        # another column as short: the article's own capacity (the full ones
        # each hid a cut, falling between paragraphs)
        return not any(abs(g / here - 1) <= SAME_COLUMN for j, g in enumerate(gaps) if j != k)

    def penalise_lost(self, cands: list[Cand], succ) -> None:
        """Lower a join to the block printed next (`succ`) with nothing in the
        text across the cut for it, when the column after the cut is short."""
        for c in cands:
            if c.left in self.at and succ(c.left) == c.right and not any(e in c.reason for e in _TEXT_EVIDENCE) \
                    and self.short_after(c.left):
                c.score -= SHORT_COLUMN
                c.reason += ",short-column"


def assign(cands: list[Cand], threshold: float = THRESHOLD) -> list[Cand]:
    """Max-weight matching over candidate joins (exact per component when small)."""
    good = [c for c in cands if c.score >= threshold]
    # components
    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for c in good:
        a, b = find(("L", c.left)), find(("R", c.right))
        if a != b:
            parent[a] = b
    comps: dict = {}
    for c in good:
        comps.setdefault(find(("L", c.left)), []).append(c)
    chosen: list[Cand] = []
    for key in sorted(comps, key=lambda k: min((c.left, c.right) for c in comps[k])):
        comp = comps[key]
        lefts = sorted({c.left for c in comp})
        rights = sorted({c.right for c in comp})
        if len(lefts) == 1 or len(rights) == 1:
            chosen.append(max(comp, key=lambda c: (c.score, -abs(c.right - c.left), -c.right)))
            continue
        if len(lefts) <= MAX_EXACT and len(rights) <= MAX_EXACT:
            chosen.extend(_hungarian(comp, lefts, rights, threshold))
        else:
            chosen.extend(_greedy(comp))
    return sorted(chosen, key=lambda c: c.left)


def _greedy(comp: list[Cand]) -> list[Cand]:
    used_l, used_r, out = set(), set(), []
    for c in sorted(comp, key=lambda c: (-c.score, abs(c.right - c.left), c.left, c.right)):
        if c.left in used_l or c.right in used_r:
            continue
        used_l.add(c.left)
        used_r.add(c.right)
        out.append(c)
    return out


def _hungarian(comp: list[Cand], lefts: list[int], rights: list[int], threshold: float) -> list[Cand]:
    """Assignment maximising total (score - threshold); each left may stay unmatched."""
    n, m0 = len(lefts), len(rights)
    m = m0 + n  # one private "no join" column per left
    li = {x: i for i, x in enumerate(lefts)}
    ri = {x: j for j, x in enumerate(rights)}
    BIG = 1e6
    cost = [[BIG] * m for _ in range(n)]
    best: dict = {}
    for c in comp:
        i, j = li[c.left], ri[c.right]
        v = -(c.score - threshold) + 1e-6 * abs(c.right - c.left)
        if v < cost[i][j]:
            cost[i][j] = v
            best[(i, j)] = c
    for i in range(n):
        cost[i][m0 + i] = 0.0
    # Hungarian (Jonker-Volgenant style potentials), rows n <= cols m
    INF = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [INF] * (m + 1)
        used, free = [0], list(range(1, m + 1))  # columns reached / not yet, ascending
        while True:
            i0 = p[j0]
            ui = u[i0]
            delta, j1 = INF, 0
            row = cost[i0 - 1]
            for j in free:
                cur = row[j - 1] - ui - v[j]
                mj = minv[j]
                if cur < mj:
                    minv[j] = mj = cur
                    way[j] = j0
                if mj < delta:
                    delta, j1 = mj, j
            for j in used:
                u[p[j]] += delta
                v[j] -= delta
            for j in free:
                minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
            free.remove(j0)
            used.append(j0)
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    out = []
    for j in range(1, m0 + 1):
        i = p[j]
        if i and (i - 1, j - 1) in best and cost[i - 1][j - 1] < BIG / 2:
            out.append(best[(i - 1, j - 1)])
    return out
