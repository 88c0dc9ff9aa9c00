"""Fixtures for the search tests: Node with the real lunr.js, a static HTTP server."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import NODE_MODULES, REPO
from static_server import SiteServer

SEARCH_JS = REPO / "themes" / "default" / "static" / "search.js"
HELPER = Path(__file__).with_name("node_helper.js")


def _lunr_path() -> Path | None:
    for base in (NODE_MODULES, REPO / "node_modules"):
        if (base / "lunr" / "lunr.js").exists():
            return base / "lunr"
    return None


@pytest.fixture(scope="session")
def node():
    """Call node_helper.js: node(command, payload) → parsed JSON. Needs `node` and
    lunr from tests/node (`cd tests/node && npm ci`, which scripts/test.sh runs)."""
    exe = shutil.which("node")
    if not exe:
        pytest.skip("node not installed")
    lunr = _lunr_path()
    if lunr is None:
        if os.environ.get("CI"):
            pytest.fail("lunr.js missing: run `cd tests/node && npm ci`")
        pytest.skip("lunr.js missing: run `cd tests/node && npm ci`")
    env = dict(os.environ, LUNR_PATH=str(lunr), SEARCH_JS=str(SEARCH_JS))

    def call(command: str, payload):
        proc = subprocess.run([exe, str(HELPER), command], input=json.dumps(payload, ensure_ascii=False),
                              capture_output=True, text=True, env=env, timeout=120)
        if proc.returncode:
            raise AssertionError(f"node {command} failed:\n{proc.stderr}")
        return json.loads(proc.stdout)

    return call


@pytest.fixture(scope="session")
def serve():
    """serve(directory) → base URL 'http://127.0.0.1:PORT/' of a real HTTP server."""
    with contextlib.ExitStack() as stack:
        yield lambda directory: stack.enter_context(SiteServer(Path(directory))).base_url
