"""Search benchmark (issue 3): our n-gram index against Pagefind's default setup, same site.

Generates a synthetic archive (`replysite generate`), makes one HTML page per reply (`--site
plain`, fast) or runs the real `replysite build` (`--site real`), builds our index and
Pagefind's default index over the same pages, serves both on 127.0.0.1 with gzip like a static
host, then runs the query set in headless Chromium, each query in a fresh (cold) browser
context. Reported per engine: recall (replies containing the query that are returned),
precision@10 (the top 10 all contain it, where at least 10 do), bytes transferred for the
cold query (page + assets + index, gzip, headers included) and milliseconds from navigation
to results on screen.

    python benchmarks/search_bench.py --count 10000 --record     # also writes BENCHMARKS.md

Work folders go to benchmarks/work/search/ (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import Browser, sync_playwright

from replysite.archive import load_archive
from replysite.outputs.search import SearchRecord, build_index, record_from_reply
from replysite.outputs.search.index import ordered
from replysite.local_http import serve
from replysite.synthetic import generate

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "scripts" / "replysite" / "assets" / "search"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
HEADING = "## 搜索 (issue 3)"
FIXED = ["营商", "养老", "物业", "停车", "托育", "防汛", "就业", "医保", "食品", "灯",
         "营商环境", "双随机", "一网通办", "老旧小区改造", "明厨亮灶", "碳达峰碳中和", "15分钟生活圈",
         "接诉即办", "家门口就业", "〔2023〕1号", "〔2019〕12号", "55", "2024", "96.54",
         "营商环境 2023", "养老 社区", "物业 维修资金", "停车 东湖区"]
OUR_DONE = "document.querySelector('#reply-search').dataset.state === 'done'"
PF_DONE = ("document.querySelector('.pagefind-ui__result-link') || "
           "/No results|未找到|无结果/.test((document.querySelector('.pagefind-ui__message') || {}).textContent || '')")


@dataclass
class Outcome:
    returned: int
    recall: float
    p10: float  # 1.0 when every one of the top min(10, truth) contains the query
    kb: float
    ms: float


def queries(records: list[SearchRecord]) -> list[str]:
    docs = ordered(records)
    picks = [docs[len(docs) * k // 7] for k in (1, 3, 5)]
    derived = [r.proposers[0] for r in picks]
    derived += [r.doc_number[:r.doc_number.index("〔")] for r in picks if r.doc_number][:2]
    phone = next(r.text.split("\n", 1)[0].rsplit(" ", 1)[-1] for r in docs if re.search(r" \d{8}$", r.meta))
    derived += [phone, f"{picks[0].proposers[0]} {picks[0].topics[0][:2]}"]
    return FIXED + derived


def truth(records: list[SearchRecord], q: str) -> set[str]:
    terms = q.split()
    return {r.id for r in records if all(t in f"{r.title}\n{r.text}" for t in terms)}


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
    subprocess.run([sys.executable, "-c", "from replysite.commands import main; main()", "build", "-f",
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


def cold(browser: Browser, url: str, done: str) -> tuple[float, float, object]:
    """Bytes (KB) and ms to results for one cold load; also returns the page for further use."""
    context = browser.new_context()
    page = context.new_page()
    requests: list = []
    page.on("requestfinished", lambda r: requests.append(r))
    page.goto(url)
    ms = page.wait_for_function(f"() => ({done}) && performance.now()", timeout=120_000).json_value()
    page.wait_for_load_state("networkidle")
    total = sum(s["responseBodySize"] + s["responseHeadersSize"] for s in (r.sizes() for r in requests))
    return total / 1024, float(ms), (context, page)


def score(ranked: list[str], want: set[str]) -> tuple[float, float]:
    recall = len(want & set(ranked)) / len(want) if want else 1.0
    k = min(10, len(want))
    p10 = sum(i in want for i in ranked[:k]) / k if k else 1.0
    return recall, p10


def run_ours(browser: Browser, base: str, q: str, ids: list[str], want: set[str]) -> Outcome:
    kb, ms, (context, page) = cold(browser, f"{base}search/?q={quote(q)}", OUR_DONE)
    docs = page.evaluate("window.replySearch.last.docs")
    context.close()
    ranked = [ids[d] for d in docs]
    return Outcome(len(ranked), *score(ranked, want), kb, ms)


PF_ALL = """async (q) => {
  const pf = await import('../pagefind/pagefind.js');
  const res = await pf.search(q);
  const urls = [];
  for (let i = 0; i < res.results.length; i += 100)
    urls.push(...(await Promise.all(res.results.slice(i, i + 100).map(r => r.data()))).map(d => d.url));
  return urls;
}"""


def run_pagefind(browser: Browser, base: str, q: str, want: set[str]) -> Outcome:
    kb, ms, (context, page) = cold(browser, f"{base}pagefind-ui/?q={quote(q)}", PF_DONE)
    urls = page.evaluate(PF_ALL, q)
    context.close()
    ranked = [m.group(1) for u in urls if (m := re.search(r"replies/([^/]+)/", u))]
    return Outcome(len(ranked), *score(ranked, want), kb, ms)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} 核, {mem:.0f} GB 内存, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def table(rows: list[tuple[str, int, Outcome, Outcome]]) -> list[str]:
    out = ["| 查询 | 应有 | 本站 返回 | 召回 | P@10 | KB | ms | Pagefind 返回 | 召回 | P@10 | KB | ms |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for q, n, a, b in rows:
        out.append(f"| `{q}` | {n} | {a.returned} | {a.recall:.2f} | {a.p10:.2f} | {a.kb:.0f} | {a.ms:.0f} | "
                   f"{b.returned} | {b.recall:.2f} | {b.p10:.2f} | {b.kb:.0f} | {b.ms:.0f} |")
    return out


def summary(rows: list[tuple[str, int, Outcome, Outcome]], which: int) -> dict[str, float]:
    outs = [r[2 + which] for r in rows]
    return {"recall": min(o.recall for o in outs), "recall_mean": sum(o.recall for o in outs) / len(outs),
            "p10": sum(o.p10 == 1.0 for o in outs) / len(outs), "kb_max": max(o.kb for o in outs),
            "kb_mean": sum(o.kb for o in outs) / len(outs), "ms_max": max(o.ms for o in outs),
            "ms_mean": sum(o.ms for o in outs) / len(outs)}


SITE_HEADINGS = {"plain": "### 每份答复一个简单页面（`--site plain`）",
                 "real": "### 实际站点：`replysite build`，Material 页面（`--site real`）"}


def _replace_block(text: str, heading: str, block: str, level: str) -> str:
    """Replace the block under `heading` (up to the next heading of `level` or higher) or append it."""
    start = text.find(heading)
    if start < 0:
        return text.rstrip("\n") + "\n\n" + block
    ends = [i for i in (text.find("\n" + h, start + len(heading)) for h in level) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[:start] + block + ("\n" if end < len(text) else "") + text[end:]


def record_section(site: str, lines: list[str]) -> None:
    """Write this run into BENCHMARKS.md, section HEADING, subsection of the site kind."""
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# 性能基准\n"
    if HEADING not in text:
        text = text.rstrip("\n") + f"\n\n{HEADING}\n\n{SECTION_INTRO}\n"
    start = text.find(HEADING)
    nxt = text.find("\n## ", start + len(HEADING))
    section = text[start:] if nxt < 0 else text[start:nxt + 1]
    block = "\n".join([SITE_HEADINGS[site], "", *lines]) + "\n"
    section = _replace_block(section, SITE_HEADINGS[site], block, ("### ", "## "))
    section = section.rstrip("\n") + "\n" + ("\n" if nxt >= 0 else "")
    text = text[:start] + section + ("" if nxt < 0 else text[nxt + 1:])
    path.write_text(text, encoding="utf-8")


SECTION_INTRO = (
    "本站搜索：字符 n 元组（单字、双字，含数字或标点的三字组）倒排索引，按哈希分片、预先 gzip 压缩，"
    "浏览器按需读取查询用到的分片，再读取候选答复的全文（每件一个小文件）核对原文并生成摘要（见 "
    "`scripts/replysite/search/`）。召回率：语料中含查询字符串（多个词则全部包含）的答复有多少被返回；"
    "P@10：前 10 条（不足 10 条时为全部应有条数）是否都确实包含查询字符串；传输量为冷查询从打开搜索页到结果显示、"
    "网络空闲为止的全部响应（正文压缩后大小加响应头）。"
    "“本站 返回”包括只含查询字符串各部分（而非整串）的答复：它们排在含整串的答复之后，并标注“部分匹配”，"
    "召回率与 P@10 按整串计算。")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--site", choices=("plain", "real"), default="plain")
    ap.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "work" / "search")
    ap.add_argument("--record", action="store_true", help="write the results into BENCHMARKS.md")
    args = ap.parse_args()
    work = args.work / f"n{args.count}-s{args.seed}"
    corpus = work / "replies"
    if not (corpus / "units.yml").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        generate(args.count, corpus, seed=args.seed)
    t0 = time.perf_counter()
    archive = load_archive(corpus, today=dt.date.today())
    t1 = time.perf_counter()
    records = [record_from_reply(r) for r in archive.replies]
    t2 = time.perf_counter()
    if args.site == "plain":
        site = work / "site"
        plain_site(records, site)
        build_s = None
    else:
        build_s = real_site(corpus, work / "project")
        site = work / "project" / "site"
    t3 = time.perf_counter()
    stats = build_index(records, site / "search-data")
    index_s = time.perf_counter() - t3
    t4 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site)], check=True, stdout=subprocess.DEVNULL)
    pagefind_s = time.perf_counter() - t4
    pagefind_page(site)
    ids = [r.id for r in ordered(records)]
    chars = sum(len(r.body) for r in records) / len(records)
    print(f"{len(records)} 份答复（正文平均 {chars:.0f} 字）；解析 {t1 - t0:.1f} s，记录 {t2 - t1:.1f} s，"
          f"本站索引 {index_s:.1f} s（{stats.files} 个文件，{stats.bytes / 2**20:.0f} MB），Pagefind 索引 {pagefind_s:.1f} s")
    rows = []
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for q in queries(records):
            want = truth(records, q)
            rows.append((q, len(want), run_ours(browser, base, q, ids, want), run_pagefind(browser, base, q, want)))
            print(*table(rows[-1:])[2:], flush=True)
        browser.close()
    ours, pf = summary(rows, 0), summary(rows, 1)
    lines = [f"{dt.date.today().isoformat()}，{machine()}；`python benchmarks/search_bench.py --count {args.count} "
             f"--seed {args.seed} --site {args.site}`（Pagefind {pagefind_version()}，默认设置与默认界面）。", "",
             f"- 语料：{len(records)} 份合成答复，正文平均 {chars:.0f} 字；{len(rows)} 个查询，每个查询在全新（冷）浏览器上下文中执行。",
             f"- 建索引：本站 {index_s:.1f} s（{stats.files} 个文件，共 {stats.bytes / 2**20:.0f} MB）"
             f"；由答复生成搜索记录 {t2 - t1:.1f} s；Pagefind {pagefind_s:.1f} s"
             + (f"；`replysite build` 全站 {build_s:.0f} s" if build_s else "") + "。",
             "", "| 指标 | 本站 | Pagefind | 比值（Pagefind / 本站） |", "|---|---|---|---|",
             f"| 最低召回率 | {ours['recall']:.3f} | {pf['recall']:.3f} | |",
             f"| 平均召回率 | {ours['recall_mean']:.3f} | {pf['recall_mean']:.3f} | |",
             f"| P@10 = 1 的查询占比 | {ours['p10']:.2f} | {pf['p10']:.2f} | |",
             f"| 冷查询传输量 平均 / 最大（KB） | {ours['kb_mean']:.0f} / {ours['kb_max']:.0f} | "
             f"{pf['kb_mean']:.0f} / {pf['kb_max']:.0f} | {pf['kb_mean'] / ours['kb_mean']:.1f} |",
             f"| 冷查询出结果 平均 / 最大（ms） | {ours['ms_mean']:.0f} / {ours['ms_max']:.0f} | "
             f"{pf['ms_mean']:.0f} / {pf['ms_max']:.0f} | {pf['ms_mean'] / ours['ms_mean']:.1f} |",
             "", "<details><summary>逐个查询</summary>", "", *table(rows), "", "</details>"]
    print("\n".join(lines))
    if args.record:
        record_section(args.site, lines)


def pagefind_version() -> str:
    out = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True)
    return out.stdout.strip().split()[-1] if out.stdout.strip() else "?"


if __name__ == "__main__":
    main()
