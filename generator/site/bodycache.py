"""Rendered page bodies kept between builds, by a hash of everything they are rendered from.

At 20,000 products, a build with one product changed spent most of its page writers' time
rendering product and listing bodies that had not changed: 27 of their 37 s of CPU. A body is
a function of its template's context, the day, the settings and the tool (its code, its
templates and the versions of what renders them). :class:`Bodies` keys each body by a hash of
all of these and keeps it under ``.cache/ocop/pages/``, which the next build reads instead of
rendering. CI restores ``.cache/ocop`` too.

The context is hashed by pickling it (:class:`_Fingerprint`, without pickle's memo, so equal
values give equal bytes whatever objects they share). A product view in it stands for its
hash (:class:`ViewKeys`). The hash covers the view's own facts, and those of the event views
it lists. A product page also names its ``related`` views, so each related card counts by its
own hash. A value that cannot be pickled (a function, say) makes the page *uncached*: it is
rendered, as it would be without a cache.

**Packs.** Each build is a *generation*. It writes the bodies it used, found or rendered, into
packs of its own: one per process, since the forked page writers append to theirs. Each pack
has an index of ``(key, offset, length, CRC-32)`` records. A record is written after its
bytes, so a body whose record was written can be trusted. Once the site is written,
:meth:`Bodies.commit` names the generation's packs in ``current`` and deletes the others. The
cache thus holds only what the last build used. A build that stopped halfway never becomes
current. An unreadable, damaged or missing pack is a miss, never an error: this cache only
saves time.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import struct
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

from ..cache import make_dir, write_atomic
from ..forkpool import cores, forked_map
from ..resources import resource_path
from . import uptodate
from .config import SiteConfig
from .present import ProductView

#: the layout of the packs; a new layout (or a change to what a key covers) is a new number
FORMAT = 1
CURRENT = "current"
#: an index record: the key, where its bytes start in the pack, how many, their CRC-32
RECORD = struct.Struct("<16sQII")
#: zlib level 1: a product body of 11 kB is 2 kB, in a tenth of a millisecond
LEVEL = 1


def _view_key(digest: bytes) -> bytes:
    """What a product view pickles to inside a fingerprint (its hash); never called."""
    return digest


def environment_key(config: SiteConfig, today: date, folder: Path | None) -> str:
    """What every body of one build depends on besides its context: the day, the settings,
    the tool's code and shipped resources (its templates among them) by content, and the
    versions of Python and of what renders (:func:`uptodate.facts`). The file hashes are kept
    by stat in ``folder``, as for the quick check of a build."""
    hasher = uptodate.Hasher(folder / "hashes.json" if folder is not None else Path(os.devnull))
    resources = [resource_path(name) for name in ("schema", "data", "site_templates")]
    code = uptodate.inputs_key(uptodate.Inputs.of([uptodate.PACKAGE, *resources], []),
                               uptodate.facts(today), hasher)
    if folder is not None and hasher.read:
        try:
            hasher.save()
        except OSError:
            pass
    return fingerprint((FORMAT, code, config), lambda view: b"").hex()


class Uncacheable(Exception):
    """A context the fingerprint cannot cover (a cycle of views outside ``related``)."""


#: what hashing a context raises when it cannot be hashed: its page is rendered, uncached
UNHASHABLE = (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError,
              Uncacheable)


class _Fingerprint(pickle.Pickler):
    """Pickles without memo; each product view becomes ``_view_key(<its hash>)``."""

    def __init__(self, out: io.BytesIO, view_hash: Callable[[ProductView], bytes]) -> None:
        super().__init__(out, protocol=5)
        self.fast = True  # no memo: the bytes do not depend on which objects are shared
        self.view_hash = view_hash

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, ProductView):
            return _view_key, (self.view_hash(obj),)
        return NotImplemented


def fingerprint(value: Any, view_hash: Callable[[ProductView], bytes]) -> bytes:
    """A hash of ``value``'s content, each product view in it by ``view_hash``."""
    out = io.BytesIO()
    _Fingerprint(out, view_hash).dump(value)
    return hashlib.blake2b(out.getbuffer(), digest_size=16).digest()


