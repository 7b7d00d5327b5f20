"""One Python-Markdown converter for every page, instead of a new one per page.

MkDocs' `Page.render` builds a `markdown.Markdown` with the site's extensions for each page
(about 1 ms: loading and wiring every extension), registers its four page-specific processors
(raw-HTML anchors, anchors, relative links, title) and converts. Python-Markdown's documented way
to convert many documents is one instance and `reset()` between them; `ReusedMarkdown.render` does
what `Page.render` does with such an instance, registering the page's four processors anew for each
page (a registration under the same name replaces the last page's).

Used only when the site's extensions all reset their state completely (the same known set as
`pages/plain_paragraphs.py`) and the engine's `Page.render` is the one this copies
(`supported()`: MkDocs 1.6.1 and ProperDocs 1.6.7 have the same body); otherwise MkDocs renders
as usual. tests/test_build_speedups.py builds the fixture site with and without the speed-ups and
compares every file.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import textwrap

import markdown
from mkdocs.structure import pages as engine_pages

from ...pages import plain_paragraphs
from .simple_markdown import SimpleMarkdown

# SHA-256 of the source of `Page.render` (dedented) in the engines this copies, and whether that
# engine keeps a page's links to anchors only when its log level is above DEBUG.
KNOWN_RENDER = {
    "cc68ba627b85613de4dd206e13831fde0536069fd904d04a5224a2ca43d943dc": True,  # MkDocs 1.6.1
    "69f7d2e4d3aba38220468e9e107f553eb86b355654e52b68b528f7a87ed4de96": False,  # ProperDocs 1.6.7
}
_PARTS = ("_RawHTMLPreprocessor", "_ExtractAnchorsTreeprocessor", "_RelativePathTreeprocessor",
          "_ExtractTitleTreeprocessor", "get_toc")


def render_source_digest() -> str:
    try:
        source = textwrap.dedent(inspect.getsource(engine_pages.Page.render))
    except (OSError, TypeError, AttributeError):
        return ""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def supported(extensions) -> bool:
    """Whether pages may share one converter with these extensions on this engine."""
    return (plain_paragraphs.applies(extensions)
            and all(hasattr(engine_pages, name) for name in _PARTS)
            and render_source_digest() in KNOWN_RENDER)


class ReusedMarkdown:
    """`render(page, config, files)`: `Page.render` with one converter kept between pages."""

    simple_pages = True  # tests turn it off to compare against Python-Markdown

    def __init__(self) -> None:
        self._md: markdown.Markdown | None = None
        self._simple: SimpleMarkdown | None = None
        self.simple_count = 0  # pages converted by SimpleMarkdown
        self._links_above_debug = KNOWN_RENDER.get(render_source_digest(), True)

    def render(self, page, config, files) -> None:
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self._md
        if md is None:
            md = self._md = markdown.Markdown(extensions=config["markdown_extensions"],
                                              extension_configs=config["mdx_configs"] or {})
            self._simple = SimpleMarkdown.for_markdown(md)
        simple = self._simple.convert(page.markdown) if self.simple_pages else None
        if simple is not None:
            # what the four processors below would find in such a page: no raw HTML, no links
            page.content = simple.html
            page.toc = engine_pages.get_toc(simple.toc_tokens)
            page._title_from_render = simple.title
            page.present_anchor_ids = simple.anchor_ids
            if not self._links_above_debug or engine_pages.log.getEffectiveLevel() > logging.DEBUG:
                page.links_to_anchors = {}
            self.simple_count += 1
            return
        md.reset()
        raw_html_ext = engine_pages._RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext = engine_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = engine_pages._RelativePathTreeprocessor(page.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext = engine_pages._ExtractTitleTreeprocessor()
        extract_title_ext._register(md)

        page.content = md.convert(page.markdown)
        page.toc = engine_pages.get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = extract_title_ext.title
        page.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if not self._links_above_debug or engine_pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_path_ext.links_to_anchors

    def use_for(self, page) -> None:
        """Make `page` render with the shared converter."""
        page.render = lambda config, files: self.render(page, config, files)
