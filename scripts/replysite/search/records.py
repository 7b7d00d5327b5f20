"""Search records: what the search index knows about one reply, as plain text.

`record_from_reply` is the only bridge from the reply model; the index builder reads records
only, so it can be tested (and benchmarked) with hand-made records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Reply
from ..schema import KIND_LABELS


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


_FENCE = re.compile(r"^\s*(```|~~~).*$", re.M)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S.*$", re.M)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s*\w+(\s+\"([^\"]*)\")?\s*$", re.M)
_LINE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d+[.)][ \t]+)?", re.M)
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$", re.M)
_HR = re.compile(r"^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$", re.M)
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`+)(?=\S)(.+?)(?<=\S)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_ENTITIES = {"&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&"}
_BLANKS = re.compile(r"[ \t\u3000]+")
_MANY_NEWLINES = re.compile(r"\n{2,}")
_EDGE_BLANKS = re.compile(r" ?\n ?")


def markdown_to_text(markdown: str) -> str:
    """Plain text of a Markdown body: markup removed, one paragraph per line."""
    s = markdown.replace("\r\n", "\n")
    if "<!--" in s:
        s = _HTML_COMMENT.sub("", s)
    if "```" in s or "~~~" in s:
        s = _FENCE.sub("", s)
    if "!!!" in s or "???" in s:
        s = _ADMONITION.sub(lambda m: m.group(3) or "", s)
    if "---" in s or "***" in s or "___" in s:
        s = _HR.sub("", _TABLE_RULE.sub("", s))
    if "](" in s or "][" in s or "]:" in s:
        s = _REF_DEF.sub("", _REF_LINK.sub(r"\1", _LINK.sub(r"\1", _IMAGE.sub(r"\1", s))))
    if "<" in s:
        s = _TAG.sub("", _AUTOLINK.sub(r"\1", s))
    s = _LINE_PREFIX.sub("", s)
    if any(c in s for c in "*_~`"):
        for _ in range(2):  # nested emphasis such as ***x***
            s = _EMPHASIS.sub(r"\2", s)
    if "\\" in s:
        s = _ESCAPE.sub(r"\1", s)
    if "&" in s:
        for entity, char in _ENTITIES.items():
            s = s.replace(entity, char)
    # each substitution only where it can change something: on 10,000 bodies these scans
    # were most of the time spent making the search records
    if "|" in s:
        s = s.replace("|", " ")
    if "\t" in s or "\u3000" in s or "  " in s:
        s = _BLANKS.sub(" ", s)
    if " \n" in s or "\n " in s:
        s = _EDGE_BLANKS.sub("\n", s)
    if "\n\n" in s:
        s = _MANY_NEWLINES.sub("\n", s)
    return s.strip(" \n")


def meta_line(reply: Reply) -> str:
    """Every searchable metadata value of a reply on one line, separated by spaces."""
    d = reply.reply_date
    values = [KIND_LABELS[reply.kind], f"{reply.kind}{reply.number_label}", "、".join(reply.proposers),
              *reply.unit.all_names, *(u.name for u in reply.co_units),
              *(n for u in reply.co_units for n in u.short_names),
              reply.doc_number or "", reply.session or "",
              f"{reply.category}类" if reply.category else "",
              f"{d.year}年{d.month}月{d.day}日", *(t.name for t in reply.topics), reply.contact or ""]
    seen: dict[str, None] = {}
    for v in values:
        v = _BLANKS.sub(" ", v.replace("\n", " ")).strip()
        if v:
            seen.setdefault(v, None)
    return " ".join(seen)


def record_from_reply(reply: Reply) -> SearchRecord:
    body = markdown_to_text(reply.body) if reply.has_body else ""
    return SearchRecord(
        id=reply.id, url=reply.url, title=reply.title, text=f"{meta_line(reply)}\n{body}",
        unit=reply.unit.short_name, unit_id=reply.unit.id, date=reply.reply_date.isoformat(),
        year=reply.year, category=reply.category, kind=reply.kind,
        topics=tuple(t.name for t in reply.topics), topic_ids=tuple(t.id for t in reply.topics),
        doc_number=reply.doc_number, proposers=reply.proposers)
