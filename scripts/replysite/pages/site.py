"""Every generated page of the site, in one list, from the archive (no MkDocs)."""

from __future__ import annotations

from ..archive import Archive
from ..archive.cases import case_stats
from ..archive.stats import compute_stats
from ..model import Reply
from ..urls import FEED_KINDS, OPEN_DATA_PAGE, STATS_PAGE, feed_path
from .blocks import Blocks, GeneratedPage, LaterPage
from .case_page import case_page
from .home_page import all_pages, home_page
from .lists import grouping_pages
from .open_data_page import render_open_data_markdown
from .reply_page import later_reply_page, reply_page
from .search_page import search_page
from .stats_page import render_stats_markdown


class ReplyPages:
    """Reply pages kept between the rebuilds of `replysite serve`: a reply's page depends on the
    reply, the documents of its case and the date states are told as of; an unchanged file gives
    the very same `Reply` object back (`reading.load.FileCache`), so only pages of edited
    replies (and of the other documents of their cases) are generated again."""

    def __init__(self) -> None:
        self._pages: dict[int, tuple[tuple, GeneratedPage]] = {}
        self._lift: bool | None = None

    def __call__(self, archive: Archive, lift_paragraphs: bool = False) -> list[GeneratedPage]:
        if lift_paragraphs != self._lift:  # the site's Markdown extensions changed
            self._pages, self._lift = {}, lift_paragraphs
        pages, kept = [], {}
        for r in archive.replies:
            case = archive.case_of[r.id]
            key = (r, *case.documents, archive.as_of)
            hit = self._pages.get(id(r))
            if hit is not None and len(hit[0]) == len(key) and all(a is b or a == b for a, b in zip(hit[0], key)):
                page = hit[1]
            else:
                page = reply_page(r, case, archive.as_of, lift_paragraphs)
            kept[id(r)] = (key, page)
            pages.append(page)
        self._pages = kept
        return pages


def generate_pages(archive: Archive, site_title: str, intro: str, reply_pages: ReplyPages | None = None,
                   lift_paragraphs: bool = False) -> list[GeneratedPage | LaterPage]:
    """`lift_paragraphs`: plain paragraphs of reply bodies as finished HTML (`plain_paragraphs`).

    Reply pages, most of a site, are generated when converted (`LaterPage`), unless the preview
    keeps them between rebuilds (`reply_pages`)."""
    pages: list[GeneratedPage | LaterPage] = [home_page(archive, site_title, intro), search_page()]
    if reply_pages is not None:
        pages += reply_pages(archive, lift_paragraphs)
    else:
        pages += [later_reply_page(r, archive.case_of[r.id], archive.as_of, lift_paragraphs)
                  for r in archive.replies]
    # A case of one document is that document: its address (cases/<id>/) leads to it
    # (outputs/redirects.py), and the document's page tells where it stands.
    pages += [case_page(case, archive.as_of) for case in archive.cases if len(case.documents) > 1]
    pages += list(all_pages(archive))
    for name, grouping in archive.groupings.items():
        feeds = {f"{name}/{g.slug}": feed_path(FEED_KINDS[name], g.slug)
                 for g in grouping.groups} if name in FEED_KINDS else {}
        pages += list(grouping_pages(archive, grouping, feeds))
    html = Blocks()
    stats = render_stats_markdown(compute_stats(r for r in archive.replies if r.doc_type == "答复"), "../", html,
                                  case_stats(archive.cases, archive.as_of))
    pages.append(GeneratedPage(STATS_PAGE, "# 统计\n\n" + stats, tuple(html.items), meta={"title": "统计"}))
    html = Blocks()
    data = render_open_data_markdown("../", html)
    pages.append(GeneratedPage(OPEN_DATA_PAGE, "# 开放数据\n\n" + data, tuple(html.items), meta={"title": "开放数据"}))
    return pages
