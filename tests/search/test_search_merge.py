"""The incremental merge (issue #4): after a change to one issue, a merge with the
memo of the previous merge rebuilds only the headline shards (and pinyin files)
that change, and gives byte for byte what a clean merge gives, also when the memo
went through pickle (a fresh process reading it from a build cache)."""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import pickle
import sys

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from bench_search import synth_edition  # noqa: E402

from generator.config import load_config  # noqa: E402
from generator.model import Edition  # noqa: E402
from generator.search import issue_search_files, merge_search_files  # noqa: E402
from generator.search.postings import slot_of  # noqa: E402
from generator.search.tokenize import tokenize  # noqa: E402


@pytest.fixture(scope="module")
def config():
    return load_config(REPO / "banmian.toml")


@pytest.fixture(scope="module")
def edition():
    return synth_edition(40, 3, seed=7)


def parts_of(edition, config, cache):
    """Parts, reusing those of unchanged issues (by identity of the issue object)."""
    out = []
    for issue in edition.issues:
        key = id(issue)
        if key not in cache:
            cache[key] = (issue, issue_search_files(issue, config))
        out.append(cache[key][1])
    return out


def edit(edition: Edition, n: int, change) -> Edition:
    """A copy of the edition with issue n replaced by an edited deep copy."""
    new = copy.copy(edition)
    new.issues = list(edition.issues)
    issue = new.issues[n] = copy.deepcopy(edition.issues[n])
    change(issue)
    return new


def retitle(title):
    def change(issue):
        item = issue.pages[0].items[1]
        item.title = title
    return change


def relead(issue):
    item = issue.pages[1].items[0]
    item.paragraphs[0] = dataclasses.replace(item.paragraphs[0], text="本报讯 怀柔区" + item.paragraphs[0].text)


def rebody(issue):
    item = issue.pages[2].items[0]
    last = item.paragraphs[-1]
    item.paragraphs[-1] = dataclasses.replace(last, text=last.text + "格尔木市背街小巷改造。")


def add_article(issue):
    page = issue.pages[0]
    page.items.insert(1, dataclasses.replace(page.items[0], slug="added", title="新增一篇关于门头沟的报道"))


def test_incremental_merge_equals_a_clean_merge(edition, config):
    cache: dict = {}
    memo: dict = {}
    current = edition
    merge_search_files(current, config, parts_of(current, config, cache), memo=memo)
    steps = [
        ("title of the newest issue", lambda e: edit(e, -1, retitle("全新的标题怀柔区文明实践"))),
        ("lead of an older issue", lambda e: edit(e, 5, relead)),
        ("body only", lambda e: edit(e, 20, rebody)),
        ("an article added", lambda e: edit(e, 12, add_article)),
        ("a new issue", lambda e: Edition(issues=e.issues + [dataclasses.replace(
            copy.deepcopy(e.issues[3]), date=e.issues[-1].date + dt.timedelta(days=1))])),
        ("an issue removed", lambda e: Edition(issues=e.issues[:7] + e.issues[8:])),
        ("an issue back-filled", lambda e: Edition(issues=[dataclasses.replace(
            copy.deepcopy(e.issues[9]), date=e.issues[0].date - dt.timedelta(days=1))] + e.issues)),
        ("nothing", lambda e: e),
    ]
    for what, step in steps:
        current = step(current)
        parts = parts_of(current, config, cache)
        memo = pickle.loads(pickle.dumps(memo))           # as a fresh process gets it
        got = merge_search_files(current, config, parts, memo=memo)
        clean = merge_search_files(current, config, parts)
        assert got == clean, what
        assert list(got) == list(clean), what
    assert memo["stats"]["head_rebuilt"] == 0 and memo["stats"]["py_rendered"] == 0


def _head_files(files):
    return {p.split("/")[-1].split(".")[0]: b for p, b in files.items() if p.startswith("search/h/")}


