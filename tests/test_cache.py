"""The build cache: an incremental build is byte-identical to a clean one, and does
only the work an edit calls for. A fast stand-in engine and search keep this quick;
the real ones are covered by the site tests."""
from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

import generator.build as B
import generator.cache as C
from benchmarks.archive import edit_page, generate
from generator.config import load_config
from generator.model import Item, Paragraph, Reconstruction
from generator.slugs import unique_slugs


def fake_reconstruct(text: str) -> Reconstruction:
    """Deterministic and quick: a short block starts a new article."""
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    items: list[Item] = []
    for n, b in enumerate(blocks):
        if len(b) <= 40 or not items:
            items.append(Item(kind="article", title=b.lstrip("# "), blocks=[n]))
        else:
            items[-1].paragraphs.append(Paragraph("p", b))
            items[-1].blocks.append(n)
    for it, slug in zip(items, unique_slugs(i.title or "" for i in items)):
        it.slug = slug
    return Reconstruction(items=items)


def fake_search(edition, config) -> dict[str, bytes]:
    titles = [[i.key, p.label, a.display_title] for i in edition.issues for p in i.pages for a in p.articles]
    return {"search/index.json": json.dumps(titles, ensure_ascii=False).encode()}


@pytest.fixture
def fast(monkeypatch):
    monkeypatch.setattr(B, "reconstruct", fake_reconstruct)
    monkeypatch.setattr(B.Builder, "search_files", lambda self: fake_search(self.edition, self.config))
    monkeypatch.setattr(C, "_ENGINE_VERSION", "fake-engine")  # never mixed with real results
    yield
    B._MEMO.clear()


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def clean_build(site: Path, out: Path) -> dict[str, bytes]:
    B.build(load_config(site / "banmian.toml"), out, cache=False, jobs=1, progress=False)
    return tree(out)


def assert_same(a: dict[str, bytes], b: dict[str, bytes]) -> None:
    assert sorted(a) == sorted(b)
    different = [p for p in a if a[p] != b[p]]
    assert not different, different[:5]


def random_edit(site: Path, rng: random.Random) -> str:
    content = site / "content"
    issues = sorted(p for p in content.iterdir() if p.is_dir())
    pages = sorted(p for p in content.glob("*/[0-9]*.*"))
    what = rng.choice(["edit", "edit", "edit", "add-page", "drop-page", "add-issue", "drop-issue", "meta"])
    if what == "edit" or (what == "drop-page" and len(pages) < 3) or (what == "drop-issue" and len(issues) < 3):
        edit_page(rng.choice(pages), rng)
        return "edit"
    if what == "add-page":
        folder = rng.choice(issues)
        n = max(int(p.name[:2]) for p in folder.glob("[0-9]*.*")) + 1
        shutil.copy(rng.choice(pages), folder / f"{n:02d}.txt")
    elif what == "drop-page":
        rng.choice(pages).unlink()
    elif what == "add-issue":
        last = issues[-1]
        new = content / f"{last.name[:8]}{int(last.name[8:]) + 1:02d}"
        shutil.copytree(rng.choice(issues), new)
        edit_page(rng.choice(sorted(new.glob("[0-9]*.*"))), rng)
    elif what == "drop-issue":
        shutil.rmtree(rng.choice(issues[:-1]))
    elif what == "meta":
        folder = rng.choice(issues)
        (folder / "issue.toml").write_text(f'number = {rng.randint(1, 9999)}\ntitle = "特刊{rng.randint(1, 99)}"\n')
    return what


def test_incremental_build_equals_clean_build_after_random_edits(fast, tmp_path):
    site = generate(tmp_path / "site", issues=3, pages=2, seed=11)
    config = load_config(site / "banmian.toml")
    out = site / "_site"
    B.build(config, out, jobs=1, progress=False)
    assert_same(tree(out), clean_build(site, tmp_path / "clean0"))
    rng = random.Random(5)
    for round_ in range(4):
        done = [random_edit(site, rng) for _ in range(rng.randint(1, 3))]
        r = B.build(config, out, jobs=2 if round_ % 2 else 1, progress=False)
        assert not r.unchanged, done
        assert_same(tree(out), clean_build(site, tmp_path / f"clean{round_ + 1}"))


