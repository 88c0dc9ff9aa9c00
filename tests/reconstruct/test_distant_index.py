"""The indexed test of distant candidates (`DistantIndex`, read by the engine
for each left block) is `distant_filter` read per pair, only faster: on the
sample pages it lets through exactly the right blocks the per-pair filter
does, for every left block and window; and `find_overlap` finds the longest
repeat however often the right text's start recurs in the left one."""
from __future__ import annotations

from generator.reconstruct.blocks import parse_blocks
from generator.reconstruct.classify import BODY, HEAD, shape
from generator.reconstruct.joins import WINDOW, DistantIndex, Near, distant_filter, find_overlap

from .helpers import SEEDS, page


def _pairs_checked(text: str) -> int:
    """Compare the index with the per-pair filter on one page; the pairs compared."""
    B = parse_blocks(text)
    for b in B:
        b.role = shape(b)
    blocks = [b for b in B if b.role in (BODY, HEAD)]
    index = DistantIndex(blocks)
    ctx = Near("\n".join(b.flat for b in B))
    pairs = 0
    for L in blocks:
        rs = [R.index for R in blocks if abs(R.index - L.index) <= WINDOW]
        may = distant_filter(L, ctx, far_starts=True)
        got = index.passing(L, ctx, rs)
        for R in blocks:
            if R.index in rs:
                assert (R.index in got) == may(R), (L.flat[-12:], R.flat[:12])
                pairs += 1
    return pairs


def test_the_index_passes_what_the_per_pair_filter_passes():
    pages = sorted(SEEDS.glob("*.txt"))
    assert pages
    assert sum(_pairs_checked(path.read_text(encoding="utf-8")) for path in pages) > 1000


def test_the_index_lets_a_cut_inside_a_title_meet_the_text_that_closes_it():
    # a cut inside 《…》 passes only to a text that closes the title (see score_pair)
    text = page(
        "剧团还把移风易俗、孝老爱亲等内容编进新戏。由团长参与创作的小戏《彩礼",
        "今年以来,全县已开展送戏下乡演出120余场,吸引群众3万余人次观看。",
        "风波》在乡间演出时很受欢迎,不少村民看完后主动议论起高价彩礼的危害。",
    )
    assert _pairs_checked(text) >= 6


def test_the_longest_repeat_is_found_among_several_places():
    assert find_overlap("这是文明城区文明城区", "文明城区文明城区创建") == 8
    assert find_overlap("文明城区创建文明", "文明城区的创建") == 0
    assert find_overlap("推进文明城区创建工作", "创建工作,成效") == 4
    assert find_overlap("abc", "abcd") == 0   # (the whole left text is never a repeat)
