"""Reading a reply file: bytes → text → front-matter mapping (with line numbers) + body.

Front-matter is read with YAML's *base* loader: every scalar stays a string, so YAML's
implicit typing (`no` → False, bare dates → date objects, `0055` → 45) can never slip a wrong
type past validation; `validate.py` converts each value as the schema says.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Union

import yaml

from ..problems import Problem

# libyaml is much faster; marks (line numbers) are the same.
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_TAGS = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: "tag:yaml.org,2002:seq",
         yaml.MappingNode: "tag:yaml.org,2002:map"}


class FastBaseLoader(_LOADER):  # type: ignore[valid-type,misc]
    """The base loader without its per-node resolver lookups (a quarter of the parse time):
    the base resolver has no implicit or path resolvers, so every node gets its kind's default
    tag — and `construct` below looks only at node kinds anyway."""

    def resolve(self, kind, value, implicit):
        return _TAGS[kind]

    def descend_resolver(self, current_node, current_index) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


BASE_LOADER = FastBaseLoader
RawValue = Union[str, list, dict, None]


@dataclass(frozen=True)
class RawReply:
    path: Path
    shown_path: str
    data: dict[str, RawValue]
    key_lines: dict[str, int]  # 1-based line of each key in the file
    body: str
    body_line: int  # 1-based line where the body starts
    end_line: int  # line of the closing `---`


def decode(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        try:
            raw.decode("gb18030")
            hint = "看起来是 GBK/GB18030 编码（Windows 记事本、Word 另存为文本时常见）"
        except UnicodeDecodeError:
            hint = "无法识别的编码"
        return None, [Problem(shown, line, None,
                              f"文件不是 UTF-8 编码，{hint}；请用编辑器另存为“UTF-8”编码后重试")]


# libyaml's messages, in the words staff need.
YAML_HINTS = (
    ("mapping values are not allowed", "此处不能出现“字段: 值”，可能是缩进不对，或值里有未加引号的冒号"),
    ("found character '\\t'", "不能用 Tab 键缩进，请改用空格"),
    ("could not find expected ':'", "缺少冒号：每行应为“字段: 值”"),
    ("did not find expected key", "缩进不一致或缺少冒号"),
    ("did not find expected ',' or ']'", "方括号列表没有闭合，或列表项之间缺少逗号"),
    ("did not find expected ',' or '}'", "花括号没有闭合"),
    ("found unexpected end of stream", "引号或括号没有闭合"),
    ("found undefined alias", "不能以 * 开头，如需使用请给值加引号"),
    ("that cannot start any token", "值以 @、` 等特殊字符开头，请给值加引号"),
    ("did not find expected '-' indicator", "列表项缩进不一致"),
)


def yaml_hint(problem: str) -> str:
    for needle, hint in YAML_HINTS:
        if needle in problem:
            return hint
    return f"格式无法识别（{problem}）；请检查冒号、引号、缩进和列表写法"


def construct(node: yaml.Node) -> RawValue:
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [construct(n) for n in node.value]
    if isinstance(node, yaml.MappingNode):
        return {construct(k): construct(v) for k, v in node.value}  # type: ignore[misc]
    return None


def read_reply(path: Path, shown: str) -> tuple[RawReply | None, list[Problem]]:
    """Split and parse one reply file; every problem is reported with its line in the file."""
    text, problems = decode(path.read_bytes(), shown)
    if text is None:
        return None, problems
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, [Problem(shown, 1, None,
                              "缺少前置元数据：文件第一行必须是 ---，随后是 YAML 格式的字段，再以 --- 结束")]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None, [Problem(shown, 1, None, "前置元数据没有结束：找不到第二个 --- 行")]
    block = "\n".join(lines[1:end])
    offset = 1  # YAML lines are 0-based from the line after the opening ---
    try:
        node = yaml.compose(block, Loader=BASE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 + offset if mark else 1
        what = getattr(exc, "problem", None) or str(exc)
        return None, [Problem(shown, line, None, f"YAML 语法错误：{yaml_hint(what)}")]
    if node is None:
        return None, [Problem(shown, 1, None, "前置元数据为空：至少需要必填字段")]
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(shown, node.start_mark.line + 1 + offset, None,
                              "前置元数据必须是“字段: 值”的形式")]
    data: dict[str, RawValue] = {}
    key_lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1 + offset
        key = construct(key_node)
        if not isinstance(key, str):
            problems.append(Problem(shown, line, None, "字段名必须是文字"))
            continue
        if key in data:
            problems.append(Problem(shown, line, key,
                                    f"字段重复出现（第一次在第 {key_lines[key]} 行）；每个字段只能写一次"))
            continue
        data[key] = construct(value_node)
        key_lines[key] = line
    body = "\n".join(lines[end + 1:])
    return RawReply(path, shown, data, key_lines, body, end + 2, end + 1), problems
