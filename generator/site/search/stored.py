"""Finished search bundles kept in ``.cache/ocop/search/<key>.tar``, reused when nothing changed.

The key is a hash of everything that goes into a bundle: every record's data in page order
(:meth:`SearchRecord.as_data`, the very data the indexed pages are written from), Pagefind's
configuration and version, the tool's version and the source of this package (so a change to
the indexer during development is a new key too). A build whose records are unchanged copies
the bundle back instead of running Pagefind; a changed product, a new tool or Pagefind version
indexes afresh. The newest :data:`KEEP` bundles are kept (another branch of the same checkout
may come back to its own); a tar file is written whole or not at all.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ... import __version__
from ...cache import make_dir, touch, write_atomic

#: Bundles kept in the cache folder, newest first
KEEP = 3


def bundle_key(records: Iterable[Mapping[str, Any]], settings: Mapping[str, Any]) -> str:
    """The cache key of the bundle of ``records`` (in page order) built with ``settings``."""
    digest = hashlib.sha256(json.dumps(
        {"tool": __version__, "pagefind": _pagefind(), "code": _code(), "settings": settings},
        sort_keys=True).encode("utf-8"))
    for data in records:
        digest.update(json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n")
    return digest.hexdigest()[:32]


def restore(folder: Path | None, key: str, bundle: Path) -> bool:
    """Unpack the cached bundle ``key`` into ``bundle`` (which must not exist); False when
    there is none."""
    path = folder / f"{key}.tar" if folder is not None else None
    if path is None or not path.is_file():
        return False
    with tarfile.open(path) as archive:
        archive.extractall(bundle, filter="data")
    touch(path)
    return True


def store(folder: Path | None, key: str, bundle: Path) -> None:
    """Keep ``bundle`` as the cached bundle ``key``, then drop all but the newest :data:`KEEP`."""
    if folder is None:
        return
    make_dir(folder)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for path in sorted(bundle.rglob("*")):
            if path.is_file():
                archive.add(path, path.relative_to(bundle).as_posix(), recursive=False)
    write_atomic(folder / f"{key}.tar", buffer.getvalue())
    older = sorted(folder.glob("*.tar"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
    for path in older:
        path.unlink(missing_ok=True)


@cache
def _pagefind() -> list[str]:
    """Pagefind's versions (its Python package and binary wheel) and a binary named instead."""
    versions = []
    for name in ("pagefind", "pagefind_bin"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} -")
    return [*versions, os.environ.get("PAGEFIND_BINARY_PATH", "")]


@cache
def _code() -> str:
    """A hash of this package's source."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()
