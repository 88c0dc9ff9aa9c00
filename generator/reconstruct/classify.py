"""Block roles from shape (pass 1) and from context (pass 2, after joins)."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat
from math import fsum

from .blocks import Block
from .lexicon import (dangling_end, is_cjk, FINAL, OPENER_RE, PURPOSE_RE, CALLOUT_RE, CAPTION_HEAD_RE, CAPTION_TAIL_RE, CJK, CREDIT_RE, HEADING_MARK_RE, LEAD_RE,
                      NOISE_END_RE, NOISE_RE, ROUNDUP_RE, BYLINE_ROLE_RE, DESK_BYLINE_RE, ORG_BYLINE_RE, LETTER_CLOSING, LETTER_SIGNATURE_RE, SALUTATION_RE, bigrams, ends_closed, looks_like_name)

# roles
BODY, HEAD, SUBTITLE, BYLINE, CALLOUT = "body", "head", "subtitle", "byline", "callout"
CAPTION, CREDIT, NOISE, DUP, EMPTY = "caption", "credit", "noise", "dup", "empty"
TITLE, HEADING = "title", "heading"
TEXT_ROLES = {BODY, HEAD, SUBTITLE, BYLINE, CALLOUT, TITLE, HEADING}

# the text tests below are asked of the same block texts by several passes of
# the engine (and of section headings on every page): cached for a few pages
_PAGE_TEXTS = 512

_CLAUSE_MARK = re.compile(r"[,，、;；]")
_SUB_RE = re.compile(r"^(?:——|—|－－|--|─)+\s*")
_SPLIT_SUB = re.compile(r"\s*(?:——|－－)\s*")
_NAMEISH = re.compile(rf"^[{CJK}·]{{2,4}}$")
_PLACE = re.compile(r"^[^\s,，:：]{0,10}?(?:省|市|区|县|镇|乡|村|州|街道|社区|集团|公司|局|委|办|院|校|所)")


def is_short(b: Block) -> bool:
    t = b.flat
    n = len(t.replace(" ", "").replace("\u3000", ""))
    if "——" in t[1:]:
        a, _, z = t.partition("——")
        if 0 < len(a.strip()) <= 40 and len(z.strip()) <= 50 and "。" not in t:
            return True
    if n == 0 or n > 40:
        return False
    if ends_closed(t) or t[-1] in ";；:：,，、" or "。" in t:
        return False
    return True


def asks(t: str) -> bool:
    """Is t one short clause ending in `？` or `！` (`…为啥天天这么热闹？`)? A
    headline may ask or exclaim, so a line that ends a sentence can still be one."""
    t = t.strip()
    return 4 <= len(t) <= 30 and t[-1] in "？?！!" and not any(c in FINAL or c in "，,；;：:" for c in t[:-1])


def section_mark(t: str) -> str | None:
    """The kind of section heading's mark a line carries: a leading `◎`, `一、`,
    `(一)`, `1.` (their kinds `◎`, `一`, `(`, `1`), or the whole line in `【…】`;
    None if none. A feature marks its sections so, each alike; no headline opens
    with such a mark."""
    t = t.strip()
    m = HEADING_MARK_RE.match(t)
    if m is not None:
        c = m.group()[0]
        return "1" if c.isdigit() else "(" if c in "(（" else "一" if c in "一二三四五六七八九十" else c
    return "【" if t.startswith("【") and t.endswith("】") else None


def section_marked(t: str) -> bool:
    """Does a line carry a section heading's mark (`section_mark`)?"""
    return section_mark(t) is not None


_QUOTED_PHRASE = re.compile(r"^“[^“”。！？!?…]+”$")


def quoted_phrase(t: str) -> bool:
    """Is a line one quotation with no sentence end inside (`“林子就是我的家”`)? A
    feature sets a section heading off so; a quoted sentence of prose ends on
    its mark inside the quote (`“谢谢你们！”`), and a cut one does not close."""
    return _QUOTED_PHRASE.match(t) is not None


def heading_series(blocks: list[Block]) -> set[int]:
    """Short lines of the page that are each one quotation (`quoted_phrase`),
    when there are two or more, and lines worded in parallel (`_parallel_heads`):
    a feature sets its section headings off so, alike (the words of the people
    it portrays), while the headlines of a page seldom are quotations, let
    alone several of them."""
    out = {b.index for b in blocks if b.role == HEAD and quoted_phrase(b.flat)}
    return (out if len(out) >= 2 else set()) | _parallel_heads(blocks)


# two quoted words and a verb between (`“○○○”○○“○○○”`), or two short phrases
# apart (`○○○ ○○○`): a headline's shape seldom, a section heading's often
_PARALLEL_SHAPE = re.compile(r"^(?:“○+”○+“○+”|○{2,4}[ 　]○{2,4})$")


