"""The page of one reply: breadcrumbs, every metadata field linked to its index, the body."""

from __future__ import annotations

import re
from functools import partial

from ..archive import Case
from ..archive.line_breaks import join_cjk_lines
from ..model import Reply, disclosure_notice
from ..schema import CATEGORY_LABELS, FIELDS_BY_NAME, KIND_LABELS, doc_type_label
from ..urls import HOME_PAGE, attachment_path, case_source, group_source, name_slug, reply_source
from .blocks import Blocks, GeneratedPage, LaterPage
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
        (_label("doc_type"), e(doc_type_label(r.doc_type, r.kind))),
        (_label("number"), e(f"{r.kind}{r.number_label}")),
        (_label("proposers"), "、".join(to("proposers", name_slug(p), p) for p in r.proposers)
         + ("（第一位为领衔人）" if len(r.proposers) > 1 else "")),
        (UNIT_LABELS.get(r.doc_type, _label("unit")), to("units", r.unit.id, r.unit.name)
         + (f"（{e('、'.join(r.unit.short_names))}）" if r.unit.short_names else "")),
    ]
    if r.to_unit is not None:
        rows.append(("致送（主办）单位", to("units", r.to_unit.id, r.to_unit.name)))
    if r.co_units:
        rows.append((_label("co_units"), "、".join(to("units", u.id, u.name) for u in r.co_units)))
    if r.session:
        rows.append((_label("session"), to("sessions", name_slug(r.session), r.session)))
    if r.doc_number:
        rows.append((_label("doc_number"), e(r.doc_number)))
    if r.category:
        rows.append((_label("category"), to("categories", r.category.lower(),
                                            CATEGORY_LABELS.get(r.category, r.category))))
    if r.submitted_date:
        rows.append((_label("submitted_date"), r.submitted_date.isoformat()))
    if r.assigned_date:
        rows.append((_label("assigned_date"), r.assigned_date.isoformat()))
    if r.reply_date:
        rows.append((DATE_LABELS.get(r.doc_type, _label("reply_date")), f"{r.reply_date.isoformat()}（"
                     + to("years", str(r.year), f"{r.year}年") + "）"))
    rows.append((_label("topics"), "、".join(to("topics", t.id, t.name) for t in r.topics)))
    if r.is_reply:
        rows.append((_label("satisfaction"), e(r.satisfaction or "未反馈")))
    if r.promised:
        rows.append((_label("promised"), e(r.promised)))
    if r.promised_by:
        rows.append((_label("promised_by"), r.promised_by.isoformat()))
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
    rows += _attachment_rows(here, r)
    return rows


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} 字节"
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1048576:.1f} MB"


def _attachment_rows(here: str, r: Reply) -> list[tuple[str, str]]:
    """原件: a download link with its type and size, and its SHA-256 to check a copy against."""
    return [(_label("attachments"),
             html_link(here, attachment_path(r.id, a.name), f"原件（{a.kind_label}，{_size(a.size)}）")
             + f'<br><span class="rs-sha256">SHA-256：<code>{escape_html(a.sha256)}</code></span>')
            for a in r.attachments]


def disclosure_box(r: Reply) -> str:
    """The notice of a reply not published in full, as Python-Markdown's admonition writes it."""
    notice = disclosure_notice(r)
    if not notice:
        return ""
    return (f'<div class="admonition note">\n<p class="admonition-title">{escape_html(f"本答复{r.disclosure}")}</p>\n'
            f"<p>{escape_html(notice)}</p>\n</div>")


# How a document type names its parts.
UNIT_LABELS = {"会办意见": "会办单位"}
DATE_LABELS = {"会办意见": "出具日期", "办理进展": "报告日期"}
HEADINGS = {"答复": "答复", "再次答复": "再次答复", "会办意见": "会办意见", "办理进展": "办理进展"}


def heading(r: Reply) -> str:
    name = HEADINGS.get(r.doc_type) or doc_type_label(r.doc_type, r.kind)
    return f"{name}摘要" if r.disclosure == "摘要公开" else f"{name}全文"


