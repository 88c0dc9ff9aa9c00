// Runs the theme's search.js and the real lunr.js (tests/node/node_modules) for
// the Python tests. Usage: node node_helper.js <command> < input.json > output.json
//   tokenize  [text, ...]                         → [[token, ...], ...]
//   load      {"index": lunr JSON}               → {"terms": n}   (lunr.Index.load must accept it)
//   query     {"index": lunr JSON, "queries": [[term, ...], ...]} → [[ref, ...], ...]
//   scores    {"index": lunr JSON, "head": shard | "body": shard, "meta", "terms", "tolerance"}
//             → {"checked": n, "worst": e, "diff": [...]}
//             (search.js's scores against lunr.js's own one-term queries)
//   search    {"dir": built search/ folder, "queries": [q, ...], "bodyIssues": n}
//             → [[{"id", "score", "zh", "title", "url"}, ...], ...]
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
    //  "meta": {N, avg, boost}, "terms": [...]}: search.js's scores against lunr.js's
    // own one-term queries (refs are base-36 local numbers).
    const idx = lunr.Index.load(input.index);
    const diff = [];
    let checked = 0, worst = 0;
    for (const t of input.terms) {
      const want = new Map(idx.query((q) => q.term(t, { presence: lunr.Query.presence.REQUIRED, usePipeline: false }))
        .map((h) => [parseInt(h.ref, 36), h.score]));
      const n = input.head ? input.meta.N : input.body.n, hits = new S.Hits(n);
      if (input.head) S.headScores(input.head, t, input.meta, [0], hits);
      else S.bodyScores(input.body, t, 0, hits);
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
  if (cmd === "search") {
    const engine = new S.Engine({
      fetchJSON: (p) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(input.dir, p), "utf8"))),
    });
    const out = [];
    for (const q of input.queries) {
      const res = await engine.search(q, { bodyIssues: input.bodyIssues });
      const recs = await engine.records(res.meta, res.results.map((r) => r.id));
      out.push(res.results.map((r) => ({ id: r.id, score: r.score, zh: r.zh, title: recs.get(r.id).title,
                                         url: engine.resultURL(res.meta, recs.get(r.id)) })));
    }
    return out;
  }
  throw new Error("unknown command " + cmd);
}

main().then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });
