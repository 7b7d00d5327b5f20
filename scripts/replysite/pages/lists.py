"""Lists of replies and of groups, paginated: page size never grows with the archive (replies
are listed PAGE_SIZE at a time, overviews OVERVIEW_PAGE_SIZE)."""

from __future__ import annotations

from typing import Iterator, Sequence

from ..archive import Archive, Grouping, one_per_case
from ..model import Reply
from ..schema import doc_type_label
from ..urls import HOME_PAGE, case_source, group_source, overview_source, reply_source
from .blocks import Blocks, GeneratedPage
from .markup import escape_html, escape_markdown, html_link

PAGE_SIZE = 50
OVERVIEW_PAGE_SIZE = 200
LATEST_ON_HOME = 10


def chunks(items: Sequence, size: int) -> list[Sequence]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]


def pager(uris: list[str], current: int) -> str:
    """`第 2 / 9 页` with previous/next and a window of page numbers."""
    if len(uris) <= 1:
        return ""
    here = uris[current - 1]
    parts = []
    if current > 1:
        parts.append(html_link(here, uris[current - 2], "‹ 上一页"))
    window = sorted({1, len(uris), *range(max(1, current - 2), min(len(uris), current + 2) + 1)})
    last = 0
    for n in window:
        if n - last > 1:
            parts.append("…")
        parts.append(f'<strong aria-current="page">{n}</strong>' if n == current else html_link(here, uris[n - 1], str(n)))
        last = n
    if current < len(uris):
        parts.append(html_link(here, uris[current], "下一页 ›"))
    return f'<nav class="rs-pager" aria-label="分页">第 {current} / {len(uris)} 页：' + " ".join(parts) + "</nav>"


def reply_item(here: str, reply: Reply, archive: Archive) -> str:
    """One entry: a case, shown by its latest document in the list, with its other documents
    one click away."""
    case = archive.case_of[reply.id]
    bits = [reply.date.isoformat(), reply.unit.short_name, f"{reply.kind}{reply.number_label}"]
    if reply.category:
        bits.append(f"{reply.category}类")
    bits.append("、".join(reply.proposers))
    kind = "" if reply.doc_type == "答复" else f"〔{doc_type_label(reply.doc_type, reply.kind)}〕"
    story = ""
    if len(case.documents) > 1:
        story = (f'<br><span class="rs-item-case">本件共 {len(case.documents)} 份文件，'
                 f"{escape_html(case.state(archive.as_of))}："
                 f"{html_link(here, case_source(case.id), '办理全过程')}</span>")
    return (f"<li>{html_link(here, reply_source(reply.id), kind + reply.title)}<br>"
            f'<span class="rs-item-meta">{escape_html(" · ".join(bits))}</span>{story}</li>')


def reply_list(here: str, replies: Sequence[Reply], archive: Archive) -> str:
    """Replies as a raw HTML list (Markdown passes it through, so long indexes stay cheap), a
    case once, by its newest document among `replies`."""
    return ('<ul class="rs-list">' + "".join(reply_item(here, r, archive)
                                             for r in one_per_case(replies, archive.case_of)) + "</ul>")


def count_line(cases: int, documents: int, span: str = "") -> str:
    files = f"（{documents} 份文件）" if documents != cases else ""
    return (f'<p>共 <strong class="rs-count">{cases}</strong> 件{files}{span}，'
            "按最新文件的日期从新到旧排列。</p>")


