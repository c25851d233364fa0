"""The commented YAML dumper: a product file in the order and style of the example product.

The output looks like ``products/tien-phuoc/tieu-tien-phuoc/product.yaml``: the schema line
and a pointer to docs/field-reference.md on top, the short fields first, a blank line before
every section, administrative units on one line (``province: {name: Tỉnh Quảng Nam, code:
"49"}``), comments above the fields they are about, and a field still to write as ``# TODO``
lines with, when there is an example, the field itself commented out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..load.document import PathT, format_path
from ..resources import subschema
from .scalars import key as scalar_key
from .scalars import literal, scalar

HEADER = (
    "# yaml-language-server: $schema=../../../schema/product.schema.json",
    "# Tệp sản phẩm OCOP — xem hướng dẫn trường ở docs/field-reference.md",
)

#: top-level keys: the short ones first (no blank lines), then one section each
HEAD_KEYS = ("id", "name", "aliases", "product_type", "group", "subgroup", "group_recorded",
             "processing")
TOP_ORDER = (*HEAD_KEYS, "subject", "recognitions", "origin", "standards", "improvements",
             "specialty", "packaging", "photos", "content", "price", "sales_channels", "sources")
#: mappings written on one line, as in the example product
_FLOW = re.compile(r"origin\.recorded\.(province|district|commune)|origin\.coordinates")


@dataclass(frozen=True)
class Placeholder:
    """A field that is not in the data, written as ``# TODO`` lines and, when ``example`` is
    given, the field itself commented out (remove the ``# `` to use it)."""

    todo: tuple[str, ...]
    example: Any = None


_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def parse_path(text: str) -> PathT:
    """``"recognitions[0].signed"`` → ``("recognitions", 0, "signed")``."""
    return tuple(int(m.group(1)) if m.group(1) else m.group(2) for m in _PART.finditer(text))


def _order(path: PathT, keys: Iterable[str]) -> list[str]:
    """Keys in the example's order: top level by TOP_ORDER, nested by the schema."""
    known = list(TOP_ORDER) if not path else list(subschema(path).get("properties", {}))
    rank = {key: i for i, key in enumerate(known)}
    keys = list(keys)
    return sorted(keys, key=lambda k: (rank.get(k, len(rank)), keys.index(k)))


def nfc(value: Any) -> Any:
    """The same data with every text (keys too) in NFC, as the loader reads it."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return {nfc(k): nfc(v) for k, v in value.items()}
    return value


def _commented(lines: list[str], indent: int) -> list[str]:
    """Comment lines out so that deleting ``# `` gives them back, indentation included."""
    return [" " * indent + "# " + line[indent:] for line in lines]


class _Writer:
    def __init__(self, comments: Mapping[str, Sequence[str]],
                 placeholders: Mapping[str, Placeholder]) -> None:
        self.comments = {parse_path(k): list(v) for k, v in comments.items()}
        self.placeholders = {parse_path(k): v for k, v in placeholders.items()}

    def notes(self, path: PathT, indent: int) -> list[str]:
        return [" " * indent + "# " + line for line in self.comments.get(path, [])]

    def _pending(self, path: PathT, data: Mapping[str, Any]) -> list[str]:
        return [p[-1] for p in self.placeholders
                if len(p) == len(path) + 1 and p[:-1] == path and isinstance(p[-1], str)
                and p[-1] not in data]

    def mapping(self, data: Mapping[str, Any], path: PathT, indent: int, *,
                item: bool = False) -> list[str]:
        keys = _order(path, [*data, *self._pending(path, data)])
        if item and keys and keys[0] not in data:  # a list item starts with a real key
            first = next((k for k in keys if k in data), None)
            if first is not None:
                keys.remove(first)
                keys.insert(0, first)
        out: list[str] = []
        for key in keys:
            child = (*path, key)
            if not path and key not in HEAD_KEYS and out:
                out.append("")
            out += self.notes(child, indent)
            if key in data:
                out += self.entry(key, data[key], child, indent)
            else:
                out += self.placeholder(key, child, indent)
        return out

    def placeholder(self, key: str, path: PathT, indent: int) -> list[str]:
        holder = self.placeholders[path]
        out = [" " * indent + "# " + line for line in holder.todo]
        if holder.example is not None:
            out += _commented(self.entry(key, holder.example, path, indent), indent)
        return out

    def _flow(self, value: Mapping[str, Any], path: PathT) -> str | None:
        if not _FLOW.fullmatch(format_path(path)) or not value:
            return None
        if any(p[: len(path)] == path and len(p) > len(path)
               for p in [*self.comments, *self.placeholders]):
            return None
        if any(isinstance(v, dict | list) for v in value.values()):
            return None
        parts = [f"{scalar_key(k)}: {scalar(value[k], flow=True)}" for k in _order(path, value)]
        return "{" + ", ".join(parts) + "}"

    def entry(self, key: str, value: Any, path: PathT, indent: int) -> list[str]:
        head = " " * indent + scalar_key(key) + ":"
        if isinstance(value, dict):
            flow = self._flow(value, path)
            if flow is not None or not value:
                return [f"{head} {flow or '{}'}"]
            return [head, *self.mapping(value, path, indent + 2)]
        if isinstance(value, list):
            return [f"{head} []"] if not value else [head, *self.sequence(value, path, indent + 2)]
        block = literal(value) if isinstance(value, str) else None
        if block:
            return [f"{head} {block[0]}", *(" " * (indent + 2) + line if line else ""
                                            for line in block[1])]
        return [f"{head} {scalar(value)}"]

    def sequence(self, items: Sequence[Any], path: PathT, indent: int) -> list[str]:
        out: list[str] = []
        for i, item in enumerate(items):
            out += self.notes((*path, i), indent)
            out += self.item(item, (*path, i), indent)
        return out

    def item(self, value: Any, path: PathT, indent: int) -> list[str]:
        pad = " " * indent
        if isinstance(value, dict | list) and not value:
            return [pad + "- " + ("{}" if isinstance(value, dict) else "[]")]
        if isinstance(value, dict | list):
            inner = (self.mapping(value, path, indent + 2, item=True) if isinstance(value, dict)
                     else self.sequence(value, path, indent + 2))
            first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
            inner[first] = pad + "- " + inner[first][indent + 2:]
            return inner
        block = literal(value) if isinstance(value, str) else None
        if block:
            return [f"{pad}- {block[0]}", *(pad + "  " + line if line else "" for line in block[1])]
        return [f"{pad}- {scalar(value)}"]


def dump(data: Mapping[str, Any], *, preamble: Sequence[str] = (),
         comments: Mapping[str, Sequence[str]] | None = None,
         placeholders: Mapping[str, Placeholder] | None = None) -> str:
    """The text of a product file for ``data``.

    ``preamble``: note lines written as comments under the two header lines (kept from an
    existing file). ``comments``: field path (``"recognitions[0].signed"``) → comment lines
    written above that field. ``placeholders``: path of a field missing from ``data`` → what
    to write in its place.
    """
    writer = _Writer(comments or {}, placeholders or {})
    lines = [*HEADER, *("# " + line for line in preamble)]
    lines += writer.mapping(nfc(dict(data)), (), 0)
    return "\n".join(lines) + "\n"
