"""The pipeline: blocks → roles → joins → chains → items."""
from __future__ import annotations

import bisect
import functools
import re
from itertools import repeat
from math import fsum

from ..model import Item, Join, Paragraph, Reconstruction, ReconstructionWarning
from ..slugs import assign_slugs
from . import classify as C
from .blocks import Block, parse_blocks
from .columns import chunk_runs, reversed_groups
from .joins import (THRESHOLD, WINDOW, Cand, ColumnFit, DistantIndex, Near, assign, block_likeness, distant_filter,
                    head_features, is_open, opening_key, score_pair, soft_end)
from .lexicon import CAPTION_TAIL_RE, HEADING_MARK_RE, is_cjk, NO_START, OPEN_END_CHARS, OPENER_RE, head_window, lexicon

_SPACES = re.compile(r"[ \t\u3000]+")
MATCH_MIN = 0.35   # share of a bodiless headline's words found in a headless body
OUT_OF_PLACE = 2.0  # how much better a chain must name another headline than the one above it


class _Page:
    def __init__(self, text: str):
        self.blocks: list[Block] = parse_blocks(text)
        self.warnings: list[ReconstructionWarning] = []

    def warn(self, code: str, i: int | None, msg: str) -> None:
        line = self.blocks[i].line if i is not None and 0 <= i < len(self.blocks) else None
        self.warnings.append(ReconstructionWarning(code, i, msg, line))


def reconstruct_page(text: str) -> Reconstruction:
    pg = _Page(text)
    B = pg.blocks
    if not B:
        return Reconstruction(items=[])
    for b in B:
        b.role = C.shape(b)
    _credits(B)
    _duplicates(pg)   # first: a repeated line is no headline, whatever it looks like
    _early_headers(B)
    for i in C.parallel_starts(B):
        B[i]._parallel = True
    for i in C.lines_inside_marked_sections(B):
        B[i]._likeness = 0.0  # a plain line inside a feature with marked sections: cut prose
    for i in C.opening_lines(B):
        B[i]._likeness = 0.0  # (see `joins.block_likeness`): read as cut prose
    sets, idf = C.idf_weights(B)
    T = [b.index for b in B if b.role in C.TEXT_ROLES]
    pos = {i: k for k, i in enumerate(T)}
    joins, rev = _find_joins(B, T, pos, sets, idf)
    joined_l = {c.left: c for c in joins}
    joined_r = {c.right: c for c in joins}
    for c in joins:
        for i in (c.left, c.right):
            if B[i].role == C.HEAD:
                B[i].role = C.BODY
    far = [c for c in joins if pos[c.right] != pos[c.left] + 1]
    _resolve_heads(B, T, pos, sets, idf, {c.right for c in far}, {c.left for c in far})
    items = _assemble(pg, T, pos, joins, sets, idf, rev)
    # warnings about fragments
    lex = lexicon()
    for i in T:
        b = B[i]
        if b.role != C.BODY:
            continue
        if is_open(b) and i not in joined_l:
            pg.warn("truncated-fragment", i, f"block {i} ends mid-sentence (…{b.flat[-12:]}) and no continuation was found")
        if i not in joined_r:
            t = b.flat
            hw = head_window(t, 4)
            orphan = t[0] in NO_START
            if not orphan and hw and len(hw) >= 2:
                orphan = lex.spans(hw)[0][1] == 1 and lex.cont_prior(t[0]) > 0.8 and lex.word_freq(t[0]) < 2000
            if orphan:
                pg.warn("orphan-fragment", i, f"block {i} seems to have lost its beginning ({t[:12]}…)")
    for c in joins:
        if "word" not in c.reason and "repeat" not in c.reason and "nostart" not in c.reason:
            L, R = B[c.left].flat, B[c.right].flat[c.overlap:]
            if L and R and L[-1] not in OPEN_END_CHARS and (lex.open_prior(L[-1]) > 0.6 or lex.cont_prior(R[0]) > 0.6):
                pg.warn("lost-char?", c.right, f"a character may be lost between …{L[-6:]} | {R[:6]}…")
    pg.warnings.sort(key=lambda w: (w.block if w.block is not None else -1, w.code))
    assign_slugs(items)
    jl = [Join(c.left, c.right, round(max(0.0, min(1.0, 1 - 1 / (1 + 2.718281828 ** (c.score - 2)))), 3), c.reason)
          for c in joins]
    return Reconstruction(items=items, warnings=pg.warnings, joins=jl)


def _credits(B: list[Block]) -> None:
    for b in B:
        if b.role == C.CREDIT and b.index > 0:
            p = B[b.index - 1]
            if p.role == C.BODY and ("图为" in p.flat or len(p.flat) <= 300):
                p.role = C.CAPTION


def _early_headers(B: list[Block]) -> None:
    """Headlines that are certain before any join: Markdown #/##, a line followed by
    a subtitle, a byline, a news lead or an editor's note, the first line of the
    page; then bylines."""
    T = [b for b in B if b.role in C.TEXT_ROLES]
    for k, b in enumerate(T):
        n = T[k + 1] if k + 1 < len(T) else None
        p = T[k - 1] if k > 0 else None
        if b.role == C.HEAD and p is not None and p.role in (C.TITLE, C.SUBTITLE) and not b.md \
                and C.byline_shape(b.flat):
            b.role = C.BYLINE
            continue
        # (a question over its subtitle, byline or news lead heads an article; over
        # a lead alone, not after a text cut open, whose last words it is:
        # `…绘就新时代文明|风尚华章!`)
        if b.role == C.BODY and C.asks(b.flat) and not b.md and n is not None \
                and (n.role == C.SUBTITLE or (C.byline_shape(n.flat) and not n.md and n.role == C.HEAD)
                     or ((C.is_lead(n.flat) or _opens_story(n)) and (p is None or not is_open(p)))):
            b.role = C.TITLE
            continue
        if b.role == C.HEAD:
            # (above a news lead, a line that reads as cut prose, `据介绍,下一`, is
            # the end of a column printed before the lead, as in an article
            # printed in reverse: the joins tell)
            follows = n is not None and (n.role == C.SUBTITLE
                                         or ((C.is_lead(n.flat) or C.editors_note(n)) and block_likeness(b) > 0.0)
                                         or (C.byline_shape(n.flat) and not n.md and n.role == C.HEAD))
            # (right under a byline, where an article's text begins, a line with a
            # headline's shape and a title's words is the next article's headline:
            # the one above printed without its body; a line marked as a section,
            # `【…】` `◎…`, heads no article: it opens the text of the reversed one)
            after_byline = p is not None and p.role == C.BYLINE and block_likeness(b) >= 0.9 \
                and C.title_evidence(b.flat) >= 1.0 and not C.section_marked(b.flat)
            signed = n is not None and k + 2 < len(T) and _signature_line(b, n, T[k + 2])
            if b.md in (1, 2) or follows or after_byline or signed or p is None or (not b.md and "\n" in b.text):
                b.role = C.TITLE  # (two lines: a kicker over a headline, see `kicker_shape`)
            if signed:
                n.role = C.BYLINE
        if b.role in (C.HEAD, C.BODY) and not b.md and p is not None and p.role in (C.TITLE, C.SUBTITLE, C.BYLINE) \
                and C.byline_shape(b.flat):
            b.role = C.BYLINE




_SIGNATURE = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _signature_line(b: Block, n: Block, after: Block) -> bool:
    """Is line n, under the headline-shaped line b, a signature: a bare name
    (or a pen name, `环宣`) of two to four characters over a paragraph opening
    a story (`C.opens_article`) that is not a news lead (a lead signs itself,
    `本报讯(记者 …)`)? A headline of a name's length never heads a story.
    Neither line may read as cut prose (`为全面推` ends a column) and b is no
    marked section heading (`◎ 重实践——…`)."""
    return n.role == C.HEAD and not n.md and _SIGNATURE.fullmatch(n.flat) is not None \
        and block_likeness(n) >= 0.9 and block_likeness(b) > 0.0 and not HEADING_MARK_RE.match(b.flat) \
        and after.role == C.BODY and C.opens_article(after.flat) and not C.is_lead(after.flat)


def _text_before(B: list[Block], i: int) -> int | None:
    """The text block printed last before block i (captions, credits and page
    furniture skipped)."""
    j = i - 1
    while j >= 0 and B[j].role in (C.CAPTION, C.CREDIT, C.NOISE, C.EMPTY):
        j -= 1
    return j if j >= 0 else None


def _duplicates(pg: _Page) -> None:
    """A block that only repeats the tail of a nearby block (a cut repeated)."""
    B = pg.blocks
    by_tail: dict[str, list[int]] = {}
    for b in B:
        if b.role in (C.BODY, C.HEAD) and len(b.flat) >= 3:
            by_tail.setdefault(b.flat[-3:], []).append(b.index)
    for b in B:
        t = b.flat
        if b.role not in (C.BODY, C.HEAD) or len(t) < 4 or len(t) > 200:
            continue
        near = by_tail.get(t[-3:], [])
        lo, hi = bisect.bisect_left(near, b.index - WINDOW), bisect.bisect_right(near, b.index + WINDOW)
        for j in near[lo:hi]:  # sorted block indices: only those within the window (linear on big pages)
            # the repeated column tail is printed right after its column (a caption or
            # a line of furniture may come between); a block ending so further back
            # is a paragraph that happens to end on the same words (`…影响力。`)
            if j == _text_before(B, b.index) and len(B[j].flat) > len(t) and B[j].flat.endswith(t) \
                    and B[j].role != C.DUP:
                b.role = C.DUP
                pg.warn("duplicate-overlap", b.index,
                        f"block {b.index} repeats the end of block {j} and was dropped: {t}")
                break


def _expected(rev) -> dict[int, int | None]:
    """Where the text of a chunk's last block is expected to go on, in the
    groups read in reverse: the first block of the chunk printed before it
    (the group's first printed chunk ends the article)."""
    out: dict[int, int | None] = {}
    for g in rev:
        out[g[0][-1]] = None
        for j in range(1, len(g)):
            out[g[j][-1]] = g[j - 1][0]
    return out


