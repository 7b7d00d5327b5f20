"""What is written next to the pages after the build: search index, feeds, open data."""

from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
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
    """Runs `write_outputs` in a second process while MkDocs renders pages on the first core.

    Everything it writes comes from the archive (not from the rendered HTML), so it can start
    as soon as the site folder has been cleaned; `wait()` re-raises its error, if any, so a
    failure still fails the whole build.
    """

    def __init__(self, archive: Archive, site_dir: Path, site_url: str, site_name: str, *,
                 search: bool = True) -> None:
        context = multiprocessing.get_context("fork")
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
        self._future = self._pool.submit(write_outputs, archive, site_dir, site_url, site_name,
                                         search=search)

    def wait(self) -> None:
        try:
            self._future.result()
        finally:
            self._pool.shutdown()
