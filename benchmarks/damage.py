"""Damaged newspaper pages with exact answers, for testing reconstruction.

Clean articles (by default the gold articles of ../shared/eval/gold, recombined)
are laid out in columns the way a layout system's text export breaks them:
paragraphs cut at column ends (mid-word or between words), columns emitted out
of order or reversed, headlines separated from or placed after their bodies,
characters lost or repeated at a cut, fragments that lost their beginning or
end, photo captions and page noise (mastheads, ads, column labels). Each page
comes with a gold JSON in the format of ../shared/eval/gold, so
../shared/eval/score.py scores it.

    python3 benchmarks/damage.py OUT_DIR [--pages 40] [--seed 1] [--gold ../shared/eval/gold] [--classic]

Two modes, both deterministic for a given seed:

* ``realistic`` (default): articles are the gold articles plus shortened versions
  of them (opening paragraphs and a later run of the same article, so a body
  still talks about what its headline says); each article has a column capacity
  (a roughly fixed number of characters per column; articles on one page differ,
  one, two or three grid columns wide, as on real pages) and its text stream is
  cut every column, so cut positions are spaced by that capacity and a reversed
  article is a sequence of column-sized chunks in reverse. Damage: lost or
  repeated characters at a cut, a separate block repeating a column's tail (the
  repeat to drop), lost continuations and lost beginnings, headlines after their
  body or detached from it, reversed columns (also detached, like a body read
  after other articles with its lead last), kicker lines (`引题 主题` on one line
  or on two), inconsistent Markdown marks, captions and noise.
* ``classic``: the earlier generator (random cut points, gold articles only),
  kept so old figures can be reproduced.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO.parent / "shared" / "eval" / "gold"

MASTHEADS = ["精神文明网", "报社官方微信", "扫码关注客户端", "文明网官方微博"]
ADS = ["全国精神文明建设经验·交流征文\n联合主办\n某某药业股份有限公司", "征订热线:010-12345678\n邮发代号:1-23",
       "诚信经营 服务社会\n欢迎订阅"]
LABELS = ["党政领导与文明建设", "基层动态", "文明创建在行动", "一线观察"]
CREDITS_SEP = ["周训超 摄", "李明 摄", "(记者 王晓 摄)"]
TERMINAL = "。！？!?"


def load_articles(gold_dir: Path) -> tuple[list[dict], list[dict]]:
    arts, photos = [], []
    for f in sorted(gold_dir.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        for it in d["items"]:
            if it["kind"] == "article":
                arts.append({"title": it["title"], "subtitle": it.get("subtitle"), "byline": it.get("byline"),
                             "paragraphs": [(p["type"], p["text"]) for p in it["paragraphs"]]})
            elif it["kind"] == "photo":
                photos.append({"text": it["paragraphs"][0]["text"], "credit": it.get("credit")})
    return arts, photos


class Page:
    def __init__(self):
        self.blocks: list[str] = []

    def add(self, text: str) -> int:
        self.blocks.append(text)
        return len(self.blocks) - 1


def _cut_point(text: str, rng: random.Random) -> int:
    """A cut strictly inside a paragraph, not leaving only punctuation on either side."""
    n = len(text)
    for _ in range(20):
        if n < 10:
            return -1
        k = rng.randint(6, n - 2)
        left, right = text[:k], text[k:]
        if left[-1] in TERMINAL or not re.search(r"\w", right[:2]) or right[0] in "，,。、；;：:！!？?）)”":
            continue
        return k
    return -1


def layout_article(a: dict, rng: random.Random, opts: dict):
    """Pieces of an article body in reading order: list of columns; each column is a
    list of pieces (type, text, para_index, part, damage)."""
    paras = a["paragraphs"]
    total = sum(len(t) for _, t in paras)
    ncols = max(1, min(5, round(total / rng.randint(350, 800))))
    cuts_at = sorted(rng.sample(range(1, max(2, len(paras))), min(ncols - 1, max(0, len(paras) - 1)))) \
        if len(paras) > 1 else []
    # columns as ranges of paragraphs; a boundary usually cuts the paragraph before it
    cols, start = [], 0
    for c in cuts_at + [len(paras)]:
        cols.append(list(range(start, c)))
        start = c
    out = []  # per column: list of [type, text, pi]
    carry = None
    for ci, col in enumerate(cols):
        pieces = []
        if carry:
            pieces.append(carry)
            carry = None
        for j, pi in enumerate(col):
            typ, text = paras[pi]
            last = j == len(col) - 1 and ci < len(cols) - 1
            must_cut = opts["reverse"] or rng.random() < 0.7
            if last and typ == "p" and len(text) >= 12 and must_cut:
                k = _cut_point(text, rng)
                if k > 0:
                    pieces.append(["p", text[:k], pi, "", 0])
                    carry = ["p", text[k:], pi, "", 1]
                    continue
            pieces.append([typ, text, pi, "", 0])
        out.append(pieces)
    if carry:
        out[-1].append(carry)
    return out


def _single(kind: str, text: str, b: int, **extra) -> dict:
    """A gold item made of one block (photo caption, noise, label)."""
    return {"kind": kind, **extra, "paragraphs": [{"type": "p", "text": text, "blocks": [b]}], "_first": b}


def add_furniture(page, items: list, photos: list, rng: random.Random, used: set | None = None) -> None:
    """Maybe a photo caption (credit glued or on its own line), maybe a masthead/ad.
    `used`: captions already on the page (realistic pages print a photo once)."""
    if used is not None:
        photos = [ph for ph in photos if ph["text"] not in used]
    if photos and rng.random() < 0.3:
        ph = rng.choice(photos)
        if used is not None:
            used.add(ph["text"])
        if rng.random() < 0.5:
            b = page.add(ph["text"])
            c = page.add(rng.choice(CREDITS_SEP))
            items.append(_single("photo", ph["text"], b, credit=page.blocks[c]))
        else:
            t = ph["text"] if re.search(r"摄$", ph["text"]) else ph["text"] + "张华摄"
            items.append(_single("photo", t, page.add(t)))
    if rng.random() < 0.15:
        t = rng.choice(MASTHEADS + ADS)
        items.append(_single("noise", t, page.add(t)))


def add_label(page, items: list, rng: random.Random) -> None:
    """Maybe a column name at the page's end."""
    if rng.random() < 0.3:
        t = rng.choice(LABELS)
        items.append(_single("label", t, page.add(t)))


