"""Client-side search that works for Chinese (issue #4).

`build_search_files(edition, config)` returns the files of `search/` in the
built site (site-root-relative path → bytes); `themes/default/static/search.js`
reads them. Everything is static: no server, no request to another host.

Tiers (see README "Search"):
- `search/meta.json`: shard counts, issues (newest first), file hashes.
- headline index, term-sharded: `search/h/<k>.<hash>.json` — one lunr index
  per shard over title (boosted), subtitle (+kicker), byline and lead, holding
  only the terms whose first code point ≡ k (mod K). The browser loads only
  the shards its query's terms live in.
- result store: `search/s/<c>.<hash>.json` — documents in chunks of
  STORE_CHUNK: title, issue, 版, slug, snippet.
- body full text per issue, term-sharded the same way:
  `search/b/<date>.<k>.<hash>.json`, loaded lazily, the current issue first.
- pinyin rewrite table by first letter: `search/py/<letter>.<hash>.json`.
- article text for snippets around body matches: `search/t/<ref>.json`, fetched
  only for shown results whose title and lead do not hold the query.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from ..config import Config
from ..model import Edition, Issue, Item, Page
from . import pinyin
from .lunrjson import build_index
from .tokenize import CJK_BIGRAM, is_cjk_code, tokenize

HEADLINE_FIELDS = (("title", 10), ("subtitle", 4), ("byline", 3), ("lead", 1))
BODY_FIELDS = (("body", 1),)
STORE_CHUNK = 32
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


def collect(edition: Edition) -> tuple[list[Issue], list[SearchDoc]]:
    """Issues newest first; documents numbered oldest first (ids stay stable as
    the archive grows)."""
    issues = list(reversed(edition.issues))
    docs: list[SearchDoc] = []
    for issue in edition.issues:
        ii = issues.index(issue)
        for page in issue.pages:
            for item in page.articles:
                body = body_text(item)
                docs.append(SearchDoc(
                    id=len(docs), issue=ii, page=page, item=item,
                    title=item.display_title or "",
                    subtitle=" ".join(x for x in (item.kicker, item.subtitle) if x),
                    byline=item.byline or "", lead=item.lead[:LEAD_CHARS], body=body))
    return issues, docs


def _shards_for(postings: int, per_shard: int, minimum: int = 1) -> int:
    k = 1
    while k < MAX_SHARDS and (k < minimum or postings / k > per_shard):
        k *= 2
    return k


def _dump(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _digest(*blobs: bytes) -> str:
    h = hashlib.sha256()
    for b in blobs:
        h.update(hashlib.sha256(b).digest())
    return h.hexdigest()[:10]


def _body_shards(args: tuple[list[tuple[str, list[str]]], int]) -> list[bytes]:
    docs, _ = args
    postings = sum(len(set(toks)) for _, toks in docs)
    k = _shards_for(postings, BODY_POSTINGS_PER_SHARD)
    return [_dump(ix) for ix in build_index([(r, [t]) for r, t in docs], BODY_FIELDS, k)]


def _tokenize_issue(texts: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    return [(r, tokenize(t)) for r, t in texts]


def _body_job(texts: list[tuple[str, str]]) -> tuple[list[bytes], dict[str, int]]:
    docs = _tokenize_issue(texts)
    df: dict[str, int] = {}
    for _, toks in docs:
        for t in set(toks):
            if CJK_BIGRAM.fullmatch(t):
                df[t] = df.get(t, 0) + 1
    return _body_shards((docs, 0)), df


def _workers(n_jobs: int) -> int:
    if n_jobs < 16:
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def build_search_files(edition: Edition, config: Config) -> dict[str, bytes]:
    if not config.search.enabled:
        return {}
    issues, docs = collect(edition)
    files: dict[str, bytes] = {}

    # headline tier
    head_docs = [(ref(d.id), [tokenize(d.title), tokenize(d.subtitle), tokenize(d.byline),
                              tokenize(d.lead)]) for d in docs]
    postings = sum(len(set(t for f in fs for t in f)) for _, fs in head_docs)
    k_head = _shards_for(postings, HEADLINE_POSTINGS_PER_SHARD, max(1, config.search.shards))
    head = [_dump(ix) for ix in build_index(head_docs, HEADLINE_FIELDS, k_head)]
    head_hash = _digest(*head)
    for k, blob in enumerate(head):
        files[f"search/h/{k}.{head_hash}.json"] = blob

    # result store
    store = []
    for d in docs:
        store.append([d.title, d.issue, d.page.number, d.page.name or "", d.item.slug,
                      (d.item.lead or d.body)[:SNIPPET_CHARS], d.byline])
    chunks = [_dump(store[i:i + STORE_CHUNK]) for i in range(0, len(store), STORE_CHUNK)]
    store_hash = _digest(*chunks)
    for c, blob in enumerate(chunks):
        files[f"search/s/{c}.{store_hash}.json"] = blob

    # full text of each article, for snippets around body matches
    for d in docs:
        files[f"search/t/{ref(d.id)}.json"] = _dump(d.body)

    # body tier, per issue
    by_issue: list[list[tuple[str, str]]] = [[] for _ in issues]
    for d in docs:
        by_issue[d.issue].append((ref(d.id), d.body))
    jobs = [texts for texts in by_issue]
    workers = _workers(len(jobs))
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_body_job, jobs, chunksize=8))
    else:
        results = [_body_job(j) for j in jobs]
    meta_issues = []
    bigram_df: dict[str, int] = {}
    for issue, texts, (blobs, df) in zip(issues, by_issue, results):
        for t, n in df.items():
            bigram_df[t] = bigram_df.get(t, 0) + n
        h = _digest(*blobs) if texts else ""
        if texts:
            for k, blob in enumerate(blobs):
                files[f"search/b/{issue.key}.{k}.{h}.json"] = blob
        ids = [int(r, 36) for r, _ in texts]
        meta_issues.append({"d": issue.key, "n": issue.number, "k": len(blobs) if texts else 0,
                            "h": h, "a": [min(ids), max(ids) + 1] if ids else [0, 0]})

    # pinyin rewrite table
    py_meta = {}
    if config.search.pinyin and docs:
        names = {t for d in docs for t in tokenize(d.byline) if len(t) == 2}
        for d in docs:  # headline bigrams count too (titles are in the body tier only by chance)
            for t in set(tokenize(d.title) + tokenize(d.subtitle)):
                if CJK_BIGRAM.fullmatch(t):
                    bigram_df.setdefault(t, 1)
        table = pinyin.build_table(bigram_df, names)
        for letter, part in sorted(pinyin.shard_table(table).items()):
            blob = _dump(part)
            h = _digest(blob)
            files[f"search/py/{letter}.{h}.json"] = blob
            py_meta[letter] = h

    meta = {"v": 1, "k": k_head, "h": head_hash, "s": STORE_CHUNK, "sh": store_hash,
            "n": len(docs), "fields": [f for f, _ in HEADLINE_FIELDS],
            "issues": meta_issues, "py": py_meta}
    files["search/meta.json"] = _dump(meta)
    return files


def gz_size(blob: bytes) -> int:
    return len(gzip.compress(blob, 6))
