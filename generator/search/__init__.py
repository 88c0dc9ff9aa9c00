"""Client-side search that works for Chinese (issue #4).

`build_search_files(edition, config)` returns the files of `search/` in the
built site (site-root-relative path → bytes); `themes/default/static/search.js`
reads them. Everything is static: no server, no request to another host.

Tiers:
- `search/meta.json`: shard counts, issues (newest first), file hashes.
- headline index, term-sharded: `search/h/<k>.<hash>.json` — one lunr index
  per shard over title (boosted), subtitle (+kicker), byline and lead, holding
  only the terms whose first code point ≡ k (mod K). The browser loads only
  the shards its query's terms live in.
- result store: `search/s/<c>.<hash>.json` — documents in chunks of
  STORE_CHUNK: title, issue, 版, slug, snippet, byline.
- body full text per issue, term-sharded the same way:
  `search/b/<date>.<k>.<hash>.json`, loaded lazily, the current issue first.
- article text for snippets around body matches and phrase checks, in chunks
  of TEXT_CHUNK articles by local number (so search.js can fetch it in the
  same round as the store): `search/t/<date>.<c>.<hash>.json` =
  {"a": local number of the chunk's first article, "t": [texts]}.
- pinyin rewrite table by first letter: `search/py/<letter>.<hash>.json`.

Ids. Articles are numbered oldest first across the edition (dense global ids,
base 36 refs) only in what `merge_search_files` rebuilds anyway: the headline
index and the store. An issue's own files (body shards, page texts) number its
articles locally, 0..count-1 in page order; `meta.json` gives each issue's
global id range `a: [first, end)` and search.js maps a body hit to
`a[0] + local`. So an issue's part depends on that issue alone: an article
added to, or an issue back-filled before, some issue changes no other issue's
part (no overflow or collision strategy needed: nothing is derived from dates).

Build caching (the per-issue API):

    part = issue_search_files(issue, config)              # IssueSearch, picklable
    files = merge_search_files(edition, config, parts)    # parts: oldest issue first

`IssueSearch.files` are the issue's own files, `.entry` its meta.json row
(without the edition-wide id range), `.terms` its bigram document frequencies
(for the pinyin table), `.count` its article count. A cache may keep a part
while (issue content, config.search) are unchanged. `merge_search_files`
builds the headline index, store, pinyin table and meta.json (a few seconds
for a year; memoised while unchanged) and returns every file, the parts'
included. `build_search_files` is exactly
`merge_search_files(edition, config, [issue_search_files(...) ...])` (issues in
parallel processes when there are many).
"""
from __future__ import annotations

import gzip
import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Sequence

from ..config import Config
from ..model import Edition, Issue, Item, Page
from . import pinyin
from .lunrjson import Terms, build_json, dump
from .tokenize import is_cjk_code, tokenize

HEADLINE_FIELDS = (("title", 10), ("subtitle", 4), ("byline", 3), ("lead", 1))
BODY_FIELDS = (("body", 1),)
STORE_CHUNK = 8
TEXT_CHUNK = 8          # article texts (for snippets and phrase checks) per file, by local number
LEAD_CHARS = 100        # how much of the lead goes into the headline index
SNIPPET_CHARS = 90
HEADLINE_POSTINGS_PER_SHARD = 2000
BODY_POSTINGS_PER_SHARD = 2000
MAX_SHARDS = 1024


@dataclass
class SearchDoc:
    id: int
    issue: int          # index into meta["issues"] (newest first)
    page: Page
    item: Item
    title: str
    subtitle: str
    byline: str
    lead: str
    body: str


def ref(n: int) -> str:
    """A document's ref in the indexes: base 36."""
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


def _docs(issue: Issue, first_id: int, ii: int = 0) -> list[SearchDoc]:
    docs: list[SearchDoc] = []
    for page in issue.pages:
        for item in page.articles:
            docs.append(SearchDoc(
                id=first_id + len(docs), issue=ii, page=page, item=item,
                title=item.display_title or "",
                subtitle=" ".join(x for x in (item.kicker, item.subtitle) if x),
                byline=item.byline or "", lead=item.lead[:LEAD_CHARS], body=body_text(item)))
    return docs


def _count(issue: Issue) -> int:
    return sum(len(page.articles) for page in issue.pages)


def first_ids(edition: Edition) -> list[int]:
    """The global id of each issue's first article (edition order, oldest first).
    Only the merge uses these: issue parts number their articles locally."""
    out, n = [], 0
    for issue in edition.issues:
        out.append(n)
        n += _count(issue)
    return out


