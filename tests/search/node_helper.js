// Runs the theme's search.js and the real lunr.js (tests/node/node_modules) for
// the Python tests. Usage: node node_helper.js <command> < input.json > output.json
//   tokenize  [text, ...]                         → [[token, ...], ...]
//   load      {"index": lunr JSON}               → {"terms": n}   (lunr.Index.load must accept it)
//   query     {"index": lunr JSON, "queries": [[term, ...], ...]} → [[ref, ...], ...]
//   scores    {"index": lunr JSON, "head": shard | "body": shard, "meta", "terms", "tolerance"}
//             → {"checked": n, "worst": e, "diff": [...]}
//             (the lunr.Index search.js builds from a shard against lunr.js's own
//             one-term queries on lunr.py's index)
//   indexes   {"dir": built search/ folder} → {"indexes", "terms", "bad": [...], "fast": n}
//             (every shard as a lunr.Index, round-tripped through lunr.Index.load;
//             for every term, the engine's scores from the postings (termHits) are
//             lunr's index.query scores over the whole shard, exactly)
//   search    {"dir": built search/ folder, "queries": [q, ...], "bodyIssues": n, "top": k}
//             → [[{"id", "score", "zh", "title", "url"}, ...], ...]
//             (search.js's engine, querying lunr.Index objects built from the shards;
//             top: how many results are scored by index.query, default the engine's)
"use strict";
const fs = require("fs");
const path = require("path");
const lunr = require(process.env.LUNR_PATH || "lunr");
const S = require(process.env.SEARCH_JS);

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const cmd = process.argv[2];

async function main() {
  if (cmd === "tokenize") return input.map((t) => S.tokenize(t));
  if (cmd === "slots") return input.map((q) => S.querySlots(q).map((s) => [s.terms, s.cjk]));
  if (cmd === "shards") return input.terms.map((t) => S.shardNames(t, input.k, input.splits));
  S.registerPipeline(lunr);
  if (cmd === "load") {
    const idx = lunr.Index.load(input.index);
    return { terms: Object.keys(idx.invertedIndex).length };
  }
  if (cmd === "query") {
    const idx = lunr.Index.load(input.index);
    return input.queries.map((terms) => idx.query((q) => {
      terms.forEach((t) => q.term(t, { presence: lunr.Query.presence.REQUIRED, usePipeline: false }));
    }).map((h) => h.ref));
  }
  if (cmd === "scores") {
    // {"index": lunr JSON, "head": [headline shard array] | "body": {body shard},
    //  "meta": {N, avg, boost, fields, issues}, "terms": [...]}: the lunr.Index search.js
    // builds from the shard against lunr.js's one-term queries on lunr.py's index
    // (refs there are base-36 local numbers, here global ids from 0).
    const idx = lunr.Index.load(input.index);
    const built = input.head ? S.headIndex(lunr, input.head, input.meta) : S.bodyIndex(lunr, input.body, 0);
    if (!(built.index instanceof lunr.Index)) throw new Error("not a lunr.Index");
    const diff = [];
    let checked = 0, worst = 0;
    for (const t of input.terms) {
      const want = new Map(idx.query((q) => q.term(t, { presence: lunr.Query.presence.REQUIRED, usePipeline: false }))
        .map((h) => [parseInt(h.ref, 36), h.score]));
      const n = input.head ? input.meta.N : input.body.n, hits = new S.Hits(n);
      S.indexHits(lunr, built, t, hits);
      const got = new Map(hits.ids.map((id) => [id, hits.score[id]]));
      checked += want.size;
      if (got.size !== want.size) diff.push([t, "size", got.size, want.size]);
      want.forEach((s, r) => {
        const e = Math.abs((got.get(r) || 0) - s);
        worst = Math.max(worst, e);
        if (!(e <= input.tolerance)) diff.push([t, r, got.get(r), s]);
      });
    }
    return { checked, worst, diff: diff.slice(0, 20) };
  }
  if (cmd === "indexes") {
    // {"dir": built search/ folder}: every headline shard and every issue's body
    // shards, loaded and built into lunr.Index objects by search.js's engine; each
    // must survive lunr.Index.load(JSON of index.toJSON()) unchanged and answer
    // the same for every term. → {"indexes", "terms", "bad": [...]}
    const engine = new S.Engine({
      lunr, fetchJSON: (p) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(input.dir, p), "utf8"))),
    });
    const meta = await engine.meta();
    const files = fs.readdirSync(path.join(input.dir, "h")).map((f) => ({ path: "h/" + f, head: true }));
    for (const is of meta.issues) {
      for (const f of fs.readdirSync(path.join(input.dir, "b"))) {
        if (f.startsWith(is.d + ".") && f.endsWith("." + is.h + ".json")) files.push({ path: "b/" + f, first: is.a[0] });
      }
    }
    const bad = [];
    let terms = 0, fastChecked = 0;
    for (const job of files) {
      const built = engine.index(meta, job, await engine.get(job.path));
      const all = built.terms();
      built.fill(all, null);                   // the whole shard (a query adds only its terms)
      const idx = built.index;
      if (!(idx instanceof lunr.Index) || !(idx.tokenSet instanceof lunr.TokenSet)) bad.push([job.path, "type"]);
      const json = JSON.stringify(idx.toJSON());
      const again = lunr.Index.load(JSON.parse(json));
      if (JSON.stringify(again.toJSON()) !== json) bad.push([job.path, "toJSON"]);
      for (const t of all) {
        const hits = (ix) => ix.query((q) => q.term(t, {
          presence: lunr.Query.presence.REQUIRED, usePipeline: false })).map((h) => [h.ref, h.score]);
        const a = JSON.stringify(hits(idx)), b = JSON.stringify(hits(again));
        if (a !== b || a === "[]") bad.push([job.path, t, a.slice(0, 80), b.slice(0, 80)]);
        if (built.filled.get(t).idf !== lunr.idf(idx.invertedIndex[t], built.n)) bad.push([job.path, t, "idf"]);
        if (!S.isCjkCode(t.codePointAt(0)) || Array.from(t).length > 1) {
          // the engine's scores from the postings: lunr's, bit for bit
          const fast = new S.Hits(meta.N);
          S.termHits(lunr, built, t, fast);
          const want = hits(idx);
          if (fast.ids.length !== want.length ||
              want.some(([ref, score]) => fast.score[+ref] !== score)) bad.push([job.path, t, "termHits"]);
          fastChecked += want.length;
        }
        terms++;
      }
      if (idx.search(all[0]).length === 0) bad.push([job.path, "search", all[0]]);
    }
    return { indexes: files.length, terms, fast: fastChecked, bad: bad.slice(0, 20) };
  }
  if (cmd === "search") {
    const engine = new S.Engine({
      lunr, fetchJSON: (p) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(input.dir, p), "utf8"))),
    });
    const out = [];
    for (const q of input.queries) {
      const res = await engine.search(q, { bodyIssues: input.bodyIssues,
                                           top: input.top === "all" ? Infinity : input.top });
      const recs = await engine.records(res.meta, res.results.map((r) => r.id));
      out.push(res.results.map((r) => ({ id: r.id, score: r.score, zh: r.zh, title: recs.get(r.id).title,
                                         url: engine.resultURL(res.meta, recs.get(r.id)) })));
    }
    return out;
  }
  throw new Error("unknown command " + cmd);
}

main().then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });
