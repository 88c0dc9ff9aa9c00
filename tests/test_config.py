"""Site configuration: defaults, unknown keys (warnings), wrong values (errors with file:line)."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from generator.config import Config, SearchConfig, load_config
from generator.errors import BanmianError


@pytest.fixture
def warnings(caplog):
    caplog.set_level(logging.WARNING, logger="banmian")
    return caplog


def cfg_file(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "banmian.toml"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_defaults_without_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cfg = load_config()
    assert isinstance(cfg, Config) and isinstance(cfg.search, SearchConfig)
    assert cfg.theme == "default" and cfg.output_dir == "_site" and cfg.path is None
    assert cfg.root == tmp_path.resolve()


def test_values_and_overrides(tmp_path, warnings):
    path = cfg_file(tmp_path, 'title = "晚报"\nbase_url = "https://example.org/edition"\n[search]\nshards = 4\n')
    cfg = load_config(path, base_url=None)
    assert cfg.title == "晚报" and cfg.search.shards == 4
    assert cfg.base_url == "https://example.org/edition/" and cfg.base_path == "/edition/"
    assert load_config(path, base_url="https://x.org").base_url == "https://x.org/"
    assert cfg.content_path == (tmp_path / "content").resolve()
    assert not warnings.records


def test_missing_explicit_config_is_an_error(tmp_path):
    with pytest.raises(BanmianError, match="config file not found"):
        load_config(tmp_path / "nope.toml")


def test_unknown_keys_warn_with_line_and_suggestion(tmp_path, warnings):
    path = cfg_file(tmp_path, 'title = "晚报"\ntheem = "dark"\n\n[search]\nenabled = true\nshard = 3\n')
    cfg = load_config(path)
    msgs = [r.getMessage() for r in warnings.records]
    assert any("banmian.toml:2" in m and "'theem'" in m and "did you mean 'theme'" in m for m in msgs), msgs
    assert any("banmian.toml:6" in m and "'search.shard'" in m for m in msgs), msgs
    assert cfg.theme == "default" and cfg.search.shards == 16


@pytest.mark.parametrize("text, line, match", [
    ('title = "x"\nfeed_issues = "7"\n', 2, "must be an integer"),
    ('title = 5\n', 1, "must be a string"),
    ('search = 1\n', 1, "must be a table"),
    ('[search]\nenabled = "yes"\n', 2, "true or false"),
    ('title = "x"\ntheme = "../../etc"\n', 2, "theme must be a folder name"),
    ('feed_issues = 0\n', 1, "feed_issues"),
    ('[search]\n\nshards = 0\n', 3, "shards"),
    ('output_dir = ""\n', 1, "must not be empty"),
])
def test_bad_values_are_errors_naming_the_line(tmp_path, text, line, match):
    with pytest.raises(BanmianError, match=match) as e:
        load_config(cfg_file(tmp_path, text))
    assert e.value.line == line and e.value.path.endswith("banmian.toml")


def test_broken_toml_names_file_and_line(tmp_path):
    with pytest.raises(BanmianError, match="invalid TOML") as e:
        load_config(cfg_file(tmp_path, 'title = "x"\n\nbase_url = \n'))
    assert e.value.line == 3 and "banmian.toml:3" in str(e.value)


def test_not_utf8_config(tmp_path):
    with pytest.raises(BanmianError, match="not UTF-8 at byte 9"):
        load_config(cfg_file(tmp_path, 'title = "' .encode() + "晚报".encode("gbk") + b'"\n'))


def test_bom_in_config_is_fine(tmp_path):
    assert load_config(cfg_file(tmp_path, b"\xef\xbb\xbf" + 'title = "晚报"\n'.encode())).title == "晚报"


@pytest.mark.parametrize("out", [".", "..", "content", "content/_site", "themes"])
def test_output_dir_that_would_destroy_sources_is_refused(tmp_path, out):
    with pytest.raises(BanmianError, match="output folder"):
        load_config(cfg_file(tmp_path, f'output_dir = "{out}"\n'))


def test_relative_base_url_warns(tmp_path, warnings):
    load_config(cfg_file(tmp_path, 'base_url = "/edition/"\n'))
    assert any("base_url" in r.getMessage() for r in warnings.records)


def test_config_path_is_a_folder(tmp_path):
    with pytest.raises(BanmianError, match="folder"):
        load_config(tmp_path)
