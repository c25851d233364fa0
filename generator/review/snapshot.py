"""Product folders on each side of a comparison, and how they pair up into changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from ..checks.origin import check_origin
from ..checks.recognitions import check_recognitions
from ..checks.schema import check_schema
from ..load.discover import PRODUCT_FILE
from ..load.document import Document
from ..load.product import load_product
from ..model.build import build_product
from ..model.product import Product
from .differ import value_at
from .trees import Tree


@dataclass(frozen=True)
class Snapshot:
    """One product folder on one side of the comparison."""

    folder: str
    data: dict[str, Any] | None  # raw data (None when the YAML cannot be read)
    valid: bool  # passed the schema, so fields have the expected types
    product: Product | None  # the typed model, when the recognitions can be read
    files: dict[str, str]  # every file in the folder → content id
    text: str | None

    @property
    def file(self) -> str:
        return f"{self.folder}/{PRODUCT_FILE}"

    @property
    def id(self) -> str:
        value = self.data.get("id") if self.data else None
        return value if isinstance(value, str) and value else PurePosixPath(self.folder).name

    @property
    def name(self) -> str:
        if self.product is not None:
            return self.product.name.vi
        name = value_at(self.data, "name.vi")
        return name if isinstance(name, str) else self.id


def load_model(raw: bytes, file: str, today: date) -> tuple[Document, bool, Product | None]:
    """Read a product file as the validator does, without photo checks: the document,
    whether it passed the schema, and the typed model when it can be built."""
    doc = load_product(raw, file)
    if not isinstance(doc.data, dict):
        return doc, False, None
    doc.findings += check_schema(doc)
    if any(f.is_error for f in doc.findings):
        return doc, False, None
    if any(f.code == "recognition.bad_date" for f in check_recognitions(doc, today)):
        return doc, True, None
    current, _ = check_origin(doc)
    return doc, True, build_product(doc.data, file, Path(file).parent, current)


def snapshots(tree: Tree, folders: Sequence[str], today: date) -> dict[str, Snapshot]:
    """The product folders among ``folders`` (those holding product.yaml) on one side."""
    listing = tree.files(folders)
    products = [folder for folder in folders if PRODUCT_FILE in listing.get(folder, {})]
    texts = tree.read([f"{folder}/{PRODUCT_FILE}" for folder in products])
    out: dict[str, Snapshot] = {}
    for folder in products:
        file = f"{folder}/{PRODUCT_FILE}"
        doc, valid, product = load_model(texts[file] or b"", file, today)
        data = doc.data if isinstance(doc.data, dict) else None
        out[folder] = Snapshot(folder, data, valid, product, listing[folder], doc.text or None)
    return out


@dataclass(frozen=True)
class Change:
    """One product folder added, removed, moved (same id, other folder) or changed."""

    kind: str  # "added", "removed", "moved" or "changed"
    old: Snapshot | None
    new: Snapshot | None

    @property
    def current(self) -> Snapshot:
        snapshot = self.new or self.old
        assert snapshot is not None
        return snapshot


def pair(old: dict[str, Snapshot], new: dict[str, Snapshot]) -> list[Change]:
    """Changes by folder; a product that left one folder for another with its id is a move."""
    changes = [Change("changed", old[f], new[f]) for f in sorted(old.keys() & new.keys())]
    removed = [old[f] for f in sorted(old.keys() - new.keys())]
    for folder in sorted(new.keys() - old.keys()):
        match = next((s for s in removed if s.id == new[folder].id), None)
        if match is None:
            changes.append(Change("added", None, new[folder]))
        else:
            removed.remove(match)
            changes.append(Change("moved", match, new[folder]))
    changes += [Change("removed", snapshot, None) for snapshot in removed]
    return sorted(changes, key=lambda change: change.current.folder)
