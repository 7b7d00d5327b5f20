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
LIST_SEPARATOR = "；"
# Editorial markers that say nothing about the reply itself.
INTERNAL_FIELDS = frozenset({"privacy_allow"})

# Columns that are not front-matter keys: (key, label, JSON type, description).
DERIVED_COLUMNS: tuple[tuple[str, str, str, str], ...] = (
    ("url", "页面网址", "string", "本答复在本站的页面地址。"),
    ("year", "年度", "integer", "答复日期所在的年份。"),
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
            rec[id_key] = value.id if isinstance(value, Unit) else [v.id for v in value]
    rec["url"] = absolute_url(site_url, reply.url) if site_url else reply.url
    rec["year"] = reply.year
    rec["days_to_reply"] = reply.days_to_reply
    rec["body"] = reply.public_body
    return rec
