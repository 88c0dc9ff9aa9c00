"""Client-side search: a lunr index that works for Chinese (see issue #4).

PLACEHOLDER until the search stage lands: `build_search_files` returns the
files to write under the output directory (site-root-relative path → bytes).
"""
from __future__ import annotations

from ..config import Config
from ..model import Edition


def build_search_files(edition: Edition, config: Config) -> dict[str, bytes]:
    return {}