_EVIDENCE = ("word:", "nostart", "short-clause", "recurs", "repeat")
NO_EVIDENCE = -2.0  # a pair read on the text alone with nothing speaking for it
# … and less still when the right block opens a sentence of its own (a quoted
# sentence, an opening adverbial, a time, place or source set off by a comma):
# of two column tops, a cut sentence goes on in the one that does not
NEW_SENTENCE = -1.5
FAR_REPEAT = 3  # a repeat this long across a cut read in reverse (`score_pair` asks 5 of distant pairs)
GLUE = 7.0   # an adjacent join this sure is never a column boundary read in reverse
ORPHAN_START = 2.5  # a join to a block that starts a column continuing some other fragment
ORPHAN_WEAK = 2.0   # … when nothing else speaks for it
UNJOINED = THRESHOLD - ORPHAN_START - ORPHAN_WEAK  # a candidate scoring below this is never joined


def _find_joins(B, T, pos, sets, idf) -> tuple[list[Cand], list]:
    """The joins, and the groups of columns printed in reverse (`columns`)."""
    expect: dict[int, int | None] = {}

    def prev_text(i):
        k = pos[i]
        return B[T[k - 1]] if k > 0 else None

    def next_text(i):
        k = pos[i]
        return B[T[k + 1]] if k + 1 < len(T) else None

    def succ(i):
        """The block expected to follow i (page order, or reversed columns)."""
        if i in expect:
            return None if expect[i] is None else B[expect[i]]
        return next_text(i)

    cand_r = []
    for i in T:
        b = B[i]
        if b.role not in (C.BODY, C.HEAD) or b.md or C.is_lead(b.flat):
            continue
        p = prev_text(i)
        col_start = p is None or p.role not in (C.BODY, C.HEAD) or not is_open(p)
        b._under_header = p is not None and p.role in (C.TITLE, C.SUBTITLE, C.BYLINE, C.CALLOUT)
        cand_r.append((i, col_start))
    cands: list[Cand] = []
    grams = _Grams(B)
    r_idx = [i for i, _ in cand_r]
    col = dict(cand_r)
    # (an editor's note or a sidebar, `编者按:…`, cut at a column end goes on as any text does)
    lefts = [B[i] for i in T
             if B[i].role in (C.BODY, C.HEAD, C.CALLOUT) and not B[i].md and (is_open(B[i]) or soft_end(B[i]))]

    @functools.cache
    def lctx(i):
        """Bigrams of left block i and, when it is body text, the block before it
        (once per block, not once per pair)."""
        pl = prev_text(i)
        return sets[i] | (sets[pl.index] if pl is not None and pl.role == C.BODY else set())

    @functools.cache
    def rctx(i):
        """The same for right block i and the block after it."""
        nr = next_text(i)
        return sets[i] | (sets[nr.index] if nr is not None and nr.role == C.BODY else set())

    rcs = {ri: functools.partial(rctx, ri) for ri in r_idx}

    fit = ColumnFit(B, T)
    rights = DistantIndex([B[i] for i in r_idx])

    @functools.cache
    def opening(i):
        """The block opening the paragraph that block i goes on (the blocks
        printed before it open, in page order)."""
        k = pos[i]
        while k > 0 and B[T[k - 1]].role in (C.BODY, C.HEAD) and is_open(B[T[k - 1]]):
            k -= 1
        return T[k]

    def pairs(L, rs, need):
        nb = succ(L.index)
        nbi = nb.index if nb is not None else None
        pn = next_text(L.index)
        # (only a heading-like line asks: see `score_pair`)
        column_end = L.role == C.HEAD and nb is not None and pn is not None and pn.index == nbi \
            and fit.ends_column(L.index)
        lc = functools.partial(lctx, L.index)
        ctx = grams.near(L.index)
        op_i = opening(L.index)
        op = opening_key(B[op_i].flat)
        # (`distant_filter`: most distant pairs fail it, score_pair skipped)
        may = rights.passing(L, ctx, rs) if need else None
        for ri in rs:
            if ri == L.index or (need and ri != nbi and ri not in may):
                continue
            c = score_pair(L, B[ri], adjacent=ri == nbi, col_start=col[ri], ctx=ctx, sets=sets, idf=idf,
                           left_ctx=lc, right_ctx=rcs[ri], need_evidence=need,
                           column_end=column_end and ri == nbi,
                           opening=op if op_i != ri else "", floor=UNJOINED)
            if c is not None:
                yield c

    for L in lefts:
        lo = bisect.bisect_left(r_idx, L.index - WINDOW)
        hi = bisect.bisect_right(r_idx, L.index + WINDOW)
        cands.extend(pairs(L, r_idx[lo:hi], True))
    # column chunks and their reading direction: a chunk also starts where a
    # distant block's text clearly goes on, and a cut whose two sides clearly
    # belong together (a word spanning it …) stays inside its chunk
    starts, glued = set(), set()
    best_l: dict[int, float] = {}
    best_r: dict[int, float] = {}
    for c in cands:
        if c.score > best_l.get(c.left, -1e9):
            best_l[c.left] = c.score
        if c.score > best_r.get(c.right, -1e9):
            best_r[c.right] = c.score
    for c in cands:
        if c.score < 2.0 or not any(r in c.reason for r in _EVIDENCE):
            continue
        n = next_text(c.left)
        if n is None or n.index != c.right:
            starts.add(c.right)
        elif c.score >= GLUE and c.score >= best_l[c.left] and c.score >= best_r[c.right]:
            glued.add(c.left)

    filters: dict = {}

    def lang(L: int, R: int, need: bool = False):
        """R read after L, on the text alone (`need`: None unless the pair has
        evidence of its own, as for a distant candidate). A pair the quick
        test of `distant_filter` finds without evidence scores `NO_EVIDENCE`
        (`NEW_SENTENCE` less when R opens a sentence of its own).
        (A recurring phrase alone counts as in `score_pair` for text opening
        under a headline: `…解决农贸市场|改造升级农贸市场、…` is no reason to read
        an article's first paragraph after its last column.)"""
        may = filters.get(L)
        if may is None:
            may = filters[L] = distant_filter(B[L], grams.near(L))
        if not may(B[R]):
            if need:
                return None
            head = head_features(B[R].flat)
            return NO_EVIDENCE + (NEW_SENTENCE if head.opener or head.speech or head.frame else 0.0)
        c = score_pair(B[L], B[R], adjacent=False, col_start=True, ctx=grams.near(L), sets=sets, idf=idf,
                       left_ctx=lambda: sets[L], right_ctx=lambda: sets[R], need_evidence=need,
                       far_repeat=FAR_REPEAT, dangling_only=0.0,
                       far_heads=False)
        return None if c is None else c.score

    rev = reversed_groups(B, chunk_runs(B, T, starts, glued), lang, sets, idf)
    if rev:
        # read in reverse, a chunk's end is adjacent to the start of the chunk
        # printed before it, no longer to the next block printed: those pairs
        # are scored again
        expect.update(_expected(rev))
        again = {}
        for i, e in expect.items():
            n = next_text(i)
            again[i] = {x for x in (e, n.index if n is not None else None) if x is not None and x in col}
        cands = [c for c in cands if c.right not in again.get(c.left, ())]
        for i in sorted(again):
            L = B[i]
            if again[i] and L.role in (C.BODY, C.HEAD) and not L.md and (is_open(L) or soft_end(L)):
                cands.extend(pairs(L, sorted(again[i]), True))
        # a block read after a full stop in these groups (the next paragraph
        # of its column, or a column read after one that ends a paragraph)
        # starts a paragraph there: no cut text elsewhere goes on in it,
        # unless the text is sure
        taken = set()
        for g in rev:
            for k, column in enumerate(g):
                before = g[k + 1][-1] if k + 1 < len(g) else None
                for i in column:
                    if before is not None and not is_open(B[before]):
                        taken.add(i)
                    before = i
        cands = [c for c in cands if c.right not in taken or c.score >= GLUE]
    cands = _drop_headline_joins(B, T, pos, cands, sets, idf)
    fit.penalise_lost(cands, lambda i: getattr(succ(i), "index", None))
    chosen = assign(cands)
    # a confident join to a distant block leaves the left block's page successor
    # without a predecessor: it starts a column that continues some other fragment
    orphans = set()
    for c in chosen:
        n = succ(c.left)
        if n is not None and n.index != c.right and c.score >= 3.0 and n.role == C.BODY \
                and not C.is_lead(n.flat) and n.index in col:
            orphans.add(n.index)
    if orphans:
        have = {(c.left, c.right) for c in cands}
        for L in lefts:
            rs = [r for r in sorted(orphans) if abs(r - L.index) <= WINDOW and (L.index, r) not in have]
            cands.extend(pairs(L, rs, False))
        for c in cands:
            n = succ(c.left)
            if c.right in orphans and (n is None or n.index != c.right):
                c.score += ORPHAN_START + (ORPHAN_WEAK if c.reason == "weak" else 0.0)
                c.reason += ",orphan-start"
        chosen = assign(cands)
    return chosen, rev


def _drop_headline_joins(B, T, pos, cands: list[Cand], sets, idf) -> list[Cand]:
    """Joins into a heading-like line with nothing in the text speaking for
    them (no word spanning the cut, no repeat …), where the line is the
    headline of a news lead below it (`_heads_lead_below`): a sentence cut at
    a column end does not go on in another story's headline (a headline
    printed after noise or another article's last column, its body below)."""
    top = _found_once(idf)
    heads: dict[int, bool] = {}
    out = []
    for c in cands:
        r = c.right
        if B[r].role == C.HEAD and not any(e in c.reason for e in _EVIDENCE):
            got = heads.get(r)
            if got is None:
                got = heads[r] = _heads_lead_below(B, T, pos[r], sets, idf, top)
            if got:
                continue
        out.append(c)
    return out


class _Grams:
    """The page text near a block: the blocks of its chunk and the chunks either
    side (linear in the page size), for the `recurs` evidence of `score_pair`."""

    CHUNK = WINDOW

    def __init__(self, B):
        self.B = B
        self.cache: dict[tuple[int, int], Near] = {}
        self.texts: list[str | None] = [None] * len(B)

    def near(self, i: int) -> Near:
        c = i // self.CHUNK
        lo, hi = max(0, c - 1) * self.CHUNK, min(len(self.B), (c + 2) * self.CHUNK)
        got = self.cache.get((lo, hi))
        if got is None:
            if len(self.cache) >= 4:  # pairs are scored roughly in page order
                del self.cache[next(iter(self.cache))]
            texts = self.texts
            for j in range(lo, hi):
                if texts[j] is None:
                    # spaces inside a line (`下实地 摸实情`) are not in the windows either
                    t = self.B[j].flat
                    texts[j] = _SPACES.sub("", t) if " " in t or "\u3000" in t or "\t" in t else t
            got = self.cache[(lo, hi)] = Near("\n".join(texts[lo:hi]))
        return got


