/* Banmian search (issue #4): Chinese full-text search with lunr.js over static,
 * term-sharded postings (format: generator/search/postings.py).
 *
 * The tokenizer below is the twin of generator/search/tokenize.py and must give
 * byte-identical tokens (tests/search/test_search_tokenize.py runs both over the
 * seed text). The engine loads only the index shards a query needs: the headline
 * index (title, subtitle, byline, lead) of the whole archive, term-sharded, and
 * the body index of the current issue, then of older issues on request; every
 * file a query needs is requested as soon as it is known (one round after
 * meta.json, one more for pinyin alternatives, one for the result records).
 * Everything is fetched relative to the search page: no other host is asked.
 * Each loaded shard becomes a real lunr.Index (built from the compact postings
 * with the vectors lunr.Builder would compute; see ShardIndex), queried with
 * lunr's own index.query(); the vendored lunr.js is loaded before this script.
 * A query ranks every result by lunr's scores computed straight from the
 * postings (bit for bit what index.query gives: no per-hit lunr objects for a
 * term with 10⁴ hits), then fills the lunr.Index with the shown page's postings
 * and scores that page with index.query; the page's records are requested
 * before that step, as soon as the ranking is known.
 *
 * Works in a browser (window.BanmianSearch) and in Node (module.exports).
 */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.BanmianSearch = api;
  if (typeof document !== "undefined") api.boot();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // ---------------------------------------------------------------- tokenizer
  var CJK_RANGES = [
    [0x1100, 0x11FF], [0x2E80, 0x2FDF], [0x3005, 0x3007], [0x3021, 0x3029],
    [0x3031, 0x3035], [0x3038, 0x303C], [0x3040, 0x30FF], [0x3100, 0x312F],
    [0x3130, 0x318F], [0x31A0, 0x31BF], [0x31F0, 0x31FF], [0x3400, 0x4DBF],
    [0x4E00, 0x9FFF], [0xA960, 0xA97F], [0xAC00, 0xD7FF], [0xF900, 0xFAFF],
    [0x1B000, 0x1B16F], [0x20000, 0x3FFFF]
  ];
  var LNM = /^[\p{L}\p{N}\p{M}]$/u;
  var normCache = new Map();

  function isCjkCode(cp) {
    for (var i = 0; i < CJK_RANGES.length; i++) {
      if (cp < CJK_RANGES[i][0]) return false;
      if (cp <= CJK_RANGES[i][1]) return true;
    }
    return false;
  }

  /* Per code point: NFKC, lower-case; non letters/numbers/marks become spaces. */
  function normalize(text) {
    var out = "";
    for (var ch of String(text)) {
      var v = normCache.get(ch);
      if (v === undefined) {
        v = "";
        for (var c of ch.normalize("NFKC").toLowerCase()) v += LNM.test(c) ? c : " ";
        normCache.set(ch, v);
      }
      out += v;
    }
    return out;
  }

  /* Runs of CJK characters and runs of other word characters, as arrays of code points. */
  function runs(text) {
    var out = [], cur = null, curCjk = false;
    for (var ch of normalize(text)) {
      if (ch === " ") { if (cur) out.push({ cjk: curCjk, chars: cur }); cur = null; continue; }
      var cjk = isCjkCode(ch.codePointAt(0));
      if (cur && cjk !== curCjk) { out.push({ cjk: curCjk, chars: cur }); cur = null; }
      if (!cur) { cur = []; curCjk = cjk; }
      cur.push(ch);
    }
    if (cur) out.push({ cjk: curCjk, chars: cur });
    return out;
  }

  function runTerms(run) {
    if (!run.cjk) return [run.chars.join("")];
    if (run.chars.length === 1) return [run.chars[0]];
    var t = [];
    for (var i = 0; i + 1 < run.chars.length; i++) t.push(run.chars[i] + run.chars[i + 1]);
    return t;
  }

  function tokenize(text) {
    var out = [];
    runs(text).forEach(function (r) { Array.prototype.push.apply(out, runTerms(r)); });
    return out;
  }

  /* The bigrams a query needs: for a CJK run, a non-overlapping cover (思想道德建设 →
   * 思想 道德 建设; odd lengths add the last bigram), fewer index files to load. */
  function coverTerms(run) {
    var t = runTerms(run);
    if (!run.cjk || t.length < 3) return t;
    var out = [];
    for (var i = 0; i < t.length; i += 2) out.push(t[i]);
    if (t.length % 2 === 0) out.push(t[t.length - 1]);
    return out;
  }

  function querySlots(text) {
    return runs(text).map(function (r) {
      return { text: r.chars.join(""), terms: coverTerms(r), cjk: r.cjk };
    });
  }

  /* The tokenizer as a lunr pipeline function, under the label lunr.py's reference
   * index uses (generator/search/lunrjson.py; for the tests that compare with lunr.js). */
  function registerPipeline(lunr) {
    if (lunr.Pipeline.registeredFunctions.zhBigram) return;
    var zhBigram = function (token) {
      return tokenize(token.toString()).map(function (t) {
        return token.clone(function () { return t; });
      });
    };
    lunr.Pipeline.registerFunction(zhBigram, "zhBigram");
  }

  function shardOf(term, k) { return k > 1 ? term.codePointAt(0) % k : 0; }

  /* The shard files (names) a term lives in: bucket = first code point mod k; a
   * split bucket (splits[bucket] = parts) by the second code point. A lone CJK
   * character (matched as a prefix) needs every part of its bucket. */
  function shardNames(term, k, splits) {
    var b = shardOf(term, k), m = splits && splits[b];
    if (!m) return [String(b)];
    var chars = Array.from(term);
    if (chars.length > 1) return [b + "-" + (chars[1].codePointAt(0) % m)];
    if (!isCjkCode(term.codePointAt(0))) return [b + "-0"];
    var out = [];
    for (var j = 0; j < m; j++) out.push(b + "-" + j);
    return out;
  }

  function isSingleCjk(term) { return Array.from(term).length === 1 && isCjkCode(term.codePointAt(0)); }

  /* Scores of one term over the whole edition: score[id] > 0 for the documents
   * holding it (lunr's BM25 is never 0 there), `ids` lists them. */
  function Hits(n) { this.score = new Float64Array(n); this.ids = []; }

  Hits.prototype.add = function (id, s) {
    if (this.score[id] === 0) this.ids.push(id);
    this.score[id] += s;
  };

  // ------------------------------------------------------------ lunr indexes
  /* Every loaded index file becomes a real lunr.Index, built straight from the
   * compact postings (no lunr JSON on the wire, no lunr.Builder): invertedIndex
   * entries {_index, <field>: {<ref>: {}}}, a lunr.Vector per "field/ref" with the
   * weights lunr.Builder computes (BM25, k1 1.2, b 0.75, lunr.idf from the term's
   * (document, field) postings and the document count, field length over the
   * average field length, × the field's boost, rounded to 3 decimals), the token
   * set of its terms and the zhBigram pipeline. Refs are global ids (decimal).
   * A shard holds only its own terms, so a field vector holds the entries of those
   * terms: every score a query of them gets is the one lunr.Builder's vectors give.
   *
   * A query is answered in two steps (the ranking is lunr's either way):
   * 1. every document holding the term, with its score, straight from the compact
   *    postings (termHits): for a whole term (no wildcard) lunr's score of a
   *    document is, bit for bit, its field vectors' weights of the term summed in
   *    field order (one REQUIRED clause: the query vector is the term's index with
   *    1, norm 1; lunr adds a document's matching fields in field order). Those
   *    weights are the ones the lunr.Index gets (one function, weight()), so this
   *    is lunr's answer without lunr's per-hit objects (a hot term has 10⁴ hits);
   *    tests/search check it against index.query over the whole shard, exactly;
   * 2. the documents a page shows: their postings of the term go into the shard's
   *    lunr.Index (fill) and index.query scores them (lunrHits); the engine ranks
   *    that page by those scores.
   * A lone CJK character (a trailing wildcard over the terms it starts) is always
   * answered by index.query over all its terms' postings (indexHits). */
  var K1 = 1.2, B = 0.75, TF_ESC = 63;

  function pipelineOf(lunr) {
    registerPipeline(lunr);
    var p = new lunr.Pipeline();
    p.add(lunr.Pipeline.registeredFunctions.zhBigram);
    return p;
  }

  /* lunr.idf of a term with `postings` (document, field) pairs among n documents. */
  function idfOf(postings, n) {
    var x = (n - postings + 0.5) / (postings + 0.5);
    return Math.log(1 + Math.abs(x));
  }

  /* A shard's lunr.Index, filled in on demand: fill(term, ids) adds the term's
   * invertedIndex entry and its weights in the field vectors of the documents
   * `ids` (a Set of global ids; null: all), so that a query pays only for the
   * terms and documents it needs (a shard holds many terms; a hot one has 10⁴
   * postings); at every point the index is a consistent lunr.Index of the
   * postings it holds, with the whole shard's weights (fill of every term with
   * null gives the whole shard). src.lists(term) → [first id, flat posting array,
   * …] or null, src.all() → every term; decode(p, j, out) reads one posting at
   * p[j] into out = [local doc, field, tf, length] and returns the next j. A
   * term's `_index` is the order in which terms were filled. */
  function ShardIndex(lunr, src, fields, boost, avg, n, decode) {
    this.lunr = lunr; this.src = src; this.fields = fields; this.boost = boost; this.n = n;
    this.decode = decode;
    this.lens = null;           // a body shard's document lengths
    this.sorted = null;         // every term, sorted (UTF-16 order, as lunr sorts), when first needed
    this.filled = new Map();    // term → {posting, idf, all, ids: Set of ids filled}
    this.post = [0, 0, 0, 0];
    this.c0 = []; this.c1 = [];
    for (var f = 0; f < fields.length; f++) {   // BM25 = (k1+1)·tf / (c0 + c1·len + tf)
      this.c0.push(K1 * (1 - B));
      this.c1.push(avg[f] > 0 ? K1 * B / avg[f] : 0);
    }
    this.index = new lunr.Index({ invertedIndex: Object.create(null), fieldVectors: Object.create(null),
                                  tokenSet: lunr.TokenSet.fromArray([]), fields: fields.slice(),
                                  pipeline: pipelineOf(lunr) });
  }

  /* Every term of the shard, sorted. */
  ShardIndex.prototype.terms = function () {
    if (!this.sorted) this.sorted = this.src.all().sort();
    return this.sorted;
  };

  /* The field vector weight of one posting (lunr.Builder's, rounded to 3 decimals). */
  ShardIndex.prototype.weight = function (idf, f, tf, len) {
    var bm25 = this.boost[f] * (K1 + 1) * tf / (this.c0[f] + this.c1[f] * len + tf);
    return Math.round(idf * bm25 * 1000) / 1000;
  };

  /* The number of (document, field) postings of a term. */
  ShardIndex.prototype.count = function (lists) {
    var c = 0, k, j, p;
    for (k = 0; k < lists.length; k += 2) {
      p = lists[k + 1];
      if (this.lens) c += p.length >> 1;         // body: [doc, tf, …]
      else for (j = 0; j < p.length; j += 2, c++) if (((p[j + 1] >> 2) & 63) === TF_ESC) j++;
    }
    return c;
  };

  /* The shard's terms `term` stands for: itself, or for a lone CJK character every
   * term it starts (a trailing wildcard). */
  ShardIndex.prototype.expand = function (term) {
    if (!isSingleCjk(term)) return this.src.lists(term) ? [term] : [];
    var terms = this.terms(), lo = 0, hi = terms.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < term) lo = mid + 1; else hi = mid; }
    var end = lo;
    while (end < terms.length && terms[end].lastIndexOf(term, 0) === 0) end++;
    return terms.slice(lo, end);
  };

  /* Put `terms`' postings of the documents `ids` (Set of global ids, null: all)
   * into the lunr.Index. */
  ShardIndex.prototype.fill = function (terms, ids) {
    var added = false;
    for (var i = 0; i < terms.length; i++) added = this.add(terms[i], ids) || added;
    if (added) this.index.tokenSet = this.lunr.TokenSet.fromArray(Object.keys(this.index.invertedIndex).sort());
  };

  /* Kept for callers that fill by position in terms(): [from, to). */
  ShardIndex.prototype.need = function (from, to) { this.fill(this.terms().slice(from, to), null); };

  ShardIndex.prototype.add = function (term, ids) {
    var lists = this.src.lists(term), st = this.filled.get(term), isNew = !st;
    if (!lists || (st && st.all)) return false;
    var fields = this.fields, nf = fields.length, f, k, j;
    if (isNew) {
      var posting = { _index: this.filled.size };
      for (f = 0; f < nf; f++) posting[fields[f]] = Object.create(null);
      st = { posting: posting, idf: idfOf(this.count(lists), this.n), all: false, ids: new Set() };
      this.filled.set(term, st);
      this.index.invertedIndex[term] = posting;
    }
    var post = this.post, vectors = this.index.fieldVectors, t = st.posting._index, idf = st.idf, done = st.ids;
    var sections = [];            // [first id, postings] of one issue each, by first id
    if (ids) {                    // only the sections the documents can be in
      var pick = new Set();
      ids.forEach(function (id) {
        var lo = 0, hi = lists.length >> 1;
        while (lo < hi) { var mid = (lo + hi) >> 1; if (lists[2 * mid] <= id) lo = mid + 1; else hi = mid; }
        if (lo > 0) pick.add(2 * (lo - 1));
      });
      pick.forEach(function (at) { sections.push(at); });
    } else {
      for (k = 0; k < lists.length; k += 2) sections.push(k);
    }
    for (var x = 0; x < sections.length; x++) {
      k = sections[x];
      var first = lists[k], p = lists[k + 1];
      for (j = 0; j < p.length;) {
        j = this.decode(p, j, post);
        var id = first + post[0];
        if ((ids && !ids.has(id)) || done.has(id)) continue;
        f = post[1];
        st.posting[fields[f]][id] = {};
        var key = fields[f] + "/" + id, w = this.weight(idf, f, post[2], post[3]), v = vectors[key];
        if (v) v.insert(t, w); else vectors[key] = new this.lunr.Vector([t, w]);
      }
    }
    if (ids) ids.forEach(function (id) { done.add(id); });
    else { st.all = true; st.ids = null; }
    return isNew;
  };

  /* A headline shard: [ordinal, "term", [doc, code, …], …, ordinal, …] (see
   * generator/search/postings.py) → its ShardIndex. A term's postings are found
   * by a scan of the array (a query needs a few of its thousands of terms). */
  function headIndex(lunr, arr, meta) {
    var firsts = firstIds(meta), found = new Map();
    var src = {
      lists: function (term) {
        var l = found.get(term);
        if (l !== undefined) return l;
        l = [];
        for (var i = 0, base = 0; i < arr.length; i += 2) {
          var v = arr[i];
          if (typeof v === "number") { base = firsts[v]; i--; } else if (v === term) l.push(base, arr[i + 1]);
        }
        found.set(term, l = l.length ? l : null);
        return l;
      },
      all: function () {
        var seen = new Set();
        for (var i = 0; i < arr.length; i += 2) {
          if (typeof arr[i] === "number") i--; else seen.add(arr[i]);
        }
        return Array.from(seen);
      }
    };
    return new ShardIndex(lunr, src, meta.fields || ["title", "subtitle", "byline", "lead"], meta.boost, meta.avg,
                     meta.N, function (p, j, out) {
      var code = p[j + 1], tf = (code >> 2) & 63;
      out[0] = p[j]; out[1] = code & 3; out[3] = Math.floor(code / 256);
      if (tf === TF_ESC) { tf = p[j + 2]; j++; }
      out[2] = tf;
      return j + 2;
    });
  }

  /* A body shard of one issue: {n, avg, l: [lengths], x: ["term", [doc, tf, …], …]}
   * → its ShardIndex (field "body"); refs from `first` (the issue's first id). */
  function bodyIndex(lunr, data, first) {
    var x = data.x, lens = data.l;
    var src = {
      lists: function (term) {        // terms in UTF-16 order, as JS compares strings
        var lo = 0, hi = x.length >> 1;
        while (lo < hi) { var mid = (lo + hi) >> 1; if (x[2 * mid] < term) lo = mid + 1; else hi = mid; }
        return 2 * lo < x.length && x[2 * lo] === term ? [first, x[2 * lo + 1]] : null;
      },
      all: function () { return x.filter(function (_, i) { return !(i & 1); }); }
    };
    var built = new ShardIndex(lunr, src, ["body"], [1], [data.avg], data.n, function (p, j, out) {
      out[0] = p[j]; out[1] = 0; out[2] = p[j + 1]; out[3] = lens[p[j]];
      return j + 2;
    });
    built.lens = lens;
    return built;
  }

  /* lunr's query of `term` (one REQUIRED clause, no pipeline: the terms are the
   * index's own) over what the index holds, into `out` (Hits), for the documents
   * `ids` (null: all). A lone CJK character matches the terms it starts (a trailing
   * wildcard); lunr divides that score by the norm of the query vector, √(terms
   * expanded), multiplied back here so that a score is the sum of the matched
   * terms' and does not depend on which terms share the shard. */
  function queryInto(lunr, built, term, ids, out) {
    var single = isSingleCjk(term), scale = single ? Math.sqrt(built.expand(term).length) : 1;
    var hits = built.index.query(function (q) {
      q.term(term, { presence: lunr.Query.presence.REQUIRED, usePipeline: false,
                     wildcard: single ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE });
    });
    for (var i = 0; i < hits.length; i++) {
      var id = +hits[i].ref;
      if (!ids || ids.has(id)) out.add(id, hits[i].score * scale);
    }
  }

  /* `term`'s hits in a shard, all of them, by index.query over the lunr.Index
   * filled with every posting of the terms it stands for. Adds into `out`. */
  function indexHits(lunr, built, term, out) {
    var terms = built.expand(term);
    if (!terms.length) return;
    built.fill(terms, null);
    queryInto(lunr, built, term, null, out);
  }

  /* `term`'s hits in a shard, all of them, with lunr's scores computed from the
   * postings (step 1 above; a lone CJK character: indexHits). Adds into `out`.
   * The loops decode the postings inline (a hot term has 10⁴ of them) and compute
   * each weight exactly as ShardIndex.weight does. */
  function termHits(lunr, built, term, out) {
    if (isSingleCjk(term)) return indexHits(lunr, built, term, out);
    var lists = built.src.lists(term);
    if (!lists) return;
    var st = built.filled.get(term), idf = st ? st.idf : idfOf(built.count(lists), built.n);
    var boost = built.boost, c0 = built.c0, c1 = built.c1, score = out.score, ids = out.ids;
    var k, j, p, first, id, tf, f, len, w, lens = built.lens;
    if (lens) {                                  // body: [doc, tf, …], one field
      var b0 = boost[0], k0 = c0[0], k1 = c1[0];
      for (k = 0; k < lists.length; k += 2) {
        first = lists[k]; p = lists[k + 1];
        for (j = 0; j < p.length; j += 2) {
          tf = p[j + 1];
          w = Math.round(idf * (b0 * (K1 + 1) * tf / (k0 + k1 * lens[p[j]] + tf)) * 1000) / 1000;
          id = first + p[j];
          if (score[id] === 0) ids.push(id);
          score[id] += w;
        }
      }
      return;
    }
    var last = -1, acc = 0;                      // headline: [doc, code, …] by (doc, field)
    for (k = 0; k < lists.length; k += 2) {
      first = lists[k]; p = lists[k + 1];
      for (j = 0; j < p.length; j += 2) {
        var code = p[j + 1];
        id = first + p[j]; tf = (code >> 2) & 63; f = code & 3; len = Math.floor(code / 256);
        if (tf === TF_ESC) { tf = p[j + 2]; j++; }
        w = Math.round(idf * (boost[f] * (K1 + 1) * tf / (c0[f] + c1[f] * len + tf)) * 1000) / 1000;
        if (id === last) acc += w;               // a document's fields: summed in field order
        else {
          if (last >= 0) { if (score[last] === 0) ids.push(last); score[last] += acc; }   // out.add
          last = id; acc = w;
        }
      }
    }
    if (last >= 0) out.add(last, acc);
  }

  /* `term`'s hits among the documents `ids` (Set of global ids), by index.query
   * over the lunr.Index filled with their postings (step 2 above). Adds into `out`. */
  function lunrHits(lunr, built, term, ids, out) {
    var terms = built.expand(term);
    if (!terms.length) return;
    built.fill(terms, isSingleCjk(term) ? null : ids);
    queryInto(lunr, built, term, ids, out);
  }

  /* Global id of the first article of each issue, by ordinal (oldest = 0). */
  function firstIds(meta) {
    if (!meta._firsts) {
      var n = meta.issues.length;
      meta._firsts = meta.issues.map(function (_, o) { return meta.issues[n - 1 - o].a[0]; });
    }
    return meta._firsts;
  }

  // ------------------------------------------------------------------- engine
  /* opts: fetchJSON(relativePath) → Promise<object> (paths relative to search/);
   * lunr: the lunr module (default: the global the vendored script defines). */
  function Engine(opts) {
    this.fetchJSON = opts.fetchJSON;
    this.lunr = opts.lunr || (typeof lunr !== "undefined" ? lunr : null);   // eslint-disable-line no-undef
    if (this.lunr) registerPipeline(this.lunr);
    this.files = new Map();     // path → Promise<object>
    this.indexes = new Map();   // path → {index: lunr.Index, terms}, built when a query first needs it
    this.scored = new Map();    // path + term → Hits
    this.marks = opts.debug ? [] : null;   // [[label, ms since the query started], …]
    this.t0 = 0;
  }

  /* Timing marks for profiling (search page with ?debug=1: #search-results[data-timing]). */
  Engine.prototype.mark = function (label) {
    if (this.marks) this.marks.push([label, Math.round(now() - this.t0)]);
  };

  function now() { return typeof performance !== "undefined" ? performance.now() : Date.now(); }

  Engine.prototype.get = function (path) {
    if (!this.files.has(path)) {
      var p = this.fetchJSON(path);
      this.files.set(path, p);
      p.catch(function () {});
    }
    return this.files.get(path);
  };

  Engine.prototype.meta = function () { return this.get("meta.json"); };

  /* The lunr.Index of a loaded index file, built once (only files a query loaded,
   * when a query first needs them). */
  Engine.prototype.index = function (meta, job, data) {
    var built = this.indexes.get(job.path);
    if (!built) {
      if (!this.lunr) throw new Error("lunr.js is not loaded");
      built = job.head ? headIndex(this.lunr, data, meta) : bodyIndex(this.lunr, data, job.first);
      this.indexes.set(job.path, built);
    }
    return built;
  };

  /* A term's scores in one index file (Hits over global ids, every document holding
   * it: termHits), computed once: the headline-only and the full ranking of a query
   * share them. */
  Engine.prototype.fileHits = function (meta, job, data) {
    var key = job.path + "\n" + job.term, got = this.scored.get(key);
    if (!got) {
      got = new Hits(meta.N);
      termHits(this.lunr, this.index(meta, job, data), job.term, got);
      this.scored.set(key, got);
    }
    return got;
  };

  /* The headline shard files of the edition, by slot: names and hashes. */
  function headPath(meta, name) {
    if (!meta._slot) {
      meta._slot = new Map();
      var n = 0;
      for (var b = 0; b < meta.k; b++) {
        var m = (meta.hs && meta.hs[b]) || 1;
        for (var j = 0; j < m; j++) meta._slot.set(m === 1 ? String(b) : b + "-" + j, n++);
      }
    }
    var s = meta._slot.get(name);
    return "h/" + name + "." + meta.hh.substr(10 * s, 10) + ".json";
  }

  /* Every (file, term) pair the terms need: headline shards first (requested
   * first: the first results need only them), then the body shards of the given
   * issues (each job with the first id of its issue). */
  function termJobs(meta, terms, issues) {
    var jobs = [];
    terms.forEach(function (term) {
      shardNames(term, meta.k, meta.hs).forEach(function (n) {
        jobs.push({ term: term, path: headPath(meta, n), head: true });
      });
    });
    terms.forEach(function (term) {
      issues.forEach(function (is) {
        shardNames(term, is.k, is.s).forEach(function (n) {
          jobs.push({ term: term, path: "b/" + is.d + "." + n + "." + is.h + ".json", first: is.a[0] });
        });
      });
    });
    return jobs;
  }

  /* Pinyin tables for the Latin slots: Promise<Map letter → table>. */
  Engine.prototype.pinyinTables = function (meta, slots) {
    var self = this, py = meta.py || {}, letters = new Set();
    slots.forEach(function (s) {
      if (!s.cjk && /^[a-z]+$/.test(s.text) && py[s.text[0]]) letters.add(s.text[0]);
    });
    return Promise.all(Array.from(letters).map(function (l) {
      return self.get("py/" + l + "." + py[l] + ".json").then(function (t) { return [l, t]; });
    })).then(function (pairs) { return new Map(pairs); });
  };

  /* Pinyin alternatives for the Latin slots: [{text, terms, cjk, alts:[word…]}]. */
  function rewrite(tables, slots) {
    var out = [];
    for (var i = 0; i < slots.length; i++) {
      var s = slots[i];
      if (s.cjk || !/^[a-z]+$/.test(s.text) || !tables.has(s.text[0])) { out.push(s); continue; }
      var table = tables.get(s.text[0]);
      // "huai rou" → huairou: join following Latin slots when the join is a key
      var best = null, bestJ = i;
      var key = s.text;
      for (var j = i; j < slots.length && j < i + 4; j++) {
        if (j > i) {
          if (slots[j].cjk || !/^[a-z]+$/.test(slots[j].text)) break;
          key += slots[j].text;
        }
        if (Object.prototype.hasOwnProperty.call(table, key)) { best = key; bestJ = j; }
      }
      if (best === null) { out.push(s); continue; }
      var literal = slots.slice(i, bestJ + 1).map(function (x) { return x.text; });
      out.push({ text: best, terms: literal, cjk: false, alts: table[best].slice() });
      i = bestJ;
    }
    return out;
  }

  /* Run a query. opts.bodyIssues: how many issues (newest first) to search the
   * full text of (0: the headline index alone); opts.top: how many results (from
   * the first) get their scores from lunr's index.query over the documents' own
   * postings (the page the UI shows; default PAGE_SIZE; Infinity: all). Every
   * file the query needs is requested as soon as it is known: the literal terms'
   * shards at once, with the pinyin tables; the shards of pinyin alternatives when
   * their table arrives. opts.fetched: called when the files are in;
   * opts.unless (a Promise) and opts.grace (ms): once the files are in, wait up to
   * grace ms and resolve to null instead if `unless` resolves first (the UI's
   * headline-only search gives way to the full one when its files come as soon).
   * Resolves to {results:[{id, score, zh, body}], slots, needles, meta, bodyIssues}. */
  Engine.prototype.search = function (query, opts) {
    var self = this;
    opts = opts || {};
    var bodyIssues = opts.bodyIssues === undefined ? 1 : opts.bodyIssues;
    var top = opts.top === undefined ? PAGE_SIZE : opts.top;
    var mark = function (l) { self.mark(opts.marks === false ? "(" + l + ")" : l); };
    if (this.marks && opts.marks !== false) { this.marks.length = 0; this.t0 = now(); }
    return this.meta().then(function (meta) {
      mark("meta");
      var slots = querySlots(query);
      if (!slots.length) return { results: [], slots: [], needles: [], meta: meta, bodyIssues: 0 };
      var issues = meta.issues.slice(0, Math.max(0, bodyIssues)).filter(function (x) { return x.k > 0; });
      var jobs = [], seen = new Set();
      function need(terms) {
        terms = terms.filter(function (t) { return !seen.has(t) && seen.add(t); });
        termJobs(meta, terms, issues).forEach(function (j) { j.data = self.get(j.path); jobs.push(j); });
      }
      need([].concat.apply([], slots.map(function (s) { return s.terms; })));
      return self.pinyinTables(meta, slots).then(function (tables) {
        mark("pinyin");
        slots = rewrite(tables, slots);
        slots.forEach(function (s) { (s.alts || []).forEach(function (w) { need(tokenize(w)); }); });
        return Promise.all(jobs.map(function (j) { return j.data; }));
      }).then(function (datas) {
        mark("fetched " + jobs.length);
        if (opts.fetched) opts.fetched();
        if (!opts.unless) return datas;
        // give way to a search that will have its files within opts.grace ms
        return Promise.race([opts.unless.then(function () { return null; }), new Promise(function (resolve) {
          setTimeout(function () { resolve(datas); }, opts.grace || 0);
        })]);
      }).then(function (datas) {
        if (!datas) { mark("gave way"); return null; }
        // every result, ranked by lunr's scores computed from the postings …
        var hits = jobs.map(function (j, k) { return self.fileHits(meta, j, datas[k]); });
        mark("hits");
        var results = rank(meta, slots, seen, jobs, hits);
        mark("scored " + results.length);
        // … and the first `top` by lunr's index.query over their postings (their
        // records and texts requested first: the same documents, whatever their order)
        if (top > 0 && results.length) {
          var shown = results.slice(0, top), ids = new Set(shown.map(function (r) { return r.id; }));
          self.prefetch(meta, shown);
          mark("requested");
          // ranked over the page alone: its documents numbered 0 … in id order
          var page = Array.from(ids).sort(function (a, b) { return a - b; }), at = new Map();
          page.forEach(function (id, i) { at.set(id, i); });
          var again = rank({ N: page.length }, slots, seen, jobs, jobs.map(function (j, k) {
            var out = new Hits(page.length), put = out.add;
            out.add = function (id, sc) { put.call(this, at.get(id), sc); };
            if (isSingleCjk(j.term)) {       // its hits are index.query's already (indexHits)
              var all = self.fileHits(meta, j, datas[k]);
              page.forEach(function (id) { if (all.score[id] !== 0) out.add(id, all.score[id]); });
            } else {
              lunrHits(self.lunr, self.index(meta, j, datas[k]), j.term, ids, out);
            }
            return out;
          })).map(function (r) { r.id = page[r.id]; return r; });
          if (self.marks) {
            var want = new Map(shown.map(function (r) { return [r.id, r.score]; }));
            var same = again.length === shown.length && again.every(function (r) { return want.get(r.id) === r.score; });
            mark("lunr " + shown.length + (same ? "" : " (differs)"));
          }
          results = again.concat(results.slice(top));
        }
        var needles = [];
        slots.forEach(function (s) {
          needles.push(s.text);
          (s.alts || []).forEach(function (w) { needles.push(w); });
        });
        return { results: results, slots: slots, needles: needles, meta: meta, bodyIssues: issues.length };
      });
    });
  };

  /* Results from the hits of each job (file, term): a term's score is the sum of
   * its files' (one headline file, but a lone CJK character's terms in the parts
   * of a split bucket; one body file per issue); a slot's documents are those
   * holding every term of one of its alternatives (Chinese alternatives first,
   * then the best score); the query's, those of every slot, scores summed.
   * Sorted: Chinese matches first, then by score, then newest. */
  function rank(meta, slots, terms, jobs, hits) {
    var n = meta.N, views = new Map();   // term → its Hits: headline files first, then body files
    terms.forEach(function (t) { views.set(t, { head: [], all: [], size: 0 }); });
    jobs.forEach(function (j, k) {
      var v = views.get(j.term);
      if (j.head) v.head.push(hits[k]);
      v.all.push(hits[k]);
      v.size += hits[k].ids.length;
    });
    views.forEach(function (v) {          // headline files before body files, in job order
      v.all = v.head.concat(v.all.filter(function (h) { return v.head.indexOf(h) < 0; }));
    });
    // a term's score of a document: its files' scores added in that order (0 where none)
    function termScore(v, id) {
      for (var s = 0, i = 0; i < v.all.length; i++) s += v.all[i].score[id];
      return s;
    }
    var total = null, zh = new Uint8Array(n), slotScore = new Float64Array(n), slotZh = new Uint8Array(n);
    var totalScore = new Float64Array(n);
    slots.forEach(function (s) {
      var alts = [{ terms: s.terms, zh: s.cjk }];
      (s.alts || []).forEach(function (w) { alts.push({ terms: tokenize(w), zh: true }); });
      var ids = [];
      alts.forEach(function (alt) {
        var vs = alt.terms.map(function (t) { return views.get(t); });
        if (!vs.length) return;
        // candidates from the term with the fewest hits; scores summed in term order
        var few = vs.reduce(function (a, b) { return b.size < a.size ? b : a; });
        var az = alt.zh ? 1 : 0;
        few.all.forEach(function (list) {
          outer: for (var i = 0; i < list.ids.length; i++) {
            var id = list.ids[i], sc = 0;
            for (var k = 0; k < vs.length; k++) {
              for (var x = 0, all = vs[k].all, f = 0; f < all.length; f++) x += all[f].score[id];   // termScore
              if (x === 0) continue outer;
              sc += x;
            }
            if (slotScore[id] === 0) { ids.push(id); slotScore[id] = sc; slotZh[id] = az; }
            else if ((az && !slotZh[id]) || (az === slotZh[id] && sc > slotScore[id])) {
              slotScore[id] = sc; slotZh[id] = az;
            }
          }
        });
      });
      var next = [];
      if (total === null) {
        for (var i = 0; i < ids.length; i++) {
          var id = ids[i];
          totalScore[id] = slotScore[id]; zh[id] = slotZh[id]; next.push(id);
        }
      } else {
        for (i = 0; i < total.length; i++) {
          id = total[i];
          if (slotScore[id] > 0) { totalScore[id] += slotScore[id]; zh[id] |= slotZh[id]; next.push(id); }
        }
      }
      for (i = 0; i < ids.length; i++) { slotScore[ids[i]] = 0; slotZh[ids[i]] = 0; }
      total = next;
    });
    // Chinese matches first, then by score, then newest: the scores sorted natively,
    // each document put at the first free place of its score (documents by id, newest
    // first, so that equal scores keep that order)
    var byId = Int32Array.from(total || []).sort(), order = [];
    [1, 0].forEach(function (want) {
      var group = [], i;
      for (i = byId.length - 1; i >= 0; i--) if (zh[byId[i]] === want) group.push(byId[i]);
      var m = group.length, keys = new Float64Array(m), used = new Int32Array(m), base = order.length;
      for (i = 0; i < m; i++) keys[i] = -totalScore[group[i]];
      keys.sort();
      for (i = 0; i < m; i++) {
        var key = -totalScore[group[i]], lo = 0, hi = m;
        while (lo < hi) { var mid = (lo + hi) >> 1; if (keys[mid] < key) lo = mid + 1; else hi = mid; }
        order[base + lo + used[lo]++] = group[i];
      }
    });
    var heads = [];
    views.forEach(function (v) { heads.push.apply(heads, v.head); });
    return order.map(function (id) {
      var inHead = false;
      for (var i = 0; i < heads.length && !inHead; i++) inHead = heads[i].score[id] !== 0;
      return { id: id, score: totalScore[id], zh: !!zh[id], body: !inHead };
    });
  }

  /* The meta.json issue entry holding global id `id` (entries newest first,
   * each with its id range a: [first, end)). */
  function issueOf(meta, id) {
    var lo = 0, hi = meta.issues.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1, a = meta.issues[mid].a;
      if (id < a[0]) lo = mid + 1; else if (id >= a[1]) hi = mid - 1; else return meta.issues[mid];
    }
    return null;
  }

  /* Per-issue chunks by local number: {id → {issue, local, path, at}}. */
  function chunkOf(meta, id, folder, size) {
    var issue = issueOf(meta, id);
    if (!issue || !issue.h) return null;
    var local = id - issue.a[0], c = Math.floor(local / size);
    return { issue: issue, local: local, at: local - c * size,
             path: folder + "/" + issue.d + "." + c + "." + issue.h + ".json" };
  }

  /* Request the files details() will need for these results (Engine.get keeps them). */
  Engine.prototype.prefetch = function (meta, results) {
    var self = this;
    results.forEach(function (r) {
      var w = chunkOf(meta, r.id, "s", meta.s), t = r.body && chunkOf(meta, r.id, "t", meta.tc);
      if (w) self.get(w.path);
      if (t) self.get(t.path);
    });
  };

  /* Store records for result ids: Map id → {title, page, pageName, slug, snippet,
   * byline, subtitle, issue (its meta.json entry)}. */
  Engine.prototype.records = function (meta, ids) {
    var self = this, want = ids.map(function (id) { return chunkOf(meta, id, "s", meta.s); });
    return Promise.all(want.map(function (w) { return w ? self.get(w.path) : null; })).then(function (chunks) {
      var out = new Map();
      ids.forEach(function (id, n) {
        var w = want[n], r = chunks[n] && chunks[n][w.at];
        if (!r) return;
        out.set(id, { title: r[0], page: r[1], pageName: r[2], slug: r[3], snippet: r[4], byline: r[5],
                      subtitle: r[6] || "", issue: w.issue });
      });
      return out;
    });
  };

  /* Article texts (bodies) for ids: Map id → text. An issue's texts come in chunks
   * of meta.tc by local number: {a: first local number, t: [text…]}. */
  Engine.prototype.texts = function (meta, ids) {
    var self = this, want = [];
    ids.forEach(function (id) {
      var w = chunkOf(meta, id, "t", meta.tc);
      if (w) { w.id = id; want.push(w); }
    });
    return Promise.all(want.map(function (w) {
      return self.get(w.path).then(function (chunk) { return chunk; }, function () { return null; });
    })).then(function (chunks) {
      var out = new Map();
      want.forEach(function (w, n) {
        var chunk = chunks[n], text = chunk && chunk.t[w.local - chunk.a];
        if (typeof text === "string") out.set(w.id, text);
      });
      return out;
    });
  };

  function headText(rec) {
    return rec.title + " " + rec.snippet + " " + rec.byline + " " + rec.subtitle;
  }

  /* Store records and, for results found only in article bodies, their texts,
   * fetched in one round; then per result a snippet around the first match (body
   * hits; a headline hit's match is in its title, byline, subtitle or stored
   * snippet, the first 100 characters of the lead, as indexed) and whether it holds
   * each long CJK phrase of the query as typed (the bigram cover also matches
   * 思想…道德…建设 apart; body texts have column breaks joined, so a phrase split
   * across columns still counts). Resolves to {recs, snippets, phrase: Set of ids}. */
  Engine.prototype.details = function (meta, results, res) {
    var self = this, ids = results.map(function (r) { return r.id; });
    var bodyIds = results.filter(function (r) { return r.body; }).map(function (r) { return r.id; });
    var re = needleRegExp(res.needles);
    return Promise.all([this.records(meta, ids), this.texts(meta, bodyIds)]).then(function (got) {
      var recs = got[0], texts = got[1], snippets = new Map(), phrase = new Set();
      var phrases = phraseSets(res.slots);
      ids.forEach(function (id) {
        var rec = recs.get(id), text = texts.get(id);
        if (!rec) return;
        var head = headText(rec);
        if (re) re.lastIndex = 0;
        if (text && re && !re.test(head)) {
          re.lastIndex = 0;
          var m = re.exec(text);
          if (m) {
            var start = Math.max(0, m.index - 30);
            snippets.set(id, (start > 0 ? "…" : "") + text.slice(start, m.index + 70).replace(/\s+/g, " "));
          }
        } else if (re && !(re.lastIndex = 0) && !re.test(rec.title + " " + rec.snippet + " " + rec.byline) &&
                   rec.subtitle) {
          snippets.set(id, rec.subtitle + " —— " + rec.snippet);
        }
        if (re) re.lastIndex = 0;
        // a phrase (normalised) found as typed is found in the normalised text too
        var raw = head + " " + (text || ""), compact = null;
        if (phrases.every(function (alts) {
          return alts.some(function (p) {
            if (raw.indexOf(p) >= 0) return true;
            if (compact === null) compact = normalize(raw).replace(/ /g, "");
            return compact.indexOf(p) >= 0;
          });
        })) phrase.add(id);
      });
      self.mark("details");
      return { recs: recs, snippets: snippets, phrase: phrase };
    });
  };

  /* Per query slot whose terms do not pin its characters together (a CJK run of
   * 3 or more characters, or pinyin standing for such words): the phrases any of
   * which an exact match holds. */
  function phraseSets(slots) {
    var out = [];
    (slots || []).forEach(function (s) {
      var alts = [];
      if (s.cjk && Array.from(s.text).length >= 3) alts.push(s.text);
      (s.alts || []).forEach(function (w) { alts.push(normalize(w).replace(/ /g, "")); });
      if (alts.length && alts.every(function (p) { return Array.from(p).length >= 3; })) out.push(alts);
    });
    return out;
  }

  /* Results in display order: as ranked, except that within the fetched window
   * exact phrase matches come before bigram-only matches (Chinese first still). */
  function phraseFirst(shown, phrase) {
    return shown.map(function (r, i) { return { r: r, i: i, p: phrase.has(r.id) ? 1 : 0 }; })
      .sort(function (a, b) { return (b.r.zh - a.r.zh) || (b.p - a.p) || (a.i - b.i); })
      .map(function (x) { return x.r; });
  }

  function pad2(n) { return (n < 10 ? "0" : "") + n; }

  Engine.prototype.resultURL = function (meta, rec) {
    return rec.issue.d + "/" + pad2(rec.page) + "/" + rec.slug + "/";
  };

  // ----------------------------------------------------------------------- UI
  var PAGE_SIZE = 10, MORE_ISSUES = 10;   // results per page (as Baidu and Google show); issues per "more"
  var GRACE = 50;     // ms the headline-only results wait for the full text's files before they are ranked

  function escapeHTML(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function needleRegExp(needles) {
    var parts = needles.filter(function (n) { return n && n.length; })
      .sort(function (a, b) { return b.length - a.length; })
      .map(function (n) { return n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    return parts.length ? new RegExp("(" + parts.join("|") + ")", "giu") : null;
  }

  function highlight(text, needles) {
    var re = needleRegExp(needles);
    if (!re) return escapeHTML(text);
    var out = "", last = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (!m[0].length) { re.lastIndex++; continue; }
      out += escapeHTML(text.slice(last, m.index)) + "<mark>" + escapeHTML(m[0]) + "</mark>";
      last = m.index + m[0].length;
    }
    return out + escapeHTML(text.slice(last));
  }

  function cnDate(iso) {
    var p = iso.split("-");
    return p[0] + "年" + p[1] + "月" + p[2] + "日";
  }

  function boot() {
    var start = function () {
      var app = document.getElementById("search-app");
      var out = document.getElementById("search-results");
      if (!app || !out) return;
      var indexBase = new URL(app.getAttribute("data-index"), document.baseURI);
      var siteRoot = new URL(app.getAttribute("data-root"), document.baseURI);
      var debug = new URL(location.href).searchParams.has("debug");
      var engine = new Engine({
        debug: debug,
        fetchJSON: function (path) {
          var short = path.split(".")[0];
          return fetch(new URL(path, indexBase)).then(function (r) {
            if (!r.ok) throw new Error(r.status + " " + path);
            if (debug) engine.mark("<" + short);
            return r.json();
          }).then(function (data) {
            if (debug) engine.mark(">" + short);
            return data;
          });
        }
      });
      var form = document.getElementById("search-form");
      var input = document.getElementById("search-input");
      var state = { query: "", bodyIssues: 1, shown: PAGE_SIZE, run: 0 };
      var baseTitle = document.title;

      /* Results into the page. `partial`: from the headline index alone, while the
       * full text of the newest issues is still on its way (shown first, replaced
       * when it arrives: #search-results[data-state] is "shown", then "done"). */
      function render(res, d, t0, partial) {
        var meta = res.meta, results = res.results, recs = d.recs, snippets = d.snippets;
        var shown = phraseFirst(results.slice(0, state.shown), d.phrase);
        var total = meta.issues.length;
        var scope = "标题、导语：全部 " + total + " 期；正文：" + (partial ? "检索中" :
          res.bodyIssues >= total ? "全部 " + total + " 期" : "最近 " + res.bodyIssues + " 期");
        var html = '<p class="search-status" role="status">“' + escapeHTML(state.query) + "” 找到 " +
          results.length + " 篇文章（" + scope + "）</p>";
        if (shown.length) {
          html += '<ol class="search-hits">';
          shown.forEach(function (r) {
            var rec = recs.get(r.id);
            if (!rec) return;
            var href = new URL(engine.resultURL(meta, rec), siteRoot), day = rec.issue.d;
            html += '<li class="search-hit"><a href="' + escapeHTML(href.pathname + href.search) + '">' +
              '<span class="hit-title">' + highlight(rec.title, res.needles) + "</span>" +
              '<span class="hit-meta"><time datetime="' + day + '">' + cnDate(day) + "</time> · 第" +
              pad2(rec.page) + "版" + (rec.pageName ? " " + escapeHTML(rec.pageName) : "") +
              (rec.byline ? " · " + highlight(rec.byline, res.needles) : "") + "</span>" +
              '<span class="hit-snippet">' + highlight(snippets.get(r.id) || rec.snippet, res.needles) +
              "…</span></a></li>";
          });
          html += "</ol>";
        } else if (!partial) {
          html += '<p class="search-empty">没有找到相关文章。可以换个说法，或用拼音试试。</p>';
        }
        var buttons = "";
        if (!partial) {
          if (results.length > state.shown) buttons += '<button type="button" data-more="results">显示更多结果</button>';
          if (res.bodyIssues < total) {
            buttons += '<button type="button" data-more="issues">在更早 ' +
              Math.min(MORE_ISSUES, total - res.bodyIssues) + " 期的正文中搜索</button>";
          }
        }
        if (buttons) html += '<p class="search-more">' + buttons + "</p>";
        // keep the keyboard focus on the same place in the list across a re-render
        var links = out.querySelectorAll(".search-hit a");
        var focused = Array.prototype.indexOf.call(links, document.activeElement);
        out.innerHTML = html;
        if (focused >= 0) {
          links = out.querySelectorAll(".search-hit a");
          if (links.length) links[Math.min(focused, links.length - 1)].focus();
        }
        var ms = String(Math.round(performance.now() - t0));
        if (!out.hasAttribute("data-ms")) out.setAttribute("data-ms", ms);
        if (!partial) out.setAttribute("data-ms-done", ms);
        if (engine.marks) {
          engine.mark(partial ? "shown (headlines)" : "shown");
          out.setAttribute("data-timing", "t0@" + Math.round(engine.t0) + " " +
                           engine.marks.map(function (m) { return m.join(":"); }).join(" "));
        }
        out.setAttribute("data-count", String(results.length));
        out.setAttribute("data-state", partial ? "shown" : "done");
      }

      /* A query: the headline index alone and, at the same time, with the full text
       * of the newest issues; the first to have its records shows first. */
      function run(push) {
        var q = state.query, my = ++state.run, t0 = performance.now();
        out.setAttribute("data-state", "busy");
        out.removeAttribute("data-ms");
        out.removeAttribute("data-ms-done");
        if (!q.trim()) { out.innerHTML = ""; out.setAttribute("data-state", "done"); return Promise.resolve(); }
        if (push) {
          var u = new URL(location.href);
          u.searchParams.set("q", q);
          history.pushState(null, "", u.pathname + u.search);
        }
        document.title = q + " · " + baseTitle;
        var complete = false;
        engine.scored.clear();    // scores are kept for this query's two rankings only
        function withDetails(res) {
          return engine.details(res.meta, res.results.slice(0, state.shown), res).then(function (d) {
            return [res, d];
          });
        }
        var fetched, fullFetched = new Promise(function (resolve) { fetched = resolve; });
        var full = engine.search(q, { bodyIssues: state.bodyIssues, top: state.shown, fetched: fetched })
          .then(withDetails);
        // the headline index alone, unless the full text comes within GRACE ms of it
        var first = state.bodyIssues > 0 ? engine.search(q, {
          bodyIssues: 0, top: state.shown, marks: false, unless: fullFetched, grace: GRACE
        }).then(function (res) { return res && withDetails(res); }) : null;
        if (first) {
          first.then(function (got) {
            if (got && my === state.run && !complete) render(got[0], got[1], t0, true);
          }, function () {});
        }
        return full.then(function (got) {
          complete = true;
          if (my === state.run) render(got[0], got[1], t0, false);
        }).catch(function (err) {
          if (my !== state.run) return;
          out.innerHTML = '<p class="search-error" role="alert">搜索出错：' + escapeHTML(err.message) + "</p>";
          out.setAttribute("data-state", "error");
        });
      }

      function fromLocation() {
        var q = new URL(location.href).searchParams.get("q") || "";
        state.query = q; state.bodyIssues = 1; state.shown = PAGE_SIZE;
        if (input) input.value = q;
        document.querySelectorAll('input[name="q"]').forEach(function (el) { if (el !== input) el.value = q; });
        return run(false);
      }

      if (form) {
        form.addEventListener("submit", function (e) {
          e.preventDefault();
          state.query = input.value; state.bodyIssues = 1; state.shown = PAGE_SIZE;
          run(true);
        });
      }
      window.addEventListener("popstate", fromLocation);
      out.addEventListener("click", function (e) {
        var b = e.target.closest && e.target.closest("button[data-more]");
        if (!b) return;
        if (b.getAttribute("data-more") === "results") state.shown += PAGE_SIZE;
        else state.bodyIssues += MORE_ISSUES;
        run(false).then(function () {
          var links = out.querySelectorAll(".search-hit a");
          if (links.length) links[Math.min(links.length - 1, Math.max(0, state.shown - PAGE_SIZE))].focus();
        });
      });
      // keyboard: ↓/↑ move between the search box and the results; / focuses the box
      document.addEventListener("keydown", function (e) {
        var links = Array.prototype.slice.call(out.querySelectorAll(".search-hit a"));
        var i = links.indexOf(document.activeElement);
        if (e.key === "ArrowDown" && (document.activeElement === input || i >= 0)) {
          if (i + 1 < links.length) { links[i + 1].focus(); e.preventDefault(); }
        } else if (e.key === "ArrowUp" && i >= 0) {
          if (i > 0) links[i - 1].focus(); else if (input) input.focus();
          e.preventDefault();
        } else if (e.key === "/" && input && document.activeElement !== input &&
                   !/^(INPUT|TEXTAREA|SELECT)$/.test((document.activeElement || {}).tagName || "")) {
          input.focus(); input.select(); e.preventDefault();
        }
      });
      fromLocation();
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }

  return {
    tokenize: tokenize, querySlots: querySlots, normalize: normalize, isCjkCode: isCjkCode,
    Hits: Hits, headIndex: headIndex, bodyIndex: bodyIndex, indexHits: indexHits, termHits: termHits,
    lunrHits: lunrHits, firstIds: firstIds, phraseFirst: phraseFirst, issueOf: issueOf,
    shardOf: shardOf, shardNames: shardNames, registerPipeline: registerPipeline, Engine: Engine, highlight: highlight,
    boot: boot
  };
});