def _line_shape(t: str) -> str:
    """A short line's shape: its quotation marks and spaces kept, every other
    character one mark (`“小切口”撬动“大治理”` → `“○○○”○○“○○○”`)."""
    return "".join(c if c in "“”‘’ 　" else "○" for c in t)


def _parallel_heads(blocks: list[Block]) -> set[int]:
    """Short lines of the page set off alike in parts (`_PARALLEL_SHAPE`:
    `建阵地 聚人气` and `育队伍 强服务`), two or more of one shape:
    a feature words its section headings in parallel, while a page's headlines
    each take the words their stories need."""
    groups: dict[str, set[str]] = {}
    index: dict[str, list[int]] = {}
    for b in blocks:
        t = b.text.strip()
        if b.role != HEAD or "\n" in t or not 4 <= len(t) <= 16:
            continue
        shape = _line_shape(t)
        if not _PARALLEL_SHAPE.match(shape):
            continue
        groups.setdefault(shape, set()).add(t)
        index.setdefault(shape, []).append(b.index)
    return {i for shape, ts in groups.items() if len(ts) >= 2 for i in index[shape]}


def heading_form(t: str) -> tuple:
    """How a short line is set off: bracketed (`【…】`), marked or numbered
    (`HEADING_MARK_RE`), one quotation (`quoted_phrase`), parted by spaces, and
    in short parallel parts (`_PARALLEL_SHAPE`). A feature sets its section
    headings off alike (`建阵地 聚人气`, `育队伍 强服务`); a line set off otherwise
    is none of them."""
    t = t.strip()
    return (t[:1] == "【", HEADING_MARK_RE.match(t) is not None, quoted_phrase(t),
            len(t.split()) >= 2, _PARALLEL_SHAPE.match(_line_shape(t)) is not None)


def kicker_shape(lines: list[str]) -> bool:
    """Two short lines, a slogan over a headline (引题 and 主题), rather than page
    furniture (an ad, a masthead, a subscription notice): the first line short,
    the second a headline's length, no furniture words, no numbers."""
    if len(lines) != 2 or not 2 <= len(lines[0]) <= 12 or (len(lines[1]) < 6 and not roundup_title(lines[1])):
        return False
    t = "".join(lines)
    return not (NOISE_RE.search(t) or any(NOISE_END_RE.search(x) for x in lines) or re.search(r"\d{5}|\d-\d", t))


def roundup_title(t: str) -> bool:
    """Is t (a headline's text; a kicker over it on the line above) the name
    of a round-up column (`短讯`, `新闻速递`): one headline over several news
    items, each opening with a lead of its own and no headline?"""
    words = t.split()
    return bool(words) and ROUNDUP_RE.match(words[-1]) is not None


EDITOR_NOTE_RE = re.compile(r"^(?:编者按|编前)\s*[:：]\S")


def opens_letter(t: str) -> bool:
    """Does a paragraph open a letter with its salutation (`SALUTATION_RE`)? An
    open letter or an appeal (倡议书, 公开信) addresses its readers once, before
    its first paragraph: the line printed right above it is its headline."""
    return SALUTATION_RE.match(t) is not None


def editors_note(b: Block) -> bool:
    """Is b an editor's note (`编者按:…`, `编前:…`)? The desk prints it under the
    headline of the piece it introduces, above the piece's text: the line over
    it heads an article, the text under it opens one."""
    return b.role == CALLOUT and EDITOR_NOTE_RE.match(b.flat) is not None


# the roles inside a shared byline, each crediting the name it stands by:
# `文/杨雪 图/潘文军`, `杨雪/文 潘文军/图`, `记者 张三 摄影 李四`, `文 张三 图 李四`
_INNER_ROLE_RE = re.compile(r"(?:^|(?<=\s))(?:文字|文|图片|图|摄影|摄像)(?:\s*[/:：]\s*|\s+)"
                            r"|\s*/\s*(?:文字|文|图片|图|摄影|摄像)(?=\s|$)")


@lru_cache(maxsize=_PAGE_TEXTS)
def byline_shape(t: str) -> bool:
    t = t.strip()
    if not t or len(t) > 40 or any(c in t for c in "，。,;；!！?？“”\"《》"):
        return False
    if DESK_BYLINE_RE.match(t) or ORG_BYLINE_RE.match(t):
        return True
    s = _INNER_ROLE_RE.sub(" ", BYLINE_ROLE_RE.sub("", t))
    toks = [x for x in re.split(r"[\s\u3000]+", s) if x]
    if not toks:
        return False
    if all(_NAMEISH.match(x) for x in toks) and len(toks) <= 6:
        # (names printed side by side are reporters sharing the byline: one with a
        # common surname vouches for a neighbour whose surname is rare, `黄立新 刀玉香`;
        # only among tokens of a given name's length: the phrases of a two-phrase
        # heading run to four characters, `全民参与 共创文明`)
        vouched = any if all(len(x) <= 3 for x in toks) else all
        return vouched(looks_like_name(x) for x in toks) or (len(toks) >= 2 and looks_like_name(toks[-1])) \
            or BYLINE_ROLE_RE.match(t) is not None or (len(toks) == 1 and looks_like_name(toks[0]))
    # "中共X市委常委、宣传部部长 袁义林": titles, then a name
    if len(toks) >= 2 and looks_like_name(toks[-1]) and len(toks) <= 4 and not any(c in s for c in ":："):
        return True
    return False


