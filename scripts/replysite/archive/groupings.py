"""The archive: every reply, newest first, and its groupings (year, unit, topic, …).

Pure data, no MkDocs: pages, feeds, exports, statistics and search all read from here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..model import Reply, Topic, Unit
from ..schema import CATEGORIES, CATEGORY_LABELS
from ..urls import name_slug
from .cases import Case, build_cases


@dataclass(frozen=True)
class Group:
    slug: str  # URL segment
    title: str  # shown to readers
    replies: tuple[Reply, ...]
    subtitle: str = ""


@dataclass(frozen=True)
class Grouping:
    name: str  # URL folder: years, units, …
    label: str  # 按年度 …
    noun: str  # 年度 / 承办单位 …
    groups: tuple[Group, ...]

    def group_for(self, slug: str) -> Group:
        return next(g for g in self.groups if g.slug == slug)


def newest_first(replies: Iterable[Reply]) -> tuple[Reply, ...]:
    return tuple(sorted(replies, key=lambda r: (-r.date.toordinal(), r.id)))


def _group_by(replies: tuple[Reply, ...], keys: Callable[[Reply], Iterable[str]]) -> dict[str, list[Reply]]:
    out: dict[str, list[Reply]] = defaultdict(list)
    for reply in replies:  # already newest first, so each list stays in that order
        for key in dict.fromkeys(keys(reply)):
            out[key].append(reply)
    return out


@dataclass(frozen=True)
class Archive:
    replies: tuple[Reply, ...]  # every document, newest first
    units: tuple[Unit, ...]
    topics: tuple[Topic, ...]
    groupings: dict[str, Grouping]
    cases: tuple[Case, ...] = ()  # newest latest document first
    case_of: dict[str, Case] = field(default_factory=dict)  # document id → its case

    @property
    def total(self) -> int:
        return len(self.replies)

    @property
    def as_of(self) -> dt.date | None:
        """The date states are told as of: the newest document's (see archive/cases.py)."""
        return self.replies[0].date if self.replies else None

    def grouping(self, name: str) -> Grouping:
        return self.groupings[name]


def build_archive(replies: Iterable[Reply], units: Iterable[Unit], topics: Iterable[Topic]) -> Archive:
    ordered = newest_first(replies)
    units, topics = tuple(units), tuple(topics)
    by_year = _group_by(ordered, lambda r: [str(r.year)])
    # A unit's page lists the replies it led (主办) and those it co-handled (协办).
    by_unit = _group_by(ordered, lambda r: [r.unit.id, *(u.id for u in r.co_units)])
    by_topic = _group_by(ordered, lambda r: [t.id for t in r.topics])
    by_cat = _group_by(ordered, lambda r: [r.category] if r.category else [])
    by_person = _group_by(ordered, lambda r: r.proposers)
    by_session = _group_by(ordered, lambda r: [r.session] if r.session else [])

    years = tuple(Group(y, f"{y}年", tuple(rs)) for y, rs in sorted(by_year.items(), reverse=True))
    unit_groups = tuple(Group(u.id, u.name, tuple(by_unit[u.id]), "、".join(u.short_names))
                        for u in sorted(units, key=lambda u: (-len(by_unit.get(u.id, ())), u.id))
                        if u.id in by_unit)
    topic_groups = tuple(Group(t.id, t.name, tuple(by_topic[t.id]))
                         for t in sorted(topics, key=lambda t: (-len(by_topic.get(t.id, ())), t.id))
                         if t.id in by_topic)
    cats = tuple(Group(c.lower(), f"{c}类", tuple(by_cat[c]), CATEGORY_LABELS[c])
                 for c in CATEGORIES if c in by_cat)
    people = tuple(Group(name_slug(p), p, tuple(rs))
                   for p, rs in sorted(by_person.items(), key=lambda kv: (-len(kv[1]), kv[0])))
    sessions = tuple(Group(name_slug(s), s, tuple(rs))
                     for s, rs in sorted(by_session.items(), key=lambda kv: kv[1][0].date, reverse=True))
    groupings = {
        "years": Grouping("years", "按年度", "年度", years),
        "units": Grouping("units", "按承办单位", "承办单位", unit_groups),
        "topics": Grouping("topics", "按主题", "主题", topic_groups),
        "categories": Grouping("categories", "按办理类别", "办理类别", cats),
        "proposers": Grouping("proposers", "按代表委员", "代表委员", people),
        "sessions": Grouping("sessions", "按会议", "会议", sessions),
    }
    cases = build_cases(ordered)
    case_of = {d.id: case for case in cases for d in case.documents}
    return Archive(ordered, units, topics, groupings, cases, case_of)
