"""Forked jobs (`forking.run_all`): results come back in order, a failure comes back with its
traceback or exit status, and the siblings of a failed job are stopped."""

from __future__ import annotations

import gc
import os
import time

import pytest

from replysite import forking


def test_results_in_order_and_from_other_processes() -> None:
    here = os.getpid()
    results = forking.run_all([lambda i=i: (i, os.getpid()) for i in range(3)])
    assert [i for i, _ in results] == [0, 1, 2]
    assert all(pid != here for _, pid in results) and len({pid for _, pid in results}) == 3
    assert forking.run_all([lambda: os.getpid()]) == [here], "one job runs in this process"
    assert forking._holders == 0 and gc.get_freeze_count() == 0, "the heap is unfrozen afterwards"


def test_a_failing_job_reports_its_traceback_and_its_siblings_are_stopped(tmp_path) -> None:
    pid_file = tmp_path / "pid"

    def fails() -> None:
        while not pid_file.exists():  # the sibling is running
            time.sleep(0.01)
        raise ValueError("第二个任务出错")

    def slow() -> None:
        pid_file.write_text(str(os.getpid()))
        time.sleep(60)

    with pytest.raises(forking.ChildFailed, match="(?s)Traceback.*ValueError: 第二个任务出错"):
        forking.run_all([fails, slow])
    with pytest.raises(ProcessLookupError):  # killed and reaped, not left running
        os.kill(int(pid_file.read_text()), 0)
    assert forking._holders == 0, "the heap is unfrozen once every child is done"


def test_a_job_whose_process_dies_is_reported() -> None:
    with pytest.raises(forking.ChildFailed, match="子进程异常退出"):
        forking.run_all([lambda: os._exit(3), lambda: 1])


def _comm() -> str:
    with open("/proc/self/comm") as f:
        return f.read().strip()


def test_forked_workers_carry_their_name() -> None:
    """`ps` and the build benchmark tell the build's workers apart by name."""
    assert forking.run_all([_comm, _comm], name="rs-test-worker") == ["rs-test-worker"] * 2
    assert _comm() != "rs-test-worker", "the parent keeps its own name"
    names = forking.context().Queue()
    child = forking.Child(lambda: names.put(_comm()), name="rs-a-name-longer-than-15-bytes")
    child.join()
    assert names.get(timeout=10) == "rs-a-name-longe"
