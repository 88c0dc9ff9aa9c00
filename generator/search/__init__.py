"""Client-side search that works for Chinese (issue #4).

`build_search_files(edition, config)` returns the files of `search/` in the
built site (site-root-relative path → bytes); `themes/default/static/search.js`
reads them. Everything is static: no server, no request to another host. The
index format (lunr indexes as compact postings; search.js builds `lunr.Index`
objects from them) is described in
`postings.py`.

Files:
- `search/meta.json`: the headline layout (k, splits, one hash per shard), the
  document count and average field lengths, the issues (newest first) with
  their id ranges and hashes, the pinyin table's files. The one file without a
  content hash; the search page preloads it.
- headline index (title ×10, subtitle and kicker ×4, byline ×3, first 100
  characters of the lead ×1) of the whole archive, term-sharded:
  `search/h/<slot>.<hash>.json`. A shard is a function of its own terms'
  postings only (no edition-wide statistic is baked in), so it keeps its name
  and bytes while no document holding one of its terms changes.
- per issue (its part, built from that issue alone; `<h>` hashes all of them):
  - body full text, term-sharded: `search/b/<date>.<slot>.<h>.json`, loaded for
    the newest issue first, older ones on request;
  - result store: `search/s/<date>.<c>.<h>.json` = records [title, 版次, 版名,
    slug, snippet, byline, subtitle] of the articles numbered c×8 … c×8+7;
  - article texts for body-match snippets and phrase checks:
    `search/t/<date>.<c>.<h>.json` = {"a": first local number, "t": [texts]}.
- pinyin rewrite table by first letter: `search/py/<letter>.<hash>.json`.

Ids. An article is numbered locally in its issue (0 … count-1, page order);
its global id is the issue's first id (`a` in meta.json: issues' ranges, oldest
first, are consecutive) plus that number. Headline shards name issues by their
ordinal (oldest = 0) and articles by local number, so neither an article added
to an issue nor a new issue changes any other issue's postings.

Build caching (the per-issue API):

    part = issue_search_files(issue, config)              # IssueSearch, picklable
    files = merge_search_files(edition, config, parts)    # parts: oldest issue first

`merge_search_files(..., memo=dict)` is incremental: the memo (a plain,
picklable dict the caller keeps, in memory or on disk, between merges) holds
each headline shard's bytes and, per issue, a digest of its contribution to
each shard, so a merge after a change to one issue rebuilds only the shards
that issue's postings changed; the pinyin table is re-rendered by letter
likewise. Its output never depends on the memo (tests/search check that it is
byte-identical to a clean merge); a memo from other code (a digest of this
package's sources) or another search config is dropped. At 365 issues × 8 pages
(benchmarks/bench_search.py): a clean merge ~2–3 s, a merge with the memo after
one article's title or lead changed ~0.2 s (~100 of 1254 shards), after a
body-only change ~0.05 s (none); an article inserted renumbers the rest of its
issue (~800 shards, ~0.7 s). The pickled memo is ~33 MB: the headline shards'
bytes (~29 MB), 12 bytes per (issue, shard) (a digest, a length) and the pinyin
table's state.
A part the caller passes as `StoredPart(key, ident, load)` is not read when the
memo holds its summary under that ident (its meta.json row, file names, headline
rows, lengths and digest, pinyin counts and byline names, as bytes: ~50 kB an
issue): with each headline section's length in the memo, a changed shard is the
old shard with the changed issues' sections spliced in, so after an edit in a
fresh process the merge reads only the edited issue's part.
`build_search_files` is exactly
`merge_search_files(edition, config, issue_parts(edition.issues, config))`.
"""
from __future__ import annotations

import functools
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..config import Config
from ..model import Edition, Issue, Item, Page
from . import pinyin
from .postings import MAX_SHARDS, HeadPart, Layout, body_index, dump, headline_part, layout, unique
from .tokenize import is_cjk_code, tokenize

