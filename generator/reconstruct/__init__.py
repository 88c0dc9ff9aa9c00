"""Reconstruction: raw page text → ordered items (articles, photos, other).

Pure functions of the page text; no I/O. Entry points:
- `reconstruct(text)` → `model.Reconstruction`
- `to_export(rec, source)` → the DESIGN.md JSON export dict
- `to_markdown(rec)` → clean Markdown an editor can fix and save as the page

Modules: `blocks` (page → blocks), `lexicon` (jieba dictionary evidence and
newspaper patterns), `classify` (block roles), `joins` (which fragment
continues which, decided globally), `columns` (column chunks and whether an
article's columns were printed in reverse), `engine` (chains → items),
`markdown` (editorial round trip), `export` (JSON).
"""
from __future__ import annotations

from ..model import Reconstruction
from .blocks import split_blocks
from .export import to_export
from .markdown import MARKER, parse_reconstructed, to_markdown

__all__ = ["reconstruct", "to_export", "to_markdown", "split_blocks", "warm_up"]


def reconstruct(text: str) -> Reconstruction:
    """Rebuild the items of one page from its raw text (front matter already removed)."""
    if text is None:
        text = ""
    if text.lstrip().startswith(MARKER):
        return parse_reconstructed(text)
    from .engine import reconstruct_page
    return reconstruct_page(text)


def warm_up() -> None:
    """Load the dictionary now (it is otherwise loaded on first use)."""
    from .lexicon import lexicon
    lexicon()