def _resolve_heads(B, T, pos, sets, idf, away=frozenset(), gone=frozenset()) -> None:
    """Short lines become titles, headings or bylines from their neighbours.
    `away`: blocks that go on from text printed elsewhere (the right side of
    a join to a block not printed right before them); `gone`: blocks that go
    on in text printed elsewhere (the left side of such a join)."""
    def nxt(k):
        return B[T[k + 1]] if k + 1 < len(T) else None

    top = _found_once(idf)
    kickered = C.kicker_lines(B)
    in_series = C.heading_series(B)
    for k, i in enumerate(T):
        b = B[i]
        p = B[T[k - 1]] if k > 0 else None
        n = nxt(k)
        if b.role in (C.HEAD, C.BODY) and p is not None and p.role in (C.TITLE, C.SUBTITLE, C.BYLINE) \
                and C.byline_shape(b.flat) and not b.md:
            b.role = C.BYLINE
            continue
        if b.role == C.SUBTITLE and (p is None or p.role not in (C.TITLE, C.SUBTITLE)):
            b.role = C.HEAD if C.is_short(b) or b.md else C.BODY
        if b.role != C.HEAD:
            continue
        t = b.flat
        if C.roundup_title(b.text):
            b.role = C.TITLE   # a round-up column's name heads its items, it heads no section
            continue
        # (a line that reads as cut prose, `如今,随着…等方面正`, is the end of a
        # column over another article's opening, not its headline)
        follows = n is not None and (n.role == C.SUBTITLE or (C.byline_shape(n.flat) and not n.md)
                                     or C.is_lead(n.flat)
                                     or ((_opens_story(n) or C.editors_note(n)) and block_likeness(b) > 0.0))
        if b.md in (1, 2) or follows or p is None:
            b.role = C.TITLE
        elif b.md >= 3:
            b.role = C.HEADING
        elif _cut_sentence(b):
            b.role = C.BODY
        elif n is not None and (C.section_marked(b.flat) or i in in_series):
            # marked as a section (`三、`, `◎`, `【…】`), or one of several lines
            # set off as quotations or worded in parallel (`heading_series`): one
            # of a feature's series, whatever is
            # printed under it in a broken layout, or whatever a news lead
            # below it names (`【孝老爱亲】` over another story's `…孝老爱亲的…`)
            b.role = C.HEADING
        elif _heads_lead_below(B, T, k, sets, idf, top):
            b.role = C.TITLE
        elif n is None:
            b.role = C.TITLE  # nothing follows: a headline printed after its body, or a label
        elif n.index in away and n.role == C.BODY and not C.is_lead(n.flat):
            # the text under it goes on from a sentence cut elsewhere (the last
            # column of an article printed in reverse): a section heading is
            # read right before its text, so this line heads an article
            b.role = C.TITLE
        elif i in kickered and not _repeats_headline(B, T, k):
            # a kicker and its headline on one line: no section heading, unless it
            # repeats a word of the headline it is printed under (a feature's
            # heading echoing its title; the neighbours below then decide)
            b.role = C.TITLE
        elif p.role in (C.TITLE, C.SUBTITLE, C.BYLINE):
            # right under a headline: a section heading, unless it is shaped like a
            # headline itself (the first headline's body was printed elsewhere)
            # or its text: the headline above finds its words further on, not here
            b.role = C.TITLE if (C.title_evidence(t) >= 2.0 and _heads_text(B, T, k, sets, idf)) \
                or _header_elsewhere(B, T, k, sets, idf) or _header_closes_above(B, T, k, sets, idf) \
                or _words_elsewhere(B, T, k, sets[i], sets, idf) else C.HEADING
        elif n is None or n.role == C.TITLE or (n.role == C.HEAD and _heads_article(B, T, k + 1)):
            b.role = C.TITLE
        else:
            b.role = C.TITLE if _topic_shift(B, T, k, sets, idf, gone) else C.HEADING


def _cut_sentence(b: Block) -> bool:
    """A line with no headline shape left (`joins.block_likeness` 0: a sentence
    adverbial, a dangling end, prose words): a piece of a sentence cut at a
    column end and left unjoined (`会上,…宣读了`), body text rather than a
    headline or heading over what follows. A space parting two phrases with no
    clause mark (`文明实践在基层 吉安市…`) is a kicker and its headline: prose
    runs on without one."""
    t = b.flat
    return block_likeness(b) == 0.0 and (any(c in t for c in ",，、;；") or not _SPACES.search(t.strip()))


def _opens_story(b: Block) -> bool:
    """A body block opening the way a news story's first paragraph does
    (`C.opens_article`), or a letter's (`C.opens_letter`): the short line
    printed right above it is its headline."""
    return b.role == C.BODY and (C.opens_article(b.flat) or C.opens_letter(b.flat))


def _new_story(before: str, b: Block) -> bool:
    """Does body block b open a story (`_opens_story`) about a place the
    paragraph printed right before it (`before`, its text) does not name? Then
    that paragraph ends another article; when it names the place (its city, or
    the district after it: a feature's opening scene `柯城区九华乡…` over
    `近年来,浙江省衢州市柯城区…`), b is its own article's first column printed
    after a later one, or the paragraph after its opening scene. Nor when it
    gives the place of someone that paragraph names (`C.subject_named_before`):
    a feature's person, then where they are from."""
    places = C.story_places(b.flat) if b.role == C.BODY else ()
    return bool(places) and not any(place in before for place in places) \
        and not C.subject_named_before(b.flat, before)


def _paragraph_text(B, i: int, joined_to: dict[int, int]) -> str:
    """The text of the paragraph block i ends: its blocks joined before it (a few)."""
    parts = [B[i].flat]
    while i in joined_to and len(parts) < 4:
        i = joined_to[i]
        parts.append(B[i].flat)
    return "".join(reversed(parts))


LEAD_MATCH = 0.5   # share of a line's words a news lead below it must take up


def _heads_lead_below(B, T, k, sets, idf, top: float) -> bool:
    """Is the line at position k the headline of a news lead (本报讯…) found
    below it before the next headline? A news lead opens an article, and a
    section heading is never printed above the lead of its own article unless
    its columns were read in reverse; the lead of an article whose body was
    detached or printed last column first names what its headline names.
    Only the line's words found elsewhere on the page count (`top`: the idf
    of a pair found once, as in `_match`)."""
    hs = [g for g in sets[T[k]] if idf.get(g, 0.0) < top]
    tot = fsum(map(idf.get, hs))
    if tot <= 0:
        return False
    for j in range(k + 1, min(len(T), k + 1 + WINDOW)):
        x = B[T[j]]
        if x.role == C.TITLE:
            return False
        if x.role == C.BODY and C.is_lead(x.flat):
            text = sets[x.index]
            if j + 1 < len(T) and B[T[j + 1]].role == C.BODY:
                text = text | sets[T[j + 1]]
            return fsum(map(idf.get, filter(text.__contains__, hs), repeat(0))) >= LEAD_MATCH * tot
    return False


def _following(B, T, k, sets) -> set:
    """Bigrams of the (up to two) text blocks after position k."""
    out = set()
    for j in range(k + 1, min(len(T), k + 3)):
        out |= sets[T[j]]
    return out


def _heads_article(B, T, k) -> bool:
    n = B[T[k + 1]] if k + 1 < len(T) else None
    return n is not None and (n.role == C.SUBTITLE or C.is_lead(n.flat) or (C.byline_shape(n.flat) and not n.md))


def _headline_words_above(B, T, k, sets) -> tuple[int, set]:
    """The headline group (titles, subtitles, bylines) right above position k: the
    position before it, and the bigrams of its titles and subtitles."""
    h = k - 1
    hs: set = set()
    while h >= 0 and B[T[h]].role in (C.TITLE, C.SUBTITLE, C.BYLINE):
        if B[T[h]].role != C.BYLINE:
            hs |= sets[T[h]]
        h -= 1
    return h, hs


def _header_elsewhere(B, T, k, sets, idf) -> bool:
    """The headline group right above position k: are its words hardly found in
    the text after k, but well in a block opening a paragraph further on?"""
    return _words_elsewhere(B, T, k, _headline_words_above(B, T, k, sets)[1], sets, idf)


def _header_closes_above(B, T, k, sets, idf) -> bool:
    """Does the headline group right above position k close the article printed
    before it (a headline printed after its body)? Its words are found in the
    text after k far less than in a block opening a paragraph above it, before
    any other headline: what follows it starts another article, and its first
    line is that article's headline, not a section heading."""
    top = _found_once(idf)
    h, hs = _headline_words_above(B, T, k, sets)
    hs = {g for g in hs if idf.get(g, 0.0) < top}
    tot = _weight(hs, idf)
    here = _frac(hs, _following(B, T, k, sets), idf, tot)
    if tot <= 0 or here >= 0.4:
        return False
    for j in range(h, max(-1, h - 4 * WINDOW), -1):
        x = B[T[j]]
        if x.role in (C.TITLE, C.SUBTITLE, C.BYLINE):
            return False
        if x.role != C.BODY or not _opens_paragraph(x):
            continue
        text = set(sets[x.index])
        for y in range(j + 1, min(h + 1, j + 3)):
            text |= sets[T[y]]
        # (two articles may share a subject: the text above must name it far better)
        if _frac(hs, text, idf, tot) >= max(0.4, 2.5 * here):
            return True
    return False


def _opens_paragraph(x: Block) -> bool:
    """Does block x open a paragraph the way an article's body does: a news
    lead, a usual paragraph opening, or a place introduced in full?"""
    return C.is_lead(x.flat) or _start_like(x) >= 0.5 or C.opens_article(x.flat)


def _words_elsewhere(B, T, k, hs: set, sets, idf) -> bool:
    """Are the words `hs` hardly found in the text after position k, but well in
    a block opening a paragraph further on? Two headlines printed in a row, each
    detached from its body: the second names none of the first one's text below
    it, and its own body opens further on."""
    top = _found_once(idf)
    hs = {g for g in hs if idf.get(g, 0.0) < top}
    tot = _weight(hs, idf)
    if tot <= 0:
        return False
    here = _frac(hs, _following(B, T, k, sets), idf, tot)
    if here >= 0.15:
        return False
    for j in range(k + 3, min(len(T), k + 4 * WINDOW)):
        x = B[T[j]]
        # (of block x and the two after it, only hs's words are read)
        if x.role == C.BODY and _frac(hs, _found_in(hs, [sets[T[i]] for i in range(j, min(len(T), j + 3))]),
                                      idf, tot) >= 0.4 \
                and _opens_paragraph(x):
            return True
    return False


