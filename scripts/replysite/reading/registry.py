"""The unit and topic registries (`replies/units.yml`, `replies/topics.yml`).

A reply names its unit or topics by any known name; the registry maps every name to one
object so that 新建区政务服务数据管理局 and 区政数局 land on the same unit page.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import yaml

from .characters import BAD_CHAR_RE, bad_lines, single_line_message
from .files import link_problem, read_limited
from .frontmatter import decode
from .privacy import find_in_fields
from .yaml_safety import Constructor, compose
from ..model import Topic, Unit
from ..problems import Problem
from ..schema import ID_RE

UNITS_FILE = "units.yml"
TOPICS_FILE = "topics.yml"
T = TypeVar("T", Unit, Topic)


@dataclass
class Registry(Generic[T]):
    what: str  # 单位 / 主题
    items: tuple[T, ...]
    by_name: dict[str, T]

    def resolve(self, name: str) -> T | None:
        return self.by_name.get(name.strip())

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """Closest known names, for 'did you mean' messages."""
        names = list(self.by_name)
        close = difflib.get_close_matches(name, names, n=n, cutoff=0.3)
        # Substring matches are often what staff meant (区政数局 vs 新建区政数局).
        contained = [k for k in names if name and (name in k or k in name) and k not in close]
        return (close + contained)[:n]

    def unknown_message(self, name: str, file: str) -> str:
        hint = self.suggest(name)
        msg = f"“{name}”不在{self.what}名录（replies/{file}）中"
        if hint:
            msg += "；您是不是要写：" + "、".join(hint)
        return msg + f"。新{self.what}请先加入名录"


def _read_list(path: Path, shown: str) -> tuple[list, list[Problem]]:
    if not os.path.lexists(path):
        return [], [Problem(shown, 0, None, f"找不到名录文件 {shown}")]
    if path.is_symlink():
        problem = link_problem(path, Path(os.path.realpath(path.parent)), shown)
        if problem is not None:
            return [], [problem]
    raw, problems = read_limited(path, shown)
    if raw is None:
        return [], problems
    text, problems = decode(raw, shown)
    if text is None:
        return [], problems
    if BAD_CHAR_RE.search(text):
        return [], [Problem(shown, line, None, message) for line, message in bad_lines(text.split("\n"), 1)]
    node, problems = compose(text, shown, 0, always_check=True)
    if node is None:
        return [], problems
    if not isinstance(node, yaml.SequenceNode):
        return [], [Problem(shown, 1, None, "名录必须是一个列表，每项以“- id: …”开头")]
    constructor = Constructor(shown, 0, problems)
    entries = []
    for item in node.value:
        key_lines = {k.value: constructor.line(k) for k, _ in item.value
                     if isinstance(k, yaml.ScalarNode)} if isinstance(item, yaml.MappingNode) else {}
        entries.append((constructor.line(item), constructor.value(item, 2), key_lines))
    return entries, problems


def _privacy_problems(value: dict, key_lines: dict[str, int], line: int, shown: str, what: str
                      ) -> list[Problem]:
    """Ids and names of the registries are published (pages, URLs, feeds, exports): none may
    hold a private detail. There is no privacy_allow here: a name never needs one."""
    ident = value.get("id") if isinstance(value.get("id"), str) else "?"
    texts = [(str(key), text) for key, raw in value.items()
             for text in ([raw] if isinstance(raw, str) else raw if isinstance(raw, list) else [])
             if isinstance(text, str)]
    return [Problem(shown, key_lines.get(key, line), None,
                    f"{what} {ident} 的 {key} 中{hit.found}：名录中的名称和 id 会在网站上公开，"
                    "不得含有个人联系方式或证件号码，请删除")
            for key, hit in find_in_fields(texts)]


def _names(value, key: str, shown: str, line: int, problems: list[Problem]) -> tuple[str, ...]:
    raw = value.get(key, [])
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(x, str) and x.strip() for x in raw):
        problems.append(Problem(shown, line, None, f"{key} 必须是名称列表"))
        return ()
    return tuple(x.strip() for x in raw)


def _load(path: Path, shown: str, what: str, keys: tuple[str, ...]
          ) -> tuple[list[tuple[int, dict, tuple[tuple[str, ...], ...]]], list[Problem]]:
    entries, problems = _read_list(path, shown)
    out = []
    seen_ids: dict[str, int] = {}
    for line, value, key_lines in entries:
        if not isinstance(value, dict):
            problems.append(Problem(shown, line, None, f"每个{what}必须是“id: …  name: …”形式的条目"))
            continue
        problems += _privacy_problems(value, key_lines, line, shown, what)
        unknown = sorted(set(value) - {"id", "name", *keys})
        if unknown:
            problems.append(Problem(shown, line, None,
                                    f"未知字段 {'、'.join(unknown)}；可用字段：id、name、{'、'.join(keys)}"))
        ident, name = value.get("id"), value.get("name")
        if not isinstance(ident, str) or not ID_RE.match(ident):
            problems.append(Problem(shown, line, None,
                                    f"{what}的 id 必须由小写英文字母、数字和连字符组成，现为“{ident}”"))
            continue
        if not isinstance(name, str) or not name.strip():
            problems.append(Problem(shown, line, None, f"{what} {ident} 缺少 name（正式名称）"))
            continue
        if ident in seen_ids:
            problems.append(Problem(shown, line, None, f"id “{ident}”重复（第一次在第 {seen_ids[ident]} 行）"))
            continue
        seen_ids[ident] = line
        names = tuple(_names(value, k, shown, line, problems) for k in keys)
        message = next(filter(None, map(single_line_message, (name.strip(), *sum(names, ())))), None)
        if message is not None:
            problems.append(Problem(shown, line, None, f"{what} {ident} 的名称{message}"))
            continue
        out.append((line, value, names))
    return out, problems


def _index(items: list[tuple[int, T]], shown: str, what: str, problems: list[Problem]) -> dict[str, T]:
    by_name: dict[str, T] = {}
    for line, item in items:
        for name in item.all_names:
            other = by_name.get(name)
            if other is not None and other.id != item.id:
                problems.append(Problem(shown, line, None,
                                        f"名称“{name}”同时属于{what} {other.id} 和 {item.id}，无法区分"))
            by_name.setdefault(name, item)
    return by_name


def load_units(folder: Path, shown_root: str) -> tuple[Registry[Unit], list[Problem]]:
    shown = f"{shown_root}/{UNITS_FILE}"
    entries, problems = _load(folder / UNITS_FILE, shown, "单位", ("short_names", "aliases"))
    items = [(line, Unit(v["id"], v["name"].strip(), shorts, aliases))
             for line, v, (shorts, aliases) in entries]
    by_name = _index(items, shown, "单位", problems)
    return Registry("单位", tuple(u for _, u in items), by_name), problems


def load_topics(folder: Path, shown_root: str) -> tuple[Registry[Topic], list[Problem]]:
    shown = f"{shown_root}/{TOPICS_FILE}"
    entries, problems = _load(folder / TOPICS_FILE, shown, "主题", ("aliases",))
    items = [(line, Topic(v["id"], v["name"].strip(), aliases)) for line, v, (aliases,) in entries]
    by_name = _index(items, shown, "主题", problems)
    return Registry("主题", tuple(t for _, t in items), by_name), problems
