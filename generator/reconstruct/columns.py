"""Column chunks and their reading direction.

A layout export prints an article's columns one after the other; sometimes in
reverse (last column first). Each column of body text is a *chunk*: a run of
blocks that starts after a cut (the previous block ends mid-sentence), at a
block that starts mid-sentence or at a news lead. Whether a run of chunks is
read forward or in reverse is a property of the whole article, not of one cut:
one cut alone often has no language evidence either way, while the article as
a whole (its lead printed last, the text under its headline starting
mid-sentence, words spanning most cuts one way) shows clearly how it was
printed. So the chunks of each run between headlines are split into groups,
each read forward or in reverse, by a small dynamic programme over the
evidence of the cuts (`score_pair` without the adjacency bonus) and of group
starts and ends (a group should start cleanly and end with a full stop).
"""
from __future__ import annotations

from . import classify as C
from .joins import _head, _likeness, is_open

MAX_GROUP = 12       # chunks in one group (keeps the programme linear in the page)
GROUP_COST = 1.0     # each group: prefer few
REVERSE_COST = 2.5   # a reversed group: rarer than a forward one
CLOSED_TO_CONT = -3.0  # a complete sentence followed by a mid-sentence start
OPEN_TO_LEAD = -4.0    # a cut sentence "continued" by a news lead
START_CONT = -2.5      # a group that starts mid-sentence
START_LEAD = 1.0       # a group that starts with a news lead
START_PARALLEL = 0.5   # … or with a paragraph opening like its siblings (`parallel_starts`)
END_OPEN = -2.0        # a group that ends mid-sentence
RUN_END_OPEN = -2.0    # … and is the last of a run under a headline
HEADLINE = 1.5         # a group starting with the words of the headline above it
LINK_MIN, LINK_MAX = -4.0, 6.0
FORWARD = 2.0          # a cut going on in the next block printed: the usual case
SPLIT_MIN = 0.0        # a column starting after a full stop needs text evidence of its own
MAX_SPLIT = 4          # complete paragraphs a first printed column may hold
CAP_TOL = 0.1          # columns of one article hold about as many characters:
CAP_W = 6.0            # the weight of a column off that capacity by more than CAP_TOL
CAP_MAX = 1.5          # (relative excess, capped)
WEAK_SPLIT = 0.5       # a split with no text evidence of its own: settled by capacity


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
    pen = sum(min(CAP_MAX, max(0.0, abs(x / cap - 1.0) - CAP_TOL)) for x in mids)
    pen += min(CAP_MAX, max(0.0, first / cap - 1.0 - CAP_TOL))
    pen += min(CAP_MAX, max(0.0, last / cap - 1.0 - CAP_TOL))
    return pen


def _cont(b) -> bool:
    """The block starts mid-sentence (a continuation)."""
    return b.role == C.BODY and bool(_head(b.flat).start) and not getattr(b, "_parallel", False)


def _open(b) -> bool:
    """The block ends mid-sentence: body text, or a short line that reads as
    cut prose rather than a heading."""
    return is_open(b) and (b.role == C.BODY or b.role == C.HEAD and _likeness(b) < 0.5)


def _headline_like(b) -> bool:
    """A short line shaped like a headline (not yet told from a section
    heading): it ends a run, as a reversed article never reads across it."""
    if b.role != C.HEAD:
        return False
    if C.kicker_shape(b.text.split("\n")):
        return True
    return C.title_evidence(b.flat) >= 1.5 and _likeness(b) >= 0.5


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
            cand = [seg[p] for p in range(a + 1, z) if B[seg[p]].role == C.HEAD and _likeness(B[seg[p]]) > 0.0]
            if cand:
                out.add(max(cand, key=lambda i: (_likeness(B[i]) + 0.5 * C.title_evidence(B[i].flat), i)))

    for i in T:
        b = B[i]
        if b.role in header or b.md in (1, 2) or _headline_like(b):
            close()
            seg = []
        elif b.role in (C.BODY, C.HEAD):
            seg.append(i)
    close()
    return out


