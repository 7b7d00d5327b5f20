"""The MkDocs plugin: a thin layer that feeds the archive's generated pages to MkDocs and
writes the search index, feeds and open data after the build.

MkDocs-specific code lives here and in the two modules that make large builds fast
(`template_cache.py`, `mkdocs_render_worker.py`); everything else it calls works without MkDocs.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .archive import Archive
from .load import FileCache, load_archive
from . import mkdocs_render_worker as workers
from . import plain_paragraphs
from .mkdocs_render_worker import RenderWorker, in_worker
from .template_cache import NavCache, Translations
from .problems import ValidationFailed
from .preview import PreviewCache
from .publish import BackgroundOutputs, write_outputs
from .pages import fill_blocks
from .site_pages import ReplyPages, generate_pages

log = logging.getLogger("mkdocs.plugins.replysite")
PACKAGE = Path(__file__).parent
ASSETS_URI = "assets/replysite"
DEFAULT_INTRO = ("本站公开人大代表建议和政协委员提案的办理答复。每件答复单独成页，"
                 "可按年度、承办单位、主题、办理类别、代表委员和会议浏览，也可以全文搜索。")


class ReplySiteConfig(base.Config):
    replies_dir = c.Type(str, default="replies")
    intro = c.Type(str, default=DEFAULT_INTRO)
    search = c.Type(bool, default=True)


class ReplySitePlugin(BasePlugin[ReplySiteConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.archive: Archive | None = None
        self.replies_dir: Path | None = None
        self._built = 0
        self._total = 0
        self.failure: str | None = None  # the validation report, read by `sitebuild` after an abort
        self.preview: PreviewCache | None = None  # set while `serve --dirty` keeps this plugin alive
        self._outputs_written = False
        self._background: BackgroundOutputs | None = None
        self._blocks: dict[str, tuple[str, ...]] = {}
        self.file_cache: FileCache | None = None  # unchanged reply files are not re-read while previewing
        self.reply_pages: ReplyPages | None = None  # nor are their pages generated again
        self._nav = None
        self.nav_cache: NavCache | None = None
        self._worker: RenderWorker | None = None  # the Markdown pass's, then the template pass's
        self._reply_uris: list[str] = []
        self._populated = 0
        self._skipped: logging.Filter | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance alive across `serve` rebuilds (MkDocs >= 1.4).
        if command == "serve" and dirty:
            self.preview = PreviewCache()
            self.file_cache = FileCache()
            self.reply_pages = ReplyPages()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").parent
        self.replies_dir = (root / self.config.replies_dir).resolve()
        try:
            self.archive = load_archive(self.replies_dir, progress=self._progress, cache=self.file_cache)
        except ValidationFailed as exc:
            self.failure = exc.report()
            if self.preview is None or self.archive is None:
                raise PluginError(self.failure) from None
            # While previewing, a broken edit is reported and the last good archive stays
            # served (MkDocs would otherwise stop the server on a build error).
            log.error("%s\n预览继续显示上一次检查通过的内容。", self.failure)
        if self.preview is None:
            # Search index, feeds and exports need only the archive: they are written on the
            # second core while MkDocs renders the pages.
            self._background = BackgroundOutputs(self.archive, Path(config.site_dir), config.site_url or "",
                                                 config.site_name, search=self.config.search)
        # Our templates sit after the site's own custom_dir, before Material's.
        dirs = config.theme.dirs
        material = next((i for i, d in enumerate(dirs) if Path(d).name == "material"), 0)
        dirs.insert(material, str(PACKAGE / "overrides"))
        for css in (f"{ASSETS_URI}/site.css", f"{ASSETS_URI}/print.css"):
            if css not in config.extra_css:
                config.extra_css.append(css)
        return config

    def _progress(self, stage: str, done: int, total: int) -> None:
        log.info("replysite: %s %d/%d", stage, done, total)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.archive is not None
        pages = generate_pages(self.archive, config.site_name, self.config.intro, self.reply_pages,
                               lift_paragraphs=plain_paragraphs.applies(config.markdown_extensions))
        self._blocks = {page.src_uri: page.blocks for page in pages if page.blocks}
        self._reply_uris = [page.src_uri for page in pages if page.src_uri.startswith("replies/")]
        # Reply pages last: MkDocs reaches the render worker's share (the last reply pages) as
        # late as possible.
        for page in sorted(pages, key=lambda p: p.src_uri.startswith("replies/")):
            if self.preview is not None:
                path = self.preview.store(page.src_uri, page.content, page.blocks)
                files.append(File.generated(config, page.src_uri, abs_src_path=str(path)))
            else:
                files.append(File.generated(config, page.src_uri, content=page.content))
        assets = PACKAGE / "assets"
        for path in sorted(p for p in assets.rglob("*") if p.is_file()):
            uri = f"{ASSETS_URI}/{path.relative_to(assets).as_posix()}"
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        self._total = len(files.documentation_pages())
        self._built = 0
        log.info("replysite: 生成 %d 个页面（其中答复 %d 件）", self._total, self.archive.total)
        return files

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self._nav = nav
        self._populated = 0
        if self.preview is None:
            uris = workers.last_share(self._reply_uris, workers.SHARE, len(self._reply_uris))
            if uris:
                # Forked right before MkDocs reads the pages: the child has everything built so far.
                self._worker = RenderWorker.markdown(uris, config, files, Path(config.site_dir).parent)
        return nav

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if self._worker is not None and page.file.src_uri in self._worker.uris:
            workers.skip_render(page)  # the render worker converts this page's Markdown
            return ""
        return markdown

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        self._populated += 1
        if not in_worker() and (self._populated % 1000 == 0 or self._populated == self._total):
            log.info("replysite: 转换 Markdown %d/%d", self._populated, self._total)
        if self._worker is not None and page.file.src_uri in self._worker.uris:
            return self._worker.take_content(page, files)
        blocks = self._blocks.get(page.file.src_uri)
        return fill_blocks(html, blocks) if blocks else html

    def _stop_worker(self) -> None:
        if self._worker is not None:
            worker, self._worker = self._worker, None
            worker.close()
        if self._skipped is not None:
            logging.getLogger("mkdocs.commands.build").removeFilter(self._skipped)
            self._skipped = None

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        self._stop_worker()  # every page has its Markdown converted by now
        nav = self._nav
        homepage = config.extra.get("homepage") or (nav.homepage.url if nav and nav.homepage else "")
        self.nav_cache = NavCache(env, nav, homepage, config.theme.get("logo"))
        env.globals["replysite_nav"] = self.nav_cache
        env.globals["replysite_translate"] = Translations(env, config.theme["language"])
        if self.preview is None:
            pages = [f.src_uri for f in files.documentation_pages()]
            uris = workers.last_share(pages, workers.TEMPLATE_SHARE, len(self._reply_uris))
            if uris:
                self._worker = RenderWorker.templates(uris, config, files, nav, env, Path(config.site_dir).parent)
                for uri in uris:  # after the fork: the parent renders nothing for the child's pages
                    files.get_file_from_path(uri).page.meta["template"] = workers.WORKER_PAGE_TEMPLATE
                self._skipped = workers.SkippedByParent(self._worker.uris)
                logging.getLogger("mkdocs.commands.build").addFilter(self._skipped)
        return env

    def on_page_context(self, context, *, page, config: MkDocsConfig, nav):
        if self._worker is not None and page.file.src_uri in self._worker.uris:
            self._worker.wait_for_page(page)
        return context

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        self._built += 1
        if not in_worker() and (self._built % 1000 == 0 or self._built == self._total):
            log.info("replysite: 渲染页面 %d/%d", self._built, self._total)
        return output

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_worker()
        if self._background is not None:
            self._background.abort()
            self._background = None

    def on_shutdown(self) -> None:
        if self.preview is not None:
            self.preview.close()

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        if self.replies_dir is not None:
            server.watch(str(self.replies_dir))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.archive is not None
        self._stop_worker()
        if self._background is not None:
            background, self._background = self._background, None
            try:
                background.wait()
            except Exception as exc:
                raise PluginError(f"生成搜索索引、订阅源或开放数据时出错：{exc!r}") from exc
            return
        if self._outputs_written:
            log.info("replysite: 预览模式下只重新生成有改动的页面；搜索索引、订阅源和开放数据以 replysite build 为准")
            return
        self._outputs_written = True
        write_outputs(self.archive, Path(config.site_dir), config.site_url or "", config.site_name,
                      search=self.config.search, log=log.info)
