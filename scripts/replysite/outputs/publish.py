"""What is written next to the pages after the build: search index, feeds, open data."""

from __future__ import annotations

import logging
import shutil
import tempfile
import traceback
from functools import partial
from pathlib import Path
from typing import Callable

from .. import forking
from ..archive import Archive
from ..problems import PublishBlocked
from ..urls import SEARCH_DATA_DIR
from .exports import write_case_exports, write_exports
from .feeds import write_feeds, write_overdue_feed
from .redirects import write_redirects

Log = Callable[[str], None]
# `check(text, where)` raises PublishBlocked when `text` must not be published (the build's
# last privacy scan, given by the engine); every job calls it on what it writes.
Check = Callable[[str, str], None]


def no_check(text: str, where: str) -> None:
    pass


def write_search(archive: Archive, site_dir: Path, site_url: str, site_name: str, log: Log,
                 check: Check = no_check, *, workers: int = 1) -> None:
    from .search import build_index, record_from_reply, search_text

    # records without their texts: the index makes each text when it reaches the reply, a
    # batch at a time (the texts of 100,000 replies at once would take about 1 GB)
    records = [record_from_reply(r, with_text=False) for r in archive.replies]
    replies = {r.id: r for r in archive.replies}

    def text_of(record) -> str:
        text = search_text(replies[record.id])
        # everything the index and its text files hold comes from these
        check("\n".join([record.url, record.title, record.unit, *record.topics, record.doc_number or "",
                         *record.proposers, text]), f"{SEARCH_DATA_DIR}（{record.id}）")
        return text

    def keep_clause(clause: str) -> bool:
        try:
            check(clause, f"{SEARCH_DATA_DIR}/dict.bin")
        except PublishBlocked:
            return False
        return True

    stats = build_index(records, site_dir / SEARCH_DATA_DIR, text_of=text_of, workers=workers,
                        keep_clause=keep_clause)
    log(f"replysite: 搜索索引已生成（{stats}）")


def write_feeds_and_data(archive: Archive, site_dir: Path, site_url: str, site_name: str, log: Log,
                         check: Check = no_check) -> None:
    feeds = write_feeds(archive.replies, site_url, site_dir, site_name=site_name,
                        units=archive.units, topics=archive.topics, check=check)
    log(f"replysite: 订阅源 {len(feeds)} 个")
    exported = write_exports(archive.replies, site_url, site_dir, units=archive.units, topics=archive.topics,
                             check=check)
    cases = write_case_exports(archive.cases, archive.as_of, site_url, site_dir, check=check)
    write_overdue_feed(archive.cases, archive.as_of, site_url, site_dir, site_name=site_name, check=check)
    moved = write_redirects(archive.replies, archive.cases, site_url, site_dir, check=check)
    if moved:
        log(f"replysite: 跳转页 {len(moved)} 个（曾用编号、只有一份文件的建议提案）")
    log(f"replysite: 开放数据 {exported['count']} 份文件、{cases['cases']} 件（逾期承诺 {cases['overdue']} 件）")


def output_jobs(search: bool, search_workers: int = 1) -> list:
    """The jobs; the search index shares its work among `search_workers` processes (forked: only
    from a process that runs no other thread, as the background jobs' processes are)."""
    if not search:
        return [write_feeds_and_data]
    return [partial(write_search, workers=search_workers), write_feeds_and_data]


class OutputsFailed(Exception):
    """A job failed; the text says what happened (a report for staff, or a traceback)."""


def write_outputs(archive: Archive, site_dir: Path, site_url: str, site_name: str, *,
                  search: bool = True, log: Log | None = None, check: Check = no_check) -> None:
    log = log or logging.getLogger("mkdocs.plugins.replysite").info
    for job in output_jobs(search):
        job(archive, site_dir, site_url, site_name, log, check)


class BackgroundOutputs:
    """Writes the outputs in forked processes while MkDocs renders the pages.

    Everything they write comes from the archive (not from the rendered HTML), so they start as
    soon as the archive is loaded, before the pages exist (a smaller parent to fork, and fork
    passes the archive without pickling it). Each job has its own process, so the search
    index's large arrays go back to the system as soon as it is written. They write into a
    folder beside the site, moved into the site by `wait()`, which also re-raises an error so
    a failure fails the build.
    """

    def __init__(self, archive: Archive, site_dir: Path, site_url: str, site_name: str, *,
                 search: bool = True, check: Check = no_check) -> None:
        self.site_dir = site_dir
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        self.out = Path(tempfile.mkdtemp(prefix=".replysite-outputs-", dir=site_dir.parent))
        self._processes = []
        from .search.index import default_workers

        for job in output_jobs(search, default_workers(archive.total)):
            errors, send = forking.context().Pipe(duplex=False)
            name = "rs-search" if getattr(job, "func", job) is write_search else "rs-feeds-data"
            child = forking.Child(_run, send, job, archive, self.out, site_url, site_name, check, name=name)
            send.close()
            self._processes.append((child, errors))

    def wait(self) -> None:
        try:
            failures = []
            for process, errors in self._processes:
                process.join()
                error = errors.recv() if errors.poll() else None
                if error or process.exitcode != 0:
                    failures.append(error or f"后台进程异常退出（退出码 {process.exitcode}）")
            if failures:
                raise OutputsFailed("\n".join(failures))
            _merge(self.out, self.site_dir)
        finally:
            shutil.rmtree(self.out, ignore_errors=True)

    def abort(self) -> None:
        for child, _ in self._processes:
            child.stop()
        shutil.rmtree(self.out, ignore_errors=True)


def _merge(source: Path, target: Path) -> None:
    """Move everything under `source` into `target`, into folders that exist already."""
    for item in sorted(source.iterdir()):
        there = target / item.name
        if item.is_dir() and there.is_dir():
            _merge(item, there)
        else:
            shutil.move(str(item), str(there))


def _run(send, job, archive: Archive, out: Path, site_url: str, site_name: str, check: Check) -> None:
    try:
        job(archive, out, site_url, site_name, logging.getLogger("mkdocs.plugins.replysite").info, check)
        send.send(None)
    except PublishBlocked as exc:
        send.send(str(exc))
        raise SystemExit(1) from None
    except BaseException:
        send.send("生成搜索索引、订阅源或开放数据时出错：\n" + traceback.format_exc())
        raise SystemExit(1) from None
    finally:
        send.close()
