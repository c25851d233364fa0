"""Per-file check results remembered by content: ``.cache/ocop/validate/``.

An entry's key is a hash of everything a product file's own checks read: the file's bytes
and name, the listing of its folder (each entry's name, kind and size, where a link leads,
and a hash of each photo's bytes), where the folder really is, the day validity is computed
for, and the tool itself (:func:`~generator.checks.fingerprint.tool_fingerprint`: its code,
schemas, tables and libraries). Settings applied after the per-file checks
(``extra.ocop.checks_off``, the message language) are not part of it; cross-file checks are
never cached. A photo's hash is itself remembered by the photo's place, size, time and inode
(``.cache/ocop/validate/<hash>.sum``), so an unchanged folder costs a few ``stat`` calls; a
fresh clone (new times) hashes each photo once.

Entries are written atomically; one that cannot be read back exactly (truncated, written by
another version, tampered with) is ignored and replaced. Unpickling is restricted to the
tool's own data classes and a few standard types.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import io
import os
import pickle
import stat
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from ..cache import make_dir, touch, write_atomic
from .checked import Checked
from .fingerprint import tool_fingerprint

FOLDER = Path(".cache") / "ocop" / "validate"
_FORMAT = 1
_STANDARD = {("pathlib", "PosixPath"), ("pathlib", "PurePosixPath"), ("datetime", "date"),
             ("datetime", "datetime"), ("datetime", "timedelta")}


class ResultCache:
    """Check results of product files by content key, in ``folder``."""

    def __init__(self, folder: Path, today: date, root: Path) -> None:
        self.folder = folder
        self.salt = f"{_FORMAT}|{tool_fingerprint()}|{today.isoformat()}|{root}|".encode(
            "utf-8", "surrogatepass")
        self.ready = False
        self.real: dict[str, str] = {}

    @classmethod
    def at(cls, root: Path, today: date) -> ResultCache:
        return cls(root / FOLDER, today, root)

    def key(self, path: Path, raw: bytes) -> str | None:
        """The entry key of a product file whose bytes are ``raw`` (None: not cacheable);
        the name findings carry follows from ``path`` and the root, part of the salt."""
        digest = hashlib.sha256(self.salt)
        digest.update(f"{path}\0{len(raw)}\0".encode("utf-8", "surrogatepass"))
        digest.update(raw)
        listing = self._listing(path.parent)
        if listing is None:
            return None
        digest.update(listing)
        return digest.hexdigest()[:40]

    def get(self, key: str) -> Checked | None:
        entry = self.folder / f"{key}.pickle"
        try:
            blob = entry.read_bytes()
            value = _Restricted(io.BytesIO(blob)).load()
        except Exception:  # a damaged entry is no entry
            return None
        if not (isinstance(value, tuple) and len(value) == 3 and value[:2] == (_FORMAT, key)
                and isinstance(value[2], Checked)):
            return None
        touch(entry)
        return value[2]

    def put(self, key: str, checked: Checked) -> None:
        try:
            self._ensure()
            blob = pickle.dumps((_FORMAT, key, checked), protocol=pickle.HIGHEST_PROTOCOL)
            write_atomic(self.folder / f"{key}.pickle", blob)
        except (OSError, pickle.PicklingError, RecursionError, TypeError):
            pass  # a cache that cannot be written is simply not used

    def _ensure(self) -> None:
        if not self.ready:
            make_dir(self.folder)
            self.ready = True

    def _listing(self, folder: Path) -> bytes | None:
        """The folder as the photo checks see it (None when it cannot be listed)."""
        try:
            real = self._real(str(folder))
            with os.scandir(folder) as entries:
                items = sorted(entries, key=lambda e: e.name)
            parts = [real.encode("utf-8", "surrogatepass")]
            for item in items:
                parts.append(self._item(item, real))
        except OSError:
            return None
        return b"\0".join(parts)

    def _real(self, folder: str) -> str:
        """Where a folder really is: its parent's place (remembered) and, unless the folder
        itself is a link, its own name."""
        parent, name = os.path.split(folder)
        if parent not in self.real:
            self.real[parent] = os.path.realpath(parent)
        if os.path.islink(folder) or name in ("", ".", ".."):
            return os.path.realpath(folder)
        return os.path.join(self.real[parent], name)

    def _item(self, item: os.DirEntry[str], folder: str) -> bytes:
        info = item.stat(follow_symlinks=False)
        words = [item.name, oct(stat.S_IFMT(info.st_mode)), str(info.st_size)]
        real = os.path.join(folder, item.name)
        if stat.S_ISLNK(info.st_mode):
            real = os.path.realpath(item.path)
            words.append(os.readlink(item.path))
            try:
                info = os.stat(item.path)
                words += [oct(stat.S_IFMT(info.st_mode)), str(info.st_size), real]
            except OSError as error:
                words.append(f"error {error.errno}")
        if stat.S_ISREG(info.st_mode) and item.name != "product.yaml":
            words.append(self._content(item.path, real, info))
        return "\1".join(words).encode("utf-8", "surrogatepass")

    def _content(self, path: str, real: str, info: os.stat_result) -> str:
        """A photo's content hash, remembered by where it really is and its stat."""
        place = f"{real}|{info.st_size}|{info.st_mtime_ns}|{info.st_ctime_ns}|" \
                f"{info.st_ino}|{info.st_dev}"
        memo = self.folder / f"{hashlib.sha256(place.encode('utf-8', 'surrogatepass')).hexdigest()[:40]}.sum"
        try:
            known = memo.read_text(encoding="ascii")
            if len(known) == 64 and all(c in "0123456789abcdef" for c in known):
                touch(memo)
                return known
        except (OSError, UnicodeDecodeError):
            pass
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        summed = digest.hexdigest()
        try:
            self._ensure()
            write_atomic(memo, summed.encode("ascii"))
        except OSError:
            pass
        return summed


class _Restricted(pickle.Unpickler):
    """Only the tool's own data classes (and dates, paths) may come out of a cache entry."""

    allowed: ClassVar[dict[tuple[str, str], Any]] = {}  # classes checked once per process

    def find_class(self, module: str, name: str) -> Any:
        known = self.allowed.get((module, name))
        if known is not None:
            return known
        found = self._check(module, name)
        self.allowed[(module, name)] = found
        return found

    def _check(self, module: str, name: str) -> Any:
        if (module, name) in _STANDARD:
            return super().find_class(module, name)
        if module == "generator" or module.startswith("generator."):
            found = super().find_class(module, name)
            if isinstance(found, type) and (dataclasses.is_dataclass(found)
                                            or issubclass(found, enum.Enum | dict)):
                return found
        raise pickle.UnpicklingError(f"not allowed in a cache entry: {module}.{name}")