def collect(edition: Edition) -> tuple[list[Issue], list[SearchDoc]]:
    """Issues newest first; documents numbered oldest first (ids stay stable as
    the archive grows)."""
    issues = list(reversed(edition.issues))
    docs: list[SearchDoc] = []
    n = len(issues)
    for i, issue in enumerate(edition.issues):
        docs.extend(_docs(issue, len(docs), n - 1 - i))
    return issues, docs


def _digest(*blobs: bytes) -> str:
    h = hashlib.sha256()
    for b in blobs:
        h.update(hashlib.sha256(b).digest())
    return h.hexdigest()[:10]


_dump = dump


@dataclass
class IssueSearch:
    """One issue's part of the search files (see the module docstring)."""
    key: str
    count: int
    files: dict[str, bytes] = field(default_factory=dict)
    entry: dict = field(default_factory=dict)
    terms: Any = None


def issue_search_files(issue: Issue, config: Config) -> IssueSearch:
    """The body index shards and page texts of one issue. Its articles are
    numbered locally (refs base 36 from 0, in page order), so the part depends
    on this issue alone."""
    docs = _docs(issue, 0)
    part = IssueSearch(key=issue.key, count=len(docs))
    part.entry = {"d": issue.key, "n": issue.number, "k": 0, "h": ""}
    if not docs:
        part.terms = Terms([], [])
        return part
    built = build_json([ref(d.id) for d in docs], BODY_FIELDS, [[d.body for d in docs]],
                       BODY_POSTINGS_PER_SHARD, 1, MAX_SHARDS)
    part.terms, blobs = built.terms, built.blobs
    tblobs = {c: dump({"a": c * TEXT_CHUNK, "t": [d.body for d in docs[c * TEXT_CHUNK:(c + 1) * TEXT_CHUNK]]})
              for c in range((len(docs) + TEXT_CHUNK - 1) // TEXT_CHUNK)}
    h = _digest(*blobs, *tblobs.values())
    for name, blob in zip(built.names, blobs):
        part.files[f"search/b/{issue.key}.{name}.{h}.json"] = blob
    for n, blob in tblobs.items():
        part.files[f"search/t/{issue.key}.{n}.{h}.json"] = blob
    part.entry.update(k=built.k, h=h)
    if built.splits:
        part.entry["s"] = {str(b): m for b, m in built.splits.items()}
    return part


def _issue_job(args: tuple[Issue, Config]) -> IssueSearch:
    return issue_search_files(*args)


def issue_parts(issues: Sequence[Issue], config: Config, parallel: bool = True) -> list[IssueSearch]:
    """`issue_search_files` for each issue, in worker processes when there are many."""
    jobs = [(issue, config) for issue in issues]
    workers = max(1, min(os.cpu_count() or 1, 4)) if parallel and len(jobs) >= 32 else 1
    if workers == 1:
        return [_issue_job(j) for j in jobs]
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(_issue_job, jobs, chunksize=max(1, len(jobs) // (4 * workers))))


def build_search_files(edition: Edition, config: Config) -> dict[str, bytes]:
    if not config.search.enabled:
        return {}
    return merge_search_files(edition, config, issue_parts(edition.issues, config))


def merge_search_files(edition: Edition, config: Config, parts: Sequence[IssueSearch],
                       memo: dict | None = None) -> dict[str, bytes]:
    """Every file of `search/`: the headline index, store, pinyin table and
    meta.json over the whole edition, plus the issues' own parts (`parts`: one
    per issue of `edition.issues`, same order).

    `memo`: a dict the caller keeps between calls (a long-lived build process):
    the headline index and the pinyin table are reused while their inputs are
    unchanged, and each part's dictionary filter while the part is the same
    object. The result never depends on it."""
    if not config.search.enabled:
        return {}
    assert [p.key for p in parts] == [i.key for i in edition.issues], "one part per issue, in order"
    if memo is None:
        memo = {}
    issues, docs = collect(edition)
    files: dict[str, bytes] = {}

    # headline tier
    refs = [ref(d.id) for d in docs]
    texts = [[d.title for d in docs], [d.subtitle for d in docs], [d.byline for d in docs], [d.lead for d in docs]]
    shards = max(1, config.search.shards)
    head_key = _key(refs, texts, shards)
    built = memo.get("head", (None, None))[1] if memo.get("head", (None,))[0] == head_key else None
    if built is None:
        built = build_json(refs, HEADLINE_FIELDS, texts, HEADLINE_POSTINGS_PER_SHARD, shards, MAX_SHARDS)
        memo["head"] = (head_key, built)
    head_terms, k_head = built.terms, built.k
    head_hash = _digest(*built.blobs)
    for name, blob in zip(built.names, built.blobs):
        files[f"search/h/{name}.{head_hash}.json"] = blob

    # result store
    store = [[d.title, d.issue, d.page.number, d.page.name or "", d.item.slug,
              (d.item.lead or d.body)[:SNIPPET_CHARS], d.byline] for d in docs]
    chunks = [dump(store[i:i + STORE_CHUNK]) for i in range(0, len(store), STORE_CHUNK)]
    store_hash = _digest(*chunks)
    for c, blob in enumerate(chunks):
        files[f"search/s/{c}.{store_hash}.json"] = blob

    for part in parts:
        files.update(part.files)
    assert all(p.count == _count(i) for p, i in zip(parts, edition.issues)), "parts of these issues"
    meta_issues = [dict(p.entry, a=[first, first + p.count]) for p, first in zip(parts, first_ids(edition))]
    meta_issues.reverse()

    # pinyin rewrite table: words from body and headline bigrams, names from bylines
    py_meta = {}
    if config.search.pinyin and docs:
        names = {t for d in docs for t in tokenize(d.byline) if len(t) == 2}
        bigram_df = _bigram_df([p.terms for p in parts if p.count] + [head_terms], names, memo)
        py_key = _key(bigram_df, sorted(names))
        py_files = memo.get("py", (None, None))[1] if memo.get("py", (None,))[0] == py_key else None
        if py_files is None:
            table = pinyin.build_table(bigram_df, names)
            py_files = {}
            for letter, part in sorted(pinyin.shard_table(table).items()):
                py_files[letter] = dump(part)
            memo["py"] = (py_key, py_files)
        for letter, blob in py_files.items():
            h = _digest(blob)
            files[f"search/py/{letter}.{h}.json"] = blob
            py_meta[letter] = h

    meta = {"v": 3, "k": k_head, "hs": {str(b): m for b, m in built.splits.items()}, "h": head_hash, "s": STORE_CHUNK, "sh": store_hash, "tc": TEXT_CHUNK,
            "n": len(docs), "fields": [f for f, _ in HEADLINE_FIELDS],
            "issues": meta_issues, "py": py_meta}
    files["search/meta.json"] = dump(meta)
    return files


def _key(*values: Any) -> str:
    """A digest of plain values (strings, numbers, lists, dicts of them)."""
    import pickle

    return hashlib.blake2b(pickle.dumps(values, protocol=4), digest_size=16).hexdigest()


def _bigram_df(terms: list, names: set[str], memo: dict) -> dict[str, int]:
    """`Terms.merge(terms, keep=dictionary bigrams | names)`: the bigrams the pinyin
    table can use, with their summed document frequencies. Membership in the
    dictionary's (sorted) bigram codes is a binary search per code, remembered
    per Terms object in `memo` (a part is the same object while it is cached)."""
    try:
        import numpy as np
    except ImportError:
        np = None
    if np is None or not terms or any(isinstance(t.codes, list) for t in terms):
        codes = _keep_codes(names)
        return Terms.merge(terms, keep=pinyin.dictionary_bigrams() | names if codes is None else None,
                           keep_codes=codes)
    dict_codes = pinyin.dictionary_bigram_codes()
    extra = np.array(sorted({Terms.code(t) for t in names if len(t) == 2}), dtype=np.int64)
    old = memo.get("masks", {})
    masks: dict[int, tuple] = {}
    kept = []
    for t in terms:
        codes = np.asarray(t.codes, dtype=np.int64)
        df = np.asarray(t.df, dtype=np.int64)
        hit = old.get(id(t))
        in_dict = hit[1] if hit is not None and hit[0] is t else _member(codes, dict_codes)
        masks[id(t)] = (t, in_dict)
        keep = in_dict | _member(codes, extra) if len(extra) else in_dict
        kept.append(Terms(codes[keep], df[keep]))
    memo["masks"] = masks
    return Terms.merge(kept)


def _member(codes, sorted_unique):
    """codes ∈ sorted_unique, elementwise (a sorted, duplicate-free int64 array)."""
    import numpy as np

    if not len(sorted_unique) or not len(codes):
        return np.zeros(len(codes), dtype=bool)
    at = np.searchsorted(sorted_unique, codes)
    np.minimum(at, len(sorted_unique) - 1, out=at)
    return sorted_unique[at] == codes


def _keep_codes(names: set[str]):
    """Codes of the bigrams the pinyin table can use: the dictionary's and the bylines'."""
    try:
        import numpy as np
    except ImportError:
        return None
    extra = np.array(sorted(Terms.code(t) for t in names if len(t) == 2), dtype=np.int64)
    return np.union1d(pinyin.dictionary_bigram_codes(), extra)


def gz_size(blob: bytes) -> int:
    return len(gzip.compress(blob, 6))