def _found_in(hs: set, parts) -> set:
    """The members of hs found in any of the sets `parts`: all that `_frac(hs, …)`
    reads of their union, without building it."""
    out = set()
    for p in parts:
        out |= hs & p
    return out


def _heads_text(B, T, k, sets, idf) -> bool:
    """Do the text blocks after position k share the line's words?"""
    following = _following(B, T, k, sets)  # once, not once per bigram
    return fsum(map(idf.get, filter(following.__contains__, sets[T[k]]), repeat(0))) >= 4.0


def _topic_shift(B, T, k, sets, idf, gone=frozenset()) -> bool:
    """Does a short line between two bodies open a new article? (`gone`: as in
    `_resolve_heads`: a block cut mid-sentence that goes on elsewhere ends
    what is printed before the line as a complete paragraph does.)"""
    b = B[T[k]]
    if HEADING_MARK_RE.match(b.flat):
        return False  # a numbered or ◎-marked line between two bodies: one of a series of section headings
    ev = C.title_evidence(b.flat)
    if _numbered_series_above(B, T, k) and (ev >= 2.0 or ev >= 0.0 and block_likeness(b) >= 1.0):
        # the article above runs in numbered (or ◎-marked) sections, and a line
        # shaped as a headline rather than a cut fragment lacks the mark: the
        # series numbers every section, so this line heads another article
        return True
    before, after = set(), set(sets[b.index])
    for j in range(k - 1, max(-1, k - 4), -1):
        x = B[T[j]]
        if x.role == C.TITLE:
            break
        before |= sets[x.index]
    for j in range(k + 1, min(len(T), k + 3)):
        x = B[T[j]]
        if x.role in (C.HEAD, C.TITLE):
            break
        after |= sets[x.index]
    hs = sets[b.index]
    following = _following(B, T, k, sets)  # once, not once per bigram
    h_after = fsum(map(idf.get, filter(following.__contains__, hs), repeat(0)))
    h_before = fsum(map(idf.get, filter(before.__contains__, hs), repeat(0)))
    if _after_furniture(B, T, k) and len(b.flat) >= 6 \
            and k + 1 < len(T) and (B[T[k + 1]].role == C.HEAD or B[T[k + 1]].role == C.BODY
                                    and _start_like(B[T[k + 1]]) >= 0.0) \
            and _weak_cohesion(B, T, k, sets, idf):
        # page furniture (a photo caption, an ad, a masthead) between a complete
        # paragraph and this line, and the text after it opens a paragraph (or
        # is another headline) about other things than the text before: a
        # layout export breaks between
        # articles there far more often than inside one
        return True
    if h_before < 10.0 and k + 1 < len(T) and B[T[k + 1]].role == C.BODY \
            and (not is_open(B[T[k - 1]]) or T[k - 1] in gone) \
            and (_start_like(B[T[k + 1]]) >= 0.8 or OPENER_RE.match(B[T[k + 1]].flat)) \
            and (not _heading_above(B, T, k)
                 or not _sibling_heading_above(B, T, k) and C.sets_scene(B[T[k + 1]].flat)) \
            and _weak_cohesion(B, T, k, sets, idf, 0.25) \
            and (not _bylined_above(B, T, k) or C.sets_scene(B[T[k + 1]].flat) or _names_new_locality(B, T, k)):
        # after a complete paragraph, a line the text before hardly names, over a
        # block that opens a paragraph rather than going on with one (`_start_like`,
        # or a usual opening: `近日,` `初冬的清晨,`) and names other things than the
        # text above, in an article with no section heading so far, or none set
        # off as this line is (`C.heading_form`) when the text after sets a scene
        # of its own (`C.sets_scene`): a headline (section headings come in a
        # series, set off alike). Not inside a bylined feature when
        # the text after sets no scene of its own, nor names a district or county
        # the feature never named: a feature's sections go on where it is set, a
        # new story says when and where
        return True
    if k + 1 < len(T) and B[T[k + 1]].role == C.BODY and _start_like(B[T[k + 1]]) >= 0.5 \
            and _place_shift(B, T, k):
        # the text before keeps naming one district or city, the text after
        # another, and neither names the other's: sections of one article stay
        # in its place, so the line heads another article
        return True
    if k + 1 < len(T) and _introduces_new_place(B, T, k):
        # a feature's headline over its scene opening (`长江岸边的“护鱼人”` over
        # `初冬的清晨,…湖北省宜昌市…`), with no byline or news lead to tell
        return True
    if _heads_other_text(B, T, k, sets, idf):
        return True
    if ev < 1.0 and not h_before >= 10.0:
        return False
    if ev >= 1.5 and h_after >= 10.0 and (h_after >= 3.0 * h_before or h_after >= h_before + 5.0):
        return True
    # a long line whose many words the text after it takes up, the text before
    # hardly: a headline (a section heading is short, about its own article)
    if ev >= 1.0 and h_after >= 15.0 and h_after >= 3.0 * h_before:
        return True
    # headline-shaped (a place and a colon, or a long place-led line) and the text
    # after it talks about what it names, the text before hardly
    if ev >= 1.5 and h_after >= 4.0 and h_after >= 3.0 * h_before:
        return True
    # a headline printed after its body: the text before it opens with a news lead
    # that has no headline of its own, and talks about what this line names
    # (all of that text counts: the line names its own article's whole body, not
    # just its last paragraphs, while the next article may share its subject;
    # a lead names what its last paragraphs may only allude to)
    if len(b.flat) >= 8:
        j, body = k - 1, set()
        while j >= 0 and B[T[j]].role in (C.BODY, C.HEADING, C.CALLOUT) and not C.is_lead(B[T[j]].flat):
            body |= sets[T[j]]
            j -= 1
        if j >= 0 and C.is_lead(B[T[j]].flat):
            body |= sets[T[j]]
            h_body = fsum(map(idf.get, filter(body.__contains__, hs), repeat(0)))
            if h_body >= 10.0 and h_body >= 2.0 * h_after and not _heads_lead(B, T, j, k, sets, idf, h_before):
                return True
    return False


APART = 0.2       # share of rarer words two articles' texts may have in common
HEADS_AFTER = 8.0  # weight of a headline's words its own text takes up


def _text_run(B, T, k, sets, step: int) -> tuple[set, int]:
    """Bigrams and number of the text blocks from position k+step on, up to a
    headline group going back (step -1) or a short line going on (step 1)."""
    stop = (C.TITLE, C.SUBTITLE, C.BYLINE) if step < 0 else (C.TITLE, C.HEAD)
    out, n, j = set(), 0, k + step
    while 0 <= j < len(T) and B[T[j]].role not in stop:
        out |= sets[T[j]]
        j, n = j + step, n + 1
    return out, n


def _heads_other_text(B, T, k, sets, idf) -> bool:
    """Does the line at position k head the whole text after it (up to the next
    short line), which shares hardly any of its rarer words with the whole text
    before it (up to its headline), while that text hardly names the line?
    Sections of one article keep naming its places, people and things all along;
    a headline between two articles names only the one below (a commentary or
    an interview has neither byline nor place to tell)."""
    after, na = _text_run(B, T, k, sets, 1)
    if na < 2:
        return False
    below = _found_once(idf).__gt__  # a pair found once names nothing shared

    def weight(s):
        return fsum(filter(below, map(idf.get, s, repeat(0.0))))
    hs = sets[T[k]]
    h_after = weight(hs & after)
    if h_after < HEADS_AFTER:
        return False
    before, nb = _text_run(B, T, k, sets, -1)
    return nb >= 2 and h_after >= 3.0 * weight(hs & before) \
        and weight(before & after) < APART * min(weight(before), weight(after))


def _introduces_new_place(B, T, k) -> bool:
    """Does the paragraph after position k open (`_start_like`, a usual
    opening, or a quotation: a feature's lead often quotes someone before it
    says when and where, `“…”11月19日上午,在吉林省长春市…`) by introducing a
    city (or a municipality's district, or a county) in full
    (`C.scene_place`) that the text before it, up to its headline, never
    names? A section of one article names its place short; a place named in
    full that the article never named starts another story."""
    n = B[T[k + 1]]
    if n.role != C.BODY or not (_start_like(n) >= 0.5 or OPENER_RE.match(n.flat) or n.flat[0] == "“"):
        return False
    city = C.scene_place(n.flat)
    if city is None:
        return False
    j = k - 1
    while j >= 0 and B[T[j]].role not in (C.TITLE, C.SUBTITLE, C.BYLINE):
        if city in B[T[j]].flat:
            return False
        j -= 1
    return j < k - 1


def _names_new_locality(B, T, k) -> bool:
    """Does the paragraph after position k name, in its first sentence, a
    district, county or city (`C.localities`) that the text before it, up to
    its headline, never names?"""
    places = C.localities(B[T[k + 1]].flat.split("。", 1)[0][:80])
    if not places:
        return False
    j = k - 1
    while j >= 0 and B[T[j]].role not in (C.TITLE, C.SUBTITLE, C.BYLINE):
        if any(place in B[T[j]].flat for place in places):
            return False
        j -= 1
    return True


def _place_shift(B, T, k) -> bool:
    """Does the text after position k keep naming a district or city (twice or
    more) that the text before it (up to its headline) never names, and the
    other way round?"""
    before, after = [], []
    j = k - 1
    while j >= 0 and len(before) < 8 and B[T[j]].role not in (C.TITLE, C.SUBTITLE, C.BYLINE):
        before.append(B[T[j]].flat)
        j -= 1
    j = k + 1
    while j < len(T) and len(after) < 3 and B[T[j]].role not in (C.TITLE, C.HEAD, C.HEADING):
        after.append(B[T[j]].flat)
        j += 1
    text_before, text_after = "".join(before), "".join(after)
    mine = [w for w, n in C.localities(text_before).items() if n >= 2]
    theirs = [w for w, n in C.localities(text_after).items() if n >= 2]
    return bool(mine) and bool(theirs) and not any(w in text_after for w in mine) \
        and not any(w in text_before for w in theirs)


def _bylined_above(B, T, k) -> bool:
    """Does the headline group above position k end in a byline (a reporter's
    story, often a feature running in sections)?"""
    for j in range(k - 1, -1, -1):
        r = B[T[j]].role
        if r in (C.TITLE, C.SUBTITLE, C.BYLINE):
            return r == C.BYLINE
    return False


