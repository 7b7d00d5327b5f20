"""Every generated page of the site, as (source path, Markdown) pairs, from the archive.

No MkDocs here: `mkdocs_plugin.py` turns these into in-memory `File`s. Page size never grows
with the archive: replies are listed PAGE_SIZE at a time and overviews OVERVIEW_PAGE_SIZE.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Iterator, Sequence

from .archive import Archive, Grouping
from .markdown_text import a, attr, esc, link
from .model import Reply

PAGE_SIZE = 50
OVERVIEW_PAGE_SIZE = 200
LATEST_ON_HOME = 10


BLOCK = "RSHTMLBLOCK{}X"
BLOCK_RE = re.compile(r"<p>RSHTMLBLOCK(\d+)X</p>")


@dataclass(frozen=True)
class GeneratedPage:
    """A page's Markdown, plus finished HTML blocks that stand in it as placeholder paragraphs.

    Python-Markdown parses every raw HTML block with an HTML parser, which made metadata and
    long index lists the most expensive part of a build; HTML kept in `blocks` skips Markdown
    and is put back into the rendered page by `fill_blocks`.
    """

    src_uri: str
    content: str
    blocks: tuple[str, ...] = ()


class Blocks:
    """Collects a page's HTML blocks; calling it returns the placeholder paragraph."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def __call__(self, html: str) -> str:
        if not html:
            return ""
        self.items.append(html)
        return "\n" + BLOCK.format(len(self.items) - 1) + "\n"


def fill_blocks(html: str, blocks: Sequence[str]) -> str:
    return BLOCK_RE.sub(lambda m: blocks[int(m.group(1))], html) if blocks else html


def reply_uri(reply: Reply) -> str:
    return f"replies/{reply.id}.md"


def group_uri(grouping: str, slug: str, page: int = 1) -> str:
    base = f"{grouping}/{slug}"
    return f"{base}/index.md" if page == 1 else f"{base}/page/{page}.md"


def overview_uri(grouping: str, page: int = 1) -> str:
    return f"{grouping}/index.md" if page == 1 else f"{grouping}/page/{page}.md"


def front_matter(**meta: object) -> str:
    """YAML front-matter for a generated page (JSON is valid YAML, so values are safely quoted)."""
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items() if v]
    return "---\n" + "\n".join(lines) + "\n---\n\n" if lines else ""


def chunks(items: Sequence, size: int) -> list[Sequence]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]


def pager(uris: list[str], current: int) -> str:
    """`第 2 / 9 页` with previous/next and a window of page numbers."""
    if len(uris) <= 1:
        return ""
    here = uris[current - 1]
    parts = []
    if current > 1:
        parts.append(a(here, uris[current - 2], "‹ 上一页"))
    window = sorted({1, len(uris), *range(max(1, current - 2), min(len(uris), current + 2) + 1)})
    last = 0
    for n in window:
        if n - last > 1:
            parts.append("…")
        parts.append(f'<strong aria-current="page">{n}</strong>' if n == current else a(here, uris[n - 1], str(n)))
        last = n
    if current < len(uris):
        parts.append(a(here, uris[current], "下一页 ›"))
    return f'<nav class="rs-pager" aria-label="分页">第 {current} / {len(uris)} 页：' + " ".join(parts) + "</nav>"


def reply_item(here: str, reply: Reply) -> str:
    bits = [reply.reply_date.isoformat(), attr(reply.unit.short_name), f"{reply.kind}{reply.number_label}"]
    if reply.category:
        bits.append(f"{reply.category}类")
    bits.append(attr("、".join(reply.proposers)))
    return (f"<li>{a(here, reply_uri(reply), reply.title)}<br>"
            f'<span class="rs-item-meta">{" · ".join(bits)}</span></li>')


def reply_list(here: str, replies: Sequence[Reply]) -> str:
    """A list of replies as raw HTML: Markdown passes it through, so long indexes stay cheap."""
    return '<ul class="rs-list">' + "".join(reply_item(here, r) for r in replies) + "</ul>"


def reply_list_pages(base_uri_for, title: str, intro: str, replies: Sequence[Reply],
                     meta: dict | None = None, crumbs: Sequence[tuple[str, str | None]] = ()
                     ) -> Iterator[GeneratedPage]:
    pages = chunks(replies, PAGE_SIZE)
    uris = [base_uri_for(n) for n in range(1, len(pages) + 1)]
    for n, (uri, part) in enumerate(zip(uris, pages), 1):
        html = Blocks()
        head = title if n == 1 else f"{title}（第 {n} 页）"
        first = (n - 1) * PAGE_SIZE + 1
        span = f"，本页为第 {first}–{first + len(part) - 1} 件" if len(pages) > 1 else ""
        body = [front_matter(**(meta or {})) + f"# {esc(head)}\n", html(breadcrumbs(uri, crumbs)), intro,
                html(f'<p>共 <strong class="rs-count">{len(replies)}</strong> 件答复{span}，按答复日期从新到旧排列。</p>'),
                html(reply_list(uri, part)), html(pager(uris, n))]
        yield GeneratedPage(uri, "\n".join(b for b in body if b) + "\n", tuple(html.items))


def breadcrumbs(here: str, trail: Sequence[tuple[str, str | None]]) -> str:
    """`首页 › 2023年 › …`: (label, page) pairs, the last one without a page."""
    parts = [a(here, uri, label) if uri else attr(label) for label, uri in trail]
    return '<nav class="rs-breadcrumbs" aria-label="位置">' + " › ".join(parts) + "</nav>"


def grouping_pages(archive: Archive, grouping: Grouping, feeds: dict[str, str]) -> Iterator[GeneratedPage]:
    home, top = ("首页", "index.md"), (grouping.label, overview_uri(grouping.name))
    for group in grouping.groups:
        feed = feeds.get(f"{grouping.name}/{group.slug}")
        intro = f"{esc(group.subtitle)}\n" if group.subtitle else ""
        yield from reply_list_pages(
            lambda n, g=group: group_uri(grouping.name, g.slug, n),
            f"{grouping.noun}：{group.title}", intro, group.replies,
            meta={"feed": feed, "title": f"{grouping.noun}：{group.title}"},
            crumbs=(home, top, (group.title, None)))
    yield from overview_pages(grouping)


def overview_pages(grouping: Grouping) -> Iterator[GeneratedPage]:
    pages = chunks(grouping.groups, OVERVIEW_PAGE_SIZE)
    uris = [overview_uri(grouping.name, n) for n in range(1, len(pages) + 1)]
    extra = grouping.name in ("units", "categories")
    for n, (uri, part) in enumerate(zip(uris, pages), 1):
        html = Blocks()
        rows = [f"| {grouping.noun} |" + (" 说明 |" if extra else "") + " 答复件数 |",
                "|---|" + ("---|" if extra else "") + "--:|"]
        for g in part:
            rows.append(f"| {link(uri, group_uri(grouping.name, g.slug), g.title)} |"
                        + (f" {esc(g.subtitle)} |" if extra else "") + f" {len(g.replies)} |")
        table = "\n".join(rows) if part else "暂无。"
        body = [f"# {grouping.label}\n", html(breadcrumbs(uri, [("首页", "index.md"), (grouping.label, None)])),
                f"共 {len(grouping.groups)} 个{grouping.noun}。\n", table, html(pager(uris, n))]
        yield GeneratedPage(uri, "\n".join(b for b in body if b) + "\n", tuple(html.items))