def _header_blocks(title: str, a: dict, level: int, md: bool, rng: random.Random,
                   one_line: float) -> list[tuple[str, str]]:
    """An article's headline lines: the title (with its subtitle on the same line,
    `title ——subtitle`, with probability `one_line`), a `——subtitle` line, the byline;
    Markdown pages mark title and subtitle with inconsistent `#`/`##`."""
    out = []
    if a.get("subtitle") and rng.random() < one_line:
        out.append(("title", f"{title} ——{a['subtitle']}"))
    else:
        out.append(("title", title))
        if a.get("subtitle"):
            out.append(("sub", "——" + a["subtitle"]))
    if a.get("byline"):
        out.append(("byline", a["byline"]))
    if md:
        out = [(k, ("# " if k == "title" and level == 0 else "## ") + t if k in ("title", "sub") else t)
               for k, t in out]
    return out


def make_page_classic(arts: list[dict], photos: list[dict], rng: random.Random) -> tuple[str, dict]:
    chosen = rng.sample(arts, rng.randint(3, min(6, len(arts))))
    md = rng.random() < 0.2
    page = Page()
    pending_body = []  # bodies placed after other articles (interleaving)
    dropped = []

    def header_blocks(a, level):
        return _header_blocks(a["title"], a, level, md, rng, one_line=0.4)

    def emit_article(a, idx):
        item = {"kind": "article", "title": a["title"], "subtitle": a.get("subtitle"), "byline": a.get("byline"),
                "paragraphs": [], "_parts": {}, "damage": []}
        lead_news = a["paragraphs"] and a["paragraphs"][0][1].startswith("本报讯")
        r = rng.random()
        mode = "normal"
        if r < 0.1 and len(a["paragraphs"]) >= 4:
            mode = "reverse"
        elif r < 0.18 and lead_news:
            mode = "title-after"
        elif r < 0.26 and len(a["paragraphs"]) >= 3:
            mode = "detached"  # header now, body after the next article
        opts = {"reverse": mode == "reverse"}
        item["damage"].append(mode)
        cols = layout_article(a, rng, opts)
        # damage at cuts
        for ci in range(len(cols) - 1):
            last, first = cols[ci][-1], cols[ci + 1][0]
            if last[2] != first[2] or last[0] != "p":
                continue
            d = rng.random()
            if d < 0.1 and len(first[1]) > 3 and re.match(r"\w", first[1][1]):
                first[1] = first[1][1:]  # a lost character
                item["damage"].append("lost-char")
            elif d < 0.18:
                k = rng.randint(3, 6)
                if len(last[1]) > k + 2:
                    first[3] = last[1][-k:]  # repeat the tail at the start of the next piece
                    item["damage"].append("repeat")
            elif d < 0.22 and not opts["reverse"]:
                first[1] = None  # the continuation is lost: a truncated fragment
                item["damage"].append("truncated")
        if mode == "reverse":
            cols = cols[::-1]
        hdr = header_blocks(a, idx)

        def put_header():
            for k, t in hdr:
                b = page.add(t)
                item["_parts"].setdefault("hdr", []).append(b)

        def put_body():
            for col in cols:
                for piece in col:
                    typ, text, pi = piece[0], piece[1], piece[2]
                    if text is None:
                        continue
                    rep = piece[3]
                    shown = text
                    if typ == "heading" and md:
                        shown = "### " + text
                    b = page.add(rep + shown)
                    item["_parts"].setdefault(pi, []).append((piece[4], b, text, typ))

        if mode == "title-after":
            put_body()
            put_header()
        elif mode == "detached":
            put_header()
            pending_body.append(put_body)
        else:
            put_header()
            put_body()
        return item

    items = []
    for idx, a in enumerate(chosen):
        items.append(emit_article(a, idx))
        while len(pending_body) and rng.random() < 0.9:
            pending_body.pop(0)()
        add_furniture(page, items, photos, rng)
    for f in pending_body:
        f()
    add_label(page, items, rng)
    return _gold_from(items, page, dropped)


