// The in-page side of runEngines (perf_engines_test.go): builds MiniSearch
// and Lunr indexes of window.__engines.docs and times queries against them.
// The Go side evaluates the libraries (from .cache/npm, never the network)
// before this file, then drives everything through window.__engines.
(() => {
  "use strict";

  const E = (window.__engines = { docs: [], idx: null, engine: "", json: "" });

  // The Go side sends the documents in chunks of a few MB of JSON each.
  E.addDocs = (chunk) => {
    for (const d of chunk) E.docs.push(d);
    return E.docs.length;
  };

  const median = (xs) => {
    const s = xs.slice().sort((a, b) => a - b);
    const n = s.length;
    return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  };

  // Lunr's query terms, made like its index terms: lunr.tokenizer (lower
  // case, split at spaces and hyphens), then lunr.de's trimmer and stop word
  // filter (a stop word is not in the index, so as a required term it would
  // match nothing), then lunr.de's stemmer. len is the length before stemming.
  const lunrTerms = (q) => {
    const out = [];
    for (const tok of lunr.tokenizer(q)) {
      let t = lunr.de.trimmer(tok);
      if (!t || t.toString() === "") continue;
      t = lunr.de.stopWordFilter(t);
      if (!t) continue;
      const len = t.toString().length;
      t = lunr.de.stemmer(t);
      const stem = t.toString();
      if (stem !== "") out.push({ stem, len });
    }
    return out;
  };

  E.engines = {
    minisearch: {
      build: (docs) => {
        const ms = new MiniSearch({
          idField: "id",
          fields: ["title", "kicker", "body"],
          storeFields: [],
          searchOptions: {
            boost: { title: 3, kicker: 1.5 },
            prefix: true,
            fuzzy: 0.2,
            combineWith: "AND",
          },
        });
        ms.addAll(docs);
        return ms;
      },
      search: (ms, q) => ms.search(q),
      id: (r) => r.id,
    },
    lunr: {
      build: (docs) =>
        lunr(function () {
          this.use(lunr.de);
          this.ref("id");
          this.field("title", { boost: 3 });
          this.field("kicker", { boost: 1.5 });
          this.field("body");
          for (const d of docs) this.add(d);
        }),
      // Every term required. The last term, which may be half typed, gets a
      // trailing wildcard; the others an edit distance of 1 when they have
      // at least 4 letters. Lunr cannot give one clause both (with an edit
      // distance the "*" is a literal), so the last term is prefix only.
      // The terms are built with the query API, not lunr's query-string
      // parser, which throws on ":", "~", "^", "+", "-" in user input.
      search: (idx, q) => {
        const terms = lunrTerms(q);
        return idx.query((qb) => {
          terms.forEach((t, i) => {
            const clause = { usePipeline: false, presence: lunr.Query.presence.REQUIRED };
            if (i === terms.length - 1) clause.wildcard = lunr.Query.wildcard.TRAILING;
            else if (t.len >= 4) clause.editDistance = 1;
            qb.term(t.stem, clause);
          });
        });
      },
      id: (r) => r.ref,
    },
  };

  // drop lets the garbage collector have the current index.
  E.drop = () => {
    E.idx = null;
    E.json = "";
    return true;
  };

  // build indexes E.docs with the engine and returns the time it took, ms.
  E.build = (engine) => {
    E.drop();
    E.engine = engine;
    const build = E.engines[engine].build;
    const t0 = performance.now();
    const idx = build(E.docs);
    const ms = performance.now() - t0;
    E.idx = idx;
    return ms;
  };

  let sink = null;

  // warm answers all queries once, and again until that has taken 100 ms,
  // so that V8 has optimized the engine's code before any timing.
  E.warm = (queries) => {
    const eng = E.engines[E.engine];
    const t0 = performance.now();
    for (let pass = 0; pass < 1 || (performance.now() - t0 < 100 && pass < 1000); pass++) {
      for (const q of queries) {
        try {
          sink = eng.search(E.idx, q);
        } catch (e) {}
      }
    }
    sink = null;
    return true;
  };

  // time answers q runs times with the current index and returns the median
  // time per answer in ms. Chromium without cross-origin isolation coarsens
  // performance.now() to 0.1 ms, so each timing is of a loop of reps
  // answers, divided by reps, with reps grown from 1 until a loop takes
  // about loopMS: a fast answer (anything under 0.2 ms, say) is timed to
  // within 0.1 ms / loopMS, and one slower than loopMS alone. The
  // first answer (a warm-up) gives count, the number of results, and ids,
  // the first cap of them, best first.
  E.time = (q, runs, cap, loopMS, budgetMS) => {
    const eng = E.engines[E.engine];
    const idx = E.idx;
    const fn = () => eng.search(idx, q);
    try {
      let t0 = performance.now();
      const first = fn();
      const firstMS = performance.now() - t0;
      const count = first.length;
      const ids = first.slice(0, cap).map(eng.id);
      // An answer that takes loopMS, twice, is timed alone. Otherwise reps
      // comes from the fastest of 3 loops, as one loop may be slowed by a
      // garbage collection or the page losing the CPU for a while.
      let slow = firstMS >= loopMS;
      if (slow) {
        t0 = performance.now();
        sink = fn();
        slow = performance.now() - t0 >= loopMS;
      }
      let reps = 1;
      while (!slow) {
        let best = Infinity;
        for (let k = 0; k < 3; k++) {
          t0 = performance.now();
          for (let i = 0; i < reps; i++) sink = fn();
          best = Math.min(best, performance.now() - t0);
        }
        if (best >= 0.8 * loopMS || reps >= 1 << 20) break;
        reps = best >= loopMS / 8 ? Math.ceil((reps * loopMS) / best) : reps * 4;
      }
      // No run starts after budgetMS on this query (the first always
      // runs): the slowest answers at 10,000 documents take seconds.
      const times = [], began = performance.now();
      for (let r = 0; r < runs; r++) {
        if (r > 0 && performance.now() - began > budgetMS) break;
        t0 = performance.now();
        for (let i = 0; i < reps; i++) sink = fn();
        times.push((performance.now() - t0) / reps);
      }
      sink = null;
      return { ms: median(times), reps, runs: times.length, count, ids, error: "" };
    } catch (e) {
      sink = null;
      return { ms: -1, reps: 0, count: 0, ids: [], error: String((e && e.message) || e) };
    }
  };

  // stringify serializes the current index (its toJSON) and returns the
  // length in UTF-16 code units and the time it took, ms; slice hands the
  // JSON out a piece at a time.
  E.stringify = () => {
    const t0 = performance.now();
    E.json = JSON.stringify(E.idx);
    return { length: E.json.length, ms: performance.now() - t0 };
  };

  // slice returns up to n code units of E.json from from, never ending
  // between the two halves of a surrogate pair, and where it ended.
  E.slice = (from, n) => {
    let to = Math.min(from + n, E.json.length);
    if (to < E.json.length && to > from + 1) {
      const c = E.json.charCodeAt(to - 1);
      if (c >= 0xd800 && c <= 0xdbff) to--;
    }
    return { s: E.json.slice(from, to), to };
  };
})();
void 0;
