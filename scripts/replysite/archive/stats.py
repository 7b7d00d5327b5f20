"""Statistics over the replies, computed once from the Reply objects (the 统计 page is
`pages/stats_page.py`)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Reply
from ..schema import (CATEGORIES, DISCLOSURES, KIND_LABELS, KINDS,
                      SATISFACTIONS)
from ..urls import group_url

NO_FEEDBACK = "未反馈"
NO_CATEGORY = "未标注"
SATISFACTION_KEYS = (*SATISFACTIONS, NO_FEEDBACK)


@dataclass(frozen=True)
class Count:
    """One bar: `key` is stable (year, unit id, …), `href` is site-relative or None."""

    key: str
    label: str
    count: int
    href: str | None = None


@dataclass(frozen=True)
class Stats:
    total: int
    by_year: tuple[Count, ...]
    by_kind: tuple[Count, ...]
    by_category: tuple[Count, ...]
    by_unit: tuple[Count, ...]
    by_topic: tuple[Count, ...]
    by_disclosure: tuple[Count, ...]
    by_satisfaction: tuple[Count, ...]
    with_assigned_date: int
    within_three_months: int

    def satisfaction_rate(self, key: str) -> float | None:
        """Share of all replies with this satisfaction (满意/基本满意/不满意/未反馈)."""
        count = next(c.count for c in self.by_satisfaction if c.key == key)
        return ratio(count, self.total)

    @property
    def within_three_months_rate(self) -> float | None:
        return ratio(self.within_three_months, self.with_assigned_date)


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def percent(part: int, whole: int) -> str:
    """"66.7%"; "—" when there is nothing to divide by."""
    r = ratio(part, whole)
    return "—" if r is None else f"{r * 100:.1f}%"


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day `months` calendar months later, clamped to the month's end (11-30 → 02-28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def answered_within_three_months(reply: Reply) -> bool | None:
    if reply.assigned_date is None or reply.reply_date is None:
        return None
    return reply.reply_date <= add_months(reply.assigned_date, 3)


def _ranked(counter: Counter[str], labels: dict[str, str], hrefs: dict[str, str]) -> tuple[Count, ...]:
    """Most replies first; ties by label so the order is stable."""
    keys = sorted(counter, key=lambda k: (-counter[k], labels[k], k))
    return tuple(Count(k, labels[k], counter[k], hrefs.get(k)) for k in keys)


def _fixed(counter: Counter[str], keys: Iterable[str], labels: dict[str, str],
           hrefs: dict[str, str] | None = None) -> tuple[Count, ...]:
    """Every possible value in schema order, zero counts included (without a link: an empty
    category may have no page)."""
    return tuple(Count(k, labels.get(k, k), counter[k], (hrefs or {}).get(k) if counter[k] else None)
                 for k in keys)


def compute_stats(replies: Iterable[Reply]) -> Stats:
    items = list(replies)
    years: Counter[str] = Counter(str(r.year) for r in items)
    kinds: Counter[str] = Counter(r.kind for r in items)
    categories: Counter[str] = Counter(r.category or NO_CATEGORY for r in items)
    units: Counter[str] = Counter(r.unit.id for r in items)
    topics: Counter[str] = Counter(t.id for r in items for t in r.topics)
    disclosures: Counter[str] = Counter(r.disclosure for r in items)
    satisfactions: Counter[str] = Counter(r.satisfaction or NO_FEEDBACK for r in items)
    timely = [answered_within_three_months(r) for r in items]

    unit_names = {r.unit.id: r.unit.name for r in items}
    topic_names = {t.id: t.name for r in items for t in r.topics}
    category_keys = [*CATEGORIES, *([NO_CATEGORY] if categories[NO_CATEGORY] else [])]
    return Stats(
        total=len(items),
        by_year=tuple(Count(y, f"{y}年", years[y], group_url("years", y)) for y in sorted(years)),
        by_kind=_fixed(kinds, KINDS, dict(KIND_LABELS)),
        by_category=_fixed(categories, category_keys, {c: f"{c}类" for c in CATEGORIES},
                           {c: group_url("categories", c.lower()) for c in CATEGORIES}),
        by_unit=_ranked(units, unit_names, {u: group_url("units", u) for u in units}),
        by_topic=_ranked(topics, topic_names, {t: group_url("topics", t) for t in topics}),
        by_disclosure=_fixed(disclosures, DISCLOSURES, {}),
        by_satisfaction=_fixed(satisfactions, SATISFACTION_KEYS, {}),
        with_assigned_date=sum(1 for t in timely if t is not None),
        within_three_months=sum(1 for t in timely if t),
    )
