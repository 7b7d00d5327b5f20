"""What `replysite serve` keeps between rebuilds, in one object.

MkDocs keeps the plugin alive while previewing and, in its dirty rebuilds, renders again only
the pages whose `File.is_modified()` is true. A generated page counts as modified here only when
its Markdown or its finished HTML blocks changed, so editing one reply re-renders that reply and
the few index pages that list it, not the whole archive. Unchanged reply files are not read
again (`FileCache`) and their pages are not generated again (`ReplyPages`).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from ..archive import Archive
from ..pages import GeneratedPage, ReplyPages
from ..reading import FileCache


class PreviewFile(File):
    """A generated page that MkDocs' dirty rebuild renders only when it changed."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class Preview:
    def __init__(self) -> None:
        self.files = FileCache()
        self.reply_pages = ReplyPages()
        self.archive: Archive | None = None  # the last archive that passed the checks
        self._last: dict[str, tuple[str, tuple[str, ...]]] = {}

    def file(self, config: MkDocsConfig, page: GeneratedPage) -> File:
        file = PreviewFile.generated(config, page.src_uri, content=page.content)
        file.changed = self._last.get(page.src_uri) != (page.content, page.blocks)
        self._last[page.src_uri] = (page.content, page.blocks)
        return file

    def forget_pages(self) -> None:
        """After a failed rebuild the site folder may lack pages: render every page next time."""
        self._last.clear()
