"""Is the published site already the build of these inputs? Then a rebuild has nothing to do.

``ocop build`` run twice with nothing changed used to redo everything (62 s at 5,000
products). The inputs of a build are files (the settings, products/ with their photos,
events/, docs/, the theme overrides, the schemas and tables, the tool's own code), the day
validity is computed for, and the versions of what renders the site (:func:`facts`).
:func:`inputs_key` hashes them all by content; :func:`site_signature` is what the last build
left in the site folder (every file's path, size and modification time). A build records both
in ``.cache/ocop/builds/`` (:func:`remember`) once it has fully succeeded, with the folders and
files it hashed; the next one with the same key and an untouched site folder stops before
validating (:func:`up_to_date`), and ``ocop build`` asks that before it imports the engine
(:func:`last_build_still_current`, through :mod:`generator.site.noop`).

A file's content hash is kept by its stat (size, modification and change time, inode) in
``.cache/ocop/builds/hashes.json``, so only a file that changed is read again: a catalogue of
20,000 products is 40,000 files. As in Git's index, a file changed less than :data:`RACY_NS`
before it was hashed is not remembered (a second write within the file system's clock tick
would keep its stat), so it is read again next time.

Even so, listing 60,000 folders takes seconds; the walks that hash the inputs and sign the
site also take a stat snapshot of every folder and file (:mod:`generator.site.snapshot`),
kept beside the record, and the quick check asks it first: one ``stat`` each, no listing.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from importlib import metadata
from pathlib import Path

import generator as package

from ..cache import make_dir, write_atomic
from . import snapshot
from .snapshot import RACY_NS, Snapshot

FORMAT = 3
#: what renders the site besides our own code: a new version of any is a new build
ENGINE_PACKAGES = ("mkdocs", "mkdocs-material", "pagefind", "jinja2", "markdown", "pillow",
                   "segno", "weasyprint", "pydyf", "fonttools", "pyyaml", "jsonschema",
                   "vietnam-provinces", "icalendar", "python-stdnum")
#: environment variables the output depends on
ENVIRONMENT = ("PAGEFIND_BINARY_PATH",)
#: the tool's own code (generator/): where it is installed is part of what a build read
PACKAGE = Path(package.__file__).resolve().parent
SKIPPED = frozenset({".git", ".cache", "__pycache__"})


def files_under(folder: str, seen: Snapshot | None = None) -> list[tuple[str, os.stat_result]]:
    """Every file under ``folder`` (links followed) with its stat, in a fixed order; plain
    strings and ``os.scandir``, because a site of 20,000 products is 40,000 folders. ``seen``
    records every folder's and file's stat on the way (:mod:`generator.site.snapshot`)."""
    found: list[tuple[str, os.stat_result]] = []
    stack = [folder]
    while stack:
        path = stack.pop()
        names = seen.folder(path) if seen is not None else None
        try:
            with os.scandir(path) as listing:
                entries = sorted(listing, key=lambda entry: entry.name, reverse=True)
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir():
                if entry.name not in SKIPPED:
                    stack.append(entry.path)
            elif entry.is_file():
                info = entry.stat()
                found.append((entry.path, info))
                if seen is not None and names is not None:
                    seen.file_in(names, entry.name, info)
            elif seen is not None:
                seen.odd = True
    found.sort()
    return found


class Hasher:
    """Content hashes of files, remembered by their stat (see module doc)."""

    def __init__(self, memo: Path) -> None:
        self.memo = memo
        try:
            self.known: dict[str, list[object]] = json.loads(memo.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}
        self.seen: dict[str, list[object]] = {}
        self.read = 0
        self.now = time.time_ns()

    def file(self, path: str, info: os.stat_result) -> str:
        stamp: list[object] = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]
        known = self.known.get(path)
        if known and known[:4] == stamp:
            digest = str(known[4])
        else:
            self.read += 1
            with open(path, "rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        if self.now - max(info.st_mtime_ns, info.st_ctime_ns) >= RACY_NS:
            self.seen[path] = [*stamp, digest]
        return digest

    def save(self) -> None:
        make_dir(self.memo.parent)
        write_atomic(self.memo, json.dumps(self.seen, sort_keys=True).encode("utf-8"))


@dataclass(frozen=True)
class Inputs:
    """What a build of one catalogue reads: every file under ``folders``, and ``files``."""

    folders: tuple[str, ...]
    files: tuple[str, ...]

    @classmethod
    def of(cls, folders: Iterable[Path], files: Iterable[Path]) -> Inputs:
        return cls(tuple(str(f) for f in folders), tuple(str(f) for f in files))


def facts(today: date) -> dict[str, str]:
    """What a build depends on besides files: the day, the tool and where it is installed,
    Python, and the versions of the packages that render."""
    versions = {name: metadata.version(name) for name in ENGINE_PACKAGES}
    environment = {name: os.environ.get(name, "") for name in ENVIRONMENT}
    return {"today": today.isoformat(), "python": sys.version, "ocop": package.__version__,
            "tool": str(PACKAGE), **versions, **environment}


def inputs_key(inputs: Inputs, facts: Mapping[str, str], hasher: Hasher,
               seen: Snapshot | None = None) -> str:
    """One hash of every file the ``inputs`` name, by content, and of the ``facts``; ``seen``
    records their stats on the way."""
    digest = hashlib.sha256(json.dumps([FORMAT, sorted(facts.items())]).encode("utf-8"))
    found = [item for folder in inputs.folders for item in files_under(folder, seen)]
    for name in inputs.files:
        try:
            info = os.stat(name)
        except OSError:
            info = None
        if seen is not None:
            seen.file(name, info)
        if info is not None:
            found.append((name, info))
    for path, info in found:
        digest.update(f"{path}\0{hasher.file(path, info)}\n".encode())
    return digest.hexdigest()


def site_signature(site: Path, seen: Snapshot | None = None) -> str | None:
    """What a build left in ``site``: every file's path, size and modification time; ``seen``
    records the stats on the way."""
    if not site.is_dir():
        return None
    digest = hashlib.sha256()
    for path, info in files_under(str(site), seen):
        digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _name(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def _record(records: Path, site: Path) -> Path:
    return records / (_name(str(site.resolve())) + ".json")


def _pointer(records: Path, root: Path) -> Path:
    """Where the last build of ``root`` into its configured site folder is named."""
    return records / ("root-" + _name(str(root.resolve())) + ".json")


def _read(path: Path) -> dict[str, object]:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) and record.get("format") == FORMAT else {}


def up_to_date(records: Path, site: Path, key: str) -> bool:
    """True when the last build into ``site`` had these inputs and the folder is as it left
    it."""
    record = _read(_record(records, site))
    return bool(record) and record.get("key") == key and record.get("site") == site_signature(site)


def _stat_file(records: Path, site: Path) -> Path:
    """Where the snapshot of the last build into ``site`` is kept (:mod:`.snapshot`)."""
    return records / (_name(str(site.resolve())) + ".stat.json")


def _keep_snapshot(path: Path, key: str, found: Mapping[str, str], inputs: Snapshot,
                   site: Snapshot) -> None:
    """Write the snapshot of a build, or remove the last one when this one cannot be
    trusted."""
    if inputs.trusted() and not site.odd:
        write_atomic(path, snapshot.dump(key, found, inputs, site))
    else:
        path.unlink(missing_ok=True)


def remember(records: Path, site: Path, key: str, inputs: Inputs, *, root: Path | None,
             seen: Snapshot, found: Mapping[str, str]) -> None:
    """Record a finished build into ``site``; ``root``: the catalogue, when ``site`` is its
    configured site folder and the settings can be trusted to name the same inputs again
    (:func:`last_build_still_current`); ``seen`` and ``found``: the stats and the
    :func:`facts` its ``key`` was made from, kept as its snapshot."""
    make_dir(records)
    site_seen = Snapshot()
    record = {"format": FORMAT, "key": key, "site": site_signature(site, site_seen),
              "path": str(site.resolve()), "folders": list(inputs.folders),
              "files": list(inputs.files)}
    write_atomic(_record(records, site), json.dumps(record).encode("utf-8"))
    _keep_snapshot(_stat_file(records, site), key, found, seen, site_seen)
    if root is not None:
        pointer = {"format": FORMAT, "site": str(site.resolve())}
        write_atomic(_pointer(records, root), json.dumps(pointer).encode("utf-8"))


def last_build_still_current(records: Path, root: Path, today: date) -> Path | None:
    """The site folder of ``root``'s last build, when that build read exactly the files it
    would read now (same content: the settings among them, so the same folders) as of
    ``today``, and the folder is untouched; else None. Its snapshot answers first; the long
    way (hashing every input, signing the site) makes a new one when nothing changed."""
    site = _read(_pointer(records, root)).get("site")
    if not isinstance(site, str):
        return None
    record = _read(_record(records, Path(site)))
    folders, files = record.get("folders"), record.get("files")
    if not isinstance(folders, list) or not isinstance(files, list):
        return None
    found, stat_file = facts(today), _stat_file(records, Path(site))
    if snapshot.still_current(stat_file, record.get("key"), found):
        return Path(site)
    hasher, inputs_seen, site_seen = Hasher(records / "hashes.json"), Snapshot(), Snapshot()
    key = inputs_key(Inputs(tuple(folders), tuple(files)), found, hasher, inputs_seen)
    if key != record.get("key") or record.get("site") != site_signature(Path(site), site_seen):
        return None
    if hasher.read:
        hasher.save()
    _keep_snapshot(stat_file, key, found, inputs_seen, site_seen)
    return Path(site)
