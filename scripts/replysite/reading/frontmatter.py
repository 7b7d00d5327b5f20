"""Reading a reply file: bytes → text → front-matter mapping (with line numbers) + body.

Whatever the bytes, the result is a RawReply or problems with a line, never an exception: the
file is read by `files.read_limited` (regular files up to 2 MB), the YAML by `yaml_safety`, and
characters that pages, feeds or the search index cannot carry are reported (`characters`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..problems import Problem
from ..schema import BODY, FIELDS_BY_NAME
from .characters import BAD_CHAR_RE, MAX_FIELD_CHARS, SINGLE_LINE_BAD_RE, bad_lines, single_line_message
from .files import read_limited
from .yaml_safety import Constructor, RawValue, compose

MAX_FRONT_MATTER_CHARS = 20_000  # a front-matter is rarely 1,000; this bounds YAML's work
_KEY_LINE = re.compile(r"([A-Za-z_][\w-]*)\s*:")


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
    """UTF-8 text without a byte-order mark, lines ending in \\n (CRLF and CR converted)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        try:
            raw.decode("gb18030")
            hint = "看起来是 GBK/GB18030 编码（Windows 记事本、Word 另存为文本时常见）"
        except UnicodeDecodeError:
            hint = "无法识别的编码"
        return None, [Problem(shown, line, None,
                              f"文件不是 UTF-8 编码，{hint}；请用编辑器另存为“UTF-8”编码后重试")]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def _field_at(lines: list[str], index: int) -> str | None:
    """The known field whose `key:` line is at or above lines[index] (for raw-character messages)."""
    for line in reversed(lines[: index + 1]):
        match = _KEY_LINE.match(line)
        if match:
            return match.group(1) if match.group(1) in FIELDS_BY_NAME else None
    return None


def _character_problems(lines: list[str], end: int, shown: str) -> tuple[list[Problem], bool]:
    """Bad characters anywhere in the file, one problem per line; and whether the front-matter
    holds any (YAML cannot then be read as staff meant it)."""
    problems = []
    block = lines[1:end]
    for number, message in bad_lines(block, 2):
        problems.append(Problem(shown, number, _field_at(block, number - 2), message))
    in_front_matter = bool(problems)
    for number, message in bad_lines(lines[end + 1:], end + 2):
        problems.append(Problem(shown, number, BODY, message))
    return problems, in_front_matter


def _value_problems(data: dict[str, RawValue], key_lines: dict[str, int], shown: str) -> list[Problem]:
    """Every known field is one line of text (or a list of such): no control characters (from
    double-quoted escapes such as "\\x01"), no line breaks, no page-long value."""
    texts = [t for v in data.values() for t in (v if isinstance(v, list) else [v]) if isinstance(t, str)]
    if not SINGLE_LINE_BAD_RE.search("\t".join(texts)) and max(map(len, texts), default=0) <= MAX_FIELD_CHARS:
        return []  # the common case: one search over every value
    problems = []
    for key, value in data.items():
        if key not in FIELDS_BY_NAME:
            continue
        texts = value if isinstance(value, list) else [value]
        for text in texts:
            if isinstance(text, str):
                message = single_line_message(text.strip())
                if message is not None:
                    problems.append(Problem(shown, key_lines[key], key, message))
                    break
    return problems


def read_reply(path: Path, shown: str) -> tuple[RawReply | None, list[Problem]]:
    """Split and parse one reply file; every problem is reported with its line in the file."""
    raw, problems = read_limited(path, shown)
    if raw is None:
        return None, problems
    if not raw.strip():
        return None, [Problem(shown, 1, None, "文件为空：答复文件应以 --- 开头的前置元数据开始，随后是正文")]
    text, problems = decode(raw, shown)
    if text is None:
        return None, problems
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return None, [Problem(shown, 1, None,
                              "缺少前置元数据：文件第一行必须是 ---，随后是 YAML 格式的字段，再以 --- 结束")]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None, [Problem(shown, 1, None, "前置元数据没有结束：找不到第二个 --- 行")]
    block = "\n".join(lines[1:end])
    if len(block) > MAX_FRONT_MATTER_CHARS:
        return None, [Problem(shown, 1, None, f"前置元数据过长（{len(block)} 字，最多 {MAX_FRONT_MATTER_CHARS} 字）："
                                              "正文请写在第二个 --- 行之后")]
    if BAD_CHAR_RE.search(text):
        problems, in_front_matter = _character_problems(lines, end, shown)
        if in_front_matter:
            return None, problems
    offset = 1  # YAML lines are 0-based from the line after the opening ---
    node, yaml_problems = compose(block, shown, offset)
    if node is None:
        if yaml_problems:
            return None, problems + yaml_problems
        return None, problems + [Problem(shown, 1, None, "前置元数据为空：至少需要必填字段")]
    if not isinstance(node, yaml.MappingNode):
        return None, problems + [Problem(shown, node.start_mark.line + 1 + offset, None,
                                         "前置元数据必须是“字段: 值”的形式")]
    constructor = Constructor(shown, offset, problems)
    data: dict[str, RawValue] = {}
    key_lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = constructor.line(key_node)
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(shown, line, None, "字段名必须是文字"))
            continue
        key = key_node.value
        if key in data:
            problems.append(Problem(shown, line, key,
                                    f"字段重复出现（第一次在第 {key_lines[key]} 行）；每个字段只能写一次"))
            continue
        data[key] = constructor.value(value_node, 2)
        key_lines[key] = line
    problems += _value_problems(data, key_lines, shown)
    body = "\n".join(lines[end + 1:])
    return RawReply(path, shown, data, key_lines, body, end + 2, end + 1), problems