def test_no_change_rebuild_does_nothing(fast, tmp_path):
    site = generate(tmp_path / "site", issues=3, pages=2, seed=1)
    config = load_config(site / "banmian.toml")
    first = B.build(config, jobs=1, progress=False)
    before = tree(site / "_site")
    again = B.build(config, jobs=1, progress=False)
    assert again.unchanged and again.rendered == 0 and again.reconstructed == 0
    assert (again.issues, again.pages, again.articles, again.files) == \
           (first.issues, first.pages, first.articles, first.files)
    assert tree(site / "_site") == before
    assert "no changes" in again.summary()


def test_one_page_edit_rebuilds_only_what_it_affects(fast, tmp_path):
    site = generate(tmp_path / "site", issues=4, pages=2, seed=2)
    config = load_config(site / "banmian.toml")
    B.build(config, jobs=1, progress=False)
    page = sorted((site / "content" / "2022-01-02").glob("02.*"))[0]
    edit_page(page, random.Random(1))
    r = B.build(config, jobs=1, progress=False)
    assert r.reconstructed == 1
    issue_outputs = [p for p in tree(site / "_site") if p.startswith("2022-01-02/") and p.endswith(".html")]
    other_issue = [p for p in tree(site / "_site") if p.startswith("2022-01-04/") and p.endswith(".html")]
    # that issue's pages, plus pages that list every issue's pages (home, archive, report …)
    assert r.rendered <= len(issue_outputs) + 8, r.rendered
    assert r.rendered < len(issue_outputs) + len(other_issue)
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean"))


def test_a_body_edit_rerenders_its_page_not_the_whole_issue(fast, tmp_path):
    """Outputs depend on the pages they read: 版面导航 reads only page numbers and
    names, so a typo in one page's body re-renders that page's views and its
    neighbours' 上一篇/下一篇, not every article of the issue."""
    site = generate(tmp_path / "site", issues=2, pages=6, seed=21)
    config = load_config(site / "banmian.toml")
    B.build(config, jobs=1, progress=False)
    page = sorted((site / "content" / "2022-01-02").glob("03.*"))[0]
    text = page.read_text(encoding="utf-8")
    i = max(k for k, ch in enumerate(text) if "\u4e00" <= ch <= "\u9fff")  # in the last paragraph
    page.write_text(text[:i] + ("国" if text[i] != "国" else "家") + text[i + 1:], encoding="utf-8")
    r = B.build(config, jobs=1, progress=False)
    issue_outputs = [p for p in tree(site / "_site") if p.startswith("2022-01-02/") and p.endswith(".html")]
    assert r.reconstructed == 1
    assert 1 <= r.rendered < len(issue_outputs) / 2, (r.rendered, len(issue_outputs))
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean"))


def test_theme_and_config_changes_invalidate(fast, tmp_path):
    site = generate(tmp_path / "site", issues=2, pages=1, seed=3)
    B.build(load_config(site / "banmian.toml"), jobs=1, progress=False)
    # a site-local theme overriding one template
    src = B.theme_chain("default", site)[-1] / "templates" / "base.html"
    local = site / "themes" / "default" / "templates"
    local.mkdir(parents=True)
    (local / "base.html").write_text(src.read_text().replace("</body>", "<p>LOCAL</p></body>"))
    r = B.build(load_config(site / "banmian.toml"), jobs=1, progress=False)
    assert r.rendered > 5 and b"LOCAL" in (site / "_site" / "index.html").read_bytes()
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean1"))
    toml = site / "banmian.toml"
    toml.write_text(toml.read_text().replace("合成日报 · 数字报", "另一份报纸"))
    B.build(load_config(toml), jobs=1, progress=False)
    assert "另一份报纸".encode() in (site / "_site" / "index.html").read_bytes()
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean2"))