# ---------------------------------------------------------------- realistic pages

NO_START_CHARS = "，,。、；;：:！!？?）)”’》」』】…"
# 引题: campaign slogans set above a headline (never words naming another story)
KICKERS = ["聚焦文明创建", "喜迎二十大", "奋进新征程", "创城进行时", "学党史 办实事", "我为群众办实事",
           "文明实践在基层", "巩固创建成果", "新时代新征程", "志愿服务在行动"]


def _excerpt(arts: list[dict], avail: list[int], rng: random.Random) -> tuple[dict, set[int]] | None:
    """A shortened version of one source article (its opening paragraphs and a
    later run of its own paragraphs), as an editor cuts a story to fit: a new
    body to lay out, still about what its headline says. (Runs of different
    articles glued together would give bodies no real page prints, whose parts
    not even a careful reader could tell apart once their columns are out of
    order.)"""
    for si in avail:  # (in random order)
        ps = arts[si]["paragraphs"]
        if len(ps) >= 4:
            break
    else:
        return None
    k = rng.randint(1, min(3, len(ps) - 2))
    head = ps[:k]
    j = rng.randint(k + 1, len(ps) - 1)
    tail = ps[j:j + rng.randint(1, 5)]
    paras = head + tail
    while paras and paras[-1][0] != "p":
        paras = paras[:-1]
    if len(paras) < 2:
        return None
    src = arts[si]
    art = {"title": src["title"], "subtitle": src.get("subtitle") if rng.random() < 0.5 else None,
           "byline": src.get("byline") if rng.random() < 0.7 else None, "paragraphs": paras, "kicker": None}
    return art, {si}


def _column_cut(text: str, k: int, rng: random.Random) -> int:
    """Move a column cut a character or two so it falls like a real column end:
    not right after a full stop, not before a comma (those look like paragraph ends)."""
    n = len(text)
    for d in (0, 1, -1, 2, -2, 3, -3):
        j = k + d
        if 2 <= j <= n - 1 and text[j - 1] not in TERMINAL + "”" and text[j] not in NO_START_CHARS:
            return j
    return -1


