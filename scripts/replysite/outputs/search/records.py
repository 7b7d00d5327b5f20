"""Search records: what the search index knows about one reply, as plain text.

`record_from_reply` is the only bridge from the reply model; the index builder reads records
only, so it can be tested (and benchmarked) with hand-made records.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Reply
from ...schema import KIND_LABELS
from ..plain_text import BLANKS, markdown_to_text


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
    values = [KIND_LABELS[reply.kind], f"{reply.kind}{reply.number_label}", "、".join(reply.proposers),
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


def record_from_reply(reply: Reply) -> SearchRecord:
    body = markdown_to_text(reply.body) if reply.has_body else ""
    return SearchRecord(
        id=reply.id, url=reply.url, title=reply.title, text=f"{meta_line(reply)}\n{body}",
        unit=reply.unit.short_name, unit_id=reply.unit.id, date=reply.date.isoformat(),
        year=reply.year, category=reply.category, kind=reply.kind,
        topics=tuple(t.name for t in reply.topics), topic_ids=tuple(t.id for t in reply.topics),
        doc_number=reply.doc_number, proposers=reply.proposers)
