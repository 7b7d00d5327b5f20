"""Typed objects every stage after parsing works with: Unit, Topic, Reply."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .urls import reply_url


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    short_names: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def short_name(self) -> str:
        return self.short_names[0] if self.short_names else self.name

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.short_names, *self.aliases)


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Attachment:
    """An original file kept with a reply (`attachments`), checked against its SHA-256."""

    name: str  # the file's name, as published: originals/<reply id>/<name>
    path: Path  # where it is read from (inside the replies folder)
    sha256: str
    size: int

    @property
    def kind_label(self) -> str:
        return {".pdf": "PDF", ".docx": "Word", ".txt": "文本"}.get(self.path.suffix.lower(), "文件")


@dataclass(frozen=True)
class Reply:
    """One reply letter, parsed and validated. Built only by `validate.build_reply`."""

    id: str
    kind: str
    number: str
    title: str
    proposers: tuple[str, ...]
    unit: Unit
    topics: tuple[Topic, ...]
    body: str
    source_path: Path
    reply_date: dt.date | None = None  # every document type but 建议原文
    submitted_date: dt.date | None = None  # 建议原文
    doc_type: str = "答复"
    case: str | None = None  # the case key as written (usually derived, see `case_id`)
    to_unit: Unit | None = None  # 会办意见: the lead unit it is written to
    promised: str | None = None
    promised_by: dt.date | None = None
    former_ids: tuple[str, ...] = ()
    session: str | None = None
    co_units: tuple[Unit, ...] = ()
    doc_number: str | None = None
    category: str | None = None
    assigned_date: dt.date | None = None
    satisfaction: str | None = None
    disclosure: str = "全文公开"
    disclosure_note: str | None = None
    cc: tuple[str, ...] = ()
    contact: str | None = None
    postcode: str | None = None
    source_url: str | None = None
    attachments: tuple[Attachment, ...] = ()
    privacy_allow: tuple[str, ...] = field(default=(), compare=False)

    @property
    def date(self) -> dt.date:
        """The document's date: its reply date, or when the suggestion was submitted."""
        day = self.reply_date or self.submitted_date
        assert day is not None, "validation gives every document a date"
        return day

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def case_id(self) -> str:
        return case_id(self.kind, self.session, self.number, self.case, self.id)

    @property
    def is_reply(self) -> bool:
        """A letter to the deputy or member (答复 or 再次答复)."""
        return self.doc_type in ("答复", "再次答复")

    @property
    def url(self) -> str:
        """Site-relative URL of the reply page (with `use_directory_urls`)."""
        return reply_url(self.id)

    @property
    def lead_proposer(self) -> str:
        return self.proposers[0]

    @property
    def number_label(self) -> str:
        return f"第{self.number}号"

    @property
    def has_body(self) -> bool:
        return self.disclosure != "不予公开"

    @property
    def public_body(self) -> str | None:
        """The body text that may be published: full text or summary, never a withheld body."""
        return self.body if self.has_body else None

    @property
    def days_to_reply(self) -> int | None:
        if self.assigned_date is None or self.reply_date is None:
            return None
        return (self.reply_date - self.assigned_date).days


def disclosure_notice(reply: Reply) -> str | None:
    """The sentence that tells a reader why the full text is not shown, or None."""
    reason = (reply.disclosure_note or "").strip().rstrip("。") or "未说明"
    if reply.disclosure == "摘要公开":
        return f"本答复摘要公开（理由：{reason}），以下为摘要。"
    if reply.disclosure == "不予公开":
        return f"本答复不予公开（理由：{reason}），仅公开目录信息。"
    return None


KIND_SLUGS = {"建议": "jianyi", "提案": "tian"}


def case_id(kind: str, session: str | None, number: str, case: str | None, doc_id: str) -> str:
    """The case a document belongs to: the `case` key when given; else the documents of one
    kind, session and number form one case; a document without a session is a case of its own.
    The id is stable (derived from what identifies the case) and URL-safe: cases/<id>/."""
    if case:
        return case
    slug = KIND_SLUGS.get(kind, "case")
    number_part = re.sub(r"[^a-z0-9]+", "-", number.lower()).strip("-")
    source = f"{kind}\0{session}\0{number}" if session else f"{kind}\0{number}\0{doc_id}"
    # the digest in letters only: digits next to the number's could read as one long number
    # (the build's privacy scan reads every URL)
    digest = "".join(chr(ord("a") + int(c, 16)) for c in hashlib.sha1(source.encode("utf-8")).hexdigest()[:8])
    return "-".join(p for p in (slug, number_part, digest) if p)
