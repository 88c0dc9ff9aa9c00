"""Which block continues which: pair scores from the text, then one global
assignment (each fragment at most one predecessor and one successor)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import Block
from .classify import BODY, HEAD, cohesion, head_likeness, is_lead
from .lexicon import (dangling_end, CONT_START, UNITS, NO_START, OPEN_END_CHARS, OPENER_RE, ends_closed, head_window, is_cjk, lexicon,
                      tail_window)

WINDOW = 40          # candidate successors within this many blocks either side
THRESHOLD = 1.0      # minimum score for a join
MAX_EXACT = 60       # components up to this size are solved exactly


@dataclass
class Cand:
    left: int
    right: int
    score: float
    overlap: int      # repeated characters at the start of `right` to drop
    reason: str


def is_open(b: Block) -> bool:
    t = b.flat
    if not t:
        return False
    if ends_closed(t):
        return False
    return t[-1] not in ";；:："


def find_overlap(lt: str, rt: str) -> int:
    """Longest k ≥ 3 such that right starts with the last k characters of left."""
    if len(rt) < 3 or rt[:3] not in lt[-62:]:
        return 0
    for k in range(min(len(rt), len(lt) - 1, 60), 2, -1):
        if lt.endswith(rt[:k]):
            seg = rt[:k]
            if sum(1 for c in seg if is_cjk(c) or c.isalnum()) >= 2:
                return k
    return 0


_OPEN_END = frozenset(OPEN_END_CHARS)
_CLAUSE = re.compile(r"^([^\s,，。、;；:：!！?？“”]{1,2})([,，。、;；:：!！?？])")


def _short_clause(t: str, lex) -> bool:
    """A text opening with a clause of one or two characters (`上,如何…`, `关键。`)."""
    m = _CLAUSE.match(t)
    if not m:
        return False
    w, p = m.groups()
    if len(w) == 1:
        return True
    if p in "。！？!?、":
        return True
    return not OPENER_RE.match(t) and lex.cont_prior(w[0]) > 0.5


def score_pair(L: Block, R: Block, *, adjacent: bool, col_start: bool, ctx,
               sets: list[set[str]], idf: dict[str, float], left_ctx, right_ctx,
               need_evidence: bool = True) -> Cand | None:
    """Score `R` continuing `L`. A distant pair without evidence of its own is
    skipped (None) unless need_evidence is False."""
    lex = lexicon()
    lt, rt = L.flat, R.flat
    if not lt or not rt or is_lead(rt):
        return None
    reasons = []
    s = 0.0
    k = find_overlap(lt, rt)
    if k and k >= len(rt):
        return None  # a pure duplicate: handled elsewhere
    strong = False
    if k and L.role != BODY:
        # a headline-like line followed by a paragraph repeating its last words is
        # ordinary text; a real repeat usually cuts a word that the join restores
        lw0, rw0 = tail_window(lt), head_window(rt[k:])
        if not (adjacent and lw0 and rw0 and lexicon().boundary(lw0, rw0)[0] > 0):
            k = 0
    if k and not adjacent and k < 5:
        k = 0
    if k:
        # a repeat joins what the page printed next; far away it is weaker than adjacency
        s += min(5.0, 1.0 + 0.5 * k) if adjacent else min(2.0, 0.5 + 0.25 * k)
        strong = k >= 5 and adjacent
        reasons.append(f"repeat{k}")
        rt_eff = rt[k:]
    else:
        rt_eff = rt
    if not rt_eff:
        return None
    lw, rw = tail_window(lt), head_window(rt_eff)
    gain = 0.0
    if lw and rw and lw[-1] == lt[-1] and rw[0] == rt_eff[0]:
        gain, word = lex.boundary(lw, rw)
        if gain > 0:
            s += 0.5 * min(gain, 10.0)
            reasons.append(f"word:{word}")
            if gain >= 5:
                strong = True
    if rt_eff[0] in NO_START or (rt_eff[0] in CONT_START and not lex.word_freq(rt_eff[:2])):
        s += 3.0
        strong = True
        reasons.append("nostart")
    elif _short_clause(rt_eff, lex):
        s += 2.5
        strong = True
        reasons.append("short-clause")
    elif adjacent and len(rt_eff) <= 8 and ends_closed(rt_eff) and R.role == BODY:
        s += 2.5
        strong = True
        reasons.append("tiny-tail")
    elif lt[-1].isdigit() and rt_eff[0] in UNITS:
        s += 3.0
        strong = True
        reasons.append("number")
    else:
        s += 2.0 * (lex.cont_prior(rt_eff[0]) - 0.5)
    s += 2.0 * (lex.open_prior(lt[-1]) - 0.5)
    if dangling_end(lt, _OPEN_END):
        s += 1.5
        reasons.append("open-end")
    if adjacent:
        s += 3.0
        reasons.append("adjacent")
    elif not col_start:
        s -= 1.0
    if OPENER_RE.match(rt_eff):
        s -= 1.5
    # the joined string recurs elsewhere on the page
    if lw and rw and ctx:
        best = 0
        for i in (4, 3, 2):
            for j in (4, 3, 2):
                if i > len(lw) or j > len(rw) or i + j <= best or i + j < 4:
                    continue
                if i + j not in (4, 6) and not isinstance(ctx, str):  # page gram sets hold 4- and 6-grams
                    continue
                if (lw[-i:] + rw[:j]) in ctx:  # ctx: a set of page n-grams, or a string
                    best = i + j
        if best:
            s += min(4.0, 2.0 + (best - 4))
            reasons.append(f"recurs{best}")
    if not adjacent and not reasons and need_evidence:
        return None
    if L.role != HEAD:
        coh = cohesion(left_ctx(), right_ctx(), idf)
        s += min(2.0, coh / 12.0)
    if not adjacent and not reasons:
        s -= 2.0  # a distant block needs some evidence of its own
    s -= 0.01 * abs(R.index - L.index)
    if not strong:
        if getattr(R, "_parallel", False):
            s -= 2.0
        if OPENER_RE.match(rt_eff) and re.match(r"^[^\s,，。]{1,4}[,，]", rt_eff):
            s -= 1.0  # `下一步,` `同时,`: an opening adverbial
        if L.role == HEAD:
            s -= 6.0 * _likeness(L)
        if R.role == HEAD:
            s -= 6.0 * _likeness(R)
    return Cand(L.index, R.index, s, k, ",".join(reasons) or "weak")


def _likeness(b: Block) -> float:
    v = getattr(b, "_likeness", None)
    if v is None:
        v = b._likeness = head_likeness(b.flat)
    return v


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
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta, j1 = INF, 0
            row = cost[i0 - 1]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = row[j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
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