def layout_columns(paras: list[tuple[str, str]], cap: int, offset: int, rng: random.Random) -> list[list[list]]:
    """Flow an article's paragraphs into columns of about `cap` characters (the
    first column starts `offset` characters in, below the headline). Pieces are
    [type, text, para_index, repeat_prefix, part]."""
    cols: list[list[list]] = [[]]
    room = cap - offset
    for pi, (typ, text) in enumerate(paras):
        cost = len(text) + (6 if typ != "p" else 0)
        if typ != "p":
            if cost > room and cols[-1]:
                cols.append([])
                room = cap + rng.randint(-cap // 25, cap // 25)
            cols[-1].append([typ, text, pi, "", 0])
            room -= cost
            continue
        rest, part = text, 0
        while True:
            if len(rest) <= room:
                cols[-1].append([typ, rest, pi, "", part])
                room -= len(rest) + rng.randint(0, 6)  # a paragraph's last line is not full
                if room <= 4:
                    cols.append([])
                    room = cap + rng.randint(-cap // 25, cap // 25)
                break
            k = _column_cut(rest, room, rng) if room >= 2 else -1
            if k <= 0:
                if room >= 2 and cols[-1] or room < 2:
                    cols.append([])
                    room = cap + rng.randint(-cap // 25, cap // 25)
                    continue
                k = min(len(rest) - 1, max(1, room))
            cols[-1].append([typ, rest[:k], pi, "", part])
            rest, part = rest[k:], part + 1
            cols.append([])
            room = cap + rng.randint(-cap // 25, cap // 25)
    return [c for c in cols if c]


def make_page_realistic(arts: list[dict], photos: list[dict], rng: random.Random) -> tuple[str, dict]:
    n_art = rng.randint(3, min(6, len(arts)))
    avail = list(range(len(arts)))
    rng.shuffle(avail)
    chosen = []
    while len(chosen) < n_art and avail:
        if rng.random() < 0.45:
            got = _excerpt(arts, avail, rng)
            if got is not None:
                art, used = got
                avail = [k for k in avail if k not in used]
                chosen.append(art)
                continue
        k = avail.pop()
        chosen.append(dict(arts[k], kicker=None))
    md = rng.random() < 0.2
    grid = rng.randint(110, 230)  # characters in one grid column of this page
    page = Page()
    items = []
    pending_body = []
    dropped: list[str] = []
    used_photos: set[str] = set()

    def header_blocks(a, level):
        title = a["title"]
        if a.get("kicker"):
            title = a["kicker"] + ("\n" if rng.random() < 0.5 else " ") + title
        return _header_blocks(title, a, level, md, rng, one_line=0.3)

    def emit_article(a, idx):
        a = dict(a)
        if rng.random() < 0.1:
            a["kicker"] = rng.choice(KICKERS)
        title = (a["kicker"] + " " + a["title"]) if a.get("kicker") else a["title"]
        item = {"kind": "article", "title": title, "subtitle": a.get("subtitle"), "byline": a.get("byline"),
                "paragraphs": [], "_parts": {}, "damage": []}
        paras = a["paragraphs"]
        lead_news = paras and paras[0][1].startswith("本报讯")
        r = rng.random()
        mode = "normal"
        if r < 0.12 and len(paras) >= 3:
            mode = "reverse"
        elif r < 0.17 and len(paras) >= 3:
            mode = "reverse-detached"
        elif r < 0.25 and lead_news:
            mode = "title-after"
        elif r < 0.35 and len(paras) >= 3:
            mode = "detached"
        item["damage"].append(mode)
        cap = grid * rng.choice((1, 1, 2, 2, 3)) + rng.randint(-grid // 20, grid // 20)
        cols = layout_columns(paras, cap, rng.randint(0, cap // 2), rng)
        dup_after: dict[int, str] = {}
        for ci in range(len(cols) - 1):
            last, first = cols[ci][-1], cols[ci + 1][0]
            d = rng.random()
            if last[1] is None or first[1] is None:
                continue
            if last[2] != first[2] or last[0] != "p":
                if d < 0.04 and last[1] and len(last[1]) >= 12:
                    dup_after[ci] = last[1][-rng.randint(4, 9):]  # a separate repeated tail
                    item["damage"].append("dup-block")
                continue
            if d < 0.08 and len(first[1]) > 3 and re.match(r"\w", first[1][1]):
                first[1] = first[1][1:]
                item["damage"].append("lost-char")
            elif d < 0.16:
                k = rng.randint(3, 7)
                if len(last[1]) > k + 2 and len(first[1]) > 2:
                    first[3] = last[1][-k:]
                    item["damage"].append("repeat")
            elif d < 0.20 and len(last[1]) >= 12:
                dup_after[ci] = last[1][-rng.randint(4, 9):]
                item["damage"].append("dup-block")
            elif d < 0.23 and not mode.startswith("reverse"):
                first[1] = None  # continuation lost
                item["damage"].append("truncated")
            elif d < 0.26 and not mode.startswith("reverse") and len(first[1]) >= 8:
                last[1] = None  # beginning lost
                item["damage"].append("lost-start")
        order = list(range(len(cols)))
        if mode.startswith("reverse"):
            order = order[::-1]
        hdr = header_blocks(a, idx)

        def put_header():
            for k, t in hdr:
                b = page.add(t)
                item["_parts"].setdefault("hdr", []).append(b)

        def put_body():
            for ci in order:
                for piece in cols[ci]:
                    typ, text, pi = piece[0], piece[1], piece[2]
                    if text is None:
                        continue
                    shown = ("### " + text) if typ == "heading" and md else text
                    b = page.add(piece[3] + shown)
                    item["_parts"].setdefault(pi, []).append((piece[4], b, text, typ))
                if ci in dup_after and cols[ci][-1][1] is not None:
                    page.add(dup_after[ci])
                    dropped.append(dup_after[ci])

        if mode == "title-after":
            put_body()
            put_header()
        elif mode in ("detached", "reverse-detached"):
            put_header()
            pending_body.append(put_body)
        else:
            put_header()
            put_body()
        return item

    for idx, a in enumerate(chosen):
        items.append(emit_article(a, idx))
        while pending_body and rng.random() < 0.6 and (len(items) > 1):
            pending_body.pop(0)()
        add_furniture(page, items, photos, rng, used_photos)
    for f in pending_body:
        f()
    add_label(page, items, rng)
    return _gold_from(items, page, dropped)


def _gold_from(items, page, dropped):
    out_items = []
    for it in items:
        if it["kind"] != "article":
            first = it.pop("_first")
            out_items.append((first, it))
            continue
        parts = it.pop("_parts")
        hdr = parts.pop("hdr", [])
        paras = []
        for pi in sorted(parts):
            segs = sorted(parts[pi])
            paras.append({"type": segs[0][3], "text": "".join(t for _, _, t, _ in segs),
                          "blocks": [b for _, b, _, _ in segs]})
        it["paragraphs"] = paras
        first = min(hdr + [b for p in paras for b in p["blocks"]])
        out_items.append((first, it))
    out_items.sort(key=lambda x: x[0])
    gold = {"seed": None, "items": [it for _, it in out_items]}
    if dropped:
        gold["dropped"] = dropped
    return "\n\n".join(page.blocks) + "\n", gold


def generate(out: Path, pages: int = 40, seed: int = 1, gold_dir: Path = DEFAULT_GOLD,
             mode: str = "realistic") -> list[Path]:
    arts, photos = load_articles(gold_dir)
    rng = random.Random(seed)
    make_page = make_page_classic if mode == "classic" else make_page_realistic
    (out / "pages").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    files = []
    for n in range(pages):
        text, gold = make_page(arts, photos, rng)
        gold["seed"] = f"gen{seed}_{n:03d}"
        p = out / "pages" / f"gen{seed}_{n:03d}.txt"
        p.write_text(text, encoding="utf-8")
        (out / "gold" / f"gen{seed}_{n:03d}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1),
                                                               encoding="utf-8")
        files.append(p)
    return files


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--classic", action="store_true", help="the earlier generator (random cuts, gold articles only)")
    a = ap.parse_args(argv)
    files = generate(a.out, a.pages, a.seed, a.gold, "classic" if a.classic else "realistic")
    print(f"{len(files)} pages in {a.out}/pages, gold in {a.out}/gold")


if __name__ == "__main__":
    main()