def case_box(here: str, r: Reply, case: Case, as_of) -> str:
    """Where this document stands in its case: the state in words, the other documents."""
    e = escape_html
    if len(case.documents) == 1:  # the document is the whole case
        return f'<div class="rs-case"><p class="rs-case-state">办理情况：{e(case.state(as_of))}</p></div>'
    state = (f'<p class="rs-case-state">办理情况：{e(case.state(as_of))}'
             f"（{html_link(here, case_source(case.id), '办理全过程')}）</p>")
    items = []
    for n, d in enumerate(case.documents, 1):
        what = f"{d.date.isoformat()} {doc_type_label(d.doc_type, d.kind)}（{d.unit.short_name}）"
        items.append(f'<li aria-current="page"><strong>{e(what)}</strong>（本文件）</li>' if d is r
                     else f"<li>{html_link(here, reply_source(d.id), what)}</li>")
    return (f'<div class="rs-case">{state}<p>本件共 {len(case.documents)} 份文件：</p>'
            f'<ol class="rs-case-docs">{"".join(items)}</ol></div>')


def reply_page(r: Reply, case: Case, as_of, lift_paragraphs: bool = False) -> GeneratedPage:
    """Metadata, breadcrumbs, notice and signature are finished HTML; the body is the staff's
    Markdown (sanitized once rendered), its plain paragraphs finished HTML too when
    `lift_paragraphs` (see `plain_paragraphs`; the site's Markdown extensions decide). Nothing of
    ours follows the body in the Markdown: the body cannot swallow it."""
    here = reply_source(r.id)
    html = Blocks()
    label = doc_type_label(r.doc_type, r.kind)
    crumbs = breadcrumbs(here, [("首页", HOME_PAGE), (f"{r.year}年", group_source("years", str(r.year))),
                                (r.unit.short_name, group_source("units", r.unit.id)),
                                (f"{r.kind}{r.number_label}",
                                 case_source(case.id) if len(case.documents) > 1 else None), (label, None)])
    meta = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in _meta_rows(here, r))
    parts = [f"# {escape_markdown(r.title)}\n", html(crumbs), html(f'<dl class="rs-meta">{meta}</dl>'),
             html(case_box(here, r, case, as_of)), html(disclosure_box(r))]
    tail = ""
    if r.has_body:
        # a line break between two Chinese characters is no break (Chromium would draw a space)
        body = join_cjk_lines(r.body)
        body = lift_plain_paragraphs(body, html) if lift_paragraphs else body
        # the letter body in <div class="rs-body"> (print.css sets it as a letter)
        parts += [f"## {heading(r)}\n", html('<div class="rs-body">'), f"{body}\n"]
        signer = "、".join(r.proposers) if r.doc_type == "建议原文" else r.unit.name
        tail = (f'</div>\n<p class="rs-sign">{escape_html(signer)}<br>{r.date.year}年'
                f"{r.date.month}月{r.date.day}日</p>")
    return GeneratedPage(here, "\n".join(p for p in parts if p), tuple(html.items), tail, reply_meta(r))


def reply_meta(r: Reply) -> dict[str, str]:
    """The page's metadata for the theme (title, date, description)."""
    label = doc_type_label(r.doc_type, r.kind)
    description = (f"{r.unit.name}对{r.kind}{r.number_label}《{r.title}》的答复" if r.doc_type == "答复"
                   else f"{r.kind}{r.number_label}《{r.title}》的{label}（{r.unit.name}）")
    return {"title": r.title if r.doc_type == "答复" else f"{r.title}（{label}）",
            "lastmod": r.date.isoformat(), "description": description}


def later_reply_page(r: Reply, case: Case, as_of, lift_paragraphs: bool = False) -> LaterPage:
    """`reply_page`, generated when the page is converted."""
    return LaterPage(reply_source(r.id), reply_meta(r), partial(reply_page, r, case, as_of, lift_paragraphs))
