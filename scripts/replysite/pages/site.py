"""Every generated page of the site, in one list, from the archive (no MkDocs)."""

from __future__ import annotations

from ..archive import Archive
from ..archive.stats import compute_stats
from ..model import Reply
from ..urls import FEED_KINDS, OPEN_DATA_PAGE, STATS_PAGE, feed_path
from .blocks import Blocks, GeneratedPage
from .home_page import all_pages, home_page
from .lists import grouping_pages
from .open_data_page import render_open_data_markdown
from .reply_page import reply_page
from .search_page import search_page
from .stats_page import render_stats_markdown


class ReplyPages:
    """Reply pages kept between the rebuilds of `replysite serve`: a reply's page depends on
    nothing but the reply, and an unchanged file gives the very same `Reply` object back
    (`reading.load.FileCache`), so only edited replies are generated again."""

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
        feeds = {f"{name}/{g.slug}": feed_path(FEED_KINDS[name], g.slug)
                 for g in grouping.groups} if name in FEED_KINDS else {}
        pages += list(grouping_pages(archive, grouping, feeds))
    html = Blocks()
    stats = render_stats_markdown(compute_stats(archive.replies), "../", html)
    pages.append(GeneratedPage(STATS_PAGE, "# 统计\n\n" + stats, tuple(html.items), meta={"title": "统计"}))
    html = Blocks()
    data = render_open_data_markdown("../", html)
    pages.append(GeneratedPage(OPEN_DATA_PAGE, "# 开放数据\n\n" + data, tuple(html.items), meta={"title": "开放数据"}))
    return pages
