"""All generated pages of the site, in one list, from the archive (no MkDocs)."""

from __future__ import annotations

from .archive import Archive
from .exports import render_open_data_markdown
from .feeds import feed_path_for
from .home_page import all_pages, home_page
from .markdown_text import href
from .model import Reply
from .pages import GeneratedPage, front_matter, grouping_pages
from .reply_page import reply_page
from .stats import compute_stats, render_stats_markdown

SEARCH_DATA_DIR = "search-data"
FEED_GROUPINGS = {"units": "unit", "topics": "topic"}


def search_page() -> GeneratedPage:
    uri = "search/index.md"
    body = (front_matter(title="搜索") + "# 搜索答复\n\n"
            f'<div id="reply-search" data-index="{href(uri, SEARCH_DATA_DIR)}/"></div>\n\n'
            '<noscript>搜索需要浏览器启用 JavaScript；也可以从首页按年度、单位、主题浏览全部答复。</noscript>\n\n'
            f'<link rel="stylesheet" href="{href(uri, "assets/replysite/search/search.css")}">\n'
            f'<script src="{href(uri, "assets/replysite/search/search.js")}" defer></script>\n')
    return GeneratedPage(uri, body)


class ReplyPages:
    """Reply pages kept between the rebuilds of `replysite serve`: a reply's page depends on
    nothing but the reply, and an unchanged file gives the very same `Reply` object back
    (`load.FileCache`), so only edited replies are generated again."""

    def __init__(self) -> None:
        self._pages: dict[int, tuple[Reply, GeneratedPage]] = {}
        self._lift: bool | None = None

    def __call__(self, replies, lift_paragraphs: bool = False) -> list[GeneratedPage]:
        if lift_paragraphs != self._lift:  # the site's Markdown extensions changed
            self._pages, self._lift = {}, lift_paragraphs
        pages, kept = [], {}
        for r in replies:
            hit = self._pages.get(id(r))
            page = hit[1] if hit is not None and hit[0] is r else reply_page(r, lift_paragraphs)
            kept[id(r)] = (r, page)
            pages.append(page)
        self._pages = kept
        return pages


def generate_pages(archive: Archive, site_title: str, intro: str, reply_pages: ReplyPages | None = None,
                   lift_paragraphs: bool = False) -> list[GeneratedPage]:
    """`lift_paragraphs`: plain paragraphs of reply bodies as finished HTML (`plain_paragraphs`)."""
    pages = [home_page(archive, site_title, intro), search_page()]
    pages += (reply_pages or ReplyPages())(archive.replies, lift_paragraphs)
    pages += list(all_pages(archive))
    for name, grouping in archive.groupings.items():
        feeds = {f"{name}/{g.slug}": feed_path_for(FEED_GROUPINGS[name], g.slug)
                 for g in grouping.groups} if name in FEED_GROUPINGS else {}
        pages += list(grouping_pages(archive, grouping, feeds))
    pages.append(GeneratedPage("stats/index.md", front_matter(title="统计") + "# 统计\n\n"
                               + render_stats_markdown(compute_stats(archive.replies), "../")))
    pages.append(GeneratedPage("open-data/index.md", front_matter(title="开放数据") + "# 开放数据\n\n"
                               + render_open_data_markdown("../")))
    return pages
