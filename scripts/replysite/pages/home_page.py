"""The home page and the list of all replies."""

from __future__ import annotations

from typing import Iterator

from ..archive import Archive
from ..urls import HOME_PAGE, SEARCH_PAGE, all_replies_source, overview_source
from .blocks import Blocks, GeneratedPage
from .lists import LATEST_ON_HOME, reply_list, reply_list_pages
from .markup import escape_html, escape_markdown, html_link


def home_page(archive: Archive, title: str, intro: str) -> GeneratedPage:
    """`title` and `intro` come from the site's configuration (the intro may be Markdown)."""
    here = HOME_PAGE
    e = escape_html
    kinds = {k: sum(1 for c in archive.cases if c.kind == k) for k in ("建议", "提案")}
    years = archive.grouping("years").groups
    span = f"{years[-1].slug}—{years[0].slug} 年" if years else "—"
    html = Blocks()
    totals = ('<div class="rs-totals">\n<ul>\n'
              f'<li>共 <strong class="rs-count" data-total>{len(archive.cases)}</strong> 件'
              f"（人大代表建议 {kinds['建议']} 件，政协委员提案 {kinds['提案']} 件），"
              f"公开文件 {archive.total} 份</li>\n"
              f"<li>涵盖年度：{e(span)}</li>\n"
              f"<li>承办单位 {len(archive.grouping('units').groups)} 个，"
              f"主题 {len(archive.grouping('topics').groups)} 个</li>\n</ul>\n</div>")
    ways = [f'<li>{html_link(here, SEARCH_PAGE, "全文搜索")}：按关键词、代表委员姓名、文号搜索，'
            "并可按年度、单位、主题筛选</li>",
            f"<li>{html_link(here, all_replies_source(), '全部答复')}（按日期从新到旧）</li>"]
    ways += [f"<li>{html_link(here, overview_source(g.name), g.label)}（{len(g.groups)} 个{e(g.noun)}）</li>"
             for g in archive.groupings.values()]
    latest_cases = [c.latest for c in archive.cases[:LATEST_ON_HOME]]
    latest = reply_list(here, latest_cases, archive) if archive.replies else "<p>暂无答复。</p>"
    lines = [f"# {escape_markdown(title)}\n", intro.strip() + "\n", html(totals),
             "## 查找答复\n", html("<ul>\n" + "\n".join(ways) + "\n</ul>"),
             "## 最新答复\n", html(latest)]
    return GeneratedPage(here, "\n".join(lines) + "\n", tuple(html.items))


def all_pages(archive: Archive) -> Iterator[GeneratedPage]:
    yield from reply_list_pages(all_replies_source, "全部答复", "", archive.replies, archive,
                                crumbs=[("首页", HOME_PAGE), ("全部答复", None)])
