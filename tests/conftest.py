"""Shared fixtures: the repository, a built copy of the sample edition, a real browser."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on the same examples every time (a failure found by a
# random run locally is kept as an @example); a local run explores new ones.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
NODE_MODULES = REPO / "tests" / "node" / "node_modules"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def sample_site(tmp_path: Path) -> Path:
    """A private copy of the sample edition (config, content) to build or edit."""
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(REPO / "banmian.toml", site / "banmian.toml")
    shutil.copytree(REPO / "content", site / "content")
    return site


@pytest.fixture(scope="session")
def built_sample(tmp_path_factory) -> Path:
    """The sample edition built once per test session (read-only for tests)."""
    from generator.build import build
    from generator.config import load_config

    out = tmp_path_factory.mktemp("built") / "_site"
    build(load_config(REPO / "banmian.toml"), out)
    return out


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Python playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()