def shape(b: Block) -> str:
    t = b.flat
    if not t:
        return EMPTY
    n = len(t)
    if n <= 30 and CREDIT_RE.match(t.replace("\u3000", " ")):
        return CREDIT
    # the cheap test first: the search scans the whole text
    if n >= 12 and "摄" in t[-4:] + "新华社发资料图片供图" and (CAPTION_TAIL_RE.search(t) and ("图为" in t or n <= 400)):
        return CAPTION
    if n >= 12 and CAPTION_HEAD_RE.match(t) and n <= 400:
        return CAPTION
    if _SUB_RE.match(t) and len(t) <= 80 and not b.quote and "。" not in t[:-1]:
        return SUBTITLE
    if b.quote or (CALLOUT_RE.match(t) and n <= 400 and not b.md):
        return CALLOUT
    lines = b.text.split("\n")
    if not b.md and len(lines) >= 2 and all(len(x) <= 25 and not any(c in x for c in "。，,；;") for x in lines):
        return HEAD if kicker_shape(lines) else NOISE
    # (`…光伏电站,国网` is a clause cut at a column end, not a masthead `精神文明网`)
    if not b.md and n <= 20 and (NOISE_RE.search(t) or NOISE_END_RE.search(t) and not _CLAUSE_MARK.search(t)) \
            and not ends_closed(t):
        return NOISE
    if b.md and n <= 120 and "。" not in t[:-1]:
        return HEAD
    if is_short(b) and t != LETTER_CLOSING and not LETTER_SIGNATURE_RE.match(t):
        return HEAD
    return BODY


def split_title(t: str) -> tuple[str, str | None]:
    """`title ——subtitle` on one line → (title, subtitle); a dash run with no words
    after it (`一———`) is part of the title."""
    parts = _SPLIT_SUB.split(t, maxsplit=1)
    if len(parts) == 2 and parts[0].strip() and parts[1].strip(" \u3000—－-─"):
        return parts[0].strip(), parts[1].strip()
    return t, None


def strip_subtitle(t: str) -> str:
    return _SUB_RE.sub("", t).strip()


_LEAD_IN = re.compile(r"^([^，,。：:；;！!？?“”\s]{1,10})([，,。：:；;])")
_PUNCT_KEY = str.maketrans(",:;", "，：；")


@lru_cache(maxsize=8192)  # asked of a block's text once per candidate join
def lead_in(t: str) -> tuple[str, str] | None:
    """A text's short lead-in clause and the mark closing it (full-width):
    `以课堂为阵地,…` → (`以课堂为阵地`, `，`); None when it opens otherwise."""
    m = _LEAD_IN.match(t)
    return (m.group(1), m.group(2).translate(_PUNCT_KEY)) if m else None


def lead_in_key(t: str) -> tuple | None:
    """The shape enumerated paragraphs share: the lead-in's first character,
    its closing mark and its length (`绿色生活。` `绿色通道。`)."""
    got = lead_in(t)
    return (got[0][0], got[1], len(got[0])) if got else None


def parallel_starts(blocks: list[Block]) -> set[int]:
    """Blocks opening like several others on the page: the same short lead-in
    clause shape (`绿色生活。` `绿色通道。` `绿色文明。`, `以课堂为阵地,` `以活动为引领,`,
    `会议指出,` …). Enumerated paragraphs open so; a column cut almost never
    falls so as to mimic them, so such a block starts a paragraph."""
    from collections import defaultdict
    clauses, by = {}, defaultdict(list)
    for b in blocks:
        if b.role != BODY:
            continue
        got = lead_in(b.flat)
        if got:
            clauses[b.index] = got[0]
            by[lead_in_key(b.flat)].append(b.index)
    out = set()
    for group in by.values():
        if len(group) < 2:
            continue
        for i in group:
            w = clauses[i]
            alike = [j for j in group if j != i
                     and (len(w) <= 2 or any(a == c for a, c in zip(w[1:], clauses[j][1:])))]
            if len(alike) >= 2 or (len(w) >= 4 and any(clauses[j][:4] == w[:4] for j in alike)):
                out.add(i)
    # the same first words, up to a quotation (`创新打造“综合治理…”。` `创新打造“居民服务…”。`,
    # `引导广大市民争做“文明践行者”。` …): a series of paragraphs
    heads = defaultdict(list)
    prev = None
    for b in blocks:
        t = b.flat
        if b.role == BODY and len(t) >= 12 and _SERIES.match(t):
            heads[t[:_SERIES_N]].append((b, prev))
        prev = b
    for group in heads.values():
        if len(group) < 2:
            continue
        marks = [_clause_mark(b.flat) for b, _ in group]
        for k, (b, before) in enumerate(group):
            # right after a text cut mid-sentence, a block closing its first
            # clause otherwise than every sibling goes on that sentence with the
            # same words (`…为切入点,|创新打造“三平台”,努力…` beside `创新打造“居民
            # 服务掌上平台”。…`), or merely opens with a common phrase
            # (`…入围|全国文明城市提名城市。` beside `全国文明城区创建,是…`)
            if marks.count(marks[k]) == 1 and before is not None and before.role == BODY and before.flat \
                    and not ends_closed(before.flat):
                continue
            out.add(b.index)
    return out


