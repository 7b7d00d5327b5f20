"""Search benchmark (issues 3 and 16): our index against Pagefind's default setup, same site.

Generates a synthetic archive (`replysite generate`), makes one HTML page per reply (`--site
plain`, fast) or runs the real `replysite build` (`--site real`; or `--project DIR`, a project
already built by `replysite build`, e.g. by build_bench.py), builds Pagefind's default index over
the same pages, serves both on 127.0.0.1 with gzip like a static host, then runs the query set
(`queries`: at least 40 of the kinds issue 16 lists, drawn from the corpus with a fixed seed) in
headless Chromium, each query in a fresh (cold) browser context. The truth is the replies whose
normalised text holds every normalised term (`textnorm.query_terms`). Reported per engine:
recall (true replies among those returned), P@10 (the top min(10, truth) all true), whether the
count shown is exact (or labelled 约), bytes transferred for the cold query (page + assets +
index, gzip, headers included) and milliseconds from navigation to results on screen.

    python benchmarks/search_bench.py --count 10000 --site real --record   # also writes BENCHMARKS.md

Pagefind is skipped above `--pagefind-max` replies (it needs about 0.45 MB of memory per page
for Chinese: 100,000 pages do not fit this machine); the record says so. Work folders go to
benchmarks/work/search/ (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import Browser, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from replysite.archive import load_archive
from replysite.outputs.search import SearchRecord, build_index, record_from_reply
from replysite.outputs.search.index import ordered
from replysite.outputs.search.textnorm import normalize, query_terms
from replysite.local_http import serve
from replysite.synthetic import generate

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "scripts" / "replysite" / "assets" / "search"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
HEADING = "## 搜索 (issue 16)"
WORDS = ["营商", "养老", "物业", "停车", "托育", "防汛", "就业", "医保"]
BRACKETS = ["〔〕", "[]", "()", "【】", "［］", "（）", "〈〉", "⟨⟩"]
FIXED = ["营商环境 2023", "养老 社区", "物业 维修资金", "量子计算机", "不存在的词语", "營商環境", "養老服務",
         "一網通辦", "“营商环境”", "营商环境。", "第55号"]
OUR_DONE = "document.querySelector('#reply-search').dataset.state === 'done'"
PF_DONE = ("document.querySelector('.pagefind-ui__result-link') || "
           "/No results|未找到|无结果/.test((document.querySelector('.pagefind-ui__message') || {}).textContent || '')")
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass
class Outcome:
    returned: int
    recall: float | None  # None: not measured (Pagefind's results too many to read them all)
    p10: float  # 1.0 when every one of the top min(10, truth) contains the query
    kb: float
    ms: float
    count: str = ""  # what the count says: "=" exact and right, "约" labelled estimate, "≠" wrong
    timed_out: bool = False  # no results shown within COLD_TIMEOUT


def queries(records: list[SearchRecord], seed: int = 16) -> list[tuple[str, str]]:
    """(kind, query): every kind issue 16 lists, drawn from the corpus with a fixed seed."""
    rng = random.Random(seed)
    docs = ordered(records)
    out = [("短词", w) for w in WORDS]
    bodies = [normalize(r.body) for r in rng.sample(docs, 60)]
    runs = [m.group() for b in bodies for m in CJK_RUN.finditer(b)]
    for n in (4, 5, 6, 6, 7, 8, 8, 8):
        run = rng.choice([r for r in runs if len(r) >= n + 2])
        i = rng.randrange(len(run) - n)
        out.append(("词组", run[i:i + n]))
    clauses = [c for b in bodies for c in b.split(" ") if 15 <= len(c) <= 20]
    out += [("整句", c) for c in rng.sample(clauses, 6)]
    picks = rng.sample(docs, 40)
    out += [("人名", r.proposers[0]) for r in picks[:4]]
    numbered = [r for r in picks if r.doc_number and "〔" in r.doc_number]
    for i, (o, c) in enumerate(BRACKETS):
        dn = numbered[i % len(numbered)].doc_number
        q = dn.replace("〔", o).replace("〕", c)
        out.append(("文号", q if i % 2 == 0 else q[q.index(o):]))
    meta = " ".join(r.meta for r in picks)
    phone = re.search(r" (\d{8})( |$)", meta)
    numbers = [phone.group(1)] if phone else []
    text = " ".join(bodies)
    numbers += rng.sample(re.findall(r"(?<![\d.])\d{3,6}\.\d{2}(?![\d%])", text), 2)
    out += [("数字", n) for n in numbers]
    out += [("百分比", p) for p in rng.sample(re.findall(r"(?<![\d.])\d{1,2}\.\d{1,2}%", text), 3)]
    out += [("多词", q) for q in FIXED[:3]] + [("多词", f"{picks[5].proposers[0]} {picks[5].topics[0][:2]}")]
    out += [("无结果", q) for q in FIXED[3:5]] + [("繁体", q) for q in FIXED[5:8]]
    out += [("标点", q) for q in FIXED[8:10]] + [("编号", FIXED[10])]
    return out


class Truth:
    """The replies holding every normalised term of a query, as ids."""

    def __init__(self, records: list[SearchRecord]) -> None:
        self.ids = [r.id for r in records]
        self.texts = [normalize(f"{r.title}\n{r.text}") for r in records]

    def __call__(self, q: str) -> set[str]:
        terms = query_terms(q)
        if not terms:
            return set(self.ids)
        return {i for i, t in zip(self.ids, self.texts) if all(x in t for x in terms)}


def page_html(title: str, body: str, head: str = "") -> str:
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width,initial-scale=1"><title>{html.escape(title)}</title>{head}</head>'
            f"<body>{body}</body></html>")


def plain_site(records: list[SearchRecord], site: Path) -> None:
    """One simple page per reply, the same text as the search records."""
    shutil.rmtree(site, ignore_errors=True)
    for r in records:
        paras = "".join(f"<p>{html.escape(line)}</p>" for line in r.body.split("\n"))
        out = site / r.url / "index.html"
        out.parent.mkdir(parents=True)
        out.write_text(page_html(r.title, f"<main><h1>{html.escape(r.title)}</h1><p>{html.escape(r.meta)}</p>"
                                 f"{paras}</main>"), encoding="utf-8")
    shutil.copytree(ASSETS, site / "assets" / "replysite" / "search")
    (site / "search").mkdir()
    (site / "search" / "index.html").write_text(page_html(
        "搜索", '<h1>搜索答复</h1><div id="reply-search" data-index="../search-data/"></div>'
        '<script src="../assets/replysite/search/search.js" defer></script>',
        '<link rel="stylesheet" href="../assets/replysite/search/search.css">'), encoding="utf-8")


def real_site(corpus: Path, project: Path) -> float:
    """`replysite build` of the repository's mkdocs.yml and docs/ around the corpus."""
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "replies").symlink_to(corpus.resolve())
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "replysite", "build", "-f",
                    "mkdocs.yml", "-d", "site"], cwd=project, check=True)
    return time.perf_counter() - started