class ViewKeys:
    """Each product view's hash, made once per process.

    - :meth:`own`: every field of the view but the views it links to (``related``, and its
      ``events``, whose stands hold other views); a view inside those fields counts by its
      own :meth:`own` hash.
    - :meth:`card`: :meth:`own`, and the view's events with their stands' views by their
      :meth:`own` hash. This is what a view in a page's context counts as. A product page
      also puts its ``related`` views in its key, each as its :meth:`card`.
    """

    def __init__(self) -> None:
        self._own: dict[int, tuple[ProductView, bytes]] = {}
        self._card: dict[int, tuple[ProductView, bytes]] = {}
        self._active: set[int] = set()

    def own(self, view: ProductView) -> bytes:
        known = self._own.get(id(view))
        if known is not None:
            return known[1]
        if id(view) in self._active:
            raise Uncacheable(f"a cycle of views through {view.id}")
        self._active.add(id(view))
        try:
            facts = [(f.name, getattr(view, f.name)) for f in fields(view)
                     if f.name not in ("related", "events")]
            digest = fingerprint(facts, self.own)
        finally:
            self._active.discard(id(view))
        self._own[id(view)] = (view, digest)
        return digest

    def card(self, view: ProductView) -> bytes:
        known = self._card.get(id(view))
        if known is None:
            digest = fingerprint((self.own(view), view.events), self.own)
            known = self._card[id(view)] = (view, digest)
        return known[1]

    def make_all(self, views: Sequence[ProductView]) -> None:
        """Every view's hashes on every core, before the page writers fork: each writer needs
        nearly all of them (a page shows up to 18 related cards), and would make them all
        again (3 s each at 20,000 products)."""
        global _MAKING
        workers = min(cores(), 8) if len(views) >= PARALLEL_FROM else 1
        parts = [views[i::workers] for i in range(workers)]
        _MAKING = (self, parts)
        try:
            made = list(forked_map(_make_part, range(workers), workers))
        finally:
            _MAKING = None
        for part, hashes in zip(parts, made, strict=True):
            for view, pair in zip(part, hashes, strict=True):
                if pair is not None:
                    self._own[id(view)], self._card[id(view)] = (view, pair[0]), (view, pair[1])


#: below this many views, forking costs more than it saves
PARALLEL_FROM = 200
#: what the forked workers of :meth:`ViewKeys.make_all` share (set just before they fork)
_MAKING: tuple[ViewKeys, list[Sequence[ProductView]]] | None = None


def _make_part(index: int) -> list[tuple[bytes, bytes] | None]:
    assert _MAKING is not None, "set before the fork"
    keys, parts = _MAKING
    out: list[tuple[bytes, bytes] | None] = []
    for view in parts[index]:
        try:
            out.append((keys.own(view), keys.card(view)))
        except UNHASHABLE:
            out.append(None)  # the page will find it has no key, as it would here
    return out


@dataclass
class _Writer:
    """One process's pack of this generation (opened on its first body)."""

    pack: int
    index: int
    offset: int = 0
    #: what it wrote: key → (offset, length, CRC-32); a body asked twice is read back
    written: dict[bytes, tuple[int, int, int]] = field(default_factory=dict)


