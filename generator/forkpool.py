"""Run one function over many items on the machine's cores: photos to encode, booklets to print.

Worker processes are forked (no re-import of the calling script, so this works under
``ocop build``, ``mkdocs build`` and pytest alike), and only while this process has no other
thread: a forked copy of a threaded process may deadlock, so then the items are done one by one
in this process. Either way the results come back in the items' order, so the outcome does not
depend on how many workers there were.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def cores() -> int:
    """The cores this process may use (its CPU affinity, else the machine's)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def forked_map(function: Callable[[Item], Result], items: Sequence[Item], workers: int,
               chunksize: int = 1) -> Iterator[Result]:
    """``function(item)`` for each item, in order, computed in up to ``workers`` forked
    processes; each result is handed over as soon as it and those before it are done (a
    caller storing PDFs one by one never holds them all). ``chunksize`` items go to a worker
    at a time (many quick items: fewer round trips)."""
    if workers < 2 or len(items) < 2 or not can_fork():
        yield from (function(item) for item in items)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(workers, len(items)), mp_context=context,
                             initializer=keep_inherited) as pool:
        yield from pool.map(function, items, chunksize=chunksize)


def keep_inherited() -> None:
    """In a forked worker: what it inherited is out of the cycle collector's sight
    (:func:`gc.freeze`), so the collector's passes do not write to every inherited object and
    copy the parent's memory page by page; what the worker makes is collected as usual."""
    gc.freeze()


class Background(Generic[Result]):
    """``function(*args)`` computed in one forked process while this one goes on; read it with
    :meth:`result`. The worker is a plain :func:`os.fork` with a pipe: no pool, so no thread
    is left here that would stop a later :func:`forked_map` from forking. Where it cannot
    fork (one core, another thread, no ``fork``), or when the worker dies or its result
    cannot be read, the call is made here instead: the result is the same either way."""

    def __init__(self, function: Callable[..., Result], *args: Any) -> None:
        self._call: tuple[Callable[..., Result], tuple[Any, ...]] = (function, args)
        self._pid, self._pipe = 0, -1
        if cores() < 2 or not can_fork():
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: compute, hand the result over, leave without cleaning up
            os.close(read)
            keep_inherited()
            status = 1
            try:
                data = memoryview(pickle.dumps(function(*args), pickle.HIGHEST_PROTOCOL))
                while data:
                    data = data[os.write(write, data):]
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self._pid, self._pipe = pid, read

    def result(self) -> Result:
        function, args = self._call
        if not self._pid:
            return function(*args)
        chunks = []
        try:
            while chunk := os.read(self._pipe, 1 << 20):
                chunks.append(chunk)
        finally:
            os.close(self._pipe)
            _, status = os.waitpid(self._pid, 0)
            self._pid = 0
        if status == 0:
            with contextlib.suppress(Exception):
                value: Result = pickle.loads(b"".join(chunks))
                return value
        return function(*args)  # the worker failed: the same call, here

    def close(self) -> None:
        """Stop a worker whose result is no longer wanted (the caller failed on its way)."""
        if self._pid:
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.close(self._pipe)
                os.waitpid(self._pid, 0)
            self._pid = 0


class ChildDied(Exception):
    """The process :func:`in_child` forked ended without handing its result over."""


def in_child(function: Callable[..., Result], *args: Any) -> Result:
    """``function(*args)`` in a forked process that exits once it is done, so the memory it
    took goes back to the machine before this process goes on (a build's plan, before its
    search index is made); its result comes back pickled, and an exception it raises is
    raised here, its traceback added as a note. Where this process cannot fork (another
    thread, no ``fork``), the call is made here. Output is flushed on both sides of the fork,
    so nothing printed is lost or printed twice."""
    if not can_fork():
        return function(*args)
    read, write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        _hand_over(write, function, args)
    os.close(write)
    chunks = []
    try:
        while chunk := os.read(read, 1 << 20):
            chunks.append(chunk)
        _, status = os.waitpid(pid, 0)
        pid = 0
    finally:
        os.close(read)
        if pid:  # interrupted while waiting: the worker goes too
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
    if status != 0 or not chunks:
        raise ChildDied(f"the forked process ended with status {status}")
    done, value = pickle.loads(b"".join(chunks))
    if done:
        return value
    raise value


def _hand_over(write: int, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """In the forked process: compute, write the pickled outcome, exit without cleaning up."""
    status = 1
    try:
        try:
            outcome: tuple[bool, Any] = (True, function(*args))
        except BaseException as error:  # every failure is the caller's to see
            error.add_note("".join(traceback.format_exception(error)).rstrip())
            outcome = (False, error)
        try:
            data = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
        except Exception:  # a result or an error that cannot be pickled
            data = pickle.dumps((False, ChildDied(f"unpicklable outcome: {outcome[1]!r}")))
        view = memoryview(data)
        while view:
            view = view[os.write(write, view):]
        status = 0
    finally:
        with contextlib.suppress(BaseException):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(status)