def test_damaged_or_missing_cache_and_site_are_rebuilt(fast, tmp_path):
    site = generate(tmp_path / "site", issues=2, pages=1, seed=4)
    config = load_config(site / "banmian.toml")
    B.build(config, jobs=1, progress=False)
    cache = site / C.CACHE_DIR_NAME
    for f in cache.glob("state-*.pickle"):
        f.write_bytes(b"garbage")
    for f in list(cache.glob("recon/*/*.pickle"))[:2]:
        f.write_bytes(b"garbage")
    B._MEMO.clear()
    edit_page(sorted(site.glob("content/*/01.*"))[0], random.Random(2))
    B.build(config, jobs=1, progress=False)
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean1"))
    shutil.rmtree(site / "_site")
    B.build(config, jobs=1, progress=False)
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean2"))
    shutil.rmtree(cache)
    B._MEMO.clear()
    B.build(config, jobs=1, progress=False)
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean3"))


def test_unchanged_files_are_hard_links_and_the_spare_is_reused(fast, tmp_path):
    site = generate(tmp_path / "site", issues=3, pages=2, seed=6)
    config = load_config(site / "banmian.toml")
    B.build(config, jobs=1, progress=False)
    edit_page(sorted(site.glob("content/2022-01-01/01.*"))[0], random.Random(3))
    B.build(config, jobs=1, progress=False)
    edit_page(sorted(site.glob("content/2022-01-01/02.*"))[0], random.Random(4))
    r = B.build(config, jobs=1, progress=False)
    assert r.written < r.files / 2  # only what changed is written
    untouched = next((site / "_site" / "2022-01-03").rglob("index.html"))
    assert untouched.stat().st_nlink == 2  # shared with the spare copy in the cache
    assert not [p for p in site.iterdir() if p.name.startswith("._site.new")]


def test_cache_lives_beside_the_config_and_is_gitignored(fast, tmp_path):
    site = generate(tmp_path / "site", issues=1, pages=1, seed=0)
    B.build(load_config(site / "banmian.toml"), tmp_path / "elsewhere" / "out", jobs=1, progress=False)
    assert (site / ".banmian-cache" / "CACHEDIR.TAG").exists()
    repo = Path(__file__).resolve().parent.parent
    assert ".banmian-cache/" in (repo / ".gitignore").read_text().split()


def test_cache_false_is_a_clean_build_that_keeps_nothing(fast, tmp_path):
    site = generate(tmp_path / "site", issues=1, pages=1, seed=0)
    r = B.build(load_config(site / "banmian.toml"), cache=False, jobs=1, progress=False)
    assert r.reconstructed == 1 and not (site / ".banmian-cache" / "recon").exists()
    assert not [p for p in site.iterdir() if p.name.startswith("._site.")
                and not p.name.endswith(".lock")]


def test_one_page_edit_plans_only_the_issues_it_can_affect(fast, tmp_path, monkeypatch):
    site = generate(tmp_path / "site", issues=6, pages=2, seed=12)
    config = load_config(site / "banmian.toml")
    B.build(config, jobs=1, progress=False)
    planned: list[str] = []
    real = B.plan_groups

    def spy(edition, **kw):
        groups = real(edition, **kw)
        planned.extend(issue.key for issue, outs in groups if issue is not None and outs is not None)
        return groups
    monkeypatch.setattr(B, "plan_groups", spy)
    edit_page(sorted((site / "content" / "2022-01-03").glob("01.*"))[0], random.Random(8))
    B.build(config, jobs=1, progress=False)
    # the edited issue, and at most the neighbours that show its pages or name it
    assert "2022-01-03" in planned and len(planned) <= 3, planned
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean"))
    planned.clear()
    again = B.build(config, jobs=1, progress=False)
    assert again.unchanged and not planned