def reply_list_pages(base_uri_for, title: str, intro: str, replies: Sequence[Reply], archive: Archive,
                     meta: dict | None = None, crumbs: Sequence[tuple[str, str | None]] = (),
                     listed: Sequence[Reply] | None = None) -> Iterator[GeneratedPage]:
    """A list of cases over as many pages as it needs, each by its newest document among
    `replies` (`listed`, when the caller has them already); `intro` is plain text."""
    documents = len(replies)
    replies = one_per_case(replies, archive.case_of) if listed is None else listed
    pages = chunks(replies, PAGE_SIZE)
    uris = [base_uri_for(n) for n in range(1, len(pages) + 1)]
    for n, (uri, part) in enumerate(zip(uris, pages), 1):
        html = Blocks()
        head = title if n == 1 else f"{title}（第 {n} 页）"
        first = (n - 1) * PAGE_SIZE + 1
        span = f"，本页为第 {first}–{first + len(part) - 1} 件" if len(pages) > 1 else ""
        body = [f"# {escape_markdown(head)}\n", html(breadcrumbs(uri, crumbs)),
                html(f"<p>{escape_html(intro)}</p>" if intro else ""),
                html(count_line(len(replies), documents, span)),
                html('<ul class="rs-list">' + "".join(reply_item(uri, r, archive) for r in part) + "</ul>"),
                html(pager(uris, n))]
        page_meta = {k: v for k, v in (meta or {}).items() if v}
        yield GeneratedPage(uri, "\n".join(b for b in body if b) + "\n", tuple(html.items), meta=page_meta)


def breadcrumbs(here: str, trail: Sequence[tuple[str, str | None]]) -> str:
    """`首页 › 2023年 › …`: (label, page) pairs, the last one without a page."""
    parts = [html_link(here, uri, label) if uri else escape_html(label) for label, uri in trail]
    return '<nav class="rs-breadcrumbs" aria-label="位置">' + " › ".join(parts) + "</nav>"


def grouping_pages(archive: Archive, grouping: Grouping, feeds: dict[str, str]) -> Iterator[GeneratedPage]:
    home, top = ("首页", HOME_PAGE), (grouping.label, overview_source(grouping.name))
    cases: dict[str, int] = {}  # group slug → the cases it lists
    for group in grouping.groups:
        feed = feeds.get(f"{grouping.name}/{group.slug}")
        listed = one_per_case(group.replies, archive.case_of)
        cases[group.slug] = len(listed)
        yield from reply_list_pages(
            lambda n, g=group: group_source(grouping.name, g.slug, n),
            f"{grouping.noun}：{group.title}", group.subtitle, group.replies, archive,
            meta={"feed": feed, "title": f"{grouping.noun}：{group.title}"},
            crumbs=(home, top, (group.title, None)), listed=listed)
    yield from overview_pages(grouping, cases)


def overview_pages(grouping: Grouping, cases: dict[str, int]) -> Iterator[GeneratedPage]:
    """The groups with the number of cases each lists (`cases`, by group slug)."""
    pages = chunks(grouping.groups, OVERVIEW_PAGE_SIZE)
    uris = [overview_source(grouping.name, n) for n in range(1, len(pages) + 1)]
    extra = grouping.name in ("units", "categories")
    for n, (uri, part) in enumerate(zip(uris, pages), 1):
        html = Blocks()
        head = (f"<th>{escape_html(grouping.noun)}</th>" + ("<th>说明</th>" if extra else "")
                + '<th style="text-align: right;">件数</th>')
        rows = [f"<tr><td>{html_link(uri, group_source(grouping.name, g.slug), g.title)}</td>"
                + (f"<td>{escape_html(g.subtitle)}</td>" if extra else "")
                + f'<td style="text-align: right;">{cases[g.slug]}</td></tr>'
                for g in part]
        table = (f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n" + "\n".join(rows)
                 + "\n</tbody>\n</table>") if part else "<p>暂无。</p>"
        body = [f"# {escape_markdown(grouping.label)}\n",
                html(breadcrumbs(uri, [("首页", HOME_PAGE), (grouping.label, None)])),
                html(f"<p>共 {len(grouping.groups)} 个{escape_html(grouping.noun)}。</p>"), html(table),
                html(pager(uris, n))]
        yield GeneratedPage(uri, "\n".join(b for b in body if b) + "\n", tuple(html.items))
