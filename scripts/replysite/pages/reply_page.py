"""The page of one reply: breadcrumbs, every metadata field linked to its index, the body."""

from __future__ import annotations

import re

from ..archive.line_breaks import join_cjk_lines
from ..model import Reply, disclosure_notice
from ..schema import CATEGORY_LABELS, FIELDS_BY_NAME, KIND_LABELS
from ..urls import HOME_PAGE, group_source, name_slug, reply_source
from .blocks import Blocks, GeneratedPage
from .lists import breadcrumbs
from .markup import escape_html, escape_markdown, html_link
from .plain_paragraphs import lift_plain_paragraphs

SAFE_URL = re.compile(r"https?://[^\s\x00-\x1f]+\Z", re.IGNORECASE)


def _label(name: str) -> str:
    return FIELDS_BY_NAME[name].label


def _meta_rows(here: str, r: Reply) -> list[tuple[str, str]]:
    """(label, HTML) pairs; every value escaped here, whatever `check` let through."""
    e = escape_html

    def to(grouping: str, slug: str, text: str) -> str:
        return html_link(here, group_source(grouping, slug), text)

    rows = [
        ("类型", e(KIND_LABELS.get(r.kind, r.kind))),
        (_label("number"), e(f"{r.kind}{r.number_label}")),
        (_label("proposers"), "、".join(to("proposers", name_slug(p), p) for p in r.proposers)
         + ("（第一位为领衔人）" if len(r.proposers) > 1 else "")),
        (_label("unit"), to("units", r.unit.id, r.unit.name)
         + (f"（{e('、'.join(r.unit.short_names))}）" if r.unit.short_names else "")),
    ]
    if r.co_units:
        rows.append((_label("co_units"), "、".join(to("units", u.id, u.name) for u in r.co_units)))
    if r.session:
        rows.append((_label("session"), to("sessions", name_slug(r.session), r.session)))
    if r.doc_number:
        rows.append((_label("doc_number"), e(r.doc_number)))
    if r.category:
        rows.append((_label("category"), to("categories", r.category.lower(),
                                            CATEGORY_LABELS.get(r.category, r.category))))
    if r.assigned_date:
        rows.append((_label("assigned_date"), r.assigned_date.isoformat()))
    rows.append((_label("reply_date"), f"{r.reply_date.isoformat()}（"
                 + to("years", str(r.year), f"{r.year}年") + "）"))
    rows.append((_label("topics"), "、".join(to("topics", t.id, t.name) for t in r.topics)))
    rows.append((_label("satisfaction"), e(r.satisfaction or "未反馈")))
    rows.append((_label("disclosure"), e(r.disclosure)))
    if r.cc:
        rows.append((_label("cc"), e("，".join(r.cc))))
    if r.contact:
        rows.append((_label("contact"), e(r.contact)))
    if r.postcode:
        rows.append((_label("postcode"), e(r.postcode)))
    if r.source_url:
        link = SAFE_URL.match(r.source_url) is not None
        rows.append((_label("source_url"), f'<a href="{e(r.source_url)}">{e(r.source_url)}</a>'
                     if link else e(r.source_url)))
    return rows


def disclosure_box(r: Reply) -> str:
    """The notice of a reply not published in full, as Python-Markdown's admonition writes it."""
    notice = disclosure_notice(r)
    if not notice:
        return ""
    return (f'<div class="admonition note">\n<p class="admonition-title">{escape_html(f"本答复{r.disclosure}")}</p>\n'
            f"<p>{escape_html(notice)}</p>\n</div>")


def reply_page(r: Reply, lift_paragraphs: bool = False) -> GeneratedPage:
    """Metadata, breadcrumbs, notice and signature are finished HTML; the body is the staff's
    Markdown (sanitized once rendered), its plain paragraphs finished HTML too when
    `lift_paragraphs` (see `plain_paragraphs`; the site's Markdown extensions decide). Nothing of
    ours follows the body in the Markdown: the body cannot swallow it."""
    here = reply_source(r.id)
    html = Blocks()
    crumbs = breadcrumbs(here, [("首页", HOME_PAGE), (f"{r.year}年", group_source("years", str(r.year))),
                                (r.unit.short_name, group_source("units", r.unit.id)),
                                (f"{r.kind}{r.number_label}", None)])
    meta = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in _meta_rows(here, r))
    parts = [f"# {escape_markdown(r.title)}\n", html(crumbs), html(f'<dl class="rs-meta">{meta}</dl>'),
             html(disclosure_box(r))]
    tail = ""
    if r.has_body:
        heading = "答复摘要" if r.disclosure == "摘要公开" else "答复全文"
        # a line break between two Chinese characters is no break (Chromium would draw a space)
        body = join_cjk_lines(r.body)
        body = lift_plain_paragraphs(body, html) if lift_paragraphs else body
        # the letter body in <div class="rs-body"> (print.css sets it as a letter)
        parts += [f"## {heading}\n", html('<div class="rs-body">'), f"{body}\n"]
        tail = (f'</div>\n<p class="rs-sign">{escape_html(r.unit.name)}<br>{r.reply_date.year}年'
                f"{r.reply_date.month}月{r.reply_date.day}日</p>")
    meta_data = {"title": r.title, "reply_date": r.reply_date.isoformat(),
                 "description": f"{r.unit.name}对{r.kind}{r.number_label}《{r.title}》的答复"}
    return GeneratedPage(here, "\n".join(p for p in parts if p), tuple(html.items), tail, meta_data)
