"""One call on the other core (generator/forkpool.py ``Background``): the same result as the
call made here, from another process when it can fork, and made here when the worker fails."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from generator import forkpool
from generator.forkpool import Background


def _pid_and_text(text: str) -> tuple[int, str]:
    return os.getpid(), text * 3


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork as on a 2-core runner, whatever this machine has and whatever thread an earlier
    test left idle (the worker only computes and leaves)."""
    if not hasattr(os, "fork"):
        pytest.skip("no fork on this system: the call is always made in this process")
    monkeypatch.setattr(forkpool, "cores", lambda: 2)
    monkeypatch.setattr(forkpool, "can_fork", lambda: True)


@pytest.mark.usefixtures("two_cores")
def test_the_call_runs_in_another_process_and_gives_its_result() -> None:
    pid, text = Background(_pid_and_text, "Nước mắm ").result()
    assert pid != os.getpid() and text == "Nước mắm " * 3


def test_a_large_result_crosses_the_pipe_whole() -> None:
    big = "Bánh tráng Đại Lộc " * 200_000  # ≈ 4 MB, many times a pipe's buffer
    assert Background(str.upper, big).result() == big.upper()


def _dies(path: str) -> str:
    if os.getpid() != int(Path(path).read_text(encoding="utf-8")):
        os._exit(3)  # a worker that dies (killed, out of memory) gives no result …
    return "made here"


@pytest.mark.usefixtures("two_cores")
def test_a_worker_that_dies_leaves_the_call_to_this_process(tmp_path: Path) -> None:
    me = tmp_path / "pid"
    me.write_text(str(os.getpid()), encoding="utf-8")
    assert Background(_dies, str(me)).result() == "made here"  # … so it is made here


def _fails() -> str:
    raise ValueError("a fault in the called function")


def test_an_error_of_the_function_is_raised_here() -> None:
    with pytest.raises(ValueError, match="a fault in the called function"):
        Background(_fails).result()


def test_with_another_thread_running_nothing_is_forked() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        pid, _ = Background(_pid_and_text, "x").result()
    finally:
        stop.set()
        other.join()
    assert pid == os.getpid()


@pytest.mark.usefixtures("two_cores")
def test_a_worker_no_longer_wanted_is_stopped_and_reaped() -> None:
    job = Background(threading.Event().wait, 60)
    pid = job._pid
    assert pid
    job.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
