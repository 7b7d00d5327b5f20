"""Typed objects every stage after parsing works with: Unit, Topic, Reply."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


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
    privacy_allow: tuple[str, ...] = field(default=(), compare=False)

    @property
    def year(self) -> int:
        return self.reply_date.year

    @property
    def url(self) -> str:
        """Site-relative URL of the reply page (with `use_directory_urls`)."""
        return f"replies/{self.id}/"

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
    def days_to_reply(self) -> int | None:
        if self.assigned_date is None:
            return None
        return (self.reply_date - self.assigned_date).days
