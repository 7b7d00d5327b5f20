"""Reading a replies folder: find the files, parse and validate each (on every core for a large
folder), then the rules across files — every problem of every file, collected."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .. import forking
from ..model import Reply, Topic, Unit
from ..problems import Problem, display_path
from .across_files import Seen, rules_across_files, seen_in
from .files import discover
from .frontmatter import read_reply
from .registry import load_topics, load_units
from .validate import build_reply

Progress = Callable[[str, int, int], None]


CHECK_IN_PARALLEL_FROM = 2000  # files; below this, a second process costs more than it saves
CHUNK_SIZE = 1000


FileResult = tuple["Reply | None", list[Problem], "Seen | None"]


def _check_file(path: Path, replies_dir: Path, root: str, units, topics, today: dt.date) -> FileResult:
    shown = f"{root}/{path.relative_to(replies_dir).as_posix()}"
    raw, problems = read_reply(path, shown)
    if raw is None:
        return None, problems, None
    reply, reply_problems = build_reply(raw, units, topics, today, replies_dir)
    return reply, problems + reply_problems, seen_in(raw, reply)


Checked = tuple[list[Reply], int, list[Problem], list[Seen]]  # replies (if kept), how many passed, …


def _check_files(paths: list[Path], replies_dir: Path, root: str, units, topics, today: dt.date,
                 cache: "FileCache | None" = None, keep: bool = True) -> Checked:
    """Check some files. Without `keep` the replies are counted, not returned: `replysite check`
    then sends no reply back from the other processes (pickling them cost more than checking)."""
    replies: list[Reply] = []
    passed = 0
    problems: list[Problem] = []
    ids: list[Seen] = []
    for path in paths:
        if cache is not None:
            result = cache.get(path, lambda p=path: _check_file(p, replies_dir, root, units, topics, today))
        else:
            result = _check_file(path, replies_dir, root, units, topics, today)
        reply, file_problems, seen = result
        problems += file_problems
        if seen is not None:
            ids.append(seen)
        if reply is not None:
            passed += 1
            if keep:
                replies.append(reply)
    return replies, passed, problems, ids


class FileCache:
    """Per-file results kept between the rebuilds of `replysite serve`: a file whose size and
    modification time did not change is not read again. Any change to the registries, or a new
    day (the future-date rule), empties it."""

    def __init__(self) -> None:
        self._results: dict[Path, tuple[tuple[int, int], FileResult]] = {}
        self._context: object = None

    def start(self, context: object) -> None:
        if context != self._context:
            self._results.clear()
            self._context = context

    def get(self, path: Path, compute) -> FileResult:
        try:
            stat = path.stat()
        except OSError:  # gone since discovery: reading it reports why
            return compute()
        key = (stat.st_mtime_ns, stat.st_size)
        hit = self._results.get(path)
        if hit is not None and hit[0] == key:
            return hit[1]
        result = compute()
        self._results[path] = (key, result)
        return result


def _check_all(paths: list[Path], replies_dir: Path, root: str, units, topics, today: dt.date,
               progress: Progress | None, cache: FileCache | None = None, keep: bool = True) -> Checked:
    """Check files in chunks, on every core when the archive is large; results keep file order."""
    workers = min(os.cpu_count() or 1, 4) if len(paths) >= CHECK_IN_PARALLEL_FROM and cache is None else 1
    chunks = [paths[i:i + CHUNK_SIZE] for i in range(0, len(paths), CHUNK_SIZE)]
    replies: list[Reply] = []
    problems: list[Problem] = []
    ids: list[Seen] = []
    done = passed = 0

    def collect(result: Checked, count: int) -> None:
        nonlocal done, passed
        replies.extend(result[0])
        passed += result[1]
        problems.extend(result[2])
        ids.extend(result[3])
        done += count
        if progress:
            progress("检查答复文件", done, len(paths))

    if workers == 1:
        for chunk in chunks:
            collect(_check_files(chunk, replies_dir, root, units, topics, today, cache, keep), len(chunk))
    else:
        with forking.process_pool(workers) as pool:
            futures = [pool.submit(_check_files, chunk, replies_dir, root, units, topics, today, None, keep)
                       for chunk in chunks]
            for chunk, future in zip(chunks, futures):
                collect(future.result(), len(chunk))
    return replies, passed, problems, ids


@dataclass(frozen=True)
class CheckSummary:
    replies: int  # documents
    units: int
    topics: int
    cases: int = 0


def _check_folder(replies_dir: Path, today: dt.date | None, progress: Progress | None,
                  cache: FileCache | None, keep: bool):
    """Registries, then every file, then the rules across files (ids, cases)."""
    today = today or dt.date.today()
    root = display_path(replies_dir)
    if not replies_dir.is_dir():
        return [], 0, None, None, [Problem(root, 0, None, "找不到答复文件夹")], []
    units, problems = load_units(replies_dir, root)
    topics, topic_problems = load_topics(replies_dir, root)
    problems += topic_problems
    paths, found_problems = discover(replies_dir, root)
    problems += found_problems
    if not paths:
        problems.append(Problem(root, 0, None, "文件夹中没有任何答复文件（*.md）"))
    if cache is not None:
        cache.start((units, topics, today))
    replies, passed, file_problems, ids = _check_all(paths, replies_dir, root, units, topics, today,
                                                     progress, cache, keep)
    problems += file_problems
    problems += rules_across_files(ids)
    return replies, passed, units, topics, problems, ids


@dataclass(frozen=True)
class Folder:
    """A replies folder read whole: its replies and registries, or the problems found."""

    replies: list[Reply]
    units: tuple[Unit, ...]
    topics: tuple[Topic, ...]
    problems: list[Problem]


def read_folder(replies_dir: Path, today: dt.date | None = None, progress: Progress | None = None,
                cache: FileCache | None = None) -> Folder:
    """Parse and validate everything; the replies are only good when there is no problem."""
    replies, _, units, topics, problems, _ = _check_folder(replies_dir, today, progress, cache, keep=True)
    return Folder(replies, units.items if units else (), topics.items if topics else (), problems)


def check_replies(replies_dir: Path, today: dt.date | None = None, progress: Progress | None = None
                  ) -> tuple[CheckSummary | None, list[Problem]]:
    """The same checks as `load_replies`, for `replysite check`: counts instead of an archive."""
    _, passed, units, topics, problems, seen = _check_folder(replies_dir, today, progress, None, keep=False)
    if problems:
        return None, problems
    cases = len({s.reply[0] for s in seen if s.reply is not None})
    return CheckSummary(passed, len(units.items), len(topics.items), cases), []