FORMAT = 4
HEADLINE_FIELDS = (("title", 10), ("subtitle", 4), ("byline", 3), ("lead", 1))
BODY_FIELDS = (("body", 1),)
STORE_CHUNK = 8         # result records per file, by local number
TEXT_CHUNK = 8          # article texts (for snippets and phrase checks) per file, by local number
LEAD_CHARS = 100        # how much of the lead goes into the headline index (and the stored snippet)
HEADLINE_POSTINGS_PER_SHARD = 2000
BODY_POSTINGS_PER_SHARD = 2000


@dataclass
class SearchDoc:
    local: int          # number in its issue
    page: Page
    item: Item
    title: str
    subtitle: str
    byline: str
    lead: str
    body: str


def ref(n: int) -> str:
    """A number in base 36 (kept for callers of the old API)."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    s = ""
    while True:
        n, r = divmod(n, 36)
        s = digits[r] + s
        if not n:
            return s


def _ends_in_word(text: str) -> bool:
    return bool(text) and (is_cjk_code(ord(text[-1])) or text[-1].isalnum())


def body_text(item: Item) -> str:
    """All paragraphs; a paragraph that ends without punctuation runs on into
    the next (a column break the reconstruction did not join: 思想道 | 德建设)."""
    parts: list[str] = []
    for p in item.paragraphs:
        text = p.text.strip()
        if not text:
            continue
        if parts and _ends_in_word(parts[-1]) and (is_cjk_code(ord(text[0])) or text[0].isalnum()):
            parts.append(text)
        else:
            if parts:
                parts.append("\n")
            parts.append(text)
    return "".join(parts)


def issue_docs(issue: Issue) -> list[SearchDoc]:
    docs: list[SearchDoc] = []
    for page in issue.pages:
        for item in page.articles:
            docs.append(SearchDoc(
                local=len(docs), page=page, item=item, title=item.display_title or "",
                subtitle=" ".join(x for x in (item.kicker, item.subtitle) if x),
                byline=item.byline or "", lead=item.lead[:LEAD_CHARS], body=body_text(item)))
    return docs


def head_texts(doc: SearchDoc) -> list[str]:
    return [doc.title, doc.subtitle, doc.byline, doc.lead]


def _digest(*blobs: bytes) -> str:
    h = hashlib.sha256()
    for b in blobs:
        h.update(hashlib.sha256(b).digest())
    return h.hexdigest()[:10]


def _d64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little") or 1


@dataclass
class IssueSearch:
    """One issue's part of the search files (see the module docstring): its own
    files, its meta.json row (`entry`, without the edition-wide id range), its
    headline postings for the merge (`head`), and for the pinyin table its CJK
    bigrams' document frequencies (`terms`: sorted codes, counts), the byline
    bigrams (`names`) and the dictionary's share of `terms` (`py`: indices into
    the lexicon's bigrams and counts, for lexicon `lex`)."""
    key: str
    count: int
    files: dict[str, bytes] = field(default_factory=dict)
    entry: dict = field(default_factory=dict)
    head: Any = None
    terms: tuple = ()
    names: Any = None
    py: tuple = ()
    lex: str = ""
    token: str = ""     # digest of `terms`
    ident: str = ""     # the caller's name for what the part was made from (see StoredPart)


class StoredPart:
    """An issue's part the caller has stored and can read back (`load()`), named by
    `ident` (the same ident, the same part). The merge's memo keeps, per issue, the
    little it needs of a part (its summary): a part whose ident matches is not read
    at all, so an edit in a fresh process unpickles one part, not the edition's."""

    def __init__(self, key: str, ident: str, load):
        self.key, self.ident, self.load = key, ident, load


