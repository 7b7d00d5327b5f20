"""The last reply pages rendered by a second process while MkDocs renders the others.

MkDocs renders a site one page at a time on one core, in two passes: every page's Markdown
(`_populate_page`), then every page's theme template (`_build_page`). For each pass a
`RenderWorker` is forked right before it starts; the child runs MkDocs' own code for that pass
on the pages given to it, the last reply pages MkDocs will reach, and appends each result to a
file. The parent takes the results in page order when MkDocs gets to those pages:

- Markdown pass: the page is not converted in the parent (`skip_render`), and `on_page_content`
  puts in the child's HTML, table of contents, title and anchors;
- template pass: the child renders the theme template, runs `on_post_page` and writes the file;
  in the parent the page gets an empty template (`overrides/replysite-worker-page.html`), so
  MkDocs writes nothing for it (its "Page skipped" note is filtered out).

Log records of the child (MkDocs' warnings about a page) are replayed in the parent in page
order, so `--strict` counts them as usual. The site is byte-for-byte the same as without the
workers (tests/test_build_speedups.py). Other plugins see `on_page_context` twice for the
worker's pages (in the child, and in the parent for the small template).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import pickle
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from mkdocs.commands.build import _populate_page, get_context
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

# Below this many reply pages a second process costs more than it saves.
PARALLEL_FROM = 1000
# Fraction of the reply pages (the last ones MkDocs reaches) converted from Markdown by the
# child: it shares its core with the search index, feeds and exports being written.
SHARE = 0.55
# Fraction of all pages whose template the child renders and writes (measured at 10,000: 0.55
# and 0.6 made the parent wait 2-3 s for the child, 0.5 did not).
TEMPLATE_SHARE = 0.5
WORKER_PAGE_TEMPLATE = "replysite-worker-page.html"

_in_child = False


def in_worker() -> bool:
    """True inside a worker (the plugin logs progress only in the parent)."""
    return _in_child


@dataclass
class Rendered:
    src_uri: str
    content: str | None = None  # Markdown pass: the page's HTML body
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


def last_share(uris: Sequence[str], share: float, replies: int) -> list[str]:
    """The last `share` of `uris` (in MkDocs' page order), when the archive is large enough."""
    if replies < PARALLEL_FROM or share <= 0:
        return []
    return list(uris[len(uris) - int(len(uris) * share):])


def _markdown_step(uri: str, result: Rendered, config, files) -> None:
    file = files.get_file_from_path(uri)
    page = file.page if file.page is not None else Page(None, file, config)
    _populate_page(page, config, files)
    result.content, result.toc = page.content, page.toc
    result.title_from_render = page._title_from_render
    result.present_anchor_ids = page.present_anchor_ids
    if page.links_to_anchors:
        result.links_to_anchors = {f.src_uri: links for f, links in page.links_to_anchors.items()}


def _template_step(uri: str, result: Rendered, config, files, doc_files, nav, env) -> None:
    """What `mkdocs.commands.build._build_page` does for a page, writing the file included."""
    page = files.get_file_from_path(uri).page
    config._current_page = page
    page.active = True
    try:
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = template.render(context)
        output = config.plugins.on_post_page(output, page=page, config=config)
        if output.strip():
            write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
        else:
            logging.getLogger("mkdocs.commands.build").info(
                f"Page skipped: '{page.file.src_uri}'. Generated empty output.")
    finally:
        page.active = False
        config._current_page = None


class SkippedByParent(logging.Filter):
    """Drops MkDocs' "Page skipped" note for the pages a template worker wrote: in the parent
    they get an empty template, so MkDocs leaves their file as the worker wrote it."""

    def __init__(self, uris: set[str]) -> None:
        super().__init__()
        self.notes = {f"Page skipped: '{uri}'. Generated empty output." for uri in uris}

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() not in self.notes


def skip_render(page) -> None:
    """For a page whose Markdown the worker converts: MkDocs' `Page.render` would still build a
    Markdown converter (0.4 ms, a few seconds over thousands of pages) to convert nothing. This
    page's own `render` just leaves the content empty until `take_content` fills it in."""
    def render(config, files) -> None:
        page.content = ""
    page.render = render


class RenderWorker:
    """A forked child running `step` for `uris`, in order; the parent `take`s each result."""

    def __init__(self, uris: list[str], temp_dir: Path, step, *args) -> None:
        self.uris = set(uris)
        self.waited = 0.0  # seconds the parent spent waiting for the child
        fd, name = tempfile.mkstemp(prefix=".replysite-render-", dir=temp_dir)
        os.close(fd)
        self._path = Path(name)
        context = multiprocessing.get_context("fork")
        self._ready = context.Semaphore(0)
        self._process = context.Process(target=self._run, args=(uris, step, args), daemon=True)
        gc.freeze()  # what exists now is never scanned again: fewer pages copied after the fork
        self._process.start()
        self._reader = self._path.open("rb")

    @classmethod
    def markdown(cls, uris: list[str], config, files, temp_dir: Path) -> "RenderWorker":
        return cls(uris, temp_dir, _markdown_step, config, files)

    @classmethod
    def templates(cls, uris: list[str], config, files, nav, env, temp_dir: Path) -> "RenderWorker":
        return cls(uris, temp_dir, _template_step, config, files, files.documentation_pages(), nav, env)

    # --- in the child ---------------------------------------------------------------------
    def _run(self, uris: list[str], step, args: tuple) -> None:
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
                    step(uri, result, *args)
                except BaseException:
                    result.error = traceback.format_exc()
                result.records, capture.records = capture.records, []
                pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
                self._ready.release()
                if result.error:
                    break

    # --- in the parent --------------------------------------------------------------------
    def _next(self, page) -> Rendered:
        started = time.perf_counter()
        while not self._ready.acquire(timeout=0.5):
            if not self._process.is_alive():
                if self._ready.acquire(timeout=0):  # it wrote a last result, then exited
                    break
                raise RuntimeError(f"渲染进程异常退出（退出码 {self._process.exitcode}）")
        self.waited += time.perf_counter() - started
        result: Rendered = pickle.load(self._reader)
        for record in result.records:
            logging.getLogger(record.name).handle(record)
        if result.error:
            raise RuntimeError(f"渲染 {result.src_uri} 时出错：\n{result.error}")
        assert result.src_uri == page.file.src_uri, (result.src_uri, page.file.src_uri)
        return result

    def take_content(self, page, files) -> str:
        """Markdown pass: the child's result for `page`, applied to the page; returns its HTML."""
        page.__dict__.pop("render", None)  # see skip_render
        result = self._next(page)
        page.toc = result.toc
        page._title_from_render = result.title_from_render
        page.present_anchor_ids = result.present_anchor_ids
        if result.links_to_anchors is not None:
            page.links_to_anchors = {files.get_file_from_path(uri): links
                                     for uri, links in result.links_to_anchors.items()}
        return result.content or ""

    def wait_for_page(self, page) -> None:
        """Template pass: the child has written `page` (its log records replayed, its error raised)."""
        self._next(page)

    def close(self) -> None:
        logging.getLogger("mkdocs.plugins.replysite").debug(
            "replysite: 渲染进程（%d 个页面）：主进程等待 %.1f 秒", len(self.uris), self.waited)
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._reader.close()
        self._path.unlink(missing_ok=True)
        gc.unfreeze()
