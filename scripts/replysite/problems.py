"""Problems found in reply files, and the exception that carries all of them at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .schema import field_label


# Shown escaped, so that a value quoted in a message stays on its line and cannot drive the
# terminal (ESC sequences) or reorder the text (bidi controls).
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]")


def _visible(text: str) -> str:
    return _UNSHOWABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, reported as `path:line: field（中文名）: message`."""

    path: str
    line: int
    field: str | None
    message: str

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.field:
            return _visible(f"{where}: {field_label(self.field)}: {self.message}")
        return _visible(f"{where}: {self.message}")


class ValidationFailed(Exception):
    """Raised once, after every file was read, when any problem was found."""

    def __init__(self, problems: list[Problem]):
        # `field` may be None beside a name on the same line: compare it as text.
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.field or "", p.message))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [p.format() for p in self.problems]
        files = len({p.path for p in self.problems})
        lines.append(f"共发现 {len(self.problems)} 个问题，涉及 {files} 个文件；请修改后重试，网站未生成。")
        return "\n".join(lines)


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as staff should see it: relative to the working folder when possible."""
    for base in (Path.cwd(), root.parent if root else None):
        if base is None:
            continue
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


class PublishBlocked(Exception):
    """The last scan of what the build writes found private details: nothing is published.
    Its text is the report for staff (Chinese, one line per finding)."""


class EngineUnavailable(Exception):
    """The engine chosen for building the site (REPLYSITE_ENGINE, `engine/choice.py`) cannot run
    in this process. Defined here, not in engine/, so that a command can catch it although the
    engine package failed to import. Its text is for staff (Chinese)."""
