"""Writing a reply file — the one way `import`, `new` and `generate` write YAML front-matter:
keys in schema order, values quoted only where YAML would read them differently, then a blank
line and the body."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from pathlib import Path

import yaml

from ..schema import FIELDS, FIELDS_BY_NAME

TODO = "# 待填写"


# YAML's indicators and anything that could start a comment, a flow collection or a block
# scalar; text without them that has a non-ASCII character cannot be read as anything but a
# string (YAML's implicit types — numbers, dates, booleans, null — are ASCII).
_INDICATORS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff"
                         r":#,\[\]{}&*!|>'\"%@`?\-\\]|^\s|\s$")
# An ASCII word that YAML reads as a string: letters, digits and inner hyphens, not a boolean/null.
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "true", "false", "on", "off", "null"})


def _plain_ok(text: str, in_list: bool) -> bool:
    """True when YAML reads the text back unchanged as a string without quotes."""
    if not text or text != text.strip() or "\n" in text:
        return False
    if not text.isascii() and not _INDICATORS.search(text):
        return True  # the common cases, decided without a YAML parse
    if _WORD.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return True
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


def front_matter_line(name: str, value: object, doc_type: str = "答复") -> str | None:
    """One `key: value` line; None for an empty optional field; `key:  # 待填写：…` for an
    empty required one (so `replysite check` reports it)."""
    spec = FIELDS_BY_NAME[name]
    if value in (None, "", [], ()):
        return f"{name}:  {TODO}：{spec.label}" if spec.is_required(doc_type) else None
    return f"{name}: {yaml_value(value)}"


def yaml_value(value: object) -> str:
    """A value as YAML: a flow list `[甲, 乙]`, a flow mapping `{path: …, sha256: …}` (the
    items of `attachments`) or a scalar."""
    if isinstance(value, (list, tuple)):
        return f"[{', '.join(yaml_value(v) if isinstance(v, dict) else scalar(v, in_list=True) for v in value)}]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {scalar(v, in_list=True)}" for k, v in value.items()) + "}"
    return scalar(value)


def render_reply(values: dict[str, object], body: str, comments: dict[str, str] | None = None,
                 notice: list[str] | None = None) -> str:
    """The whole reply file. `comments` adds `  # …` after a field's line (a proposal for staff
    to confirm), `notice` comment lines at the top of the front-matter."""
    doc_type = str(values.get("doc_type") or "答复")
    lines = [f"# {line}" for line in notice or ()]
    for spec in FIELDS:
        line = front_matter_line(spec.name, values.get(spec.name), doc_type)
        if line is not None:
            comment = (comments or {}).get(spec.name)
            lines.append(f"{line}  # {comment}" if comment and TODO not in line else line)
    text = "---\n" + "\n".join(lines) + "\n---\n"
    return text + ("\n" + body.strip() + "\n" if body.strip() else "")


def reply_path(out: Path, values: dict[str, object], fallback_stem: str) -> Path:
    """`<out>/<year>/<id>.md`; without a reply date the file goes straight into `<out>`, and
    without an id it is named after the source document."""
    name = f"{values.get('id') or fallback_stem}.md"
    date = values.get("reply_date") or values.get("submitted_date")
    return out / str(date.year) / name if isinstance(date, dt.date) else out / name


def write_reply(path: Path, text: str) -> None:
    """Create the file; FileExistsError when it exists (an import never overwrites)."""
    write_new(path, text.encode("utf-8"))


def write_new(path: Path, data: bytes) -> None:
    """Create `path` with `data` in one step: written to a temporary file beside it, then
    linked into place, which fails with FileExistsError when the name is taken. An interrupted
    write leaves no half-written file under the name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".import-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: exclusive create instead
            with path.open("xb") as out:
                out.write(data)
    finally:
        os.unlink(temporary)
