"""Column chunks and their reading direction.

A layout export prints an article's columns one after the other; sometimes in
reverse (last column first). Each column of body text is a *chunk*: a run of
blocks that starts after a cut (the previous block ends mid-sentence), at a
block that starts mid-sentence or at a news lead, or after page furniture
that follows a complete paragraph. Whether a run of chunks is
read forward or in reverse is a property of the whole article, not of one cut:
one cut alone often has no language evidence either way, while the article as
a whole (its lead printed last, the text under its headline starting
mid-sentence, words spanning most cuts one way) shows clearly how it was
printed. So the chunks of each run between headlines are split into groups,
each read forward or in reverse, by a small dynamic programme over the
evidence of the cuts (`score_pair` without the adjacency bonus) and of group
starts and ends (a group should start cleanly and end with a full stop, at
best after a paragraph saying what comes next, as news articles close).
The headline's words tell where the article right under it opens, so they
count for the first group of a run alone; and a news lead opens an article,
so a group that reads one after another paragraph is unlikely; nor does a
sentence cut at a column's foot go on in a paragraph opening a story (a
lead, its place named in full, its time said first): in a long article
printed in reverse, its first column, printed last, opens so right after
the cut that ends the column printed before it. Where no sentence spans the
columns, a story's opening printed below a full stop, under text that opens
no story, tells as much: that is an article's first column, printed last
(`LATE_OPENING`).

Read in reverse, only a cut must end a column: a column may also end where a
paragraph does. The last column of an article, printed first, always ends
with the article, and any column may happen to end with a paragraph. So in a
group read in reverse, chunks not separated by a cut are one stretch of text,
and each stretch may hold two columns, split after a complete paragraph; the
lengths of the columns (about the same number of characters each) choose
among these readings where the text does not.

Groups hold at most `MAX_GROUP` chunks, which keeps the programme linear; a
longer article printed in reverse is then widened over its neighbours
afterwards, where the same scores say so; and a reversed group whose first
chunk also holds the end of the text printed before it (no chunk starts
after a complete paragraph) leaves that end to it (`trim`). A heading-like
line alone is no column of a reversed group: read first, it opens no
article's text; read later, it is no full column and ends no article. It
heads the next article. Nor does a reversed group split its first chunk
right after one, to read it last: a heading opens the text under it, so
the column it would end is split elsewhere.
"""
from __future__ import annotations

import re
from math import fsum

from . import classify as C
from .joins import block_likeness, head_features, is_open
from .lexicon import FOLLOW_UP_WORDS

MAX_GROUP = 8        # chunks in one group (keeps the programme linear in the page; 12 read no better and cost 20 %)
MAX_WIDE = 24        # … and in one widened afterwards (`widen`; bounds its cost)
GROUP_COST = 1.0     # each group: prefer few
REVERSE_COST = 2.5   # a reversed group: rarer than a forward one
CLOSED_TO_CONT = -3.0  # a complete sentence followed by a mid-sentence start (`_mid_start`: a sentence's tail too)
OPEN_TO_LEAD = -4.0    # a cut sentence "continued" by a news lead or another story opening (`opens_story`)
MID_LEAD = -3.0        # a news lead read after another paragraph of its group: a lead opens an article
LATE_OPENING = -2.0    # … or another story opening (`opens_story`), where a reading puts text before it
START_CONT = -2.5      # a group that starts mid-sentence
START_LEAD = 1.0       # a group that starts with a news lead (or a dated opening: `DATED_RE`)
START_PARALLEL = 0.5   # … or with a paragraph opening like its siblings (`parallel_starts`)
START_FOLLOW_UP = -1.0  # … or with words taking up text before them (`FOLLOW_UP_RE`)
START_CLOSING = -2.0   # … or with a paragraph looking ahead (`CLOSING_RE`): it closes an article, it opens none
END_OPEN = -2.0        # a group that ends mid-sentence
RUN_END_OPEN = -2.0    # … and is the last of a run under a headline
END_CLOSING = 2.0      # a group that ends with a paragraph looking ahead (`CLOSING_RE`)
START_HEAD = -3.0      # a group read in reverse that starts with a heading-like line alone
END_HEAD = -3.0        # … or splits its first chunk after one, to read it last: no article ends so
HEADLINE = 1.5         # a group starting with the words of the headline above it
LINK_MIN, LINK_MAX = -4.0, 6.0
FORWARD = 2.0          # a cut going on in the next block printed: the usual case
SPLIT_MIN = 0.0        # a column starting after a full stop needs text evidence of its own
CAP_TOL = 0.1          # columns of one article hold about as many characters:
CAP_W = 6.0            # the weight of a column off that capacity by more than CAP_TOL
CAP_MAX = 1.5          # (relative excess, capped)
WEAK_SPLIT = 0.5       # a split with no text evidence of its own: settled by capacity
CLEAN_SPLIT = 1.0      # … and a column read after one that ends with a full stop
MAX_READS = 64         # readings of a short reversed group weighed one by one
SLACK = 1e-6           # (`upper` sums the same terms in another order)


