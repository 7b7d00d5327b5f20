"""The last reply pages rendered by a second process while MkDocs renders the others.

MkDocs renders a site one page at a time on one core, in two passes: every page's Markdown
(`_populate_page`), then every page's theme template (`_build_page`). For each pass a
`RenderWorker` is forked right before it starts; the child runs those very MkDocs functions for
that pass on the pages given to it, the last reply pages MkDocs will reach, and appends each
result to a file. The parent takes the results in page order when MkDocs gets to those pages:

- Markdown pass: the page is not converted in the parent (`skip_render`), and the speed-ups'
  `on_page_content` puts in the child's HTML, table of contents, title and anchors;
- template pass: the child renders the theme template, runs `on_post_page` and writes the file;
  in the parent the page gets a one-character template whose output goes to `os.devnull`.

Log records of the child (MkDocs' warnings about a page) are replayed in the parent in page
order, so `--strict` counts them as usual. The site is byte-for-byte the same as without the
workers (tests/test_build_speedups.py). `_populate_page` and `_build_page` are private to MkDocs:
`supported()` checks their signatures, and the speed-ups plugin turns the workers off (with a
warning) on an engine whose functions differ.
"""

from __future__ import annotations

import inspect
import logging
import pickle
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from ... import forking
from .. import choice

WORKER_PAGE_TEMPLATE = "replysite-worker-page.html"
# The parameters this module passes to MkDocs' private page functions (MkDocs 1.6.1; the same
# in ProperDocs 1.6.7, whose bodies of these functions are MkDocs' own).
POPULATE_PAGE = ("page", "config", "files", "dirty")
BUILD_PAGE = ("page", "config", "doc_files", "nav", "env", "dirty", "excluded")


def supported() -> bool:
    """Whether the engine's page functions take what the workers pass them."""
    def params(name: str) -> tuple[str, ...]:
        function = getattr(mkdocs_build, name, None)
        return tuple(inspect.signature(function).parameters) if callable(function) else ()
    return params("_populate_page") == POPULATE_PAGE and params("_build_page") == BUILD_PAGE


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
    report: bool = False  # the error is a plugin's message for staff, not a traceback


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args, record.exc_info, record.exc_text = record.getMessage(), None, None, None
        self.records.append(record)


def last_share(uris: Sequence[str], share: float) -> list[str]:
    """The last `share` of `uris` (in MkDocs' page order)."""
    if share <= 0:
        return []
    return list(uris[len(uris) - int(len(uris) * share):])


def _markdown_step(uri: str, result: Rendered, config, files) -> None:
    file = files.get_file_from_path(uri)
    page = file.page if file.page is not None else Page(None, file, config)
    mkdocs_build._populate_page(page, config, files)
    result.content, result.toc = page.content, page.toc
    result.title_from_render = page._title_from_render
    result.present_anchor_ids = page.present_anchor_ids
    if page.links_to_anchors:
        result.links_to_anchors = {f.src_uri: links for f, links in page.links_to_anchors.items()}
    # The parent takes the page from here; kept in the child, the HTML of every page it
    # converted added up to 2 GB at 100,000 replies.
    page.content = page.markdown = None


def _template_step(uri: str, result: Rendered, config, files, doc_files, nav, env) -> None:
    file = files.get_file_from_path(uri)
    mkdocs_build._build_page(file.page, config, doc_files, nav, env,
                             excluded=file.inclusion.is_excluded())


def skip_render(page) -> None:
    """For a page whose Markdown the worker converts: MkDocs' `Page.render` would still build a
    Markdown converter (0.4 ms, a few seconds over thousands of pages) to convert nothing. This
    page's own `render` just leaves the content empty until `take_content` fills it in."""
    def render(config, files) -> None:
        page.content = ""
    page.render = render


class RenderWorker:
    """A forked child running `step` for `uris`, in order; the parent takes each result."""

    def __init__(self, uris: list[str], temp_dir: Path, in_child, step, *args) -> None:
        """`in_child()` runs first thing in the child (the plugins learn where they run)."""
        self.pass_name = "markdown" if step is _markdown_step else "templates"
        self.uris = set(uris)
        self.taken = 0  # results the parent took
        self.waited = 0.0  # seconds the parent spent waiting for the child
        handle = tempfile.NamedTemporaryFile(prefix=".replysite-render-", dir=temp_dir, delete=False)
        handle.close()
        self._path = Path(handle.name)
        self._ready = forking.context().Semaphore(0)
        self._child = forking.Child(self._run, uris, in_child, step, args, name=f"rs-{self.pass_name}")
        self._reader = self._path.open("rb")

    @classmethod
    def markdown(cls, uris: list[str], config, files, temp_dir: Path, in_child) -> "RenderWorker":
        return cls(uris, temp_dir, in_child, _markdown_step, config, files)

    @classmethod
    def templates(cls, uris: list[str], config, files, nav, env, temp_dir: Path, in_child) -> "RenderWorker":
        return cls(uris, temp_dir, in_child, _template_step, config, files, files.documentation_pages(),
                   nav, env)

    # --- in the child ---------------------------------------------------------------------
    def _run(self, uris: list[str], in_child, step, args: tuple) -> None:
        in_child()
        logger = choice.logger()  # the engine's own records and, under it, every `mkdocs.*` one
        capture = _Capture()
        logger.handlers[:] = [capture]
        logger.propagate = False
        with self._path.open("ab") as out:
            for uri in uris:
                result = Rendered(uri)
                try:
                    step(uri, result, *args)
                except PluginError as exc:
                    result.error, result.report = str(exc), True
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
            if not self._child.is_alive():
                if self._ready.acquire(timeout=0):  # it wrote a last result, then exited
                    break
                raise PluginError(f"渲染进程异常退出（退出码 {self._child.exitcode}）")
        self.waited += time.perf_counter() - started
        result: Rendered = pickle.load(self._reader)
        self.taken += 1
        for record in result.records:
            logging.getLogger(record.name).handle(record)
        if result.error:
            raise PluginError(result.error if result.report else f"渲染 {result.src_uri} 时出错：\n{result.error}")
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
        self._child.stop()
        self._reader.close()
        self._path.unlink(missing_ok=True)
