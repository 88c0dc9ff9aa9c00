"""A synthetic archive of raw page text in the seeds' style, for benchmarks and tests.

    python3 -m benchmarks.archive DEST --issues 365 --pages 8 [--seed 0]

writes `DEST/banmian.toml` and `DEST/content/YYYY-MM-DD/{issue.toml,NN.txt}`:
N daily issues × M pages. Every page recombines and damages real text from
`seeds/*.txt` the way layout extraction does: blocks of one page replaced by a
run of blocks from another page, long paragraphs cut at a column break (the two
halves sometimes separated by a foreign block), adjacent blocks swapped, tails
dropped, headlines varied. The output is a pure function of (issues, pages,
seed): the same arguments give byte-identical folders.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
PAGE_NAMES = ["要闻", "综合", "文明创建", "地方传真", "专题", "评论", "民生", "文化"]
PLACES = ["北京", "上海", "天津", "重庆", "成都", "西安", "兰州", "西宁", "银川", "昆明", "贵阳",
          "南宁", "福州", "杭州", "南京", "合肥", "济南", "郑州", "武汉", "长沙", "南昌", "太原",
          "石家庄", "呼和浩特", "沈阳", "长春", "哈尔滨", "海口", "拉萨", "乌鲁木齐", "苏州", "宁波"]
VERBS = ["扎实推进", "全面部署", "持续深化", "创新开展", "稳步推动", "积极探索", "高质量推进", "多措并举抓好"]
TOPICS = ["文明城市创建", "党史学习教育", "志愿服务", "背街小巷整治", "垃圾分类", "乡村振兴",
          "社区治理", "未成年人思想道德建设", "新时代文明实践", "移风易俗", "诚信建设", "生态保护"]


def seed_pages(seeds_dir: Path = SEEDS) -> list[list[str]]:
    """Each seed page as its list of blank-line-separated blocks."""
    pages = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        pages.append([b.strip() for b in text.split("\n\n") if b.strip()])
    if not pages:
        raise SystemExit(f"no seed pages in {seeds_dir}")
    return pages


def _headline(rng: random.Random) -> str:
    return f"{rng.choice(PLACES)}{rng.choice(VERBS)}{rng.choice(TOPICS)}"


def _is_heading(block: str) -> bool:
    return len(block) <= 40 and not block.endswith("。")


def make_page(rng: random.Random, seeds: list[list[str]]) -> tuple[str, bool]:
    """One damaged, recombined page; returns (text, markdown-style)."""
    base = rng.randrange(len(seeds))
    blocks = list(seeds[base])
    markdown = any(b.startswith("#") for b in blocks)
    # 1. splice in a run of blocks from another page (another article, or a column of it)
    for _ in range(rng.randint(1, 3)):
        other = seeds[rng.randrange(len(seeds))]
        n = rng.randint(3, min(12, len(other)))
        start = rng.randrange(len(other) - n + 1)
        at = rng.randrange(1, len(blocks) + 1)
        cut = rng.randint(0, min(n, len(blocks) - at)) if at < len(blocks) else 0
        blocks[at:at + cut] = other[start:start + n]
    # 2. vary headlines: a new one in front, some headings rewritten
    if rng.random() < 0.8:
        title = _headline(rng)
        blocks.insert(0, f"# {title}" if markdown else title)
    for i, b in enumerate(blocks):
        if _is_heading(b) and rng.random() < 0.3:
            blocks[i] = b[: max(2, len(b) // 2)] + rng.choice(TOPICS)
    # 3. cut long paragraphs at a column break; sometimes a foreign block lands between
    out: list[str] = []
    for b in blocks:
        if len(b) > 120 and rng.random() < 0.25:
            k = rng.randint(20, len(b) - 20)
            out.append(b[:k])
            if rng.random() < 0.3:
                out.append(rng.choice(rng.choice(seeds)))
            out.append(b[k:])
        elif len(b) > 60 and rng.random() < 0.05:
            out.append(b[: rng.randint(10, len(b) - 10)])  # tail lost in extraction
        elif rng.random() < 0.02:
            continue  # block lost
        else:
            out.append(b)
    # 4. swap a few neighbours (reading order damaged)
    for _ in range(rng.randint(0, 3)):
        if len(out) > 3:
            i = rng.randrange(1, len(out) - 1)
            out[i], out[i + 1] = out[i + 1], out[i]
    return "\n\n".join(out) + "\n", markdown


def page_file(number: int, text: str, markdown: bool, rng: random.Random) -> tuple[str, str]:
    """File name and content (front matter on most pages, like a newsroom export)."""
    name = f"{number:02d}.{'md' if markdown else 'txt'}"
    if rng.random() < 0.75:
        text = f'+++\nname = "{PAGE_NAMES[(number - 1) % len(PAGE_NAMES)]}"\n+++\n' + text
    return name, text


CONFIG = """\
title = "合成日报 · 数字报"
description = "Banmian 基准测试用的合成档案（{issues} 期 × {pages} 版，seed {seed}）"
base_url = "https://example.org/edition/"
language = "zh-CN"
theme = "default"
output_dir = "_site"
publisher = "合成日报社"

[search]
enabled = true
"""


def generate(dest: Path | str, issues: int = 30, pages: int = 8, seed: int = 0,
             start: dt.date = dt.date(2022, 1, 1), seeds_dir: Path = SEEDS) -> Path:
    """Write a synthetic site (config + content) into `dest` (replaced if it exists)."""
    dest = Path(dest)
    content = dest / "content"
    if content.exists():
        shutil.rmtree(content)
    content.mkdir(parents=True)
    (dest / "banmian.toml").write_text(CONFIG.format(issues=issues, pages=pages, seed=seed), encoding="utf-8")
    seeds = seed_pages(seeds_dir)
    rng = random.Random(seed)
    seen: set[str] = set()
    for n in range(issues):
        day = start + dt.timedelta(days=n)
        folder = content / day.isoformat()
        folder.mkdir()
        meta = f"number = {1000 + n}\n"
        if rng.random() < 0.1:
            meta += f'title = "{rng.choice(TOPICS)}特刊"\n'
        (folder / "issue.toml").write_text(meta, encoding="utf-8")
        for number in range(1, pages + 1):
            while True:
                text, markdown = make_page(rng, seeds)
                digest = hashlib.sha256(text.encode()).hexdigest()
                if digest not in seen:  # every page distinct: no free cache hits
                    seen.add(digest)
                    break
            name, data = page_file(number, text, markdown, rng)
            (folder / name).write_text(data, encoding="utf-8")
    return dest


def edit_page(path: Path, rng: random.Random) -> None:
    """A small editorial change to one page file: a typo fixed, a paragraph added or cut."""
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.rpartition("+++\n") if text.startswith("+++") else ("", "", text)
    blocks = body.split("\n\n")
    i = rng.randrange(len(blocks))
    choice = rng.random()
    if choice < 0.4 and len(blocks[i]) > 4:
        k = rng.randrange(len(blocks[i]))
        blocks[i] = blocks[i][:k] + rng.choice("的了是在和有") + blocks[i][k + 1:]
    elif choice < 0.7:
        blocks.insert(i, f"本报讯 {_headline(rng)}，取得明显成效。")
    elif len(blocks) > 2:
        del blocks[i]
    path.write_text(head + sep + "\n\n".join(blocks), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("dest")
    p.add_argument("--issues", type=int, default=30)
    p.add_argument("--pages", type=int, default=8)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    generate(args.dest, args.issues, args.pages, args.seed)
    print(f"{args.issues} issues × {args.pages} pages → {args.dest}")


if __name__ == "__main__":
    main()