def capacity_misfit(first: int, mids: list[int], last: int) -> float:
    """How far an article's columns (characters, in reading order) are from
    holding the same number of characters: the columns between its first and
    last are full, about one capacity each; the first (below the headline) and
    the last (where the text ends) hold at most that much. 0 when there are no
    middle columns to measure the capacity by."""
    if not mids:
        return 0.0
    srt = sorted(mids)
    n = len(srt)
    cap = srt[n // 2] if n % 2 else (srt[n // 2 - 1] + srt[n // 2]) / 2
    if cap <= 0:
        return 0.0
    pen = 0  # (summed in order as `sum` would, without a generator frame)
    for x in mids:
        pen += min(CAP_MAX, max(0.0, abs(x / cap - 1.0) - CAP_TOL))
    pen += min(CAP_MAX, max(0.0, first / cap - 1.0 - CAP_TOL))
    pen += min(CAP_MAX, max(0.0, last / cap - 1.0 - CAP_TOL))
    return pen


def _median(xs: list[int]) -> float:
    srt = sorted(xs)
    n = len(srt)
    return srt[n // 2] if n % 2 else (srt[n // 2 - 1] + srt[n // 2]) / 2


def _dev(x: float, cap: float) -> float:
    """A full column of x characters against the capacity."""
    return min(CAP_MAX, max(0.0, abs(x / cap - 1.0) - CAP_TOL))


def _over(x: float, cap: float) -> float:
    """A first or last column (at most full) of x characters."""
    return min(CAP_MAX, max(0.0, x / cap - 1.0 - CAP_TOL))


def _cont(b) -> bool:
    """The block starts mid-sentence (a continuation)."""
    return b.role == C.BODY and bool(head_features(b.flat).start) and not getattr(b, "_parallel", False)


def _quoted_start(b) -> bool:
    """The block closes a quotation it never opened (`…”等活动。`): it starts
    inside a sentence begun in some column before it, so no article opens
    there."""
    return b.role == C.BODY and head_features(b.flat).closes_quote and not getattr(b, "_parallel", False)


def _tiny_tail(b) -> bool:
    """The block is a few characters closing a sentence (`秘书长。`): no
    paragraph of body text is this short, it is the end of a sentence cut at
    the foot of some column before it."""
    return b.role == C.BODY and head_features(b.flat).tiny and not getattr(b, "_parallel", False)


def _mid_start(b) -> bool:
    """The block starts inside a sentence, by its words, by a quotation it
    closes, or as a sentence's tiny tail: it is the top of a column, whatever
    the block before it ends with (after a full stop too: the text printed
    above it is another column's, often the end of another article)."""
    return _cont(b) or _quoted_start(b) or _tiny_tail(b)


def _open(b) -> bool:
    """The block ends mid-sentence: body text, or a short line that reads as
    cut prose rather than a heading."""
    return is_open(b) and (b.role == C.BODY or b.role == C.HEAD and block_likeness(b) < 0.5)


_FURNITURE = (C.CAPTION, C.CREDIT, C.NOISE)


def _headline_like(b) -> bool:
    """A short line shaped like a headline (not yet told from a section
    heading): it ends a run, as a reversed article never reads across it."""
    if b.role != C.HEAD:
        return False
    if C.kicker_shape(b.text.split("\n")):
        return True
    return C.title_evidence(b.flat) >= 1.5 and block_likeness(b) >= 0.5


def _between_leads(B, T, header) -> set[int]:
    """Short heading lines that must head an article of their own: between
    two headlines, a news lead (`本报讯…`) above the line and another below it
    are the openings of two articles, so the run of columns splits there, at
    the heading-shaped line (the most headline-like one, when several) that
    does not read as cut prose."""
    out: set[int] = set()
    seg: list[int] = []

    def close():
        leads = [p for p, i in enumerate(seg) if B[i].role == C.BODY and C.is_lead(B[i].flat)]
        for a, z in zip(leads, leads[1:]):
            cand = [seg[p] for p in range(a + 1, z) if B[seg[p]].role == C.HEAD and block_likeness(B[seg[p]]) > 0.0]
            if cand:
                out.add(max(cand, key=lambda i: (block_likeness(B[i]) + 0.5 * C.title_evidence(B[i].flat), i)))

    for i in T:
        b = B[i]
        if b.role in header or b.md in (1, 2) or _headline_like(b):
            close()
            seg = []
        elif b.role in (C.BODY, C.HEAD):
            seg.append(i)
    close()
    return out


def _over_openings(B, T) -> set[int]:
    """Heading-shaped lines right above a paragraph that opens a story (a
    news lead, or its place named in full): such a line is that story's
    headline, and a section heading does not sit above an article's opening."""
    out = set()
    for i, j in zip(T, T[1:]):
        b, n = B[i], B[j]
        if b.role == C.HEAD and n.role == C.BODY and block_likeness(b) >= 0.5 \
                and (C.is_lead(n.flat) or C.opens_article(n.flat)):
            out.add(i)
    return out


def _under_furniture(B, b) -> bool:
    """A heading-shaped line printed right under page furniture (a photo's
    caption or credit, a masthead note): no column of text goes on across a
    picture into a heading, so, unless marked as a section (`一、` `【…】`),
    the line heads the text below it and ends the run above, as a headline
    does: an article printed in reverse below it is read back under it, not
    across it with the text printed above the picture."""
    return b.role == C.HEAD and b.index > 0 and B[b.index - 1].role in _FURNITURE \
        and not _open(b) and block_likeness(b) >= 0.5


def _under_note(B, b) -> bool:
    """Block b is printed right under an editor's note (`C.editors_note`): the
    note introduces an article, so the text under it opens that article."""
    return b.index > 0 and C.editors_note(B[b.index - 1])


def chunk_runs(B, T, starts=frozenset(), glued=frozenset()) -> list[tuple[list[int], list[list[int]]]]:
    """Runs of body text between headers: (the header blocks right above the
    run, [] when none; the run's chunks, lists of block indices in page order).
    `starts`: blocks known to continue some other block (a chunk starts there);
    `glued`: blocks known to go on in the next block (no chunk starts after them)."""
    header = (C.TITLE, C.SUBTITLE, C.BYLINE)
    between = _between_leads(B, T, header) | _over_openings(B, T)
    runs, run, chunk, hdr = [], [], [], []
    prev = None
    for i in T:
        b = B[i]
        if b.role in header or b.md in (1, 2) or _headline_like(b) or i in between \
                or _under_furniture(B, b) and not C.section_marked(b.flat):
            if chunk:
                run.append(chunk)
            if run:
                runs.append((hdr, run))
                hdr = []
            if b.role == C.TITLE and any(B[h].role == C.TITLE for h in hdr):
                # two headlines in a row: the text below opens under the
                # nearer one; the other's body is printed elsewhere
                hdr = []
            if b.role != C.BYLINE:
                hdr = hdr + [i]
            run, chunk, prev = [], [], None
            continue
        if b.role not in (C.BODY, C.HEAD):
            prev = None
            continue
        cut = prev is not None and _open(prev)
        # a complete paragraph, then page furniture (a photo caption, noise):
        # the text after it may be another column, of this article or of the
        # next (the first column of an article printed in reverse ends so)
        apart = prev is not None and i > prev.index + 1 and not cut \
            and any(B[j].role in _FURNITURE for j in range(prev.index + 1, i))
        new = not chunk or ((prev is None or prev.index not in glued)
                            and (cut or apart or _mid_start(b) or C.is_lead(b.flat) or i in starts))
        if new and chunk:
            run.append(chunk)
            chunk = []
        chunk.append(i)
        prev = b
    if chunk:
        run.append(chunk)
    if run:
        runs.append((hdr, run))
    return runs


def reversed_groups(B, runs, lang, sets, idf) -> list[list[list[int]]]:
    """The groups of columns printed in reverse order (each a list of columns,
    lists of block indices, in page order). `lang(left, right, need=False)`:
    score of block `right` continuing block `left` from the text alone (None:
    impossible, or with `need`, no evidence of its own)."""
    top = max(idf.values(), default=0.0) - 1e-9
    # headlines over no text of their own: their bodies are printed elsewhere
    placed = {h for hdr, _ in runs for h in hdr}
    bare = [b.index for b in B if b.role in (C.TITLE, C.SUBTITLE) and b.index not in placed]
    out = []
    for hdr, run in runs:
        if len(run) >= 2 or len(run[0]) >= 2:
            out.extend(_solve(B, hdr, run, lang, sets, idf, top, bare))
    return out


# paragraph openings that refer back to what was said before them (`据了解`
# `此外` `与此同时`): they go on with a story, they do not open one
FOLLOW_UP_RE = re.compile(rf"^(?:{FOLLOW_UP_WORDS}|除此之外|不仅如此|对此|为此)")
# a paragraph that looks ahead (`下一步,` `今后,` `在未来,`): news articles close
# with what is planned next, so a text ends there more often than it goes on
CLOSING_RE = re.compile(r"(?:^|[,，。;；:：])(?:下一步|今后|接下来|未来|在未来|下阶段|下一阶段)[,，]")
# … or whose first clause points at something named before it (`这场大考`,
# `这是…的一个缩影`, `上述`, `该公司`)
POINTS_BACK_RE = re.compile(r"^(?:这|此|该|上述)|^.{0,20}?(?:[这此](?:场|道|些|一|项|次|种|个|条|件|份|批|类|里|样)|上述|"
                            r"该(?:市|区|县|镇|村|局|校|公司))")


def looks_ahead(t: str) -> bool:
    """Is `CLOSING_RE` found in t? Each phrase it names holds 下, 今后 or 未来:
    these are looked for first, as plain substrings (the pattern alone is
    tried at every position of the text, and few texts have any)."""
    return ("下" in t or "今后" in t or "未来" in t) and CLOSING_RE.search(t) is not None


# a paragraph whose first words date it, set off by a comma (`近日,` `日前,`
# `11月15日上午,` `清晨6点多,` `傍晚时分,`, the season or nightfall of a
# scene: `初冬时节,` `立冬过后,` `夜幕降临,`): a news story or a feature's scene
# opens by saying when; later paragraphs go on from what was told before them
# (a time span, `近年来,` `今年以来,` `入冬以来,`, sums up inside an article as often)
DATED_RE = re.compile(r"^(?:近日|日前|近期|\d{1,2}月\d{1,2}日(?:上午|下午|晚上?)?|"
                      r"(?:[\u4e00-\u9fff]{1,3}的)?(?:清晨|早晨|傍晚|夜晚|深夜|凌晨)[\d:：点时半多许]{0,6}|[\u4e00-\u9fff]{2}时分|"
                      r"[初入立深][春夏秋冬](?:时节|以后|过后|之际)|夜幕降临|华灯初上)[,，]")


# a first or second sentence telling where the reporter learned the news
# (`记者日前从市卫健委获悉,` `…记者从市第一人民医院了解到,`): a news story
# names its source so as it opens; later paragraphs go on from it
SOURCED_RE = re.compile(r"^(?:[^。！？]{0,60}。)?[^。！？，,]{0,8}记者[^。，,]{0,8}从[^。，,]{2,20}(?:了解到|获悉|得知)")


def _sourced(t: str) -> bool:
    """Does the text open a news story by naming the reporter's source (`SOURCED_RE`)?"""
    return "记者" in t and SOURCED_RE.match(t) is not None


# a paragraph summing up a time span (`近年来,` `今年以来,`): a feature goes on
# so after its scene opening, often naming its place in full (`近年来,山东省日照市…`)
SPAN_RE = re.compile(r"^(?:近年来|近些年来?|近几年|多年来|今年以来|去年以来|长期以来|一直以来)")


def _solve(B, hdr, run, lang, sets, idf, top, others=()) -> list[list[list[int]]]:
    """Best split of one run into groups read forward or in reverse. A reversed
    group is a range of chunks a..b read b, b-1, ..., a, as columns that
    `reversed_read` finds: its chunks not separated by a cut are joined, and
    each may hold two columns split after a complete paragraph (a two-column
    article printed in reverse has no cut between its columns, only a
    paragraph end). Where such a column ends is settled by the text across
    the cut and by column capacity: the reading whose columns hold about the
    same number of characters (`capacity_misfit`) is preferred over the other
    readings of the same chunks."""
    m = len(run)
    cache: dict = {}
    hs = set()
    for i in hdr:
        hs |= sets[i]
    hs = {g for g in hs if idf.get(g, 0.0) < top}  # found elsewhere on the page
    htot = fsum(idf[g] for g in hs)
    foreign = []   # the words of each other headline (or subtitle) found elsewhere on the page
    for h in others:
        ws = {g for g in sets[h] if idf.get(g, 0.0) < top}
        tot = fsum(idf[g] for g in ws)
        if tot > 0:
            foreign.append((ws, tot))
    cut = {i: _open(B[i]) for c in run for i in c}   # block i ends mid-sentence
    is_cut = cut.__getitem__

    # does the top of each chunk start mid-sentence (`_mid_start`: by its
    # words, a quotation it closes, or a sentence's tiny tail)? (a block inside
    # a chunk does only when glued to the one before it: its words tell)
    mid_top = {c[0]: _mid_start(B[c[0]]) for c in run}

    story_open: dict = {}

    def opens_story(i: int) -> bool:
        """Block i opens a story as `start` reads it: a news lead, the place
        named in full at its start, its time said first (`DATED_RE`), or the
        text under an editor's note (`_under_note`). A
        sentence cut at the foot of a column goes on in words of that
        sentence, never in such an opening, however well the words would
        read across the cut."""
        v = story_open.get(i)
        if v is None:
            t = B[i].flat
            v = story_open[i] = (C.is_lead(t) or C.opens_article(t) or DATED_RE.match(t) is not None
                                 or _sourced(t) or _under_note(B, B[i])) \
                and not (mid_top[i] if i in mid_top else _mid_start(B[i]))
        return v

    def link(L: int, R: int) -> float:
        """Block R read right after block L."""
        v = cache.get((L, R))
        if v is None:
            rb = B[R]
            # (a short line that looks like a heading is cut prose all the same
            # when a block starting mid-sentence goes on from it)
            if is_cut(L) or (B[L].role == C.HEAD and is_open(B[L]) and _cont(rb)):
                if opens_story(R):
                    v = OPEN_TO_LEAD
                else:
                    sc = lang(L, R)
                    v = OPEN_TO_LEAD if sc is None else max(LINK_MIN, min(LINK_MAX, sc))
            else:
                # (a column opening with a sentence's tail, `500余册次。`, goes on
                # from a cut as surely as one opening `的…`)
                mid = mid_top[R] if R in mid_top else _cont(rb)
                v = CLOSED_TO_CONT if mid else MID_LEAD if C.is_lead(rb.flat) else 0.0
            cache[(L, R)] = v
        return v

    def start(i: int) -> float:
        """A group (an article's text) starting with block i: a news lead, a
        first sentence naming the place in full (at its start, or after a
        scene's first words: `初冬的清晨,…湖北省宜昌市…`), saying first when
        (`DATED_RE`) or naming the reporter's source (`SOURCED_RE`), opens an
        article, as does the text under an editor's note; later paragraphs
        name the place short and go on from what was told."""
        b = B[i]
        if _mid_start(b):
            return START_CONT
        if C.is_lead(b.flat) or C.opens_article(b.flat) or C.scene_place(b.flat) or DATED_RE.match(b.flat) \
                or _sourced(b.flat) or _under_note(B, b):
            return START_LEAD
        if FOLLOW_UP_RE.match(b.flat) or POINTS_BACK_RE.match(b.flat):
            return START_FOLLOW_UP
        if looks_ahead(b.flat):
            return START_CLOSING
        return START_PARALLEL if getattr(b, "_parallel", False) else 0.0

    def under(i: int) -> float:
        """Block i starting a group: does it take up the words of the run's headline?"""
        if htot <= 0:
            return 0.0
        got = fsum(map(idf.__getitem__, hs & sets[i]))
        return HEADLINE * min(1.0, 2.0 * got / htot)

    def share(ws: set, tot: float, i: int) -> float:
        """How much of a headline's words (ws, weighing tot) block i takes up."""
        return fsum(map(idf.__getitem__, ws & sets[i])) / tot

    def under_other(i: int) -> float:
        """Block i read first in a reversed group right under the run's
        headline, when the text under it is that headline's article (`owned`):
        does block i take up the words of a headline over no text of its own
        rather than those of its own headline? Then it opens that detached
        body, not the last column of this article printed in reverse."""
        if not owned:
            return 0.0
        own = share(hs, htot, i)
        other = max(share(ws, tot, i) for ws, tot in foreign)
        return -HEADLINE * min(1.0, 2.0 * other) if other > own else 0.0

    s = [c[0] for c in run]
    e = [c[-1] for c in run]
    # the headline's words tell where the article right under it opens: a
    # later group of the run is some other text (a body detached from its
    # headline), and counting them there too would let a paragraph that
    # happens to repeat them split an article's columns into two groups
    start_at = {i: start(i) for i in s}   # (`first_read` asks again of the chunks' tops)
    st = [start_at[i] + (under(i) if k == 0 else 0.0) for k, i in enumerate(s)]
    ahead = {i for c in run for i in c if looks_ahead(B[i].flat)}   # (few runs have any)

    # A story's opening (`opens_story`; news leads start chunks and `link`
    # weighs them; not a paragraph summing up a time span, `SPAN_RE`) with
    # other paragraphs of its group read before it: the article opens there.
    # Every reading of the run holds the same openings: a group read in
    # reverse pays for each it does not read first (`first_read` gives the
    # one it reads first back); a group read as printed, for those in its
    # first chunk when that chunk opens no article itself (a section heading,
    # a sentence's tail at the top of a run, an opening below it after a full
    # stop: an article printed in reverse, its first column printed last).
    openings = set()
    late = [0.0] * (m + 1)   # late[k]: LATE_OPENING for each opening in chunks 0..k-1
    for k, c in enumerate(run):
        x = 0.0
        for i in c:
            if opens_story(i) and not C.is_lead(B[i].flat) and not SPAN_RE.match(B[i].flat):
                openings.add(i)
                x += LATE_OPENING
        late[k + 1] = late[k] + x
        if x and st[k] < START_LEAD:   # (an opening first in the chunk starts it at START_LEAD)
            st[k] += x
    # the text right under the headline (its first chunk, down to any story
    # opening) takes up the headline's words: it is that headline's article,
    # printed in place
    owned = False
    if foreign and htot > 0:
        for i in run[0]:
            if i in openings or C.is_lead(B[i].flat):
                break
            if share(hs, htot, i) >= 0.5:
                owned = True
                break

    def closing(last: int, prev: int | None) -> float:
        """A group whose text ends at block `last`, read right after block
        `prev`: a paragraph looking ahead (its words in `last`, or in `prev`
        when the paragraph begins there, cut) ends its article as usual."""
        if cut[last] or not (last in ahead or (prev in ahead and cut[prev])):
            return 0.0
        return END_CLOSING

    def reversed_end(cc: list[list[int]], ts: tuple[int, ...]) -> float:
        """`closing` of a group read in reverse, chunks cc split at ts: it ends
        with chunk 0 (its part before the split), read after the rest of that
        chunk or after the chunk printed after it."""
        c, t = cc[0], ts[0]
        k = t - 1 if t else len(c) - 1   # the last block read
        if k:
            prev = c[k - 1]
        elif t:
            prev = c[-1]
        elif len(cc) > 1:
            prev = cc[1][ts[1] - 1] if ts[1] else cc[1][-1]
        else:
            prev = None
        return closing(c[k], prev)

    en = [END_OPEN if is_cut(i) else 0.0 for i in e]
    if hdr and en[-1]:
        # the last column of a run under a headline ends mid-sentence, right
        # above the next headline (or the page end): read forward, the article
        # would stop there; its sentence goes on in a column printed before it
        en[-1] += RUN_END_OPEN
    if ahead:
        for k, c in enumerate(run):
            en[k] += closing(c[-1], c[-2] if len(c) > 1 else e[k - 1] if k else None)
    # forward links summed in page order: fw[k] = sum of link(e[j-1], s[j]) for 0 < j <= k
    fw = [0.0] * m
    for j in range(1, m):
        fw[j] = fw[j - 1] + link(e[j - 1], s[j]) + (FORWARD if is_cut(e[j - 1]) else 0.0)
    nchar = {i: len(B[i].flat) for c in run for i in c}

    opening = {}   # block → (start(i), under(i)), asked for again by every group

    def first_read(c: list[int], top: bool) -> float:
        """Column c read first in its group: the article starts there (a
        heading-like line alone, a section heading or a column label, is no
        article's first column). `top`: the group starts the run, right under
        its headline, the only group whose opening the headline's words tell."""
        i = c[0]
        o = opening.get(i)
        if o is None:
            o = opening[i] = (start_at[i] if i in start_at else start(i), under(i) + under_other(i))
        v = o[0] + o[1] if top else o[0]
        if lone_head(c):
            v += START_HEAD
        if i in openings:
            v -= LATE_OPENING   # (read first: the group pays for its other openings alone)
        return v

    def heading_line(i: int) -> bool:
        """Block i is a heading-like line (a section heading, a column label)."""
        return B[i].role == C.HEAD and not cut[i] and block_likeness(B[i]) >= 0.5

    def lone_head(c: list[int]) -> bool:
        """Column c is a heading-like line alone."""
        return len(c) == 1 and heading_line(c[0])

    def heading_end(cc: list[list[int]], ts: tuple[int, ...]) -> float:
        """A group read in reverse, chunks cc split at ts, whose first chunk is
        split right after a heading-like line, which the group then reads
        last: a heading opens the text under it, it ends no article, so that
        split is no column end. (A chunk read whole may end with one: the
        text under it may be printed before the group, read as printed.)"""
        t = ts[0]
        return END_HEAD if t and heading_line(cc[0][t - 1]) else 0.0

    after_cache: dict = {}   # the same (L, chunk, split) comes up in many groups

    def after(L: int, c: list[int], t: int) -> float:
        """Chunk c split at t (0: not split) read right after block L: its
        column c[t:] first, then c[:t]."""
        if not t:
            return link(L, c[0])
        key = (L, c[0], c[-1], t)   # (a chunk is a range of the run's blocks)
        v = after_cache.get(key)
        if v is None:
            v = link(L, c[t])
            if v < SPLIT_MIN:
                v -= WEAK_SPLIT  # no text evidence of its own: the lengths of the columns tell
            if not cut[L]:
                v -= CLEAN_SPLIT  # nor a cut before it
            v = after_cache[key] = v + link(c[-1], c[0])
        return v

    piece_cache: dict = {}

    def pieces(c: list[int], t: int) -> tuple[int, ...]:
        """Characters of chunk c split at t, its columns in reading order."""
        key = (c[0], c[-1], t)   # (a chunk is a range of the run's blocks)
        v = piece_cache.get(key)
        if v is None:
            v = piece_cache[key] = (sum(map(nchar.__getitem__, c)),) if not t else \
                (sum(map(nchar.__getitem__, c[t:])), sum(map(nchar.__getitem__, c[:t])))
        return v

    def chain_read(cc: list[list[int]], opts: list[list[int]], end: float, top: bool) -> tuple[float, tuple[int, ...]]:
        """`reversed_read` of a longer group, chunk by chunk: the capacity is
        the median of the chunks between the first and the last, and the
        columns of each chunk are weighed against its other splits."""
        n = len(cc)
        size = [pieces(c, 0)[0] for c in cc]
        cap = (_median(size[1:-1]) if n >= 3 else max(size)) or 1.0

        def rel(j: int, role: str) -> list[float]:
            """Capacity penalty of each split of chunk j, above the least."""
            c, w = cc[j], size[j]
            ps = []
            for t in opts[j]:
                if not t:
                    ps.append(_dev(w, cap) if role == "mid" else _over(w, cap))
                else:
                    q, p = pieces(c, t)
                    ps.append((_over(q, cap) if role == "first" else _dev(q, cap))
                              + (_over(p, cap) if role == "last" else _dev(p, cap)))
            low = min(ps)
            return [CAP_W * (x - low) for x in ps]

        j = n - 1
        r = rel(j, "first")
        cur = []   # for each split of chunk j: (score with capacity, text alone, splits of chunks j..n-1)
        for k, t in enumerate(opts[j]):
            c = cc[j]
            v = first_read(c[t:], top) + ((link(c[-1], c[0]) - WEAK_SPLIT) if t else 0.0)
            cur.append((v - r[k], v, (t,)))
        for j in range(n - 2, -1, -1):
            r = rel(j, "last" if j == 0 else "mid")
            c, nc = cc[j], cc[j + 1]
            # the block read right before chunk j, for each split of chunk j + 1
            before = [nc[pts[0] - 1] if pts[0] else nc[-1] for _, _, pts in cur]
            c0, cl = c[0], c[-1]
            nxt = []
            for k, t in enumerate(opts[j]):
                got = gx = gts = None
                for (pv, px, pts), L in zip(cur, before):
                    # (`after`, its caches read here first: this loop is the hot one)
                    d = after_cache.get((L, c0, cl, t)) if t else cache.get((L, c0))
                    if d is None:
                        d = after(L, c, t)
                    if got is None or pv + d > got:
                        got, gx, gts = pv + d, px + d, pts
                nxt.append((got - r[k], gx, (t,) + gts))
            cur = nxt
        ends = [(0.0 if ts[0] else end) + heading_end(cc, ts) + (reversed_end(cc, ts) if ahead else 0.0)
                for _, _, ts in cur]
        _, x, ts = max(((v + d, x + d, ts) for (v, x, ts), d in zip(cur, ends)), key=lambda r: r[0])
        return x, ts

    # chunk k opens text of its own (mid-sentence or a news lead): no cut before it
    # is needed for it to start a column
    opens = [mid_top[c[0]] or C.is_lead(B[c[0]].flat) for c in run]
    split_cache: dict = {}

    def splits(c: list[int]) -> list[int]:
        """Where chunk c may be split in two columns: after a complete paragraph."""
        key = (c[0], c[-1])
        v = split_cache.get(key)
        if v is None:
            v = split_cache[key] = [t for t in range(1, len(c)) if not cut[c[t - 1]]]
        return v

    def joined(a: int, b: int, head: list[int] | None = None) -> list[list[int]]:
        """Chunks a..b-1 joined where no cut separates them (`reversed_read`);
        `head`, when given, stands for chunk a."""
        cc: list[list[int]] = []
        for k in range(a, b):
            c = head if k == a and head is not None else run[k]
            if cc and not cut[cc[-1][-1]] and not opens[k]:
                cc[-1] = cc[-1] + c
            else:
                cc.append(c)
        return cc

    best_after: dict = {}   # chunk c after chunk nc, at best: the same in every group holding both
    best_first: dict = {}   # the best first column of a stretch: the same in every group ending with it

    def upper(a: int, b: int) -> float:
        """At least the score of `reversed_read(a, b)`, from the same cached
        links: its best first column, and each other column at its best after
        any column the chunk read before it may end with, and the best end
        (`closing`); the first column's split penalty and an end mid-sentence
        only lower the score, and capacity only chooses among readings, so
        they are left out. Most groups cannot beat the best reading of the
        run found so far: they are not read."""
        cc = joined(a, b)
        n = len(cc)
        opts = [([0] if n > 1 else []) + splits(c) for c in cc]
        if not all(opts):
            return float("-inf")
        last = cc[-1]
        key = (last[0], last[-1], a == 0, n > 1)
        v = best_first.get(key)
        if v is None:
            v = best_first[key] = max(first_read(last[t:], a == 0) + (link(last[-1], last[0]) if t else 0.0)
                                      for t in opts[-1])
        for c, nc, ts, nts in zip(cc, cc[1:], opts, opts[1:]):
            key = (c[0], c[-1], nc[0], nc[-1])
            got = best_after.get(key)
            if got is None:
                got = best_after[key] = max(after(nc[u - 1] if u else nc[-1], c, t) for u in nts for t in ts)
            v += got
        if ahead and any(i in ahead for c in cc[:2] for i in c):
            v += END_CLOSING   # (the block read last is in chunk 0, the one before it in chunk 0 or 1)
        return v + START_HEAD * sum(map(lone_head, cc[:-1])) + late[b] - late[a]

    def reversed_read(a: int, b: int, head: list[int] | None = None) -> tuple[float, list[list[int]]]:
        """The best reading of chunks a..b-1 as one group read in reverse:
        (its score from the text, without the group costs; its columns in
        page order). Only a cut must end a column; a column may also end
        where a paragraph does (the last column of an article, printed first,
        ends with the article; any column may end with a paragraph), so the
        chunks are joined where no cut separates them and each may be split
        once after a complete paragraph (a single one must be). Of the
        readings of these chunks, capacity prefers the one whose columns hold
        about the same number of characters, but it only chooses among them:
        the text alone weighs the group against other readings of the run.
        `head`: the part of chunk a the group holds, when the text read as
        printed before it opens that chunk (`trim`)."""
        cc = joined(a, b, head)
        n = len(cc)
        opts = [([0] if n > 1 else []) + splits(c) for c in cc]
        if not all(opts):
            return float("-inf"), []
        # read after the first column, a heading-like line alone is no column of
        # the article: a full column holds text, and an article does not end
        # with a heading; it is the headline of the next article
        alone = START_HEAD * sum(map(lone_head, cc[:-1]))
        # read last, the first chunk ends the article: mid-sentence, it stops
        # there, as a forward reading would at the end of a run under a headline
        end = (END_OPEN + (RUN_END_OPEN if b == m and hdr else 0.0)) if is_cut(cc[0][-1]) else 0.0
        top = a == 0 and head is None   # right under the headline
        k = 1
        for o in opts:
            k *= len(o)
        if n > 2 or k > MAX_READS:
            v, ts = chain_read(cc, opts, end, top)
        else:
            reads = []   # the few readings of one or two chunks, each weighed as a whole
            for ts in _product(opts):
                c = cc[-1]
                v = first_read(c[ts[-1]:], top)
                if ts[-1]:
                    v += link(c[-1], c[0]) - (WEAK_SPLIT if n > 1 else 0.0)
                if n == 2:
                    v += after(c[ts[1] - 1] if ts[1] else c[-1], cc[0], ts[0])
                v += (0.0 if ts[0] else end) + heading_end(cc, ts) + (reversed_end(cc, ts) if ahead else 0.0)
                cols = [x for j in range(n - 1, -1, -1) for x in pieces(cc[j], ts[j])]
                reads.append((v, ts, capacity_misfit(cols[0], cols[1:-1], cols[-1]) if len(cols) > 2 else 0.0))
            low = min(r[2] for r in reads)
            v, ts, _ = max(reads, key=lambda r: r[0] - CAP_W * (r[2] - low))
        cols = []
        for c, t in zip(cc, ts):
            cols.extend([c[:t], c[t:]] if t else [c])
        if head is None:
            late_here = late[b] - late[a]
        else:   # (the part of chunk a before `head` is read as printed)
            late_here = late[b] - late[a + 1] + LATE_OPENING * len(openings.intersection(head))
        return v + alone + late_here, cols

    def fwd(a: int, b: int) -> tuple:
        """Chunks a..b-1 as one group read as printed."""
        return (a, b, [], fw[b - 1] - fw[a] + st[a] + en[b - 1] - GROUP_COST)

    def rev(a: int, b: int) -> tuple:
        v, cols = reversed_read(a, b)
        return (a, b, cols, v - GROUP_COST - REVERSE_COST)

    def widen(segs: list[tuple]) -> list[tuple]:
        """A long article printed in reverse may have more columns than a
        group holds (`MAX_GROUP`): the programme then reads it as a reversed
        group beside other groups, cut at that limit. So, after it, a
        reversed group takes in the chunks of the groups read as printed
        beside it (up to any one of them, or all of them and the reversed
        group beyond: a long article may read in reverse at both ends while
        nothing in its middle says so), or a whole reversed neighbour,
        while the same scores say the whole reads better so, step by step;
        but only across a cut, as an article does not stop mid-sentence, or
        when the two make up the whole run under a headline (`whole`).
        Only readings longer than a group are weighed here: the programme
        weighed the others already."""
        def whole(a: int, nxt: tuple) -> bool:
            """A reversed group from chunk a, the top of a run under a
            headline, and `nxt`, a reversed group ending the run: the whole run
            then reads in reverse, one article printed so (its columns may end
            with paragraphs, where the text alone tells nothing), rather than
            two articles each printed in reverse, the second without a
            headline."""
            return bool(hdr) and a == 0 and nxt[1] == m and bool(nxt[2])

        k = 0
        while k < len(segs):
            a, b, cols, v = segs[k]
            if not cols:
                k += 1
                continue
            done, gain = None, 0.0
            if k + 1 < len(segs) and (is_cut(e[b]) or whole(a, segs[k + 1])):
                if segs[k + 1][2]:   # a reversed neighbour: the two as one
                    tries = [(k + 1, segs[k + 1][1], segs[k + 1][1])]
                else:   # up to some chunk of the groups read as printed after it
                    tries = []
                    for j in range(k + 1, len(segs)):
                        if segs[j][2]:   # … or through them and the reversed group after them
                            tries.append((j, segs[j][1], segs[j][1]))
                            break
                        tries.extend((j, c, segs[j][1]) for c in range(segs[j][0] + 1, segs[j][1] + 1))
                for j, c, z in tries:
                    if c - a <= MAX_GROUP or c - a > MAX_WIDE:
                        continue   # (the programme weighed that reading already)
                    new = [rev(a, c)] + ([fwd(c, z)] if c < z else [])
                    g = sum(x[3] for x in new) - sum(x[3] for x in segs[k:j + 1])
                    if g > gain:
                        done, gain = (k, j + 1, new), g
            if k > 0 and (is_cut(e[a]) or segs[k - 1][2] and whole(segs[k - 1][0], segs[k])):
                if segs[k - 1][2]:
                    tries = [(k - 1, segs[k - 1][0], segs[k - 1][0])]
                else:
                    tries = []
                    for j in range(k - 1, -1, -1):
                        if segs[j][2]:
                            tries.append((j, segs[j][0], segs[j][0]))
                            break
                        tries.extend((j, c, segs[j][0]) for c in range(segs[j][0], segs[j][1]))
                for j, c, z in tries:
                    if b - c <= MAX_GROUP or b - c > MAX_WIDE:
                        continue
                    new = ([fwd(z, c)] if z < c else []) + [rev(c, b)]
                    g = sum(x[3] for x in new) - sum(x[3] for x in segs[j:k + 1])
                    if g > gain:
                        done, gain = (j, k + 1, new), g
            if done is None:
                k += 1
                continue
            lo, hi, new = done
            segs[lo:hi] = new
            k = lo
        return segs

    def misfit(rcols: list[list[int]]) -> float:
        """How far a reversed reading's columns (`rcols`, in reading order) are
        from the page's column capacity (`capacity_misfit`), weighted: among
        readings that gain, the one whose columns fill alike wins."""
        size = [sum(map(nchar.__getitem__, x)) for x in rcols[::-1]]
        return CAP_W * capacity_misfit(size[0], size[1:-1], size[-1])

    def trim(segs: list[tuple]) -> list[tuple]:
        """The column an article printed in reverse ends with is printed
        first, and may share its chunk with the text printed above it
        (another article's end, after a complete paragraph: no chunk starts
        there). So a reversed group may leave the paragraphs opening its
        first chunk to the text before it, read as printed, or take the
        paragraphs closing the chunk before it as its last column, when the
        same scores say so (the text read as printed then goes on across
        the cut it ends with, or the article ends at a full stop, rather
        than stopping mid-sentence); where several such readings gain, the
        one whose columns hold about the same number of characters wins, and
        where they gain as much, the one taking the fewest paragraphs: with
        nothing said either way, text stays where it is printed."""
        for k, (a, b, cols, v) in enumerate(segs):
            if not cols:
                continue
            after_fwd = k > 0 and not segs[k - 1][2]
            best_gain, best_new = 0.0, None
            # (the readings come taking less and less text: the last of equals wins)
            for f in (a - 1, a) if after_fwd else (a,):
                c = run[f]
                for t in splits(c):
                    rv, rcols = reversed_read(f, b, c[t:])
                    if not rcols:
                        continue
                    # c[:t] read as printed: the end of the group before (at a
                    # full stop), or after it, or on its own
                    if f < a:
                        aside = -en[f]
                    elif after_fwd:
                        aside = link(e[a - 1], s[a]) + (FORWARD if is_cut(e[a - 1]) else 0.0) - en[a - 1]
                    else:
                        aside = st[a] - GROUP_COST
                    rv -= GROUP_COST + REVERSE_COST
                    if rv + aside - v <= 0.0:
                        continue
                    # (the text often says as much for each place: `lang` has
                    # no evidence across a cut at a sentence start)
                    gain = rv + aside - v - misfit(rcols)
                    if best_new is None or gain >= best_gain:
                        best_gain, best_new = gain, (f, b, rcols, rv)
            if best_new is not None:
                segs[k] = best_new
        return segs

    def tail(segs: list[tuple]) -> list[tuple]:
        """A run whose last group, read as printed, ends mid-sentence right
        above the next headline (or the page's end): the sentence goes on in
        a column printed before it, as in a body printed in reverse after
        the end of another article, both in one chunk when its last column,
        printed first, starts with a sentence of its own. So the group may
        leave the paragraphs closing its last chunk to a group read in
        reverse (its first column, read first, after a complete paragraph),
        when the same scores say so, the column it reads first opens a story
        (`start`), as the first column of an article does, printed last, and
        the cut sentence goes on in the column read next (`link`); as in
        `trim`, the columns' capacity chooses among readings that gain.
        (Without such an opening or such words across the cut, the run's
        text more likely lost its continuation.)"""
        a, b, cols, v = segs[-1]
        if cols or b != m or not hdr or not is_cut(e[b - 1]):
            return segs
        best_gain, best_new = 0.0, None
        f = b - 1
        c = run[f]
        # c[:t] ends the group read as printed, at a full stop; a story
        # opening it holds below other paragraphs of the group is left late
        # (`LATE_OPENING`): the article printed in reverse opens there
        kept = fw[f] - fw[a] + st[a] - GROUP_COST + late[f] - late[a] - (LATE_OPENING if s[a] in openings else 0.0)
        for t in splits(c):
            rv, rcols = reversed_read(f, b, c[t:])
            if not rcols or start(rcols[-1][0]) < START_LEAD or link(e[b - 1], rcols[-2][0]) <= 0.0:
                continue
            fv = kept + LATE_OPENING * len(openings.intersection(c[1 if f == a else 0:t]))
            rv -= GROUP_COST + REVERSE_COST
            if fv + rv - v <= 0.0:
                continue
            gain = fv + rv - v - misfit(rcols)
            if best_new is None or gain >= best_gain:
                best_gain, best_new = gain, [(a, f + 1, [], fv), (f, b, rcols, rv)]
        return segs if best_new is None else segs[:-1] + best_new

    forward = [0.0] + [float("-inf")] * m   # the best reading without reversed groups
    best = [0.0] + [float("-inf")] * m   # best[k]: chunks 0..k-1 placed
    how: list[tuple[int, list, float]] = [(0, [], 0.0)] * (m + 1)   # (a, [] forward | the columns of chunks a..b-1 read in reverse, its score)
    for b in range(1, m + 1):
        fwb = fw[b - 1] + en[b - 1] - GROUP_COST
        fb, bb, hb = forward[b], best[b], how[b]
        for a in range(max(0, b - MAX_GROUP), b):
            v = fwb - fw[a] + st[a]
            if forward[a] + v > fb:
                fb = forward[a] + v
            if best[a] + v > bb:
                bb, hb = best[a] + v, (a, [], v)
            # reversed: read b-1, b-2, ..., a. Read last, chunk a ends the
            # article when no group follows in the run: ending mid-sentence
            # there, it stops as a forward reading would at the run's end
            if best[a] + upper(a, b) - (GROUP_COST + REVERSE_COST) + SLACK <= bb:
                continue
            v, cols = reversed_read(a, b)
            v -= GROUP_COST + REVERSE_COST
            if best[a] + v > bb:
                bb, hb = best[a] + v, (a, cols, v)
        forward[b], best[b], how[b] = fb, bb, hb
    segs = []   # (a, b, columns or [], score)
    b = m
    while b > 0:
        a, cols, v = how[b]
        segs.append((a, b, cols, v))
        b = a
    if best[m] <= forward[m]:
        # no reversed reading is better than reading the page as printed
        if any(x[2] for x in segs):
            return []
        segs = tail(segs[::-1])
    else:
        segs = tail(trim(widen(segs[::-1])))
    return [cols for _, _, cols, _ in segs if cols]


def _product(opts: list[list[int]]):
    """Every choice of one item from each list."""
    out = [()]
    for o in opts:
        out = [x + (t,) for x in out for t in o]
    return out
