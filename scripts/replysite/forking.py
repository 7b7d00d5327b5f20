"""Forked child processes: the one way the build uses other cores.

Fork hands a child everything the parent holds (the archive, MkDocs' pages) without pickling.
Python's cyclic garbage collector would then touch every object and copy the pages holding them;
`gc.freeze()` moves what exists at the fork out of its reach. The freeze is counted here: it is
lifted only when the last child started through this module is done, so one part of the build
finishing never unfreezes the heap under another part's child.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import multiprocessing.context
import os
import pickle
import signal
import traceback
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Callable, Iterator

_holders = 0
_PR_SET_PDEATHSIG = 1
_PR_SET_NAME = 15


def _prctl(option: int, value: Any) -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(option, value)
    except (AttributeError, OSError):  # not Linux: nothing to do
        pass


def set_name(name: str) -> None:
    """Name this process as `ps`, `top` and the build benchmark show it (Linux: at most 15 bytes)."""
    _prctl(_PR_SET_NAME, ctypes.c_char_p(name.encode()[:15]))


def _named(name: str | None, target: Callable[..., Any]) -> Callable[..., Any]:
    if name is None:
        return target

    def run(*args: Any) -> Any:
        set_name(name)
        return target(*args)
    return run


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

    def __init__(self, target: Callable[..., Any], *args: Any, name: str | None = None) -> None:
        _freeze()
        self._done = False
        self.process = context().Process(target=_named(name, target), args=args, daemon=True)
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


class ChildFailed(Exception):
    """A forked job raised (the text is its traceback) or its process died."""


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (elsewhere: nothing)."""
    _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


class Forked:
    """`job()` run in a process forked with `os.fork` (so that a daemonic child, which
    `multiprocessing` forbids to have children, can share out its own work); `result()` waits
    for it and returns what `job()` returned (pickled through a pipe) or raises ChildFailed.
    The process is killed if its parent dies first."""

    def __init__(self, job: Callable[[], Any], name: str | None = None) -> None:
        _freeze()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            code = 1
            try:
                os.close(read)
                _die_with_parent()
                if name is not None:
                    set_name(name)
                try:
                    payload, code = (True, job()), 0
                except BaseException:
                    payload = (False, traceback.format_exc())
                with os.fdopen(write, "wb") as pipe:
                    pickle.dump(payload, pipe, protocol=pickle.HIGHEST_PROTOCOL)
            finally:
                os._exit(code)
        os.close(write)
        self.pid: int | None = pid
        self._read = read
        self._released = False

    def result(self) -> Any:
        try:
            with os.fdopen(self._read, "rb") as pipe:
                data = pipe.read()  # before waiting: a full pipe would block the child
            status = self._wait()
        finally:
            self._release()
        if not data:
            raise ChildFailed(f"子进程异常退出（状态 {status}）")
        ok, value = pickle.loads(data)
        if not ok:
            raise ChildFailed(value)
        return value

    def stop(self) -> None:
        """Kill the process if it still runs (after a sibling failed)."""
        if self.pid is not None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._wait()
            os.close(self._read)
        self._release()

    def _release(self) -> None:
        if not self._released:
            self._released = True
            _unfreeze()

    def _wait(self) -> int:
        pid, self.pid = self.pid, None
        return os.waitpid(pid, 0)[1] if pid is not None else 0


def run_all(jobs: list[Callable[[], Any]], name: str | None = None) -> list[Any]:
    """Every job's result, in order: one job runs here, several each in a forked process
    (named `name`)."""
    if len(jobs) == 1:
        return [jobs[0]()]
    running = [Forked(job, name) for job in jobs]
    results = []
    try:
        for child in running:
            results.append(child.result())
    finally:
        for child in running:
            child.stop()
    return results


@contextmanager
def process_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of forked workers (for work split into chunks), the heap frozen while it lives."""
    _freeze()
    try:
        with ProcessPoolExecutor(workers, mp_context=context()) as pool:
            yield pool
    finally:
        _unfreeze()
