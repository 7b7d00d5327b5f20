"""The page of one reply: breadcrumbs, every metadata field linked to its index, the body."""

from __future__ import annotations

from .archive import name_slug
from .markdown_text import esc, link
from .model import Reply
from .pages import GeneratedPage, crumbs_for, front_matter, group_uri, reply_uri
from .schema import CATEGORY_LABELS, FIELDS_BY_NAME, KIND_LABELS


def _label(name: str) -> str:
    return FIELDS_BY_NAME[name].label


def _meta_rows(here: str, r: Reply) -> list[tuple[str, str]]:
    def to(grouping: str, slug: str, text: str) -> str:
        return link(here, group_uri(grouping, slug), text)

    rows = [
        ("类型", KIND_LABELS[r.kind]),
        (_label("number"), f"{r.kind}{esc(r.number_label)}"),
        (_label("proposers"), "、".join(to("proposers", name_slug(p), p) for p in r.proposers)
         + ("（第一位为领衔人）" if len(r.proposers) > 1 else "")),
        (_label("unit"), to("units", r.unit.id, r.unit.name)
         + (f"（{esc('、'.join(r.unit.short_names))}）" if r.unit.short_names else "")),
    ]
    if r.co_units:
        rows.append((_label("co_units"), "、".join(to("units", u.id, u.name) for u in r.co_units)))
    if r.session:
        rows.append((_label("session"), to("sessions", name_slug(r.session), r.session)))
    if r.doc_number:
        rows.append((_label("doc_number"), esc(r.doc_number)))
    if r.category:
        rows.append((_label("category"), to("categories", r.category.lower(), CATEGORY_LABELS[r.category])))
    if r.assigned_date:
        rows.append((_label("assigned_date"), r.assigned_date.isoformat()))
    rows.append((_label("reply_date"), f"{r.reply_date.isoformat()}（"
                 + to("years", str(r.year), f"{r.year}年") + "）"))
    rows.append((_label("topics"), "、".join(to("topics", t.id, t.name) for t in r.topics)))
    rows.append((_label("satisfaction"), esc(r.satisfaction) if r.satisfaction else "未反馈"))
    rows.append((_label("disclosure"), r.disclosure))
    if r.cc:
        rows.append((_label("cc"), esc("，".join(r.cc))))
    if r.contact:
        rows.append((_label("contact"), esc(r.contact)))
    if r.postcode:
        rows.append((_label("postcode"), r.postcode))
    if r.source_url:
        rows.append((_label("source_url"), f"<{r.source_url}>"))
    return rows


def disclosure_notice(r: Reply) -> str:
    if r.disclosure == "摘要公开":
        return (f'!!! note "本答复摘要公开"\n    以下为答复摘要，而非全文。不全文公开的理由：'
                f"{esc(r.disclosure_note or '')}\n")
    if r.disclosure == "不予公开":
        return (f'!!! note "本答复不予公开"\n    本答复的正文依法不予公开，此处仅公布办理信息。理由：'
                f"{esc(r.disclosure_note or '')}\n")
    return ""


def reply_page(r: Reply) -> GeneratedPage:
    here = reply_uri(r)
    crumbs = crumbs_for(here, f"首页=index.md|{r.year}年={group_uri('years', str(r.year))}|"
                              f"{r.unit.short_name}={group_uri('units', r.unit.id)}|{r.kind}{r.number_label}")
    meta = "\n\n".join(f"{k}\n:   {v}" for k, v in _meta_rows(here, r))
    parts = [front_matter(title=r.title, description=f"{r.unit.name}对{r.kind}{r.number_label}《{r.title}》的答复"),
             f"# {esc(r.title)}\n", crumbs,
             f'<div class="rs-meta" markdown>\n\n{meta}\n\n</div>\n', disclosure_notice(r)]
    if r.has_body:
        heading = "答复摘要" if r.disclosure == "摘要公开" else "答复全文"
        parts.append(f'## {heading}\n\n<div class="rs-body" markdown>\n\n{r.body}\n\n</div>\n')
        if r.doc_number or r.unit:
            parts.append(f'<p class="rs-sign">{esc(r.unit.name)}<br>{r.reply_date.year}年'
                         f'{r.reply_date.month}月{r.reply_date.day}日</p>\n')
    return GeneratedPage(here, "\n".join(p for p in parts if p))
