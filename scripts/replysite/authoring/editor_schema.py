"""The JSON Schema editors use to validate and complete reply front-matter (`replysite schema`,
and `replysite new` refreshes it).

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
from typing import Any

from ..problems import Problem, display_path
from ..reading.registry import load_topics, load_units
from ..schema import FIELDS, SCHEMA_FILE, json_schema

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


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