def chunk_runs(B, T, starts=frozenset(), glued=frozenset()) -> list[tuple[list[int], list[list[int]]]]:
    """Runs of body text between headers: (the header blocks right above the
    run, [] when none; the run's chunks, lists of block indices in page order).
    `starts`: blocks known to continue some other block (a chunk starts there);
    `glued`: blocks known to go on in the next block (no chunk starts after them)."""
    header = (C.TITLE, C.SUBTITLE, C.BYLINE)
    between = _between_leads(B, T, header)
    runs, run, chunk, hdr = [], [], [], []
    prev = None
    for i in T:
        b = B[i]
        if b.role in header or b.md in (1, 2) or _headline_like(b) or i in between:
            if chunk:
                run.append(chunk)
            if run:
                runs.append((hdr, run))
                hdr = []
            if b.role != C.BYLINE:
                hdr = hdr + [i]
            run, chunk, prev = [], [], None
            continue
        if b.role not in (C.BODY, C.HEAD):
            prev = None
            continue
        cut = prev is not None and _open(prev)
        new = not chunk or ((prev is None or prev.index not in glued)
                            and (cut or _cont(b) or C.is_lead(b.flat) or i in starts))
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
    out = []
    for hdr, run in runs:
        if len(run) >= 2 or len(run[0]) >= 2:
            out.extend(_solve(B, hdr, run, lang, sets, idf, top))
    return out


