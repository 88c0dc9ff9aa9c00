"""Issue parts number their articles locally: an edit that adds or removes
articles, or an issue back-filled before others, leaves every other issue's
part (files, meta row, headline postings) as it was, so the build cache keeps
them."""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import sys

from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from bench_search import synth_edition  # noqa: E402

from generator.config import load_config  # noqa: E402
from generator.search import build_search_files, issue_search_files, merge_search_files  # noqa: E402


def test_parts_do_not_depend_on_other_issues():
    config = load_config(REPO / "banmian.toml")
    edition = synth_edition(5, 2)
    before = {i.key: issue_search_files(i, config) for i in edition.issues}

    edited = copy.deepcopy(edition)
    first = edited.issues[0].pages[0]
    first.items.append(dataclasses.replace(first.items[0], slug="added", title="新增的一篇文章"))
    backfilled = copy.deepcopy(edited.issues[1])
    backfilled.date = edited.issues[0].date - dt.timedelta(days=1)
    edited.issues.insert(0, backfilled)
    parts = [issue_search_files(i, config) for i in edited.issues]

    for part in parts[2:]:
        old = before[part.key]
        assert part.files == old.files and part.entry == old.entry
        assert part.head.digest == old.head.digest and part.head.text == old.head.text
    assert parts[1].files != before[parts[1].key].files

    files = merge_search_files(edited, config, parts)
    assert files == build_search_files(edited, config)
    meta = json.loads(files["search/meta.json"])
    ranges = [x["a"] for x in reversed(meta["issues"])]       # oldest first
    assert ranges[0][0] == 0 and all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
    assert ranges[-1][1] == meta["N"] == sum(p.count for p in parts)
