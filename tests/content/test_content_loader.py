"""The content loader: encodings, front matter, folders, page numbers (issue #9)."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from generator.content import (RawIssue, RawPage, decode_text, find_issue_dirs, load_content,
                               load_issue, read_page, split_front_matter)
from generator.errors import BanmianError

TEXT = "聚焦民生“小事” 回应百姓关切\n\n——北京怀柔区创建全国文明城区为民办实事\n\n本报讯 近日,怀柔区……\n"


@pytest.fixture
def warnings(caplog):
    caplog.set_level(logging.WARNING, logger="banmian")
    return caplog


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- encodings -------------------------------------------------------------

def test_utf8_reads_without_warning(tmp_path, warnings):
    page = read_page(write(tmp_path / "01.txt", TEXT))
    assert page.text == TEXT and page.number == 1 and not warnings.records


@pytest.mark.parametrize("codec", ["gb18030", "gbk"])
def test_gb18030_and_gbk_read_right_with_a_warning(tmp_path, warnings, codec):
    page = read_page(write(tmp_path / "01.txt", TEXT.encode(codec)))
    assert page.text == TEXT
    assert any("GB18030" in r.getMessage() and "01.txt" in r.getMessage() for r in warnings.records)


def test_undecodable_bytes_name_file_byte_offset_and_line(tmp_path):
    data = "第一行\n第二行".encode("utf-8") + b"\xff\xfe\xfd\x80 tail"
    with pytest.raises(BanmianError) as e:
        read_page(write(tmp_path / "03.txt", data))
    offset = len("第一行\n第二行".encode("utf-8"))
    assert e.value.path.endswith("03.txt") and e.value.line == 2
    assert f"offset {offset}" in str(e.value) and "03.txt:2" in str(e.value)


def test_latin1_is_not_mistaken_for_gb18030(tmp_path):
    with pytest.raises(BanmianError, match="offset"):
        read_page(write(tmp_path / "01.txt", "Café crème brûlée à la française\n".encode("latin-1")))


def test_utf8_bom_dropped_with_warning(tmp_path, warnings):
    page = read_page(write(tmp_path / "01.txt", b"\xef\xbb\xbf" + TEXT.encode()))
    assert page.text == TEXT and "\ufeff" not in page.text
    assert any("BOM" in r.getMessage() for r in warnings.records)


def test_bom_before_front_matter(tmp_path):
    page = read_page(write(tmp_path / "01.txt", b"\xef\xbb\xbf" + ("+++\nname = \"要闻\"\n+++\n" + TEXT).encode()))
    assert page.name == "要闻" and page.text == TEXT and page.body_line == 4


def test_byte_offsets_count_the_bom(tmp_path):
    with pytest.raises(BanmianError, match="offset 5"):
        read_page(write(tmp_path / "01.txt", b"\xef\xbb\xbfab\xff"))


def test_utf16_with_bom(tmp_path, warnings):
    page = read_page(write(tmp_path / "01.txt", TEXT.encode("utf-16")))
    assert page.text == TEXT
    assert any("UTF-16" in r.getMessage() for r in warnings.records)


def test_crlf_and_lone_cr_become_lf(tmp_path):
    page = read_page(write(tmp_path / "01.txt", TEXT.replace("\n", "\r\n")))
    assert page.text == TEXT
    page = read_page(write(tmp_path / "02.txt", TEXT.replace("\n", "\r")))
    assert page.text == TEXT


def test_crlf_front_matter(tmp_path):
    data = "+++\r\nname = \"要闻\"\r\nnumber = 4\r\n+++\r\n" + TEXT.replace("\n", "\r\n")
    page = read_page(write(tmp_path / "01.txt", data))
    assert (page.name, page.number, page.text, page.body_line) == ("要闻", 4, TEXT, 5)


def test_binary_file_is_an_error_with_offset(tmp_path):
    with pytest.raises(BanmianError, match=r"binary file \(NUL byte at offset 8\)") as e:
        read_page(write(tmp_path / "01.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert e.value.path.endswith("01.txt")


def test_control_characters_removed_with_warning(tmp_path, warnings):
    page = read_page(write(tmp_path / "01.txt", "第一行\n第\x07二\x1b行\n"))
    assert page.text == "第一行\n第二行\n"
    assert any("01.txt:2" in r.getMessage() and "U+0007" in r.getMessage() for r in warnings.records)


def test_form_feed_is_a_page_break(tmp_path):
    page = read_page(write(tmp_path / "01.txt", "上一栏。\f下一栏。\n"))
    assert page.text == "上一栏。\n\n下一栏。\n"


def test_decode_text_is_pure(tmp_path):
    assert decode_text("正文\r\n".encode("gb18030"), tmp_path / "x.txt") == "正文\n"


# --- empty pages, front matter ---------------------------------------------

@pytest.mark.parametrize("data", ["", "\n\n  \n", "+++\nname = \"空\"\n+++\n"])
def test_empty_page_is_read_with_a_warning(tmp_path, warnings, data):
    page = read_page(write(tmp_path / "02.txt", data))
    assert page.text.strip() == "" and page.number == 2
    assert any("empty page" in r.getMessage() for r in warnings.records)


def test_front_matter_fields_and_body_line(tmp_path):
    page = read_page(write(tmp_path / "07.md", "+++\nname = \"要闻\"\nnumber = 3\n+++\n" + TEXT))
    assert (page.name, page.number, page.text, page.body_line, page.is_markdown) == ("要闻", 3, TEXT, 5, True)
    assert isinstance(page, RawPage) and len(page.content_hash) == 64


@pytest.mark.parametrize("front, line", [
    ("+++\nname = \"要闻\"\nnumber = \n+++\n", 3),       # value missing
    ("+++\nname = \"要闻\nnumber = 3\n+++\n", 2),         # unclosed string
    ("+++\n\n\nname = 要闻\n+++\n", 4),                   # bare value
    ("+++\nname = \"a\"\nname = \"b\"\n+++\n", 3),       # duplicate key
])
def test_broken_toml_front_matter_names_file_and_line(tmp_path, front, line):
    with pytest.raises(BanmianError) as e:
        read_page(write(tmp_path / "05.txt", front + TEXT))
    assert (Path(e.value.path).name, e.value.line) == ("05.txt", line), str(e.value)
    assert f"05.txt:{line}:" in str(e.value)


def test_unclosed_front_matter(tmp_path):
    with pytest.raises(BanmianError, match="never closed") as e:
        read_page(write(tmp_path / "01.txt", "+++\nname = \"要闻\"\n" + TEXT))
    assert e.value.line == 1


@pytest.mark.parametrize("meta, line", [("number = \"四\"", 3), ("number = 0", 3), ("number = true", 3),
                                        ("name = 4", 3)])
def test_front_matter_wrong_types_name_the_line(tmp_path, meta, line):
    with pytest.raises(BanmianError) as e:
        read_page(write(tmp_path / "01.txt", f"+++\n# 注释\n{meta}\n+++\n" + TEXT))
    assert e.value.line == line


def test_unknown_front_matter_key_warns_with_line(tmp_path, warnings):
    read_page(write(tmp_path / "01.txt", "+++\nname = \"要闻\"\ncolour = \"red\"\n+++\n" + TEXT))
    assert any("colour" in r.getMessage() and "01.txt:3" in r.getMessage() for r in warnings.records)


def test_split_front_matter_without_front_matter():
    assert split_front_matter(TEXT, Path("x")) == ({}, TEXT, 1)
    assert split_front_matter("", Path("x")) == ({}, "", 1)
    assert split_front_matter("+++\n+++", Path("x")) == ({}, "", 3)


# --- folders ---------------------------------------------------------------

def make_issue(root: Path, name: str = "2022-07-15", files: dict[str, str] | None = None) -> Path:
    issue = root / name
    for fname, text in (files or {"01.txt": TEXT}).items():
        write(issue / fname, text)
    return issue


def test_load_issue_orders_pages_and_reads_meta(tmp_path):
    issue = make_issue(tmp_path, files={"10.txt": TEXT, "02.md": TEXT, "01-yaowen.txt": TEXT,
                                        "issue.toml": "number = 12\ntitle = \"创刊号\"\n"})
    raw = load_issue(issue)
    assert isinstance(raw, RawIssue) and raw.number == 12 and raw.title == "创刊号"
    assert [p.number for p in raw.pages] == [1, 2, 10]
    assert str(raw.date) == "2022-07-15"


def test_duplicate_page_numbers_name_both_files(tmp_path):
    issue = make_issue(tmp_path, files={"02.txt": TEXT, "02.md": TEXT})
    with pytest.raises(BanmianError, match=r"page number 2 is claimed twice \(also by 02.md\)") as e:
        load_issue(issue)
    assert e.value.path.endswith("02.txt")


def test_duplicate_page_number_from_front_matter(tmp_path):
    issue = make_issue(tmp_path, files={"01.txt": TEXT, "02.txt": "+++\nnumber = 1\n+++\n" + TEXT})
    with pytest.raises(BanmianError, match="claimed twice"):
        load_issue(issue)


@pytest.mark.parametrize("name", ["2022-7-15", "july", "2022-13-01", "2022-02-30"])
def test_bad_issue_folder_names_are_errors(tmp_path, name):
    make_issue(tmp_path / "content", name)
    with pytest.raises(BanmianError, match="issue folder name") as e:
        load_content(tmp_path / "content")
    assert e.value.path.endswith(name)


def test_underscore_and_dot_folders_and_stray_files_are_skipped(tmp_path, warnings):
    content = tmp_path / "content"
    make_issue(content, "2022-07-15", {"01.txt": TEXT, "notes.docx": "x", ".DS_Store": "x", "01.txt~": "x"})
    make_issue(content, "_drafts")
    make_issue(content, ".git")
    write(content / "README.md", "readme")
    assert [d.name for d in find_issue_dirs(content)] == ["2022-07-15"]
    issues = load_content(content)
    assert [p.path.name for p in issues[0].pages] == ["01.txt"]
    assert any("notes.docx" in r.getMessage() for r in warnings.records)


def test_missing_content_folder(tmp_path):
    with pytest.raises(BanmianError, match="content folder not found"):
        load_content(tmp_path / "nope")


def test_issue_toml_errors_name_file_and_line(tmp_path, warnings):
    issue = make_issue(tmp_path, files={"01.txt": TEXT, "issue.toml": "title = \"x\"\nnumber = \"十二\"\n"})
    with pytest.raises(BanmianError) as e:
        load_issue(issue)
    assert e.value.path.endswith("issue.toml") and e.value.line == 2
    write(issue / "issue.toml", "title = \"x\"\nnumber = \n")
    with pytest.raises(BanmianError) as e:
        load_issue(issue)
    assert e.value.line == 2
    write(issue / "issue.toml", "title = \"x\"\neditor = \"王\"\n")
    load_issue(issue)
    assert any("issue.toml:2" in r.getMessage() and "editor" in r.getMessage() for r in warnings.records)


def test_issue_without_pages_warns(tmp_path, warnings):
    issue = make_issue(tmp_path, files={"issue.toml": "number = 1\n"})
    assert load_issue(issue).pages == []
    assert any("no page files" in r.getMessage() for r in warnings.records)
