"""Check every product file on its own: from the per-file cache when its inputs are unchanged,
else on every core, in the order of the files.

:func:`check_document` is the one per-file check (load → schema → semantic checks → model);
:func:`check_files` runs it over a catalogue. A file whose key (:mod:`.result_cache`) has an
entry is not checked again; the others are checked in worker processes when there are enough
of them and the platform forks (Linux), else here. Either way each file gives the same
findings, in the same order, as checking it here would.
"""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

from ..findings import display_path
from ..load.document import Document
from ..load.product import load_product
from ..load.text import MAX_BYTES
from ..model.build import build_product
from . import pool
from .catalogue import Entry
from .checked import Checked
from .contact import check_contact
from .fields import check_fields
from .follow_up import check_follow_up, check_follow_up_dates
from .language import check_language
from .origin import check_origin
from .photos import check_photos
from .prose import check_prose
from .recognitions import check_recognitions
from .result_cache import ResultCache
from .schema import check_schema

Checks = list[tuple[Document, Entry | None]]


def check_document(path: Path, root: Path, today: date,
                   source: bytes | None = None) -> tuple[Document, Entry | None]:
    """Load and check one product file (``source``: its bytes, already read); the entry is
    None when it has errors."""
    doc = load_product(path if source is None else source, display_path(path, root))
    if doc.data is None:
        return doc, None
    doc.findings += check_schema(doc)
    if any(f.is_error for f in doc.findings):
        return doc, None
    doc.findings += check_recognitions(doc, today)
    doc.findings += check_fields(doc, today)
    doc.findings += check_language(doc)
    doc.findings += check_prose(doc)
    doc.findings += check_contact(doc)
    doc.findings += check_photos(doc, path.parent, root)
    current, origin_findings = check_origin(doc)
    doc.findings += origin_findings
    doc.findings += check_follow_up_dates(doc)
    if any(f.is_error for f in doc.findings):
        return doc, None
    product = build_product(doc.data, doc.file, path.parent, current)
    doc.findings += check_follow_up(doc, product, today)
    if any(f.is_error for f in doc.findings):
        return doc, None
    return doc, Entry(doc, product)


def check_files(paths: list[Path], root: Path, today: date,
                cache: ResultCache | None) -> Checks:
    """:func:`check_document` of each path, in order; cached results reused and stored."""
    results: list[tuple[Document, Entry | None] | None] = [None] * len(paths)
    todo: list[pool.Job] = []
    for index, path in enumerate(paths):
        raw = _regular_bytes(path)
        hit, keys = cache.lookup(path, raw) if cache and raw is not None else (None, ())
        if hit is not None and raw is not None:
            results[index] = hit.restore(raw)
        else:
            todo.append(pool.Job(index, path, raw, keys))
    packing = cache if cache is not None and cache.will_pack(len(todo), len(paths)) else None
    loose = cache if packing is None else None
    made = pool.run(todo, root, today, loose, check_document, packing)
    for job, done in zip(todo, made, strict=True):
        results[job.index] = done
        if cache is not None and job.keys and not cache.chunked.issuperset(job.keys):
            cache.remember(job.keys, Checked.of(*done))
    if cache is not None:
        cache.save_pack()
    return [r for r in results if r is not None]


def _regular_bytes(path: Path) -> bytes | None:
    """The bytes of a regular product file within the size limit (others are read, and
    reported, by the loader itself and never cached)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError:
        return None
    return raw if len(raw) <= MAX_BYTES else None
