"""Loading a replies folder: find files, parse, validate, then build the archive — or fail once."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from .archive import Archive, build_archive
from .frontmatter import read_reply
from .model import Reply
from .problems import Problem, ValidationFailed, display_path
from .registry import load_topics, load_units
from .validate import build_reply

Progress = Callable[[str, int, int], None]


def discover(replies_dir: Path) -> list[Path]:
    """Every reply file: *.md anywhere below the folder, except README files and hidden/_ names."""
    found = []
    for path in replies_dir.rglob("*.md"):
        rel = path.relative_to(replies_dir)
        if any(part.startswith((".", "_")) for part in rel.parts) or path.name.upper() == "README.MD":
            continue
        found.append(path)
    return sorted(found)


IdSeen = tuple[str, str, int]  # id, shown path, line
PARALLEL_FROM = 2000  # below this, a second process costs more than it saves
CHUNK_SIZE = 1000


FileResult = tuple["Reply | None", list[Problem], "IdSeen | None"]


def _check_file(path: Path, replies_dir: Path, root: str, units, topics, today: dt.date) -> FileResult:
    shown = f"{root}/{path.relative_to(replies_dir).as_posix()}"
    raw, problems = read_reply(path, shown)
    if raw is None:
        return None, problems, None
    reply, reply_problems = build_reply(raw, units, topics, today)
    ident = raw.data.get("id")
    seen = (ident.strip(), shown, raw.key_lines.get("id", 1)) if isinstance(ident, str) and ident.strip() else None
    return reply, problems + reply_problems, seen


def _check_files(paths: list[Path], replies_dir: Path, root: str, units, topics, today: dt.date,
                 cache: "FileCache | None" = None) -> tuple[list[Reply], list[Problem], list[IdSeen]]:
    replies: list[Reply] = []
    problems: list[Problem] = []
    ids: list[IdSeen] = []
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
            replies.append(reply)
    return replies, problems, ids


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
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        hit = self._results.get(path)
        if hit is not None and hit[0] == key:
            return hit[1]
        result = compute()
        self._results[path] = (key, result)
        return result


def _check_all(paths: list[Path], replies_dir: Path, root: str, units, topics, today: dt.date,
               progress: Progress | None, cache: FileCache | None = None
               ) -> tuple[list[Reply], list[Problem], list[IdSeen]]:
    """Check files in chunks, on every core when the archive is large; results keep file order."""
    workers = min(os.cpu_count() or 1, 4) if len(paths) >= PARALLEL_FROM and cache is None else 1
    chunks = [paths[i:i + CHUNK_SIZE] for i in range(0, len(paths), CHUNK_SIZE)]
    replies: list[Reply] = []
    problems: list[Problem] = []
    ids: list[IdSeen] = []
    done = 0

    def collect(result: tuple[list[Reply], list[Problem], list[IdSeen]], count: int) -> None:
        nonlocal done
        replies.extend(result[0])
        problems.extend(result[1])
        ids.extend(result[2])
        done += count
        if progress:
            progress("检查答复文件", done, len(paths))

    if workers == 1:
        for chunk in chunks:
            collect(_check_files(chunk, replies_dir, root, units, topics, today, cache), len(chunk))
    else:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [pool.submit(_check_files, chunk, replies_dir, root, units, topics, today)
                       for chunk in chunks]
            for chunk, future in zip(chunks, futures):
                collect(future.result(), len(chunk))
    return replies, problems, ids


def load_replies(replies_dir: Path, today: dt.date | None = None, progress: Progress | None = None,
                 cache: FileCache | None = None) -> tuple[Archive | None, list[Problem]]:
    """Parse and validate everything; returns the archive, or None with every problem found."""
    today = today or dt.date.today()
    root = display_path(replies_dir)
    if not replies_dir.is_dir():
        return None, [Problem(root, 0, None, "找不到答复文件夹")]
    units, problems = load_units(replies_dir, root)
    topics, topic_problems = load_topics(replies_dir, root)
    problems += topic_problems
    paths = discover(replies_dir)
    if not paths:
        problems.append(Problem(root, 0, None, "文件夹中没有任何答复文件（*.md）"))
    if cache is not None:
        cache.start((units, topics, today))
    replies, file_problems, ids = _check_all(paths, replies_dir, root, units, topics, today, progress, cache)
    problems += file_problems
    first_seen: dict[str, tuple[str, int]] = {}
    for ident, shown, line in ids:
        if ident in first_seen:
            other, other_line = first_seen[ident]
            problems.append(Problem(shown, line, "id",
                                    f"编号“{ident}”与 {other}:{other_line} 重复；每个答复的编号必须唯一"))
        else:
            first_seen[ident] = (shown, line)
    if problems:
        return None, problems
    return build_archive(replies, units.items, topics.items), []


def load_archive(replies_dir: Path, today: dt.date | None = None,
                 progress: Progress | None = None, cache: FileCache | None = None) -> Archive:
    archive, problems = load_replies(replies_dir, today, progress, cache)
    if archive is None:
        raise ValidationFailed(problems)
    return archive