def _solve(B, hdr, run, lang, sets, idf, top) -> list[list[list[int]]]:
    """Best split of one run into groups read forward or in reverse. A reversed
    group is a range of chunks a..b read b, b-1, ..., a; its first printed
    column (the article's last) may also end inside chunk a, after a complete
    paragraph: a two-column article printed in reverse has no cut between its
    columns, only a paragraph end. Where that column ends is settled by the
    text across the cut and by column capacity: the reading whose columns
    hold about the same number of characters (`capacity_misfit`) is preferred
    over the other readings of the same chunks."""
    m = len(run)
    cache: dict = {}
    hs = set()
    for i in hdr:
        hs |= sets[i]
    hs = {g for g in hs if idf.get(g, 0.0) < top}  # found elsewhere on the page
    htot = sum(idf[g] for g in hs)
    opened: dict[int, bool] = {}

    def is_cut(i: int) -> bool:
        v = opened.get(i)
        if v is None:
            v = opened[i] = _open(B[i])
        return v

    def link(L: int, R: int) -> float:
        """Block R read right after block L."""
        v = cache.get((L, R))
        if v is None:
            rb = B[R]
            # (a short line that looks like a heading is cut prose all the same
            # when a block starting mid-sentence goes on from it)
            if is_cut(L) or (B[L].role == C.HEAD and is_open(B[L]) and _cont(rb)):
                if C.is_lead(rb.flat):
                    v = OPEN_TO_LEAD
                else:
                    sc = lang(L, R)
                    v = OPEN_TO_LEAD if sc is None else max(LINK_MIN, min(LINK_MAX, sc))
            else:
                v = CLOSED_TO_CONT if _cont(rb) else 0.0
            cache[(L, R)] = v
        return v

    def start(i: int) -> float:
        """A group (an article's text) starting with block i."""
        b = B[i]
        if _cont(b):
            return START_CONT
        return START_LEAD if C.is_lead(b.flat) else START_PARALLEL if getattr(b, "_parallel", False) else 0.0

    def under(i: int) -> float:
        """Block i starting a group: does it take up the words of the run's headline?"""
        if htot <= 0:
            return 0.0
        got = sum(map(idf.__getitem__, hs & sets[i]))
        return HEADLINE * min(1.0, 2.0 * got / htot)

    s = [c[0] for c in run]
    e = [c[-1] for c in run]
    st = [start(i) + under(i) for i in s]
    en = [END_OPEN if is_cut(i) else 0.0 for i in e]
    if hdr and en[-1]:
        # the last column of a run under a headline ends mid-sentence, right
        # above the next headline (or the page end): read forward, the article
        # would stop there; its sentence goes on in a column printed before it
        en[-1] += RUN_END_OPEN
    # links summed in page order: fw[k] = sum of link(e[j-1], s[j]), rv[k] = sum
    # of link(e[j], s[j-1]), for 0 < j <= k
    fw, rv = [0.0] * m, [0.0] * m
    for j in range(1, m):
        fw[j] = fw[j - 1] + link(e[j - 1], s[j]) + (FORWARD if is_cut(e[j - 1]) else 0.0)
        rv[j] = rv[j - 1] + link(e[j], s[j - 1])
    # a reversed group's first printed column ending inside chunk a, after a
    # complete paragraph at ca[t-1]: the best t when the group is chunk a alone
    # (ca[t] then starts the article) and when more chunks follow (ca[t] then
    # goes on from the end of chunk a+1)
    alone: list[tuple[float, int]] = []
    more: list[list[tuple[float, int]]] = []   # every such split: (score, t)
    ln = [[len(B[i].flat) for i in c] for c in run]
    size = [sum(x) for x in ln]   # characters of each chunk
    for a, ca in enumerate(run):
        b1 = (float("-inf"), 0)
        opts = []
        for t in range(1, min(len(ca), MAX_SPLIT + 1)):
            if is_cut(ca[t - 1]):
                continue  # a cut glued to its continuation: not a column end
            v = start(ca[t]) + under(ca[t])
            if v > b1[0]:
                b1 = (v, -t)
            if a + 1 < m and is_cut(e[a + 1]):
                # a column starting after a full stop needs text evidence of its
                # own, or pays WEAK_SPLIT
                sc = lang(e[a + 1], ca[t], True)
                if sc is not None and sc >= SPLIT_MIN:
                    opts.append((min(LINK_MAX, sc), t))
                else:
                    # or none: then only the lengths of the columns can tell
                    sc = lang(e[a + 1], ca[t])
                    if sc is not None:
                        opts.append((min(LINK_MAX, sc) - WEAK_SPLIT, t))
        back = link(e[a], ca[0]) if len(ca) > 1 else 0.0
        alone.append((b1[0] + back, -b1[1]))
        more.append([(v + back, t) for v, t in opts])
    forward = [0.0] + [float("-inf")] * m   # the best reading without reversed groups
    best = [0.0] + [float("-inf")] * m   # best[k]: chunks 0..k-1 placed
    how: list[tuple[int, int]] = [(0, -1)] * (m + 1)   # (a, -1 forward | 0 reversed | t split)
    behind = [link(e[a + 1], s[a]) + en[a] for a in range(m - 1)]   # chunk a read after chunk a+1
    for b in range(1, m + 1):
        fwb, rvb, stb = fw[b - 1] + en[b - 1] - GROUP_COST, rv[b - 1] - GROUP_COST - REVERSE_COST, st[b - 1]
        fb, bb, hb = forward[b], best[b], how[b]
        for a in range(max(0, b - MAX_GROUP), b):
            v = fwb - fw[a] + st[a]
            if forward[a] + v > fb:
                fb = forward[a] + v
            if best[a] + v > bb:
                bb, hb = best[a] + v, (a, -1)
            # reversed: read b-1, b-2, ..., a
            if b - a >= 2:
                base = best[a] + rvb - rv[a + 1] + stb
                if more[a]:
                    # where the first printed column ends inside chunk a: the
                    # reading whose columns hold about the same number of
                    # characters (against the other readings of these chunks)
                    mids = size[a + 1:b - 1]
                    first = size[b - 1]
                    reads = [(behind[a], 0, capacity_misfit(first, mids, size[a]))]
                    for v, t in more[a]:
                        p2 = sum(ln[a][t:])
                        if b - a == 2:
                            reads.append((v, t, capacity_misfit(size[a + 1], [p2], size[a] - p2)))
                        else:
                            reads.append((v, t, capacity_misfit(first, mids + [p2], size[a] - p2)))
                    low = min(r[2] for r in reads)
                    for v, t, pen in reads:
                        v -= CAP_W * (pen - low)
                        if base + v > bb:
                            bb, hb = base + v, (a, t)
                elif base + behind[a] > bb:
                    bb, hb = base + behind[a], (a, 0)
            elif best[a] + alone[a][0] - GROUP_COST - REVERSE_COST > bb:
                bb, hb = best[a] + alone[a][0] - GROUP_COST - REVERSE_COST, (a, alone[a][1])
        forward[b], best[b], how[b] = fb, bb, hb
    if best[m] <= forward[m]:
        return []  # no reversed reading is better than reading the page as printed
    groups = []
    b = m
    while b > 0:
        a, t = how[b]
        if t == 0:
            groups.append(run[a:b])
        elif t > 0:
            groups.append([run[a][:t], run[a][t:]] + run[a + 1:b])
        b = a
    return groups[::-1]