class _Summarized:
    """A part seen through its summary in the memo; anything else is read from the
    stored part, on first use (a shard that must be rebuilt from every part, the
    bigram counts of a byline name the dictionary lacks)."""

    def __init__(self, key: str, summary: tuple, load):
        self._load, self._part, self.key = load, None, key
        (self.ident, self.count, self.entry, paths, rows, lengths, digest, py, self.lex,
         names, self.token) = summary
        self.summary = summary
        self.files = dict.fromkeys(paths.split("\n")) if paths else {}
        self.py = tuple(np.frombuffer(b, dtype=np.int32) for b in py)
        self.names = np.frombuffer(names, dtype=np.int64)
        self.head = _LightHead(np.frombuffer(rows, dtype=np.int64), list(lengths), digest, self._full)

    def _full(self) -> IssueSearch:
        if self._part is None:
            self._part = self._load()
        return self._part

    def __getattr__(self, name: str):
        return getattr(self._full(), name)


class _LightHead:
    def __init__(self, rows, lengths, digest, full):
        self.rows, self.lengths, self.digest, self._full = rows, lengths, digest, full

    def __getattr__(self, name: str):
        return getattr(self._full().head, name)


def _summary(part) -> tuple:
    """What the merge reads of an unchanged part, as plain values (see StoredPart)."""
    if isinstance(part, _Summarized):
        return part.summary
    return (part.ident, part.count, part.entry, "\n".join(part.files), part.head.rows.astype(np.int64).tobytes(),
            tuple(part.head.lengths), part.head.digest,
            tuple(np.asarray(a, dtype=np.int32).tobytes() for a in part.py), part.lex,
            np.asarray(part.names, dtype=np.int64).tobytes(), part.token)


def part_paths(memo: dict) -> dict[str, list[str]]:
    """issue key → the paths of its part's files, for the parts summarized in `memo`."""
    return {k: s[3].split("\n") if s[3] else [] for k, s in (memo.get("parts") or {}).items()}


def summarized(memo: dict, config: Config) -> dict[str, str]:
    """issue key → ident of the part whose summary `memo` holds (for this code and
    config): the parts a caller may pass as StoredPart without the merge reading them."""
    if memo.get("v") != _version(config):
        return {}
    return {k: s[0] for k, s in (memo.get("parts") or {}).items()}


def _sum_terms(*pairs) -> tuple:
    codes = np.concatenate([np.asarray(c, dtype=np.int64) for c, _ in pairs])
    df = np.concatenate([np.asarray(d, dtype=np.int64) for _, d in pairs])
    if not len(codes):
        return codes, df
    uniq, inv = np.unique(codes, return_inverse=True)
    return uniq, np.bincount(inv, weights=df, minlength=len(uniq)).astype(np.int64)


