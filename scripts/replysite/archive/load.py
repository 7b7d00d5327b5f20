"""A replies folder read into an archive, or every problem found in it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..problems import Problem, ValidationFailed
from ..reading.load import FileCache, Progress, read_folder
from .groupings import Archive, build_archive


def load_replies(replies_dir: Path, today: dt.date | None = None, progress: Progress | None = None,
                 cache: FileCache | None = None) -> tuple[Archive | None, list[Problem]]:
    """Parse and validate everything; returns the archive, or None with every problem found."""
    folder = read_folder(replies_dir, today, progress, cache)
    if folder.problems:
        return None, folder.problems
    return build_archive(folder.replies, folder.units, folder.topics), []


def load_archive(replies_dir: Path, today: dt.date | None = None,
                 progress: Progress | None = None, cache: FileCache | None = None) -> Archive:
    archive, problems = load_replies(replies_dir, today, progress, cache)
    if archive is None:
        raise ValidationFailed(problems)
    return archive
