"""Editorial round trip: a reconstruction as clean Markdown, and back.

The Markdown starts with the marker line `<!-- banmian:reconstructed -->`; a
page that starts with it is read literally (no joins, no reordering), so an
editor can fix the text by hand and `reconstruct(to_markdown(rec))` gives the
same items. Format (one paragraph per block):

    # 主题                      an article and its title
    引题:…                      kicker        (right after the title)
    ## ——副题                   subtitle
    作者:…                      byline
    ### 小标题                   a section heading
    > 数说:…                    a callout
    <!-- photo -->              a photo item; its caption follows,
    摄影:…                      then its credit when separate from the caption
    <!-- other -->              ads, mastheads, labels
    <!-- article -->            an article without a title

A paragraph that would start like a mark is escaped with a backslash.
"""
from __future__ import annotations

import re

from ..model import Item, Paragraph, Reconstruction
from ..slugs import assign_slugs
from .blocks import split_raw
from .lexicon import CAPTION_TAIL_RE

MARKER = "<!-- banmian:reconstructed -->"
_KIND = re.compile(r"^<!--\s*(article|photo|other)\s*-->$")
_FIELDS = (("引题:", "kicker"), ("作者:", "byline"), ("摄影:", "credit"))
_NEEDS_ESCAPE = re.compile(r"^(?:#|>|<!--|\\|引题:|作者:|摄影:|-{3,}$|[*+-]\s|\d+[.)]\s)")


def _esc(text: str) -> str:
    return "\\" + text if _NEEDS_ESCAPE.match(text) else text


def _glued_credit(caption: str) -> str | None:
    """The photographer's credit at the end of a caption (`…图为… 周训超 摄`), if any."""
    m = CAPTION_TAIL_RE.search(caption)
    return m.group(0).strip() if m and "摄" in m.group(0) else None


def _one_line(s: str) -> str:
    return " ".join(x.strip() for x in s.split("\n") if x.strip())


def to_markdown(rec: Reconstruction) -> str:
    out = [MARKER]
    for it in rec.items:
        if it.kind == "article" and it.title:
            out.append("# " + _one_line(it.title))
        else:
            out.append(f"<!-- {it.kind} -->")
            if it.title:
                out.append("# " + _one_line(it.title))
        if it.kicker:
            out.append("引题:" + _one_line(it.kicker))
        if it.subtitle:
            out.append("## ——" + _one_line(it.subtitle))
        if it.byline:
            out.append("作者:" + _one_line(it.byline))
        # a credit at the end of the caption is found there again on reading (`_glued_credit`)
        glued = it.kind == "photo" and it.credit and it.paragraphs \
            and _glued_credit(it.paragraphs[0].text) == it.credit
        for p in it.paragraphs:
            if p.type == "heading":
                out.append("### " + _one_line(p.text))
            elif p.type == "callout":
                out.append("\n".join("> " + x for x in p.text.split("\n")))
            else:
                out.append(_esc(p.text))
        if it.credit and not glued:
            out.append("摄影:" + _one_line(it.credit))
    return "\n\n".join(out) + "\n"


def parse_reconstructed(text: str) -> Reconstruction:
    items: list[Item] = []
    cur: Item | None = None
    in_header = False
    bi = -1
    for _, lines in split_raw(text):
        bi += 1
        first = lines[0]
        if first == MARKER and len(lines) == 1:
            continue
        m = _KIND.match(first)
        if m and len(lines) == 1:
            cur = Item(kind=m.group(1), blocks=[bi])
            items.append(cur)
            in_header = True
            continue
        if first.startswith("# ") and len(lines) == 1 and (cur is None or not in_header or cur.title is not None
                                                          or cur.kind == "article" and cur.paragraphs):
            cur = Item(kind="article", title=first[2:].strip() or None, blocks=[bi])
            items.append(cur)
            in_header = True
            continue
        if first.startswith("# ") and len(lines) == 1 and cur is not None and in_header:
            cur.title = first[2:].strip() or None
            cur.blocks.append(bi)
            continue
        if cur is None:
            cur = Item(kind="article", blocks=[])
            items.append(cur)
            in_header = True
        cur.blocks.append(bi)
        if len(lines) == 1 and first.startswith("## ——") and in_header:
            cur.subtitle = first[5:].strip() or None
            continue
        field = next((f for pfx, f in _FIELDS if len(lines) == 1 and first.startswith(pfx)), None)
        if field and (in_header or field == "credit"):
            setattr(cur, field, first.split(":", 1)[1].strip() or None)
            if field == "credit":
                in_header = False  # the credit closes its item: a `# 标题` after it starts the next
            continue
        in_header = False
        if first.startswith("### ") and len(lines) == 1:
            cur.paragraphs.append(Paragraph("heading", first[4:].strip()))
        elif first.startswith(">"):
            cur.paragraphs.append(Paragraph("callout", "\n".join(re.sub(r"^>\s?", "", x) for x in lines)))
        else:
            body = "\n".join(lines)
            if body.startswith("\\"):
                body = body[1:]
            cur.paragraphs.append(Paragraph("p", body))
    for it in items:
        if it.kind == "photo" and it.credit is None and it.paragraphs:
            it.credit = _glued_credit(it.paragraphs[0].text)
    assign_slugs(items)
    return Reconstruction(items=items)
