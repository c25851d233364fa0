"""Run one command in a fresh child process and measure it: wall time, CPU time and memory.

What is measured, and how:

- ``wall``: ``time.monotonic()`` around the child, from start to exit.
- ``cpu``: user + system seconds of the child and every descendant it waited for, from the
  ``rusage`` that ``os.wait4`` returns (Linux adds reaped grandchildren, e.g. worker processes).
- ``max_rss``: the largest resident set of any ONE process in the tree, from the same rusage
  (Linux reports the maximum over the child and its reaped descendants, never a sum).
- ``tree_peak``: the largest SUM of resident sets of the child and all its live descendants,
  sampled from ``/proc`` every :data:`SAMPLE_EVERY` seconds. Pages shared between a parent and
  its forked workers are counted in each, so this over-counts slightly; a peak shorter than a
  sample interval can be missed.
- ``tree_pss``: the largest sampled SUM of proportional set sizes (``Pss`` of
  ``/proc/PID/smaps_rollup``) over the same tree: a page shared by n processes counts 1/n in
  each, so the sum is the memory the build really takes from the machine (what ``smem``
  reports), sampled every :data:`SAMPLE_PSS_EVERY` seconds only: the kernel walks a
  process's page tables to answer, which for a 3 GB process is not free. This is the figure
  compared with the memory target.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

SAMPLE_EVERY = 0.1
SAMPLE_PSS_EVERY = 1.0
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Measurement:
    wall: float  # seconds
    cpu: float  # seconds, user + system, descendants included
    max_rss: int  # bytes, largest single process
    tree_peak: int  # bytes, largest sampled sum over the process tree
    returncode: int
    log: str = ""  # where the child's output went
    tree_pss: int = 0  # bytes, largest sampled sum of proportional set sizes over the tree

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def children_of() -> dict[int, list[int]]:
    """Every live process's children, read from ``/proc/*/stat``."""
    out: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        out.setdefault(ppid, []).append(int(entry.name))
    return out


def rss(pid: int) -> int:
    """Resident bytes of one process (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def pss(pid: int) -> int:
    """Proportional resident bytes of one process (0 once it is gone or unreadable)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def tree(root: int) -> list[int]:
    """``root`` and all its live descendants."""
    children = children_of()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its live descendants."""
    return sum(rss(pid) for pid in tree(root))


class Sampler(threading.Thread):
    """Polls the tree's resident size until stopped; keeps the peak."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.pss_peak = pid, 0, 0
        self.done = threading.Event()

    def run(self) -> None:
        every = max(1, round(SAMPLE_PSS_EVERY / SAMPLE_EVERY))
        count = 0
        while not self.done.is_set():
            pids = tree(self.pid)
            self.peak = max(self.peak, sum(rss(pid) for pid in pids))
            if count % every == 0:
                self.pss_peak = max(self.pss_peak, sum(pss(pid) for pid in pids))
            count += 1
            self.done.wait(SAMPLE_EVERY)


def run(cmd: Sequence[str], *, cwd: Path, log: Path, env: dict[str, str] | None = None) -> Measurement:
    """Run ``cmd`` (output to ``log``) and measure it; never raises for a failing command."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        start = time.monotonic()
        proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        sampler = Sampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        sampler.done.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Measurement(wall=wall, cpu=usage.ru_utime + usage.ru_stime,
                       max_rss=usage.ru_maxrss * 1024, tree_peak=sampler.peak,
                       returncode=proc.returncode, log=str(log), tree_pss=sampler.pss_peak)

