"""YAML as reply files and registries use it: text values, lists and `key: value` maps — read so
that no input can exhaust memory, overflow a stack or give a traceback.

Values are read with YAML's *base* loader: every scalar stays a string, so YAML's implicit typing
(`no` → False, bare dates → date objects, `0055` → 45) can never slip a wrong type past
validation; `validate.py` converts each value as the schema says.

libyaml's composer recurses in C for every nesting level (a 100,000-deep `[[[…` overflows the C
stack) and turns an alias into a shared node (a 600-byte alias bomb becomes billions of values
once walked; a self-referencing alias, an endless loop). So a text that *could* hold an alias,
anchor, tag or deep nesting is first read as a stream of parser events, which needs no recursion:
aliases, anchors and tags are refused (they silently drop or repeat text; no reply needs them)
and nesting is bounded. Every nesting level opens with one of `[ { - ? :`, so a text with fewer
than SAFE_OPENERS of those characters and no `* & !` is composed directly: the common case costs
a few `str.count` calls.
"""

from __future__ import annotations

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

MAX_DEPTH = 20  # a reply needs 2 levels (fields, lists), a registry 3
MAX_NODES = 100_000  # values in one registry (a reply's front-matter is bounded by its length)
SAFE_OPENERS = 200  # below this many `[ { - ? :`, libyaml's recursion stays shallow
_EVENT_PASS_MARKS = ("*", "&", "!")


class YamlRefused(Exception):
    """Something in the YAML that is refused before composing, at a 0-based line."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


# libyaml's messages, in the words staff need.
YAML_HINTS = (
    ("mapping values are not allowed", "此处不能出现“字段: 值”，可能是缩进不对，或值里有未加引号的冒号"),
    ("found character '\\t'", "不能用 Tab 键缩进，请改用空格"),
    ("could not find expected ':'", "缺少冒号：每行应为“字段: 值”"),
    ("did not find expected key", "缩进不一致或缺少冒号"),
    ("did not find expected ',' or ']'", "方括号列表没有闭合，或列表项之间缺少逗号"),
    ("did not find expected ',' or '}'", "花括号没有闭合"),
    ("found unexpected end of stream", "引号或括号没有闭合"),
    ("did not find expected alphabetic or numeric character", "值以 & 或 * 开头，请给值加引号"),
    ("that cannot start any token", "值以 @、` 等特殊字符开头，请给值加引号"),
    ("did not find expected '-' indicator", "列表项缩进不一致"),
    ("expected a single document", "不能出现以 --- 开头的行（YAML 会把它当作第二份文档）"),
    ("found invalid Unicode character escape code", "双引号中的 \\u 转义不是有效的字符"),
    ("found unknown escape character", "双引号中的反斜杠 \\ 转义无法识别；如需写反斜杠请改用单引号"),
)


def yaml_hint(problem: str) -> str:
    for needle, hint in YAML_HINTS:
        if needle in problem:
            return hint
    return f"格式无法识别（{problem}）；请检查冒号、引号、缩进和列表写法"


def _shown_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag


def _event_pass(text: str, max_nodes: int) -> None:
    """Raise YamlRefused at the first alias, tag, level too deep or node too many; else at the
    first anchor (an anchor alone repeats nothing, so an alias after it is what to report)."""
    loader = BASE_LOADER(text)
    depth = nodes = 0
    anchor: YamlRefused | None = None
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line if event.start_mark else 0
            if isinstance(event, yaml.AliasEvent):
                raise YamlRefused(line, f"*{event.anchor} 会被 YAML 当作别名（重复前面 &{event.anchor} 处的内容）；"
                                        "答复文件和名录不使用锚点和别名，请直接写出内容；如值以 * 开头请给值加引号")
            if not isinstance(event, yaml.NodeEvent):
                if isinstance(event, yaml.CollectionEndEvent):
                    depth -= 1
                continue
            if event.anchor is not None and anchor is None:
                anchor = YamlRefused(line, f"值前的 &{event.anchor} 会被 YAML 当作锚点而丢掉；"
                                           "答复文件和名录不使用锚点和别名，如值以 & 开头请给值加引号")
            tag = getattr(event, "tag", None)
            if tag is not None:
                raise YamlRefused(line, f"值前的 {_shown_tag(tag)} 会被 YAML 当作类型标记而丢掉；"
                                        "如值以 ! 开头请给值加引号")
            nodes += 1
            if nodes > max_nodes:
                raise YamlRefused(line, f"内容过多（超过 {max_nodes} 项）")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlRefused(line, depth_message())
    finally:
        loader.dispose()
    if anchor is not None:
        raise anchor


def depth_message() -> str:
    return (f"嵌套层数过多（超过 {MAX_DEPTH} 层）：只能使用“字段: 值”和 [甲, 乙] 这样的列表；"
            "请检查是否多写了方括号、花括号或短横线")


def needs_event_pass(text: str) -> bool:
    return any(mark in text for mark in _EVENT_PASS_MARKS) or sum(
        text.count(c) for c in "[{-?:") >= SAFE_OPENERS


def compose(text: str, shown: str, offset: int, always_check: bool = False,
            max_nodes: int = MAX_NODES) -> tuple[yaml.Node | None, list[Problem]]:
    """The node tree of one YAML document, or one problem at its line (`offset` lines before the
    text in the file)."""
    try:
        if always_check or needs_event_pass(text):
            _event_pass(text, max_nodes)
        return yaml.compose(text, Loader=BASE_LOADER), []
    except YamlRefused as exc:
        return None, [Problem(shown, exc.line + 1 + offset, None, exc.message)]
    except yaml.reader.ReaderError as exc:  # characters.py reports these first; kept as a guard
        line = text.count("\n", 0, exc.position) + 1 + offset
        return None, [Problem(shown, line, None, f"YAML 无法读取字符 U+{exc.character:04X}；请删除")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 + offset if mark else 1
        what = getattr(exc, "problem", None) or str(exc)
        return None, [Problem(shown, line, None, f"YAML 语法错误：{yaml_hint(what)}")]


class Constructor:
    """Plain values from composed nodes: strings, lists, and maps with string keys. Problems go to
    `problems` with their line in the file (`offset` lines before the YAML text)."""

    def __init__(self, shown: str, offset: int, problems: list[Problem]):
        self.shown, self.offset, self.problems = shown, offset, problems

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.offset

    def value(self, node: yaml.Node, depth: int = 1) -> RawValue:
        if isinstance(node, yaml.ScalarNode):
            return node.value
        if depth > MAX_DEPTH:
            self.problems.append(Problem(self.shown, self.line(node), None, depth_message()))
            return None
        if isinstance(node, yaml.SequenceNode):
            return [self.value(n, depth + 1) for n in node.value]
        if isinstance(node, yaml.MappingNode):
            out: dict[str, RawValue] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(Problem(self.shown, self.line(key_node), None,
                                                 "字段名必须是文字，不能是列表或字段组"))
                    continue
                out[key_node.value] = self.value(value_node, depth + 1)
            return out
        return None
