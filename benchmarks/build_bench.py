"""Build-at-scale benchmark (issue 6): `replysite build` against a plain MkDocs build.

For each size it generates a synthetic archive (`replysite generate`), then measures, side by
side in one run: `replysite check`, `replysite build` (search index included), a plain
`mkdocs build` (Material, search off, no replysite plugin) of the same reply Markdown, the HTML
size of reply and index pages, the peak memory of each build, whether the build shows
progress and, with --serve, how long `replysite serve` takes to show an edited reply.

    python benchmarks/build_bench.py                      # 100 and 1,000 replies
    python benchmarks/build_bench.py --sizes 100,1000,10000 --json results.json

Work folders go to benchmarks/work/ (git-ignored) and are replaced on each run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from replysite.local_http import fetch, free_port
from replysite.synthetic import generate

ROOT = Path(__file__).resolve().parent.parent
REPLYSITE = [sys.executable, "-m", "replysite"]
TARGET_RATIO, SIZE_TOLERANCE, MEMORY_MB, CHECK_SECONDS, SERVE_SECONDS = 1.3, 0.05, 1536, 3.0, 10.0
MEMORY_MB_100K = 4096  # issue 16: the whole build of 100,000 replies, every process


@dataclass
class Run:
    seconds: float
    max_rss_mb: float  # the largest single process (what `/usr/bin/time` reports)
    pss_mb: float  # the peak of the sum over all its processes (PSS: shared pages counted once)
    code: int
    stdout: str
    stderr: str
    pss_at_peak: dict[str, float] = field(default_factory=dict)  # MB by process name at that peak


@dataclass
class SizeResult:
    size: int
    generate_s: float
    check_s: float
    build_s: float
    build_rss_mb: float
    build_pss_mb: float
    build_pss_at_peak: dict[str, float]  # MB by process name (several of a name summed) at the peak
    baseline_s: float
    baseline_rss_mb: float
    baseline_pss_mb: float
    probe_ids: list[str]  # the replies of the smallest archive, present in every larger one
    reply_html_median: int  # median HTML size of the probe replies' pages
    baseline_reply_html_median: int
    index_html: dict[str, int]
    progress_lines: list[str]
    serve_s: float | None  # None: not measured, or the page never changed (see serve_tried)
    serve_tried: bool


def _tree(pid: int) -> list[int]:
    pids = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                for child in f.read().split():
                    pids += _tree(int(child))
    except OSError:
        pass
    return pids


def _name(pid: int) -> str:
    """The process's name (the build names its forked workers `rs-…`)."""
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return "?"


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class _MemorySampler(threading.Thread):
    """The peak total PSS of a process and all its descendants (forked workers included).

    Reading `smaps_rollup` walks a process's page tables: for the gigabytes of a 100,000-reply
    build it takes tens of milliseconds, and sampling every 0.1 s took 40 % of a core from the
    build being measured. The pause after each sample is ten times the sample's own time (at
    least 0.1 s), so the sampler takes at most a tenth of one core."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.done = pid, 0, threading.Event()
        self.at_peak: dict[str, float] = {}  # MB by process name when the sum peaked

    def run(self) -> None:
        pause = 0.1
        while not self.done.wait(pause):
            started = time.perf_counter()
            sample = [(_name(p), _pss_kb(p)) for p in _tree(self.pid)]
            total = sum(kb for _, kb in sample)
            if total > self.peak_kb:
                self.peak_kb, self.at_peak = total, {}
                for name, kb in sample:
                    self.at_peak[name] = round(self.at_peak.get(name, 0) + kb / 1024, 1)
            pause = max(0.1, 10 * (time.perf_counter() - started))


# ext4 without a journal (this machine's disk) does not reuse an inode freed less than 60 s ago
# (360 s while its inode table block is not yet written back): each file created meanwhile
# costs a scan past the freed inodes, about 0.3 ms of kernel time instead of 0.01 ms.
INODE_RECENCY_S = 61


def without_site(project: Path) -> None:
    """Remove the project's site/ (if any) and wait until its freed inodes are reusable, so that
    the next build is not charged for the removal."""
    if (project / "site").exists():
        shutil.rmtree(project / "site")
        os.sync()
        time.sleep(INODE_RECENCY_S)


def run(cmd: list[str], cwd: Path) -> Run:
    """Run a command; wall time, the peak RSS of its largest process and the peak total PSS."""
    os.sync()  # the files of the previous run are on disk: their write-back is not charged to this one
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, text=True)
        sampler = _MemorySampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = Run(seconds, usage.ru_maxrss / 1024, sampler.peak_kb / 1024, proc.returncode, out.read(), err.read(),
                     sampler.at_peak)
    if result.code != 0:
        raise SystemExit(f"命令失败（{result.code}）：{' '.join(cmd)}\n{result.stderr[-3000:]}")
    return result


def read_reply(path: Path) -> tuple[str, str, str]:
    """(id, title, body) of a generated reply file."""
    text = path.read_text(encoding="utf-8")
    head, body = text[4:].split("\n---\n", 1)
    data = yaml.safe_load(head)
    return data["id"], data["title"], body


def make_project(folder: Path, size: int, seed: int, search: bool) -> float:
    """Our site: the repository's mkdocs.yml and docs/ around a synthetic replies/ folder."""
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    if not search:  # only to tell the search index's share of the build time apart
        config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
        config["plugins"] = [{"replysite": {**(p.get("replysite") or {}), "search": False}}
                             if isinstance(p, dict) and "replysite" in p else p for p in config["plugins"]]
        (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                           encoding="utf-8")
    shutil.copytree(ROOT / "docs", folder / "docs")
    start = time.perf_counter()
    generate(size, folder / "replies", seed)
    return time.perf_counter() - start