def pagefind_page(site: Path) -> None:
    body = ('<h1>Pagefind</h1><div id="search"></div><script>window.addEventListener("DOMContentLoaded",'
            '()=>{const ui=new PagefindUI({element:"#search",showSubResults:true});'
            'const q=new URLSearchParams(location.search).get("q");if(q)ui.triggerSearch(q);});</script>')
    head = ('<link href="../pagefind/pagefind-ui.css" rel="stylesheet">'
            '<script src="../pagefind/pagefind-ui.js"></script>')
    (site / "pagefind-ui").mkdir(exist_ok=True)
    (site / "pagefind-ui" / "index.html").write_text(page_html("Pagefind", body, head), encoding="utf-8")


COLD_TIMEOUT = 120_000  # ms


def cold(browser: Browser, url: str, done: str) -> tuple[float, float | None, object]:
    """Bytes (KB) and ms to results for one cold load (None: no results within COLD_TIMEOUT, and
    the bytes fetched until then); also returns the page for further use."""
    context = browser.new_context()
    page = context.new_page()
    requests: list = []
    page.on("requestfinished", lambda r: requests.append(r))
    page.goto(url)
    try:
        ms = float(page.wait_for_function(f"() => ({done}) && performance.now()", timeout=COLD_TIMEOUT).json_value())
        page.wait_for_load_state("networkidle")
    except PlaywrightTimeout:
        ms = None
    total = sum(s["responseBodySize"] + s["responseHeadersSize"] for s in (r.sizes() for r in list(requests)))
    return total / 1024, ms, (context, page)


