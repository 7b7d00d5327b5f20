"""Open data: data/replies.json, data/replies.csv and data/reply.schema.json.

The columns are derived from `schema.FIELDS`, so a new front-matter field is exported (and
documented on the 开放数据 page) without touching this module.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .feeds import absolute_url, public_body
from .model import Reply, Topic, Unit
from .schema import FIELDS, FieldSpec, json_schema

DATA_DIR = "data"
JSON_FILE = "replies.json"
CSV_FILE = "replies.csv"
SCHEMA_FILE = "reply.schema.json"
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
}


def _id_key(spec: FieldSpec) -> str | None:
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
        id_key = _id_key(spec)
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


def record(reply: Reply, site_url: str = "") -> dict[str, Any]:
    """One reply as a JSON-ready dict: every exported field, its ids, url, year, body."""
    rec: dict[str, Any] = {}
    for spec in exported_fields():
        value = getattr(reply, spec.name)
        rec[spec.name] = _plain(value)
        id_key = _id_key(spec)
        if id_key:
            rec[id_key] = value.id if isinstance(value, Unit) else [v.id for v in value]
    rec["url"] = absolute_url(site_url, reply.url) if site_url else reply.url
    rec["year"] = reply.year
    rec["days_to_reply"] = reply.days_to_reply
    rec["body"] = public_body(reply)
    return rec


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def csv_text(records: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    cols = columns()
    writer.writerow(cols)
    for rec in records:
        writer.writerow([_csv_cell(rec[c]) for c in cols])
    return buf.getvalue()


def _write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    # newline="" keeps the CSV's CRLF as written and JSON's LF on every platform.
    with path.open("w", encoding=encoding, newline="") as fh:
        fh.write(text)
    return path


def write_exports(replies: Iterable[Reply], site_url: str, out_dir: Path, *,
                  units: Iterable[Unit] | None = None,
                  topics: Iterable[Topic] | None = None) -> dict[str, Any]:
    """Write the three open-data files under out_dir/data/.

    `units`/`topics` (the registries) restrict the schema's unit and topic names to the
    known ones, every spelling included. Returns the paths and the record count.
    """
    records = [record(r, site_url) for r in sorted(replies, key=lambda r: r.id)]
    data = out_dir / DATA_DIR
    json_path = _write_text(data / JSON_FILE,
                            json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    csv_path = _write_text(data / CSV_FILE, csv_text(records), encoding="utf-8-sig")
    unit_names = sorted({n for u in units or () for n in u.all_names}) or None
    topic_names = sorted({n for t in topics or () for n in t.all_names}) or None
    schema = json_schema(unit_names, topic_names)
    schema_path = _write_text(data / SCHEMA_FILE,
                              json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return {"json": json_path, "csv": csv_path, "schema": schema_path, "count": len(records)}


# --- the 开放数据 page ---------------------------------------------------------------------

def _json_type(spec: FieldSpec) -> str:
    if spec.is_list:
        return "array（字符串）"
    if spec.type == "date":
        return "string（YYYY-MM-DD）"
    return "string" if spec.required or spec.default is not None else "string 或 null"


def _entry(key: str, label: str, jtype: str, desc: str) -> str:
    """One column as a definition-list entry (a list reads better than a wide table on a phone)."""
    e = html.escape
    return (f"<dt><code>{e(key)}</code>（{e(label)}）</dt>"
            f"<dd>类型：{e(jtype)}。{desc}</dd>")


def render_open_data_markdown(link_prefix: str = "../") -> str:
    """Body of the 开放数据 page: the downloads and every column, from schema.FIELDS."""
    e = html.escape
    entries: list[str] = []
    for spec in exported_fields():
        desc = e(DATA_NOTES.get(spec.name, spec.help))
        if spec.choices and spec.name not in DATA_NOTES:
            desc += "取值：" + "、".join(e(c) for c in spec.choices) + "。"
        entries.append(_entry(spec.name, spec.label, _json_type(spec), desc))
        id_key = _id_key(spec)
        if id_key:
            kind = "array（字符串）" if spec.is_list else "string"
            entries.append(_entry(id_key, f"{spec.label}编号", kind,
                                  f"{e(spec.label)}在名录中的编号，与本站相应页面的网址一致；"
                                  f"<code>{e(spec.name)}</code> 给出正式名称。"))
    for key, label, jtype, desc in DERIVED_COLUMNS:
        entries.append(_entry(key, label, jtype, e(desc)))
    data = f"{link_prefix}{DATA_DIR}/"
    return "\n".join([
        "本站全部答复的目录信息以开放格式提供，可自由下载、引用和再利用。"
        "每件已发布的答复对应一条记录，包括摘要公开和不予公开的答复（标明其公开方式）；"
        "不予公开的答复只提供目录信息，不含正文。",
        "",
        "## 下载",
        "",
        "<ul>",
        f'<li><a href="{data}{JSON_FILE}">replies.json</a>：JSON 格式，UTF-8 编码，'
        "一个按编号排序的记录列表，含正文。</li>",
        f'<li><a href="{data}{CSV_FILE}">replies.csv</a>：CSV 格式，UTF-8 编码（带 BOM，'
        f"可直接用 Excel 打开），不含正文；列表字段的多个值用“{LIST_SEPARATOR}”分隔。</li>",
        f'<li><a href="{data}{SCHEMA_FILE}">reply.schema.json</a>：答复文件前置元数据的 '
        "JSON Schema（draft 2020-12），可用于校验或在编辑器中自动补全。</li>",
        "</ul>",
        "",
        "文件在每次网站更新时重新生成；同样的内容生成的文件完全相同，便于比较版本差异。"
        "日期均为 YYYY-MM-DD 格式，未填写的字段为空（JSON 中为 null）。",
        "",
        "## 字段说明",
        "",
        "<p>按 CSV 文件的列顺序排列；JSON 记录的键与之相同，另加 <code>body</code>。</p>",
        "",
        '<dl class="rs-fields">',
        *entries,
        "</dl>",
        "",
    ])
