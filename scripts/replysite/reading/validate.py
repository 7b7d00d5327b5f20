"""From a RawReply to a typed Reply: every rule of the schema, registries, HTML safety, privacy.

Problems are collected, never raised here: `load.py` gathers them for all files and fails once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any

from . import privacy
from .attachments import check_attachments
from .frontmatter import RawReply
from .html_safety import find_unsafe_html
from ..model import Reply, Topic, Unit
from ..problems import Problem
from .registry import TOPICS_FILE, UNITS_FILE, Registry
from ..schema import BODY, DEFAULT_DOC_TYPE, FIELDS, FIELDS_BY_NAME, ID_RE, FieldSpec

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
POSTCODE_RE = re.compile(r"^\d{6}$")
# The privacy guard reads every front-matter field (any of them can reach a page, a URL, a feed
# or an export) except the reviewed exceptions themselves.
PRIVACY_FIELDS = tuple(spec.name for spec in FIELDS if spec.name != "privacy_allow")


class _Checker:
    def __init__(self, raw: RawReply, units: Registry[Unit], topics: Registry[Topic], today: dt.date,
                 replies_dir: Path | None = None):
        self.raw, self.units, self.topics, self.today = raw, units, topics, today
        self.replies_dir = replies_dir
        self.problems: list[Problem] = []

    def problem(self, name: str | None, message: str, line: int | None = None) -> None:
        if line is None:
            line = self.raw.key_lines.get(name, 1) if name else 1
        self.problems.append(Problem(self.raw.shown_path, line, name, message))

    # --- conversions, one per schema type -------------------------------------------------
    def text(self, spec: FieldSpec, value: Any) -> str | None:
        if isinstance(value, (list, dict)):
            kind = "列表" if isinstance(value, list) else "字段组"
            self.problem(spec.name, f"应为一段文字，而不是{kind}")
            return None
        text = (value or "").strip()
        if not text:
            return None
        return text

    def text_list(self, spec: FieldSpec, value: Any) -> tuple[str, ...] | None:
        if isinstance(value, str):
            if not value.strip():
                return None
            self.problem(spec.name, f"应为列表，例如 [{value.strip()}]（多项用逗号分隔），而不是单独的文字")
            return None
        if not isinstance(value, list):
            self.problem(spec.name, "应为列表，例如 [甲, 乙]")
            return None
        items: list[str] = []
        for item in value:
            if not isinstance(item, str) or not item.strip():
                self.problem(spec.name, "列表中有空项或嵌套内容；每一项应为一段文字")
                return None
            if spec.name in ("proposers", "cc") and re.fullmatch(r"[\d.\s-]+", item):
                self.problem(spec.name, f"列表中的“{item}”是数字，而这里应填名称")
                return None
            items.append(item.strip())
        if len(set(items)) != len(items):
            self.problem(spec.name, "列表中有重复项")
        return tuple(items)

    def date(self, spec: FieldSpec, value: Any) -> dt.date | None:
        text = self.text(spec, value)
        if text is None:
            return None
        if not DATE_RE.match(text):
            self.problem(spec.name, f"日期“{text}”格式不对，应为 YYYY-MM-DD，例如 2023-07-17")
            return None
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            self.problem(spec.name, f"日期“{text}”不存在，请核对年月日")
            return None
        if day > self.today and not spec.future_ok:
            self.problem(spec.name, f"日期 {text} 晚于今天（{self.today.isoformat()}），请核对")
            return None
        return day

    def choice(self, spec: FieldSpec, value: Any) -> str | None:
        text = self.text(spec, value)
        if text is None:
            return None
        if text not in spec.choices:
            hint = difflib.get_close_matches(text.upper().rstrip("类"), spec.choices, n=1, cutoff=0.1)
            msg = f"“{text}”不是可用的值；应为 {'、'.join(spec.choices)} 之一"
            if text in ("true", "false", "yes", "no", "on", "off"):
                msg += "（YAML 会把 yes/no/on/off 当成真假值，请直接写中文选项）"
            elif hint:
                msg += f"，您是不是要写“{hint[0]}”"
            self.problem(spec.name, msg)
            return None
        return text

    def resolve(self, spec: FieldSpec, names: tuple[str, ...], registry: Registry, file: str) -> tuple:
        found = []
        for name in names:
            item = registry.resolve(name)
            if item is None:
                self.problem(spec.name, registry.unknown_message(name, file))
            elif item in found:
                self.problem(spec.name, f"“{name}”与列表中另一项是同一个{registry.what}")
            else:
                found.append(item)
        return tuple(found)

    def convert(self, spec: FieldSpec, value: Any) -> Any:
        if spec.type in ("text", "id", "url"):
            text = self.text(spec, value)
            if text is None:
                return None
            if spec.type == "id" and not ID_RE.match(text):
                self.problem(spec.name, f"“{text}”不合规：编号只能用小写英文字母、数字和连字符（-），"
                                        "例如 xinjian-2023-jianyi-55")
                return None
            if spec.type == "url" and not re.match(r"^https?://\S+$", text):
                self.problem(spec.name, f"“{text}”不是以 http:// 或 https:// 开头的网址")
                return None
            return text
        if spec.type == "date":
            return self.date(spec, value)
        if spec.type == "attachments":
            found, messages = check_attachments(value, self.raw.path, self.replies_dir)
            for message in messages:
                self.problem(spec.name, message)
            return found
        if spec.type == "choice":
            return self.choice(spec, value)
        if spec.type == "unit":
            text = self.text(spec, value)
            found = self.resolve(spec, (text,), self.units, UNITS_FILE) if text else ()
            return found[0] if found else None
        names = self.text_list(spec, value)
        if names is None:
            return None
        if spec.type == "units":
            return self.resolve(spec, names, self.units, UNITS_FILE)
        if spec.type == "topics":
            return self.resolve(spec, names, self.topics, TOPICS_FILE)
        if spec.type == "ids":
            wrong = [n for n in names if not ID_RE.match(n)]
            if wrong:
                self.problem(spec.name, f"“{wrong[0]}”不合规：编号只能用小写英文字母、数字和连字符（-）")
                return None
        return names

    # --- the whole file ---------------------------------------------------------------------
    def run(self) -> Reply | None:
        data = self.raw.data
        for key in data:
            if key not in FIELDS_BY_NAME:
                hint = difflib.get_close_matches(key, list(FIELDS_BY_NAME), n=1, cutoff=0.6)
                msg = "未知字段" + (f"，您是不是要写 {hint[0]}" if hint else "；可用字段见 docs/staff-guide.md")
                self.problem(key, msg)
        values: dict[str, Any] = {}
        doc_type = DEFAULT_DOC_TYPE
        if "doc_type" in data:  # first: which keys a document needs depends on its type
            doc_type = self.convert(FIELDS_BY_NAME["doc_type"], data["doc_type"]) or DEFAULT_DOC_TYPE
        for spec in FIELDS:
            before = len(self.problems)
            if spec.name == "doc_type":
                values[spec.name] = doc_type
                continue
            value = self.convert(spec, data[spec.name]) if spec.name in data else None
            if value not in (None, ()) and not spec.allowed(doc_type):
                self.problem(spec.name, f"{doc_type}不写这个字段（只有{'、'.join(spec.only_for)}才有）")
            elif value in (None, ()) and spec.is_required(doc_type) and len(self.problems) == before:
                state = "为空" if spec.name in data else "缺失"
                need = "必填字段" if spec.required else f"{doc_type}的必填字段"
                self.problem(spec.name, f"{need}{state}。{spec.help}")
            values[spec.name] = value
        self.cross_checks(values)
        if self.problems or any(values[f.name] in (None, ()) for f in FIELDS if f.is_required(doc_type)):
            return None
        values["disclosure"] = values["disclosure"] or "全文公开"
        values = {k: v for k, v in values.items() if v is not None}
        return Reply(body=self.raw.body.strip("\n"), source_path=self.raw.path, **values)

    def cross_checks(self, v: dict[str, Any]) -> None:
        body = self.raw.body
        disclosure = v.get("disclosure") or "全文公开"
        if disclosure != "全文公开" and not v.get("disclosure_note"):
            self.problem("disclosure_note", f"公开方式为“{disclosure}”时必须说明理由",
                         line=self.raw.key_lines.get("disclosure", 1))
        if disclosure == "不予公开":
            if body.strip():
                self.problem(BODY, "公开方式为“不予公开”，正文必须留空（页面只显示元数据和理由）",
                             line=self.raw.body_line)
        elif not body.strip():
            what = "摘要" if disclosure == "摘要公开" else "答复正文"
            self.problem(BODY, f"为空：前置元数据结束的 --- 之后应写{what}", line=self.raw.end_line)
        if v.get("postcode") and not POSTCODE_RE.match(v["postcode"]):
            self.problem("postcode", f"“{v['postcode']}”不是六位数字的邮政编码")
        a, r = v.get("assigned_date"), v.get("reply_date")
        if a and r and a > r:
            self.problem("assigned_date", f"交办日期 {a} 晚于答复日期 {r}")
        if (v.get("promised") or v.get("promised_by")) and v.get("category") != "B":
            name = "promised" if v.get("promised") else "promised_by"
            self.problem(name, "只有 B 类答复（所提问题正在解决或列入计划逐步解决）才写承诺事项；"
                               "请核对办理类别，或删除此字段")
        elif v.get("promised_by") and not v.get("promised"):
            self.problem("promised_by", "写了承诺完成日期，请同时在 promised 中写明承诺事项")
        if v.get("to_unit") is not None and v.get("to_unit") == v.get("unit"):
            self.problem("to_unit", "会办意见写给主办单位：to_unit 应为主办单位，unit 为出具意见的会办单位，两者不能相同")
        if v.get("id") and v.get("id") in (v.get("former_ids") or ()):
            self.problem("former_ids", f"曾用编号中不能有本文件现在的编号“{v['id']}”")
        if v.get("number") and re.search(r"^第|号$", v["number"]):
            self.problem("number", f"“{v['number']}”只需写编号本身（例如 55），页面会自动显示为“第55号”")
        for line, message in find_unsafe_html(body):
            self.problem(BODY, message, line=self.raw.body_line + line - 1)
        self.privacy_checks(v.get("privacy_allow") or ())

    def privacy_checks(self, allow: tuple[str, ...]) -> None:
        """Private details in the body (at their line) and in every field as written in the file,
        whether or not the value was valid (at the field's line)."""
        for hit in privacy.find_private_details(self.raw.body, allow):
            self.problem(BODY, hit.message, line=self.raw.body_line + hit.line - 1)
        texts = [(name, text) for name in PRIVACY_FIELDS if name in self.raw.data
                 for text in _strings(self.raw.data[name])]
        for name, hit in privacy.find_in_fields(texts, allow):
            self.problem(name, hit.message)


def _strings(value: Any) -> list[str]:
    """Every string in a raw front-matter value, however nested (a list or a mapping where text
    was expected is reported elsewhere; what it holds is still checked)."""
    found, stack = [], [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            stack.extend(reversed([x for pair in item.items() for x in pair]))
    return found


def build_reply(raw: RawReply, units: Registry[Unit], topics: Registry[Topic],
                today: dt.date, replies_dir: Path | None = None) -> tuple[Reply | None, list[Problem]]:
    """`replies_dir`: the replies folder, which attachments must not leave (the reply's own
    folder when not given)."""
    checker = _Checker(raw, units, topics, today, replies_dir)
    reply = checker.run()
    return reply, checker.problems
