"""Publishing a built site without a moment of no `site/`, and clearing what a killed build left.

A build writes into a temporary folder beside `site/` (`.site-building-…`), its background jobs
and render workers into `.replysite-outputs-…` / `.replysite-render-…` there too. When the build
has succeeded, the new folder takes the place of `site/` in one step: Linux swaps the two
folders atomically (`renameat2` with `RENAME_EXCHANGE`), so a web server reading `site/` sees the
old site or the new one, never none; the old one is then removed. Where the system has no such
call, the old folder is renamed aside first (a moment without `site/`).

One build at a time per folder (an exclusive lock on the folder itself); under the lock,
whatever a killed build left behind is removed before the next one starts.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
from pathlib import Path
from typing import Iterator

BUILDING = ".site-building-"
OLD = ".site-old-"
LEFTOVER_PREFIXES = (BUILDING, OLD, ".replysite-outputs-", ".replysite-render-")
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@contextlib.contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's build lock; a second build waits for the first to finish."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: no lock
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def remove_leftovers(folder: Path) -> list[str]:
    """Remove what killed builds left in `folder` (call with the build lock held)."""
    removed = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(LEFTOVER_PREFIXES):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path.name)
    return removed


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step; False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def publish(built: Path, target: Path) -> None:
    """Put the folder `built` in the place of `target`."""
    if not target.exists() and not target.is_symlink():
        built.rename(target)
        return
    if _exchange(built, target):
        shutil.rmtree(built, ignore_errors=True)  # now the old site
        return
    old = target.with_name(OLD + built.name[len(BUILDING):])
    target.rename(old)
    built.rename(target)
    shutil.rmtree(old, ignore_errors=True)
