"""Scoring and invariants shared by the reconstruction tests."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from generator.reconstruct import reconstruct, to_export

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SCORE = SHARED / "eval" / "score.py"
GOLD = SHARED / "eval" / "gold"
SEEDS = REPO / "seeds"

_TOTAL = re.compile(r"TOTAL paras_f1=([\d.]+) titles=([\d.]+) joins=([\d.]+) order=([\d.]+) member=([\d.]+) "
                    r"photos=([\d.]+) perfect=(\d+)/(\d+)")


def export_pages(pages: list[Path], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for p in pages:
        rec = reconstruct(p.read_text(encoding="utf-8"))
        (out / f"{p.stem}.json").write_text(json.dumps(to_export(rec, str(p)), ensure_ascii=False), encoding="utf-8")


def run_score(gold_dir: Path, pred_dir: Path) -> dict:
    """Run the shared score.py and parse its TOTAL line."""
    res = subprocess.run([sys.executable, str(SCORE), str(gold_dir), str(pred_dir)], capture_output=True,
                         text=True, check=True)
    m = _TOTAL.search(res.stdout)
    assert m, res.stdout
    keys = ["paras_f1", "titles", "joins", "order", "member", "photos"]
    out = {k: float(v) for k, v in zip(keys, m.groups()[:6])}
    out["perfect"], out["articles"] = int(m.group(7)), int(m.group(8))
    out["text"] = res.stdout
    return out


MARKUP = set("#>—-")


def content_chars(s: str) -> Counter:
    return Counter(c for c in s if not c.isspace() and c not in MARKUP)


def output_chars(rec) -> Counter:
    c = Counter()
    for it in rec.items:
        for f in (it.title, it.kicker, it.subtitle, it.byline, it.credit):
            if f:
                c += content_chars(f)
        for p in it.paragraphs:
            c += content_chars(p.text)
    for w in rec.warnings:
        c += content_chars(w.message)
    return c


def missing_chars(text: str, rec) -> Counter:
    """Input characters found neither in an item nor in a warning (conservation)."""
    return content_chars(text) - output_chars(rec)


def comparable(items):
    """Items as compared by the Markdown round trip (source block numbers differ by nature)."""
    return [(it.kind, it.title, it.kicker, it.subtitle, it.byline, it.credit,
             [(p.type, p.text) for p in it.paragraphs], it.slug) for it in items]


def page(*blocks: str) -> str:
    """A raw page of these blocks (one blank line between)."""
    return "\n\n".join(blocks) + "\n"


def articles(text: str):
    """The reconstruction of a page (every character kept) and its articles."""
    rec = reconstruct(text)
    assert not missing_chars(text, rec)
    return rec, [it for it in rec.items if it.kind == "article"]


def assert_one_paragraph(title: str, lead: str, line: str, rest: str, last: str, byline: str = "") -> None:
    """A page of one article (a byline under its title or not) whose middle
    paragraph is cut into `line` | `rest`: the reconstruction joins the cut back
    into one paragraph, and nothing in the article is taken for a heading."""
    _, arts = articles(page(title, *([byline] if byline else []), lead, line, rest, last))
    assert [a.title for a in arts] == [title]
    paras = arts[0].paragraphs
    assert [p.text for p in paras] == [lead, line + rest, last]
    assert all(p.type == "p" for p in paras)


def assert_feature_then_article(title: str, byline: str, opening: str, sections: list[tuple[str, str]],
                                nxt: str, nxt_paras: list[str]) -> None:
    """A feature (headline, byline, opening, then its (heading, text) sections)
    printed above a line and the paragraphs under it: two articles come out,
    the feature keeping its headings as headings, the line heading the next."""
    blocks = [title, byline, opening, *[x for sec in sections for x in sec], nxt, *nxt_paras]
    _, arts = articles(page(*blocks))
    got = {a.title: [(p.type, p.text) for p in a.paragraphs] for a in arts}
    assert got == {
        title: [("p", opening)] + [x for h, t in sections for x in (("heading", h), ("p", t))],
        nxt: [("p", t) for t in nxt_paras],
    }