_SERIES_N = 5
_SERIES = re.compile(rf"^[{CJK}]{{3,}}[{CJK}“「《]*(?<=.{{{_SERIES_N}}})")
_OPENS, _CLOSES = "“「《(（", "”」》)）"
_CLAUSE_MARKS = "，,。、；;：:！!？?"
_MARK_KEY = str.maketrans(",:;!?", "，：；！？")


def _clause_mark(t: str) -> str:
    """The mark closing a text's first clause, outside quotation marks and
    brackets ("" when none): `创新打造“居民服务掌上平台”。…` → `。`."""
    depth = 0
    for c in t:
        if c in _OPENS:
            depth += 1
        elif c in _CLOSES:
            depth = max(0, depth - 1)
        elif depth == 0 and c in _CLAUSE_MARKS:
            return c.translate(_MARK_KEY)
    return ""


def lead_ins_alike(a: str, b: str) -> bool:
    """Do two texts open with lead-in clauses of one shape (`以课堂为阵地,` and
    `以传承为目标,`: the same first character, length and mark, and one more
    character in the same place)? Sibling paragraphs of a series open so."""
    la, lb = lead_in(a), lead_in(b)
    if not la or not lb:
        return False
    (wa, pa), (wb, pb) = la, lb
    if len(wa) != len(wb) or len(wa) < 3 or wa[0] != wb[0] or wa == wb or pa != pb:
        return False
    return any(x == y for x, y in zip(wa[1:], wb[1:]))


def opening_lines(blocks: list[Block]) -> set[int]:
    """Short heading-like lines that open another paragraph of the page word for
    word (`引导广大市民争做` over `…争做“文明监督员”。`, beside a paragraph
    `引导广大市民争做“文明践行者”。…`), or open with a lead-in shaped like a
    series' lead-ins: the opening of one of a series of paragraphs, cut at a
    column end. A heading is not printed again as the first words of a
    sentence that goes on past it."""
    from collections import Counter

    by: dict[str, list[str]] = {}
    for b in blocks:
        if b.role == BODY and len(b.flat) >= 12:
            by.setdefault(b.flat[:4], []).append(b.flat)
    series = [b.flat for b in blocks if b.role == BODY and len(b.flat) >= 12 and lead_in(b.flat)]
    shapes = Counter(lead_in_key(x) for x in series)
    speakers = {got[0] for x in series if (got := lead_in(x))[1] == "：" and len(got[0]) <= 4}
    out = set()
    for b in blocks:
        t = b.flat
        if b.role != HEAD or b.md or len(t) < 6:
            continue
        # the same words going on into a sentence (not `改造升级农贸市场、…`, a
        # paragraph listing the headings before they come)
        if any(x.startswith(t) and len(x) >= len(t) + 6 and (is_cjk(x[len(t)]) or x[len(t)] in "“「《")
               for x in by.get(t[:4], ())):
            out.add(b.index)
        # or a lead-in clause shaped like those of a series of paragraphs, going
        # on past it (`聚焦机制保障,注重守好` beside `聚焦党建引领,注重把稳…。…`
        # and `聚焦履职创新,注重找准…。…`)
        elif (got := lead_in(t)) and len(t) > len(got[0]) + 1 and shapes[lead_in_key(t)] >= 2 \
                and sum(lead_ins_alike(t, x) for x in series) >= 2:
            out.add(b.index)
        # or the speaker's label of an interview's turns (`记者:` `刘建平:`), which
        # opens paragraphs of the page and no heading: a question or answer cut
        # at a column's end
        elif (got := lead_in(t)) and got[1] == "：" and got[0] in speakers:
            out.add(b.index)
    return out


_SECTION_STOP = (TITLE, SUBTITLE, BYLINE)


