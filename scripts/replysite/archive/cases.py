"""Cases: every document of one suggestion or proposal — the suggestion itself, co-handlers'
opinions, the reply, the re-reply after a 不满意 verdict, later progress reports — and where its
handling stands, in words. Pure data over `Reply` objects.

A case's state is told as of one date, `as_of`: the date of the newest document in the archive,
so the same files always give the same site (a promise is "overdue" when its date lies before
the newest document anyone has filed).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from statistics import median
from typing import Iterable, Sequence

from ..model import Reply
from ..schema import DOC_TYPES

DOC_ORDER = {"建议原文": 0, "会办意见": 1, "答复": 2, "再次答复": 3, "办理进展": 4}


def _when(reply: Reply) -> tuple:
    return (reply.date, DOC_ORDER.get(reply.doc_type, 9), reply.id)


@dataclass(frozen=True)
class Promise:
    reply: Reply  # the reply letter that made it
    text: str
    by: dt.date | None
    progress: tuple[Reply, ...]  # 办理进展 documents dated on or after the promise

    def overdue(self, as_of: dt.date) -> bool:
        return self.by is not None and self.by < as_of and not self.progress


@dataclass(frozen=True)
class Case:
    id: str
    documents: tuple[Reply, ...]  # oldest first

    @property
    def first(self) -> Reply:
        return self.documents[0]

    @property
    def latest(self) -> Reply:
        return self.documents[-1]

    @property
    def kind(self) -> str:
        return self.first.kind

    @property
    def title(self) -> str:
        return self.first.title

    @property
    def number_label(self) -> str:
        return f"{self.kind}{self.first.number_label}"

    @property
    def who(self) -> str:
        return "代表" if self.kind == "建议" else "委员"

    def of_type(self, doc_type: str) -> tuple[Reply, ...]:
        return tuple(d for d in self.documents if d.doc_type == doc_type)

    @property
    def reply(self) -> Reply | None:
        """The (last) first-round reply."""
        replies = self.of_type("答复")
        return replies[-1] if replies else None

    @property
    def re_reply(self) -> Reply | None:
        replies = self.of_type("再次答复")
        return replies[-1] if replies else None

    @property
    def satisfaction(self) -> str | None:
        """The deputy's or member's verdict on the last reply letter."""
        letter = self.re_reply or self.reply
        return letter.satisfaction if letter else None

    @property
    def promise(self) -> Promise | None:
        letters = [d for d in self.documents if d.is_reply and (d.promised or d.promised_by)]
        if not letters:
            return None
        letter = letters[-1]
        progress = tuple(d for d in self.of_type("办理进展") if d.date >= letter.date)
        return Promise(letter, letter.promised or "", letter.promised_by, progress)

    @property
    def days_to_re_reply(self) -> int | None:
        if self.reply is None or self.re_reply is None:
            return None
        return (self.re_reply.date - self.reply.date).days

    def state(self, as_of: dt.date) -> str:
        """Where the handling stands, in one sentence."""
        reply, re_reply, who = self.reply, self.re_reply, self.who
        if reply is None and re_reply is None:
            words = "正在办理，已有会办意见" if self.of_type("会办意见") else "已提出，尚未答复"
        elif re_reply is not None:
            words = f"{who}不满意，已再次答复" if reply and reply.satisfaction == "不满意" else "已再次答复"
            if re_reply.satisfaction:
                words += f"，再次答复后{who}{re_reply.satisfaction}"
        elif reply.satisfaction == "不满意":
            words = f"{who}不满意，尚未再次答复"
        elif reply.satisfaction:
            words = f"已答复，{who}{reply.satisfaction}"
        else:
            words = "已答复"
        promise = self.promise
        if promise is not None:
            by = f"（期限 {promise.by.isoformat()}）" if promise.by else ""
            what = f"承诺事项“{promise.text}”{by}" if promise.text else f"作出承诺{by}"
            if promise.progress:
                words += f"；{what}，已报告办理进展（{promise.progress[-1].date.isoformat()}）"
            elif promise.overdue(as_of):
                words += f"；{what}，已过期限，尚无办理进展"
            else:
                words += f"；{what}，尚无办理进展"
        return words


def build_cases(replies: Iterable[Reply]) -> tuple[Case, ...]:
    """Every case, newest latest document first (ties by case id)."""
    documents: dict[str, list[Reply]] = defaultdict(list)
    for reply in replies:
        documents[reply.case_id].append(reply)
    cases = [Case(case_id, tuple(sorted(docs, key=_when))) for case_id, docs in documents.items()]
    return tuple(sorted(cases, key=lambda c: (-c.latest.date.toordinal(), c.id)))


def one_per_case(replies: Sequence[Reply], case_of: dict[str, Case]) -> list[Reply]:
    """The newest document of each case among `replies` (already newest first): an index lists
    a case once, with its latest document."""
    seen: set[str] = set()
    out = []
    for reply in replies:
        case = case_of[reply.id].id
        if case not in seen:
            seen.add(case)
            out.append(reply)
    return out


@dataclass(frozen=True)
class CaseStats:
    cases: int
    documents: int
    by_doc_type: tuple[tuple[str, int], ...]
    dissatisfied: int  # cases whose first reply was judged 不满意
    re_replied: int  # … of which got a re-reply
    days_to_re_reply: tuple[int, ...]
    overdue: tuple[Case, ...]  # promises past their date with no progress report
    promises: int
    as_of: dt.date | None

    @property
    def median_days_to_re_reply(self) -> float | None:
        return median(self.days_to_re_reply) if self.days_to_re_reply else None


def case_stats(cases: Sequence[Case], as_of: dt.date | None) -> CaseStats:
    counts = defaultdict(int)
    for case in cases:
        for d in case.documents:
            counts[d.doc_type] += 1
    unhappy = [c for c in cases if c.reply is not None and c.reply.satisfaction == "不满意"]
    answered = [c for c in unhappy if c.re_reply is not None]
    promised = [c for c in cases if c.promise is not None]
    overdue = tuple(c for c in promised if as_of is not None and c.promise.overdue(as_of))
    return CaseStats(len(cases), sum(counts.values()), tuple((t, counts[t]) for t in DOC_TYPES),
                     len(unhappy), len(answered), tuple(c.days_to_re_reply for c in answered),
                     overdue, len(promised), as_of)
