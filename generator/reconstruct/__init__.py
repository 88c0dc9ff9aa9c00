"""Reconstruction: raw page text → ordered items (articles, photos, other).

Pure functions of the page text; no I/O. Entry points:
- `reconstruct(text)` → `model.Reconstruction`
- `to_export(rec, source)` → the DESIGN.md JSON export dict
- `to_markdown(rec)` → clean Markdown an editor can fix and save as the page
"""
from __future__ import annotations

from ..model import Item, Paragraph, Reconstruction
from ..slugs import unique_slugs


def split_blocks(text: str) -> list[str]:
    """Blank-line-separated blocks, stripped, empty ones dropped (0-based order)."""
    blocks, cur = [], []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            cur.append(line.strip())
        elif cur:
            blocks.append("\n".join(cur)); cur = []
    if cur:
        blocks.append("\n".join(cur))
    return blocks


def reconstruct(text: str) -> Reconstruction:
    """PLACEHOLDER (replaced by the engine): every block a paragraph of one item."""
    blocks = split_blocks(text)
    item = Item(kind="article", title=blocks[0] if blocks else None,
                paragraphs=[Paragraph("p", b) for b in blocks[1:]], blocks=list(range(len(blocks))))
    items = [item] if blocks else []
    for it, slug in zip(items, unique_slugs(i.title or "" for i in items)):
        it.slug = slug
    return Reconstruction(items=items)


def to_markdown(rec: Reconstruction) -> str:
    """PLACEHOLDER."""
    return "\n\n".join(p.text for it in rec.items for p in it.paragraphs) + "\n"


def to_export(rec: Reconstruction, source: str) -> dict:
    """The `banmian reconstruct --json` object for one page (DESIGN.md schema)."""
    return {
        "source": source,
        "items": [
            {"kind": it.kind, "kicker": it.kicker, "title": it.title, "subtitle": it.subtitle,
             "byline": it.byline, "credit": it.credit,
             "paragraphs": [{"type": p.type, "text": p.text} for p in it.paragraphs],
             "slug": it.slug}
            for it in rec.items
        ],
        "warnings": [{"code": w.code, "block": w.block, "message": w.message} for w in rec.warnings],
    }