def lines_inside_marked_sections(blocks: list[Block]) -> set[int]:
    """Plain heading-like lines between two section headings marked alike
    (`◎…` and `◎…`, `一、…` and `二、…`), with no headline, news lead or
    unmarked Markdown heading between them. A feature that marks its sections
    marks each of them: a plain short line inside one is the first words of a
    paragraph cut at a column end. So is a plain line right below the last of
    a series of such headings: a marked heading heads text, not another
    heading."""
    seq: list[tuple[int, str | None]] = []   # (block, its mark; None: a plain line, "": a stop)
    for b in blocks:
        if b.role in _SECTION_STOP or (b.role == BODY and is_lead(b.flat)):
            seq.append((b.index, ""))
        elif b.role == HEAD:
            mark = section_mark(b.flat)
            seq.append((b.index, "" if mark is None and b.md else mark))
    marks = [m for _, m in seq if m]
    series = {m for m in marks if marks.count(m) >= 2}   # marks of two headings or more
    out = set()
    above, plain = "", []   # the last mark or stop read, and the plain lines read since
    last = -1               # the block of that last mark
    for i, mark in seq:
        if mark is None:
            if i == last + 1 and above in series:
                out.add(i)
            plain.append(i)
            continue
        if mark and mark == above:
            out.update(plain)
        above, plain, last = mark, [], i
    return out


_KICKER = re.compile(r"^[^\s,，。:：“”]{2,12}[\s\u3000]+")


def _after_kicker(t: str) -> str:
    """The line after a short leading phrase set off by a space (a kicker, 引题,
    printed on the headline's line); the line itself if there is none."""
    m = _KICKER.match(t)
    return t[m.end():] if m else t


_KICKER_LINE = re.compile(rf"^([{CJK}]{{2,12}})[ \u3000]+(\S.*)$")


def kicker_lines(blocks: list[Block]) -> set[int]:
    """Headline-shaped lines printing a kicker (引题) and its headline on one line
    (`喜迎二十大 立足首善,全力谋划文明“大文章”`): a short slogan of bare words, a
    space, then a headline longer by some words (the main title is the longer
    line). A section heading carries no kicker: its two phrases match in length
    (`强化组织领导 压实工作责任`), or it is one of a series of headings built alike
    (`率先垂范 奏好“示范引领曲”` beside `营造氛围 奏好“宣传发动曲”`: first phrases of
    one length, opening or followed by the same words, `守艺 不让老手艺断了线` beside
    `创新 让老手艺走进新生活`), while a kicker heads one article (or repeats word
    for word over several of a column's)."""
    pairs = {b.index: m.groups() for b in blocks if (m := _KICKER_LINE.match(b.flat))}
    return {i for i, (kick, rest) in pairs.items()
            if blocks[i].role == HEAD and len(rest) >= len(kick) + 4
            and not any(k != kick and len(k) == len(kick) and (k[:2] == kick[:2] or _open_alike(r, rest))
                        for k, r in pairs.values())}


_WORD_PAIR = re.compile(rf"(?=([{CJK}]{{2}}))")


def _open_alike(a: str, b: str) -> bool:
    """Do two phrases open with the same words: the same first two characters, or
    a pair of characters shared among their first four (`不让老手…` and `让老手艺…`,
    a heading's word before a series' common opening)?"""
    return a[:2] == b[:2] or not set(_WORD_PAIR.findall(a[:4])).isdisjoint(_WORD_PAIR.findall(b[:4]))


@lru_cache(maxsize=_PAGE_TEXTS)
def title_evidence(t: str) -> float:
    """Shape evidence that a short line is an article title rather than a section heading."""
    s = 0.0
    if HEADING_MARK_RE.match(t):
        s -= 3
    if quoted_phrase(t):
        s -= 1.0  # one quotation: the words of a feature's section, set off as its heading
    if re.search(r"[:：]", t[2:]):
        s += 1.5
    if _PLACE.match(t) or _PLACE.match(_after_kicker(t)):
        s += 1.0  # (`新时代新征程 鄂尔多斯市东胜区…`: the headline after its kicker leads with a place)
    if len(t) >= 18:
        s += 0.5
    head, dash, sub = t.partition("——")
    if dash and len(head) >= 4 and len(sub) >= 8:
        s += 1.0  # `主题 ——副题`: a headline with its subtitle on one line
    if len(t) <= 8:
        s -= 1.0
    return s


def idf_weights(blocks: list[Block]) -> tuple[list[set[str]], dict[str, float]]:
    """Each block's bigram set and each bigram's idf over the page's blocks."""
    import math
    from collections import Counter
    from itertools import chain
    sets = [bigrams(b.flat) for b in blocks]
    df = Counter(chain.from_iterable(sets))  # counted in the same order as a loop over the sets
    n = max(2, len(blocks))
    logs = {d: math.log(n / d) for d in set(df.values())}  # few distinct counts
    idf = dict(zip(df.keys(), map(logs.__getitem__, df.values())))  # (same order, no Python frame per bigram)
    return sets, idf


def cohesion(a: set[str], b: set[str], idf: dict[str, float]) -> float:
    """Summed idf of the bigrams shared by a and b (a set intersection, no Python
    frame per bigram). Summed exactly (`fsum`): a set's order follows the
    process's string hashing, and a rounded sum in that order could tip a close
    choice differently from one run to the next; so do the engine's other idf
    sums (and so the order the intersection yields does not matter)."""
    return fsum(map(idf.get, a & b, repeat(0.0)))


