"""Finished search bundles kept in ``.cache/ocop/search/<key>.tar``, reused when nothing changed.

The key is a hash of everything that goes into a bundle: every record's data in page order
(:meth:`SearchRecord.as_data`, the very data the indexed pages are written from), Pagefind's
configuration and version, the tool's version and the source of this package (so a change to
the indexer during development is a new key too). A build whose records are unchanged copies
the bundle back instead of running Pagefind; a changed product, a new tool or Pagefind version
indexes afresh. The newest :data:`KEEP` bundles are kept (another branch of the same checkout
may come back to its own); a tar file is written whole or not at all.

Beside each ``<key>.tar`` lies ``<key>.idx``: where each file's bytes sit in the tar, and the
tar's hash. With it a bundle is unpacked by slicing (at 20,000 products ``tarfile`` spent 13 s
reading 20,000 headers and writing through its file objects); without it, or when it does not
match its tar, the tar is unpacked by ``tarfile`` as before.
"""

from __future__ import annotations

import contextlib
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
    data, index = path.read_bytes(), path.with_suffix(INDEX)
    members = _members(index, data)
    if members is None:  # a tar kept by an older version, or its index lost: index it now
        with contextlib.suppress(OSError):
            write_atomic(index, _index(data))
        members = _members(index, data)
    if members is None:
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            archive.extractall(bundle, filter="data")
    else:
        _unpack(data, members, bundle)
    touch(path)
    return True


#: the file beside a bundle's tar that says where each file's bytes are in it
INDEX = ".idx"
_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _index(data: bytes) -> bytes:
    """The index of the tar ``data``, read from its headers (a tar kept without one)."""
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        files = [[m.name, m.offset_data, m.size] for m in archive.getmembers() if m.isfile()]
    return _index_of(data, files)


def _index_of(data: bytes, files: list[list[Any]]) -> bytes:
    """The index of the tar ``data``: its hash and each regular file's name, offset and size."""
    return json.dumps({"sha256": hashlib.sha256(data).hexdigest(), "files": files}).encode()


def _members(path: Path, data: bytes) -> list[tuple[str, int, int]] | None:
    """The files listed by the index at ``path``, when it is the index of ``data`` and every
    name stays inside the bundle; None otherwise (the caller unpacks with ``tarfile``)."""
    try:
        index = json.loads(path.read_bytes())
        if index["sha256"] != hashlib.sha256(data).hexdigest():
            return None
        members = [(str(name), int(start), int(size)) for name, start, size in index["files"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for name, start, size in members:
        parts = name.split("/")
        if (not name or name.startswith("/") or "\\" in name or "\0" in name
                or any(part in ("", ".", "..") for part in parts)
                or start < 0 or size < 0 or start + size > len(data)):
            return None
    return members


def _unpack(data: bytes, members: list[tuple[str, int, int]], bundle: Path) -> None:
    """Write each member's bytes (a slice of ``data``) under ``bundle``: one system call to
    create, one or more to write, one to close; no file objects."""
    view, root = memoryview(data), str(bundle)
    made: set[str] = set()
    for name, start, size in members:
        folder = os.path.join(root, os.path.dirname(name))
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        handle = os.open(os.path.join(root, name), _NEW, 0o644)
        try:
            done, end = start, start + size
            while done < end:
                done += os.write(handle, view[done:end])
        finally:
            os.close(handle)


def store(folder: Path | None, key: str, bundle: Path) -> None:
    """Keep ``bundle`` as the cached bundle ``key``, then drop all but the newest :data:`KEEP`."""
    if folder is None:
        return
    make_dir(folder)
    buffer, files = io.BytesIO(), []
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for path in sorted(bundle.rglob("*")):
            if path.is_file():
                name, size = path.relative_to(bundle).as_posix(), path.stat().st_size
                archive.add(path, name, recursive=False)
                # the data ends the member, padded to whole blocks: where it starts is known
                # here, and the tar need not be read again for its index
                blocks = -(-size // tarfile.BLOCKSIZE) * tarfile.BLOCKSIZE
                files.append([name, archive.offset - blocks, size])
    data = buffer.getvalue()
    write_atomic(folder / f"{key}.tar", data)
    write_atomic(folder / f"{key}{INDEX}", _index_of(data, files))
    older = sorted(folder.glob("*.tar"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
    for path in older:
        path.unlink(missing_ok=True)
        path.with_suffix(INDEX).unlink(missing_ok=True)


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