def test_merge_rebuilds_only_the_shards_it_must(edition, config):
    cache: dict = {}
    memo: dict = {}
    parts = parts_of(edition, config, cache)
    before = merge_search_files(edition, config, parts, memo=memo)
    meta = json.loads(before["search/meta.json"])
    nslots = len(meta["hh"]) // 10
    assert memo["stats"]["head_rebuilt"] == nslots                 # an empty memo: all

    # a title changed: the shards of the old and new title's terms, no other
    old_title = edition.issues[-1].pages[0].items[1].title
    new_title = "全新的标题怀柔区文明实践"
    edited = edit(edition, -1, retitle(new_title))
    memo = pickle.loads(pickle.dumps(memo))
    after = merge_search_files(edited, config, parts_of(edited, config, cache), memo=memo)
    changed = {n for n, b in _head_files(after).items() if _head_files(before).get(n) != b}
    touched = {slot_of(t, meta["k"], {int(b): m for b, m in meta["hs"].items()})
               for t in tokenize(old_title) + tokenize(new_title)}
    assert 0 < memo["stats"]["head_rebuilt"] == len(changed) <= len(touched) < nslots / 2
    assert after == merge_search_files(edited, config, parts_of(edited, config, cache))

    # the body of an article changed: no headline shard
    edited2 = edit(edited, 10, rebody)
    files = merge_search_files(edited2, config, parts_of(edited2, config, cache), memo=memo)
    assert memo["stats"]["head_rebuilt"] == 0
    assert _head_files(files) == _head_files(after)
    assert memo["stats"]["py_rendered"] <= 8


def test_memo_is_plain_and_compact(edition, config):
    memo: dict = {}
    parts = [issue_search_files(i, config) for i in edition.issues]
    files = merge_search_files(edition, config, parts, memo=memo)
    blob = pickle.dumps(memo)
    head = sum(len(b) for p, b in files.items() if p.startswith("search/h/"))
    # the shards' bytes, a digest per (issue, shard), the pinyin files and their inputs
    assert len(blob) < 2 * head + 4_000_000
    assert "numpy" not in {type(v).__module__ for v in _leaves(memo)}


def _leaves(obj):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield k
            yield from _leaves(v)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from _leaves(v)
    else:
        yield obj


def test_stored_parts_with_a_summary_in_the_memo_are_not_read(edition, config):
    """A part passed as StoredPart is read only when the memo lacks its summary: after
    an edit, a merge from a pickled memo (a fresh process) reads just the edited issue's
    part and gives the clean merge's files (the headline shards spliced, meta.json, the
    pinyin table); so it does after a new issue at the end."""
    from generator.search import StoredPart

    cache: dict = {}
    memo: dict = {}
    read: list[str] = []

    def stored(current):
        parts = parts_of(current, config, cache)
        for part in parts:
            part.ident = str(id(part))

        def load(part):
            def read_it():
                read.append(part.key)
                return part
            return read_it
        return [StoredPart(p.key, p.ident, load(p)) for p in parts]

    merge_search_files(edition, config, stored(edition), memo=memo)
    current = edition
    steps = [
        ("a title", lambda e: edit(e, 4, retitle("全新的标题怀柔区文明实践"))),
        ("a lead", lambda e: edit(e, 30, relead)),
        ("a body", lambda e: edit(e, 20, rebody)),
        ("a new issue", lambda e: Edition(issues=e.issues + [dataclasses.replace(
            copy.deepcopy(e.issues[3]), date=e.issues[-1].date + dt.timedelta(days=1))])),
    ]
    for what, step in steps:
        current = step(current)
        memo = pickle.loads(pickle.dumps(memo))
        read.clear()
        got = merge_search_files(current, config, stored(current), memo=memo)
        assert len(read) == 1, (what, read)
        assert memo["stats"]["head_rebuilt"] > 0 or what == "a body", what   # shards spliced
        clean = merge_search_files(current, config, parts_of(current, config, cache))
        assert list(got) == list(clean), what
        # an unread part's own files are named, their bytes are the caller's to read back
        assert {p: b for p, b in got.items() if b is not None} == {p: clean[p] for p in got if got[p] is not None}
        assert all(got[p] == clean[p] for p in got if not p.startswith(("search/b/", "search/s/", "search/t/")))