# `近年来,福建省南平市…`, `近日,江西省吉安市青原区…`: opening clauses (at most
# two short ones: a feature sets its scene first, `初冬的清晨,江面上薄雾未散,湖北省
# 宜昌市…`) and a province with one of its cities, named in full (the province
# often without `省` or `自治区`: `四川成都市`, `内蒙古鄂尔多斯市`), or with a
# county it names directly (`江西省遂川县`)
_PROVINCES = ("河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|"
              "云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆")
# (not `在江苏省南京市,…`: a paragraph set in a place, as each of a round-up's are)
_PROVINCE = rf"(?:{_PROVINCES})(?:省|(?:[\u4e00-\u9fff]{{0,4}}?)自治区)"   # `浙江省`, `广西壮族自治区`
_CITY = r"([\u4e00-\u9fff]{2,4}?)(?:市|州|盟)"   # `衢州市`: the name kept
_COUNTY = r"([\u4e00-\u9fff]{2,4}?)(?:县|旗)"   # `遂川县`, `鄂托克前旗`, named right after its province
_PLACE_INTRO = re.compile(rf"^(?:[^,，。；;:：“”]{{1,8}}[,，]){{0,2}}(?!在)[^,，。；;:：“”]{{0,6}}?(?:{_PROVINCE}?{_CITY}|{_PROVINCE}{_COUNTY})")


# a feature may open on a brief sentence that sets the mood before the one that
# says when and where (`锣鼓声声,唱腔悠扬。11月15日晚,江西省抚州市…`)
_BRIEF_LEDE = re.compile(r"^[^。！？!?；;:：“”]{2,12}[。！？!?](?=\d{1,2}月\d{1,2}日|近日|日前)")


def _intro_start(t: str) -> int:
    """Where in t a story would introduce its place: after a brief mood-setting
    first sentence, if any."""
    m = _BRIEF_LEDE.match(t)
    return m.end() if m else 0


def _place_intro(t: str) -> tuple[re.Match | None, int]:
    """`_PLACE_INTRO` matched where t would introduce its place, and where that is."""
    at = _intro_start(t)
    return _PLACE_INTRO.match(t[at:at + 30]), at


@lru_cache(maxsize=_PAGE_TEXTS)
def opens_article(t: str) -> bool:
    """Does a paragraph introduce its place in full (province and city), as the
    first sentence of a news story does? Later paragraphs name the place short
    (`南平市`), so such a block opens an article even without a news lead."""
    return _place_intro(t)[0] is not None


# the same place named in full anywhere in a first sentence, or a district of
# a municipality (`北京市朝阳区`), which names it as fully (not a paragraph
# opening on `在…`: set in a place, as each of a round-up's are; a news lead
# says when first, `11月19日上午,在吉林省长春市…`)
_PLACE_NAMED = re.compile(rf"(?<!^在)(?:{_PROVINCE}{_CITY}|(?:北京|上海|天津|重庆)市([\u4e00-\u9fff]{{2,3}}?)(?:区|县)"
                          rf"|{_PROVINCE}{_COUNTY})")


@lru_cache(maxsize=_PAGE_TEXTS)
def scene_place(t: str) -> str | None:
    """The city (or a municipality's district, or a county) a paragraph's first
    sentence introduces in full after other words: a feature's scene opening (`初冬的清晨,
    江面上薄雾未散,湖北省宜昌市夷陵区…`) names its place so, later paragraphs
    name it short. A story opening on a quotation says where after it
    (`“…没有。”站在…小院里,河南省信阳市光山县…`): its first sentence is read
    after the quotation."""
    start = t.find("”") + 1 if t[:1] == "“" else 0
    end = t.find("。", start, start + 120)
    m = _PLACE_NAMED.search(t, start, end if end >= 0 else start + 120)
    return (m.group(1) or m.group(2) or m.group(3)) if m else None


_AGENCY_REPORTER = re.compile(r"^[^,，。(（]{1,8}[(（][^)）]{1,20}[)）]")   # `本报讯(林洛)`


def story_place(t: str, after_lead: bool = False) -> str | None:
    """The city a story-opening paragraph (`opens_article`) introduces (`南平`);
    `after_lead`: read after the agency and reporter of a news lead
    (`本报讯(林洛)近期以来,青海省西宁市…`)."""
    if after_lead:
        m = _AGENCY_REPORTER.match(t)
        t = t[m.end():] if m else t
    m = _place_intro(t)[0]
    return (m.group(1) or m.group(2)) if m else None


_SUB_PLACE = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:区|县|旗)")