def _numbered_series_above(B, T, k) -> bool:
    """Is the nearest section heading between position k and the headline above
    numbered or marked as a section (`一、`, `(一)`, `◎`; `【…】` also brackets
    labels and callouts, and is left out)?"""
    h = _nearest_heading_above(B, T, k)
    return h is not None and HEADING_MARK_RE.match(h.flat) is not None


def _repeats_headline(B, T, k) -> bool:
    """Does the line at position k repeat three characters running of the
    nearest headline above it (`守艺 不让老手艺断了线` under `老手艺 新活路`)?"""
    for j in range(k - 1, -1, -1):
        x = B[T[j]]
        if x.role == C.TITLE:
            h, t = x.flat, B[T[k]].flat
            return any(t[m:m + 3] in h and all(map(is_cjk, t[m:m + 3])) for m in range(len(t) - 2))
    return False


def _nearest_heading_above(B, T, k) -> Block | None:
    """The section heading nearest above position k, below the headline above."""
    for j in range(k - 1, -1, -1):
        x = B[T[j]]
        if x.role == C.TITLE:
            return None
        if x.role == C.HEADING:
            return x
    return None


def _sibling_heading_above(B, T, k) -> bool:
    """Is the nearest section heading between position k and the headline above
    set off as the line at k is (`C.heading_form`): one of its series?"""
    h = _nearest_heading_above(B, T, k)
    return h is not None and C.heading_form(h.flat) == C.heading_form(B[T[k]].flat)


def _heading_above(B, T, k) -> bool:
    """Is there a section heading between position k and the headline above?"""
    return _nearest_heading_above(B, T, k) is not None


_FURNITURE = (C.CAPTION, C.CREDIT, C.NOISE)


def _after_furniture(B, T, k) -> bool:
    """Is there a photo caption, credit or piece of page furniture between the
    text block before position k and it, after a complete paragraph?"""
    if k == 0:
        return False
    p = T[k - 1]
    return not is_open(B[p]) and any(B[j].role in _FURNITURE for j in range(p + 1, T[k]))


def _weak_cohesion(B, T, k, sets, idf, limit: float = 0.35) -> bool:
    """Do the text blocks after position k share few of the rarer words of the
    text before it (up to its headline)? Sections of one article keep naming the
    same places, people and things; the next article names others."""
    before, after = set(), set()
    j, n = k - 1, 0
    while j >= 0 and n < 5 and B[T[j]].role not in (C.TITLE, C.SUBTITLE, C.BYLINE):
        before |= sets[T[j]]
        j, n = j - 1, n + 1
    j, n = k + 1, 0
    while j < len(T) and n < 3 and B[T[j]].role not in (C.TITLE, C.HEAD):
        after |= sets[T[j]]
        j, n = j + 1, n + 1
    if not before or not after:
        return True
    top = _found_once(idf)
    wa = fsum(w for w in map(idf.get, after) if w < top)
    wb = fsum(w for w in map(idf.get, before) if w < top)
    sh = fsum(w for w in map(idf.get, after & before) if w < top)
    return sh < limit * max(1e-9, min(wa, wb))


def _heads_lead(B, T, j, k, sets, idf, mine: float) -> bool:
    """Does the headline right above the lead at position j head it? Not when
    its words are found in the text j..k-1 much less than the line after that
    text (`mine`): it is the headline of the article before, printed after
    its own body too."""
    h, hs = _headline_words_above(B, T, j, sets)
    if h == j - 1:
        return False
    text = set()
    for x in range(j, k):
        text |= sets[T[x]]
    return fsum(map(idf.get, filter(text.__contains__, hs), repeat(0))) >= 0.5 * mine


def _read_reversed(B, rev, nxt, prv) -> None:
    """Page-order links of the groups printed last column first, read in
    reverse: each chunk's end goes on at the start of the chunk printed before
    it, and a headline right above a group leads to its last printed chunk."""
    def unlink(x):
        y = nxt.pop(x, None)
        if y is not None:
            prv.pop(y, None)

    def link(x, y):
        unlink(x)
        p = prv.pop(y, None)
        if p is not None:
            nxt.pop(p, None)
        nxt[x], prv[y] = y, x

    for g in rev:
        first, last = g[0][0], g[-1][0]
        h = prv.get(first)
        for c in g:
            unlink(c[-1])
        if h is not None:
            unlink(h)
        for j in range(1, len(g)):
            link(g[j][-1], g[j - 1][0])
        if h is not None and B[h].role in (C.TITLE, C.SUBTITLE, C.BYLINE) and last not in prv:
            link(h, last)


def _assemble(pg: _Page, T, pos, joins: list[Cand], sets, idf, rev) -> list[Item]:
    B = pg.blocks
    jl = {c.left: c for c in joins}
    joined_to = {c.right: c.left for c in joins}
    header = {C.TITLE, C.SUBTITLE, C.BYLINE}
    nxt: dict[int, int] = {}
    prv: dict[int, int] = {}
    for k in range(len(T) - 1):
        a, b = B[T[k]], B[T[k + 1]]
        if b.role == C.TITLE:
            continue
        if b.role in (C.SUBTITLE, C.BYLINE) and a.role not in header:
            continue
        # (an editor's note, like a news lead, opens the text of an article:
        # the desk prints it under its headline, never inside another's text)
        if (C.is_lead(b.flat) or C.editors_note(b) or _new_story(_paragraph_text(B, a.index, joined_to), b)) \
                and a.role not in header:
            continue
        nxt[a.index], prv[b.index] = b.index, a.index
    _read_reversed(B, rev, nxt, prv)
    for c in joins:
        old = nxt.get(c.left)
        if old is not None and old != c.right:
            prv.pop(old, None)
        oldp = prv.get(c.right)
        if oldp is not None and oldp != c.left:
            nxt.pop(oldp, None)
        nxt[c.left], prv[c.right] = c.right, c.left
    # chains; break cycles at their weakest join
    seen: set[int] = set()
    chains: list[list[int]] = []

    def walk(h):
        ch = []
        while h is not None and h not in seen:
            seen.add(h)
            ch.append(h)
            h = nxt.get(h)
        return ch

    for i in T:
        if i not in prv:
            chains.append(walk(i))
    cycles = []
    for i in T:
        if i in seen:
            continue
        cyc, h = [], i
        while h not in cyc:
            cyc.append(h)
            h = nxt[h]
        seen.update(cyc)
        cycles.append(cyc)
    if cycles:
        for y in _break_cycles(B, T, cycles, nxt, prv, jl, joins, sets, idf):
            seen.difference_update(walk_all(y, nxt))
            chains.append(walk(y))
    if _relink_reversed(B, T, pos, nxt, prv, jl, joins, sets, idf):
        seen.clear()
        chains = [walk(i) for i in T if i not in prv]
    jl = {c.left: c for c in joins}
    # headers, bodies
    arts = []   # dicts: header, body, first
    headless = []
    for ch in chains:
        if B[ch[0]].role == C.TITLE:
            k = 1
            while k < len(ch) and B[ch[k]].role in (C.SUBTITLE, C.BYLINE):
                k += 1
            arts.append({"header": ch[:k], "body": ch[k:]})
        else:
            headless.append(ch)
    headless = _assign_bodies(pg, arts, headless, sets, idf)
    # headless bodies ↔ bodiless headlines
    bodiless = [a for a in arts if not a["body"]]
    if headless and bodiless:
        # pairs of characters found only in the headline tell nothing about
        # which body it heads (as in `_match`)
        top = _found_once(idf)
        pairs = []
        for hi, ch in enumerate(headless):
            text_sets = set()
            for i in ch[:12]:
                text_sets |= sets[i]
            for ai, a in enumerate(bodiless):
                if abs(a["header"][0] - ch[0]) > 4 * WINDOW:
                    continue
                hs = {g for g in _header_sets(B, a, sets) if idf.get(g, 0) < top}
                tot = fsum(idf.get(g, 0) for g in hs)
                if tot <= 0:
                    continue
                got = fsum(idf.get(g, 0) for g in hs if g in text_sets)
                frac = got / tot
                if frac >= MATCH_MIN and got >= 3.0:
                    pairs.append((frac * min(1.0, got / 10), hi, ai))
        used_h, used_a = set(), set()
        for sc, hi, ai in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
            if hi in used_h or ai in used_a:
                continue
            used_h.add(hi)
            used_a.add(ai)
            bodiless[ai]["body"] = headless[hi]
            h0, a0 = headless[hi][0], bodiless[ai]["header"][0]
            if h0 < a0:
                pg.warn("headline-after-body", a0, f"headline block {a0} placed before its body (block {h0})")
            else:
                pg.warn("headline-moved", a0, f"headline block {a0} joined to its body starting at block {h0}")
        headless = [ch for n, ch in enumerate(headless) if n not in used_h]
    _reassign_tails(pg, arts, jl, sets, idf, {i: n for n, g in enumerate(rev) for c in g for i in c})
    headless = _bylined_bodies(pg, arts, headless)
    # remaining headless chains: continue the article before them on the page, else stand alone
    owner: dict[int, dict] = {}
    for a in arts:
        for i in a["header"] + a["body"]:
            owner[i] = a
    known: dict[int, tuple[int, set]] = {}   # id(article) → (its size, `_text_sets`): asked by every chain

    def text_sets(a) -> set:
        n = len(a["header"]) + len(a["body"])   # (an article here only grows)
        got = known.get(id(a))
        if got is None or got[0] != n:
            got = known[id(a)] = (n, _text_sets(a, sets))
        return got[1]

    leads = {i for ch in headless if C.is_lead(B[ch[0]].flat) for i in ch}
    apart = _roundup_apart(B, T, pos, arts, leads) if leads else None
    for ch in sorted(headless, key=lambda c: c[0]):
        host = None
        if C.is_lead(B[ch[0]].flat):
            host = _roundup_above(B, T, pos[ch[0]], owner, leads) or apart
        else:
            k = pos[ch[0]] - 1
            while k >= 0 and host is None:
                host = owner.get(T[k])
                k -= 1
            # a chain of columns read out of place: the article it talks about
            host = _talked_about(B, ch, host, arts, sets, idf, text_sets)
        if host is None:
            host = {"header": [], "body": []}
            arts.append(host)
        else:
            pg.warn("unplaced-fragment", ch[0],
                    f"blocks from {ch[0]} have no headline; kept after the preceding article")
            last = host["body"][-1] if host["body"] else None
            if last is not None and B[last].role == C.BODY and is_open(B[last]) and last not in jl \
                    and B[ch[0]].role == C.BODY and _start_like(B[ch[0]]) < 0.5:
                c = Cand(last, ch[0], 1.0, 0, "column-order")
                joins.append(c)
                jl[last] = c
        host["body"] = host["body"] + ch
        for i in ch:
            owner[i] = host
    items: list[tuple[int, Item]] = []
    for a in arts:
        items.append(_article(pg, a, jl))
    # photos, other
    done_credit: set[int] = set()
    for b in B:
        if b.role == C.CAPTION:
            credit, blocks = None, [b.index]
            nb = B[b.index + 1] if b.index + 1 < len(B) else None
            if nb is not None and nb.role == C.CREDIT:
                credit = nb.flat
                blocks.append(nb.index)
                done_credit.add(nb.index)
            else:
                m = CAPTION_TAIL_RE.search(b.flat)
                if m and "摄" in m.group(0):
                    credit = m.group(0).strip()
            items.append((b.index, Item(kind="photo", credit=credit, paragraphs=[Paragraph("p", b.flat)],
                                        blocks=blocks)))
    for b in B:
        if b.role == C.CREDIT and b.index not in done_credit:
            items.append((b.index, Item(kind="photo", credit=b.flat, blocks=[b.index])))
        elif b.role == C.NOISE:
            items.append((b.index, Item(kind="other", paragraphs=[Paragraph("p", b.text)], blocks=[b.index])))
    items.sort(key=lambda x: x[0])
    return [it for _, it in items]


