"""Search records: what the search index knows about one reply, as plain text.

`record_from_reply` is the only bridge from the reply model; the index builder reads records
only, so it can be tested (and benchmarked) with hand-made records.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...archive.line_breaks import join_cjk_lines
from ...model import Reply
from ...schema import KIND_LABELS, doc_type_label
from ..plain_text import BLANKS, markdown_to_text
from .textnorm import strip_invisible


@dataclass(frozen=True)
class SearchRecord:
    id: str
    url: str  # site-relative, e.g. "replies/<id>/"
    title: str
    text: str  # plain text: one metadata line, a newline, then the body
    unit: str  # short name of the handling unit
    unit_id: str
    date: str  # ISO reply date
    year: int
    category: str | None
    kind: str  # 建议 / 提案
    topics: tuple[str, ...] = ()
    topic_ids: tuple[str, ...] = ()
    doc_number: str | None = None
    proposers: tuple[str, ...] = ()
    doc_type: str = "答复"  # 答复, 再次答复, 会办意见, 建议原文, 办理进展

    @property
    def meta(self) -> str:
        """The metadata line (first line of `text`)."""
        return self.text.split("\n", 1)[0]

    @property
    def body(self) -> str:
        """The body (everything after the metadata line)."""
        parts = self.text.split("\n", 1)
        return parts[1] if len(parts) > 1 else ""


def meta_line(reply: Reply) -> str:
    """Every searchable metadata value of a reply on one line, separated by spaces."""
    d = reply.date
    # 第55号建议 as well as 建议第55号: both are how people write it
    values = [KIND_LABELS[reply.kind], f"{reply.kind}{reply.number_label}", f"{reply.number_label}{reply.kind}",
              doc_type_label(reply.doc_type, reply.kind), "、".join(reply.proposers),
              *reply.unit.all_names, *(u.name for u in reply.co_units),
              *(n for u in reply.co_units for n in u.short_names),
              reply.doc_number or "", reply.session or "",
              f"{reply.category}类" if reply.category else "",
              f"{d.year}年{d.month}月{d.day}日", *(t.name for t in reply.topics), reply.contact or ""]
    seen: dict[str, None] = {}
    for v in values:
        v = BLANKS.sub(" ", v.replace("\n", " ")).strip()
        if v:
            seen.setdefault(v, None)
    return " ".join(seen)


def title(reply: Reply) -> str:
    """The title a result shows: a document other than the reply says what it is."""
    if reply.doc_type == "答复":
        return reply.title
    return f"〔{doc_type_label(reply.doc_type, reply.kind)}〕{reply.title}"


def search_text(reply: Reply) -> str:
    """The metadata line, a newline and the body as plain text: line breaks inside a paragraph
    next to Chinese characters removed (`join_cjk_lines`), zero-width characters too."""
    body = markdown_to_text(join_cjk_lines(reply.body, search=True)) if reply.has_body else ""
    return strip_invisible(f"{meta_line(reply)}\n{body}")


def record_from_reply(reply: Reply, *, with_text: bool = True) -> SearchRecord:
    """The record of a reply; without its text (`text=""`) when `with_text` is false, for
    `build_index(text_of=…)`, which makes the texts a batch at a time."""
    return SearchRecord(
        id=reply.id, url=reply.url, title=strip_invisible(title(reply)),
        text=search_text(reply) if with_text else "",
        unit=reply.unit.short_name, unit_id=reply.unit.id, date=reply.date.isoformat(),
        year=reply.year, category=reply.category, kind=reply.kind,
        topics=tuple(t.name for t in reply.topics), topic_ids=tuple(t.id for t in reply.topics),
        doc_number=reply.doc_number, proposers=reply.proposers, doc_type=reply.doc_type)