@lru_cache(maxsize=_PAGE_TEXTS)
def story_places(t: str) -> tuple[str, ...]:
    """The city a story-opening paragraph introduces and the district or county
    named right after it (`浙江省衢州市柯城区` → 衢州, 柯城); () if none."""
    m, at = _place_intro(t)
    if not m:
        return ()
    city, sub = m.group(1) or m.group(2), _SUB_PLACE.match(t, at + m.end())   # (a city's, else a county's name)
    return (city, sub.group(1)) if sub else (city,)


# `叶志根是浙江省丽水市…的一名“民间河长”`: a person (or body) introduced with
# their place, as `X是` right before it
_SUBJECT_IS = re.compile(r"^([\u4e00-\u9fff]{2,6}?)是")


def subject_named_before(t: str, before: str) -> bool:
    """Does a paragraph that introduces its place in full (`opens_article`)
    introduce it for someone the paragraph before already named (`65岁的叶志根
    背着竹篓…` then `叶志根是浙江省丽水市…的一名“民间河长”`)? A feature
    presents its person first and then where they are from; a new story does
    not open on a name the text above it talks about."""
    m = _SUBJECT_IS.match(t)
    return m is not None and m.group(1) in before


# `门头沟区`, `朝阳区`, `资阳市`: a district, county or city named in running text
# (not `广大市民`, `农贸市场`, `城市容貌`, `区域`)
_LOCALITY = re.compile(r"[\u4e00-\u9fff]{2,3}?[区县市](?![民场容域])")
# words ending like a place name that name none (`文明城区`, `全市`, `小区`)
_NOT_LOCALITY = ("城区", "全区", "辖区", "社区", "地区", "小区", "园区", "景区", "街区", "市区", "城市", "全市",
                 "该市", "本市", "全县", "该区", "本区", "该县", "本县", "山区", "新区", "城县", "展区", "片区",
                 "省市", "县市", "市县", "区县", "都市", "超市", "股市", "上市", "城乡市")


# `老城区`, `主城区`, `中心城区`: a part of a town; `柯城区`, `西城区`: a district
_TOWN_PARTS = frozenset("老主新旧中全该本此")
_PLACE_PREPOSITIONS = frozenset("在到从向于至赴")


def localities(t: str) -> dict[str, int]:
    """How often each district, county or city is named in a text."""
    out: dict[str, int] = {}
    for m in _LOCALITY.finditer(t):
        w = m.group()
        if len(w) == 4 and w[0] in _PLACE_PREPOSITIONS:
            w = w[1:]  # `在日照市`: the preposition before a city is no part of its name
        if w[-2:] not in _NOT_LOCALITY or (len(w) == 3 and w[-2:] == "城区" and w[0] not in _TOWN_PARTS):
            out[w] = out.get(w, 0) + 1
    return out


_EVENT_DATE = re.compile(r"\d{1,2}月\d{1,2}日|近日|日前")
_PROVINCE_NAMED = re.compile(_PROVINCES)


def sets_scene(t: str) -> bool:
    """Does a paragraph's opening (its first 120 characters: a story may open
    on a quotation) say when its event happened (`11月15日`, `近日`) or name a
    province or city? A story's first paragraph sets its scene so; a section
    of a feature goes on where the feature is set and names only its parts
    (`在莒县城阳街道`, `晏岗村妇联主席…`) or none (`工坊的研学教室…`)."""
    w = t[:120]
    return _EVENT_DATE.search(w) is not None or _PROVINCE_NAMED.search(w) is not None \
        or any(x[-1] == "市" for x in localities(w))


_LEAD_CACHE: dict[str, bool] = {}


def is_lead(t: str) -> bool:
    """Does t open with a news lead (`本报讯` …)? Cached by the text itself (its
    hash is kept by the string: no slice to hash again on every call); the
    cache holds a few pages' blocks."""
    v = _LEAD_CACHE.get(t)
    if v is None:
        if len(_LEAD_CACHE) > 10_000:
            _LEAD_CACHE.clear()
        v = _LEAD_CACHE[t] = LEAD_RE.match(t[:40]) is not None
    return v


_VERB_END = re.compile(r"(?:坚持|推出|推动|加强|实现|开展|打造|建立|提升|推进|落实|围绕|聚焦|完善|加快|强化|深化|引导|组织|"
                       r"带动|促进|形成|提供|发挥|做好|抓好|答好|补齐|加大|持续|积极|不断|进一步|更加|通过|按照|根据|针对|"
                       r"作为|成为|进行|给予|采取|利用|依托|结合|对照|参加|参与|举办|召开|启动|印发|制定|出台|设立|实施|"
                       r"融入|纳入|争做|争当|只是|就是|正是|还是|也是|都是)$")
# `…大会召开` `…仪式启动`: a news headline names an event that took place
_EVENT_END = re.compile(r"(?:会|会议|仪式|活动|典礼|节|赛|展)(?:召开|启动|举办|举行|开幕|闭幕)$")
_DANGLING = frozenset("的地得和与及或在对将把被从向为以于由让使给同跟是要到并而如若因经近更很最")
_PROSE = set("的了还将把被着过得地吗呢吧也都就才又再在是")
_PROSE_RE = re.compile(r"(?:\d{4}年|\d+月\d+日|指出|表示|强调|介绍|认为|要求|说|通过|进行|开展了|已经|正在|以来|目前|此外|同时|其中|先后|分别|均|共计|\d+[万亿]?(?:个|名|人|件|次|项|家|场|元|户|余))")