def test_search_merge_memo_never_changes_the_files(tmp_path):
    """A long-lived process reuses the headline index, the pinyin table and the
    dictionary filter between merges; the files must equal a merge without them."""
    from generator import search
    from generator.model import Edition, Issue

    site = generate(tmp_path / "site", issues=3, pages=2, seed=13)
    config = load_config(site / "banmian.toml")
    rng = random.Random(2)
    memo: dict = {}
    for round_ in range(3):
        raws = B.load_content(config.content_path)
        edition = Edition(issues=[Issue(date=r.date, number=r.number, title=r.title, notes=r.notes, source=r.path,
                                        pages=[B.page_from_reconstruction(p, fake_reconstruct(p.text))
                                               for p in r.pages]) for r in raws])
        parts = [search.issue_search_files(i, config) for i in edition.issues]
        with_memo = search.merge_search_files(edition, config, parts, memo=memo)
        assert with_memo == search.merge_search_files(edition, config, parts), round_
        assert with_memo == search.merge_search_files(edition, config, parts, memo=memo), round_
        edit_page(rng.choice(sorted(site.glob("content/*/[0-9]*.*"))), rng)


def _age(site: Path, seconds: int = 3600) -> None:
    """Make every content file look last modified an hour ago (past the racy window)."""
    import os
    import time
    then = time.time() - seconds
    for p in (site / "content").rglob("*"):
        os.utime(p, (then, then))


def test_unchanged_page_files_are_not_read_again_but_every_edit_is_seen(fast, tmp_path, monkeypatch):
    site = generate(tmp_path / "site", issues=3, pages=2, seed=4)
    config = load_config(site / "banmian.toml")
    _age(site)
    monkeypatch.setattr(B, "RACY_NS", 50_000_000)  # files touched 50 ms before a build count as racy
    import time
    time.sleep(0.2)
    B.build(config, jobs=1, progress=False)
    reads: list[str] = []
    real = B.read_page
    monkeypatch.setattr(B, "read_page", lambda path: reads.append(path.name) or real(path))
    # a same-size edit that even puts the old modification time back (ctime still moves)
    page = sorted((site / "content").glob("*/01.*"))[0]
    import os
    st = os.stat(page)
    text = page.read_text(encoding="utf-8")
    i = max(k for k, ch in enumerate(text) if "\u4e00" <= ch <= "\u9fff")  # in the body
    page.write_text(text[:i] + ("国" if text[i] != "国" else "家") + text[i + 1:], encoding="utf-8")
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(page).st_size == st.st_size
    r = B.build(config, jobs=1, progress=False)
    assert reads == [page.name], reads  # only the edited file was read
    assert r.reconstructed == 1
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean"))


def _new_process() -> None:
    """Forget what this process holds between builds, as a new `banmian build` would."""
    for held in (B._PARTS, B._SEARCH_MEMO, B._MEMO, B._STATE, B._ISSUES, B._RENDERER):
        held.clear()


def test_a_no_change_build_keeps_what_it_read_again_of_racily_clean_files(fast, tmp_path, monkeypatch):
    """Files written just before a build looked at them are read again by the next build
    (a second write in the same clock tick could hide); when that build finds nothing
    changed, it keeps what it read, so the build after it reads nothing (a year's archive
    imported and built at once re-read all its pages on every no-change build)."""
    import os
    import time
    site = generate(tmp_path / "site", issues=3, pages=2, seed=17)
    config = load_config(site / "banmian.toml")
    monkeypatch.setattr(B, "RACY_NS", 50_000_000)
    soon = time.time() + 0.3  # modified "after" the first build looks: racily clean
    for p in (site / "content").rglob("*"):
        os.utime(p, (soon, soon))
    B.build(config, jobs=1, progress=False)
    time.sleep(0.6)  # past the modification times and the (shortened) racy window
    reads: list[str] = []
    real = B.read_page
    monkeypatch.setattr(B, "read_page", lambda path: reads.append(path.name) or real(path))
    _new_process()
    r = B.build(config, jobs=1, progress=False)
    assert r.unchanged and len(reads) == 6  # every page of the 3 issues × 2, read again
    reads.clear()
    _new_process()
    r = B.build(config, jobs=1, progress=False)
    assert r.unchanged and reads == []