def score(ranked: list[str], want: set[str], complete: bool = True) -> tuple[float | None, float]:
    recall = (len(want & set(ranked)) / len(want) if want else 1.0) if complete else None
    k = min(10, len(want))
    p10 = sum(i in want for i in ranked[:k]) / k if k else 1.0
    return recall, p10


def run_ours(browser: Browser, base: str, q: str, ids: list[str], want: set[str]) -> Outcome:
    kb, ms, (context, page) = cold(browser, f"{base}search/?q={quote(q)}", OUR_DONE)
    last = page.evaluate("window.replySearch.last")
    context.close()
    ranked = [ids[d] for d in last["docs"]]
    count = ("=" if last["total"] == len(want) else "≠") if last["exact"] else f"约{last['estimate']}"
    return Outcome(len(ranked), *score(ranked, want), kb, ms, count)


PF_ALL = """async ([q, most]) => {
  const pf = await import('../pagefind/pagefind.js');
  const res = await pf.search(q);
  const take = res.results.length <= most ? res.results.length : 10;
  const urls = [];
  for (let i = 0; i < take; i += 100)
    urls.push(...(await Promise.all(res.results.slice(i, Math.min(i + 100, take)).map(r => r.data()))).map(d => d.url));
  return [res.results.length, urls];
}"""
PF_READ_MAX = 10 ** 9  # results whose URLs are all read for recall (`--pagefind-recall-max`)


def run_pagefind(browser: Browser, base: str, q: str, want: set[str]) -> Outcome:
    kb, ms, (context, page) = cold(browser, f"{base}pagefind-ui/?q={quote(q)}", PF_DONE)
    if ms is None:
        context.close()
        return Outcome(0, 0.0, 0.0, kb, COLD_TIMEOUT, timed_out=True)
    n, urls = page.evaluate(PF_ALL, [q, PF_READ_MAX])
    context.close()
    ranked = [m.group(1) for u in urls if (m := re.search(r"replies/([^/]+)/", u))]
    return Outcome(n, *score(ranked, want, complete=len(urls) == n), kb, ms)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{cpu}, {os.cpu_count()} 核, {machine_memory_gb():.0f} GB 内存, {platform.system()} {platform.release()}, Python {platform.python_version()}"


Row = tuple[str, str, int, Outcome, "Outcome | None"]


