/* Full-text search of the reply archive: a static index of keys (characters, bigrams, 4-grams and
 * runs of digits and letters), built by replysite/outputs/search/index.py; renders into
 * <div id="reply-search" data-index="…">. The text rules (normChar, normText, queryTerms,
 * termKeys, keyHash) must match replysite/outputs/search/textnorm.py. No external resources. */
(function () {
  "use strict";
  var PAGE = 10;
  var MAX_KEYS = 4; // lists fetched per term: the rarest keys find every match, verification does the rest
  var MORE_LIST_BYTES = 16384; // per term, further lists narrowing the candidates (a text is ~4 KB)
  var PACK_BYTES = 2048; // a list in a shared file costs that file (dictionary.py PACK_BYTES)
  var CHECKS = 40; // texts fetched beyond the shown results, per step, to find verified matches
  // A long phrase whose lists leave more than PHASE_FROM candidates: the phases of some of its keys
  // (where each stands in each reply, modulo 8) drop those that cannot hold it in one piece
  var PHASE_FROM = 2 * PAGE, PHASE_KEYS = 8, PHASE_BYTES = 100000;
  var FACETS = [["year", "年度", "全部年度"], ["unit", "承办单位", "全部单位"], ["topic", "主题", "全部主题"],
    ["category", "办理类别", "全部类别"], ["kind", "类型", "建议和提案"], ["doc_type", "文件类型", "全部文件"]];
  // Loaded from the page's head (async, data-index on the script: the index is read while the page
  // is still being parsed) or after <div id="reply-search" data-index="…"> (defer).
  var script = document.currentScript, root = document.getElementById("reply-search");
  var where = (script && script.getAttribute("data-index")) || (root && root.getAttribute("data-index"));
  if (!where && !root && document.readyState !== "loading") return;
  var base = new URL(where || "./", location.href);
  var meta = null, siteRoot = null, runs = null;
  var cache = new Map();
  var state = { q: "", f: {}, shown: PAGE };
  var run = 0, current = null;
  var api = window.replySearch = { last: null };

  /* ---- text rules (twin of textnorm.py) ---- */
  var SPACES = new Set(Array.from("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff" +
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"));
  var ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;
  var BRACKETS = new Map();
  Array.from("([{【〔［（〈⟨〖〘﹝⦅❨❪⟦").forEach(function (c) { BRACKETS.set(c, "〔"); });
  Array.from(")]}】〕］）〉⟩〗〙﹞⦆❩❫⟧").forEach(function (c) { BRACKETS.set(c, "〕"); });
  var SEPARATORS = new Set(Array.from("。、；;？?！!\"'“”‘’「」『』〝〞〟«»‹›„‟‚‛《》…⋯—―‖|"));
  var FOLD = null; // traditional -> simplified, loaded from t2s.bin when a query needs it
  var charCache = [new Map(), new Map()];
  function normChar(c, fold) {
    var memo = charCache[fold ? 1 : 0], n = memo.get(c);
    if (n !== undefined) return n;
    if (SPACES.has(c)) n = " ";
    else {
      n = c.normalize("NFKC");
      if (Array.from(n).length !== 1) n = c;
      var low = n.toLowerCase();
      if (Array.from(low).length === 1) n = low;
      if (fold) n = FOLD.get(n) || n;
      n = BRACKETS.get(n) || n;
      if (SEPARATORS.has(n) || /^\s$/.test(n)) n = " ";
      if (n.length !== c.length) n = c;
    }
    memo.set(c, n);
    return n;
  }
  function alnum(c) { return c !== undefined && /^[0-9a-z]$/.test(c); }
  // the searchable form of s, as long as s; fold: apply the traditional -> simplified table
  function normText(s, fold) {
    var n;
    if (fold && FOLD !== null) {
      var out = [];
      for (var c of s) out.push(normChar(c, true));
      n = out.join("");
    } else { // CJK unified ideographs, digits and a-z are their own form unless folding
      n = s.replace(/[^\u4e00-\u9fff0-9a-z]+/gu, function (run) {
        var o = "";
        for (var c of run) o += normChar(c, false);
        return o;
      });
    }
    if (!/[,.:]/.test(n)) return n;
    var chars = n.split(""); // UTF-16 units: the neighbours of , . : are what counts
    for (var i = 0; i < chars.length; i++) {
      if ((chars[i] === "," || chars[i] === "." || chars[i] === ":") && !(alnum(chars[i - 1]) && alnum(chars[i + 1]))) chars[i] = " ";
    }
    return chars.join("");
  }
  function needsFold(q) {
    var f = meta.fold, bits = f.bytes || (f.bytes = Uint8Array.from(atob(f.bits), function (c) { return c.charCodeAt(0); }));
    for (var c of q) {
      var n = c.normalize("NFKC"), cp = (Array.from(n).length === 1 ? n : c).toLowerCase().codePointAt(0) - f.from;
      if ((cp >= 0 && cp < bits.length * 8 && bits[cp >> 3] & (1 << (cp & 7))) || f.other.indexOf(c) >= 0) return true;
    }
    return false;
  }
  function queryTerms(q) {
    var n = normText(q.replace(ZERO_WIDTH, ""), true).replace(/第0*(\d+)号/g, "第$1号");
    return Array.from(new Set(n.split(" ").filter(Boolean)));
  }
  function isCjk(c) {
    var cp = c.codePointAt(0);
    return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || cp >= 0x20000;
  }
  function cjkKeys(s) { // s: an array of characters
    var n = s.length;
    if (n <= 2) return [s.join("")];
    if (n === 3) return [s[0] + s[1], s[1] + s[2]];
    var out = [];
    for (var i = 0; i < n - 3; i += 2) out.push(s.slice(i, i + 4).join(""));
    if ((n - 4) % 2) out.push(s.slice(n - 4).join(""));
    return out;
  }
  // The keys whose lists hold every reply containing the term; exact: one key proves it.
  function termKeys(term) {
    var runs = [], max = meta ? meta.maxWeak : 12;
    Array.from(term).forEach(function (c) {
      var last = runs[runs.length - 1];
      if (last && isCjk(last[0]) === isCjk(c)) last.push(c); else runs.push([c]);
    });
    var keys = [];
    runs.forEach(function (s, r) {
      var before = r > 0 ? runs[r - 1][runs[r - 1].length - 1] : "", after = r + 1 < runs.length ? runs[r + 1][0] : "";
      if (isCjk(s[0])) {
        if (s.length > 1 || runs.length === 1) keys = keys.concat(cjkKeys(s));
      } else if (s.length <= max) {
        keys.push(before + s.join("") + after);
      } else {
        var starts = [];
        for (var i = 0; i < s.length - max; i += max) starts.push(i);
        starts.push(s.length - max);
        starts.forEach(function (i) {
          keys.push((i === 0 ? before : "") + s.slice(i, i + max).join("") + (i === s.length - max ? after : ""));
        });
      }
    });
    return { keys: Array.from(new Set(keys)), exact: keys.length === 1 };
  }
  // the 4-grams of a term's Chinese runs that termKeys leaves out (it steps by two)
  function otherGrams(term, keys) {
    var have = new Set(keys), out = [], run = [];
    Array.from(term).concat([" "]).forEach(function (c) {
      if (c !== " " && isCjk(c)) { run.push(c); return; }
      for (var i = 0; i + 4 <= run.length; i++) {
        var g = run.slice(i, i + 4).join("");
        if (!have.has(g)) { have.add(g); out.push(g); }
      }
      run = [];
    });
    return out;
  }
  function fmix(h) {
    h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
    return h >>> 0;
  }
  function keyHash(key) {
    var h1 = 0x811c9dc5, h2 = 0x050c5d1f;
    for (var c of key) {
      var cp = c.codePointAt(0);
      h1 = Math.imul(h1 ^ cp, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ cp, 0x5bd1e995) >>> 0;
    }
    return [fmix(h1), fmix(h2)];
  }
  api.textRules = { normText: normText, normTextFolded: function (s) { return normText(s, true); },
    queryTerms: queryTerms, termKeys: termKeys, keyHash: keyHash, loadFold: function () { return loadFold(); },
    narrowingKeys: function (term) { var t = termKeys(term); return t.exact ? [] : otherGrams(term, t.keys); } };

  /* ---- fetching and decoding ---- */
  function inflate(parts, format) { // -> the bytes of the compressed stream made of `parts`
    var ds = new Response(new Blob(parts).stream().pipeThrough(new DecompressionStream(format)));
    return ds.arrayBuffer().then(function (x) { return new Uint8Array(x); });
  }
  function fetchBytes(path, decode) {
    var url = new URL(path + "?v=" + meta.version, base).href;
    if (!cache.has(url)) {
      cache.set(url, fetch(url).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + url);
        return r.arrayBuffer();
      }).then(function (buf) { return decode(new Uint8Array(buf)); })
        .catch(function (e) { cache.delete(url); throw e; }));
    }
    return cache.get(url);
  }
  function get(path) { // a gzip file of the index
    return fetchBytes(path, function (b) {
      if (b[0] !== 0x1f || b[1] !== 0x8b) return b; // the host already inflated it
      return inflate([b], "gzip");
    });
  }
  // The text files are raw deflate against dict.bin (text_dictionary.py): put in front of a file
  // as a stored block, the dictionary is output its references reach back into.
  var dictBlock = null;
  function textDict() {
    if (!dictBlock) dictBlock = get("dict.bin").then(function (d) {
      var n = d.length, block = new Uint8Array(5 + n);
      block.set([0, n & 255, n >> 8, ~n & 255, (~n >> 8) & 255]);
      block.set(d, 5);
      return block;
    }).catch(function (e) { dictBlock = null; throw e; });
    return dictBlock;
  }
  function getText(path) {
    var block = textDict(); // fetched alongside the first text, not before it
    return fetchBytes(path, function (b) {
      return block.then(function (head) {
        return inflate([head, b], "deflate-raw").then(function (x) { return x.subarray(head.length - 5); });
      });
    });
  }
  function Reader(b, i) { this.b = b; this.i = i || 0; }
  Reader.prototype.v = function () {
    var x = 0, s = 1, c;
    do { c = this.b[this.i++]; x += (c & 127) * s; s *= 128; } while (c & 128);
    return x;
  };
  var utf8 = new TextDecoder();
  function loadFold() {
    if (FOLD) return Promise.resolve();
    return get("t2s.bin").then(function (b) {
      var r = new Reader(b), n = r.v(), cps = [], m = new Map(), cp = 0;
      for (var i = 0; i < n; i++) cps.push(cp += r.v());
      cps.forEach(function (t) { var z = r.v(), d = z & 1 ? -(z + 1) / 2 : z / 2; m.set(String.fromCodePoint(t), String.fromCodePoint(t + d)); });
      FOLD = m;
      charCache[1] = new Map();
    });
  }
  function readShard(b) { // -> Map fingerprint -> {df, list: bytes | null, file, at, len}
    var r = new Reader(b), n = r.v(), out = new Map();
    for (var i = 0; i < n; i++) {
      var at = r.i, h2 = (b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24) >>> 0, hi = b[at + 4] | b[at + 5] << 8;
      r.i += 6;
      var e = { df: r.v(), file: r.v() }, len;
      if (e.file === 0) { len = r.v(); e.list = b.subarray(r.i, r.i + len); r.i += len; }
      else { e.at = r.v(); e.len = r.v(); }
      out.set(h2 + ":" + hi, e);
    }
    return out;
  }
  function lookup(key) { // -> the key's entry, or undefined when no reply holds it
    var h = keyHash(key), s = h[0] & (meta.shards - 1);
    return get("d/" + s + ".bin").then(function (b) {
      if (!b.dir) b.dir = readShard(b);
      var e = b.dir.get(h[1] + ":" + (h[0] >>> 16));
      if (e) e.shard = s;
      return e;
    });
  }
  function list(e) { // -> Int32Array of doc numbers, increasing
    var bytes = e.list ? Promise.resolve(e.list) : get("l/" + (e.shard % meta.buckets) + "/" + (e.file - 1) + ".bin")
      .then(function (b) { return b.subarray(e.at, e.at + e.len); });
    return bytes.then(function (b) {
      var r = new Reader(b, 1), out;
      if (b[0] === 0) {
        var n = r.v(), d = -1;
        out = new Int32Array(n);
        for (var i = 0; i < n; i++) out[i] = d += r.v();
        return out;
      }
      var first = r.v(), nbytes = r.v(), k = 0;
      out = new Int32Array(e.df);
      for (var j = 0; j < nbytes; j++) {
        var byte = b[r.i + j];
        for (var bit = 0; byte; bit++, byte >>= 1) if (byte & 1) out[k++] = 8 * (first + j) + bit;
      }
      return out;
    });
  }
  function phases(e) { // -> the phases of a 4-gram in its list's order (a byte per reply), or null
    return get("m/" + (e.shard % meta.buckets) + "/" + (e.file - 1) + ".bin").then(function (b) {
      if (!b.phases) {
        var r = new Reader(b), n = r.v(), heads = [];
        for (var i = 0; i < n; i++) heads.push([r.v(), r.v()]);
        b.phases = new Map();
        heads.forEach(function (h) { b.phases.set(h[0], [r.i, h[1]]); r.i += h[1]; });
      }
      var at = b.phases.get(e.at);
      return at && at[1] === e.df ? b.subarray(at[0], at[0] + at[1]) : null;
    }).catch(function () { return null; });
  }
  // where a key with phases (a Chinese 4-gram, or a key with a digit, letter, bracket…) first
  // stands in a term, in characters; -1 for the others
  function keyOffset(term, key) {
    var ks = Array.from(key), cs = Array.from(term);
    if (ks.every(isCjk) ? ks.length !== 4 : ks.length < 3) return -1;
    for (var i = 0; i + ks.length <= cs.length; i++) {
      if (ks.every(function (c, j) { return cs[i + j] === c; })) return i;
    }
    return -1;
  }
  // The candidates in which every long term can stand in one piece: a term at position s holds
  // its key at offset o at s + o, so some s must agree with the phases of all its keys. `keys`:
  // {e, key, term, docs (when its list was read)} of every key looked up. Per term, the rarest
  // keys that cover a character of the term no cheaper key covers, within PHASE_BYTES: a reply
  // differing from the term anywhere they cover is dropped (示范点3个 for 示范点2个, 望湖街道 for
  // 新华街道), and the lists read for them narrow the candidates too.
  function narrow(cands, terms, keys) {
    var jobs = terms.map(function (term, t) {
      var pick = [], cost = 0, offs = new Map(), covered = new Uint8Array(Array.from(term).length);
      keys.filter(function (c) {
        if (c.term !== t || c.e.list) return false;
        offs.set(c, keyOffset(term, c.key));
        return offs.get(c) >= 0;
      }).sort(function (a, b) { return a.e.df - b.e.df; }).forEach(function (c) {
        var o = offs.get(c), n = Array.from(c.key).length, fresh = false;
        for (var j = o; j < o + n; j++) if (!covered[j]) fresh = true;
        var k = Math.max(c.e.df, PACK_BYTES) + (c.docs ? 0 : Math.max(c.e.len, PACK_BYTES));
        if (fresh && pick.length < PHASE_KEYS && cost + k <= PHASE_BYTES) {
          pick.push(c);
          cost += k;
          covered.fill(1, o, o + n);
        }
      });
      if (new Set(pick.map(function (c) { return offs.get(c) % 8; })).size < 2) return null;
      return Promise.all(pick.map(function (c) {
        return Promise.all([phases(c.e), c.docs || list(c.e)]).then(function (x) { c.docs = x[1]; return x[0]; });
      })).then(function (ms) { return { pick: pick, ms: ms, offs: offs }; });
    });
    return Promise.all(jobs).then(function (rs) {
      var keep = new Uint8Array(cands.length).fill(1), acc = new Uint8Array(cands.length);
      rs.forEach(function (r) {
        if (!r) return;
        acc.fill(255);
        r.pick.forEach(function (c, j) {
          var m = r.ms[j], o = r.offs.get(c) % 8, docs = c.docs, k = 0;
          if (!m) return;
          for (var i = 0; i < cands.length; i++) {
            while (k < docs.length && docs[k] < cands[i]) k++;
            if (docs[k] === cands[i]) acc[i] &= ((m[k] >> o) | (m[k] << (8 - o))) & 255;
            else acc[i] = 0; // not in this key's list: cannot hold the term
          }
        });
        for (var i = 0; i < cands.length; i++) if (!acc[i]) keep[i] = 0;
      });
      return cands.filter(function (d, i) { return keep[i]; });
    });
  }
  function intersect(lists) { // sorted Int32Arrays -> their intersection (sorted)
    if (!lists.length) return null;
    lists.sort(function (a, b) { return a.length - b.length; });
    var cur = lists[0];
    for (var j = 1; j < lists.length && cur.length; j++) {
      var other = lists[j], out = [], k = 0;
      for (var i = 0; i < cur.length; i++) {
        var d = cur[i];
        while (k < other.length && other[k] < d) k++;
        if (k < other.length && other[k] === d) out.push(d);
      }
      cur = Int32Array.from(out);
    }
    return cur;
  }
  function text(doc) { // a reply's whole text, what its result shows, its normalised form
    return getText("r/" + Math.floor(doc / 100) + "/" + doc + ".bin").then(function (b) {
      if (!b.json) {
        var p = JSON.parse(utf8.decode(b)), n = normText(p.t + "\n" + p.x, false);
        if (p.f) {
          var a = n.split("");
          p.f.forEach(function (f) { a[f[0]] = f[1]; if (f[1].length === 2) a[f[0] + 1] = ""; });
          n = a.join("");
        }
        p.nt = n.slice(0, p.t.length);
        p.nx = n.slice(p.t.length + 1);
        b.json = p;
      }
      return b.json;
    });
  }
  function contains(p, terms) {
    return terms.every(function (t) { return p.nt.indexOf(t) >= 0 || p.nx.indexOf(t) >= 0; });
  }

  /* ---- facets: runs of replies sharing year, unit, kind, category and document type ---- */
  function loadRuns() {
    // year, unit, kind, category, document type as differences from the run before
    var r = meta.runs, starts = [0], vals = [], y = 0, u = 0, k = 0, c = 0, t = 0;
    for (var i = 0; i < r.length; i += 6) {
      y += r[i + 1]; u += r[i + 2]; k += r[i + 3]; c += r[i + 4]; t += r[i + 5];
      vals.push([y, u, c, k, t]);
      starts.push(starts[starts.length - 1] + r[i]);
    }
    return { starts: starts, vals: vals }; // vals: [year, unit, category, kind, document type]
  }
  var RUN_FIELD = { year: 0, unit: 1, category: 2, kind: 3, doc_type: 4 };
  var topics = null; // every topic's list (label index -> Int32Array), once someone wants the counts
  function topicList(i) {
    return lookup("\x01" + meta.facets.topic[i][0]).then(function (e) { return e ? list(e) : new Int32Array(0); });
  }
  function loadTopics() {
    if (!topics) topics = Promise.all(meta.facets.topic.map(function (l, i) { return topicList(i); }));
    return topics;
  }
  function topicSet(i) { // a filter needs only its own topic's list
    return topicList(i).then(function (l) { var s = new Uint8Array(meta.count); l.forEach(function (d) { s[d] = 1; }); return s; });
  }
  function selected(key) { // index of the selected label, -1 for none
    var v = state.f[key];
    if (v === undefined) return -1;
    return meta.facets[key].findIndex(function (l) { return l[0] === v; });
  }
  // docs passing every filter, and per facet the counts over the docs passing the other filters
  function filterAndCount(docs, topicMembers, topicLists) {
    var sel = {}, counts = {}, keep = [];
    FACETS.forEach(function (f) { sel[f[0]] = selected(f[0]); counts[f[0]] = new Float64Array(meta.facets[f[0]].length); });
    var ri = 0, starts = runs.starts;
    var each = function (d) {
      while (starts[ri + 1] <= d) ri++;
      var v = runs.vals[ri], failed = null, fails = 0;
      for (var key in RUN_FIELD) if (sel[key] >= 0 && v[RUN_FIELD[key]] !== sel[key]) { failed = key; fails++; }
      if (sel.topic >= 0 && !topicMembers[d]) { failed = "topic"; fails++; }
      if (!fails) keep.push(d);
      if (fails > 1) return;
      for (var k in RUN_FIELD) if (!fails || failed === k) counts[k][v[RUN_FIELD[k]]]++;
      if (topicLists && (!fails || failed === "topic")) topicLists.forEach(function (s, t) { if (s[d]) counts.topic[t]++; });
    };
    if (docs) docs.forEach(each); else for (var d = 0; d < meta.count; d++) each(d);
    return { docs: keep, counts: counts };
  }

  /* ---- rendering ---- */
  function esc(s) {
    return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }
  function marked(raw, n, terms) { // n: the normalised form of raw (same length)
    var spans = [];
    terms.forEach(function (t) {
      for (var i = n.indexOf(t); i >= 0; i = n.indexOf(t, i + 1)) spans.push([i, i + t.length]);
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var html = "", at = 0;
    spans.forEach(function (s) {
      if (s[1] <= at) return;
      var from = Math.max(s[0], at);
      html += esc(raw.slice(at, from)) + "<mark>" + esc(raw.slice(from, s[1])) + "</mark>";
      at = s[1];
    });
    return html + esc(raw.slice(at));
  }
  function excerpt(p, terms) {
    var x = p.x, nx = p.nx, body = x.indexOf("\n") + 1, at = -1;
    [body, 0].some(function (start) { // a match in the body rather than in the metadata line
      terms.forEach(function (t) { var i = nx.indexOf(t, start); if (i >= 0 && (at < 0 || i < at)) at = i; });
      return at >= 0;
    });
    var floor = at < 0 || at >= body ? body : 0, from = Math.max(floor, at - 30);
    if (from > floor && x.charCodeAt(from) >= 0xdc00 && x.charCodeAt(from) <= 0xdfff) from--;
    var to = Math.min(x.length, from + 120);
    var lead = from > floor ? "…" : "", tail = to < x.length ? "…" : "";
    return lead + marked(x.slice(from, to).replace(/\s/g, " "), nx.slice(from, to), terms).replace(/ {2,}/g, " ") + tail;
  }
  var ui = {};
  function el(tag, cls, html) { var e = document.createElement(tag); if (cls) e.className = cls; if (html) e.innerHTML = html; return e; }
  function buildUI() {
    root.innerHTML = "";
    ui.form = el("form", "rs-form");
    ui.form.setAttribute("role", "search");
    ui.input = el("input", "rs-input");
    ui.input.type = "search"; ui.input.name = "q"; ui.input.autocomplete = "off";
    ui.input.placeholder = "输入词语、人名、文号或数字，多个词用空格分开";
    ui.input.setAttribute("aria-label", "搜索答复");
    var btn = el("button", "rs-button", "搜索"); btn.type = "submit";
    ui.form.append(ui.input, btn);
    ui.facets = el("div", "rs-facets");
    ui.selects = {};
    FACETS.forEach(function (f) {
      var label = el("label", "rs-facet"), s = el("select");
      s.name = f[0];
      label.append(el("span", "rs-facet-name", f[1]), s);
      ui.selects[f[0]] = s;
      ui.facets.append(label);
      s.addEventListener("change", function () {
        if (s.value) state.f[f[0]] = s.value; else delete state.f[f[0]];
        go(true);
      });
    });
    // topic counts need every topic's list: loaded when someone turns to the topic filter
    var wantTopics = function () {
      if (topics || !current) return;
      loadTopics().then(function () { search(true); });
    };
    ["focus", "pointerdown", "keydown"].forEach(function (ev) { ui.selects.topic.addEventListener(ev, wantTopics); });
    ui.status = el("p", "rs-status"); ui.status.setAttribute("aria-live", "polite");
    ui.list = el("ol", "rs-results");
    ui.more = el("button", "rs-more", "更多"); ui.more.type = "button"; ui.more.hidden = true;
    ui.more.addEventListener("click", function () { state.shown += PAGE; search(false); });
    root.append(ui.form, ui.facets, ui.status, ui.list, ui.more);
    var timer = 0;
    ui.form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); state.q = ui.input.value.trim(); go(true); });
    ui.input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = ui.input.value.trim(); go(false); }, 350);
    });
  }
  function number(n) { return String(Math.round(n)); }
  function renderFacets(r) {
    var topicCounts = r.topicCounts;
    FACETS.forEach(function (f) {
      var key = f[0], s = ui.selects[key], labels = meta.facets[key], sel = selected(key), opts = [];
      var counts = key === "topic" ? topicCounts : r.counts[key];
      labels.forEach(function (l, i) { if (!counts || counts[i] || i === sel) opts.push(i); });
      if (counts && (key === "unit" || key === "topic")) opts.sort(function (a, b) { return counts[b] - counts[a] || a - b; });
      s.innerHTML = "";
      s.append(new Option(f[2], ""));
      opts.forEach(function (i) {
        var c = counts ? "（" + (r.facetsExact ? "" : "约 ") + number(counts[i] * r.scale) + "）" : "";
        s.append(new Option(labels[i][1] + c, labels[i][0], false, i === sel));
      });
    });
  }
  function renderHit(p, terms) {
    var li = el("li", "rs-result");
    var a = el("a", "rs-title", marked(p.t, p.nt, terms));
    a.href = new URL(p.u, siteRoot).href;
    var bits = [p.n, p.d, p.c ? p.c + "类" : "", p.k].filter(Boolean).map(esc).join(" · ");
    li.append(el("h3", "rs-heading"), el("p", "rs-meta", bits), el("p", "rs-excerpt", excerpt(p, terms)));
    li.firstChild.append(a);
    return li;
  }
  function quoted(terms) { return terms.map(function (t) { return "“" + t + "”"; }).join(""); }
  function statusText(r) {
    var filtered = Object.keys(state.f).length > 0, more = r.total > state.shown ? "，显示前 " + state.shown + " 件" : "";
    if (!r.terms.length) return r.total ? "共 " + r.total + " 件答复" + more : "没有符合筛选条件的答复";
    var what = r.terms.length > 1 ? "同时包含" + quoted(r.terms) : "包含" + quoted(r.terms);
    if (r.exact && !r.total) return "没有找到与“" + state.q + "”相关的答复" + (filtered ? "（已按筛选条件缩小范围）" : "");
    if (r.exact) return "共 " + r.total + " 件答复" + what + more;
    if (!r.found.length) return "已核对 " + r.next + " 件候选答复（共 " + r.filtered.length + " 件），尚未找到" + what +
      "的答复；点“更多”继续核对";
    return "约 " + number(r.estimate) + " 件答复" + what + "（按已核对的 " + r.next + " 件估计，其中 " + r.found.length +
      " 件包含；候选共 " + r.filtered.length + " 件）" + (r.found.length >= state.shown ? "，显示前 " + state.shown + " 件" : "");
  }
  function writeURL(push) {
    var u = new URL(location.href), params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    FACETS.forEach(function (f) { if (state.f[f[0]] !== undefined) params.set(f[0], state.f[f[0]]); });
    u.search = params.toString();
    if (u.href !== location.href) history[push ? "pushState" : "replaceState"](null, "", u.href);
  }
  function readURL() {
    urlState();
    ui.input.value = state.q;
  }
  function go(push) { state.shown = PAGE; writeURL(push); search(true); }

  /* ---- searching ---- */
  // -> {terms, candidates (Int32Array or null: every reply), exact}
  function candidates(q) {
    return (needsFold(q) ? loadFold() : Promise.resolve()).then(function () {
      var terms = queryTerms(q);
      if (!terms.length) return { terms: terms, candidates: null, exact: true };
      var info = terms.map(termKeys);
      // the term's keys, and for a term of several keys every other 4-gram of its Chinese runs:
      // each is in every reply holding the term, and together they narrow its candidates
      var looked = info.map(function (t, i) { return t.exact ? t.keys : t.keys.concat(otherGrams(terms[i], t.keys)); });
      return Promise.all(looked.map(function (ks) { return Promise.all(ks.map(lookup)); })).then(function (entries) {
        if (entries.some(function (es) { return es.some(function (e) { return !e; }); })) {
          return { terms: terms, candidates: new Int32Array(0), exact: true };
        }
        var chosen = [], all = [];
        entries.forEach(function (es, t) {
          var more = MORE_LIST_BYTES;
          es.map(function (e, i) { return { e: e, key: looked[t][i], term: t }; })
            .sort(function (a, b) { return a.e.df - b.e.df; }).forEach(function (c, i) {
              var cost = c.e.list ? 0 : Math.max(c.e.len, PACK_BYTES);
              all.push(c);
              if (i < MAX_KEYS) chosen.push(c);
              else if (cost <= more) { chosen.push(c); more -= cost; }
            });
        });
        return Promise.all(chosen.map(function (c) { return list(c.e); })).then(function (lists) {
          var exact = info.every(function (t) { return t.exact; }), cands = intersect(lists.slice());
          lists.forEach(function (l, i) { chosen[i].docs = l; });
          var done = function (c) { return { terms: terms, candidates: c, exact: exact }; };
          return exact || cands.length <= PHASE_FROM ? done(cands) : narrow(cands, terms, all).then(done);
        });
      });
    });
  }
  // Verify candidates in order until `want` are proven (or all are checked, or `budget` texts are
  // fetched); r.found: proven matches in order, r.next: candidates looked at.
  function verify(r, want, budget) {
    var docs = r.filtered;
    if (r.byKeys) { // the lists are exactly the matches: texts only for what is shown
      return Promise.all(docs.slice(0, want).map(text)).then(function (ps) { r.found = docs; r.texts = ps; });
    }
    var step = function () {
      var need = want - r.found.length;
      if (need <= 0 || r.next >= docs.length || budget <= 0) return Promise.resolve();
      // as many as the share proven so far says are needed: one or two rounds instead of ten
      var guess = !r.next ? need : r.found.length ? need * r.next / r.found.length : need * 4;
      var batch = docs.slice(r.next, r.next + Math.min(Math.ceil(Math.max(guess, 4)), budget));
      r.next += batch.length;
      budget -= batch.length;
      return Promise.all(batch.map(text)).then(function (ps) {
        ps.forEach(function (p, i) { if (contains(p, r.terms)) { r.found.push(batch[i]); r.texts.push(p); } });
        return step();
      });
    };
    return step();
  }
  // r.exact: r.total is the number of replies containing the query; otherwise r.estimate, from
  // the share of the candidates checked so far that hold it.
  function counts(r) {
    var all = r.byKeys || r.next >= r.filtered.length;
    r.exact = all;
    r.total = r.byKeys ? r.filtered.length : r.found.length;
    r.estimate = r.next ? r.found.length + (r.filtered.length - r.next) * r.found.length / r.next : r.filtered.length;
    r.facetsExact = r.byKeys;
    r.scale = r.byKeys || !r.next ? 1 : r.found.length / r.next;
    if (all && !r.byKeys && !Object.keys(state.f).length) { // every candidate checked: count the proven ones
      var fc = filterAndCount(r.found, null, r.topicLists);
      r.counts = fc.counts;
      if (r.topicLists) r.topicCounts = fc.counts.topic;
      r.facetsExact = true;
      r.scale = 1;
    }
  }
  // -> the result for the current state, verified and counted (no page needed)
  function prepare(fresh) {
    var q = state.q, fkey = JSON.stringify(state.f);
    var reuse = !fresh && current && current.q === q && current.fkey === fkey;
    var ready = reuse ? Promise.resolve(current) : candidates(q).then(function (c) {
      var sel = selected("topic");
      var sets = function (all) {
        return all.map(function (l) { var s = new Uint8Array(meta.count); l.forEach(function (d) { s[d] = 1; }); return s; });
      };
      return Promise.all([sel >= 0 ? topicSet(sel) : null, topics ? topics.then(sets) : null]).then(function (t) {
        var fc = filterAndCount(c.candidates, t[0], t[1]);
        return { q: q, fkey: fkey, terms: c.terms, candidates: c.candidates, filtered: fc.docs, counts: fc.counts,
          topicLists: t[1], topicCounts: t[1] ? fc.counts.topic : null, byKeys: c.exact,
          found: [], texts: [], next: 0 };
      });
    });
    return ready.then(function (r) {
      return verify(r, state.shown, state.shown + CHECKS).then(function () { counts(r); return r; });
    });
  }
  var early = null; // the first search, started before the page was parsed
  function search(fresh) {
    var my = ++run, started = performance.now(), q = state.q, fkey = JSON.stringify(state.f);
    root.setAttribute("data-state", "busy");
    var job = early && early.q === q && early.fkey === fkey && state.shown === PAGE ? early.job : prepare(fresh);
    early = null;
    return job.then(function (r) {
      if (my !== run) return;
      current = r;
      renderFacets(r);
      ui.list.innerHTML = "";
      var shown = r.texts.slice(0, state.shown);
      shown.forEach(function (p) { ui.list.append(renderHit(p, r.terms)); });
      ui.more.hidden = r.found.length <= state.shown && (r.byKeys || r.next >= r.filtered.length);
      ui.status.textContent = statusText(r);
      var rest = r.byKeys ? [] : r.filtered.slice(r.next);
      api.last = { query: q, terms: r.terms, filters: Object.assign({}, state.f), exact: r.exact,
        total: r.exact ? r.total : null, estimate: r.exact ? r.total : Math.round(r.estimate),
        docs: Array.from(r.found).concat(Array.from(rest)), shown: shown.length, checked: r.byKeys ? 0 : r.next,
        ms: performance.now() - started, at: performance.now() };
      root.setAttribute("data-state", "done");
    }).catch(function (e) {
      if (my !== run) return;
      ui.status.textContent = "搜索暂时无法使用，请稍后再试。";
      root.setAttribute("data-state", "error");
      if (window.console) console.error(e);
    });
  }

  function urlState() {
    var params = new URLSearchParams(location.search);
    state.q = (params.get("q") || "").trim();
    state.f = {};
    FACETS.forEach(function (f) { var v = params.get(f[0]); if (v !== null) state.f[f[0]] = v; });
  }
  function failed(message, e) {
    if (root) { root.textContent = message; root.setAttribute("data-state", "error"); }
    if (window.console) console.error(e);
  }
  var parsed = document.readyState === "loading" ?
    new Promise(function (done) { document.addEventListener("DOMContentLoaded", done); }) : Promise.resolve();
  if (!window.DecompressionStream) {
    parsed.then(function () {
      root = document.getElementById("reply-search");
      failed("您的浏览器版本较旧，无法使用站内搜索；请升级浏览器，或从首页按年度、单位、主题浏览答复。", "no DecompressionStream");
    });
    return;
  }
  // meta.json (preloaded by the page's head) and the first query's lists and texts are fetched
  // while the page is still loading; the results are drawn once it is parsed
  var loaded = fetch(new URL("meta.json", base).href).then(function (r) {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }).then(function (m) {
    meta = m;
    siteRoot = new URL(meta.root, base);
    runs = loadRuns();
    urlState();
    if (state.q) {
      early = { q: state.q, fkey: JSON.stringify(state.f), job: prepare(true) };
      early.job.catch(function () {}); // reported when the page's own search runs it again
    }
  });
  Promise.all([loaded, parsed]).then(function () {
    root = document.getElementById("reply-search");
    if (!root) return;
    buildUI();
    readURL();
    window.addEventListener("popstate", function () { readURL(); state.shown = PAGE; search(true); });
    return search(true);
  }).catch(function (e) {
    parsed.then(function () {
      root = document.getElementById("reply-search");
      failed("搜索索引加载失败，请稍后再试。", e);
    });
  });
})();
