"""Nothing lost: `banmian check` (conservation) and hypothesis fuzzing of the loader
and the reconstruction.

Fuzz example counts (CI): FUZZ_EXAMPLES (default 200) random pages through the
reconstruction with conservation checked, and 2×FUZZ_EXAMPLES random byte
strings / page texts through the loader. Raise them locally with e.g.
`BANMIAN_FUZZ_EXAMPLES=2000 pytest tests/test_check.py`.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import REPO, SEEDS
from generator import cli
from generator.check import check_site, conservation_problems, source_lines
from generator.config import load_config
from generator.content import decode_text, read_page, split_front_matter
from generator.errors import BanmianError
from generator.model import Item, Paragraph, Reconstruction, ReconstructionWarning
from generator.reconstruct import reconstruct

FUZZ_EXAMPLES = int(os.environ.get("BANMIAN_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def test_sample_site_loses_nothing():
    assert check_site(load_config(REPO / "banmian.toml")) == []


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seeds_lose_nothing(seed):
    text = (SEEDS / seed).read_text(encoding="utf-8")
    assert conservation_problems(text, reconstruct(text), seed) == []


def test_lost_text_is_reported_with_file_and_line():
    text = "标题一行\n\n第一段正文。\n\n第二段正文，被丢了。\n"
    rec = Reconstruction(items=[Item(kind="article", title="标题一行",
                                     paragraphs=[Paragraph("p", "第一段正文。")])])
    problems = conservation_problems(text, rec, "content/2022-07-15/01.txt", first_line=4)
    assert len(problems) == 1
    assert problems[0].startswith("content/2022-07-15/01.txt:8: ")  # line 5 of the body, 3 lines of front matter
    assert "被丢了" in problems[0]


def test_text_quoted_in_a_warning_counts_as_kept():
    text = "第一段正文。\n\n正文。\n"
    rec = Reconstruction(items=[Item(kind="article", paragraphs=[Paragraph("p", "第一段正文。")])])
    assert conservation_problems(text, rec, "p.txt")
    rec.warnings.append(ReconstructionWarning("duplicate-overlap", 1, "block 1 repeats block 0; dropped: 正文。"))
    assert conservation_problems(text, rec, "p.txt") == []


def test_a_dropped_single_character_is_caught():
    text = "甲乙丙丁。\n"
    rec = Reconstruction(items=[Item(kind="other", paragraphs=[Paragraph("p", "甲乙丁。")])])
    [problem] = conservation_problems(text, rec, "p.txt")
    assert problem.startswith("p.txt:1:") and "'丙'" in problem


def test_layout_marks_may_be_dropped():
    text = "# 文明风起满眼新\n\n## ——甘肃白银全力推动\n\n> 数说:100场\n\n### ◎ 重高效\n"
    rec = Reconstruction(items=[Item(kind="article", title="文明风起满眼新", subtitle="甘肃白银全力推动",
                                     paragraphs=[Paragraph("callout", "数说:100场"),
                                                 Paragraph("heading", "◎ 重高效")])])
    assert conservation_problems(text, rec, "p.md") == []
    # a title ——subtitle line split in two loses only the separating dashes
    rec = Reconstruction(items=[Item(kind="article", title="凝聚最大合力", subtitle="北京市朝阳区")])
    assert conservation_problems("凝聚最大合力 ——北京市朝阳区\n", rec, "p.txt") == []
    # dashes inside body text are text
    rec = Reconstruction(items=[Item(kind="article", paragraphs=[Paragraph("p", "网格员接单一村社报单")])])
    assert conservation_problems("网格员接单——村社报单\n", rec, "p.txt")


def test_reconstructed_markdown_marks_are_not_text():
    text = "<!-- banmian:reconstructed -->\n\n<!-- photo -->\n\n图为老人用餐。\n\n摄影:赵静\n\n# 标题\n\n作者:王\n\n\\# 不是标题\n"
    assert [s for _, s in source_lines(text)] == ["图为老人用餐。", "赵静", "标题", "王", "#不是标题"]


def test_check_command(sample_site, monkeypatch, capsys):
    monkeypatch.chdir(sample_site)
    assert cli.main(["check"]) == 0
    assert "0 problems" in capsys.readouterr().out

    def lossy(text):  # a reconstruction that drops each page's last item
        from generator.reconstruct import engine
        rec = engine.reconstruct_page(text)
        rec.items = rec.items[:-1]
        return rec

    import generator.reconstruct as recon
    monkeypatch.setattr(recon, "reconstruct", lossy)
    assert cli.main(["check"]) == 1
    out = capsys.readouterr().out
    assert "content/2022-07-15/01.txt:" in out and "in no article and no warning" in out


def test_check_command_bad_input_names_file(sample_site):
    (sample_site / "content" / "2022-07-15" / "01.txt").write_bytes(b"ok\n\xff\xff\xff")
    proc = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=sample_site,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == 1 and "01.txt:2" in proc.stderr and "offset 3" in proc.stderr


# --- fuzzing -----------------------------------------------------------------

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
LATIN = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
PUNCT = st.sampled_from(list("，。、；：？！“”‘’（）《》——…·「」【】—－,.:;!?()%") + ["——", "……"])
DIGITS = st.sampled_from(list("0123456789０１２３"))
SPACE = st.sampled_from([" ", "\u3000", "\t"])
CHUNK = st.one_of(st.text(CJK, min_size=1, max_size=30), st.text(LATIN, min_size=1, max_size=12),
                  PUNCT, DIGITS, SPACE)
LINE_PREFIX = st.sampled_from(["", "", "", "", "# ", "## ", "### ", "## ——", "——", "> ", ">", "* ", "- ",
                               "1. ", "**", "本报记者 ", "图为", "摄影:", "<!-- photo -->", "+++"])
LINE_SUFFIX = st.sampled_from(["", "", "", "。", "**", " 摄", "”", "……", "——"])


@st.composite
def page_texts(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 14))):
        if draw(st.integers(0, 3)) == 0:
            lines.extend([""] * draw(st.integers(1, 3)))  # blank lines: block breaks
            continue
        body = "".join(draw(st.lists(CHUNK, min_size=0, max_size=8)))
        lines.append(draw(LINE_PREFIX) + body + draw(LINE_SUFFIX))
    eol = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    return eol.join(lines) + draw(st.sampled_from(["", eol]))


@FUZZ
@given(page_texts())
@example("\n—一\n# \n# ——丁")  # a subtitle on two lines, each with its dash mark
@example("一———")  # a dash run with no subtitle after it
@example("一" * 24 + "——\n——\n一")  # a title, its subtitle mark on the next line alone
def test_fuzz_reconstruction_conserves_text(text):
    text = text.replace("\r\n", "\n")
    rec = reconstruct(text)
    for it in rec.items:
        assert it.kind in ("article", "photo", "other")
        assert it.slug and all(c in "abcdefghijklmnopqrstuvwxyz0123456789-" for c in it.slug)
        for p in it.paragraphs:
            assert p.type in ("p", "heading", "callout")
    assert len({it.slug for it in rec.items}) == len(rec.items)
    assert conservation_problems(text, rec, "fuzz.txt") == []


@settings(FUZZ, max_examples=2 * FUZZ_EXAMPLES)
@given(st.one_of(st.binary(max_size=300), page_texts().map(lambda t: t.encode("utf-8")),
                 page_texts().map(lambda t: t.encode("gb18030")),
                 st.tuples(st.sampled_from([b"+++\n", b"\xef\xbb\xbf+++\n", b"+++\r\n"]),
                           st.binary(max_size=60), st.sampled_from([b"\n+++\n", b"+++", b""]),
                           st.binary(max_size=60)).map(b"".join)))
def test_fuzz_loader_never_crashes(data):
    path = Path("fuzz/01.txt")
    try:
        text = decode_text(data, path)
    except BanmianError as e:
        assert e.path == str(path) and ("offset" in e.message)
        return
    assert "\r" not in text and "\x00" not in text
    try:
        meta, body, line = split_front_matter(text, path)
    except BanmianError as e:
        assert e.path == str(path) and e.line and e.line >= 1
        return
    assert isinstance(meta, dict) and line >= 1
    assert text.endswith(body)


@settings(FUZZ, max_examples=max(FUZZ_EXAMPLES // 4, 10))
@given(page_texts(), st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_fuzz_page_file_round_trip(tmp_path_factory, text, codec):
    """Any page text saved in a supported encoding reads back as the same text."""
    path = tmp_path_factory.mktemp("fz") / "01.txt"
    clean = text.replace("\r\n", "\n")
    if clean.lstrip(" \t\u3000").startswith("+++"):
        clean = "x" + clean
    path.write_bytes(clean.encode(codec))
    try:
        page = read_page(path)
    except BanmianError as e:  # only possible for GB18030 text that is not plausible Chinese
        assert codec == "gb18030" and "offset" in e.message
        return
    assert page.text.replace("\t", " ") == clean.replace("\t", " ") or page.text == clean
