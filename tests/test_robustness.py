"""Bad input end to end: `python -m generator build --out TMP` on a private copy of the
sample site. Each bad input must give a non-zero exit code, a message naming the
file (and line), and leave the previously built site byte-identical (atomic output).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

ISSUE = Path("content") / "2022-07-15"


def banmian(site: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=site, env=env,
                          capture_output=True, text=True, timeout=300)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root (relative path → bytes), and every folder (→ b'<dir>')."""
    out = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        out[rel] = b"<dir>" if p.is_dir() and not p.is_symlink() else p.read_bytes()
    return out


def keep_one_issue(site: Path) -> Path:
    """Builds are slow on a busy 2-core machine: keep only the 2022-07-15 issue."""
    for issue in (site / "content").iterdir():
        if issue.name != ISSUE.name:
            shutil.rmtree(issue)
    return site


@pytest.fixture
def site(sample_site) -> Path:
    """A private copy of the sample site (fixture `sample_site`) with one issue."""
    return keep_one_issue(sample_site)


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory) -> Path:
    """The one-issue sample site built once (by the CLI); tests copy it as 'the previous site'."""
    work = tmp_path_factory.mktemp("prev")
    site = work / "site"
    site.mkdir()
    shutil.copy(REPO / "banmian.toml", site / "banmian.toml")
    shutil.copytree(REPO / "content", site / "content")
    keep_one_issue(site)
    proc = banmian(site, "build", "--out", str(work / "out"))
    assert proc.returncode == 0, proc.stderr
    return work / "out"


@pytest.fixture
def out(previous_site, tmp_path) -> Path:
    """A copy of the previous site, where the failing build is pointed."""
    dest = tmp_path / "public" / "_site"
    shutil.copytree(previous_site, dest, symlinks=True)
    return dest


def fails_atomically(site: Path, out: Path, *names: str, args: tuple[str, ...] = ()) -> str:
    """Run a build that must fail: non-zero exit, message naming `names`, `out` untouched."""
    before = snapshot(out)
    siblings = sorted(p.name for p in out.parent.iterdir())
    proc = banmian(site, "build", "--out", str(out), *args)
    assert proc.returncode != 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    for name in names:
        assert name in proc.stderr, (name, proc.stderr)
    assert snapshot(out) == before, "the previous site changed"
    leftovers = sorted(p.name for p in out.parent.iterdir() if not p.name.endswith(".lock"))
    assert leftovers == [s for s in siblings if not s.endswith(".lock")], "temp folders left behind"
    return proc.stderr


# --- bad content ----------------------------------------------------------

def test_undecodable_page(site, out):
    page = site / ISSUE / "01.txt"
    data = page.read_bytes()
    cut = data.index(b"\n", 100) + 1
    page.write_bytes(data[:cut] + b"\xff\xff" + data[cut:])
    line = data[:cut].count(b"\n") + 1
    err = fails_atomically(site, out, f"01.txt:{line}", f"offset {cut}")
    assert "UTF-8" in err


def test_binary_page(site, out):
    (site / ISSUE / "05.txt").write_bytes(bytes(range(256)) * 4)
    fails_atomically(site, out, "05.txt", "binary file", "offset 0")


def test_broken_front_matter(site, out):
    page = site / ISSUE / "04.md"
    page.write_text("+++\nname = \"文明创建\"\nnumber = [4\n+++\n正文。\n", encoding="utf-8")
    fails_atomically(site, out, "04.md:3:", "front matter")


def test_bad_issue_folder_name(site, out):
    shutil.copytree(site / ISSUE, site / "content" / "2022-7-22")
    fails_atomically(site, out, "2022-7-22", "YYYY-MM-DD")


def test_duplicate_page_numbers(site, out):
    shutil.copy(site / ISSUE / "04.md", site / ISSUE / "04.txt")
    fails_atomically(site, out, "04.txt", "04.md", "claimed twice")


def test_broken_config(site, out):
    cfg = site / "banmian.toml"
    cfg.write_text("# config\nfeed_issues = \"seven\"\n" + cfg.read_text(encoding="utf-8"), encoding="utf-8")
    fails_atomically(site, out, "banmian.toml:2", "feed_issues")


# --- theme ------------------------------------------------------------------

def tiny_content(site: Path) -> None:
    """One short page: template failures happen after reconstruction, keep that cheap."""
    for page in (site / ISSUE).glob("0*"):
        page.unlink()
    (site / ISSUE / "01.txt").write_text("文明新风\n\n本报记者 杨澜\n\n近日，朝阳区文明创建工作取得新进展。\n",
                                         encoding="utf-8")


def test_missing_theme_says_where_it_looked(site, out):
    cfg = site / "banmian.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('theme = "default"', 'theme = "nosuch"'),
                   encoding="utf-8")
    fails_atomically(site, out, "nosuch", str(site / "themes" / "nosuch"))


def test_missing_template_says_which_and_where(site, out):
    tiny_content(site)
    override = site / "themes" / "default" / "templates"
    override.mkdir(parents=True)
    (override / "article.html").write_text('{% extends "no-such-base.html" %}\n', encoding="utf-8")
    fails_atomically(site, out, "no-such-base.html", str(override))


