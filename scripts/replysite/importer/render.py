"""Writing a reply file: YAML front-matter in schema order, then a blank line and the body."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

from ..schema import FIELDS, FIELDS_BY_NAME

TODO = "# 待填写"


def _plain_ok(text: str, in_list: bool) -> bool:
    """True when YAML reads the text back unchanged as a string without quotes."""
    if not text or text != text.strip() or "\n" in text:
        return False
    document = f"k: [{text}]" if in_list else f"k: {text}"
    try:
        loaded = yaml.safe_load(document)
    except yaml.YAMLError:
        return False
    expected = [text] if in_list else text
    return isinstance(loaded, dict) and loaded.get("k") == expected


def scalar(value: object, in_list: bool = False) -> str:
    """A YAML scalar: dates as ISO, strings quoted only where YAML would change them
    ("55", "330100", "yes", "a: b")."""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return text if _plain_ok(text, in_list) else json.dumps(text, ensure_ascii=False)


def front_matter_line(name: str, value: object) -> str | None:
    """One `key: value` line; None for an empty optional field; `key:  # 待填写：…` for an
    empty required one (so `replysite check` reports it)."""
    spec = FIELDS_BY_NAME[name]
    if value in (None, "", [], ()):
        return f"{name}:  {TODO}：{spec.label}" if spec.required else None
    if isinstance(value, (list, tuple)):
        return f"{name}: [{', '.join(scalar(v, in_list=True) for v in value)}]"
    return f"{name}: {scalar(value)}"


def render_reply(values: dict[str, object], body: str) -> str:
    """The whole reply file."""
    lines = [line for spec in FIELDS
             if (line := front_matter_line(spec.name, values.get(spec.name))) is not None]
    text = "---\n" + "\n".join(lines) + "\n---\n"
    return text + ("\n" + body.strip() + "\n" if body.strip() else "")


def reply_path(out: Path, values: dict[str, object], fallback_stem: str) -> Path:
    """`<out>/<year>/<id>.md`; without a reply date the file goes straight into `<out>`, and
    without an id it is named after the source document."""
    name = f"{values.get('id') or fallback_stem}.md"
    date = values.get("reply_date")
    return out / str(date.year) / name if isinstance(date, dt.date) else out / name


def write_reply(path: Path, text: str) -> None:
    """Create the file; FileExistsError when it exists (an import never overwrites)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