def awaits_object(t: str) -> bool:
    """Does a line end on a verb or preposition that takes an object (`…推动`,
    `…依托`), not on an event that took place (`…大会召开`)? A heading names a
    topic; a line stopping so is a sentence cut at a column end."""
    return _VERB_END.search(t) is not None and not _EVENT_END.search(t)


_MEASURE_END = re.compile(r"(?:^|[^\d一二三四五六七八九十百千万])(?:[一两几每这那某各]|\d+)"
                          r"([个名位座条项件份场次批种类家所支颗些张幅只届]|批批|项项|份份|个个|座座|条条|件件|场场|次次)$")
_OPENING_YEAR = re.compile(r"\d{4}年(?!\d)")
_CLOSING_COUNT = re.compile(r"\d+[万亿]?余?[个名人件次项家场元户]$")


def _edge_figure(t: str, at: int) -> bool:
    """Does a figure at `at` open t on a year (`2026年洛阳市…`) or close it on a
    count (`…赛事活动1200余场`)? A news headline carries its event's date and
    outcome so; a sentence carries its figures inside."""
    return (at == 0 and _OPENING_YEAR.match(t) is not None) or _CLOSING_COUNT.match(t, at) is not None


_TITLE_SUB = re.compile(r"^[^。，,；;：:！!？?]{4,30}\s——[^。，,；;：:！!？?]{8,40}$")
_LABEL_LEAD_IN = re.compile(r"^【[^】]+】[^,，;；。]+[,，;；。]")
_SHORT_LEAD_IN = re.compile(r"^(?:[^\s,，。、:：“”]{1,3}|[^\s,，。、:：“”]{1,4}以来|会议[^\s,，。]{2})[,，]")


@lru_cache(maxsize=_PAGE_TEXTS)
def head_likeness(t: str) -> float:
    """1.0 for a typical headline/heading line, towards 0 for a cut piece of prose."""
    n = len(t)
    v = 1.0
    if is_lead(t):
        return 0.0
    # (`主题 ——副题`: a headline with its subtitle set after a spaced dash on one line;
    # prose sets its dash unspaced, inside a sentence with clause marks)
    marked = (section_marked(t) or quoted_phrase(t)) and n <= 40 and "。" not in t[:-1] \
        or _TITLE_SUB.match(t) is not None
    if n > 20 and not marked:
        v -= 0.3
    if n > 28 and (_CLAUSE_MARK.search(t) or "。" in t):
        # (prose runs this long without a clause mark seldom, a headline with
        # its kicker or a place and an event often)
        v -= 0.3
    # (the kinds of function word, not their count: a nominal headline repeats
    # its `的` (`“老张”的菜篮子里装着一条街的年味`); prose uses many kinds)
    prose = len(_PROSE.intersection(t)) + sum(1 for m in _PROSE_RE.finditer(t) if not _edge_figure(t, m.start()))
    if not marked:  # (a numbered, ◎-marked, bracketed or quoted line is a heading, whatever words it uses)
        v -= 0.35 * min(prose, 3)
    if t.count("“") > t.count("”") or t.count("(") + t.count("（") > t.count(")") + t.count("）") \
            or t.count("《") > t.count("》"):
        v -= 1.0  # an unclosed quote or bracket: cut in the middle of a sentence
    if len(re.findall(r"[,，、]", t)) >= 2:
        v -= 0.3
    if (re.match(r"^(?:今年|近日|近年来|目前|据|随着|为了|为|在|对|从|通过|截至|如何|有人)", t) or OPENER_RE.match(t)) \
            and ("," in t or "，" in t):
        v -= 0.4
    if _LABEL_LEAD_IN.match(t):
        # `【东岭镇】该镇聚焦…,在…`: a bracketed label leading a paragraph's prose;
        # a heading in `【】` ends on its bracket
        v -= 1.0
    if _SHORT_LEAD_IN.match(t):
        v -= 1.0  # `如今,` `多年来,` `会议强调,`: a sentence adverbial, not a heading's first half
    if PURPOSE_RE.match(t):
        v -= 1.0  # `为推动…`, `为不断提升…`: a purpose clause opening a sentence, not a heading
    m = re.search(r"[,，]([^,，]*)$", t)
    if m and len(m.group(1)) <= 3:
        v -= 1.0  # "…,让": a clause cut after a word or two
    if dangling_end(t, _DANGLING) or awaits_object(t):
        v -= 0.6
    if _MEASURE_END.search(t):
        v -= 1.0  # `一份份`, `一座`: a number and measure word wait for their noun
    return max(0.0, v)