def _roundup_above(B, T, k: int, owner: dict[int, dict], leads: set[int]) -> dict | None:
    """The round-up article (`C.roundup_title`) printed right above position
    k, over the other headless items (`leads`: the blocks of text opening
    with a news lead and no headline) between, else None. A news lead opens
    an article of its own, except under a round-up's headline: there each
    lead opens one more of its items, until the next headline."""
    k -= 1
    while k >= 0 and T[k] in leads:
        k -= 1
    a = owner.get(T[k]) if k >= 0 else None
    return a if a is not None and _is_roundup(B, a) else None


def _roundup_apart(B, T, pos, arts, leads: set[int]) -> dict | None:
    """The round-up headline with no text under it (nor a headless item,
    `leads`), when the page has just one: its items were printed elsewhere
    (a detached headline), and the headless news leads of the page are
    its items."""
    got = []
    for a in arts:
        if not a["body"] and _is_roundup(B, a):
            k = pos[a["header"][-1]] + 1
            if k >= len(T) or T[k] not in leads:
                got.append(a)
    return got[0] if len(got) == 1 else None


def _is_roundup(B, a: dict) -> bool:
    """Is article a headed by a round-up's headline (`C.roundup_title`)?"""
    return any(B[i].role == C.TITLE and C.roundup_title(B[i].text) for i in a["header"])


def _talked_about(B, ch, host, arts, sets, idf, text_sets):
    """The article a headless chain talks about clearly more than `host` (the
    article printed before it, or None), else `host`. Against a host with text
    of its own, by the share of each headline's words the chain names: the
    summed overlap of two texts grows with their length, and the longest
    article on the page would draw every chain printed after a short one.
    Against a headline with no text (a section heading taken for one), by
    that overlap with each article's text."""
    cs = set()
    for i in ch:
        cs |= sets[i]
    if host is not None and host["body"]:
        top = _found_once(idf)

        def measure(a):
            return _match(_header_sets(B, a, sets), cs, idf, top)

        def better(v, old):
            return v >= MATCH_MIN and v > OUT_OF_PLACE * old
    else:
        def measure(a):
            return C.cohesion(cs, text_sets(a), idf)

        def better(v, old):
            return v > 1.5 * old + 5
    best, best_v = host, (measure(host) if host else 0.0)
    for a in arts:
        if a is host or not a["header"] or abs(min(a["header"] + a["body"]) - ch[0]) > 4 * WINDOW:
            continue
        v = measure(a)
        if better(v, best_v):
            best, best_v = a, v
    return best


def _bylined_bodies(pg, arts, headless) -> list[list[int]]:
    """A headline signed by a byline heads text of its own: left without a
    body after matching by words (a headline whose words its text hardly
    repeats), it takes the longest headless chain near it, the bulk of an
    article; the leftover chains are more likely pieces of the articles
    around them. (A headline without a byline may be a label or a standalone
    item, and keeps nothing.)"""
    B = pg.blocks
    for a in arts:
        if a["body"] or not headless or not any(B[i].role == C.BYLINE for i in a["header"]):
            continue
        h0 = a["header"][0]
        near = [ch for ch in headless if abs(ch[0] - h0) <= 4 * WINDOW and len(ch) >= 2]
        if not near:
            continue
        ch = max(near, key=lambda c: (sum(len(B[i].flat) for i in c), -c[0]))
        a["body"] = ch
        headless = [c for c in headless if c is not ch]
        pg.warn("headline-moved", h0, f"headline block {h0} joined to its body starting at block {ch[0]}")
    return headless


def _header_sets(B, a, sets) -> set:
    hs = set()
    for i in a["header"]:
        if B[i].role != C.BYLINE:
            hs |= sets[i]
    return hs


def _opening(body: list[int], sets) -> set:
    """The pairs of characters of a body's opening blocks (what `_match` reads)."""
    text = set()
    for i in body[:6]:
        text |= sets[i]
    return text


_ONCE: tuple = (None, 0.0)   # (the last page's idf, its `_found_once`): asked many times a page


def _found_once(idf) -> float:
    """The idf of a character pair found once on the page, less a hair: pairs at or
    above it stand only where they are and tell nothing about which text matches."""
    global _ONCE
    got = _ONCE
    if got[0] is not idf:
        got = _ONCE = (idf, max(idf.values(), default=0.0) - 1e-9)
    return got[1]


def _match(hs: set, text: set, idf, top: float) -> float:
    """How well a headline's words (`hs`) are found in the opening blocks of a
    body (`text`, from `_opening`). Pairs of characters found nowhere else on
    the page (idf `top`) tell nothing about which body a headline belongs to and
    are left out of the measure."""
    return _match_weighted(*_headline_weights(hs, idf, top), text)


def _headline_weights(hs: set, idf, top: float) -> tuple[list[tuple[str, float]], float]:
    """The bigrams of `hs` that `_match` counts, with their idf (in hs's order),
    and their summed weight: read once per headline, which is matched against
    many bodies."""
    weighted, tot = [], 0.0
    for g in hs:
        w = idf.get(g, 0.0)
        if w < top:
            weighted.append((g, w))
            tot += w
    return weighted, tot


def _match_weighted(weighted: list[tuple[str, float]], tot: float, text: set) -> float:
    """`_match` from a headline's `_headline_weights` (summed in the same order)."""
    if tot <= 0:
        return 0.0
    got = 0.0
    for g, w in weighted:
        if g in text:
            got += w
    return got / tot * min(1.0, got / 10)


STAY = 0.5         # a body printed right under its headline keeps it unless clearly better matched
MOVE_MIN = 0.3     # the least match for a headline to take a body printed elsewhere


def _assign_bodies(pg, arts, headless, sets, idf) -> list[list[int]]:
    """Headlines and the bodies that open an article (a body read under a
    headline, or a headless chain opening like an article), matched as a whole:
    each headline takes at most one body, maximising how well headline words
    are found in the bodies, with a bonus for the body printed right under a
    headline. Headlines detached from their text, or printed after it, so find
    their body even when another headline sits between them (two headlines in
    a row, their bodies below in the same order)."""
    B = pg.blocks
    heads = [a for a in arts if a["header"]]
    if not heads or len(heads) + len(headless) < 2:
        return headless

    def opens(ch):
        return C.is_lead(B[ch[0]].flat) or (B[ch[0]].role == C.BODY and _start_like(B[ch[0]]) >= 0.5)

    bodies = [a["body"] for a in heads if a["body"]] + [ch for ch in headless if opens(ch)]
    if not bodies:
        return headless
    top = _found_once(idf)
    span = 4 * WINDOW
    texts = [_opening(body, sets) for body in bodies]
    under = {id(a["body"]) for a in heads if a["body"]}
    # a body printed under a headline opens an article whatever its first words
    opening = [id(body) in under or opens(body) for body in bodies]
    named = [_headline_text(B, a) for a in heads]
    places = [C.story_place(B[body[0]].flat, after_lead=True) for body in bodies]
    cands = []
    for hi, a in enumerate(heads):
        weighted, tot = _headline_weights(_header_sets(B, a, sets), idf, top)
        h0 = a["header"][0]
        for bi, body in enumerate(bodies):
            mine = body is a["body"]
            if not mine and (abs(body[0] - h0) > span or not opening[bi]):
                continue
            v = _match_weighted(weighted, tot, texts[bi])
            p = places[bi]
            if mine and not (p and p not in named[hi] and any(p in n for n in named)):
                # (a body whose story opens in a city another headline names,
                # and this one does not, has no claim to the headline above it)
                v += STAY
            elif v < MOVE_MIN:
                continue
            cands.append(Cand(hi, bi, v, 0, ""))
    got = {c.left: c.right for c in assign(cands, threshold=0.0)}
    if all(got.get(hi) is not None and bodies[got[hi]] is a["body"] for hi, a in enumerate(heads) if a["body"]) \
            and not any(not a["body"] and hi in got for hi, a in enumerate(heads)):
        return headless
    taken = set(got.values())
    rest = [body for bi, body in enumerate(bodies) if bi not in taken]
    for hi, a in enumerate(heads):
        new = bodies[got[hi]] if hi in got else []
        if new is not a["body"]:
            a["body"] = new
            h0 = a["header"][0]
            if new and new[0] < h0:
                pg.warn("headline-after-body", h0, f"headline block {h0} placed before its body (block {new[0]})")
            elif new:
                pg.warn("headline-moved", h0, f"headline block {h0} joined to its body starting at block {new[0]}")
    kept = [ch for ch in headless if not opens(ch)]
    return sorted(kept + rest, key=lambda ch: ch[0])


def _weight(hs: set, idf) -> float:
    return fsum(map(idf.get, hs, repeat(0)))


def _frac(hs: set, text: set, idf, tot: float) -> float:
    """Share of hs's idf weight (`tot`, from _weight) found in text (summed in
    hs's order; map/filter only to avoid a Python frame per bigram)."""
    if tot <= 0:
        return 0.0
    return fsum(map(idf.get, filter(text.__contains__, hs), repeat(0))) / tot