def table(rows: list[Row]) -> list[str]:
    out = ["| 类别 | 查询 | 应有 | 本站 返回 | 召回 | P@10 | 计数 | KB | ms | Pagefind 返回 | 召回 | P@10 | KB | ms |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for kind, q, n, a, b in rows:
        pf = ("— | — | — | — | —" if not b else
              f"超时 | 0 | 0 | {b.kb:.0f} | > {b.ms:.0f}" if b.timed_out else
              f"{b.returned} | {'未测' if b.recall is None else f'{b.recall:.2f}'} | {b.p10:.2f} | {b.kb:.0f} | {b.ms:.0f}")
        out.append(f"| {kind} | `{q}` | {n} | {a.returned} | {a.recall:.2f} | {a.p10:.2f} | {a.count} | {a.kb:.0f} | "
                   f"{a.ms:.0f} | {pf} |")
    return out


def summary(outs: list[Outcome]) -> dict[str, float]:
    measured = [o.recall for o in outs if o.recall is not None] or [float("nan")]
    return {"recall": min(measured), "recall_mean": sum(measured) / len(measured),
            "recall_measured": sum(o.recall is not None for o in outs), "timed_out": sum(o.timed_out for o in outs),
            "p10": sum(o.p10 == 1.0 for o in outs) / len(outs), "kb_max": max(o.kb for o in outs),
            "kb_median": statistics.median(o.kb for o in outs), "ms_max": max(o.ms for o in outs),
            "ms_median": statistics.median(o.ms for o in outs),
            "counts_ok": sum(o.count != "≠" for o in outs) / len(outs),
            "exact": sum(o.count == "=" for o in outs) / len(outs)}


def _replace_block(text: str, heading: str, block: str, level: str) -> str:
    """Replace the block under `heading` (up to the next heading of `level` or higher) or append it."""
    start = text.find(heading)
    if start < 0:
        nxt = text.find("\n## ", text.find(HEADING) + len(HEADING))
        if nxt < 0:
            return text.rstrip("\n") + "\n\n" + block
        return text[:nxt + 1] + block + "\n" + text[nxt + 1:]
    ends = [i for i in (text.find("\n" + h, start + len(heading)) for h in level) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[:start] + block + ("\n" if end < len(text) else "") + text[end:]


def record_section(heading: str, lines: list[str]) -> None:
    """Write this run into BENCHMARKS.md: section HEADING (placed first), subsection `heading`."""
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# 性能基准\n"
    if HEADING not in text:
        first = text.find("\n## ")
        intro = f"{HEADING}\n\n{SECTION_INTRO}\n\n"
        text = text + "\n\n" + intro if first < 0 else text[:first + 1] + intro + text[first + 1:]
    block = "\n".join([heading, "", *lines]) + "\n"
    text = _replace_block(text, heading, block, ("### ", "## "))
    path.write_text(text, encoding="utf-8")


SECTION_INTRO = (
    "本站搜索（`scripts/replysite/outputs/search/`）：索引键为单字、双字、四字组，以及连续的数字、"
    "字母、括号等字符串（连同前后的汉字）；查询按与索引相同的规则规范化（括号统一、标点与引号分词、繁体转简体、"
    "全角转半角、各种空格、`第055号` 即 `第55号`）。一个查询词只用一个键就能证明时，列表就是确切结果，计数准确；"
    "否则浏览器读取候选答复的全文核对，只显示核对过的答复，计数标“约”。"
    "应有：规范化后含全部查询词的答复数。召回率：应有答复中被返回（可翻页到达）的比例；P@10：前 min(10, 应有) 条"
    "是否都确实包含；计数：`=` 表示显示的件数准确，`约N` 表示显示为估计并标明“约”，`≠` 表示显示的准确数字不对；"
    "传输量为冷查询（全新浏览器上下文）从打开搜索页到结果显示、网络空闲为止的全部响应（压缩后大小加响应头），"
    "含页面本身（Material 主题的样式和脚本约 76 KB）。机器与其他任务共用，毫秒数会有波动。")


def run_queries(site: Path, records: list[SearchRecord], pagefind: bool) -> list[Row]:
    ids = [r.id for r in ordered(records)]
    truth = Truth(records)
    rows: list[Row] = []
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for kind, q in queries(records):
            want = truth(q)
            ours = run_ours(browser, base, q, ids, want)
            pf = run_pagefind(browser, base, q, want) if pagefind else None
            rows.append((kind, q, len(want), ours, pf))
            print(*table(rows[-1:])[2:], flush=True)
        browser.close()
    return rows


def load(corpus: Path) -> list[SearchRecord]:
    archive = load_archive(corpus, today=dt.date.today())
    return [record_from_reply(r) for r in archive.replies]


def _meminfo_kb(field: str) -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def machine_memory_gb() -> float:
    return _meminfo_kb("MemTotal") / 2**20


def swap_total_gb() -> float:
    return _meminfo_kb("SwapTotal") / 2**20


def swap_used_mb() -> float:
    return (_meminfo_kb("SwapTotal") - _meminfo_kb("SwapFree")) / 1024


def peak_rss_mb(cmd: list[str], timeout: float | None = None) -> tuple[float, float, float] | None:
    """Seconds, peak RSS (MB, from GNU time) and the peak swap use of the machine while it ran
    (MB above what was in use before) of a command; None when it did not finish in `timeout` s."""
    started = time.perf_counter()
    before, peak = swap_used_mb(), [0.0]
    done = threading.Event()

    def watch() -> None:
        while not done.wait(2):
            peak[0] = max(peak[0], swap_used_mb() - before)
    threading.Thread(target=watch, daemon=True).start()
    proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return None
    finally:
        done.set()
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd, stderr=err)
    return time.perf_counter() - started, int(err.strip().splitlines()[-1]) / 1024, peak[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--site", choices=("plain", "real"), default="real")
    ap.add_argument("--project", type=Path, help="a project already built by `replysite build` (its replies/ and site/)")
    ap.add_argument("--pagefind-max", type=int, default=20000, help="skip Pagefind above this many replies")
    ap.add_argument("--pagefind-timeout", type=float, default=None,
                    help="give Pagefind's indexing at most this many minutes")
    ap.add_argument("--pagefind-recall-max", type=int, default=None,
                    help="read the URLs of at most this many Pagefind results (recall is not measured for a "
                         "query with more; P@10 always is)")
    ap.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "work" / "search")
    ap.add_argument("--record", action="store_true", help="write the results into BENCHMARKS.md")
    args = ap.parse_args()
    global PF_READ_MAX
    if args.pagefind_recall_max:
        PF_READ_MAX = args.pagefind_recall_max
    load_avg = os.getloadavg()
    build_s = index_s = None
    if args.project:
        corpus, site = args.project / "replies", args.project / "site"
        t0 = time.perf_counter()
        records = load(corpus)
        record_s = time.perf_counter() - t0
    else:
        work = args.work / f"n{args.count}-s{args.seed}"
        corpus = work / "replies"
        if not (corpus / "units.yml").exists():
            shutil.rmtree(corpus, ignore_errors=True)
            generate(args.count, corpus, seed=args.seed)
        t0 = time.perf_counter()
        records = load(corpus)
        record_s = time.perf_counter() - t0
        if args.site == "plain":
            site = work / "site"
            plain_site(records, site)
            t3 = time.perf_counter()
            build_index(records, site / "search-data")
            index_s = time.perf_counter() - t3
        else:
            build_s = real_site(corpus, work / "project")
            site = work / "project" / "site"
    n = len(records)
    pagefind = n <= args.pagefind_max
    pf_s = pf_mb = pf_swap = None
    pf_timed_out = False
    if pagefind:
        shutil.rmtree(site / "pagefind", ignore_errors=True)
        ran = peak_rss_mb([sys.executable, "-m", "pagefind", "--site", str(site)],
                          args.pagefind_timeout * 60 if args.pagefind_timeout else None)
        if ran is None:
            pagefind, pf_timed_out = False, True
            shutil.rmtree(site / "pagefind", ignore_errors=True)
        else:
            pf_s, pf_mb, pf_swap = ran
            pagefind_page(site)
    files = sum(1 for p in (site / "search-data").rglob("*") if p.is_file())
    size = sum(p.stat().st_size for p in (site / "search-data").rglob("*") if p.is_file())
    chars = sum(len(r.body) for r in records) / n
    rows = run_queries(site, records, pagefind)
    ours = summary([r[3] for r in rows])
    pf = summary([r[4] for r in rows if r[4]]) if pagefind else None
    how = f"--project {args.project}" if args.project else f"--count {args.count} --seed {args.seed} --site {args.site}"
    if pagefind:
        pf_note = (f"Pagefind {pagefind_version()}（默认设置与默认界面）建索引 {pf_s:.0f} s，峰值内存 {pf_mb / 1024:.1f} GB"
                   + (f"，另用交换区至多 {pf_swap / 1024:.1f} GB" if pf_swap and pf_swap > 100 else ""))
    elif pf_timed_out:
        pf_note = (f"Pagefind {pagefind_version()}（默认设置）建索引 {args.pagefind_timeout:.0f} 分钟内未完成，已中止"
                   f"（本机内存 {machine_memory_gb():.0f} GB，交换区 {swap_total_gb():.0f} GB）")
    else:
        pf_note = (f"Pagefind 未运行：{n} 个页面超过 `--pagefind-max {args.pagefind_max}`。Pagefind 1.5.2 处理中文页面"
                   "约需每页 0.5 MB 内存（同机 10,000 页实测峰值 4.7–5.6 GB），100,000 页约需 50 GB，超过本机 24 GB 内存")
    lines = [f"{dt.date.today().isoformat()}，{machine()}；开始时负载 {load_avg[0]:.2f} {load_avg[1]:.2f} {load_avg[2]:.2f}；"
             f"`python benchmarks/search_bench.py {how}`。", "",
             f"- 语料：{n} 份合成答复，正文平均 {chars:.0f} 字；{len(rows)} 个查询，每个查询在全新（冷）浏览器上下文中执行。",
             f"- 本站索引：{files} 个文件，共 {size / 2**20:.0f} MB" + (f"，建索引 {index_s:.0f} s" if index_s else "")
             + (f"；`replysite build` 全站 {build_s:.0f} s" if build_s else "") + f"；读入答复与生成记录 {record_s:.0f} s。",
             f"- {pf_note}。",
             *([f"- 比值（Pagefind / 本站）：传输量中位数 {pf['kb_median'] / ours['kb_median']:.1f}，"
                f"出结果中位数 {pf['ms_median'] / ours['ms_median']:.1f}。"] if pf else []),
             "", "| 指标 | 本站 | Pagefind |", "|---|---|---|",
             f"| 最低 / 平均召回率 | {ours['recall']:.3f} / {ours['recall_mean']:.3f} | "
             + ((f"{pf['recall']:.3f} / {pf['recall_mean']:.3f}" + (
                 f"（召回只测了结果不多于 {PF_READ_MAX} 件的 {pf['recall_measured']} 个查询）"
                 if pf["recall_measured"] < len(rows) else "") + " |") if pf else "— |"),
             f"| P@10 = 1 的查询占比 | {ours['p10']:.2f} | " + (f"{pf['p10']:.2f} |" if pf else "— |"),
             f"| 计数准确或标明“约”的查询占比（其中准确） | {ours['counts_ok']:.2f}（{ours['exact']:.2f}） | — |",
             f"| 冷查询传输量 中位数 / 最大（KB） | {ours['kb_median']:.0f} / {ours['kb_max']:.0f} | "
             + (f"{pf['kb_median']:.0f} / {pf['kb_max']:.0f} |" if pf else "— |"),
             f"| 冷查询出结果 中位数 / 最大（ms） | {ours['ms_median']:.0f} / {ours['ms_max']:.0f} | "
             + ((f"{pf['ms_median']:.0f} / {pf['ms_max']:.0f}" + (
                 f"（{pf['timed_out']} 个查询 {COLD_TIMEOUT // 1000} s 内未出结果，按 {COLD_TIMEOUT // 1000} s 计）"
                 if pf["timed_out"] else "") + " |") if pf else "— |"),
             "", "<details><summary>逐个查询</summary>", "", *table(rows), "", "</details>"]
    print("\n".join(lines))
    if args.record:
        record_section(f"### {n:,} 件答复" + ("（`--site plain`）" if args.site == "plain" and not args.project else ""), lines)


def pagefind_version() -> str:
    out = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True)
    return out.stdout.strip().split()[-1] if out.stdout.strip() else "?"


if __name__ == "__main__":
    main()
