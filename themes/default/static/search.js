/* Banmian search (issue #4): Chinese full-text search over static lunr indexes.
 *
 * The tokenizer below is the twin of generator/search/tokenize.py and must give
 * byte-identical tokens (tests/search/test_tokenize.py runs both over the seed
 * text). The engine loads only the index shards a query needs: the headline
 * index (title, subtitle, byline, lead) of the whole archive, term-sharded, and
 * the body index of the current issue, then of older issues on request.
 * Everything is fetched relative to the search page: no other host is asked.
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

  /* lunr pipeline function under the label the Python builder serialises. */
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

  /* One index file, queried for exact terms without lunr.Index.load (which builds
   * a TokenSet of every term and a Vector per field vector: the bulk of a cold
   * query's time on big shards). Scores are lunr's for a one-term query: the sum
   * over fields of the field vector's value at the term (the query vector has
   * one element of boost 1, magnitude 1); tests/search checks equality with
   * lunr.js. The serialised invertedIndex is in UTF-16 order, the order of JS
   * string comparison: binary search. */
  function Shard(data) { this.data = data; this.vectors = null; }

  Shard.prototype.posting = function (term) {
    var inv = this.data.invertedIndex, lo = 0, hi = inv.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1, t = inv[mid][0];
      if (t === term) return inv[mid][1];
      if (t < term) lo = mid + 1; else hi = mid - 1;
    }
    return null;
  };

  Shard.prototype.vector = function (fieldRef) {
    if (!this.vectors) {
      this.vectors = new Map();
      var fv = this.data.fieldVectors;
      for (var i = 0; i < fv.length; i++) this.vectors.set(fv[i][0], fv[i][1]);
    }
    return this.vectors.get(fieldRef);
  };

  function valueAt(elements, index) {
    var lo = 0, hi = (elements.length >> 1) - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1, v = elements[2 * mid];
      if (v === index) return elements[2 * mid + 1];
      if (v < index) lo = mid + 1; else hi = mid - 1;
    }
    return 0;
  }

  /* ref → score for one term (lunr's query semantics, see Shard). */
  Shard.prototype.termScores = function (term) {
    var out = new Map(), posting = this.posting(term);
    if (!posting) return out;
    var fields = this.data.fields, index = posting._index;
    for (var f = 0; f < fields.length; f++) {
      var refs = posting[fields[f]];
      if (!refs) continue;
      for (var ref in refs) {
        var v = this.vector(fields[f] + "/" + ref), s = v ? valueAt(v, index) : 0;
        out.set(ref, (out.get(ref) || 0) + s);
      }
    }
    return out;
  };

  // ------------------------------------------------------------------- engine
  /* opts: lunr, fetchJSON(relativePath) → Promise<object> (paths relative to search/) */
  function Engine(opts) {
    this.lunr = opts.lunr;
    this.fetchJSON = opts.fetchJSON;
    this.files = new Map();     // path → Promise<object>
    this.indexes = new Map();   // path → Promise<lunr.Index>
    this.shards = new Map();    // path → Promise<Shard>
    this.marks = opts.debug ? [] : null;   // [[label, ms since the query started], …]
    this.t0 = 0;
    registerPipeline(this.lunr);
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

  Engine.prototype.index = function (path) {
    var self = this;
    if (!this.indexes.has(path)) {
      this.indexes.set(path, this.get(path).then(function (data) { return self.lunr.Index.load(data); }));
    }
    return this.indexes.get(path);
  };

  Engine.prototype.shard = function (path) {
    if (!this.shards.has(path)) {
      this.shards.set(path, this.get(path).then(function (data) { return new Shard(data); }));
    }
    return this.shards.get(path);
  };

  /* What termHits needs for a term in an index file: a Shard for whole terms, a
   * loaded lunr.Index for a lone CJK character (a prefix query). */
  Engine.prototype.source = function (path, term) {
    return isSingleCjk(term) ? this.index(path) : this.shard(path);
  };

  /* doc id → score for one term in one index (a Shard or a lunr.Index). A lone
   * CJK character (1-char query) also matches the bigrams it starts. Refs are
   * base 36; an issue's body index numbers its articles locally, from `base`
   * (the issue's first global id). */
  Engine.prototype.termHits = function (idx, term, base) {
    var lunr = this.lunr, out = new Map();
    base = base || 0;
    if (idx instanceof Shard) {
      idx.termScores(term).forEach(function (score, ref) { out.set(base + parseInt(ref, 36), score); });
      return out;
    }
    var single = isSingleCjk(term);
    var hits = idx.query(function (q) {
      q.term(term, { presence: lunr.Query.presence.REQUIRED, usePipeline: false });
    });
    if (single) {
      hits = hits.concat(idx.query(function (q) {
        q.term(term, { presence: lunr.Query.presence.REQUIRED, usePipeline: false,
                       wildcard: lunr.Query.wildcard.TRAILING });
      }));
    }
    hits.forEach(function (h) {
      var id = base + parseInt(h.ref, 36);
      out.set(id, Math.max(out.get(id) || 0, h.score));
    });
    return out;
  };

  /* Pinyin alternatives for the Latin slots: [{text, terms, cjk, alts:[word…]}]. */
  Engine.prototype.rewrite = function (meta, slots) {
    var self = this, py = meta.py || {};
    var letters = new Set();
    slots.forEach(function (s) {
      if (!s.cjk && /^[a-z]+$/.test(s.text) && py[s.text[0]]) letters.add(s.text[0]);
    });
    return Promise.all(Array.from(letters).map(function (l) {
      return self.get("py/" + l + "." + py[l] + ".json").then(function (t) { return [l, t]; });
    })).then(function (pairs) {
      var tables = new Map(pairs);
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
    });
  };

  /* Run a query. opts.bodyIssues: how many issues (newest first) to search the
   * full text of. Resolves to {results:[{id, score, zh}], scope, slots, needles}. */
  Engine.prototype.search = function (query, opts) {
    var self = this;
    opts = opts || {};
    var bodyIssues = opts.bodyIssues === undefined ? 1 : opts.bodyIssues;
    if (this.marks) { this.marks.length = 0; this.t0 = now(); }
    return this.meta().then(function (meta) {
      self.mark("meta");
      var slots = querySlots(query);
      if (!slots.length) return { results: [], slots: [], needles: [], meta: meta, bodyIssues: 0 };
      return self.rewrite(meta, slots).then(function (slots) {
        self.mark("pinyin");
        var issues = meta.issues.slice(0, Math.max(0, bodyIssues)).filter(function (x) { return x.k > 0; });
        // alternatives per slot: [{terms, zh}]
        var altsPerSlot = slots.map(function (s) {
          var alts = [{ terms: s.terms, zh: s.cjk }];
          (s.alts || []).forEach(function (w) { alts.push({ terms: tokenize(w), zh: true, word: w }); });
          return alts;
        });
        var terms = new Set();
        altsPerSlot.forEach(function (alts) { alts.forEach(function (a) { a.terms.forEach(function (t) { terms.add(t); }); }); });
        var termList = Array.from(terms);
        // every (index file, term) pair the query needs
        var jobs = [];
        termList.forEach(function (t) {
          shardNames(t, meta.k, meta.hs).forEach(function (n) {
            jobs.push({ term: t, path: "h/" + n + "." + meta.h + ".json" });
          });
          issues.forEach(function (is) {
            shardNames(t, is.k, is.s).forEach(function (n) {
              jobs.push({ term: t, path: "b/" + is.d + "." + n + "." + is.h + ".json", base: is.a[0] });
            });
          });
        });
        return Promise.all(jobs.map(function (j) { return self.get(j.path); })).then(function () {
          self.mark("fetched " + jobs.length);
          return Promise.all(jobs.map(function (j) { return self.source(j.path, j.term); }));
        }).then(function (idxs) {
          self.mark("loaded");
          var hitsByTerm = new Map(), inHead = new Set();
          termList.forEach(function (t) { hitsByTerm.set(t, new Map()); });
          jobs.forEach(function (j, n) {
            var acc = hitsByTerm.get(j.term);
            self.termHits(idxs[n], j.term, j.base).forEach(function (score, ref) {
              acc.set(ref, (acc.get(ref) || 0) + score);
              if (j.base === undefined) inHead.add(ref);
            });
          });
          var total = null;   // ref → {score, zh}
          altsPerSlot.forEach(function (alts) {
            var slotHits = new Map();
            alts.forEach(function (alt) {
              var docs = null;
              alt.terms.forEach(function (t) {
                var h = hitsByTerm.get(t), next = new Map();
                if (docs === null) h.forEach(function (s, r) { next.set(r, s); });
                else docs.forEach(function (s, r) { if (h.has(r)) next.set(r, s + h.get(r)); });
                docs = next;
              });
              (docs || new Map()).forEach(function (s, r) {
                var prev = slotHits.get(r);
                if (!prev || (alt.zh && !prev.zh) || (alt.zh === prev.zh && s > prev.score)) {
                  slotHits.set(r, { score: s, zh: alt.zh });
                }
              });
            });
            if (total === null) { total = slotHits; return; }
            var next = new Map();
            total.forEach(function (v, r) {
              var w = slotHits.get(r);
              if (w) next.set(r, { score: v.score + w.score, zh: v.zh || w.zh });
            });
            total = next;
          });
          var results = [];
          (total || new Map()).forEach(function (v, r) {
            results.push({ id: r, ref: r.toString(36), score: v.score, zh: v.zh, body: !inHead.has(r) });
          });
          results.sort(function (a, b) {
            return (b.zh - a.zh) || (b.score - a.score) || (b.id - a.id);
          });
          self.mark("scored");
          var needles = [];
          slots.forEach(function (s, i) {
            needles.push(s.text);
            (s.alts || []).forEach(function (w) { needles.push(w); });
          });
          return { results: results, slots: slots, needles: needles, meta: meta, bodyIssues: issues.length };
        });
      });
    });
  };

  /* Store records for result ids: {id → [title, issueIdx, page, pageName, slug, snippet, byline]}. */
  Engine.prototype.records = function (meta, ids) {
    var self = this, chunks = new Set();
    ids.forEach(function (id) { chunks.add(Math.floor(id / meta.s)); });
    var list = Array.from(chunks);
    return Promise.all(list.map(function (c) { return self.get("s/" + c + "." + meta.sh + ".json"); }))
      .then(function (datas) {
        var out = new Map();
        ids.forEach(function (id) {
          var c = Math.floor(id / meta.s);
          out.set(id, datas[list.indexOf(c)][id - c * meta.s]);
        });
        return out;
      });
  };

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

  /* Article texts (bodies) for ids of searched issues: {id → text}. An issue's
   * texts come in chunks of meta.tc by local number: {a: first local number, t: [text…]}. */
  Engine.prototype.texts = function (meta, ids) {
    var self = this, want = [];
    ids.forEach(function (id) {
      var issue = issueOf(meta, id);
      if (!issue || !issue.h) return;
      var local = id - issue.a[0], c = Math.floor(local / meta.tc);
      want.push({ id: id, local: local, path: "t/" + issue.d + "." + c + "." + issue.h + ".json" });
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

  /* Store records and, for results found only in article bodies, their texts,
   * fetched in one round; then per result a snippet around the first match (body
   * hits) and whether it holds each long CJK phrase of the query as typed (the
   * bigram cover also matches 思想…道德…建设 apart; body texts have column
   * breaks joined, so a phrase split across columns still counts).
   * Resolves to {recs, snippets, phrase: Set of ids}. */
  Engine.prototype.details = function (meta, results, res) {
    var self = this, ids = results.map(function (r) { return r.id; });
    var bodyIds = results.filter(function (r) { return r.body; }).map(function (r) { return r.id; });
    var re = needleRegExp(res.needles);
    return Promise.all([this.records(meta, ids), this.texts(meta, bodyIds)]).then(function (got) {
      // rarely, a headline hit shows no match in title, lead or byline (it is in the
      // subtitle or further into the lead): its text too, for a snippet
      var missing = re ? ids.slice(0, SNIPPETS).filter(function (id) {
        var rec = got[0].get(id);
        re.lastIndex = 0;
        return !got[1].has(id) && !re.test(rec[0] + " " + rec[5] + " " + (rec[6] || ""));
      }) : [];
      if (!missing.length) return got;
      return self.texts(meta, missing).then(function (more) {
        more.forEach(function (t, id) { got[1].set(id, t); });
        return got;
      });
    }).then(function (got) {
      var recs = got[0], texts = got[1], snippets = new Map(), phrase = new Set();
      var phrases = phraseSets(res.slots);
      ids.forEach(function (id) {
        if (re) re.lastIndex = 0;
        var rec = recs.get(id), text = texts.get(id);
        var head = rec[0] + " " + rec[5] + " " + (rec[6] || "");
        if (text && re && !re.test(head)) {
          re.lastIndex = 0;
          var m = re.exec(text);
          if (m) {
            var start = Math.max(0, m.index - 30);
            snippets.set(id, (start > 0 ? "…" : "") + text.slice(start, m.index + 70).replace(/\s+/g, " "));
          }
        }
        if (re) re.lastIndex = 0;
        var compact = normalize(head + " " + (text || "")).replace(/ /g, "");
        if (phrases.every(function (alts) { return alts.some(function (p) { return compact.indexOf(p) >= 0; }); })) {
          phrase.add(id);
        }
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

  Engine.prototype.resultURL = function (meta, rec) {
    var issue = meta.issues[rec[1]];
    var page = (rec[2] < 10 ? "0" : "") + rec[2];
    return issue.d + "/" + page + "/" + rec[4] + "/";
  };

  // ----------------------------------------------------------------------- UI
  var PAGE_SIZE = 20, MORE_ISSUES = 10, SNIPPETS = 10;

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
      if (!app || !out || typeof lunr === "undefined") return;
      var indexBase = new URL(app.getAttribute("data-index"), document.baseURI);
      var siteRoot = new URL(app.getAttribute("data-root"), document.baseURI);
      var debug = new URL(location.href).searchParams.has("debug");
      var engine = new Engine({
        lunr: lunr, debug: debug,
        fetchJSON: function (path) {
          return fetch(new URL(path, indexBase)).then(function (r) {
            if (!r.ok) throw new Error(r.status + " " + path);
            return r.json();
          });
        }
      });
      var form = document.getElementById("search-form");
      var input = document.getElementById("search-input");
      var state = { query: "", bodyIssues: 1, shown: PAGE_SIZE, run: 0 };
      var baseTitle = document.title;

      function render(res, t0) {
        var meta = res.meta, results = res.results;
        var shown = results.slice(0, state.shown);
        return engine.details(meta, shown, res).then(function (d) {
          var recs = d.recs, snippets = d.snippets;
          shown = phraseFirst(shown, d.phrase);
          var total = meta.issues.length;
          var scope = "标题、导语：全部 " + total + " 期；正文：" +
            (res.bodyIssues >= total ? "全部 " + total + " 期" : "最近 " + res.bodyIssues + " 期");
          var html = '<p class="search-status" role="status">“' + escapeHTML(state.query) + "” 找到 " +
            results.length + " 篇文章（" + scope + "）</p>";
          if (shown.length) {
            html += '<ol class="search-hits">';
            shown.forEach(function (r) {
              var rec = recs.get(r.id), issue = meta.issues[rec[1]];
              var href = new URL(engine.resultURL(meta, rec), siteRoot);
              var page = (rec[2] < 10 ? "0" : "") + rec[2];
              html += '<li class="search-hit"><a href="' + escapeHTML(href.pathname + href.search) + '">' +
                '<span class="hit-title">' + highlight(rec[0], res.needles) + "</span>" +
                '<span class="hit-meta"><time datetime="' + issue.d + '">' + cnDate(issue.d) + "</time> · 第" +
                page + "版" + (rec[3] ? " " + escapeHTML(rec[3]) : "") +
                (rec[6] ? " · " + highlight(rec[6], res.needles) : "") + "</span>" +
                '<span class="hit-snippet">' + highlight(snippets.get(r.id) || rec[5], res.needles) +
                "…</span></a></li>";
            });
            html += "</ol>";
          } else {
            html += '<p class="search-empty">没有找到相关文章。可以换个说法，或用拼音试试。</p>';
          }
          var buttons = "";
          if (results.length > state.shown) buttons += '<button type="button" data-more="results">显示更多结果</button>';
          if (res.bodyIssues < total) {
            buttons += '<button type="button" data-more="issues">在更早 ' +
              Math.min(MORE_ISSUES, total - res.bodyIssues) + " 期的正文中搜索</button>";
          }
          if (buttons) html += '<p class="search-more">' + buttons + "</p>";
          out.innerHTML = html;
          out.setAttribute("data-ms", String(Math.round(performance.now() - t0)));
          if (engine.marks) {
            engine.mark("shown");
            out.setAttribute("data-timing", engine.marks.map(function (m) { return m.join(":"); }).join(" "));
          }
          out.setAttribute("data-count", String(results.length));
          out.setAttribute("data-state", "done");
        });
      }

      function run(push) {
        var q = state.query, my = ++state.run, t0 = performance.now();
        out.setAttribute("data-state", "busy");
        if (!q.trim()) { out.innerHTML = ""; out.setAttribute("data-state", "done"); return Promise.resolve(); }
        if (push) {
          var u = new URL(location.href);
          u.searchParams.set("q", q);
          history.pushState(null, "", u.pathname + u.search);
        }
        document.title = q + " · " + baseTitle;
        return engine.search(q, { bodyIssues: state.bodyIssues }).then(function (res) {
          if (my !== state.run) return;
          return render(res, t0);
        }).catch(function (err) {
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
    Shard: Shard, phraseFirst: phraseFirst, issueOf: issueOf,
    shardOf: shardOf, shardNames: shardNames, registerPipeline: registerPipeline, Engine: Engine, highlight: highlight,
    boot: boot
  };
});
