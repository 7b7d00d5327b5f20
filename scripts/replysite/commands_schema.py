"""`replysite schema`: the JSON Schema editors use to validate and complete reply front-matter.

The schema comes from `schema.json_schema` (the one declared in code, also published as
`data/reply.schema.json`), with two changes for editors:

- `$schema` is JSON Schema draft-07. Every keyword the generator uses means the same in draft-07,
  and older YAML language servers support draft-07 and below only.
- An optional field may be left blank. `replysite new` writes every field, and an editor reads a
  blank value (`session:`) as null; `replysite check` treats a blank optional field as absent,
  so the editor must not flag it. Required fields still must be filled.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import IO, Any

import click

from .problems import Problem, display_path
from .registry import load_topics, load_units
from .schema import FIELDS, json_schema

SCHEMA_FILE = "reply.schema.json"
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


class StaffError(click.ClickException):
    """A command's failure, printed as `错误：…` (click's own prefix is English)."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"错误：{self.format_message()}", err=True, file=file)


def editor_schema(unit_names: list[str] | None = None,
                  topic_names: list[str] | None = None) -> dict[str, Any]:
    """The front-matter JSON Schema for editors (see the module docstring)."""
    schema = copy.deepcopy(json_schema(unit_names, topic_names))
    schema["$schema"] = DRAFT_07
    for spec in FIELDS:
        if spec.required:
            continue
        prop = schema["properties"][spec.name]
        prop["type"] = [prop["type"], "null"]
        if "enum" in prop:
            prop["enum"] = [*prop["enum"], None]
    return schema


def registry_names(replies_dir: Path) -> tuple[list[str], list[str], list[Problem]]:
    """Every unit and topic name (full names, short names, aliases), sorted, and any problem
    found in the registries."""
    root = display_path(replies_dir)
    units, problems = load_units(replies_dir, root)
    topics, topic_problems = load_topics(replies_dir, root)
    unit_names = sorted({n for u in units.items for n in u.all_names})
    topic_names = sorted({n for t in topics.items for n in t.all_names})
    return unit_names, topic_names, problems + topic_problems


def schema_text(replies_dir: Path) -> tuple[str, list[Problem]]:
    unit_names, topic_names, problems = registry_names(replies_dir)
    schema = editor_schema(unit_names or None, topic_names or None)
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n", problems


def write_schema(replies_dir: Path, out: Path | None = None) -> tuple[Path, bool, list[Problem]]:
    """Write (or refresh) the editor schema; returns the path, whether the file changed, and
    the registry problems (the schema is written without the names a broken registry lacks)."""
    target = out or replies_dir / SCHEMA_FILE
    text, problems = schema_text(replies_dir)
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return target, False, problems
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return target, True, problems


def echo_registry_problems(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(f"注意：{problem.format()}", err=True)
    if problems:
        click.echo("名录有问题，字段说明中的单位或主题可能不全；请先修正名录。", err=True)


@click.command("schema")
@click.option("--replies", "replies_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("replies"), show_default=True, help="答复文件夹（读取其中的单位和主题名录）")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="写入的文件（默认 <答复文件夹>/reply.schema.json）")
def schema_command(replies_dir: Path, out: Path | None) -> None:
    """生成编辑器使用的字段说明文件（JSON Schema），含单位和主题名录中的全部名称。

    VS Code 等编辑器据此在填写答复文件时提示字段、给出可选值并标出错误；
    单位或主题名录修改后请重新运行。用法见 docs/staff-guide.md。
    """
    if not replies_dir.is_dir():
        raise StaffError(f"找不到答复文件夹 {display_path(replies_dir)}")
    target, changed, problems = write_schema(replies_dir, out)
    echo_registry_problems(problems)
    shown = display_path(target)
    click.echo(f"已写入 {shown}" if changed else f"{shown} 已是最新，未改动")