def _reassign_tails(pg, arts, jl, sets, idf, group: dict[int, int]) -> None:
    """A headline without a body whose body was read into another article (its
    columns follow that article): move the tail that talks about it. When it is
    printed above the other article's headline (two headlines in a row, or a
    detached headline whose body was printed under a later one), its body may
    instead be the first paragraphs under that headline: move that head. A
    place headline a names, and the other headline does not, named again and
    again in the moved text is evidence enough where a's words are few.
    Never cut inside a group of columns read in reverse (`group`: block → group),
    which is the text of one article."""
    B = pg.blocks
    last_text = max((b.index for b in B if b.role in C.TEXT_ROLES), default=-1)
    top = _found_once(idf)
    for a in arts:
        if a["body"] or not a["header"] or a["header"][-1] >= last_text:
            continue
        if len(_headline_text(B, a)) < 10:
            continue
        hs = {g for g in _header_sets(B, a, sets) if idf.get(g, 0.0) < top}  # as in `_match`
        ws = _weight(hs, idf)
        best = None
        for host in arts:
            body = host["body"]
            if host is a or len(body) < 2 or not host["header"]:
                continue
            if abs(body[0] - a["header"][0]) > 4 * WINDOW:
                continue
            hh = {g for g in _header_sets(B, host, sets) if idf.get(g, 0.0) < top}
            wh = _weight(hh, idf)
            # headline a printed above the host's (right above it, or with other
            # articles between: a detached headline whose body was printed
            # under a later headline, before that headline's own text)
            headed_below = host["header"][0] > a["header"][-1] or _printed_over(B, a["header"][-1], body[0])
            # the host's text above a cut, all of it: its headline words are
            # mostly in its opening paragraphs, however far above the cut (a
            # window of the last few blocks above would let a cut inside the
            # host's own later paragraphs look as good as one below them)
            want = hs | hh   # (`_frac` reads only these of the texts below)
            pre = set()
            for k in range(1, len(body)):
                x, y = body[k - 1], body[k]
                pre |= want & sets[x]
                if B[y].role != C.BODY or C.is_lead(B[y].flat):
                    continue
                loose = x in jl or is_open(B[x])
                if loose and not _bare_cut(B, x, y, jl):
                    continue
                if x in group and group[x] == group.get(y):
                    continue
                series = _series_key(B[y])
                if series is not None and any(_series_key(B[i]) == series for i in body[max(0, k - 6):k]):
                    continue  # one more of the enumerated paragraphs above (`绿色生态。` `绿色通道。`)
                rest = _found_in(want, [sets[i] for i in body[k:k + 6]])
                fn, fo = _frac(hs, rest, idf, ws), _frac(hh, rest, idf, wh)
                pn, po = _frac(hs, pre, idf, ws), _frac(hh, pre, idf, wh)
                v = (fn - fo) + (po - pn)
                # on a tie the later cut: the blocks between name neither headline
                # and stay with the text they are printed in, unless they talk
                # about the text after them (`_talks_on`)
                # (too few of a's words below the cut: enough when the text there keeps
                # naming the place headline a names and the host's does not)
                if v >= (LOOSE_CUT if loose else 0.5) and po > pn and fn > fo and (best is None or v >= best[0]) \
                        and (fn >= MATCH_MIN or _names_host(B, body[k:k + 6], a, host)) \
                        and not _names_host(B, body[k:k + 6], host, a) \
                        and not _place_goes_on(B, body, k, a) and not _place_left_behind(B, body, k, host, a):
                    # the earliest cut of a tie with this host stays known
                    tie = best[4] if best is not None and best[1] is host and not best[3] \
                        and abs(v - best[0]) < 1e-9 else k
                    best = (v, host, k, False, tie)
                if not headed_below or fo <= fn:
                    continue
                # the headline printed above the host's: its body may be the host's
                # first paragraphs, the host's own body following them (found by
                # a's words, as many as a tail needs, or by the place a names and
                # the host's headline does not)
                opening = _found_in(want, [sets[i] for i in body[:k][:6]])  # (`_opening`)
                hn, ho = _frac(hs, opening, idf, ws), _frac(hh, opening, idf, wh)
                v = (hn - ho) + (fo - fn)
                if v >= 0.5 and hn > ho and (hn >= MATCH_MIN or _names_host(B, body[:k], a, host)):
                    if best is None or v > best[0]:
                        best = (v, host, k, True, k)
                    elif best[1] is host and best[3] and ho < MATCH_MIN:
                        # a later cut, the blocks between hardly naming the host's
                        # headline: kept as the cut's far end (`_talks_on`)
                        best = best[:4] + (k,)
        if best is None:
            best = _place_cut(B, arts, a, jl, group)
        if best is not None:
            _, host, k, first, tie = best
            if tie < k and _talks_on(host["body"], tie, k, sets, idf):
                k = tie
            elif tie > k and not _talks_on(host["body"], k, tie, sets, idf):
                # the blocks after a moved head that talk on about it, not
                # about the host's text after them, go with it
                k = tie
            if first:
                a["body"], host["body"] = host["body"][:k], host["body"][k:]
            else:
                a["body"], host["body"] = host["body"][k:], host["body"][:k]
            pg.warn("headline-moved", a["header"][0],
                    f"headline block {a['header'][0]} joined to its body starting at block {a['body'][0]}")


PLACE_SPAN = 6   # body blocks after a cut (and twice as many before) whose places `_place_cut` reads
STORY_OPENING = 3   # a host body's first blocks, where its story introduces its place


def _place_cut(B, arts, a: dict, jl, group: dict[int, int]):
    """For headline a, printed above the text of another article (its host)
    and without a body, when its words hardly appear in any text: the host's
    text after a paragraph end keeps naming a district or city (twice or
    more) that the host's text before never names, and the other way round.
    One article stays in its place; the text after such a cut is the body
    detached from headline a, printed after the host. As `_reassign_tails`
    best: (score, host, k, False, k) or None."""
    h = a["header"][-1]
    named = "".join(B[i].flat for i in a["header"])
    for host in arts:
        body = host["body"]
        if host is a or len(body) < 2 or not host["header"] or host["header"][0] < h:
            continue
        for k in range(1, len(body)):
            x, y = body[k - 1], body[k]
            if B[y].role != C.BODY or C.is_lead(B[y].flat) or _start_like(B[y]) < 0.5:
                continue
            if (x in jl or is_open(B[x])) and not _bare_cut(B, x, y, jl):
                continue
            if x in group and group[x] == group.get(y):
                continue
            before = "".join(B[i].flat for i in body[max(0, k - 2 * PLACE_SPAN):k])
            after = "".join(B[i].flat for i in body[k:k + PLACE_SPAN])
            mine = [w for w, n in _count_places(B, body[max(0, k - 2 * PLACE_SPAN):k]).items() if n >= 2]
            theirs = [w for w, n in _count_places(B, body[k:k + PLACE_SPAN]).items() if n >= 2]
            if mine and theirs and not any(w in after for w in mine) and not any(w in before for w in theirs) \
                    and not any(w[:-1] in named for w in mine):
                return (0.0, host, k, False, k)
    return None


def _talks_on(body: list[int], i: int, k: int, sets, idf) -> bool:
    """Do the blocks body[i:k], which name neither headline (cuts before and
    after them score alike in `_reassign_tails`), share more words with the
    text after them than with the text before? Then they open the moved text
    rather than close the host's."""
    mid = _text_sets({"header": [], "body": body[i:k]}, sets)
    after = _text_sets({"header": [], "body": body[k:k + 3]}, sets)
    before = _text_sets({"header": [], "body": body[max(0, i - 3):i]}, sets)
    return C.cohesion(mid, after, idf) > C.cohesion(mid, before, idf)


def _names_host(B, blocks: list[int], host: dict, a: dict) -> bool:
    """Do the blocks keep naming (twice or more) a district or city that the
    host's headline names and headline a's does not? A headline's place pins
    its article's text: that text stays with the host, whatever else it shares."""
    mine, theirs = _headline_text(B, host), _headline_text(B, a)
    return any(n >= 2 and w[:-1] in mine and w[:-1] not in theirs
               for w, n in _count_places(B, blocks).items())


def _headline_text(B, art: dict) -> str:
    """The words an article's header prints above its body (kicker, title, subtitle;
    not the byline): where its place and topic are named."""
    return "".join(B[i].flat for i in art["header"] if B[i].role != C.BYLINE)


@functools.lru_cache(maxsize=4096)
def _places(t: str) -> dict[str, int]:
    """`C.localities` of one block's text, cached: every cut tried in a body
    reads the places of the same blocks again."""
    return C.localities(t)


def _count_places(B, blocks: list[int]) -> dict[str, int]:
    """How often each district, county or city is named in the blocks."""
    count: dict[str, int] = {}
    for i in blocks:
        for w, n in _places(B[i].flat).items():
            count[w] = count.get(w, 0) + n
    return count


def _place_goes_on(B, body: list[int], k: int, a: dict) -> bool:
    """Does the text after a cut at body[k] (its first block, or twice or more
    further on) name a district or city that the host's opening paragraphs name
    too, and headline a does not? A story stays in the place it opens in: that
    text goes on with the article above the cut."""
    count = _count_places(B, body[k:k + PLACE_SPAN])
    if not count:
        return False
    first = _places(B[body[k]].flat)
    named = _headline_text(B, a)
    opening = "".join(B[i].flat for i in body[:min(k, STORY_OPENING)])
    return any((n >= 2 or w in first) and w in opening and w[:-1] not in named for w, n in count.items())


def _place_left_behind(B, body: list[int], k: int, host: dict, a: dict) -> bool:
    """Does the host's text between its opening paragraphs and a cut at body[k]
    name a district or city that headline a names and neither the host's
    headline nor its opening does? That text opens a's story: the cut is too late."""
    theirs = _headline_text(B, a)
    found = [w for i in body[STORY_OPENING:k] for w in _places(B[i].flat) if w[:-1] in theirs]
    if not found:
        return False
    mine = _headline_text(B, host) + "".join(B[i].flat for i in body[:min(k, STORY_OPENING)])
    return any(w not in mine and w[:-1] not in mine for w in found)


LOOSE_CUT = 1.0   # the least `_reassign_tails` score for a cut after a sentence left open


def _bare_cut(B, x: int, y: int, jl) -> bool:
    """May a body be cut between x and y though x ends mid-sentence? Only when
    nothing but page order joins them (no join, or one read off adjacency
    alone) and y opens a paragraph: a paragraph whose continuation was lost
    ends a column, and the next article's text begins under it."""
    c = jl.get(x)
    return (c is None or (c.right == y and c.reason == "adjacent")) and _start_like(B[y]) >= 0.5


