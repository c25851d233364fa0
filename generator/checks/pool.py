"""Product files checked on every core: worker processes forked from this one.

Each worker checks a run of files and hands back a :class:`~.checked.Checked` per file, the
run pickled and compressed once (stored one entry a file in the per-file cache, or handed to
it whole for its next pack); the parent keeps the files' order. Workers are used only
where forking is safe and cheap — Linux, no other thread running (``ocop serve`` has some),
enough files to pay for the start — and any failure of the pool means the files are simply
checked here, one after the other, with the same results.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
import zlib
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ..forkpool import keep_inherited
from ..load.document import Document
from .catalogue import Entry
from .checked import Checked
from .result_cache import ResultCache
from .result_pickles import pack_items

#: fewer files than this are checked here: starting workers costs more than it saves
MIN_FILES = 200
#: files a worker checks per task
CHUNK = 100

Check = Callable[[Path, Path, date, bytes | None], tuple[Document, Entry | None]]


@dataclass(frozen=True)
class Job:
    """One product file to check: its place in the catalogue, its bytes when read and the
    cache keys to store its result under."""

    index: int
    path: Path
    raw: bytes | None
    keys: tuple[str, ...]


@dataclass(frozen=True)
class _Run:
    jobs: list[Job]
    root: Path
    today: date
    cache: ResultCache | None
    check: Check
    packing: ResultCache | None = None


_RUN: _Run | None = None  # what the forked workers inherit


def run(jobs: list[Job], root: Path, today: date, cache: ResultCache | None,
        check: Check, packing: ResultCache | None = None) -> list[tuple[Document, Entry | None]]:
    """``check`` of every job, in order; results stored in ``cache`` under their keys, and
    the workers' results handed to ``packing`` as they came (:meth:`~ResultCache.remember_chunk`:
    it then holds every result a worker made; the caller remembers the others)."""
    job_run = _Run(jobs, root, today, cache, check, packing)
    forked = [j for j in jobs if j.raw is not None]
    workers = _workers(len(forked))
    if workers > 1:
        done = _parallel(job_run, forked, workers)
        if done is not None:
            return [done[j.index] if j.index in done else _one(job_run, j) for j in jobs]
    return [_one(job_run, job) for job in jobs]


def _one(job_run: _Run, job: Job) -> tuple[Document, Entry | None]:
    doc, entry = job_run.check(job.path, job_run.root, job_run.today, job.raw)
    _store(job_run.cache, job, Checked.of(doc, entry) if job.keys else None)
    return doc, entry


def _store(cache: ResultCache | None, job: Job, checked: Checked | None) -> None:
    if cache is None or checked is None:
        return
    for key in job.keys:
        cache.put(key, checked, job.keys[-1])  # the last key: by the photos' content


def _workers(files: int) -> int:
    if files < MIN_FILES or threading.active_count() > 1:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, 8, files // CHUNK))


def _parallel(job_run: _Run, jobs: list[Job],
              workers: int) -> dict[int, tuple[Document, Entry | None]] | None:
    """The jobs' results by index, or None when the pool failed (then nothing is lost)."""
    global _RUN
    _RUN = replace(job_run, jobs=jobs)
    positions = list(range(len(jobs)))
    chunks = [positions[i:i + CHUNK] for i in range(0, len(positions), CHUNK)]
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=keep_inherited) as ex:
            blobs = list(ex.map(_work, chunks))
    except Exception:  # a broken pool: check the files here instead
        return None
    finally:
        _RUN = None
    done = {}
    for part, blob in zip(chunks, blobs, strict=True):
        checked: list[Checked] = pickle.loads(zlib.decompress(blob))  # from our own worker
        part_jobs = [jobs[position] for position in part]
        if job_run.packing is not None:
            job_run.packing.remember_chunk([job.keys for job in part_jobs], checked, blob)
        for job, one in zip(part_jobs, checked, strict=True):
            done[job.index] = one.restore(job.raw or b"")
    return done


def _work(positions: list[int]) -> bytes:
    """In a worker: check the files at ``positions`` of the inherited run; their results,
    pickled and compressed (:func:`~.result_pickles.pack_items`)."""
    assert _RUN is not None
    out = []
    for position in positions:
        job = _RUN.jobs[position]
        doc, entry = _RUN.check(job.path, _RUN.root, _RUN.today, job.raw)
        checked = Checked.of(doc, entry)
        _store(_RUN.cache, job, checked)
        out.append(checked)
    return pack_items(out)
