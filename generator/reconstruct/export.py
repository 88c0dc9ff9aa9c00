"""The `banmian reconstruct --json` export (DESIGN.md schema)."""
from __future__ import annotations

from ..model import Reconstruction


def to_export(rec: Reconstruction, source: str) -> dict:
    """The export object for one page: items in page order, warnings, joins."""
    return {
        "source": source,
        "items": [
            {"kind": it.kind, "kicker": it.kicker, "title": it.title, "subtitle": it.subtitle,
             "byline": it.byline, "credit": it.credit,
             "paragraphs": [{"type": p.type, "text": p.text} for p in it.paragraphs],
             "slug": it.slug, "blocks": list(it.blocks)}
            for it in rec.items
        ],
        "warnings": [{"code": w.code, "block": w.block, "line": w.line, "message": w.message} for w in rec.warnings],
        "joins": [{"left": j.left, "right": j.right, "score": j.score, "reason": j.reason} for j in rec.joins],
    }
