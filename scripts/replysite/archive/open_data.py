"""A reply as open data: the columns and one record per reply.

The columns are derived from `schema.FIELDS`, so a new front-matter field is exported (and
documented on the 开放数据 page) without touching this module. `outputs/exports.py` writes the
files, `pages/open_data_page.py` documents them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..model import Attachment, Reply, Topic, Unit
from ..schema import FIELDS, FieldSpec
from ..urls import absolute_url, attachment_path

JSON_FILE = "replies.json"
CSV_FILE = "replies.csv"
CASES_JSON = "cases.json"
CASES_CSV = "cases.csv"
OVERDUE_JSON = "overdue.json"
OVERDUE_CSV = "overdue.csv"
LIST_SEPARATOR = "；"
# Editorial markers that say nothing about the reply itself.
INTERNAL_FIELDS = frozenset({"privacy_allow"})

# Columns that are not front-matter keys: (key, label, JSON type, description).
DERIVED_COLUMNS: tuple[tuple[str, str, str, str], ...] = (
    ("url", "页面网址", "string", "本文件在本站的页面地址。"),
    ("year", "年度", "integer", "文件日期（答复日期，建议原文为提出日期）所在的年份。"),
    ("case_id", "所属案件", "string",
     "本文件所属的一件建议或提案的编号（与 cases.json 的 id 相同）：写了 case 时即 case，否则由类型、"
     "会议和编号生成；同一件的各份文件相同。"),
    ("days_to_reply", "办理天数", "integer 或 null",
     "从交办日期到答复日期的天数；未记录交办日期时为空。"),
    ("body", "正文", "string 或 null",
     "仅 JSON 文件有：全文公开时为答复全文，摘要公开时为摘要（Markdown 格式）；"
     "不予公开时为 null。CSV 文件不含正文。"),
)


# Where the exported value differs from what an editor writes in the front-matter.
DATA_NOTES: dict[str, str] = {
    "unit": "主办（承办）单位的正式全称。答复文件中写的简称或别名在导出时统一为全称。",
    "co_units": "协办（会办）单位正式全称的列表；没有协办单位时为空列表。",
    "topics": "主题名称的列表（主题名录中的正式名称）。",
    "disclosure": "公开方式：全文公开、摘要公开或不予公开；答复文件未填写时为全文公开。"
                  "摘要公开和不予公开的理由见 disclosure_note。",
    "attachments": "答复原件的列表，每项为 url（本站上原件文件的地址）、sha256（文件的 SHA-256 "
                   "校验值，下载后可用 sha256sum 等工具核对）和 size（字节数）；没有原件时为空列表。"
                   "CSV 文件中每项写成“sha256:校验值 地址”，多项以“；”分隔。",
}


def id_column(spec: FieldSpec) -> str | None:
    """The extra column holding registry ids: unit → unit_id, co_units → co_unit_ids."""
    if spec.type == "unit":
        return f"{spec.name}_id"
    if spec.type in ("units", "topics"):
        return f"{spec.name.removesuffix('s')}_ids"
    return None


def exported_fields() -> tuple[FieldSpec, ...]:
    return tuple(f for f in FIELDS if f.name not in INTERNAL_FIELDS)


def columns() -> list[str]:
    """CSV column order (the JSON records have the same keys plus `body`)."""
    cols: list[str] = []
    for spec in exported_fields():
        cols.append(spec.name)
        id_key = id_column(spec)
        if id_key:
            cols.append(id_key)
    cols.extend(key for key, *_ in DERIVED_COLUMNS if key != "body")
    return cols


def _plain(value: Any) -> Any:
    if isinstance(value, (Unit, Topic)):
        return value.name
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def attachment_record(reply: Reply, attachment: Attachment, site_url: str = "") -> dict[str, Any]:
    path = attachment_path(reply.id, attachment.name)
    return {"url": absolute_url(site_url, path) if site_url else path, "sha256": attachment.sha256,
            "size": attachment.size}


def record(reply: Reply, site_url: str = "") -> dict[str, Any]:
    """One reply as a JSON-ready dict: every exported field, its ids, url, year, body."""
    rec: dict[str, Any] = {}
    for spec in exported_fields():
        value = getattr(reply, spec.name)
        if spec.type == "attachments":
            rec[spec.name] = [attachment_record(reply, a, site_url) for a in value]
            continue
        rec[spec.name] = _plain(value)
        id_key = id_column(spec)
        if id_key:
            rec[id_key] = (value.id if isinstance(value, Unit) else None if value is None
                           else [v.id for v in value])
    rec["url"] = absolute_url(site_url, reply.url) if site_url else reply.url
    rec["year"] = reply.year
    rec["case_id"] = reply.case_id
    rec["days_to_reply"] = reply.days_to_reply
    rec["body"] = reply.public_body
    return rec


# One record per case (cases.json / cases.csv; overdue.json / overdue.csv hold the cases whose
# promise is past its date with no progress report): (key, label, JSON type, description).
CASE_COLUMNS: tuple[tuple[str, str, str, str], ...] = (
    ("id", "案件编号", "string", "一件建议或提案的编号，与 replies.json 的 case_id 相同。"),
    ("url", "页面网址", "string", "本件办理过程页面的地址。"),
    ("kind", "类型", "string", "建议 或 提案。"),
    ("session", "会议", "string 或 null", "提出的会议。"),
    ("number", "建议号/提案号", "string", "按原件填写的编号。"),
    ("title", "标题", "string", "建议或提案的标题。"),
    ("proposers", "代表/委员", "array（字符串）", "提出人，第一位为领衔人。"),
    ("unit", "主办单位", "string", "最后一份答复（没有答复时为第一份文件）的单位正式全称。"),
    ("category", "办理类别", "string 或 null", "最后一份答复的办理类别。"),
    ("documents", "文件份数", "integer", "本件公开的办理文件份数。"),
    ("document_ids", "文件编号", "array（字符串）", "各份文件的编号（replies.json 的 id），按日期排列。"),
    ("first_date", "最早文件日期", "string（YYYY-MM-DD）", "最早一份文件的日期。"),
    ("latest_date", "最新文件日期", "string（YYYY-MM-DD）", "最新一份文件的日期。"),
    ("state", "办理情况", "string", "办理情况的文字说明，截至 as_of。"),
    ("satisfaction", "满意度", "string 或 null", "代表或委员对最后一份答复的意见。"),
    ("re_replied", "是否再次答复", "boolean", "是否有再次答复。"),
    ("days_to_re_reply", "再次答复天数", "integer 或 null", "从答复到再次答复的天数。"),
    ("promised", "承诺事项", "string 或 null", "B 类答复写明的承诺事项。"),
    ("promised_by", "承诺完成日期", "string 或 null", "承诺事项的期限（YYYY-MM-DD）。"),
    ("progress_reports", "办理进展份数", "integer", "承诺之后的办理进展文件份数。"),
    ("overdue", "是否逾期", "boolean", "承诺期限早于 as_of 且没有办理进展文件。"),
    ("as_of", "截至日期", "string（YYYY-MM-DD）", "本站最新一份文件的日期；办理情况和是否逾期以此日期为准。"),
)


def case_record(case, as_of: dt.date | None, site_url: str = "") -> dict[str, Any]:
    """One case as a JSON-ready dict, keys in CASE_COLUMNS order."""
    from ..urls import case_source, page_url

    letter = case.re_reply or case.reply
    lead = letter or case.first
    promise = case.promise
    url = page_url(case_source(case.id))
    when = as_of or case.latest.date
    return {
        "id": case.id, "url": absolute_url(site_url, url) if site_url else url, "kind": case.kind,
        "session": case.first.session, "number": case.first.number, "title": case.title,
        "proposers": list(case.first.proposers), "unit": lead.unit.name,
        "category": letter.category if letter else None, "documents": len(case.documents),
        "document_ids": [d.id for d in case.documents], "first_date": case.first.date.isoformat(),
        "latest_date": case.latest.date.isoformat(), "state": case.state(when),
        "satisfaction": case.satisfaction, "re_replied": case.re_reply is not None,
        "days_to_re_reply": case.days_to_re_reply, "promised": promise.text if promise else None,
        "promised_by": promise.by.isoformat() if promise and promise.by else None,
        "progress_reports": len(promise.progress) if promise else 0,
        "overdue": bool(promise and promise.overdue(when)), "as_of": when.isoformat(),
    }
