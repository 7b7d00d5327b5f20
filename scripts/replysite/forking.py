"""Forked child processes: the one way the build uses other cores.

Fork hands a child everything the parent holds (the archive, MkDocs' pages) without pickling.
Python's cyclic garbage collector would then touch every object and copy the pages holding them;
`gc.freeze()` moves what exists at the fork out of its reach. The freeze is counted here: it is
lifted only when the last child started through this module is done, so one part of the build
finishing never unfreezes the heap under another part's child.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.context
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Callable, Iterator

_holders = 0


def _freeze() -> None:
    global _holders
    if _holders == 0:
        gc.freeze()
    _holders += 1


def _unfreeze() -> None:
    global _holders
    _holders -= 1
    if _holders == 0:
        gc.unfreeze()


def context() -> multiprocessing.context.ForkContext:
    """The fork context, for the pipes and semaphores a child shares with its parent."""
    return multiprocessing.get_context("fork")


class Child:
    """One forked process running `target(*args)`, with the heap frozen until it is joined."""

    def __init__(self, target: Callable[..., Any], *args: Any) -> None:
        _freeze()
        self._done = False
        self.process = context().Process(target=target, args=args, daemon=True)
        self.process.start()

    def is_alive(self) -> bool:
        return self.process.is_alive()

    @property
    def exitcode(self) -> int | None:
        return self.process.exitcode

    def join(self) -> None:
        self.process.join()
        self._release()

    def stop(self) -> None:
        """Terminate the child if it still runs, and wait for it."""
        if self.process.is_alive():
            self.process.terminate()
        self.join()

    def _release(self) -> None:
        if not self._done:
            self._done = True
            _unfreeze()


@contextmanager
def process_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of forked workers (for work split into chunks), the heap frozen while it lives."""
    _freeze()
    try:
        with ProcessPoolExecutor(workers, mp_context=context()) as pool:
            yield pool
    finally:
        _unfreeze()
