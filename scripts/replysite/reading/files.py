"""Which files in `replies/` are reply files, and reading one without surprises.

Nothing that looks like a reply is skipped without a word: a name with the wrong extension
(`reply.MD`, `.markdown`), a symbolic link that leaves `replies/` or leads nowhere, a folder,
pipe or device named `x.md`, a folder that cannot be opened — each is reported and not read.
A symbolic link to a regular file inside `replies/` is read like the file itself (its id then
counts as a second reply, so a link to another reply is reported as a duplicate id).

Reading opens the file non-blocking and looks at what it opened before reading a byte, so a
pipe swapped in after discovery cannot hang `check`; files above MAX_FILE_BYTES are refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..problems import Problem

MAX_FILE_BYTES = 2 * 1024 * 1024
REPLY_SUFFIX = ".md"
# Other spellings of Markdown that editors and converters write; never read, always reported.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "文件夹"
    if stat.S_ISFIFO(mode):
        return "命名管道"
    if stat.S_ISSOCK(mode):
        return "套接字"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备文件"
    return "特殊文件"


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "没有读取权限"
    if isinstance(exc, FileNotFoundError):
        return "文件不存在，可能在检查时被删除或改名"
    return exc.strerror or type(exc).__name__


def read_limited(path: Path, shown: str, limit: int = MAX_FILE_BYTES) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file of at most `limit` bytes, or why not."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return None, [Problem(shown, 0, None, f"无法读取文件（{_reason(exc)}）")]
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, [Problem(shown, 0, None, f"不是普通文件（{_kind(info.st_mode)}），不会读取；请删除或改名")]
        if info.st_size > limit:
            return None, [Problem(shown, 0, None, _too_large(info.st_size, limit))]
        chunks = [os.read(fd, info.st_size + 1)]  # one call when the size is right
        size = len(chunks[0])
        while size > info.st_size and size <= limit:  # it grew since fstat
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            return None, [Problem(shown, 0, None, _too_large(size, limit))]
        return b"".join(chunks), []
    except OSError as exc:
        return None, [Problem(shown, 0, None, f"无法读取文件（{_reason(exc)}）")]
    finally:
        os.close(fd)


def _too_large(size: int, limit: int) -> str:
    return (f"文件过大（{size / 1048576:.1f} MB），答复文件和名录不能超过 {limit // 1048576} MB；"
            "请检查是否误放了其他文件")


def link_problem(path: Path, base: Path, shown: str) -> Problem | None:
    """Why a symbolic link must not be read: it leads nowhere, or out of `base` (resolved)."""
    target = Path(os.path.realpath(path))
    if not target.exists():
        return Problem(shown, 0, None, f"是符号链接，但指向的文件不存在（{os.readlink(path)}）；"
                                       "请删除或修正这个链接")
    if not target.is_relative_to(base):
        return Problem(shown, 0, None, f"是指向答复文件夹以外（{target.as_posix()}）的符号链接，不会读取；"
                                       "请把文件本身放进答复文件夹")
    return None


def _name_problem(name: str, shown: str) -> Problem | None:
    """A name that looks like a reply file but will not be read."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        return None
    suffix = "." + suffix
    if suffix.lower() not in MARKDOWN_SUFFIXES or suffix == REPLY_SUFFIX:
        return None
    if stem.upper() == "README":
        return None
    if suffix.lower() == REPLY_SUFFIX:
        what = f"扩展名 {suffix} 应为小写 .md"
    else:
        what = f"扩展名 {suffix} 不会被读取，答复文件必须以 .md 结尾"
    return Problem(shown, 0, None, f"{what}，此文件未检查也不会发布；请改名为 {stem}.md")


def discover(replies_dir: Path, root: str) -> tuple[list[Path], list[Problem]]:
    """Every reply file: *.md anywhere below the folder, except README files and hidden/_ names
    (hidden and _ folders are not entered), sorted by path so every run lists them alike; and a
    problem for every entry that looks like a reply but will not be read."""
    base = Path(os.path.realpath(replies_dir))
    found: list[tuple[tuple[str, ...], Path]] = []
    problems: list[Problem] = []
    stack: list[tuple[Path, tuple[str, ...]]] = [(replies_dir, ())]
    while stack:
        folder, parts = stack.pop()
        shown_folder = "/".join((root, *parts))
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:
            problems.append(Problem(shown_folder, 0, None,
                                    f"无法打开文件夹（{_reason(exc)}），其中的答复文件不会被读取"))
            continue
        for entry in entries:
            name = entry.name
            if name.startswith((".", "_")):
                continue
            rel = (*parts, name)
            shown = "/".join((root, *rel))
            path = folder / name
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=False)
                is_file = entry.is_file(follow_symlinks=False)
            except OSError as exc:
                problems.append(Problem(shown, 0, None, f"无法读取（{_reason(exc)}）"))
                continue
            if is_dir:
                if name.lower().endswith(MARKDOWN_SUFFIXES):
                    problems.append(Problem(shown, 0, None, "是文件夹而不是答复文件；文件夹名请不要以 .md 结尾"))
                stack.append((path, rel))
                continue
            named = _name_problem(name, shown)
            if named is not None:
                problems.append(named)
                continue
            if not name.endswith(REPLY_SUFFIX):
                if is_link and os.path.isdir(path):
                    problems.append(Problem(shown, 0, None, "是指向文件夹的符号链接，其中的答复文件不会被读取；"
                                                            "请把文件夹本身放进答复文件夹"))
                continue
            if name.upper() == "README.MD":
                continue
            if is_link:
                problem = link_problem(path, base, shown)
                if problem is None and not os.path.isfile(path):
                    problem = Problem(shown, 0, None, "是符号链接，但指向的不是普通文件，不会读取；请删除或修正这个链接")
                if problem is not None:
                    problems.append(problem)
                    continue
            elif not is_file:
                try:
                    kind = _kind(entry.stat(follow_symlinks=False).st_mode)
                except OSError:
                    kind = "特殊文件"
                problems.append(Problem(shown, 0, None, f"不是普通文件（{kind}），不会读取；请删除或改名"))
                continue
            found.append((rel, path))
    found.sort(key=lambda item: item[0])
    return [path for _, path in found], problems