def make_baseline(folder: Path, replies: Path, auto_nav: bool) -> None:
    """Plain MkDocs + Material, search off, no plugin, the same reply Markdown as pages."""
    ours = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {
        "site_name": "基线：纯 MkDocs 构建", "docs_dir": "docs", "site_dir": "site",
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "zh", "font": False},
        "plugins": [],
        "markdown_extensions": ours.get("markdown_extensions", []),
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
    if not auto_nav:
        config["nav"] = [{"首页": "index.md"}]
    docs = folder / "docs" / "replies"
    docs.mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# 基线\n\n纯 MkDocs 构建的对照站点。\n", encoding="utf-8")
    for path in sorted(replies.rglob("*.md")):
        rid, title, body = read_reply(path)
        (docs / f"{rid}.md").write_text(f"# {title}\n{body}", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")


def median_page(site: Path, ids: list[str]) -> int:
    return int(statistics.median((site / "replies" / rid / "index.html").stat().st_size for rid in ids))


def measure_serve(project: Path, timeout: float) -> float | None:
    """Seconds from editing a reply file until `replysite serve` serves the changed page."""
    path = sorted((project / "replies").rglob("*.md"))[-1]
    rid, _, _ = read_reply(path)
    port = free_port()
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    prefix = urllib.parse.urlsplit(config.get("site_url") or "/").path.rstrip("/")  # serve mounts it
    url = f"http://127.0.0.1:{port}{prefix}/replies/{rid}/"
    with tempfile.TemporaryFile("w+") as log:
        proc = subprocess.Popen([*REPLYSITE, "serve", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
                                cwd=project, stdout=log, stderr=subprocess.STDOUT, text=True)
        try:
            deadline = time.monotonic() + timeout
            while fetch(url) is None:
                if time.monotonic() > deadline or proc.poll() is not None:
                    return None
                time.sleep(0.5)
            marker = f"基准测试修改标记{time.time_ns()}"
            original = path.read_text(encoding="utf-8")
            start = time.perf_counter()
            path.write_text(original + f"\n{marker}\n", encoding="utf-8")
            try:
                while time.monotonic() < deadline:
                    page = fetch(url)
                    if page is not None and marker in page:
                        return time.perf_counter() - start
                    time.sleep(0.2)
                return None
            finally:
                path.write_text(original, encoding="utf-8")
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def best(previous: Run | None, new: Run) -> Run:
    """The faster run, carrying the higher peak memory of the two."""
    if previous is None:
        return new
    fast = new if new.seconds < previous.seconds else previous
    big = new if new.pss_mb > previous.pss_mb else previous
    return Run(fast.seconds, max(new.max_rss_mb, previous.max_rss_mb), big.pss_mb, 0,
               fast.stdout, fast.stderr, big.pss_at_peak)


def bench_size(size: int, work: Path, seed: int, auto_nav: bool, serve: bool, search: bool,
               repeat: int, probe: list[str] | None) -> SizeResult:
    folder = work / f"n{size}"
    if folder.exists():
        shutil.rmtree(folder)
    project, baseline = folder / "project", folder / "baseline"
    print(f"== {size} 件答复：生成合成数据 …", file=sys.stderr, flush=True)
    gen_s = make_project(project, size, seed, search)
    make_baseline(baseline, project / "replies", auto_nav)
    check = base = build = None
    for i in range(repeat):  # alternate the two builds; keep each one's fastest run
        print(f"== {size}：replysite check / 纯 MkDocs 基线构建 / replysite build（第 {i + 1} 轮）…",
              file=sys.stderr, flush=True)
        check = best(check, run([*REPLYSITE, "check", "--replies", "replies"], project))
        # Every build starts without a site: removing the last round's (MkDocs cleans its own
        # site/ as it starts, `replysite build` removes the old site after publishing the new
        # one) is not timed for either build.
        without_site(baseline)
        base = best(base, run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml"], baseline))
        without_site(project)
        build = best(build, run([*REPLYSITE, "build", "-f", "mkdocs.yml", "-d", "site"], project))
    assert check and base and build
    site = project / "site"
    # `generate` is prefix-stable: the same replies, hence the same page content, at every size.
    probe_ids = probe or sorted(read_reply(p)[0] for p in (project / "replies").rglob("*.md"))
    latest = max(p.name for p in (site / "years").iterdir() if p.name.isdigit())
    index_pages = {"首页 index.html": "index.html", f"年度 years/{latest}/": f"years/{latest}/index.html",
                   "全部答复 all/": "all/index.html", "单位总览 units/": "units/index.html"}
    serve_s = None
    if serve:
        print(f"== {size}：replysite serve 修改后刷新 …", file=sys.stderr, flush=True)
        serve_s = measure_serve(project, timeout=max(120.0, build.seconds * 4))
    progress = [line for line in build.stderr.splitlines() if "/" in line and "replysite:" in line]
    return SizeResult(
        size=size, generate_s=gen_s, check_s=check.seconds, build_s=build.seconds,
        build_rss_mb=build.max_rss_mb, build_pss_mb=build.pss_mb, build_pss_at_peak=build.pss_at_peak,
        baseline_s=base.seconds,
        baseline_rss_mb=base.max_rss_mb, baseline_pss_mb=base.pss_mb,
        probe_ids=probe_ids, reply_html_median=median_page(site, probe_ids),
        baseline_reply_html_median=median_page(baseline / "site", probe_ids),
        index_html={k: (site / v).stat().st_size for k, v in index_pages.items() if (site / v).exists()},
        progress_lines=progress, serve_s=serve_s, serve_tried=serve)


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def change(value: float, first: float) -> str:
    return f"{(value - first) / first * 100:+.1f}%"


def table(results: list[SizeResult]) -> list[tuple[str, str, str, str]]:
    first = results[0]
    rows = []
    for r in results:
        n = f"n={r.size}"
        ratio = r.build_s / r.baseline_s
        reply_delta = (f"（较 n={first.size} {change(r.reply_html_median, first.reply_html_median)}）"
                       if r is not first else "")
        rows += [
            (f"{n} 生成合成数据", f"{r.generate_s:.1f} s", "—", "—"),
            (f"{n} replysite check", f"{r.check_s:.1f} s", f"≤ {CHECK_SECONDS:.0f} s（n=10000）", "—"),
            (f"{n} replysite build", f"{r.build_s:.1f} s", f"≤ {TARGET_RATIO}× 基线", f"{r.baseline_s:.1f} s"),
            (f"{n} 构建时间 / 基线", f"{ratio:.2f}×", f"≤ {TARGET_RATIO:.2f}×", "1.00×"),
            (f"{n} 构建峰值内存（全部进程 PSS 之和）", f"{r.build_pss_mb:.0f} MB",
             f"≤ {MEMORY_MB_100K} MB（n=100000）" if r.size >= 100000 else f"≤ {MEMORY_MB} MB（n=10000）",
             f"{r.baseline_pss_mb:.0f} MB"),
            (f"{n} 构建峰值内存（最大单个进程 RSS）", f"{r.build_rss_mb:.0f} MB", "—", f"{r.baseline_rss_mb:.0f} MB"),
            (f"{n} 峰值时各进程 PSS", "、".join(f"{k} {v:.0f} MB" for k, v in
                                               sorted(r.build_pss_at_peak.items(), key=lambda kv: -kv[1])),
             "—", "—"),
            (f"{n} 答复页 HTML（同一批 {len(r.probe_ids)} 件的中位数）", f"{kb(r.reply_html_median)}{reply_delta}",
             f"±{SIZE_TOLERANCE:.0%}",
             kb(r.baseline_reply_html_median)),
        ]
        for name, size in r.index_html.items():
            before = first.index_html.get(name)
            delta = f"（较 n={first.size} {change(size, before)}）" if before and r is not first else ""
            rows.append((f"{n} 索引页 {name}", f"{kb(size)}{delta}", f"±{SIZE_TOLERANCE:.0%}", "—"))
        shown = r.progress_lines[-1].split("-  ", 1)[-1] if r.progress_lines else "无"
        rows.append((f"{n} 构建进度输出", f"{len(r.progress_lines)} 行，如“{shown}”", "显示阶段和数量", "—"))
        if r.serve_tried:
            value = f"{r.serve_s:.1f} s" if r.serve_s is not None else "超时/失败"
            rows.append((f"{n} serve 修改后可见", value, f"≤ {SERVE_SECONDS:.0f} s（n=10000）", "—"))
    return rows


def print_table(rows: list[tuple[str, str, str, str]]) -> None:
    def width(text: str) -> int:  # CJK characters take two columns in a terminal
        return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)

    header = ("指标", "数值", "目标", "基线（纯 MkDocs）")
    cols = [max(width(row[i]) for row in [header, *rows]) for i in range(4)]
    for row in [header, tuple("-" * c for c in cols), *rows]:
        print("  ".join(cell + " " * (cols[i] - width(cell)) for i, cell in enumerate(row)).rstrip())


def _proc(path: str, key: str) -> str:
    """A field of /proc/cpuinfo or /proc/meminfo ("" elsewhere)."""
    file = Path(path)
    lines = file.read_text().splitlines() if file.exists() else []
    return next((ln.split(":", 1)[1].strip() for ln in lines if ln.startswith(key)), "")


def machine() -> dict[str, str]:
    from importlib.metadata import version

    mem_kb = int(_proc("/proc/meminfo", "MemTotal").split(" ")[0] or 0)
    return {"date": dt.datetime.now().isoformat(timespec="seconds"),
            "cpu": _proc("/proc/cpuinfo", "model name") or platform.processor(),
            "cores": str(os.cpu_count()), "memory": f"{mem_kb / 1024 / 1024:.1f} GB",
            "python": platform.python_version(), "system": platform.platform(),
            "mkdocs": version("mkdocs"), "mkdocs-material": version("mkdocs-material"),
            "load_average": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="replysite 大规模构建基准（issue 6）")
    parser.add_argument("--sizes", default="100,1000", help="答复件数，逗号分隔，例如 100,1000,10000")
    parser.add_argument("--seed", type=int, default=0, help="合成数据的随机种子")
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "work", help="工作文件夹")
    parser.add_argument("--baseline-nav", choices=("index", "auto"), default="index",
                        help="基线的导航：index 只含首页（与本站一样答复不进导航），auto 为 MkDocs 自动导航（含全部页面）")
    parser.add_argument("--no-serve", action="store_true", help="不测 replysite serve 的刷新时间")
    parser.add_argument("--no-search", action="store_true",
                        help="构建时不生成搜索索引（仅用于区分搜索索引所占的时间；目标以含搜索为准）")
    parser.add_argument("--repeat", type=int, default=1, help="每项测几轮，取最快的一次（机器繁忙时有用）")
    parser.add_argument("--json", type=Path, help="把结果另存为 JSON")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    info = machine()
    results: list[SizeResult] = []
    for n in sorted(sizes):
        probe = results[0].probe_ids if results else None
        results.append(bench_size(n, args.work, args.seed, args.baseline_nav == "auto", not args.no_serve,
                                  not args.no_search, max(1, args.repeat), probe))
    print(f"\n日期 {info['date']}；{info['cpu']}，{info['cores']} 核，内存 {info['memory']}；"
          f"Python {info['python']}，MkDocs {info['mkdocs']}，Material {info['mkdocs-material']}；"
          f"开始时负载 {info['load_average']}；每项 {max(1, args.repeat)} 轮取最快"
          f"{'；未生成搜索索引' if args.no_search else ''}\n")
    print_table(table(results))
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "results": [asdict(r) for r in results]},
                                        ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