def test_bad_template_in_site_theme_override(site, out):
    """A build failing at render time (after content loaded fine) leaves the old site."""
    tiny_content(site)
    override = site / "themes" / "default" / "templates"
    override.mkdir(parents=True)
    (override / "page.html").write_text('{% extends "base.html" %}\n\n{% block content %}{% if %}{% endblock %}\n',
                                        encoding="utf-8")
    fails_atomically(site, out, "page.html:3")


def test_template_runtime_error_in_override(site, out):
    tiny_content(site)
    override = site / "themes" / "default" / "templates"
    override.mkdir(parents=True)
    (override / "404.html").write_text("{{ no_such_variable.attr }}\n", encoding="utf-8")
    fails_atomically(site, out, "404.html")


# --- output folder ------------------------------------------------------------

def test_unwritable_output_directory(site, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    proc = banmian(site, "build", "--out", str(blocker / "_site"))
    assert proc.returncode != 0 and "Traceback" not in proc.stderr, proc.stderr
    assert str(blocker / "_site") in proc.stderr
    assert blocker.read_text() == "not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_parent_directory(site, tmp_path):
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        proc = banmian(site, "build", "--out", str(parent / "_site"))
    finally:
        parent.chmod(0o755)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr and "_site" in proc.stderr


@pytest.mark.parametrize("target", [".", "content", "content/2022-07-15", ".."])
def test_output_folder_that_would_destroy_sources_is_refused(site, target):
    before = snapshot(site)
    proc = banmian(site, "build", "--out", target)
    assert proc.returncode != 0 and "output folder" in proc.stderr, proc.stderr
    assert snapshot(site) == before


def test_non_empty_foreign_output_folder_is_refused(site, tmp_path):
    foreign = tmp_path / "docs"
    foreign.mkdir()
    (foreign / "thesis.tex").write_text("precious")
    proc = banmian(site, "build", "--out", str(foreign))
    assert proc.returncode != 0 and "not empty" in proc.stderr
    assert [p.name for p in foreign.iterdir()] == ["thesis.tex"]


# --- warnings and --strict ------------------------------------------------------

def test_recoverable_input_builds_with_warnings_and_strict_fails(site, tmp_path):
    """GB18030, BOM + CRLF, an empty page and an unknown config key: the build works,
    each is warned about naming the file, and --strict turns the warnings into a failure."""
    issue = site / ISSUE
    p1 = issue / "01.txt"
    text1 = p1.read_text(encoding="utf-8")
    p1.write_bytes(text1.encode("gb18030"))
    p4 = issue / "04.md"
    p4.write_bytes(b"\xef\xbb\xbf" + p4.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    (issue / "09.txt").write_text("+++\nname = \"空白版\"\n+++\n\n", encoding="utf-8")
    cfg = site / "banmian.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + "\nfeed_itmes = 3\n", encoding="utf-8")

    proc = banmian(site, "build", "--out", str(tmp_path / "o1"))
    assert proc.returncode == 0, proc.stderr
    for needle in ("01.txt", "GB18030", "04.md", "BOM", "09.txt", "empty page", "feed_itmes"):
        assert needle in proc.stderr, (needle, proc.stderr)
    html = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "o1" / "2022-07-15").rglob("*.html"))
    assert "文明新风" in html and "\ufeff" not in html and "\r" not in html
    assert (tmp_path / "o1" / "2022-07-15" / "09" / "index.html").is_file()

    proc = banmian(site, "build", "--strict", "--out", str(tmp_path / "o2"))
    assert proc.returncode != 0 and "strict" in proc.stderr


def test_symlink_to_the_sources_is_refused(site, tmp_path):
    link = tmp_path / "link-to-content"
    link.symlink_to(site / "content", target_is_directory=True)
    before = snapshot(site)
    proc = banmian(site, "build", "--out", str(link))
    assert proc.returncode != 0 and "output folder" in proc.stderr, proc.stderr
    assert snapshot(site) == before


# --- in-process: failures while writing, the lock --------------------------------

def test_failure_while_writing_leaves_the_previous_site(site, out, monkeypatch):
    from generator import build as build_mod
    from generator.config import load_config

    tiny_content(site)
    before = snapshot(out)
    calls = {"n": 0}
    real = build_mod.write_file

    def flaky(root, rel, data, made):
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError(28, "No space left on device", str(root / rel))
        return real(root, rel, data, made)

    monkeypatch.setattr(build_mod, "write_file", flaky)
    with pytest.raises((OSError, build_mod.BanmianError)):
        build_mod.build(load_config(site / "banmian.toml"), out, jobs=1, cache=False)
    assert calls["n"] == 5
    assert snapshot(out) == before
    assert sorted(p.name for p in out.parent.iterdir() if not p.name.endswith(".lock")) == ["_site"]


def test_a_second_build_on_the_same_output_is_refused(site, out):
    from generator.build import build, output_lock
    from generator.config import load_config
    from generator.errors import BanmianError

    before = snapshot(out)
    with output_lock(out):
        with pytest.raises(BanmianError, match="another build"):
            build(load_config(site / "banmian.toml"), out, jobs=1, cache=False)
    assert snapshot(out) == before
