"""Search benchmark on a synthetic 1-year archive (issue #4).

    python3 benchmarks/bench_search.py [--issues 365] [--pages 8] [--queries 20] [--json OUT]
                                       [--site DIR] [--debug]

Builds 365 issues × 8 pages of articles recombined deterministically from the
seed text (sentences shuffled, plus invented 2–4 character words and names so
the vocabulary grows as a real archive's does), then reports:
- index build time (`generator.search.build_search_files`, cold: no memo),
- the incremental merge: one article of the newest issue edited (title and
  lead), its part rebuilt, `merge_search_files` with the memo of the previous
  merge (as a long-lived build has it), the number of headline shards it
  rebuilt and the memo's pickled size,
- total index size, raw and gz,
- for a cold first query (fresh browser context, empty cache) in headless
  Chromium over real HTTP: bytes fetched (gz, index files and all files) and
  the time from the query starting to results shown (`data-ms` of
  #search-results: from the search page's script starting the query to the
  first results in the page, which may come from the headline index alone) and
  to the complete results (`data-ms-done`: with the newest issue's full text
  merged in); medians over the queries.

`--site DIR` keeps the built index in DIR/search and reuses it on later runs
(the browser figures only, with the current theme: handy to compare search.js
versions back to back); `--debug` prints search.js's timing marks per query
(the search page's `?debug=1`: meta.json, files requested and parsed, ranked,
lunr's page scores, records, shown; ms from the query's start).

The site is served by a separate process (`--serve DIR`), as a static host
would serve it: HTTP/1.1 with keep-alive, one thread per connection, Nagle's
algorithm off (TCP_NODELAY, as nginx's `tcp_nodelay on` default), files from
memory. Python's plain `http.server` (HTTP/1.0, a connection per request) in
this process would make every request wait for a TCP handshake and for the
GIL of the process driving the browser: that measures the test harness, not
the search.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import http.server
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlsplit, unquote

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.config import load_config  # noqa: E402
from generator.model import Edition, Issue, Item, Page, Paragraph  # noqa: E402
from generator.render import Output, Renderer  # noqa: E402

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


class StaticHandler(http.server.BaseHTTPRequestHandler):
    """GET/HEAD of files held in memory, HTTP/1.1 keep-alive, TCP_NODELAY."""
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    files: dict[str, bytes] = {}
    TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
             ".json": "application/json"}

    def do_GET(self, head: bool = False):
        path = unquote(urlsplit(self.path).path)
        if path.endswith("/"):
            path += "index.html"
        body = self.files.get(path.lstrip("/"))
        if body is None:
            body = b"not found"
            self.send_response(404)
        else:
            self.send_response(200)
        self.send_header("Content-Type", self.TYPES.get(Path(path).suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def do_HEAD(self):
        self.do_GET(head=True)

    def log_message(self, *a):
        pass


def serve(directory: str) -> None:
    """Serve `directory` on a free port (printed first) until killed."""
    root = Path(directory)
    StaticHandler.files = {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), StaticHandler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()


def incremental_merge(edition: Edition, config, parts: list, memo: dict) -> dict:
    """Edit the newest issue's first-page lead article (title and lead), rebuild its
    part and merge with the memo of a merge of the unedited edition."""
    import copy
    import dataclasses
    import pickle

    from generator import search

    edited = copy.copy(edition)
    edited.issues = list(edition.issues)
    issue = edited.issues[-1] = copy.deepcopy(edition.issues[-1])
    item = issue.pages[0].items[0]
    item.title = "编辑改过的标题" + (item.title or "")[4:]
    item.paragraphs[0] = dataclasses.replace(item.paragraphs[0], text="本报讯 " + item.paragraphs[0].text)
    new = list(parts)
    t = time.perf_counter()
    new[-1] = search.issue_search_files(issue, config)
    part_s = time.perf_counter() - t
    blob = pickle.dumps(memo, protocol=pickle.HIGHEST_PROTOCOL)
    memo = pickle.loads(blob)                     # as a fresh process gets it from a build cache
    t = time.perf_counter()
    files = search.merge_search_files(edited, config, new, memo=memo)
    merge_s = time.perf_counter() - t
    clean = search.merge_search_files(edited, config, new)
    return {"part_s": round(part_s, 3), "merge_s": round(merge_s, 3), "memo_bytes": len(blob),
            "shards_rebuilt": memo["stats"]["head_rebuilt"], "identical": files == clean}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--issues", type=int, default=365)
    ap.add_argument("--pages", type=int, default=8)
    ap.add_argument("--queries", type=int, default=len(QUERIES))
    ap.add_argument("--json", help="write the figures to this file")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--no-merge", action="store_true", help="skip the incremental merge figure")
    ap.add_argument("--site", metavar="DIR",
                    help="keep the built index in DIR/search and reuse it on later runs (no build figures then; "
                         "the search page and theme assets are written afresh each run)")
    ap.add_argument("--debug", action="store_true",
                    help="open the search page with ?debug=1 and print search.js's timing marks per query")
    ap.add_argument("--serve", metavar="DIR", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(args.serve)
        return 0

    config = load_config(REPO / "banmian.toml")
    t = time.perf_counter()
    edition = synth_edition(args.issues, args.pages)
    n_articles = sum(len(p.items) for i in edition.issues for p in i.pages)
    n_chars = sum(len(x.text) for i in edition.issues for p in i.pages for x in p.items)
    print(f"synthetic archive: {args.issues} issues × {args.pages} pages, {n_articles} articles, "
          f"{n_chars / 1e6:.1f} M characters ({time.perf_counter() - t:.1f} s to make)")

    kept = Path(args.site) if args.site else None
    if kept is not None and (kept / "search" / "meta.json").is_file():
        files = {p.relative_to(kept).as_posix(): p.read_bytes() for p in (kept / "search").rglob("*.json")}
        print(f"index reused from {kept / 'search'} ({len(files)} files; no build figures)")
        result = {"issues": args.issues, "pages": args.pages, "articles": n_articles, "reused": str(kept)}
    else:
        from generator.search import issue_parts, merge_search_files, pinyin

        t = time.perf_counter()
        pinyin.lexicon()
        print(f"pinyin lexicon (made once per machine and dictionary, then kept in the user cache; "
              f"a build's cost only the first time): {time.perf_counter() - t:.2f} s")
        t = time.perf_counter()
        parts = issue_parts(edition.issues, config)      # = build_search_files(edition, config), keeping
        memo: dict = {}                                  # the parts and the memo for the merge below
        files = merge_search_files(edition, config, parts, memo=memo)
        build_s = time.perf_counter() - t
        raw = sum(len(b) for b in files.values())
        gzt = sum(gz(b) for b in files.values())
        meta = json.loads(files["search/meta.json"])
        print(f"index build: {build_s:.1f} s; {len(files)} files, {raw / 1e6:.1f} MB raw, {gzt / 1e6:.1f} MB gz; "
              f"headline shards K={meta['k']}, body shards per issue={meta['issues'][0]['k']}")
        result = {"issues": args.issues, "pages": args.pages, "articles": n_articles, "build_s": round(build_s, 2),
                  "files": len(files), "index_bytes": raw, "index_gz_bytes": gzt}
        if not args.no_merge:
            inc = incremental_merge(edition, config, parts, memo)
            result["incremental"] = inc
            print(f"incremental merge after a one-article edit of the newest issue: {inc['merge_s'] * 1000:.0f} ms "
                  f"with the memo ({inc['shards_rebuilt']} of {len(meta['hh']) // 10} headline shards rebuilt; "
                  f"memo {inc['memo_bytes'] / 1e6:.1f} MB pickled; byte-identical to a clean merge: {inc['identical']}); "
                  f"the issue's part: {inc['part_s'] * 1000:.0f} ms")
        if kept is not None:
            for rel, data in files.items():
                (kept / rel).parent.mkdir(parents=True, exist_ok=True)
                (kept / rel).write_bytes(data)
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
        import subprocess

        server = subprocess.Popen([sys.executable, __file__, "--serve", str(site)], stdout=subprocess.PIPE, text=True)
        base = f"http://127.0.0.1:{int(server.stdout.readline())}/"
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
                page.goto(base + "search/?q=" + quote(q) + ("&debug=1" if args.debug else ""))
                page.wait_for_selector("#search-results[data-state=done]", timeout=60000)
                wall = (time.perf_counter() - t0) * 1000
                ms = int(page.get_attribute("#search-results", "data-ms"))
                done_ms = int(page.get_attribute("#search-results", "data-ms-done") or ms)
                count = int(page.get_attribute("#search-results", "data-count"))
                timing = page.get_attribute("#search-results", "data-timing")
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
                rows.append({"q": q, "hits": count, "query_ms": ms, "done_ms": done_ms, "page_ms": round(wall),
                             "index_gz": index_gz, "all_gz": all_gz})
                print(f"  {q:<10} {count:5d} hits  shown {ms:4d} ms  complete {done_ms:4d} ms  "
                      f"(page load+query {wall:5.0f} ms)  index {index_gz / 1024:6.1f} KB gz  "
                      f"all files {all_gz / 1024:6.1f} KB gz")
                if args.debug:
                    print("      " + (timing or ""))
            browser.close()
        server.terminate()
        server.wait()
    med = lambda k: statistics.median(r[k] for r in rows)  # noqa: E731
    result.update(query_ms_median=med("query_ms"), done_ms_median=med("done_ms"), page_ms_median=med("page_ms"),
                  index_gz_median=med("index_gz"), all_gz_median=med("all_gz"),
                  index_gz_max=max(r["index_gz"] for r in rows), query_ms_max=max(r["query_ms"] for r in rows),
                  queries=rows)
    print(f"cold first query (median of {len(rows)}): results shown {result['query_ms_median']:.0f} ms "
          f"(complete with the newest issue's full text {result['done_ms_median']:.0f} ms), index "
          f"{result['index_gz_median'] / 1024:.0f} KB gz (all files incl. page and scripts "
          f"{result['all_gz_median'] / 1024:.0f} KB gz); max {result['query_ms_max']} ms, "
          f"{result['index_gz_max'] / 1024:.0f} KB gz")
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