def issue_search_files(issue: Issue, config: Config) -> IssueSearch:
    """Everything of one issue: body shards, store, texts, and what the merge needs
    of it. Articles are numbered locally, so the part depends on this issue alone."""
    docs = issue_docs(issue)
    part = IssueSearch(key=issue.key, count=len(docs))
    part.entry = {"d": issue.key, "n": issue.number, "k": 0, "h": ""}
    part.head = headline_part([[head_texts(d)[f] for d in docs] for f in range(len(HEADLINE_FIELDS))])
    if not docs:
        part.terms = (np.zeros(0, np.int64), np.zeros(0, np.int64))
        part.names = np.zeros(0, np.int64)
        return part
    body = body_index([d.body for d in docs], BODY_POSTINGS_PER_SHARD, MAX_SHARDS)
    tblobs = [dump({"a": c * TEXT_CHUNK, "t": [d.body for d in docs[c * TEXT_CHUNK:(c + 1) * TEXT_CHUNK]]})
              for c in range((len(docs) + TEXT_CHUNK - 1) // TEXT_CHUNK)]
    store = [[d.title, d.page.number, d.page.name or "", d.item.slug, (d.item.lead or d.body)[:LEAD_CHARS],
              d.byline, d.subtitle] for d in docs]
    sblobs = [dump(store[i:i + STORE_CHUNK]) for i in range(0, len(store), STORE_CHUNK)]
    h = _digest(*body.blobs, *tblobs, *sblobs)
    for name, blob in zip(body.names, body.blobs):
        part.files[f"search/b/{issue.key}.{name}.{h}.json"] = blob
    for n, blob in enumerate(tblobs):
        part.files[f"search/t/{issue.key}.{n}.{h}.json"] = blob
    for n, blob in enumerate(sblobs):
        part.files[f"search/s/{issue.key}.{n}.{h}.json"] = blob
    part.entry.update(k=body.k if body.blobs else 0, h=h)
    if body.splits:
        part.entry["s"] = {str(b): m for b, m in body.splits.items()}
    codes, df = _sum_terms(body.bigrams, part.head.bigrams)
    part.terms = (codes, df.astype(np.int32))
    part.token = hashlib.blake2b(codes.tobytes() + part.terms[1].tobytes(), digest_size=16).hexdigest()
    part.head.bigrams = ()
    names = {t for d in docs for t in tokenize(d.byline) if len(t) == 2 and is_cjk_code(ord(t[0]))
             and is_cjk_code(ord(t[1]))}
    part.names = np.array(sorted(ord(t[0]) << 21 | ord(t[1]) for t in names), dtype=np.int64)
    if config.search.pinyin:
        lex = pinyin.lexicon()
        idx = lex.index(part.terms[0])
        keep = idx >= 0
        part.py, part.lex = (idx[keep].astype(np.int32), part.terms[1][keep].astype(np.int32)), lex.key
    return part


_JOBS: list = []


def _issue_job(n: int) -> IssueSearch:
    issue, config = _JOBS[n]
    return issue_search_files(issue, config)


def issue_parts(issues: Sequence[Issue], config: Config, parallel: bool = True) -> list[IssueSearch]:
    """`issue_search_files` for each issue, in forked worker processes when there are
    many (they read the issues from this process's memory: nothing is sent to them)."""
    import multiprocessing

    if config.search.pinyin and issues:
        pinyin.lexicon()                    # loaded once, before forking
    workers = max(1, min(os.cpu_count() or 1, 4)) if parallel and len(issues) >= 32 else 1
    if workers > 1 and "fork" not in multiprocessing.get_all_start_methods():
        workers = 1
    if workers == 1:
        return [issue_search_files(i, config) for i in issues]
    from concurrent.futures import ProcessPoolExecutor

    _JOBS[:] = [(i, config) for i in issues]
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_issue_job, range(len(issues)), chunksize=max(1, len(issues) // (8 * workers))))
    finally:
        _JOBS.clear()


def build_search_files(edition: Edition, config: Config) -> dict[str, bytes]:
    if not config.search.enabled:
        return {}
    return merge_search_files(edition, config, issue_parts(edition.issues, config))


# --- the merge --------------------------------------------------------------------------

def merge_search_files(edition: Edition, config: Config, parts: Sequence[IssueSearch],
                       memo: dict | None = None) -> dict[str, bytes]:
    """Every file of `search/`: the headline index, pinyin table and meta.json over
    the whole edition, plus the issues' own files (`parts`: one per issue of
    `edition.issues`, same order).

    `memo`: a dict the caller keeps between calls, in memory or pickled; the merge
    fills it and reuses what is still valid (see the module docstring). The result
    never depends on it."""
    if not config.search.enabled:
        return {}
    assert [p.key for p in parts] == [i.key for i in edition.issues], "one part per issue, in order"
    if memo is None:
        memo = {}
    version = _version(config)
    if memo.get("v") != version:
        memo.clear()
        memo["v"] = version
    held = memo.get("parts") or {}
    parts = [_Summarized(p.key, held[p.key], p.load) if isinstance(p, StoredPart) and p.key in held
             and held[p.key][0] == p.ident else _loaded(p) for p in parts]
    memo["parts"] = {p.key: _summary(p) for p in parts if p.ident}
    files: dict[str, bytes] = {}
    stats = memo["stats"] = {"py_rendered": 0}    # what this merge rebuilt (tests, benchmarks)

    # headline tier
    rows = np.sum([p.head.rows for p in parts], axis=0) if parts else np.zeros(MAX_SHARDS, np.int64)
    lay = Layout(*layout(rows, HEADLINE_POSTINGS_PER_SHARD, max(1, config.search.shards), MAX_SHARDS))
    hashes, rebuilt = _merge_head(parts, lay, memo, files)
    stats["head_rebuilt"] = rebuilt

    for part in parts:
        files.update(part.files)
    meta_issues, first = [], 0
    for part in parts:
        meta_issues.append(dict(part.entry, a=[first, first + part.count]))
        first += part.count
    meta_issues.reverse()
    n = first
    lengths = np.sum([p.head.lengths for p in parts], axis=0).tolist() if parts else [0] * len(HEADLINE_FIELDS)

    py_meta = _merge_pinyin(parts, config, memo, files) if config.search.pinyin and n else {}

    meta = {"v": FORMAT, "k": lay.k, "hs": {str(b): m for b, m in lay.splits.items()}, "hh": "".join(hashes),
            "N": n, "avg": [x / n if n else 0 for x in lengths],
            "fields": [f for f, _ in HEADLINE_FIELDS], "boost": [b for _, b in HEADLINE_FIELDS],
            "s": STORE_CHUNK, "tc": TEXT_CHUNK, "issues": meta_issues, "py": py_meta}
    files["search/meta.json"] = dump(meta)
    return files


def _version(config: Config) -> tuple:
    return (FORMAT, _code_version(), config.search.shards, config.search.pinyin)


def _loaded(part):
    if isinstance(part, StoredPart):
        got = part.load()
        got.ident = part.ident
        return got
    return part


@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    """A digest of this package's sources: a memo from other code is not used."""
    h = hashlib.blake2b(digest_size=8)
    for name in ("__init__.py", "postings.py", "pinyin.py", "tokenize.py"):
        try:
            h.update(Path(__file__).with_name(name).read_bytes())
        except OSError:
            h.update(name.encode())
    return h.hexdigest()


def _merge_head(parts: Sequence[IssueSearch], lay: Layout, memo: dict, files: dict) -> tuple[list[str], int]:
    """Headline shards into `files`; returns their hashes (slot order) and how many were
    rebuilt. A shard is rebuilt when some issue's section of it changed: memo["head"]
    keeps, per issue key, (digest of its headline postings, ordinal, its sections'
    64-bit digests per slot, their lengths in bytes per slot) and the shards' bytes.
    A shard is '[' + its sections, in ordinal order, joined by ',' + ']', so with the
    lengths a rebuilt shard is the old one with the changed issues' sections replaced
    (`_splice`): the unchanged parts are not read."""
    nslots = len(lay.names)
    state = memo.get("head")
    if not state or state.get("layout") != lay.key:
        state = {"layout": lay.key, "issues": {}, "slots": [None] * nslots}
    old = state["issues"]
    slots: list = state["slots"]
    dirty = np.array([s is None for s in slots], dtype=bool)
    new: dict[str, tuple] = {}
    fresh: dict[int, list] = {}         # ordinal → its sections per slot (parts that changed)
    for o, part in enumerate(parts):
        prev = old.get(part.key)
        if prev is not None and prev[0] == part.head.digest and prev[1] == o:
            new[part.key] = prev
            continue
        secs = _sections(part.head, o, lay)
        row = np.array([_d64(s) if s else 0 for s in secs], dtype=np.uint64)
        size = np.array([len(s.encode("utf-8")) for s in secs], dtype=np.int32)
        fresh[o] = secs
        if prev is None or len(prev[2]) != 8 * nslots:
            dirty |= row != 0
        else:
            dirty |= row != np.frombuffer(prev[2], dtype=np.uint64)
        new[part.key] = (part.head.digest, o, row.tobytes(), size.tobytes())
    for key, prev in old.items():
        if key not in new and len(prev[2]) == 8 * nslots:
            dirty |= np.frombuffer(prev[2], dtype=np.uint64) != 0
    todo = np.flatnonzero(dirty)
    if len(todo):
        if old and all(s is not None for s in slots):      # a shard from the last merge each
            built = _splice(old, new, fresh, [slots[s][0] for s in todo.tolist()], todo, nslots)
        else:
            built = _render_slots(parts, lay, todo, fresh)
        for s, blob in zip(todo.tolist(), built):
            slots[s] = (blob, _digest(blob))
    state["issues"] = new
    memo["head"] = state
    hashes = []
    for name, (blob, h) in zip(lay.names, slots):
        files[f"search/h/{name}.{h}.json"] = blob
        hashes.append(h)
    return hashes, len(todo)


def _splice(old: dict, new: dict, fresh: dict[int, list], blobs: list[bytes], todo, nslots: int) -> list[bytes]:
    """The shards `todo` (their old bytes `blobs`) with the sections of the issues the
    last merge had and this one keeps as they were, and the `fresh` sections of the rest.
    Kept sections next to each other in an old shard are copied as one slice."""
    order = sorted(old.items(), key=lambda kv: kv[1][1])             # the old shards' section order
    sizes = np.stack([np.frombuffer(v[3], dtype=np.int32) for _, v in order])[:, todo]
    kept = [new.get(k) is v for k, v in order]
    ordinal = [v[1] for _, v in order]
    out = []
    for i, (s, blob) in enumerate(zip(todo.tolist(), blobs)):
        col = sizes[:, i]
        nz = np.flatnonzero(col)
        lens = col[nz].astype(np.int64)
        starts = (1 + np.cumsum(lens + 1) - (lens + 1)).tolist()   # after '[' and each ','
        added = [(o, fresh[o][s].encode("utf-8")) for o in sorted(fresh) if fresh[o][s]]
        pieces: list[bytes] = []
        run: list[int] = []                                         # [start, end] of kept sections
        for r, a, n in zip(nz.tolist(), starts, lens.tolist()):
            if added and added[0][0] < ordinal[r] or not kept[r]:
                if run:
                    pieces.append(blob[run[0]:run[1]])
                    run = []
                while added and added[0][0] < ordinal[r]:
                    pieces.append(added.pop(0)[1])
            if kept[r]:
                run = [run[0] if run else a, a + n]
        if run:
            pieces.append(blob[run[0]:run[1]])
        pieces += [b for _, b in added]
        out.append(b"[" + b",".join(pieces) + b"]")
    return out


def _slot_runs(lay: Layout) -> list[list[int]]:
    runs: list[list[int]] = [[] for _ in lay.names]
    for r, s in enumerate(lay.run_slot.tolist()):
        runs[s].append(r)
    return runs


def _sections(head: HeadPart, ordinal: int, lay: Layout) -> list[str]:
    """One issue's section of every slot ('' where it has no term there)."""
    b = head.bounds(lay).tolist()
    text = head.text
    out = [""] * len(lay.names)
    tag = str(ordinal)
    for r, s in enumerate(lay.run_slot.tolist()):
        lo, hi = b[r], b[r + 1]
        if lo < hi:
            out[s] = (out[s] or tag) + text[lo:hi]
    return out


def _render_slots(parts: Sequence[IssueSearch], lay: Layout, todo, fresh: dict[int, list]) -> list[bytes]:
    """The shards `todo` (slot numbers), from every part's sections (computed for
    the parts in `fresh`, cut from the others' text by their cells)."""
    runs = _slot_runs(lay)
    todo = todo.tolist()
    chunks: list[list[str]] = [[] for _ in todo]
    add = [c.append for c in chunks]
    rlist = np.array([r for s in todo for r in runs[s]], dtype=np.int64)
    owner = np.array([i for i, s in enumerate(todo) for _ in runs[s]], dtype=np.int64)
    single = len(rlist) == len(todo)
    if len(rlist) > len(lay.run_start) // 8 or all(lay.key in p.head.spans for p in parts):
        bounds = np.stack([p.head.bounds(lay) for p in parts]) if parts else np.zeros((0, 1), np.int64)
        lo, hi = bounds[:, rlist], bounds[:, rlist + 1]
    else:                                   # a few shards: only their edges, part by part
        edges = np.concatenate([lay.run_edges[rlist], lay.run_edges[rlist + 1]])
        cut = np.stack([p.head.offsets[np.searchsorted(p.head.cells, edges)] for p in parts])
        lo, hi = cut[:, :len(rlist)], cut[:, len(rlist):]
    for o in fresh:
        hi[o] = lo[o]                                          # built from their sections below
    pp, rr = np.nonzero(hi > lo)
    pl, ol = pp.tolist(), owner[rr].tolist()
    al, bl = lo[pp, rr].tolist(), hi[pp, rr].tolist()
    pending = sorted(fresh)                 # changed parts: their sections go in at their place

    def put_fresh(before: int) -> None:
        while pending and pending[0] < before:
            secs = fresh[pending.pop(0)]
            for i, s in enumerate(todo):
                if secs[s]:
                    chunks[i].append(secs[s])

    last, last_i = -1, -1
    text = tag = ""
    if single:
        for p, i, a, b in zip(pl, ol, al, bl):
            if p != last:
                put_fresh(p)
                text, tag, last = parts[p].head.text, str(p), p
            add[i](tag + text[a:b])
    else:                                   # a slot of several runs: one section per part
        for p, i, a, b in zip(pl, ol, al, bl):
            if p != last:
                put_fresh(p)
                text, tag, last, last_i = parts[p].head.text, str(p), p, -1
            if i == last_i:
                chunks[i][-1] += text[a:b]
            else:
                add[i](tag + text[a:b])
                last_i = i
    put_fresh(len(parts))
    return [("[" + ",".join(c) + "]").encode("utf-8") for c in chunks]


def _merge_pinyin(parts: Sequence[IssueSearch], config: Config, memo: dict, files: dict) -> dict[str, str]:
    """The pinyin table's files into `files`; returns letter → hash for meta.json.
    The table is computed over arrays (pinyin.table_rows); a letter's file is
    re-rendered only when its rows changed (memo["py"]: letter → (digest, bytes, hash)),
    and the words' pinyin keys are kept in memo["pykeys"]."""
    lex = pinyin.lexicon()
    idx, df = [], []
    for p in parts:
        if not p.count:
            continue
        if p.lex == lex.key and p.py:
            idx.append(p.py[0])
            df.append(p.py[1])
        else:
            i = lex.index(p.terms[0])
            keep = i >= 0
            idx.append(i[keep].astype(np.int32))
            df.append(np.asarray(p.terms[1], dtype=np.int32)[keep])
    dict_df = (np.bincount(np.concatenate(idx), weights=np.concatenate(df), minlength=len(lex.vocab))
               .astype(np.int64) if idx else np.zeros(len(lex.vocab), np.int64))
    names = unique(np.concatenate([p.names for p in parts if p.count])) if parts else np.zeros(0, np.int64)
    names_df = np.zeros(len(names), dtype=np.int64)
    if len(names):
        at = lex.index(names)
        inlex = at >= 0
        names_df[inlex] = dict_df[at[inlex]]
        other = names[~inlex]
        if len(other):
            names_df[~inlex] = _other_names_df(parts, other, memo)
    known = dict(memo.get("pynames") or {})
    old = memo.get("py") or {}
    if old.get("lex") != lex.key:
        old = {}
    # what changed since the memo's table: only the letters of words with a changed
    # bigram are computed again (while the names and their counts are the same)
    df32 = dict_df.astype(np.int32)
    names_key = hashlib.blake2b(names.tobytes() + names_df.tobytes(), digest_size=16).hexdigest()
    letters = None
    prev = old.get("df")
    if prev is not None and old.get("names") == names_key and len(prev) == 4 * len(df32):
        changed = np.flatnonzero(np.frombuffer(prev, dtype=np.int32) != df32)
        words = lex.words_with(changed)
        kid = lex.key_of[words]
        letters = set(lex.key_letter[kid[kid >= 0]].tolist())
    held = memo.get("pyrows")            # name_rows, as bytes: the memo holds plain values only
    if held and held[0] == (lex.key, names_key):
        named = tuple(np.frombuffer(b, dtype=np.int64) for b in held[1]) + (list(held[2]),)
    else:
        named = pinyin.name_rows(lex, names, names_df, known)
        held = ((lex.key, names_key), tuple(a.astype(np.int64).tobytes() for a in named[:6]), list(named[6]))
    memo["pyrows"] = held
    rows = pinyin.table_rows(lex, dict_df, named, letters)
    new, out = {"lex": lex.key, "df": df32.tobytes(), "names": names_key}, {}
    rendered = 0
    for letter in sorted(set(rows) | ({k for k in old if len(k) == 1} if letters is not None else set())):
        if letters is not None and ord(letter) not in letters:
            new[letter] = old[letter]
        elif letter not in rows:
            continue
        else:
            kid, wid = rows[letter]
            h = hashlib.blake2b(wid.astype(np.int64).tobytes(), digest_size=16)
            h.update(kid.astype(np.int64).tobytes() if isinstance(kid, np.ndarray) else repr(kid).encode("utf-8"))
            d = h.hexdigest()
            prev_letter = old.get(letter)
            if prev_letter is not None and prev_letter[0] == d:
                new[letter] = prev_letter
            else:
                blob = pinyin.render_letter(lex, (kid, wid))
                new[letter] = (d, blob, _digest(blob))
                rendered += 1
        blob, hsh = new[letter][1], new[letter][2]
        files[f"search/py/{letter}.{hsh}.json"] = blob
        out[letter] = hsh
    memo["py"] = new
    memo["pynames"] = known
    memo.setdefault("stats", {})["py_rendered"] = rendered
    return out


def _other_names_df(parts: Sequence[IssueSearch], other, memo: dict):
    """Document frequencies of byline bigrams the dictionary does not know (`other`,
    sorted codes), summed over the parts. Each part's share is kept in
    memo["names"] (sparse) while the part and `other` are unchanged."""
    od = hashlib.blake2b(other.tobytes(), digest_size=16).hexdigest()
    old = memo.get("names")
    if not old or old.get("od") != od:
        old = {"od": od, "parts": {}}
    kept: dict[str, tuple] = {}
    idx, df = [], []
    for p in parts:
        if not p.count:
            continue
        got = old["parts"].get(p.key)
        if got is None or got[0] != p.token:
            codes = p.terms[0]
            if len(codes):
                j = np.minimum(np.searchsorted(codes, other), len(codes) - 1)
                hit = np.flatnonzero(codes[j] == other)
                got = (p.token, hit.astype(np.int32).tobytes(), p.terms[1][j[hit]].astype(np.int32).tobytes())
            else:
                got = (p.token, b"", b"")
        kept[p.key] = got
        idx.append(np.frombuffer(got[1], dtype=np.int32))
        df.append(np.frombuffer(got[2], dtype=np.int32))
    memo["names"] = {"od": od, "parts": kept}
    if not idx:
        return np.zeros(len(other), dtype=np.int64)
    return np.bincount(np.concatenate(idx), weights=np.concatenate(df), minlength=len(other)).astype(np.int64)