class Bodies:
    """The page bodies of the last build, and those of this one as they are used."""

    def __init__(self, folder: Path | None, environment: str) -> None:
        self.folder, self.environment = folder, environment.encode()
        self.generation = f"{time.time_ns():x}-{os.getpid()}"
        self.views = ViewKeys()
        self.hits = self.misses = self.uncached = 0
        self._owner = os.getpid()
        #: key → (pack number, offset, length, CRC-32), from the current generation
        self._known: dict[bytes, tuple[int, int, int, int]] = {}
        self._packs: list[str] = []
        self._readers: dict[tuple[int, int], int] = {}  # (pid, pack number) → descriptor
        self._writers: dict[int, _Writer | None] = {}  # by pid; None: cannot write
        if folder is not None:
            self._load(folder)

    @classmethod
    def off(cls) -> Bodies:
        """No cache: every body is rendered (tests, tools)."""
        return cls(None, "")

    def _load(self, folder: Path) -> None:
        try:
            current = json.loads((folder / CURRENT).read_text(encoding="utf-8"))
            if current.get("format") != FORMAT or current.get("environment") != \
                    self.environment.decode():
                return
            names = [str(name) for name in current["packs"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return
        for number, name in enumerate(names):
            try:
                size = (folder / name).stat().st_size
                records = (folder / name).with_suffix(".idx").read_bytes()
            except OSError:
                continue
            whole = len(records) - len(records) % RECORD.size
            for key, offset, length, crc in RECORD.iter_unpack(records[:whole]):
                if offset + length <= size:
                    self._known[key] = (number, offset, length, crc)
        self._packs = names

    def make_keys(self, views: Sequence[ProductView]) -> None:
        """Hash every view now, on every core (:meth:`ViewKeys.make_all`)."""
        if self.folder is not None:
            self.views.make_all(views)

    def key(self, parts: Any) -> bytes | None:
        """The key of a body rendered from ``parts``, or None when they cannot be hashed."""
        try:
            return hashlib.blake2b(self.environment + fingerprint(parts, self.views.card),
                                   digest_size=16).digest()
        except UNHASHABLE:
            return None

    def get(self, parts: Any, render: Callable[[], str]) -> str:
        """The body rendered from ``parts``: the one kept, or ``render()`` (then kept)."""
        if self.folder is None:
            return render()
        key = self.key(parts)
        if key is None:
            self.uncached += 1
            return render()
        packed = self._read(key)
        if packed is not None:
            try:
                body = zlib.decompress(packed).decode("utf-8")
            except (zlib.error, UnicodeDecodeError):
                body = None
            if body is not None:
                self.hits += 1
                self._keep(key, packed)
                return body
        self.misses += 1
        body = render()
        self._keep(key, zlib.compress(body.encode("utf-8"), LEVEL))
        return body

    def _read(self, key: bytes) -> bytes | None:
        writer = self._writers.get(os.getpid())
        if writer is not None and key in writer.written:  # asked before in this build
            offset, length, crc = writer.written[key]
            return self._pread(writer.pack, offset, length, crc)
        entry = self._known.get(key)
        if entry is None or self.folder is None:
            return None
        number, offset, length, crc = entry
        slot = (os.getpid(), number)  # a forked writer opens the packs again
        descriptor = self._readers.get(slot)
        try:
            if descriptor is None:
                descriptor = self._readers[slot] = os.open(self.folder / self._packs[number],
                                                           os.O_RDONLY)
        except OSError:
            return None
        return self._pread(descriptor, offset, length, crc)

    @staticmethod
    def _pread(descriptor: int, offset: int, length: int, crc: int) -> bytes | None:
        try:
            data = os.pread(descriptor, length, offset)
        except OSError:
            return None
        return data if len(data) == length and zlib.crc32(data) == crc else None

    def _keep(self, key: bytes, packed: bytes) -> None:
        writer = self._writer()
        if writer is None or key in writer.written:
            return
        crc = zlib.crc32(packed)
        record = RECORD.pack(key, writer.offset, len(packed), crc)
        try:  # a short write (a full disk) would shift every later offset: stop there
            if os.write(writer.pack, packed) != len(packed) or \
                    os.write(writer.index, record) != len(record):
                raise OSError("short write")
        except OSError:  # a full disk or a read-only cache: build on, keep nothing more
            self._writers[os.getpid()] = None
            return
        writer.written[key] = (writer.offset, len(packed), crc)
        writer.offset += len(packed)

    def _writer(self) -> _Writer | None:
        pid = os.getpid()
        if pid in self._writers:
            return self._writers[pid]
        assert self.folder is not None
        writer: _Writer | None = None
        try:
            make_dir(self.folder)
            base = self.folder / f"{self.generation}-{pid}"
            flags = os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
            writer = _Writer(os.open(f"{base}.pack", flags, 0o644),
                             os.open(f"{base}.idx", flags, 0o644))
        except OSError:
            writer = None
        self._writers[pid] = writer
        return writer

    def commit(self) -> None:
        """Make this build's packs the current ones and delete the others (the process that
        planned the build calls it once the site is written)."""
        if self.folder is None or os.getpid() != self._owner:
            return
        for writer in self._writers.values():
            if writer is not None:
                os.close(writer.pack)
                os.close(writer.index)
        self._writers = {self._owner: None}  # nothing more goes into this generation
        for descriptor in self._readers.values():
            os.close(descriptor)
        self._readers.clear()
        try:
            names = sorted(entry.name for entry in os.scandir(self.folder)
                           if entry.name.startswith(f"{self.generation}-")
                           and entry.name.endswith(".pack"))
            write_atomic(self.folder / CURRENT, json.dumps(
                {"format": FORMAT, "environment": self.environment.decode(),
                 "packs": names}).encode("utf-8"))
            keep = set(names) | {Path(name).with_suffix(".idx").name for name in names}
            for entry in os.scandir(self.folder):
                if entry.name.endswith((".pack", ".idx")) and entry.name not in keep:
                    os.unlink(entry.path)
        except OSError:
            return
