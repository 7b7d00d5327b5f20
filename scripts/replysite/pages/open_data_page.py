"""The 开放数据 page: the downloads and every column, from schema.FIELDS."""

from __future__ import annotations

from typing import Callable

from ..archive.open_data import (CASE_COLUMNS, CASES_CSV, CASES_JSON, CSV_FILE, DATA_NOTES, DERIVED_COLUMNS,
                                 JSON_FILE, LIST_SEPARATOR, OVERDUE_CSV, OVERDUE_JSON, exported_fields, id_column)
from ..schema import SCHEMA_FILE, FieldSpec
from ..urls import DATA_DIR
from .markup import escape_html

def _json_type(spec: FieldSpec) -> str:
    if spec.type == "attachments":
        return "array（对象：url、sha256、size）"
    if spec.is_list:
        return "array（字符串）"
    if spec.type == "date":
        return "string（YYYY-MM-DD）"
    return "string" if spec.required or spec.default is not None else "string 或 null"


def _entry(key: str, label: str, jtype: str, desc: str) -> str:
    """One column as a definition-list entry (a list reads better than a wide table on a phone)."""
    e = escape_html
    return (f"<dt><code>{e(key)}</code>（{e(label)}）</dt>"
            f"<dd>类型：{e(jtype)}。{desc}</dd>")


def render_open_data_markdown(link_prefix: str = "../", block: Callable[[str], str] | None = None) -> str:
    """Body of the 开放数据 page: the downloads and every column, from schema.FIELDS. `block`
    keeps each piece of HTML out of Python-Markdown (`blocks.Blocks`)."""
    e = escape_html
    b = block or (lambda html: html)
    entries: list[str] = []
    for spec in exported_fields():
        desc = e(DATA_NOTES.get(spec.name, spec.help))
        if spec.choices and spec.name not in DATA_NOTES:
            desc += "取值：" + "、".join(e(c) for c in spec.choices) + "。"
        entries.append(_entry(spec.name, spec.label, _json_type(spec), desc))
        id_key = id_column(spec)
        if id_key:
            kind = "array（字符串）" if spec.is_list else "string"
            entries.append(_entry(id_key, f"{spec.label}编号", kind,
                                  f"{e(spec.label)}在名录中的编号，与本站相应页面的网址一致；"
                                  f"<code>{e(spec.name)}</code> 给出正式名称。"))
    for key, label, jtype, desc in DERIVED_COLUMNS:
        entries.append(_entry(key, label, jtype, e(desc)))
    data = f"{link_prefix}{DATA_DIR}/"
    return "\n".join([
        b("<p>本站全部答复的目录信息以开放格式提供，可自由下载、引用和再利用。"
          "每份已发布的文件（答复、再次答复、会办意见、建议原文、办理进展）对应一条记录，包括摘要公开和"
          "不予公开的文件（标明其公开方式）；不予公开的只提供目录信息，不含正文。"
          "另有每件建议或提案一条记录的汇总，以及逾期未报告进展的承诺清单。</p>"),
        "",
        "## 下载",
        "",
        b("<ul>\n"
          f'<li><a href="{data}{JSON_FILE}">replies.json</a>：JSON 格式，UTF-8 编码，'
          "一个按编号排序的记录列表，含正文。</li>\n"
          f'<li><a href="{data}{CSV_FILE}">replies.csv</a>：CSV 格式，UTF-8 编码（带 BOM，'
          f"可直接用 Excel 打开），不含正文；列表字段的多个值用“{LIST_SEPARATOR}”分隔；"
          "以 =、+、-、@ 等开头的单元格前加了单引号，以免电子表格把它当作公式。</li>\n"
          f'<li><a href="{data}{CASES_JSON}">cases.json</a>、<a href="{data}{CASES_CSV}">cases.csv</a>：'
          "每件建议或提案一条记录（文件份数、办理情况、满意度、再次答复、承诺事项和是否逾期），字段见下文。</li>\n"
          f'<li><a href="{data}{OVERDUE_JSON}">overdue.json</a>、<a href="{data}{OVERDUE_CSV}">overdue.csv</a>：'
          "承诺期限已过而尚无办理进展文件的建议和提案，字段同 cases。</li>\n"
          f'<li><a href="{data}{SCHEMA_FILE}">reply.schema.json</a>：答复文件前置元数据的 '
          "JSON Schema（draft 2020-12），可用于校验或在编辑器中自动补全。</li>\n"
          "</ul>"),
        "",
        b("<p>文件在每次网站更新时重新生成；同样的内容生成的文件完全相同，便于比较版本差异。"
          "日期均为 YYYY-MM-DD 格式，未填写的字段为空（JSON 中为 null）。</p>"),
        "",
        "## 字段说明",
        "",
        b("<p>按 CSV 文件的列顺序排列；JSON 记录的键与之相同，另加 <code>body</code>。</p>"),
        "",
        b('<dl class="rs-fields">\n' + "\n".join(entries) + "\n</dl>"),
        "",
        "## 建议提案汇总的字段（cases、overdue）",
        "",
        b('<dl class="rs-fields">\n' + "\n".join(_entry(k, label, jtype, e(desc)) for k, label, jtype, desc in CASE_COLUMNS)
          + "\n</dl>"),
        "",
    ])
