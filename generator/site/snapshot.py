"""The stat of every folder and file a build read and wrote, so that a rebuild with nothing
changed is answered without listing a folder or reading a file.

The no-op check of :mod:`generator.site.uptodate` lists every input folder and the site
folder, and looks each file up in the memo of content hashes: 3 s at 20,000 products, most of
it listing 60,000 folders. But a folder's modification time moves whenever an entry is added
to it, removed from it or renamed in it; so a folder whose stat is as recorded holds the same
entries, and a file whose size, modification and change times and inode are as recorded holds
(as Git's index assumes) the same bytes. A :class:`Snapshot` records both for every folder and
file, taken during the walk that hashed the inputs (so an edit made while a build runs moves a
stat the snapshot already holds) and during the walk that signed the site; checking it
(:func:`still_current`) is one ``stat`` a folder and a file, and one hash of what they say
(about 1 s for the 180,000 of 20,000 products).

A snapshot is only a shortcut. Any difference, an entry that is neither a file nor a folder
(a broken link, whose target may appear without any folder moving), or an input whose stat
moved less than :data:`RACY_NS` before it was taken (a second write within the file system's
clock tick keeps the stat) sends the check the long way, which takes a new snapshot when it
finds nothing changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = 2
#: an input whose stat moved this close to the snapshot is not trusted (module doc)
RACY_NS = 2_000_000_000
#: the stamp of a folder or file that is not there
_FOLDER_ABSENT, _FILE_ABSENT = (-1, -1, -1), (-1, -1, -1, -1)


def file_stamp(info: os.stat_result) -> tuple[int, int, int, int]:
    """What says a file is unchanged: size, modification and change time, inode."""
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def folder_stamp(info: os.stat_result) -> tuple[int, int, int]:
    """What says a folder holds the same entries: modification and change time, inode."""
    return info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _digest(stamps: list[int]) -> str:
    return hashlib.sha256(",".join(map(str, stamps)).encode("ascii")).hexdigest()


@dataclass
class Snapshot:
    """Folders as ``[path, [file name, …]]`` and single files as paths, with every one's
    stamp in ``stamps``, in that order; ``odd``: an entry neither file nor folder was met;
    ``newest_ns``: the latest modification or change time among them; ``taken_ns``: when the
    walk that took it began."""

    folders: list[list[Any]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    stamps: list[int] = field(default_factory=list)
    odd: bool = False
    newest_ns: int = 0
    taken_ns: int = field(default_factory=time.time_ns)

    def folder(self, path: str) -> list[str]:
        """Record the folder ``path`` (its stat taken before it is listed); returns the list
        its files' names go into (each then recorded with :meth:`file_in`)."""
        info = _stat(path)
        names: list[str] = []
        self.folders.append([path, names])
        if info is None:
            self.stamps.extend(_FOLDER_ABSENT)
        else:
            self.stamps.extend(folder_stamp(info))
            self.newest_ns = max(self.newest_ns, info.st_mtime_ns, info.st_ctime_ns)
        return names

    def file_in(self, names: list[str], name: str, info: os.stat_result) -> None:
        names.append(name)
        self.stamps.extend(file_stamp(info))
        self.newest_ns = max(self.newest_ns, info.st_mtime_ns, info.st_ctime_ns)

    def file(self, path: str, info: os.stat_result | None) -> None:
        """Record a single file (``info`` None: it is not there)."""
        self.files.append(path)
        if info is None:
            self.stamps.extend(_FILE_ABSENT)
        else:
            self.stamps.extend(file_stamp(info))
            self.newest_ns = max(self.newest_ns, info.st_mtime_ns, info.st_ctime_ns)

    def trusted(self) -> bool:
        """Whether a check may rely on this snapshot: nothing odd met, and nothing that moved
        within :data:`RACY_NS` of its taking."""
        return not self.odd and self.taken_ns - self.newest_ns >= RACY_NS

    def digest(self) -> str:
        return _digest(self.stamps)


def stamps_now(folders: list[list[Any]], files: list[str]) -> list[int]:
    """The stamps the folders and files recorded in a snapshot have now, in its order."""
    stamps: list[int] = []
    add, stat = stamps.extend, _stat
    for path, names in folders:
        info = stat(path)
        add(_FOLDER_ABSENT if info is None else folder_stamp(info))
        prefix = os.path.join(path, "")
        for name in names:
            info = stat(prefix + name)
            add(_FILE_ABSENT if info is None else file_stamp(info))
    for path in files:
        info = stat(path)
        add(_FILE_ABSENT if info is None else file_stamp(info))
    return stamps


def facts_digest(facts: Mapping[str, str]) -> str:
    return hashlib.sha256(json.dumps(sorted(facts.items())).encode("utf-8")).hexdigest()


def dump(key: str, facts: Mapping[str, str], inputs: Snapshot, site: Snapshot) -> bytes:
    """A snapshot file: the inputs and the site as of the build whose record has ``key``."""
    parts = [[part.folders, part.files, part.digest()] for part in (inputs, site)]
    return json.dumps({"format": FORMAT, "key": key, "facts": facts_digest(facts),
                       "parts": parts}).encode("utf-8")


def still_current(path: Path, key: object, facts: Mapping[str, str]) -> bool:
    """True when the snapshot file ``path`` belongs to the build recorded under ``key``, with
    the same ``facts``, and nothing it recorded has moved; False for anything else (no file,
    another format, a damaged file)."""
    try:
        data = json.loads(path.read_bytes())
        if (data["format"] != FORMAT or data["key"] != key
                or data["facts"] != facts_digest(facts)):
            return False
        return all(_digest(stamps_now(folders, files)) == digest
                   for folders, files, digest in data["parts"])
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return False
