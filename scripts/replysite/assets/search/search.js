/* Full-text search of the reply archive: a static, sharded character n-gram index.
 * Built by replysite/search/index.py; renders into <div id="reply-search" data-index="…">.
 * normChar and gramHash must match replysite/search/textnorm.py. No external resources. */
(function () {
  "use strict";
  var PAGE = 10;
  var VERIFY_BUDGET = 6; // rounds of PAGE text fetches to find exact matches before showing what we have
  var FACETS = [["year", "年度", "全部年度"], ["unit", "承办单位", "全部单位"], ["topic", "主题", "全部主题"],
    ["category", "办理类别", "全部类别"], ["kind", "类型", "建议和提案"]];
  var root = document.getElementById("reply-search");
  if (!root) return;
  var base = new URL(root.getAttribute("data-index") || "./", location.href);
  var meta = null, facets = null, siteRoot = null;
  var cache = new Map();
  var state = { q: "", f: {}, shown: PAGE };
  var run = 0;
  var api = window.replySearch = { last: null };

  /* ---- text normalisation (twin of textnorm.py) ---- */
  var normCache = new Map();
  function normChar(c) {
    var n = normCache.get(c);
    if (n !== undefined) return n;
    n = c.normalize("NFKC");
    if (Array.from(n).length !== 1) n = c;
    var low = n.toLowerCase();
    if (Array.from(low).length === 1) n = low;
    if (/^\s$/.test(n)) n = " ";
    if (n.length !== c.length) n = c;
    normCache.set(c, n);
    return n;
  }
  function norm(s) { var o = ""; for (var c of s) o += normChar(c); return o; }
  function gramHash(g) {
    var h = 0x811c9dc5;
    for (var c of g) h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0;
    return h;
  }
  // Grams looked up for a term. Any subset of a term's grams finds every reply containing it
  // (verification removes the rest), so only selective ones are used: bigrams of two ideographs,
  // and the trigrams holding a digit, letter or punctuation (bigrams of those select poorly).
  function bodyGrams(chars) {
    if (chars.length <= 2) return [chars.join("")];
    var out = [];
    for (var i = 0; i + 1 < chars.length; i++) {
      if (!weak(chars[i]) && !weak(chars[i + 1])) out.push(chars[i] + chars[i + 1]);
      var t = chars.slice(i, i + 3);
      if (t.length === 3 && t.some(weak)) out.push(trigramName(t));
    }
    return Array.from(new Set(out));
  }
  // Title grams with their offsets: bigrams side by side cover the term, so positions prove it.
  function titleGrams(chars) {
    if (chars.length === 1) return [[chars[0], 0]];
    var out = [];
    for (var i = 0; i + 1 < chars.length; i += 2) out.push([chars[i] + chars[i + 1], i]);
    if (chars.length % 2) out.push([chars[chars.length - 2] + chars[chars.length - 1], chars.length - 2]);
    return out;
  }
  function weak(c) {
    var cp = c.codePointAt(0);
    return !((cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || cp >= 0x20000);
  }
  function trigramName(t) { // see textnorm.trigram_name
    return "\0" + ("0000000" + gramHash(t.join("")).toString(16)).slice(-8);
  }
  function shardKey(name) { return name.charAt(0) === "\0" ? parseInt(name.slice(1), 16) : gramHash(name); }
  function parseTerms(q) {
    var seen = new Set(), terms = [], span = meta.overlap;
    q.split(/\s+/).forEach(function (t) {
      var chars = Array.from(norm(t).replace(/ /g, ""));
      if (!chars.length) return;
      // a term longer than the part overlap is searched as overlapping pieces
      for (var i = 0; i === 0 || i + 1 < chars.length; i += span) {
        var piece = chars.slice(i, i + span + 1);
        var key = piece.join("");
        if (!seen.has(key)) { seen.add(key); terms.push({ text: key, chars: piece }); }
      }
    });
    return terms;
  }

  /* ---- fetching and decoding ---- */
  function get(path) {
    var url = new URL(path + "?v=" + meta.version, base).href;
    if (!cache.has(url)) {
      cache.set(url, fetch(url).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + url);
        return r.arrayBuffer();
      }).then(function (buf) {
        var b = new Uint8Array(buf);
        if (b[0] !== 0x1f || b[1] !== 0x8b) return b; // the host already inflated it
        var ds = new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream("gzip")));
        return ds.arrayBuffer().then(function (x) { return new Uint8Array(x); });
      }).catch(function (e) { cache.delete(url); throw e; }));
    }
    return cache.get(url);
  }
  function Reader(b, i) { this.b = b; this.i = i || 0; }
  Reader.prototype.v = function () {
    var x = 0, s = 1, c;
    do { c = this.b[this.i++]; x += (c & 127) * s; s *= 128; } while (c & 128);
    return x;
  };
  var utf8 = new TextDecoder();
  function readShard(b) {
    var r = new Reader(b), n = r.v(), names = [], dir = new Map();
    for (var i = 0; i < n; i++) { var len = r.v(); names.push(utf8.decode(b.subarray(r.i, r.i + len))); r.i += len; }
    var lens = names.map(function () { return r.v(); }), at = r.i;
    names.forEach(function (g, j) { dir.set(g, b.subarray(at, at + lens[j])); at += lens[j]; });
    return dir;
  }
  function shard(kind, g) {
    var count = kind === "g" ? meta.body_shards : meta.title_shards;
    return get(kind + "/" + (shardKey(g) % count) + ".bin").then(function (b) {
      if (!b.dir) b.dir = readShard(b);
      return b.dir.get(g);
    });
  }
  function bodyList(block) { // -> {docs: Int32Array, masks: Uint8Array}
    var r = new Reader(block), n = r.v(), docs = new Int32Array(n);
    if (block[r.i++] === 1) {
      for (var k = 0, d = 0; k < n; d++) if (block[r.i + (d >> 3)] & (1 << (d & 7))) docs[k++] = d;
      r.i += (meta.count + 7) >> 3;
    } else {
      for (var j = 0, p = -1; j < n; j++) docs[j] = p += r.v();
    }
    return { docs: docs, masks: block.subarray(r.i, r.i + n) };
  }
  function titleList(block) { // -> Map doc -> positions
    var r = new Reader(block), n = r.v(), out = new Map(), d = -1;
    for (var j = 0; j < n; j++) {
      d += r.v();
      var m = r.v(), ps = [], p = -1;
      for (var k = 0; k < m; k++) ps.push(p += r.v());
      out.set(d, ps);
    }
    return out;
  }
  function loadFacets() {
    return get("facets.bin").then(function (b) {
      var r = new Reader(b), n = meta.count, col = function () {
        var a = new Uint16Array(n);
        for (var i = 0; i < n; i++) a[i] = r.v();
        return a;
      };
      var f = { year: col(), unit: col(), category: col(), kind: col() }, cnt = col(), start = new Int32Array(n + 1);
      for (var i = 0; i < n; i++) start[i + 1] = start[i] + cnt[i];
      var flat = new Uint16Array(start[n]);
      for (var j = 0; j < flat.length; j++) flat[j] = r.v();
      f.topic = { start: start, flat: flat };
      return f;
    });
  }
  function text(doc) { // a reply's whole text and what its result shows
    return get("r/" + Math.floor(doc / 100) + "/" + doc + ".bin").then(function (b) {
      if (!b.json) { b.json = JSON.parse(utf8.decode(b)); b.json.nx = norm(b.json.x); }
      return b.json;
    });
  }

  /* ---- matching ---- */
  function evalTerm(term) { // -> Map doc -> {t: title exact, m: body part mask (0: pieces only)}
    var body = bodyGrams(term.chars), tg = titleGrams(term.chars);
    var uniq = Array.from(new Set(tg.map(function (x) { return x[0]; })));
    return Promise.all([
      Promise.all(body.map(function (g) { return shard("g", g); })),
      Promise.all(uniq.map(function (g) { return shard("t", g); })),
    ]).then(function (res) {
      var out = new Map();
      if (res[0].every(Boolean)) {
        var lists = res[0].map(bodyList).sort(function (a, b) { return a.docs.length - b.docs.length; });
        var hit = new Uint8Array(meta.count), mask = new Uint8Array(meta.count).fill(255);
        lists.forEach(function (l, j) {
          for (var i = 0; i < l.docs.length; i++) {
            var d = l.docs[i];
            if (hit[d] === j) { hit[d] = j + 1; mask[d] &= l.masks[i]; }
          }
        });
        var first = lists[0].docs;
        for (var i = 0; i < first.length; i++) {
          if (hit[first[i]] === lists.length) out.set(first[i], { t: false, m: mask[first[i]] });
        }
      }
      if (res[1].every(Boolean)) {
        var pos = new Map(uniq.map(function (g, j) { return [g, titleList(res[1][j])]; }));
        pos.get(uniq[0]).forEach(function (ps, d) {
          if (!uniq.every(function (g) { return pos.get(g).has(d); })) return;
          var exact = ps.some(function (p0) {
            return tg.every(function (x) { return pos.get(x[0]).get(d).indexOf(p0 + x[1]) >= 0; });
          });
          var e = out.get(d) || { t: false, m: 0 };
          e.t = e.t || exact;
          out.set(d, e);
        });
      }
      return out;
    });
  }
  function facetValues(d, key) {
    if (key !== "topic") return [facets[key][d]];
    return Array.from(facets.topic.flat.subarray(facets.topic.start[d], facets.topic.start[d + 1]));
  }
  function selected(key) { // index of the selected label, -1 for none
    var v = state.f[key];
    if (v === undefined) return -1;
    return meta.facets[key].findIndex(function (l) { return l[0] === v; });
  }
  function filterAndCount(docs) { // -> {docs: passing all filters, counts: {key: Int32Array}}
    var sel = {}, counts = {}, keep = [];
    FACETS.forEach(function (f) { sel[f[0]] = selected(f[0]); counts[f[0]] = new Int32Array(meta.facets[f[0]].length); });
    docs.forEach(function (d) {
      var failed = [];
      FACETS.forEach(function (f) {
        if (sel[f[0]] >= 0 && facetValues(d, f[0]).indexOf(sel[f[0]]) < 0) failed.push(f[0]);
      });
      if (!failed.length) keep.push(d);
      if (failed.length > 1) return;
      FACETS.forEach(function (f) {
        if (failed.length && failed[0] !== f[0]) return;
        facetValues(d, f[0]).forEach(function (v) { counts[f[0]][v]++; });
      });
    });
    return { docs: keep, counts: counts };
  }
  function popcount(m) { var c = 0; for (; m; m &= m - 1) c++; return c; }
  function makeHits(docs, perTerm) {
    return docs.map(function (d) {
      return { doc: d, terms: perTerm.map(function (m) { var e = m.get(d); return { t: e.t, m: e.m, ok: e.t || e.m !== 0 }; }) };
    });
  }
  function rank(hits) {
    hits.forEach(function (h) {
      h.exact = h.terms.every(function (e) { return e.ok; });
      h.titles = h.terms.filter(function (e) { return e.t; }).length;
      h.parts = h.terms.reduce(function (s, e) { return s + popcount(e.m); }, 0);
    });
    hits.sort(function (a, b) {
      return (b.exact - a.exact) || (b.titles - a.titles) || (b.parts - a.parts) || (a.doc - b.doc);
    });
  }
  // Fetch the text of each shown hit: it proves or refutes every term the title does not hold,
  // and reranking moves refuted candidates down. A refuted hit at once starts the fetch of the
  // next candidate in line (the one reranking would bring up), instead of waiting for the whole
  // round. Once `budget` fetches are spent the order is kept: the shown hits are fetched but no
  // longer reranked.
  function verify(hits, terms, limit, budget) {
    var todo = [], next = limit;
    function candidate() { // the next hit after the shown ones not fetched, not refuted
      for (; next < hits.length; next++) {
        var h = hits[next];
        if (!h.text && h.terms.every(function (e) { return e.ok; })) return hits[next++];
      }
      return null;
    }
    function check(h) {
      budget--;
      return text(h.doc).then(function (p) {
        var refuted = false;
        h.terms.forEach(function (e, i) {
          if (p.nx.indexOf(terms[i].text) >= 0) e.ok = true;
          else { e.m = 0; if (!e.t) { e.ok = false; refuted = true; } }
        });
        h.text = p;
        var after = refuted && budget > 0 ? candidate() : null;
        return after ? check(after) : null;
      });
    }
    hits.slice(0, limit).forEach(function (h) { if (!h.text) todo.push(check(h)); });
    if (!todo.length) return Promise.resolve();
    return Promise.all(todo).then(function () {
      if (terms.length && budget > 0) rank(hits);
      return verify(hits, terms, limit, budget);
    });
  }

  /* ---- rendering ---- */
  function esc(s) {
    return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }
  function marked(raw, terms) {
    var n = norm(raw), spans = [];
    terms.forEach(function (t) {
      for (var i = n.indexOf(t.text); i >= 0; i = n.indexOf(t.text, i + 1)) spans.push([i, i + t.text.length]);
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
      terms.forEach(function (t) { var i = nx.indexOf(t.text, start); if (i >= 0 && (at < 0 || i < at)) at = i; });
      return at >= 0;
    });
    var floor = at < 0 || at >= body ? body : 0, from = Math.max(floor, at - 30);
    if (from > floor && x.charCodeAt(from) >= 0xdc00 && x.charCodeAt(from) <= 0xdfff) from--;
    var to = Math.min(x.length, from + 120);
    var lead = from > floor ? "…" : "", tail = to < x.length ? "…" : "";
    return lead + marked(x.slice(from, to).replace(/\s+/g, " "), terms) + tail;
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
  function renderFacets(counts) {
    FACETS.forEach(function (f) {
      var key = f[0], s = ui.selects[key], labels = meta.facets[key], sel = selected(key), opts = [];
      labels.forEach(function (l, i) { if (counts[key][i] || i === sel) opts.push(i); });
      if (key === "unit" || key === "topic") opts.sort(function (a, b) { return counts[key][b] - counts[key][a] || a - b; });
      s.innerHTML = "";
      s.append(new Option(f[2], ""));
      opts.forEach(function (i) { s.append(new Option(labels[i][1] + "（" + counts[key][i] + "）", labels[i][0], false, i === sel)); });
    });
  }
  function renderHit(h, terms) {
    var p = h.text, li = el("li", "rs-result");
    var a = el("a", "rs-title", marked(p.t, terms));
    a.href = new URL(p.u, siteRoot).href;
    var bits = [p.n, p.d, p.c ? p.c + "类" : "", p.k].filter(Boolean).map(esc).join(" · ");
    li.append(el("h3", "rs-heading"), el("p", "rs-meta", bits), el("p", "rs-excerpt", excerpt(p, terms)));
    li.firstChild.append(a);
    if (!h.exact) li.classList.add("rs-partial");
    return li;
  }
  function writeURL(push) {
    var u = new URL(location.href), params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    FACETS.forEach(function (f) { if (state.f[f[0]] !== undefined) params.set(f[0], state.f[f[0]]); });
    u.search = params.toString();
    if (u.href !== location.href) history[push ? "pushState" : "replaceState"](null, "", u.href);
  }
  function readURL() {
    var params = new URLSearchParams(location.search);
    state.q = (params.get("q") || "").trim();
    state.f = {};
    FACETS.forEach(function (f) { var v = params.get(f[0]); if (v !== null) state.f[f[0]] = v; });
    ui.input.value = state.q;
  }
  function go(push) { state.shown = PAGE; writeURL(push); search(true); }

  function search(fresh) {
    var my = ++run, terms = parseTerms(state.q), started = performance.now();
    root.setAttribute("data-state", "busy");
    var matched = terms.length ? Promise.all(terms.map(evalTerm)) : Promise.resolve(null);
    return Promise.all([matched, facetsReady]).then(function (res) {
      var perTerm = res[0];
      facets = res[1];
      if (my !== run) return;
      var docs;
      if (perTerm) {
        docs = Array.from(perTerm[0].keys()).filter(function (d) { return perTerm.every(function (m) { return m.has(d); }); });
      } else {
        docs = []; for (var d = 0; d < meta.count; d++) docs.push(d);
      }
      var fc = filterAndCount(docs);
      var hits = perTerm ? makeHits(fc.docs, perTerm) : fc.docs.map(function (d) { return { doc: d, terms: [] }; });
      if (perTerm) rank(hits);
      return verify(hits, terms, state.shown, VERIFY_BUDGET * PAGE + state.shown).then(function () {
        if (my !== run) return;
        renderFacets(fc.counts);
        ui.list.innerHTML = "";
        hits.slice(0, state.shown).forEach(function (h) { ui.list.append(renderHit(h, terms)); });
        ui.more.hidden = hits.length <= state.shown;
        var filtered = Object.keys(state.f).length > 0;
        if (!hits.length) {
          ui.status.textContent = state.q ? "没有找到与“" + state.q + "”相关的答复" + (filtered ? "（已按筛选条件缩小范围）" : "")
            : "没有符合筛选条件的答复";
        } else {
          ui.status.textContent = (state.q ? "找到 " + hits.length + " 件相关答复" : "共 " + hits.length + " 件答复") +
            (hits.length > state.shown ? "，显示前 " + state.shown + " 件" : "");
        }
        api.last = { query: state.q, filters: Object.assign({}, state.f), total: hits.length,
          docs: hits.map(function (h) { return h.doc; }), exact: hits.map(function (h) { return h.terms.every(function (e) { return e.ok; }); }),
          ms: performance.now() - started, at: performance.now() };
        root.setAttribute("data-state", "done");
      });
    }).catch(function (e) {
      if (my !== run) return;
      ui.status.textContent = "搜索暂时无法使用，请稍后再试。";
      root.setAttribute("data-state", "error");
      if (window.console) console.error(e);
    });
  }

  if (!window.DecompressionStream) {
    root.textContent = "您的浏览器版本较旧，无法使用站内搜索；请升级浏览器，或从首页按年度、单位、主题浏览答复。";
    return;
  }
  var facetsReady;
  fetch(new URL("meta.json", base).href).then(function (r) {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }).then(function (m) {
    meta = m;
    siteRoot = new URL(meta.root, base);
    facetsReady = loadFacets();
    buildUI();
    readURL();
    window.addEventListener("popstate", function () { readURL(); state.shown = PAGE; search(true); });
    return search(true);
  }).catch(function (e) {
    root.textContent = "搜索索引加载失败，请稍后再试。";
    root.setAttribute("data-state", "error");
    if (window.console) console.error(e);
  });
})();
