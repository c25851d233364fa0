"""Is the published site already the build of these inputs? Then a rebuild has nothing to do.

``ocop build`` run twice with nothing changed used to redo everything (62 s at 5,000
products). The inputs of a build are files (the settings, products/ with their photos,
events/, docs/, the theme overrides, the schemas and tables, the tool's own code), the day
validity is computed for, and the versions of what renders the site. :func:`inputs_key`
hashes them all by content; :func:`site_signature` is what the last build left in the site
folder (every file's path, size and modification time). A build records both in
``.cache/ocop/builds/`` (:func:`remember`) once it has fully succeeded; the next one with the
same key and an untouched site folder stops before validating (:func:`up_to_date`).

Photos are many and large: their content hash is kept by (size, mtime, inode) in
``.cache/ocop/builds/hashes.json``, so only a photo whose file changed is read again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from ..cache import make_dir, write_atomic

#: files read whole for their hash; bigger ones (photos, PDFs) are hashed once per change
SMALL = 16 * 1024
FORMAT = 2


def _entries(folder: str) -> Iterator[os.DirEntry[str]]:
    """Every file under ``folder`` (links followed), in a fixed order: plain strings and
    ``os.scandir``, because a site of 20,000 products is 60,000 folders."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir():
            if entry.name not in {".git", ".cache", "__pycache__"}:
                yield from _entries(entry.path)
        elif entry.is_file():
            yield entry


class Hasher:
    """Content hashes of files, the large ones remembered by their stat (see module doc)."""

    def __init__(self, memo: Path) -> None:
        self.memo = memo
        try:
            self.known: dict[str, list[object]] = json.loads(memo.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}
        self.seen: dict[str, list[object]] = {}

    def file(self, path: str, info: os.stat_result) -> str:
        if info.st_size <= SMALL:
            with open(path, "rb") as handle:
                return hashlib.sha256(handle.read()).hexdigest()
        stamp: list[object] = [info.st_size, info.st_mtime_ns, info.st_ino]
        known = self.known.get(path)
        if known and known[:3] == stamp:
            digest = str(known[3])
        else:
            with open(path, "rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        self.seen[path] = [*stamp, digest]
        return digest

    def save(self) -> None:
        make_dir(self.memo.parent)
        write_atomic(self.memo, json.dumps(self.seen, sort_keys=True).encode("utf-8"))


def inputs_key(folders: Iterable[Path], files: Iterable[Path], facts: Mapping[str, str],
               hasher: Hasher) -> str:
    """One hash of every file under ``folders``, the ``files``, and ``facts`` (the day,
    versions: anything else the output depends on)."""
    digest = hashlib.sha256(json.dumps([FORMAT, sorted(facts.items())]).encode("utf-8"))
    found = [(entry.path, entry.stat()) for folder in folders for entry in _entries(str(folder))]
    found += [(str(f), f.stat()) for f in files if f.is_file()]
    for path, info in found:
        digest.update(f"{path}\0{hasher.file(path, info)}\n".encode())
    return digest.hexdigest()


def site_signature(site: Path) -> str | None:
    """What a build left in ``site``: every file's path, size and modification time."""
    if not site.is_dir():
        return None
    digest = hashlib.sha256()
    for entry in _entries(str(site)):
        info = entry.stat()
        digest.update(f"{entry.path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _record(records: Path, site: Path) -> Path:
    return records / (hashlib.sha256(str(site.resolve()).encode()).hexdigest()[:24] + ".json")


def up_to_date(records: Path, site: Path, key: str) -> bool:
    """True when the last build into ``site`` had these inputs and the folder is as it left
    it."""
    try:
        record = json.loads(_record(records, site).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return record.get("key") == key and record.get("site") == site_signature(site)


def remember(records: Path, site: Path, key: str) -> None:
    make_dir(records)
    record = {"key": key, "site": site_signature(site), "path": str(site.resolve())}
    write_atomic(_record(records, site), json.dumps(record).encode("utf-8"))


def forget(records: Path, site: Path) -> None:
    _record(records, site).unlink(missing_ok=True)
