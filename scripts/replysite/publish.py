"""What is written next to the pages after the build: search index, feeds, open data."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import shutil
import tempfile
import traceback
from pathlib import Path
from typing import Callable

from .archive import Archive
from .exports import write_exports
from .feeds import write_feeds
from .site_pages import SEARCH_DATA_DIR


def write_outputs(archive: Archive, site_dir: Path, site_url: str, site_name: str, *,
                  search: bool = True, log: Callable[[str], None] | None = None) -> None:
    log = log or logging.getLogger("mkdocs.plugins.replysite").info
    if search:
        from .search import build_index, record_from_reply

        stats = build_index([record_from_reply(r) for r in archive.replies], site_dir / SEARCH_DATA_DIR)
        log(f"replysite: 搜索索引已生成（{stats}）")
    feeds = write_feeds(archive.replies, site_url, site_dir, site_name=site_name,
                        units=archive.units, topics=archive.topics)
    log(f"replysite: 订阅源 {len(feeds)} 个")
    exported = write_exports(archive.replies, site_url, site_dir, units=archive.units, topics=archive.topics)
    log(f"replysite: 开放数据 {exported['count']} 条记录")


class BackgroundOutputs:
    """Runs `write_outputs` in a forked process while MkDocs renders pages on the first core.

    Everything it writes comes from the archive (not from the rendered HTML), so it starts as
    soon as the archive is loaded, before the pages exist (a smaller parent to fork, and fork
    passes the archive without pickling it). It writes into a folder beside the site, moved
    into the site by `wait()`, which also re-raises its error so a failure fails the build.
    """

    def __init__(self, archive: Archive, site_dir: Path, site_url: str, site_name: str, *,
                 search: bool = True) -> None:
        self.site_dir = site_dir
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        self.out = Path(tempfile.mkdtemp(prefix=".replysite-outputs-", dir=site_dir.parent))
        context = multiprocessing.get_context("fork")
        self._errors, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(send, archive, self.out, site_url, site_name, search),
                                        daemon=True)
        gc.freeze()  # what exists now is never scanned again: fewer pages copied after the fork
        self._process.start()
        send.close()

    def wait(self) -> None:
        try:
            self._process.join()
            error = self._errors.recv() if self._errors.poll() else None
            if error or self._process.exitcode != 0:
                raise RuntimeError(error or f"后台进程异常退出（退出码 {self._process.exitcode}）")
            for item in sorted(self.out.iterdir()):
                shutil.move(str(item), str(self.site_dir / item.name))
        finally:
            shutil.rmtree(self.out, ignore_errors=True)
            gc.unfreeze()

    def abort(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()
        shutil.rmtree(self.out, ignore_errors=True)
        gc.unfreeze()


def _run(send, archive: Archive, out: Path, site_url: str, site_name: str, search: bool) -> None:
    try:
        write_outputs(archive, out, site_url, site_name, search=search)
        send.send(None)
    except BaseException:
        send.send(traceback.format_exc())
        raise SystemExit(1) from None
    finally:
        send.close()
