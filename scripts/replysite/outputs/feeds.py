"""Atom feeds of the latest replies: the whole archive, each unit, each topic.

Everything here reads `Reply` objects only. Dates come from each document's date (midnight, Beijing
time), never from the clock, so two builds of the same input write identical files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from feedgen.feed import FeedGenerator

from ..archive import newest_first
from ..model import Reply, Topic, Unit, disclosure_notice
from ..urls import OVERDUE_FEED, STATS_PAGE, absolute_url, case_source, feed_path, group_url, page_url
from .plain_text import one_line

BEIJING = dt.timezone(dt.timedelta(hours=8), "CST")
EPOCH = dt.date(1970, 1, 1)
SUMMARY_CHARS = 200
DEFAULT_SITE_NAME = "建议提案答复公开"


def leading_paragraphs(body: str, chars: int) -> str:
    """The first paragraphs of a Markdown body, at least `chars` long: a summary never needs
    the whole letter, and rendering only its start keeps feeds cheap on large archives."""
    taken, size = [], 0
    for para in body.split("\n\n"):
        taken.append(para)
        size += len(para)
        if size >= chars:
            break
    return "\n\n".join(taken)


def excerpt(text: str, limit: int = SUMMARY_CHARS) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "……"


def summary_for(reply: Reply, limit: int = SUMMARY_CHARS) -> str:
    """Feed summary: the start of the body, after the disclosure notice when there is one."""
    notice = disclosure_notice(reply)
    body = reply.public_body
    text = excerpt(one_line(leading_paragraphs(body, limit * 2)), limit) if body else ""
    return " ".join(part for part in (notice, text) if part)


def _updated(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=BEIJING)


def entry_title(reply: Reply) -> str:
    return f"《{reply.title}》（{reply.unit.short_name}）"


# --- writing ------------------------------------------------------------------------------

def _feed(title: str, subtitle: str, self_path: str, page_path: str, site_url: str,
          site_name: str, replies: Sequence[Reply], fallback_date: dt.date,
          summaries: dict[str, str]) -> FeedGenerator:
    fg = FeedGenerator()
    fg.id(absolute_url(site_url, self_path))
    fg.title(title)
    fg.subtitle(subtitle)
    fg.author({"name": site_name})
    fg.language("zh-CN")
    fg.generator("replysite")
    fg.link(href=absolute_url(site_url, page_path), rel="alternate", type="text/html")
    fg.link(href=absolute_url(site_url, self_path), rel="self",
            type="application/atom+xml")
    fg.updated(_updated(replies[0].date if replies else fallback_date))
    for reply in replies:
        url = absolute_url(site_url, reply.url)
        fe = fg.add_entry(order="append")
        fe.id(url)
        fe.title(entry_title(reply))
        fe.link(href=url, rel="alternate", type="text/html")
        fe.author({"name": reply.unit.name})
        fe.published(_updated(reply.date))
        fe.updated(_updated(reply.date))
        summary = summaries.get(reply.id)
        if summary is None:  # a reply is in the site feed, its unit's and its topics' feeds
            summary = summaries[reply.id] = summary_for(reply)
        fe.summary(summary)
        for topic in reply.topics:
            fe.category(term=topic.id, label=topic.name)
    return fg


def _write(fg: FeedGenerator, out_dir: Path, rel: str, check) -> Path:
    path = out_dir / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    data = fg.atom_str(pretty=True)
    if check is not None:
        check(data.decode("utf-8"), rel)
    path.write_bytes(data)
    return path


def write_feeds(replies: Iterable[Reply], site_url: str, out_dir: Path, limit: int = 50, *,
                site_name: str = DEFAULT_SITE_NAME, units: Iterable[Unit] | None = None,
                topics: Iterable[Topic] | None = None, check=None) -> list[Path]:
    """Write feeds/all.atom.xml, feeds/units/<id>.atom.xml and feeds/topics/<id>.atom.xml.

    A unit feed holds the replies the unit signed as 主办单位. Feeds are written for every
    unit and topic that has a reply, plus every one given in `units`/`topics` (the
    registries), so that a page linking its feed never links to a missing file.
    Returns the written paths, sorted.
    """
    ordered = newest_first(replies)
    fallback = ordered[0].date if ordered else EPOCH
    unit_map: dict[str, Unit] = {u.id: u for u in (units or ())}
    topic_map: dict[str, Topic] = {t.id: t for t in (topics or ())}
    by_unit: dict[str, list[Reply]] = {}
    by_topic: dict[str, list[Reply]] = {}
    for reply in ordered:
        unit_map.setdefault(reply.unit.id, reply.unit)
        by_unit.setdefault(reply.unit.id, []).append(reply)
        for topic in reply.topics:
            topic_map.setdefault(topic.id, topic)
            by_topic.setdefault(topic.id, []).append(reply)

    summaries: dict[str, str] = {}
    written = [_write(_feed(f"{site_name}：最新答复", "全部答复，按答复日期从新到旧排列。",
                            feed_path("all"), "", site_url, site_name, ordered[:limit],
                            fallback, summaries), out_dir, feed_path("all"), check)]
    for uid in sorted(unit_map):
        unit = unit_map[uid]
        rel = feed_path("unit", uid)
        fg = _feed(f"{unit.name}：最新答复", f"{unit.name}主办的答复。", rel, group_url("units", uid),
                   site_url, site_name, by_unit.get(uid, [])[:limit], fallback, summaries)
        written.append(_write(fg, out_dir, rel, check))
    for tid in sorted(topic_map):
        topic = topic_map[tid]
        rel = feed_path("topic", tid)
        fg = _feed(f"主题“{topic.name}”：最新答复", f"主题为“{topic.name}”的答复。", rel,
                   group_url("topics", tid), site_url, site_name, by_topic.get(tid, [])[:limit], fallback, summaries)
        written.append(_write(fg, out_dir, rel, check))
    return sorted(written)


def write_overdue_feed(cases, as_of: dt.date | None, site_url: str, out_dir: Path, *,
                       site_name: str = DEFAULT_SITE_NAME, check=None) -> Path:
    """feeds/overdue.atom.xml: B-category promises past their date with no progress report,
    one entry per case (dated by its promise's deadline, so the file depends only on the input)."""
    overdue = [c for c in cases if c.promise is not None and as_of is not None and c.promise.overdue(as_of)]
    overdue.sort(key=lambda c: (c.promise.by, c.id))
    fg = FeedGenerator()
    fg.id(absolute_url(site_url, OVERDUE_FEED))
    fg.title(f"{site_name}：逾期未报告进展的承诺")
    fg.subtitle("B 类答复中承诺期限已过、尚无办理进展文件的建议和提案。")
    fg.author({"name": site_name})
    fg.language("zh-CN")
    fg.generator("replysite")
    fg.link(href=absolute_url(site_url, page_url(STATS_PAGE)), rel="alternate", type="text/html")
    fg.link(href=absolute_url(site_url, OVERDUE_FEED), rel="self", type="application/atom+xml")
    fg.updated(_updated(as_of or EPOCH))
    for case in overdue:
        url = absolute_url(site_url, page_url(case_source(case.id)))
        fe = fg.add_entry(order="append")
        fe.id(url)
        fe.title(f"《{case.title}》（{case.promise.reply.unit.short_name}）")
        fe.link(href=url, rel="alternate", type="text/html")
        fe.author({"name": case.promise.reply.unit.name})
        fe.published(_updated(case.promise.by))
        fe.updated(_updated(case.promise.by))
        fe.summary(f"{case.number_label}：{case.state(as_of)}")
    return _write(fg, out_dir, OVERDUE_FEED, check)
