"""Build orchestration: parallel output is identical, failures leave the live site,
progress only on a terminal, the synthetic archive is deterministic."""
from __future__ import annotations

import io
import fcntl
import hashlib
from pathlib import Path

import pytest

import generator.build as B
from benchmarks.archive import generate
from generator.config import load_config
from generator.errors import BanmianError
from tests.test_cache import assert_same, fast, tree  # noqa: F401  (fixture)


def digest_tree(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def test_archive_generator_is_deterministic(tmp_path):
    a = generate(tmp_path / "a", issues=3, pages=2, seed=7)
    b = generate(tmp_path / "b", issues=3, pages=2, seed=7)
    c = generate(tmp_path / "c", issues=3, pages=2, seed=8)
    assert digest_tree(a / "content") == digest_tree(b / "content") != digest_tree(c / "content")
    pages = sorted((a / "content").glob("*/[0-9]*.*"))
    assert len(pages) == 6 and len({p.read_bytes() for p in pages}) == 6
    assert (a / "content" / "2022-01-03" / "issue.toml").exists() and (a / "banmian.toml").exists()


def test_parallel_build_is_identical_to_serial(fast, tmp_path, monkeypatch):
    monkeypatch.setattr(B, "PARALLEL_RENDER_MIN", 1)
    monkeypatch.setattr(B, "PARALLEL_RECON_MIN", 1)
    site = generate(tmp_path / "site", issues=2, pages=2, seed=9)
    config = load_config(site / "banmian.toml")
    serial = B.build(config, tmp_path / "one", jobs=1, cache=False, progress=False)
    parallel = B.build(config, tmp_path / "two", jobs=2, cache=False, progress=False)
    assert serial.reconstructed == parallel.reconstructed == 4
    assert_same(tree(tmp_path / "one"), tree(tmp_path / "two"))
    assert (serial.issues, serial.pages, serial.articles, serial.files) == \
           (parallel.issues, parallel.pages, parallel.articles, parallel.files)


def test_failed_build_leaves_the_live_site_untouched(fast, tmp_path):
    site = generate(tmp_path / "site", issues=2, pages=2, seed=1)
    config = load_config(site / "banmian.toml")
    B.build(config, jobs=1, progress=False)
    before = tree(site / "_site")
    local = site / "themes" / "default" / "templates"
    local.mkdir(parents=True)
    (local / "article.html").write_text("{% extends 'base.html' %}{% block main %}{{ nope( }}{% endblock %}")
    with pytest.raises(BanmianError):
        B.build(load_config(site / "banmian.toml"), jobs=1, progress=False)
    assert tree(site / "_site") == before
    (local / "article.html").unlink()
    B.build(load_config(site / "banmian.toml"), jobs=1, progress=False)
    assert tree(site / "_site") == before


def test_a_second_build_of_the_same_output_is_refused(fast, tmp_path):
    site = generate(tmp_path / "site", issues=1, pages=1, seed=1)
    out = site / "_site"
    with open(site / "._site.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(BanmianError, match="another build"):
            B.build(load_config(site / "banmian.toml"), out, jobs=1, progress=False)
    assert not out.exists()


def test_progress_only_on_a_terminal(fast, tmp_path, capsys):
    site = generate(tmp_path / "site", issues=1, pages=2, seed=1)
    B.build(load_config(site / "banmian.toml"), jobs=1)  # pytest's stderr is not a TTY
    assert capsys.readouterr().err == ""
    stream = io.StringIO()
    bar = B.Progress(True, stream)
    bar.start("render", 3)
    bar.advance(3)
    bar.close()
    assert "render" in stream.getvalue() and "3/3" in stream.getvalue()


def test_result_reports_stages_and_a_one_line_summary(fast, tmp_path):
    site = generate(tmp_path / "site", issues=2, pages=2, seed=1)
    r = B.build(load_config(site / "banmian.toml"), jobs=1, progress=False)
    assert set(r.stages) == set(B.STAGES)
    line = r.summary()
    assert "\n" not in line and line.startswith("built 2 issues, 4 pages, ")
    assert f"{r.articles} articles" in line and "warnings" in line


def test_cli_accepts_jobs():
    from generator.cli import make_parser

    args = make_parser().parse_args(["build", "--jobs", "3"])
    assert args.jobs == 3