@pytest.mark.parametrize("new_process", [False, True], ids=["same process", "new process"])
def test_unchanged_issue_folders_are_not_loaded_again_but_every_change_is_seen(fast, tmp_path, monkeypatch,
                                                                               new_process):
    """An issue folder whose files all kept their stat signatures is taken as the last
    build loaded it: in memory (serve --watch) or from the state (a new process, which
    then re-reads only a changed folder); any edit, added or dropped page or issue, or
    changed issue.toml is seen (each round equals a clean build)."""
    import time
    site = generate(tmp_path / "site", issues=4, pages=2, seed=15 if new_process else 14)
    config = load_config(site / "banmian.toml")
    monkeypatch.setattr(B, "RACY_NS", 50_000_000)
    _age(site)
    time.sleep(0.1)
    B.build(config, jobs=1, progress=False)
    loaded: list[str] = []
    real = B.load_issue
    monkeypatch.setattr(B, "load_issue", lambda d, read: loaded.append(d.name) or real(d, read))
    rng = random.Random(15 if new_process else 14)
    for round_ in range(8):
        loaded.clear()
        what = random_edit(site, rng)
        time.sleep(0.1)  # past the (shortened) racy window
        if new_process:
            _new_process()
        r = B.build(config, jobs=1, progress=False)
        assert not r.unchanged, what
        assert len(loaded) <= 1, (what, loaded)  # at most the folder that changed
        assert_same(tree(site / "_site"), clean_build(site, tmp_path / f"clean{round_}"))
    loaded.clear()
    if new_process:
        _new_process()
    r = B.build(config, jobs=1, progress=False)
    assert r.unchanged and loaded == []


