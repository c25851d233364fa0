"""The one way to load an event file: the same safe loader as products, the event schema.

An event file goes through exactly the steps a product file does (:mod:`generator.load`): the
size limit, UTF-8 only, YAML with the line and column of every value, plain scalars the YAML
1.2 way, NFC text, nesting and character limits. Only the schema differs: unquoted numbers are
put back as typed wherever ``schema/event.schema.json`` wants text (a booth ``12``, a phone).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path, PurePath
from typing import Any

from ..load.coerce import coerce_to_schema
from ..load.document import Document, PathT
from ..load.product import load_document
from ..resources import resolve as schema_resolve
from ..resources import resource_path
from ..resources import subschema as schema_subschema

#: the folder of event files, at the top of the repository
EVENTS_DIR = "events"
_SUFFIXES = (".yaml", ".yml")


@cache
def event_schema() -> dict[str, Any]:
    """The event JSON Schema, parsed once."""
    with resource_path("schema/event.schema.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref`` of the event schema, the referring node's keywords over it."""
    return schema_resolve(node, event_schema())


def subschema(path: PathT) -> dict[str, Any]:
    """The event schema's node describing the value at ``path`` (empty when unknown)."""
    return schema_subschema(tuple(path), event_schema())


def _coerce(doc: Document) -> None:
    coerce_to_schema(doc, event_schema())


def load_event(source: Path | bytes, file: str) -> Document:
    """Load one event file from disk or from its bytes; ``file`` is the name findings carry."""
    return load_document(source, file, _coerce)


def is_event_file(path: PurePath) -> bool:
    return path.suffix in _SUFFIXES and not path.name.startswith(".")


def event_files(folder: Path) -> list[Path]:
    """The event files of ``folder`` (``events/``), sorted; none when it does not exist."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if is_event_file(p) and not p.is_dir())


def event_id(path: Path | str) -> str:
    """The id a file's name gives its event: ``events/x.yaml`` → ``x``."""
    return Path(path).stem
