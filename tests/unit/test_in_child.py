"""A call in a process of its own (generator/forkpool.py ``in_child``): what ``ocop build``
makes its pages in, so the plan's memory is given back before the search index is made. The
result and the errors are those of the call made here; a dead child is an error, never a
silent second run."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from generator import forkpool
from generator.forkpool import ChildDied, in_child


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(os, "fork"):
        pytest.skip("no fork on this system: the call is always made in this process")
    monkeypatch.setattr(forkpool, "can_fork", lambda: True)


def _pid_and_text(text: str) -> tuple[int, str]:
    return os.getpid(), text * 3


@pytest.mark.usefixtures("forks")
def test_the_call_runs_in_another_process_and_gives_its_result() -> None:
    pid, text = in_child(_pid_and_text, "Chè Trà My ")
    assert pid != os.getpid() and text == "Chè Trà My " * 3


GROW = """
import resource, sys
from generator.forkpool import in_child

def grow(megabytes):
    held = bytearray(megabytes << 20)  # written: resident in the child
    return len(held) >> 20

before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
assert in_child(grow, 300) == 300
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before,
      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def test_what_the_child_allocates_never_reaches_this_process() -> None:
    """In a fresh interpreter, whose peak is only its own: 300 MB in the child, none here."""
    if not hasattr(os, "fork"):
        pytest.skip("no fork on this system")
    done = subprocess.run([sys.executable, "-c", GROW], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).parents[2])
    here, child = (int(word) for word in done.stdout.split())  # kB
    assert here < 50 * 1024 and child >= 300 * 1024


def _fails(word: str) -> str:
    raise ValueError(f"a fault in the called function: {word}")


@pytest.mark.usefixtures("forks")
def test_an_error_is_raised_here_with_the_childs_traceback_as_a_note() -> None:
    with pytest.raises(ValueError, match="a fault in the called function: Hội An") as caught:
        in_child(_fails, "Hội An")
    notes = "\n".join(getattr(caught.value, "__notes__", []))
    assert "Traceback" in notes and "_fails" in notes


def _dies(path: str) -> str:
    Path(path).write_text(str(os.getpid()), encoding="utf-8")
    os._exit(3)  # killed, out of memory: no result


@pytest.mark.usefixtures("forks")
def test_a_child_that_dies_is_an_error_and_the_call_is_not_made_again(tmp_path: Path) -> None:
    seen = tmp_path / "pid"
    with pytest.raises(ChildDied, match="status"):
        in_child(_dies, str(seen))
    assert int(seen.read_text(encoding="utf-8")) != os.getpid()  # only the child ran it


def _unpicklable() -> object:
    return lambda: None


@pytest.mark.usefixtures("forks")
def test_a_result_that_cannot_cross_is_an_error_that_says_so() -> None:
    with pytest.raises(ChildDied, match="unpicklable"):
        in_child(_unpicklable)


def test_without_fork_the_call_is_made_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forkpool, "can_fork", lambda: False)
    pid, text = in_child(_pid_and_text, "Mì Quảng ")
    assert pid == os.getpid() and text == "Mì Quảng " * 3


@pytest.mark.usefixtures("forks")
def test_what_the_child_prints_is_printed_once(capfd: pytest.CaptureFixture[str]) -> None:
    print("trước / before", end="|")  # buffered here: flushed before the fork, not copied
    in_child(partial(print, end="|"), "trong / inside")
    assert capfd.readouterr().out == "trước / before|trong / inside|"
