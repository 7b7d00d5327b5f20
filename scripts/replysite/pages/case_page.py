"""The page of one case: a suggestion's or proposal's whole story — every document on a
timeline, where the handling stands in words, the deputy's or member's verdict, the promise."""

from __future__ import annotations

import datetime as dt

from ..archive import Case
from ..schema import CATEGORY_LABELS, KIND_LABELS, doc_type_label
from ..urls import HOME_PAGE, all_replies_source, case_source, group_source, name_slug, reply_source
from .blocks import Blocks, GeneratedPage
from .lists import breadcrumbs
from .markup import escape_html, escape_markdown, html_link


def _rows(here: str, case: Case, as_of: dt.date | None) -> list[tuple[str, str]]:
    e = escape_html
    first = case.first
    letter = case.re_reply or case.reply
    rows = [("类型", e(KIND_LABELS.get(case.kind, case.kind))), ("编号", e(case.number_label))]
    if first.session:
        rows.append(("会议", html_link(here, group_source("sessions", name_slug(first.session)), first.session)))
    rows.append(("代表/委员", "、".join(html_link(here, group_source("proposers", name_slug(p)), p)
                                      for p in first.proposers)))
    lead = (letter or first).unit
    rows.append(("主办单位", html_link(here, group_source("units", lead.id), lead.name)))
    if letter is not None and letter.category:
        rows.append(("办理类别", e(CATEGORY_LABELS.get(letter.category, letter.category))))
    rows.append(("办理情况", e(case.state(as_of or case.latest.date))))
    if letter is not None:
        rows.append(("代表/委员满意度", e(case.satisfaction or "未反馈")))
    promise = case.promise
    if promise is not None:
        rows.append(("承诺事项", e(promise.text or "（未写明）")
                     + (f"，期限 {promise.by.isoformat()}" if promise.by else "")))
    return rows


def case_page(case: Case, as_of: dt.date | None) -> GeneratedPage:
    here = case_source(case.id)
    html = Blocks()
    crumbs = breadcrumbs(here, [("首页", HOME_PAGE), ("全部答复", all_replies_source()), (case.number_label, None)])
    meta = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in _rows(here, case, as_of))
    steps = []
    for d in case.documents:
        label = doc_type_label(d.doc_type, d.kind)
        extra = f"，{d.satisfaction}" if d.is_reply and d.satisfaction else ""
        steps.append(f'<li><time datetime="{d.date.isoformat()}">{d.date.isoformat()}</time> '
                     f"{html_link(here, reply_source(d.id), label)}（{escape_html(d.unit.name)}{escape_html(extra)}）</li>")
    timeline = f'<ol class="rs-timeline">{"".join(steps)}</ol>'
    parts = [f"# {escape_markdown(case.title)}\n", html(crumbs), html(f'<dl class="rs-meta">{meta}</dl>'),
             "## 办理过程\n",
             html(f"<p>共 {len(case.documents)} 份文件，按日期排列：</p>"), html(timeline)]
    description = f"{case.number_label}《{case.title}》的办理过程：{case.state(as_of or case.latest.date)}"
    return GeneratedPage(here, "\n".join(parts) + "\n", tuple(html.items),
                         meta={"title": f"{case.title}（办理过程）", "description": description,
                               "lastmod": case.latest.date.isoformat()})
