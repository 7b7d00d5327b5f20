"""Part of the reply pages' Markdown rendered by a second process while MkDocs renders the rest.

MkDocs converts every page's Markdown one after another on one core, and converting reply
bodies is most of a large build. After the navigation is built, `RenderWorker` forks: the child
runs MkDocs' own page step (`_populate_page`: read, plugin events, Markdown, plugin events) on
the reply pages given to it and appends each result to a file. In the parent, those pages get
an empty Markdown text (nearly free to convert) and, at `on_page_content`, take the child's
HTML, table of contents and anchors instead. Log records of the child (MkDocs' warnings about
a page) are replayed in the parent in page order, so `--strict` counts them as usual.

The output is byte-for-byte the same as without the worker (tests/test_render_worker.py).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from mkdocs.commands.build import _populate_page
from mkdocs.structure.pages import Page

# Below this many reply pages a second process costs more than it saves.
PARALLEL_FROM = 1000
# Fraction of the reply pages (the last ones MkDocs reaches) rendered by the child: the child
# shares its core with the search index, feeds and exports being written.
SHARE = 0.45


@dataclass
class Rendered:
    src_uri: str
    content: str | None = None
    toc: object = None
    title_from_render: str | None = None
    present_anchor_ids: set[str] | None = None
    links_to_anchors: dict[str, dict[str, str]] | None = None  # keyed by the target's src_uri
    records: list[logging.LogRecord] = field(default_factory=list)
    error: str | None = None


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args, record.exc_info, record.exc_text = record.getMessage(), None, None, None
        self.records.append(record)


def pick_pages(reply_uris: Sequence[str]) -> list[str]:
    """The reply pages the child renders: the last SHARE of them in MkDocs' page order."""
    if len(reply_uris) < PARALLEL_FROM:
        return []
    return list(reply_uris[len(reply_uris) - int(len(reply_uris) * SHARE):])


_in_child = False


def in_worker() -> bool:
    """True inside the render worker (the plugin logs progress only in the parent)."""
    return _in_child


class RenderWorker:
    def __init__(self, uris: list[str], config, files, temp_dir: Path) -> None:
        self.uris = set(uris)
        fd, name = tempfile.mkstemp(prefix=".replysite-render-", dir=temp_dir)
        os.close(fd)
        self._path = Path(name)
        context = multiprocessing.get_context("fork")
        self._ready = context.Semaphore(0)
        self._process = context.Process(target=self._run, args=(uris, config, files), daemon=True)
        self._process.start()
        self._reader = self._path.open("rb")

    # --- in the child ---------------------------------------------------------------------
    def _run(self, uris: list[str], config, files) -> None:
        global _in_child
        _in_child = True
        logger = logging.getLogger("mkdocs")
        capture = _Capture()
        logger.handlers[:] = [capture]
        logger.propagate = False
        with self._path.open("ab") as out:
            for uri in uris:
                result = Rendered(uri)
                try:
                    file = files.get_file_from_path(uri)
                    page = file.page if file.page is not None else Page(None, file, config)
                    _populate_page(page, config, files)
                    result.content, result.toc = page.content, page.toc
                    result.title_from_render = page._title_from_render
                    result.present_anchor_ids = page.present_anchor_ids
                    if page.links_to_anchors:
                        result.links_to_anchors = {f.src_uri: links for f, links in page.links_to_anchors.items()}
                except BaseException:
                    result.error = traceback.format_exc()
                result.records, capture.records = capture.records, []
                pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
                self._ready.release()
                if result.error:
                    break

    # --- in the parent --------------------------------------------------------------------
    def take(self, page, files) -> str:
        """The child's result for `page` (the next one it wrote), applied to the page."""
        while not self._ready.acquire(timeout=0.5):
            if not self._process.is_alive():
                if self._ready.acquire(timeout=0):  # it wrote a last result, then exited
                    break
                raise RuntimeError(f"渲染进程异常退出（退出码 {self._process.exitcode}）")
        result: Rendered = pickle.load(self._reader)
        for record in result.records:
            logging.getLogger(record.name).handle(record)
        if result.error:
            raise RuntimeError(f"渲染 {result.src_uri} 时出错：\n{result.error}")
        assert result.src_uri == page.file.src_uri, (result.src_uri, page.file.src_uri)
        page.toc = result.toc
        page._title_from_render = result.title_from_render
        page.present_anchor_ids = result.present_anchor_ids
        if result.links_to_anchors is not None:
            page.links_to_anchors = {files.get_file_from_path(uri): links
                                     for uri, links in result.links_to_anchors.items()}
        return result.content or ""

    def close(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._reader.close()
        self._path.unlink(missing_ok=True)
