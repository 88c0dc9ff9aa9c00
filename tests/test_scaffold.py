"""`banmian new DIR`: a site that builds at once, without warnings; never over existing files."""
from __future__ import annotations

import logging

import pytest

from generator import cli
from generator.build import build
from generator.check import check_site
from generator.config import load_config
from generator.errors import BanmianError
from generator.scaffold import new_site


def test_new_site_builds_at_once_without_warnings(tmp_path, caplog, capsys):
    caplog.set_level(logging.WARNING, logger="banmian")
    assert cli.main(["new", str(tmp_path / "paper")]) == 0
    assert "banmian build" in capsys.readouterr().out
    site = tmp_path / "paper"
    assert (site / "banmian.toml").is_file()
    pages = sorted(p.name for p in (site / "content").glob("*/*") if p.suffix in (".txt", ".md"))
    assert pages == ["01.txt", "02.md"]
    config = load_config(site / "banmian.toml")
    result = build(config, tmp_path / "out", jobs=1, cache=False)
    assert result.warnings == [] and not caplog.records
    assert result.articles >= 2
    assert (tmp_path / "out" / "index.html").is_file()
    assert check_site(config) == []


def test_new_site_in_an_empty_existing_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    assert new_site(tmp_path / "empty") == (tmp_path / "empty").resolve()


def test_refuses_a_non_empty_folder(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "notes.txt").write_text("keep me")
    with pytest.raises(BanmianError, match="not empty"):
        new_site(tmp_path / "old")
    assert [p.name for p in (tmp_path / "old").iterdir()] == ["notes.txt"]


def test_refuses_a_file_and_cli_exit_code(tmp_path, capsys):
    (tmp_path / "f").write_text("x")
    with pytest.raises(BanmianError, match="not a folder"):
        new_site(tmp_path / "f")
    assert cli.main(["new", str(tmp_path / "f")]) == 1
    assert str(tmp_path / "f") in capsys.readouterr().err
