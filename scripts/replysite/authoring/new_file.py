"""The template of a new reply file (`replysite new`): every field, explained in Chinese.

The template is derived from `schema.FIELDS`: each field gets a comment built from its label and
help, the choices of choice fields, and the names in the unit/topic registries. Blank required
values stay blank so that `replysite check` reports them as 必填字段为空 until they are filled.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..model import Topic, Unit
from ..reading.registry import TOPICS_FILE, UNITS_FILE, load_topics, load_units
from ..schema import CATEGORY_LABELS, DEFAULT_DOC_TYPE, FIELDS, KIND_LABELS, FieldSpec
from .reply_file import TODO, yaml_value

MAX_LISTED = 30  # registry names listed in a comment; the rest are in the registry file
COMMENT_WIDTH = 60  # characters of names per comment line
CHOICE_LABELS: dict[str, dict[str, str]] = {"kind": KIND_LABELS, "category": CATEGORY_LABELS}


@dataclass(frozen=True)
class Choices:
    """What the template offers for registry-backed fields."""

    units: tuple[Unit, ...]
    topics: tuple[Topic, ...]
    units_file: str  # as shown to staff, e.g. replies/units.yml
    topics_file: str


def _wrap(prefix: str, names: list[str]) -> list[str]:
    """`#   prefix 甲、乙、…` comment lines, wrapped so that no line gets too long."""
    lines: list[str] = []
    current = ""
    for name in names:
        candidate = f"{current}、{name}" if current else name
        if current and len(candidate) > COMMENT_WIDTH:
            lines.append(current + "、")
            current = name
        else:
            current = candidate
    if current:
        lines.append(current)
    first = f"#   {prefix}"
    indent = "#   " + " " * len(prefix) * 2  # CJK prefix: two columns per character
    return [(first if i == 0 else indent) + line for i, line in enumerate(lines)]


def _registry_comment(what: str, names: list[str], file: str) -> list[str]:
    if not names:
        return [f"#   {what}名录为空或无法读取，请先在 {file} 中登记{what}。"]
    shown = names[:MAX_LISTED]
    lines = _wrap(f"可选{what}：", shown)
    if len(names) > MAX_LISTED:
        lines.append(f"#   ……共 {len(names)} 个{what}，以上为前 {MAX_LISTED} 个；完整名录见 {file}")
    else:
        lines.append(f"#   也可写名录（{file}）中的简称或别名；新{what}请先加入名录。"
                     if what == "单位" else
                     f"#   也可写名录（{file}）中的别名；新{what}请先加入名录。")
    return lines


def _unit_names(units: tuple[Unit, ...]) -> list[str]:
    return [f"{u.name}（{u.short_names[0]}）" if u.short_names else u.name for u in units]


def _value(spec: FieldSpec, value: object) -> str:
    """A value as YAML; dates stay unquoted ISO dates, as in every reply file."""
    if spec.type == "date":
        return str(value)
    return yaml_value(value)


def field_comment(spec: FieldSpec, choices: Choices, doc_type: str = DEFAULT_DOC_TYPE) -> list[str]:
    """The comment lines written above one field."""
    need = "必填" if spec.is_required(doc_type) else "选填"
    lines = [f"# {spec.label}（{need}）：{spec.help}"]
    if spec.type == "choice":
        lines.append(f"#   可选值：{'、'.join(spec.choices)}")
        for value, label in CHOICE_LABELS.get(spec.name, {}).items():
            lines.append(f"#     {value}：{label}")
    elif spec.type == "unit":
        lines += _registry_comment("单位", _unit_names(choices.units), choices.units_file)
    elif spec.type == "units":
        lines.append("#   可选单位同 unit（主办单位）；不填时保留 []。")
    elif spec.type == "topics":
        lines += _registry_comment("主题", [t.name for t in choices.topics], choices.topics_file)
    if spec.example is not None and spec.type != "id":
        lines.append(f"#   写法示例：{spec.name}: {_value(spec, spec.example)}")
    return lines


def field_line(spec: FieldSpec, values: dict[str, str], doc_type: str = DEFAULT_DOC_TYPE) -> str:
    """`key: value` with the given value, the default, or a blank of the right shape."""
    if spec.name in values:
        return f"{spec.name}: {_value(spec, values[spec.name])}"
    if spec.default is not None:
        return f"{spec.name}: {_value(spec, spec.default)}"
    blank = "[]" if spec.is_list else '""' if spec.name == "number" else ""
    line = f"{spec.name}: {blank}".rstrip()
    return f"{line}  {TODO}" if spec.is_required(doc_type) else line


def render_template(values: dict[str, str], choices: Choices, schema_ref: str) -> str:
    """The whole new reply file. `values` holds what is already known (id, kind, reply_date …);
    the fields are those of its document type (`doc_type`, 答复 when not given)."""
    doc_type = str(values.get("doc_type") or DEFAULT_DOC_TYPE)
    lines = [
        "---",
        f"# yaml-language-server: $schema={schema_ref}",
        "# 新答复文件：每个字段上方是说明，标“必填”的必须填写，标“选填”的没有就留空（保留冒号）。",
        "# 文字一般不用加引号；纯数字（建议号、邮政编码）请写在引号里；列表写成 [甲, 乙]。",
        "# 答复正文写在文件末尾第二个 --- 之后。填好后运行 replysite check 检查。",
    ]
    for spec in FIELDS:
        if not spec.allowed(doc_type):
            continue
        lines.append("")
        lines += field_comment(spec, choices, doc_type)
        lines.append(field_line(spec, values, doc_type))
    lines += ["---", ""]
    return "\n".join(lines)


def load_choices(replies_dir: Path) -> Choices:
    """The registries' entries; their files are named from the folder's own name
    (`replies/units.yml`), so the template does not depend on where it was run."""
    units, _ = load_units(replies_dir, "")
    topics, _ = load_topics(replies_dir, "")
    root = replies_dir.resolve().name
    return Choices(units.items, topics.items, f"{root}/{UNITS_FILE}", f"{root}/{TOPICS_FILE}")


def schema_reference(reply_file: Path, schema_file: Path) -> str:
    """The `$schema` path as the YAML language server resolves it: relative to the file's folder."""
    return Path(os.path.relpath(schema_file.resolve(), reply_file.resolve().parent)).as_posix()