def test_a_changed_issue_toml_is_seen_by_a_new_process(fast, tmp_path, monkeypatch):
    """issue.toml written anew (even at the same size, its modification time put back)
    changes its folder's stamp: the next process loads that folder again."""
    import os
    import time
    site = generate(tmp_path / "site", issues=3, pages=2, seed=16)
    config = load_config(site / "banmian.toml")
    monkeypatch.setattr(B, "RACY_NS", 50_000_000)
    meta = sorted(p for p in (site / "content").iterdir() if p.is_dir())[1] / "issue.toml"
    meta.write_text('number = 71\ntitle = "国庆特刊"\n', encoding="utf-8")
    _age(site)
    time.sleep(0.1)
    B.build(config, jobs=1, progress=False)
    assert any("国庆特刊" in p.read_text(encoding="utf-8") for p in (site / "_site").rglob("*.html"))
    st = os.stat(meta)
    meta.write_text('number = 72\ntitle = "元旦特刊"\n', encoding="utf-8")
    os.utime(meta, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(meta).st_size == st.st_size
    time.sleep(0.1)
    _new_process()
    B.build(config, jobs=1, progress=False)
    html = "".join(p.read_text(encoding="utf-8") for p in (site / "_site").rglob("*.html"))
    assert "元旦特刊" in html and "国庆特刊" not in html
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean"))


def test_the_state_is_written_light_and_read_back_whole(fast, tmp_path):
    """`_pack_state` drops what can be made again (the live manifest) and writes columns;
    `_unpack_state` gives back the state the build kept, records, manifests and all."""
    import pickle
    site = generate(tmp_path / "site", issues=3, pages=2, seed=17)
    config = load_config(site / "banmian.toml")
    B.build(config, jobs=1, progress=False)
    edit_page(sorted((site / "content").glob("*/01.*"))[0], random.Random(2))
    B.build(config, jobs=1, progress=False)
    (state,) = [held[1] for held in B._STATE.values()]
    assert {"cur", "spare"} <= set(state["trees"])
    packed = B._pack_state(state)
    assert "outputs" not in packed and "trees" not in packed
    assert packed["tree_columns"][2] is None  # the live manifest is made again from the records
    back = B._unpack_state(pickle.loads(pickle.dumps(packed)))
    assert back["outputs"] == state["outputs"]
    assert all(type(r) is C.OutputRecord for r in back["outputs"].values())
    for name in ("cur", "spare"):
        assert back["trees"][name] == state["trees"][name]
    for path, seen in state["seen"].items():
        assert back["seen"][path] == seen
    for folder, held in state["loaded"].items():
        assert back["loaded"][folder] == held


def test_files_the_site_drops_go_through_the_trash(fast, tmp_path, monkeypatch):
    """Files the work folder no longer has are moved to the cache's trash and deleted by
    a thread the build waits for; a trash a crashed build left goes too."""
    site = generate(tmp_path / "site", issues=3, pages=3, seed=18)
    config = load_config(site / "banmian.toml")
    B.build(config, jobs=1, progress=False)
    edit_page(sorted((site / "content").glob("*/01.*"))[0], random.Random(1))
    B.build(config, jobs=1, progress=False)
    left = site / ".banmian-cache" / "trash" / "crashed"
    left.mkdir(parents=True)
    (left / "0").write_bytes(b"left over")
    moved: list[str] = []
    real = B.remove_file
    monkeypatch.setattr(B, "remove_file",
                        lambda root, rel, aside=None: (moved.append(aside), real(root, rel, aside)))
    sorted((site / "content").glob("*/03.*"))[1].unlink()
    B.build(config, jobs=1, progress=False)
    assert moved and all(moved), moved  # every dropped file was moved aside
    assert list((site / ".banmian-cache" / "trash").iterdir()) == []
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean"))


def test_slugs_seen_by_an_earlier_build_need_no_pinyin(fast, tmp_path, monkeypatch):
    import generator.slugs as S
    site = generate(tmp_path / "site", issues=2, pages=2, seed=6)
    config = load_config(site / "banmian.toml")
    B.build(config, jobs=2, progress=False)  # worker processes compute the slugs
    S._KNOWN.clear()
    monkeypatch.setattr(S, "_slugify", lambda text, n: pytest.fail(f"pypinyin used for {text!r}"))
    page = sorted((site / "content").glob("*/02.*"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\n\n" + "补记一段较长的正文，不是标题。" * 4 + "\n", encoding="utf-8")
    r = B.build(config, jobs=1, progress=False)  # a fresh process would start like this
    assert r.reconstructed == 1


def test_a_new_engine_reconstructs_pages_even_when_their_files_are_unchanged(fast, tmp_path, monkeypatch):
    site = generate(tmp_path / "site", issues=2, pages=2, seed=8)
    config = load_config(site / "banmian.toml")
    _age(site)
    monkeypatch.setattr(B, "RACY_NS", 50_000_000)
    import time
    time.sleep(0.2)
    first = B.build(config, jobs=1, progress=False)
    B._MEMO.clear()
    monkeypatch.setattr(C, "_ENGINE_VERSION", "fake-engine-2")
    again = B.build(config, jobs=1, progress=False)
    assert again.reconstructed == first.pages == 4


def test_search_files_of_unchanged_issues_come_from_the_cache_in_a_fresh_process(tmp_path, monkeypatch):
    """The real search stage (light parts, lazily read files, the persisted merge memo):
    a new process that edits one page gives the clean build's bytes."""
    monkeypatch.setattr(B, "reconstruct", fake_reconstruct)
    monkeypatch.setattr(C, "_ENGINE_VERSION", "fake-engine")
    site = generate(tmp_path / "site", issues=3, pages=2, seed=12)
    config = load_config(site / "banmian.toml")
    B.build(config, jobs=1, progress=False)
    for held in (B._PARTS, B._SEARCH_MEMO, B._MEMO, B._STATE, B._ISSUES):  # as if a new process
        held.clear()
    edit_page(sorted((site / "content").glob("*/01.*"))[-1], random.Random(3))
    r = B.build(config, jobs=1, progress=False)
    assert r.reconstructed == 1
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean"))
    B._MEMO.clear()


def test_a_fresh_process_reads_only_the_edited_issues_search_part(tmp_path, monkeypatch):
    """The merge memo keeps a summary of every part (issue #8): a new process that edits
    one page reads no other issue's cached part (its headline shards are spliced from
    the old ones), and the site is the clean build's; the same after a change to an
    article's title and after a new issue (which renumbers no other)."""
    monkeypatch.setattr(B, "reconstruct", fake_reconstruct)
    monkeypatch.setattr(C, "_ENGINE_VERSION", "fake-engine")
    site = generate(tmp_path / "site", issues=5, pages=2, seed=21)
    config = load_config(site / "banmian.toml")
    B.build(config, jobs=1, progress=False)
    read: list[str] = []
    stored_part = B.Builder._stored_part
    monkeypatch.setattr(B.Builder, "_stored_part", lambda self, issue, key, make=True: (
        read.append(issue.key), stored_part(self, issue, key, make))[1])

    def fresh_build() -> None:
        for held in (B._PARTS, B._SEARCH_MEMO, B._MEMO, B._STATE, B._ISSUES):  # as if a new process
            held.clear()
        read.clear()
        B.build(config, jobs=1, progress=False)

    folders = sorted(d for d in (site / "content").iterdir() if d.is_dir())
    for n, change in enumerate(("edit", "title", "issue")):
        if change == "edit":
            edit_page(sorted(folders[2].glob("01.*"))[0], random.Random(4))
        elif change == "title":
            page = sorted(folders[1].glob("02.*"))[0]
            page.write_text(page.read_text(encoding="utf-8") + "\n\n全新标题怀柔区文明实践\n\n本报讯 新的一篇。\n",
                            encoding="utf-8")
        else:
            copy = folders[-1].with_name("2099-01-01")
            shutil.copytree(folders[3], copy)
            (copy / "issue.toml").write_text("number = 2000\n", encoding="utf-8")
        fresh_build()
        assert len(read) <= 1, (change, read)
        assert_same(tree(site / "_site"), clean_build(site, tmp_path / f"clean{n}"))
    B._MEMO.clear()


def test_cached_parts_bigram_counts_are_read_only_when_the_merge_needs_them(tmp_path, monkeypatch):
    """A cached search part is stored without its bigram counts (half its bytes): a fresh
    process reads them only when a byline brings a name the dictionary lacks (and makes
    them again from the issue when their file is gone); the site is the clean build's."""
    site = generate(tmp_path / "site", issues=3, pages=2, seed=14)
    config = load_config(site / "banmian.toml")
    B.build(config, jobs=1, progress=False)
    read: list[str] = []
    part_terms = B.Builder._part_terms
    monkeypatch.setattr(B.Builder, "_part_terms", lambda self, issue, key: (read.append(issue.key),
                                                                            part_terms(self, issue, key))[1])

    def fresh_build() -> None:
        for held in (B._PARTS, B._SEARCH_MEMO, B._MEMO, B._STATE, B._ISSUES):  # as if a new process
            held.clear()
        B.build(config, jobs=1, progress=False)

    pages = sorted((site / "content").glob("*/01.*"))
    edit_page(pages[-1], random.Random(3))
    fresh_build()
    assert read == []
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean"))
    counts = sorted((site / ".banmian-cache" / "search-terms").glob("*.pickle"))
    assert len(counts) == 3
    counts[0].unlink()
    with pages[-1].open("a", encoding="utf-8") as f:
        f.write("\n\n小城新风拂面来\n\n记者 覃彧喆\n\n本报讯(覃彧喆)近日,某镇开展文明新风宣传活动,群众纷纷点赞。\n")
    fresh_build()
    assert len(read) == 2  # the two unchanged issues
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean2"))
    B._MEMO.clear()


def test_search_parts_made_in_batches_give_the_clean_build(tmp_path, monkeypatch):
    """A cold build makes the search parts a batch at a time and sends each batch's files
    to the cache at once (memory holds one batch): same site as a clean build, and so is
    the next build, in a fresh process, after an edit."""
    monkeypatch.setattr(B, "reconstruct", fake_reconstruct)
    monkeypatch.setattr(C, "_ENGINE_VERSION", "fake-engine")
    monkeypatch.setattr(B, "SEARCH_BATCH", 2)
    site = generate(tmp_path / "site", issues=5, pages=2, seed=16)
    config = load_config(site / "banmian.toml")
    B.build(config, jobs=1, progress=False)
    assert len(list((site / ".banmian-cache" / "search-files").glob("*.pickle"))) == 5
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean"))
    for held in (B._PARTS, B._SEARCH_MEMO, B._MEMO, B._STATE, B._ISSUES):  # as if a new process
        held.clear()
    edit_page(sorted((site / "content").glob("*/02.*"))[1], random.Random(5))
    B.build(config, jobs=1, progress=False)
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean2"))
    B._MEMO.clear()


def test_background_saves_write_the_cache_after_the_site_is_in_place(fast, tmp_path):
    """serve --watch returns as soon as the new site is swapped in; the cache is written
    in a thread that the next build (and exit) waits for."""
    site = generate(tmp_path / "site", issues=3, pages=2, seed=13)
    config = load_config(site / "banmian.toml")
    B.build(config, jobs=1, progress=False, background_saves=True)
    for _ in range(3):
        edit_page(sorted((site / "content").glob("*/02.*"))[0], random.Random(_))
        r = B.build(config, jobs=1, progress=False, background_saves=True)
        assert r.reconstructed == 1
    B.wait_for_saves()
    assert not B._SAVING
    B._STATE.clear()  # the next process reads what the thread wrote
    again = B.build(config, jobs=1, progress=False)
    assert again.unchanged
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean"))


def test_a_first_background_build_leaves_a_spare_so_the_first_edit_links_nothing(fast, tmp_path, monkeypatch):
    """serve --watch: after its first build the spare copy of the site is made in the
    background, so the first edit writes only what it changes (no linking of every file)."""
    site = generate(tmp_path / "site", issues=3, pages=2, seed=17)
    config = load_config(site / "banmian.toml")
    B.build(config, jobs=1, progress=False, background_saves=True)
    B.wait_for_saves()
    linked: list[str] = []
    real = B.link_file
    monkeypatch.setattr(B, "link_file", lambda src, root, rel, made: linked.append(rel) or real(src, root, rel, made))
    edit_page(sorted((site / "content").glob("*/02.*"))[0], random.Random(2))
    r = B.build(config, jobs=1, progress=False, background_saves=True)
    B.wait_for_saves()
    assert r.reconstructed == 1 and r.files > 20
    assert linked == []
    assert_same(tree(site / "_site"), clean_build(site, tmp_path / "clean"))


def test_a_theme_copied_elsewhere_has_the_same_version(tmp_path):
    """A checkout moved or installed elsewhere renders the same: the theme's
    version covers its name and files, not the folder it sits in."""
    src = B.theme_chain("default", tmp_path)[-1]
    a, b = tmp_path / "a" / "default", tmp_path / "b" / "default"
    shutil.copytree(src, a)
    shutil.copytree(src, b)
    assert C.theme_version([a]) == C.theme_version([b]) == C.theme_version([src])
    (b / "templates" / "base.html").write_text("changed", encoding="utf-8")
    assert C.theme_version([a]) != C.theme_version([b])
