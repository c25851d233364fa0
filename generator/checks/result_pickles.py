"""Pickles of check results: a worker's chunk, a pack of chunks, and reading them back safely.

A pack (:mod:`.result_cache`) is a pickled tuple of its format and salt, its parts (each
result's keys and a chunk of results as :func:`pack_items` pickled them) and each stat key's
content key. Unpickling is restricted to the tool's own data classes and a few standard
types (:func:`restricted_load`), so a tampered cache file can run no code.
"""

from __future__ import annotations

import dataclasses
import enum
import io
import pickle
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, ClassVar

from .checked import Checked

#: a part of a pack: each result's keys, and the results as :func:`pack_items` pickled them
Part = tuple[tuple[tuple[str, ...], ...], bytes]
_STANDARD = {("pathlib", "PosixPath"), ("pathlib", "PurePosixPath"), ("datetime", "date"),
             ("datetime", "datetime"), ("datetime", "timedelta")}


def restricted_load(stream: IO[bytes]) -> Any:
    """The pickle in ``stream``; only the tool's data classes, dates and paths may be in it."""
    return _Restricted(stream).load()


def pack_items(checked: Sequence[Checked]) -> bytes:
    """Results as one compressed pickle (a worker's chunk, or a part of a pack)."""
    return zlib.compress(pickle.dumps(list(checked), protocol=pickle.HIGHEST_PROTOCOL), 1)


def read_pack(place: Path, head: tuple[int, bytes], content: dict[str, str],
              read_parts: list[tuple[bytes, list[Checked]]]) -> dict[str, Checked]:
    """Every result of a pack by key (their content keys added to ``content``, each part and
    its results to ``read_parts``), when it begins with ``head`` (its format and salt); any
    part that cannot be read exactly refuses it all."""
    with open(place, "rb") as handle:
        value = restricted_load(handle)
    if not (isinstance(value, tuple) and len(value) == 4 and value[:2] == head
            and isinstance(value[2], list) and isinstance(value[3], dict)):
        return {}
    found: dict[str, Checked] = {}
    parts = []
    for keys, blob in value[2]:
        items = restricted_load(io.BytesIO(zlib.decompress(blob)))
        if not isinstance(items, list) or len(items) != len(keys):
            return {}
        for item_keys, one in zip(keys, items, strict=True):
            if not isinstance(one, Checked):
                return {}
            found.update((key, one) for key in item_keys if isinstance(key, str))
        parts.append((blob, items))
    read_parts += parts
    content.update((k, v) for k, v in value[3].items()
                   if isinstance(k, str) and isinstance(v, str) and k in found)
    return found


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