def _printed_over(B, h: int, i: int) -> bool:
    """Is block i the first text block printed after headline block h? A body
    another headline took (its own headline detached above) may then open with
    the paragraphs of this headline's article."""
    return i > h and not any(B[j].role in C.TEXT_ROLES for j in range(h + 1, i))


def _series_key(b: Block) -> tuple | None:
    """The lead-in clause shape a block shares with other enumerated paragraphs
    (`C.parallel_starts`), None if it opens like no other."""
    return C.lead_in_key(b.flat) if getattr(b, "_parallel", False) else None


def _text_sets(a, sets) -> set:
    out = set()
    for i in a["header"] + a["body"]:
        out |= sets[i]
    return out


def walk_all(h, nxt):
    out, seen = [], set()
    while h is not None and h not in seen:
        seen.add(h)
        out.append(h)
        h = nxt.get(h)
    return out


def _start_like(b: Block) -> float:
    """How much a block looks like the start of a paragraph (vs. a continuation)."""
    t = b.flat
    lex = lexicon()
    v = 1.0 - 2.0 * lex.cont_prior(t[0])
    if b.role in (C.HEADING, C.HEAD, C.CALLOUT):
        v += 1.5
    if t[0] in NO_START:
        v -= 3.0
    m = re.search(r"[，,、；;。：:]", t)
    if m and m.start() <= 5 and t[m.start()] in "，,、":
        v -= 1.0
    if OPENER_RE.match(t) or C.is_lead(t) or t[0] in "“「《" or getattr(b, "_parallel", False):
        v += 1.0
    return v


def _break_cycles(B, T, cycles, nxt, prv, jl, joins, sets, idf) -> list[int]:
    """Columns read round in a circle: cut each cycle where a new chain most
    plausibly starts (an article's lead matching a bodiless headline, else the
    most start-like block after a complete paragraph). Returns the new heads."""
    def breakable(x):
        if x not in jl:
            return True
        return "adjacent" in jl[x].reason and not any(r in jl[x].reason for r in ("word", "repeat", "nostart", "recurs"))

    heads = []
    # bodiless headline sets
    hl = []
    for k, i in enumerate(T):
        if B[i].role == C.TITLE:
            hs = set()
            k2 = k
            while k2 < len(T) and B[T[k2]].role in (C.TITLE, C.SUBTITLE):
                hs |= sets[T[k2]]
                k2 += 1
            while k2 < len(T) and B[T[k2]].role == C.BYLINE:
                k2 += 1
            if k2 >= len(T) or B[T[k2]].role == C.TITLE or nxt.get(T[k2 - 1]) is None:
                hl.append((i, hs))
    scored = []
    for ci, cyc in enumerate(cycles):
        for x in cyc:
            y = nxt[x]
            if not breakable(x) or B[y].role != C.BODY:
                continue
            for h0, hs in hl:
                if abs(h0 - y) > 4 * WINDOW:
                    continue
                tot = fsum(idf.get(g, 0) for g in hs)
                if tot > 0:
                    got = fsum(idf.get(g, 0) for g in hs if g in sets[y])
                    scored.append((got / tot, ci, x))
    done = set()
    by_cycle: dict[int, list[float]] = {}
    for z in scored:
        by_cycle.setdefault(z[1], []).append(z[0])
    for sc, ci, x in sorted(scored, key=lambda z: (-z[0], z[1], z[2])):
        if ci in done:
            continue
        others = sorted(by_cycle[ci], reverse=True)
        second = others[1] if len(others) > 1 else 0.0
        if sc < 0.2 or (len(others) > 1 and sc < 1.15 * second):
            continue
        done.add(ci)
        heads.append(_cut(x, nxt, prv, jl, joins))
    for ci, cyc in enumerate(cycles):
        if ci in done:
            continue
        opts = [x for x in cyc if breakable(x) and x not in jl and not is_open(B[x])]
        weak = [x for x in cyc if x in jl and breakable(x)]
        if weak and any(x in jl and "adjacent" not in jl[x].reason for x in cyc):
            # a distant join closed the loop over an adjacency-only join: columns
            # read in reverse; the adjacency is the weaker evidence
            x = min(weak, key=lambda x: (jl[x].score, x))
        elif opts:
            x = min(opts, key=lambda x: (_start_like(B[nxt[x]]), nxt[x]))
        else:
            x = min((x for x in cyc if x in jl), key=lambda x: jl[x].score, default=cyc[0])
        heads.append(_cut(x, nxt, prv, jl, joins))
    return heads


_BODYISH = {C.BODY, C.HEADING, C.CALLOUT}


def _relink_reversed(B, T, pos, nxt, prv, jl, joins, sets, idf) -> bool:
    """Columns printed in reverse order: a column that ends mid-sentence with no
    successor continues in the column printed just before its own (page order
    c3 c2 c1: the end of c1 goes on at the start of c2). A column is a run of
    text blocks linked in page order; the candidate is the start of the run
    that ends right before this run starts, accepted when the text does not
    speak against it and no loop results."""
    def page_prev(i):
        k = pos[i]
        return T[k - 1] if k > 0 else None

    def run_start(i):
        seen = 0
        while seen < 400:
            p = prv.get(i)
            if p is None or p != page_prev(i) or B[p].role not in _BODYISH or p in jl and jl[p].right != i:
                return i
            i = p
            seen += 1
        return i

    def reaches(a, target):
        n = 0
        while a is not None and n < 300:
            if a == target:
                return True
            a = nxt.get(a)
            n += 1
        return False

    header = (C.TITLE, C.SUBTITLE, C.BYLINE)
    grams = None
    changed = False
    # column capacity: characters between consecutive cuts read in page order
    off, o = {}, 0
    for i in T:
        off[i] = o
        o += len(B[i].flat)
    cuts = sorted(off[c.right] for c in joins if c.right in off and pos[c.right] == pos.get(c.left, -9) + 1)
    gaps = sorted(b - a for a, b in zip(cuts, cuts[1:]) if 60 <= b - a <= 1500)
    cap = gaps[len(gaps) // 2] if len(gaps) >= 3 else None
    for L in T:
        b = B[L]
        if b.role != C.BODY or not is_open(b) or L in jl or nxt.get(L) is not None:
            continue
        s0 = run_start(L)
        pp = page_prev(s0)
        if pp is None or B[pp].role not in _BODYISH or s0 - pp > 3:
            continue
        R = run_start(pp)
        if R == s0 or B[R].role != C.BODY or C.is_lead(B[R].flat) or s0 - R > WINDOW:
            continue
        p = prv.get(R)
        if p is not None and B[p].role not in header:
            continue
        if reaches(R, L):
            continue
        if grams is None:
            grams = _Grams(B)
        c = score_pair(b, B[R], adjacent=False, col_start=True, ctx=grams.near(L), sets=sets, idf=idf,
                       left_ctx=lambda: sets[L], right_ctx=lambda: sets[R], need_evidence=False)
        if c is None:
            continue
        run = off[pp] + len(B[pp].flat) - off[R]
        fits = cap is not None and abs(run - cap) <= 0.25 * cap
        if cap is not None and run > 1.4 * cap:
            continue
        # the open run starts with a news lead printed after text that sits right
        # under a headline: that text is a later column of the same article
        lead_run = C.is_lead(B[s0].flat) and p is not None and B[p].role in header
        bonus = 2.0 + (1.5 if fits else 0.0) + (1.5 if lead_run else 0.0)
        if c.score + bonus < 1.0 or (_start_like(B[R]) > 1.5 and c.reason == "weak" and not (fits or lead_run)):
            continue
        c.reason += ",reversed-columns"
        if p is not None:
            nxt.pop(p, None)
        prv[R], nxt[L] = L, R
        joins.append(c)
        jl[L] = c
        changed = True
    return changed


def _cut(x, nxt, prv, jl, joins) -> int:
    y = nxt.pop(x)
    prv.pop(y, None)
    if x in jl:
        joins.remove(jl.pop(x))
    return y


def _joined(*parts: str | None) -> str | None:
    """Header parts joined by a space, empty ones (a bare `——` line) left out."""
    return " ".join(p.strip() for p in parts if p and p.strip()) or None


def _article(pg: _Page, a: dict, jl: dict) -> tuple[int, Item]:
    B = pg.blocks
    hdr, body = a["header"], a["body"]
    first = min(hdr + body)
    title = kicker = subtitle = byline = None
    for i in hdr:
        b = B[i]
        if b.role == C.TITLE:
            lines = b.text.split("\n")
            if len(lines) == 2 and not C._SUB_RE.match(lines[1]):
                kicker, t = lines[0].strip(), lines[1].strip()
            else:
                t = " ".join(x for x in lines if not C._SUB_RE.match(x)) or b.flat
                subs = [C.strip_subtitle(x) for x in lines if C._SUB_RE.match(x)]
                if subs:
                    subtitle = _joined(subtitle, *subs)
            t, sub = C.split_title(t)
            title = t
            if sub:
                subtitle = _joined(subtitle, sub)
        elif b.role == C.SUBTITLE:
            subtitle = _joined(subtitle, C.strip_subtitle(b.flat))
        elif b.role == C.BYLINE:
            byline = _joined(byline, b.flat)
    if not body and not (subtitle or byline) and title is not None:
        # a lone headline-shaped line with no text: a label or column name
        return first, Item(kind="other", paragraphs=[Paragraph("p", B[hdr[0]].text)], blocks=sorted(hdr))
    paras: list[Paragraph] = []
    k = 0
    while k < len(body):
        i = body[k]
        b = B[i]
        text = b.flat
        typ = {C.HEADING: "heading", C.CALLOUT: "callout"}.get(b.role, "p")
        while i in jl and k + 1 < len(body) and body[k + 1] == jl[i].right:
            c = jl[i]
            r = B[c.right].flat
            if c.overlap:
                pg.warn("duplicate-overlap", c.right,
                        f"block {c.right} starts by repeating the end of block {c.left}; dropped: {r[:c.overlap]}")
            text += r[c.overlap:]
            k += 1
            i = body[k]
        if text:
            paras.append(Paragraph(typ, text))
        k += 1
    return first, Item(kind="article", title=title, kicker=kicker, subtitle=subtitle, byline=byline,
                       paragraphs=paras, blocks=sorted(hdr + body))
