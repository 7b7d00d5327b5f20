"""The MkDocs plugin `replysite-speedups`: what keeps a build of 10,000 replies close to a plain
MkDocs build of the same Markdown. Every speed-up leaves the site byte for byte the same
(tests/test_build_speedups.py builds the fixture site with it on and off):

- plain paragraphs of reply bodies skip Python-Markdown (`pages/plain_paragraphs.py`), when the
  site's Markdown extensions are all known to leave such paragraphs alone;
- with the same extensions, every page is converted by one Python-Markdown instance, reset
  between pages, instead of a new one per page (`markdown_reuse.py`), and a page that is only
  plain headings, paragraphs and quotes by no Python-Markdown at all (`simple_markdown.py`);
- Material's navigation is rendered once per set of relative links for pages outside it, and
  each translated text is looked up once (`template_cache.py`, with `templates/`);
- in `replysite build`, each page's HTML waits on disk between MkDocs' two passes instead of in
  memory (`content_store.py`);
- on a large archive, a forked render worker converts the Markdown of the last reply pages and
  renders the theme template of the last pages while MkDocs does the others (`render_worker.py`).

It needs the `replysite` plugin (listed before it) and reads nothing but MkDocs' page objects.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

from ...pages import plain_paragraphs
from ...urls import is_reply_source
from ..plugin import TEMPLATES as SITE_TEMPLATES
from . import content_store, markdown_reuse
from .render_worker import WORKER_PAGE_TEMPLATE, RenderWorker, last_share, skip_render, supported
from .template_cache import KeptBlocks, NavCache, Translations

log = logging.getLogger("mkdocs.plugins.replysite")
TEMPLATES = Path(__file__).resolve().parent / "templates"
LATE = -50  # after the replysite plugin's handler of the same event


class SpeedupsConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Below this many reply pages a second process costs more than it saves.
    render_worker_from = c.Type(int, default=1000)
    # Share of the reply pages (the last ones MkDocs reaches) whose Markdown the worker converts:
    # it shares its core with the search index, feeds and exports being written.
    markdown_share = c.Type(float, default=0.55)
    # Share of all pages whose template the worker renders and writes (measured at 10,000: 0.55
    # and 0.6 made the parent wait 2-3 s for the worker, 0.5 did not).
    template_share = c.Type(float, default=0.5)


class SpeedupsPlugin(BasePlugin[SpeedupsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site = None  # the replysite plugin
        self._serving = False
        self.use_workers = False
        self._reply_uris: list[str] = []
        self._nav = None
        self._worker: RenderWorker | None = None
        self._devnull: dict[str, object] = {}  # pages whose parent render went to os.devnull
        self.nav_cache: NavCache | None = None  # the last build's
        self.kept_blocks: KeptBlocks | None = None  # the last build's
        self._markdown: markdown_reuse.ReusedMarkdown | None = None
        self._spill = False  # whether pages' HTML waits in a ContentStore (decided in on_config)
        self._store: content_store.ContentStore | None = None
        self.from_worker = {"markdown": 0, "templates": 0}  # pages the workers did, last build
        self.stored = 0  # pages whose HTML waited on disk between the passes, last build
        self.simple_markdown = 0  # pages this process converted without Python-Markdown, last build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"

    @event_priority(LATE)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.site, self.use_workers, self._markdown, self._spill = None, False, None, False
        self.simple_markdown = 0
        if not self.config.enabled:
            return config
        self.site = config.plugins.get("replysite")
        if self.site is None:
            raise PluginError("replysite-speedups 需要 replysite 插件：请在 mkdocs.yml 的 plugins 中"
                              "把 replysite 写在 replysite-speedups 之前")
        self.site.lift_paragraphs = plain_paragraphs.applies(config.markdown_extensions)
        self._markdown = (markdown_reuse.ReusedMarkdown()
                          if markdown_reuse.supported(config.markdown_extensions) else None)
        # before replysite's templates, which have a plain copy of the language partial
        dirs = config.theme.dirs
        dirs.insert(dirs.index(str(SITE_TEMPLATES)) if str(SITE_TEMPLATES) in dirs else 0, str(TEMPLATES))
        self.use_workers = not self._serving and supported()
        self._spill = not self._serving and content_store.applies(config.plugins.keys())
        if not supported():
            log.warning("replysite-speedups: 此版本的 MkDocs 页面函数与预期不同，已关闭并行渲染"
                        "（网站照常生成，只是较慢）")
        return config

    @event_priority(LATE)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._reply_uris = [f.src_uri for f in files.documentation_pages() if is_reply_source(f.src_uri)]
        return files

    def _in_child(self) -> None:
        if self.site is not None:
            self.site.in_worker = True

    def _workers_wanted(self) -> bool:
        return (self.config.enabled and self.use_workers
                and len(self._reply_uris) >= self.config.render_worker_from)

    @event_priority(LATE)
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self._nav = nav
        self.from_worker = {"markdown": 0, "templates": 0}
        if self._workers_wanted():
            uris = last_share(self._reply_uris, self.config.markdown_share)
            if uris:
                # Forked right before MkDocs reads the pages: the child has everything built so far.
                self._worker = RenderWorker.markdown(uris, config, files, Path(config.site_dir).parent,
                                                     self._in_child)
                self.site.converted_elsewhere = set(uris)  # after the fork: the worker converts them
        self.stored = 0
        if self._markdown is not None:
            self._markdown.simple_count = 0
        if self._spill:  # after the fork: the Markdown worker hands its HTML back, it stores none
            self._close_store()
            self._store = content_store.ContentStore(Path(config.site_dir).parent)
        return nav

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if self._worker is not None and page.file.src_uri in self._worker.uris:
            skip_render(page)  # the render worker converts this page's Markdown
            return ""
        if self._markdown is not None:
            self._markdown.use_for(page)
        return markdown

    @event_priority(LATE)
    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if self._worker is not None and page.file.src_uri in self._worker.uris:
            html = self._worker.take_content(page, files)
        if self._store is not None:
            self.stored += 1
            return self._store.put(page.file.src_uri, html)
        return html

    def _stop_worker(self) -> None:
        if self._worker is not None:
            worker, self._worker = self._worker, None
            worker.close()
            self.from_worker[worker.pass_name] += worker.taken

    @event_priority(LATE)
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        self._stop_worker()  # every page has its Markdown converted by now
        if not self.config.enabled:
            return env
        self.simple_markdown = self._markdown.simple_count if self._markdown is not None else 0
        nav = self._nav
        homepage = config.extra.get("homepage") or (nav.homepage.url if nav and nav.homepage else "")
        self.nav_cache = NavCache(env, nav, homepage, config.theme.get("logo"))
        env.globals["replysite_nav"] = self.nav_cache
        env.globals["replysite_translate"] = Translations(env, config.theme["language"])
        self.kept_blocks = KeptBlocks()
        env.globals["replysite_kept"] = self.kept_blocks.kept
        env.globals["replysite_keep"] = self.kept_blocks.keep
        if self._workers_wanted():
            pages = [f.src_uri for f in files.documentation_pages()]
            uris = last_share(pages, self.config.template_share)
            if uris:
                self._worker = RenderWorker.templates(uris, config, files, nav, env,
                                                      Path(config.site_dir).parent, self._in_child)
                for uri in uris:  # after the fork: the parent renders nothing for the child's pages
                    files.get_file_from_path(uri).page.meta["template"] = WORKER_PAGE_TEMPLATE
        return env

    @event_priority(100)  # the page's HTML is back before any other plugin looks at the page
    def on_page_context(self, context, *, page, config: MkDocsConfig, nav):
        uri = page.file.src_uri
        if self._worker is not None and uri in self._worker.uris:
            self._worker.wait_for_page(page)
            # The worker wrote this page; the parent's one-character render of it goes nowhere.
            self._devnull[uri] = page.file
            page.file.abs_dest_path = os.devnull
        elif self._store is not None and self._store.holds(uri):
            page.content = self._store.take(uri)
        return context

    @event_priority(LATE)
    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        if self._store is not None and self._store.holds(page.file.src_uri):
            page.content = None  # written: its HTML is no longer needed
        return output

    @event_priority(100)  # before any other plugin looks at the written files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._stop_worker()
        self._restore_paths()
        self._close_store()

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_worker()
        self._restore_paths()
        self._close_store()

    def _close_store(self) -> None:
        if self._store is not None:
            store, self._store = self._store, None
            store.close()

    def _restore_paths(self) -> None:
        for file in self._devnull.values():
            del file.abs_dest_path  # back to MkDocs' own (cached) value
        self._devnull.clear()
