"""End-to-end: the sample edition builds, every article has a page, no link is broken."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from linkcheck import broken_links


def run_build(site: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(out), *extra],
                          cwd=site, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("base_url", ["http://127.0.0.1:8000/", "https://example.org/edition/"])
def test_sample_edition_builds_with_no_broken_links(sample_site, tmp_path, base_url):
    out = tmp_path / "out"
    proc = run_build(sample_site, out, "--base-url", base_url)
    assert proc.returncode == 0, proc.stderr
    checked, broken = broken_links(out, base_url)
    assert checked > 50
    assert broken == []


def test_one_page_per_reconstructed_article(built_sample):
    from generator.build import load_edition
    from generator.config import load_config

    edition = load_edition(load_config(REPO / "banmian.toml"))
    articles = [(i, p, a) for i in edition.issues for p in i.pages for a in p.articles]
    assert len(articles) >= 19  # the seeds hold at least the 19 gold articles of four pages
    for issue, page, art in articles:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", art.slug), art.slug
        html = (built_sample / issue.key / page.label / art.slug / "index.html").read_text(encoding="utf-8")
        assert '<html lang="zh-CN"' in html
        assert art.display_title[:10].replace("&", "&amp;").replace('"', "&#34;") in html


def test_every_html_page_is_chinese(built_sample):
    pages = list(built_sample.rglob("*.html"))
    assert len(pages) > 20
    for html in pages:
        assert '<html lang="zh-CN"' in html.read_text(encoding="utf-8"), html


def test_contract_url_shape(built_sample):
    assert (built_sample / "2022-07-15" / "04" / "wen-ming-feng-qi-man-yan-xin" / "index.html").is_file()
    for rel in ("index.html", "archive/index.html", "search/index.html", "404.html", "sitemap.xml", "feed.xml"):
        assert (built_sample / rel).is_file(), rel


def test_build_refuses_to_replace_a_folder_it_did_not_build(sample_site, tmp_path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me")
    for out in (precious, sample_site, sample_site / "content"):
        proc = run_build(sample_site, out)
        assert proc.returncode != 0 and "output folder" in proc.stderr
    assert (precious / "notes.txt").read_text() == "keep me"
    assert (sample_site / "content" / "2022-07-15" / "01.txt").is_file()
