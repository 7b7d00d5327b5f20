"""The MkDocs plugin `replysite`: a thin layer that feeds the archive's generated pages to MkDocs
and writes the search index, feeds and open data after the build.

This folder (`engine/`) is the only code that imports MkDocs or Jinja; everything the plugin
calls works without them. The build speed-ups are a plugin of their own (`speedups/`).
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

from ..archive import Archive, load_archive
from ..outputs.publish import BackgroundOutputs, OutputsFailed, write_outputs
from ..pages import GeneratedPage, LaterPage, generate_pages
from ..pages.blocks import finish_html
from ..pages.sanitize import safe_anchor, toc_title
from ..problems import PublishBlocked, ValidationFailed
from ..urls import ASSETS_DIR, asset_path, attachment_path, is_reply_source
from .csp import ContentSecurityPolicy
from .output_scan import OutputScan
from .preview import Preview

log = logging.getLogger("mkdocs.plugins.replysite")
PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"
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
        self.failure: str | None = None  # the validation report, read by `sitebuild` after an abort
        self.preview: Preview | None = None  # set while `serve` keeps this plugin alive
        # Plain paragraphs of reply bodies as finished HTML (`pages/plain_paragraphs.py`);
        # switched on by the speed-ups plugin when the site's Markdown extensions allow it.
        self.lift_paragraphs = False
        self.in_worker = False  # set in a speed-ups render process: it logs no progress
        # Pages whose Markdown another process converts (the speed-ups' render worker): a page
        # generated when converted (`LaterPage`) is not generated here.
        self.converted_elsewhere: set[str] = set()
        self.serving = False
        self._background: BackgroundOutputs | None = None
        self._outputs_written = False
        self._pages: dict[str, GeneratedPage | LaterPage] = {}
        self.scan = OutputScan()
        self._converted = self._rendered = self._total = 0

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance alive across `serve` rebuilds (MkDocs >= 1.4).
        self.serving = command == "serve"
        self.preview = Preview() if self.serving and dirty else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # MkDocs keeps one instance of a plugin with on_startup per process: start afresh.
        self.lift_paragraphs = self.in_worker = False
        self.converted_elsewhere = set()
        self.failure = None
        root = Path(config.config_file_path or ".").parent
        self.replies_dir = (root / self.config.replies_dir).resolve()
        preview = self.preview
        try:
            self.archive = load_archive(self.replies_dir, cache=preview.files if preview else None,
                                        progress=lambda stage, done, total: log.info(
                                            "replysite: %s %d/%d", stage, done, total))
        except ValidationFailed as exc:
            self.failure = exc.report()
            if preview is None or self.archive is None:
                raise PluginError(self.failure) from None
            # While previewing, a broken edit is reported and the last good archive stays
            # served (MkDocs would otherwise stop the server on a build error).
            log.error("%s\n预览继续显示上一次检查通过的内容。", self.failure)
        except Exception as exc:  # not a problem in a file: a fault of the program or the disk
            if preview is None or self.archive is None:
                raise
            log.error("读取答复文件时出错：%r\n预览继续显示上一次检查通过的内容。", exc)
        self.scan = OutputScan(a for r in self.archive.replies for a in r.privacy_allow)
        if preview is None:
            # Search index, feeds and exports need only the archive: they are written on the
            # second core while MkDocs renders the pages.
            self._background = BackgroundOutputs(self.archive, Path(config.site_dir), config.site_url or "",
                                                 config.site_name, search=self.config.search, check=self.scan)
        # Our templates sit after the site's own custom_dir, before Material's.
        dirs = config.theme.dirs
        material = next((i for i, d in enumerate(dirs) if Path(d).name == "material"), 0)
        dirs.insert(material, str(TEMPLATES))
        for css in (asset_path("site.css"), asset_path("print.css")):
            if css not in config.extra_css:
                config.extra_css.append(css)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.archive is not None
        preview = self.preview
        pages = generate_pages(self.archive, config.site_name, self.config.intro,
                               preview.reply_pages if preview else None, self.lift_paragraphs)
        self._pages = {page.src_uri: page for page in pages}
        # Reply pages last: the speed-ups' render worker takes the last reply pages.
        for page in sorted(pages, key=lambda p: is_reply_source(p.src_uri)):
            if preview:
                files.append(preview.file(config, page))
            else:  # a page generated later has its Markdown given in on_page_markdown
                content = page.content if isinstance(page, GeneratedPage) else ""
                files.append(File.generated(config, page.src_uri, content=content))
        assets = PACKAGE / "assets"
        for path in sorted(p for p in assets.rglob("*") if p.is_file()):
            uri = f"{ASSETS_DIR}/{path.relative_to(assets).as_posix()}"
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        # each reply's originals, copied as they are (checked against their SHA-256 by `check`);
        # a text original is scanned for private details like every page
        for reply in self.archive.replies:
            for original in reply.attachments:
                uri = attachment_path(reply.id, original.name)
                if original.path.suffix.lower() == ".txt" and self.preview is None:
                    self._scan_text(original.path, uri)
                files.append(File.generated(config, uri, abs_src_path=str(original.path)))
        self._total = len(files.documentation_pages())
        self._converted = self._rendered = 0
        log.info("replysite: 生成 %d 个页面（其中答复 %d 件）", self._total, self.archive.total)
        return files

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        uri = page.file.src_uri
        generated = self._pages.get(uri)
        if generated is not None:  # metadata as given, never through a YAML front-matter
            page.meta = dict(generated.meta)
            if isinstance(generated, LaterPage) and uri not in self.converted_elsewhere:
                generated = self._pages[uri] = generated.make()
                return generated.content
        return markdown

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        self._converted += 1
        self._progress("转换 Markdown", self._converted)
        # A build needs a generated page no more once it is finished (its blocks are as large as
        # the page's HTML); the preview keeps them to re-render only what changed.
        pages = self._pages
        generated = pages.get(page.file.src_uri) if self.preview else pages.pop(page.file.src_uri, None)
        if isinstance(generated, LaterPage):
            return html  # converted, finished and scanned by the process that generated it
        if generated is not None:  # a page of docs/ is the site maintainers' own HTML
            _sanitize_toc(page.toc)
            html = finish_html(generated, html)
        self._scan_page(page, html)
        return html

    def _scan_page(self, page, html: str) -> None:
        """What this page shows that is not the theme's: its address, metadata and content."""
        if self.preview is not None:
            return  # the preview is not published; `replysite build` scans
        text = "\n".join([page.file.url, html, *(str(v) for v in (page.meta or {}).values())])
        try:
            self.scan(text, page.file.dest_uri)
        except PublishBlocked as exc:
            raise PluginError(str(exc)) from None

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if not self.serving:  # the preview's live-reload script is inline
            env.globals["replysite_csp"] = ContentSecurityPolicy(env, config)
        return env

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        self._rendered += 1
        self._progress("渲染页面", self._rendered)
        return output

    def _progress(self, stage: str, done: int) -> None:
        if not self.in_worker and (done % 1000 == 0 or done == self._total):
            log.info("replysite: %s %d/%d", stage, done, self._total)

    def on_build_error(self, *, error: Exception) -> None:
        if self._background is not None:
            self._background.abort()
            self._background = None
        if self.preview is not None:
            self.preview.forget_pages()

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        if self.replies_dir is not None:
            server.watch(str(self.replies_dir))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.archive is not None
        if self._background is not None:
            background, self._background = self._background, None
            try:
                background.wait()
            except OutputsFailed as exc:
                raise PluginError(str(exc)) from None
            self._scan_files(Path(config.site_dir), ("sitemap.xml", "404.html"))
            return
        if self._outputs_written:
            log.info("replysite: 预览模式下只重新生成有改动的页面；搜索索引、订阅源和开放数据以 replysite build 为准")
            return
        self._outputs_written = True
        write_outputs(self.archive, Path(config.site_dir), config.site_url or "", config.site_name,
                      search=self.config.search, log=log.info)

    def _scan_text(self, path: Path, where: str) -> None:
        try:
            self.scan(path.read_text(encoding="utf-8", errors="replace"), where)
        except PublishBlocked as exc:
            raise PluginError(str(exc)) from None

    def _scan_files(self, site: Path, names: tuple[str, ...]) -> None:
        for name in names:
            if (site / name).is_file():
                try:
                    self.scan((site / name).read_text(encoding="utf-8", errors="replace"), name)
                except PublishBlocked as exc:
                    raise PluginError(str(exc)) from None


def _sanitize_toc(items) -> None:
    """Table-of-contents entries of a generated page as safe text and anchors: themes print
    them as HTML, and they come from headings of reply bodies."""
    for item in items:
        item.title = toc_title(item.title)
        item.id = safe_anchor(item.id)
        _sanitize_toc(item.children)
