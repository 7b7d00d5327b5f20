"""Typed objects every stage after parsing works with: Unit, Topic, Reply."""

from __future__ import annotations

import datetime as dt
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
    reply_date: dt.date
    topics: tuple[Topic, ...]
    body: str
    source_path: Path
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
    def year(self) -> int:
        return self.reply_date.year

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
        if self.assigned_date is None:
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
