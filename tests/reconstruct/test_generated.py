"""Damaged pages from benchmarks/damage.py (deterministic), scored by score.py."""
from __future__ import annotations

import importlib.util
import json

import pytest

from generator.reconstruct import reconstruct, to_markdown

from .helpers import GOLD, REPO, comparable, export_pages, missing_chars, run_score


def _damage():
    spec = importlib.util.spec_from_file_location("damage", REPO / "benchmarks" / "damage.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    if not GOLD.exists():
        pytest.skip("shared gold not available")
    root = tmp_path_factory.mktemp("gen")
    files = _damage().generate(root, pages=60, seed=1)
    return root, files


def test_generator_is_deterministic(tmp_path):
    if not GOLD.exists():
        pytest.skip("shared gold not available")
    d = _damage()
    a = d.generate(tmp_path / "a", pages=5, seed=7)
    b = d.generate(tmp_path / "b", pages=5, seed=7)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    gold = json.loads((tmp_path / "a" / "gold" / f"{a[0].stem}.json").read_text(encoding="utf-8"))
    assert gold["items"] and all("paragraphs" in it for it in gold["items"])


def test_generated_pages_score(generated):
    root, files = generated
    out = root / "pred"
    export_pages(files, out)
    s = run_score(root / "gold", out)
    print(s["text"].splitlines()[-1])
    # measured (seed 1, 60 pages): perfect 253/278 (91 %), paras_f1 0.986, titles 0.968, joins 0.892,
    # order 0.969, member 0.990, photos 1.000
    assert s["perfect"] / s["articles"] >= 0.90, s["text"].splitlines()[-1]
    assert s["paras_f1"] >= 0.98
    assert s["titles"] >= 0.96
    assert s["joins"] >= 0.88
    assert s["photos"] == 1.0
    assert s["member"] >= 0.985


def test_generated_pages_invariants(generated):
    _, files = generated
    for p in files[:20]:
        text = p.read_text(encoding="utf-8")
        rec = reconstruct(text)
        assert not missing_chars(text, rec), p.name
        assert comparable(reconstruct(to_markdown(rec)).items) == comparable(rec.items), p.name
