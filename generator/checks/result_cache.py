"""Per-file check results remembered by content: ``.cache/ocop/validate/``.

An entry's key is a hash of everything a product file's own checks read: the file's bytes
and name, the listing of its folder (each entry's name, kind and size, where a link leads,
and a hash of each photo's bytes), where the folder really is, the day validity is computed
for, and the tool itself (:func:`~generator.checks.fingerprint.tool_fingerprint`: its code,
schemas, tables and libraries). Settings applied after the per-file checks
(``extra.ocop.checks_off``, the message language) are not part of it. Each result is
stored under two keys: one with each photo's place, size, times and inode (an unchanged
folder costs a few ``stat`` calls, no photo is read), one with each photo's bytes instead (a
fresh clone or copy, where only the times are new, finds its results by content, hashing
each photo once).

The cross-file checks (:mod:`generator.checks.catalogue`) are a function of every file's
result, so their findings are remembered under a hash of all the files' content keys, in
their order (:meth:`ResultCache.catalogue_findings`; each stat key remembers the content key
its result was made under, so a fresh clone knows them too): one file changed, added,
removed or renamed, and they are made again, exactly as without a cache (one
``cross-*.cross`` file a salt).

Entries are zlib-compressed pickles written atomically (a pack: a pickled list of such
pickles, each a chunk of results as a worker made it); one that cannot be read back exactly
(truncated, written by another version, tampered with) is ignored and replaced. Unpickling
is restricted to the tool's own data classes and a few standard types.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import stat
import time
import zlib
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import make_dir, touch, write_atomic
from .checked import Checked
from .fingerprint import tool_fingerprint
from .result_pickles import Part, pack_items, read_pack, restricted_load

if TYPE_CHECKING:
    from ..findings import Finding

FOLDER = Path(".cache") / "ocop" / "validate"
_FORMAT = 3
#: a pack is written when at least this many of a run's results came from elsewhere
PACK_AFTER = 64
#: an entry reused is touched (kept from pruning) when it is older than this, in seconds
TOUCH_AFTER = 24 * 3600
#: a folder as :meth:`ResultCache.scan` lists it: where it really is, its entries by name
Scan = tuple[str, list[os.DirEntry[str]]]


class ResultCache:
    """Check results of product files by content key, in ``folder``."""

    def __init__(self, folder: Path, today: date, root: Path) -> None:
        self.folder = folder
        self.salt = f"{_FORMAT}|{tool_fingerprint()}|{today.isoformat()}|{root}|".encode(
            "utf-8", "surrogatepass")
        self.ready = False
        self.real: dict[str, str] = {}
        self.pack_path = folder / f"pack-{hashlib.sha256(self.salt).hexdigest()[:24]}.pack"
        self.packed: dict[str, Checked] | None = None  # read on the first lookup
        self.used: dict[str, Checked] = {}  # this run's results, by key: the next pack
        self.loose = 0  # of them, how many were not in the pack
        self.must_pack = False
        #: each file looked up: what its result is known by (:meth:`catalogue_findings`)
        self.known: dict[Path, str] = {}
        #: a stat key: the content key its result was made or found under (kept in the pack
        #: and the entries), so a fresh clone knows its results by what a run in place did
        self.content: dict[str, str] = {}
        #: workers' pickled results for the next pack (:meth:`remember_chunk`), and their keys
        self.chunks: list[Part] = []
        #: the parts of the pack as read, each with its results (a new pack may reuse them)
        self.read_parts: list[tuple[bytes, list[Checked]]] = []
        self.chunked: set[str] = set()
        #: results found by their photos' content, under the stat key they will be stored by
        self.unstored: dict[str, Checked] = {}
        #: the entries in the folder, listed on the first look for one (None: not yet)
        self.names: set[str] | None = None

    @classmethod
    def at(cls, root: Path, today: date) -> ResultCache:
        return cls(root / FOLDER, today, root)

    def lookup(self, path: Path, raw: bytes) -> tuple[Checked | None, tuple[str, ...]]:
        """The cached result of a product file whose bytes are ``raw`` (None: not cached)
        and the keys to store a fresh result under.

        First by the photos' stat (place, size, times, inode: no photo read); then, when a
        fresh clone or a copy changed only the times, by the photos' content — found, it is
        stored under the first key too, at the end of the run (:meth:`save_pack`)."""
        scanned = self.scan(path.parent)
        quick = self.key(path, raw, by_content=False, scanned=scanned)
        if quick is None:
            return None, ()
        self.known[path] = quick  # its result, found or made, is stored under it
        hit = self.get(quick)
        if hit is not None:
            self.known[path] = self.content.get(quick, quick)
            return hit, ()
        full = self.key(path, raw, by_content=True, scanned=scanned)
        if full is not None:
            self.known[path] = self.content[quick] = full
        hit = self.get(full) if full else None
        if hit is not None:
            self.unstored[quick] = hit  # stored at the end: in the pack, or loose
            self.remember((quick,), hit)
            return hit, ()
        return None, (quick, full) if full else (quick,)

    def remember(self, keys: tuple[str, ...], checked: Checked) -> None:
        """A result of this run not found in the pack, to be in the next one."""
        for key in keys:
            self.used[key] = checked
        self.loose += 1

    def will_pack(self, new: int, files: int) -> bool:
        """Whether a run with ``new`` results to make out of ``files`` will end with a new
        pack (:meth:`save_pack`); then they need not be stored one by one as well."""
        self.must_pack = new >= max(PACK_AFTER, files // 20)
        return self.must_pack

    def remember_chunk(self, keys: Sequence[tuple[str, ...]], checked: Sequence[Checked],
                       blob: bytes) -> None:
        """Results a worker made, with ``blob`` (:func:`pack_items` of ``checked``): the
        next pack takes the blob as it is instead of pickling them again here."""
        for item_keys, one in zip(keys, checked, strict=True):
            self.remember(item_keys, one)
            self.chunked.update(item_keys)
        self.chunks.append((tuple(keys), blob))

    def save_pack(self) -> None:
        """Write this run's results as one pack file (one read instead of a file a product)
        when enough of them were not in the pack: a run after one product changed reads its
        one loose entry and leaves the pack as it is. The workers' chunks go in as they came;
        the rest is pickled here, each result once under all its keys."""
        if not self.must_pack and self.loose < max(PACK_AFTER, len(self.used) // 20):
            for key, one in self.unstored.items():
                self.put(key, one, self.content.get(key, key))
            self.unstored = {}
            return
        try:
            self._ensure()
            parts = list(self.chunks)
            rest: dict[int, tuple[list[str], Checked]] = {}
            for key, one in self.used.items():
                if key not in self.chunked:
                    rest.setdefault(id(one), ([], one))[0].append(key)
            parts += self._reused(rest)
            if rest:
                parts.append((tuple(tuple(keys) for keys, _ in rest.values()),
                              pack_items([one for _, one in rest.values()])))
            content = {k: v for k, v in self.content.items() if k in self.used}
            blob = pickle.dumps((_FORMAT, self.salt, parts, content),
                                protocol=pickle.HIGHEST_PROTOCOL)
            write_atomic(self.pack_path, blob)
        except (OSError, pickle.PicklingError, RecursionError, TypeError):
            pass
        self.packed, self.loose, self.must_pack = dict(self.used), 0, False
        self.chunks, self.chunked, self.unstored = [], set(), {}

    def catalogue_findings(self, paths: Sequence[Path],
                           check: Callable[[], list[Finding]]) -> list[Finding]:
        """``check()`` (the cross-file checks of the files ``paths``, all looked up in this
        run), or what it gave last time for the same keys of the same files in this order."""
        keys = [self.known.get(path) for path in paths]
        if any(key is None for key in keys):
            return check()  # a file no key stands for (too large, not regular, unlistable)
        digest = hashlib.sha256(self.salt + b"cross\0")
        for path, key in zip(paths, keys, strict=True):
            digest.update(f"{path}\0{key}\0".encode("utf-8", "surrogatepass"))
        key = digest.hexdigest()[:40]
        place = self.folder / f"cross-{hashlib.sha256(self.salt).hexdigest()[:24]}.cross"
        try:
            with open(place, "rb") as handle:
                value = restricted_load(io.BytesIO(zlib.decompress(handle.read())))
            if (isinstance(value, tuple) and len(value) == 3 and value[:2] == (_FORMAT, key)
                    and isinstance(value[2], list)):
                return value[2]
        except Exception:  # none yet, or one that cannot be read: checked again
            pass
        found = check()
        try:
            self._ensure()
            blob = pickle.dumps((_FORMAT, key, found), protocol=pickle.HIGHEST_PROTOCOL)
            write_atomic(place, zlib.compress(blob, 1))
        except (OSError, pickle.PicklingError, RecursionError, TypeError):
            pass
        return found

    def _reused(self, rest: dict[int, tuple[list[str], Checked]]) -> list[Part]:
        """The parts of the pack read this run whose every result is in ``rest``, as they
        were read but under this run's keys (a fresh clone: all of them); those results are
        taken out of ``rest``."""
        parts: list[Part] = []
        for blob, items in self.read_parts:
            if all(id(one) in rest for one in items):
                parts.append((tuple(tuple(rest.pop(id(one))[0]) for one in items), blob))
        return parts

    def _pack(self) -> dict[str, Checked]:
        if self.packed is None:
            self.packed = {}
            try:
                self.packed = read_pack(self.pack_path, (_FORMAT, self.salt), self.content,
                                        self.read_parts)
            except Exception:  # no pack, or one that cannot be read: the entries are used
                pass
        return self.packed

    def key(self, path: Path, raw: bytes, *, by_content: bool = True,
            scanned: Scan | None = None) -> str | None:
        """The entry key of a product file whose bytes are ``raw`` (None: not cacheable);
        the name findings carry follows from ``path`` and the root, part of the salt.
        ``scanned``: its folder as :meth:`scan` gave it moments ago (else it is listed)."""
        digest = hashlib.sha256(self.salt)
        digest.update(f"{path}\0{len(raw)}\0{by_content}\0".encode("utf-8", "surrogatepass"))
        digest.update(raw)
        listing = self._listing(path.parent, by_content, scanned)
        if listing is None:
            return None
        digest.update(listing)
        return digest.hexdigest()[:40]

    def get(self, key: str) -> Checked | None:
        packed = self._pack().get(key)
        if packed is not None:
            self.used[key] = packed
            return packed
        found = self._entry(key)
        if found is not None:
            self.remember((key,), found)
        return found

    def _entry(self, key: str) -> Checked | None:
        name = f"{key}.pickle"
        if self.names is None:  # one listing instead of a failed open a miss
            try:
                self.names = set(os.listdir(self.folder))
            except OSError:
                self.names = set()
        if name not in self.names:
            return None
        entry = self.folder / name
        try:
            with open(entry, "rb") as handle:
                blob = handle.read()
                age = time.time() - os.fstat(handle.fileno()).st_mtime
            value = restricted_load(io.BytesIO(zlib.decompress(blob)))
        except Exception:  # a damaged entry is no entry
            return None
        if not (isinstance(value, tuple) and len(value) == 4 and value[:2] == (_FORMAT, key)
                and isinstance(value[2], Checked) and isinstance(value[3], str)):
            return None
        if age > TOUCH_AFTER:  # keep it from pruning; a day's precision is plenty
            touch(entry)
        self.content[key] = value[3]
        return value[2]

    def put(self, key: str, checked: Checked, content: str) -> None:
        """Store a result under ``key``; ``content``: the content key it was made under."""
        try:
            self._ensure()
            blob = pickle.dumps((_FORMAT, key, checked, content), protocol=pickle.HIGHEST_PROTOCOL)
            write_atomic(self.folder / f"{key}.pickle", zlib.compress(blob, 1))
            if self.names is not None:
                self.names.add(f"{key}.pickle")
        except (OSError, pickle.PicklingError, RecursionError, TypeError):
            pass  # a cache that cannot be written is simply not used

    def _ensure(self) -> None:
        if not self.ready:
            make_dir(self.folder)
            self.ready = True

    def scan(self, folder: Path) -> Scan | None:
        """Where a folder really is and its entries, sorted by name (None: unlistable); an
        entry keeps its own ``lstat`` once asked, so both keys of one lookup share them."""
        try:
            real = self._real(str(folder))
            with os.scandir(folder) as entries:
                return real, sorted(entries, key=lambda e: e.name)
        except OSError:
            return None

    def _listing(self, folder: Path, by_content: bool, scanned: Scan | None) -> bytes | None:
        """The folder as the photo checks see it (None when it cannot be listed)."""
        found = scanned or self.scan(folder)
        if found is None:
            return None
        real, items = found
        try:
            parts = [real.encode("utf-8", "surrogatepass")]
            for item in items:
                parts.append(self._item(item, real, by_content))
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

    def _item(self, item: os.DirEntry[str], folder: str, by_content: bool) -> bytes:
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
            words.append(_content(item.path) if by_content else
                         f"{real}|{info.st_mtime_ns}|{info.st_ctime_ns}|{info.st_ino}|{info.st_dev}")
        return "\1".join(words).encode("utf-8", "surrogatepass")


def _content(path: str) -> str:
    """A photo's content hash."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
