"""Search benchmark on a synthetic 1-year archive (issue #4).

    python3 benchmarks/bench_search.py [--issues 365] [--pages 8] [--queries 20] [--json OUT]

Builds 365 issues × 8 pages of articles recombined deterministically from the
seed text (sentences shuffled, plus invented 2–4 character words and names so
the vocabulary grows as a real archive's does), then reports:
- index build time (`generator.search.build_search_files`),
- total index size, raw and gz,
- for a cold first query (fresh browser context, empty cache) in headless
  Chromium over real HTTP: bytes fetched (gz, index files and all files) and
  the time from the query starting to results shown; medians over the queries.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import json
import random
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit, unquote

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.config import load_config  # noqa: E402
from generator.model import Edition, Issue, Item, Page, Paragraph  # noqa: E402
from generator.render import Output, Renderer  # noqa: E402
from generator.search import build_search_files  # noqa: E402

QUERIES = ["文明城市", "党史学习教育", "乡村振兴", "志愿服务", "怀柔", "huairou", "格尔木", "背街小巷",
           "新时代文明实践", "疫情防控", "思想道德建设", "农贸市场", "创建全国文明城市", "社区治理",
           "未成年人", "移风易俗", "老旧小区", "道德模范", "geermu", "城市管理"]
COMMON = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
          "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好"
          "应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命"
          "此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老"
          "头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"


def seed_sentences() -> list[str]:
    text = "\n".join(f.read_text(encoding="utf-8") for f in sorted((REPO / "seeds").glob("*.txt")))
    text = re.sub(r"[#>*\-]+", "", text)
    sents = [s.strip() for s in re.split(r"(?<=[。！？])|\n", text)]
    return [s for s in sents if len(s) >= 8]


def synth_edition(n_issues: int, n_pages: int, seed: int = 2022) -> Edition:
    rng = random.Random(seed)
    sents = seed_sentences()
    titles = [s.rstrip("。") for s in sents if 8 <= len(s) <= 26]
    invented = ["".join(rng.choice(COMMON) for _ in range(rng.randint(2, 4))) for _ in range(40000)]
    names = [rng.choice(SURNAMES) + "".join(rng.choice(COMMON) for _ in range(rng.randint(1, 2)))
             for _ in range(3000)]
    issues = []
    start = dt.date(2022, 1, 1)
    n = 0
    for i in range(n_issues):
        pages = []
        for p in range(1, n_pages + 1):
            items = []
            chars = 0
            while chars < 5000:
                paras = []
                for _ in range(rng.randint(2, 7)):
                    s = "".join(rng.choice(sents) for _ in range(rng.randint(2, 4)))
                    if rng.random() < 0.8:  # a new word or place name in the paragraph
                        k = rng.randrange(len(s))
                        s = s[:k] + rng.choice(invented) + s[k:]
                    paras.append(Paragraph("p", s))
                title = rng.choice(titles)
                if rng.random() < 0.5:
                    title = rng.choice(invented) + title[:12]
                item = Item(kind="article", title=title,
                            subtitle=rng.choice(titles) if rng.random() < 0.3 else None,
                            byline=" ".join(rng.sample(names, rng.randint(1, 2))),
                            paragraphs=paras, slug=f"a{n}")
                n += 1
                chars += sum(len(x.text) for x in paras)
                items.append(item)
            pages.append(Page(number=p, name=f"第{p}版", source=Path(f"{p:02d}.txt"), items=items))
        issues.append(Issue(date=start + dt.timedelta(days=i), number=1000 + i, pages=pages))
    return Edition(issues=issues)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--issues", type=int, default=365)
    ap.add_argument("--pages", type=int, default=8)
    ap.add_argument("--queries", type=int, default=len(QUERIES))
    ap.add_argument("--json", help="write the figures to this file")
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args()

    config = load_config(REPO / "banmian.toml")
    t = time.perf_counter()
    edition = synth_edition(args.issues, args.pages)
    n_articles = sum(len(p.items) for i in edition.issues for p in i.pages)
    n_chars = sum(len(x.text) for i in edition.issues for p in i.pages for x in p.items)
    print(f"synthetic archive: {args.issues} issues × {args.pages} pages, {n_articles} articles, "
          f"{n_chars / 1e6:.1f} M characters ({time.perf_counter() - t:.1f} s to make)")

    t = time.perf_counter()
    files = build_search_files(edition, config)
    build_s = time.perf_counter() - t
    raw = sum(len(b) for b in files.values())
    gzt = sum(gz(b) for b in files.values())
    meta = json.loads(files["search/meta.json"])
    print(f"index build: {build_s:.1f} s; {len(files)} files, {raw / 1e6:.1f} MB raw, {gzt / 1e6:.1f} MB gz; "
          f"headline shards K={meta['k']}, body shards per issue={meta['issues'][0]['k']}")
    result = {"issues": args.issues, "pages": args.pages, "articles": n_articles, "build_s": round(build_s, 2),
              "files": len(files), "index_bytes": raw, "index_gz_bytes": gzt}
    if args.no_browser:
        print(json.dumps(result))
        return 0

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        renderer = Renderer(config)
        out = {"search/index.html": renderer.render(Output("search/index.html", "search.html",
                                                           {"edition": edition}, "search/"))}
        for hashed, data in renderer.assets.files.values():
            out[hashed] = data
        out.update(files)
        for rel, data in out.items():
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            (site / rel).write_bytes(data)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        rows = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                         args=["--no-sandbox", "--disable-gpu"])
            for q in (QUERIES * 3)[:args.queries]:
                ctx = browser.new_context()
                page = ctx.new_page()
                urls = []
                page.on("request", lambda r: urls.append(r.url))
                t0 = time.perf_counter()
                page.goto(base + "search/?q=" + quote(q))
                page.wait_for_selector("#search-results[data-state=done]", timeout=60000)
                wall = (time.perf_counter() - t0) * 1000
                ms = int(page.get_attribute("#search-results", "data-ms"))
                count = int(page.get_attribute("#search-results", "data-count"))
                index_gz = all_gz = 0
                for u in set(urls):
                    path = unquote(urlsplit(u).path).lstrip("/") or "index.html"
                    if path.endswith("/"):
                        path += "index.html"
                    f = site / path
                    if f.is_file():
                        size = gz(f.read_bytes())
                        all_gz += size
                        if path.startswith("search/") and path.endswith(".json"):
                            index_gz += size
                ctx.close()
                rows.append({"q": q, "hits": count, "query_ms": ms, "page_ms": round(wall),
                             "index_gz": index_gz, "all_gz": all_gz})
                print(f"  {q:<10} {count:5d} hits  query {ms:4d} ms  (page load+query {wall:5.0f} ms)  "
                      f"index {index_gz / 1024:6.1f} KB gz  all files {all_gz / 1024:6.1f} KB gz")
            browser.close()
        server.shutdown()
    med = lambda k: statistics.median(r[k] for r in rows)  # noqa: E731
    result.update(query_ms_median=med("query_ms"), page_ms_median=med("page_ms"),
                  index_gz_median=med("index_gz"), all_gz_median=med("all_gz"),
                  index_gz_max=max(r["index_gz"] for r in rows), query_ms_max=max(r["query_ms"] for r in rows),
                  queries=rows)
    print(f"cold first query (median of {len(rows)}): {result['query_ms_median']:.0f} ms, index "
          f"{result['index_gz_median'] / 1024:.0f} KB gz (all files incl. page and scripts "
          f"{result['all_gz_median'] / 1024:.0f} KB gz); max {result['query_ms_max']} ms, "
          f"{result['index_gz_max'] / 1024:.0f} KB gz")
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
