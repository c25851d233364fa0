"""The caches under ``.cache/ocop/`` (site photos, QR codes, photo checks): touched when used,
pruned when stale.

Every entry is a group of files sharing a content-hash prefix (a photo's manifest
``<hash>.json`` and its variants ``<hash>-400.webp``…, a QR code ``<hash>.svg``, a photo's
check result ``<hash>.json``). A build
touches the entry it reuses, so an entry nobody has built with for :data:`MAX_AGE` — a photo
replaced or deleted long ago, a product renamed — is removed after a successful build. The age
guard keeps what other branches of the same checkout still use.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
import time
from datetime import timedelta
from pathlib import Path

#: a catalogue's caches, beside its mkdocs.yml
CACHE_DIR = ".cache/ocop"
MAX_AGE = timedelta(days=30)
_KEY = re.compile(r"[0-9a-f]{8,}")


def make_dir(folder: Path) -> None:
    """Create a cache folder that git ignores on its own (like pytest's cache), so a catalogue
    repository without ``.cache/`` in its .gitignore never shows cache files as changes."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# ocop cache, made by the build: never commit\n*\n", encoding="utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Write a cache file atomically (temporary file, then rename), readable by a web server:
    a build stopped half-way never leaves a half-written entry."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def touch(path: Path) -> None:
    """Mark a cache entry as used now (best effort: a read-only cache still works)."""
    try:
        os.utime(path)
    except OSError:
        pass


def prune(folder: Path, max_age: timedelta = MAX_AGE, now: float | None = None) -> int:
    """Remove the entries of ``folder`` whose newest file is older than ``max_age``; returns
    how many files were removed."""
    if not folder.is_dir():
        return 0
    groups: dict[str, list[tuple[Path, float]]] = {}
    for path in folder.iterdir():
        try:
            if path.name.startswith(".") or not path.is_file():
                continue
            mtime = path.stat().st_mtime
        except OSError:
            continue
        match = _KEY.match(path.name)
        groups.setdefault(match.group() if match else path.name, []).append((path, mtime))
    cutoff = (time.time() if now is None else now) - max_age.total_seconds()
    removed = 0
    for files in groups.values():
        if max(mtime for _, mtime in files) < cutoff:
            for path, _ in files:
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def build_folder(parent: Path) -> Path | None:
    """A new empty folder of ``parent`` for the files one build writes before the site takes
    them (the open data). The folders of earlier builds are deleted by a detached ``rm`` (the
    sites they went into hold their own links or copies; 20,000 files take seconds to
    delete, and nothing waits for it). None when the cache cannot be written: the caller
    keeps the files in memory instead."""
    try:
        make_dir(parent)
        old = [entry.path for entry in os.scandir(parent) if entry.is_dir(follow_symlinks=False)]
        folder = parent / f"{time.time_ns():x}-{os.getpid()}"
        folder.mkdir()
    except OSError:
        return None
    if old:
        try:
            subprocess.run(["sh", "-c", 'rm -rf -- "$@" </dev/null >/dev/null 2>&1 &', "sh",
                            *old], check=False)
        except OSError:  # no shell: here, then
            for path in old:
                shutil.rmtree(path, ignore_errors=True)
    return folder


def is_kept(path: Path) -> bool:
    """A file of a build cache (a photo variant, a QR code, a booklet, an open-data file):
    each is written whole under its name (:func:`write_atomic`) or into a new folder
    (:func:`build_folder`), never changed in place, so the site may hard-link it instead of
    copying it."""
    parts, (top, name) = path.parts, CACHE_DIR.split("/")
    return any(parts[i] == top and parts[i + 1] == name for i in range(len(parts) - 1))
