"""The command line contract: `banmian reconstruct --json`, `python -m generator`, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO, SEEDS, SHARED

ITEM_KEYS = {"kind", "kicker", "title", "subtitle", "byline", "credit", "paragraphs", "slug"}


def banmian(*args: str, cwd=REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_reconstruct_json_export_schema():
    seed = sorted(SEEDS.glob("*.txt"))[0]
    proc = banmian("reconstruct", "--json", str(seed))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["source"] == str(seed)
    assert doc["items"] and isinstance(doc["warnings"], list)
    for item in doc["items"]:
        assert ITEM_KEYS <= set(item)  # the contract's keys; extra ones (blocks) are allowed
        assert item["kind"] in ("article", "photo", "other")
        assert item["slug"] and item["slug"].isascii()
        for para in item["paragraphs"]:
            assert set(para) == {"type", "text"} and para["type"] in ("p", "heading", "callout")
            assert para["text"].strip()
    for w in doc["warnings"]:
        assert {"code", "block", "message"} <= set(w)


def test_reconstruct_several_files_gives_a_list():
    seeds = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    proc = banmian("reconstruct", "--json", *seeds)
    assert proc.returncode == 0, proc.stderr
    assert [d["source"] for d in json.loads(proc.stdout)] == seeds


def test_reconstruct_human_readable_and_missing_file():
    seed = sorted(SEEDS.glob("*.txt"))[0]
    proc = banmian("reconstruct", str(seed))
    assert proc.returncode == 0 and "items" in proc.stdout
    proc = banmian("reconstruct", "no/such/page.txt")
    assert proc.returncode != 0
    assert "no/such/page.txt" in proc.stderr


def test_seeds_are_the_shared_seeds_byte_for_byte():
    shared = SHARED / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds not beside the checkout")
    ours = {p.name: p.read_bytes() for p in SEEDS.glob("*.txt")}
    theirs = {p.name: p.read_bytes() for p in shared.glob("*.txt")}
    assert ours == theirs and len(ours) == 5


def test_build_bad_front_matter_exits_non_zero_naming_file_and_line(sample_site, tmp_path):
    bad = sample_site / "content" / "2022-07-15" / "01.txt"
    bad.write_text("+++\nname = \n+++\n正文\n", encoding="utf-8")
    proc = banmian("build", "--out", str(tmp_path / "o"), cwd=sample_site)
    assert proc.returncode != 0
    assert "01.txt:2" in proc.stderr
