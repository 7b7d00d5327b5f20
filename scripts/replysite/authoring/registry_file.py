"""Adding units to `replies/units.yml` (`replysite import --accept-units`): the new entries are
appended to the file as it is (its comments and order stay), the result is read back with the
registry reader before it replaces the file, and it replaces it in one step — a failure leaves
the old file untouched."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..problems import Problem
from ..reading.registry import UNITS_FILE, load_units
from .reply_file import scalar, yaml_value

HEADER = ("# 承办单位名录：id 用于网址（小写字母、数字、连字符），name 为正式全称，\n"
          "# short_names 为简称（页面上显示第一个），aliases 为其他写法。\n")


class RegistryNotWritten(Exception):
    """The registry would not read back; `problems` say why (the file is unchanged)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = problems


def unit_entry(ident: str, name: str, short_names: Iterable[str] = ()) -> str:
    lines = [f"- id: {scalar(ident)}", f"  name: {scalar(name)}"]
    shorts = list(short_names)
    if shorts:
        lines.append(f"  short_names: {yaml_value(shorts)}")
    return "\n".join(lines) + "\n"


def add_units(replies_dir: Path, entries: list[tuple[str, str, list[str]]],
              comment: str = "以下单位由 replysite import --accept-units 加入，请核对全称和简称") -> Path:
    """Append (id, name, short names) entries to replies_dir/units.yml."""
    path = replies_dir / UNITS_FILE
    old = path.read_text(encoding="utf-8") if path.exists() else HEADER
    text = old.rstrip("\n") + "\n" + f"# {comment}\n" + "".join(unit_entry(*e) for e in entries)
    with tempfile.TemporaryDirectory() as scratch:
        (Path(scratch) / UNITS_FILE).write_text(text, encoding="utf-8")
        _, problems = load_units(Path(scratch), replies_dir.as_posix())
    if problems:
        raise RegistryNotWritten(problems)
    replies_dir.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".units-", suffix=".yml", dir=replies_dir)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        if path.exists():
            shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return path
