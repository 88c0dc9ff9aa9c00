"""Reproducible builds and the golden-output test.

Two builds of the same input, run as separate processes with different hash
seeds, time zones, SOURCE_DATE_EPOCH values and site folders, must give
byte-identical trees (`diff -r` finds nothing), and the tree of the small
sample issue in `tests/golden/input/` must equal the stored one in
`tests/golden/expected/` (Pelican's practice).

The theme and the reconstruction engine change the output on purpose from time
to time; after checking the diff the test prints, update the stored tree with

    BANMIAN_UPDATE_GOLDEN=1 python3 -m pytest tests/test_reproducible.py

and commit `tests/golden/expected/` with the change that caused it. Files
under `static/` are stored as a manifest (`static.sha256`: path and SHA-256) to
keep vendored scripts out of the golden tree.
"""
from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

GOLDEN = REPO / "tests" / "golden"
INPUT = GOLDEN / "input"
EXPECTED = GOLDEN / "expected"
MANIFEST = "static.sha256"
UPDATE = os.environ.get("BANMIAN_UPDATE_GOLDEN") == "1"


def build_copy(tmp: Path, name: str, env_extra: dict[str, str]) -> Path:
    site = tmp / name
    shutil.copytree(INPUT, site)
    env = {**os.environ, **env_extra,
           "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(tmp / f"{name}-out")],
                          cwd=site, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return tmp / f"{name}-out"


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("repro")
    a = build_copy(tmp, "a", {"PYTHONHASHSEED": "1", "TZ": "UTC", "SOURCE_DATE_EPOCH": "0",
                              "LC_ALL": "C.UTF-8"})
    b = build_copy(tmp, "b", {"PYTHONHASHSEED": "987654", "TZ": "Asia/Shanghai",
                              "SOURCE_DATE_EPOCH": "1700000000", "LC_ALL": "C"})
    return a, b


def tree(root: Path) -> dict[str, bytes]:
    """The comparable form of a built site: every file, `static/` as a manifest."""
    out: dict[str, bytes] = {}
    static = []
    for p in sorted(root.rglob("*")):
        if p.is_dir():
            continue
        rel = p.relative_to(root).as_posix()
        if rel.startswith("static/"):
            static.append(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {rel}\n")
        else:
            out[rel] = p.read_bytes()
    out[MANIFEST] = "".join(static).encode()
    return out


def test_two_builds_are_byte_identical(two_builds):
    a, b = two_builds
    proc = subprocess.run(["diff", "-r", str(a), str(b)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[:3000]


def test_no_wall_clock_in_the_output(two_builds):
    today = dt.date.today()
    stamps = [today.isoformat(), f"{today.year}年{today.month:02d}月{today.day:02d}日",
              f"{today.year}年{today.month}月{today.day}日"]
    for rel, data in tree(two_builds[0]).items():
        text = data.decode("utf-8", "replace")
        for s in stamps:
            assert s not in text, f"{rel} contains today's date {s}"


def describe_diff(expected: dict[str, bytes], actual: dict[str, bytes], limit: int = 60) -> str:
    lines = []
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    if missing:
        lines.append(f"missing from the build: {missing[:20]}")
    if extra:
        lines.append(f"new in the build: {extra[:20]}")
    for rel in sorted(set(expected) & set(actual)):
        if expected[rel] != actual[rel]:
            old = expected[rel].decode("utf-8", "replace").splitlines()
            new = actual[rel].decode("utf-8", "replace").splitlines()
            diff = list(difflib.unified_diff(old, new, f"expected/{rel}", f"built/{rel}", lineterm="", n=1))
            lines.append("\n".join(diff[:limit]) + ("\n…" if len(diff) > limit else ""))
    return "\n".join(lines)


def test_golden_output(two_builds):
    actual = tree(two_builds[0])
    if UPDATE:
        if EXPECTED.exists():
            shutil.rmtree(EXPECTED)
        for rel, data in actual.items():
            dest = EXPECTED / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
        pytest.skip(f"golden tree rewritten: {EXPECTED} ({len(actual)} files)")
    if not EXPECTED.is_dir():
        pytest.fail(f"no golden tree yet: run BANMIAN_UPDATE_GOLDEN=1 pytest {Path(__file__).name}")
    expected = {p.relative_to(EXPECTED).as_posix(): p.read_bytes()
                for p in sorted(EXPECTED.rglob("*")) if p.is_file()}
    if expected != actual:
        pytest.fail("built site differs from tests/golden/expected/ — if the change is intended, run "
                    "BANMIAN_UPDATE_GOLDEN=1 python3 -m pytest tests/test_reproducible.py\n"
                    + describe_diff(expected, actual), pytrace=False)
