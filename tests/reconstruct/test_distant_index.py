"""The indexed test of distant candidates (`DistantIndex`, read by the engine
for each left block) is `distant_filter` read per pair, only faster: on the
sample pages it lets through exactly the right blocks the per-pair filter
does, for every left block and window; and `find_overlap` finds the longest
repeat however often the right text's start recurs in the left one."""
from __future__ import annotations

from generator.reconstruct.blocks import parse_blocks
from generator.reconstruct.classify import BODY, HEAD, shape
from generator.reconstruct.joins import WINDOW, DistantIndex, Near, distant_filter, find_overlap

from .helpers import SEEDS


def test_the_index_passes_what_the_per_pair_filter_passes():
    pages = sorted(SEEDS.glob("*.txt"))
    assert pages
    pairs = 0
    for path in pages:
        B = parse_blocks(path.read_text(encoding="utf-8"))
        for b in B:
            b.role = shape(b)
        text = [b for b in B if b.role in (BODY, HEAD)]
        index = DistantIndex(text)
        ctx = Near("\n".join(b.flat for b in B))
        for L in text:
            rs = [R.index for R in text if abs(R.index - L.index) <= WINDOW]
            may = distant_filter(L, ctx, far_starts=True)
            got = index.passing(L, ctx, rs)
            for R in text:
                if R.index in rs:
                    assert (R.index in got) == may(R), (L.flat[-12:], R.flat[:12])
                    pairs += 1
    assert pairs > 1000


def test_the_longest_repeat_is_found_among_several_places():
    assert find_overlap("这是文明城区文明城区", "文明城区文明城区创建") == 8
    assert find_overlap("文明城区创建文明", "文明城区的创建") == 0
    assert find_overlap("推进文明城区创建工作", "创建工作,成效") == 4
    assert find_overlap("abc", "abcd") == 0   # (the whole left text is never a repeat)
