"""The catalogue an import works on: the product files already under ``products/`` and the
ones this import plans to write (:class:`Plan`), and which of them a sheet row is about (by its
name and subject ignoring tone marks, else by its id)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..findings import display_path
from ..load.discover import discover
from ..load.product import load_product
from ..productfile import file_notes, product_id, render
from ..textfold import fold
from .rows import TODO_KEY, Row


@dataclass
class Plan:
    """A product file: one already in the catalogue, or one this import writes."""

    path: Path
    data: dict[str, Any] | None
    existed: bool
    preamble: list[str] = field(default_factory=list)
    comments: list[tuple[int, str]] = field(default_factory=list)  # other comment lines
    original: dict[str, Any] | None = None
    rows: dict[tuple[tuple[str, str], ...], int] = field(default_factory=dict)
    first_row: int = 0
    changes: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.path.parent.name

    def _folded(self, key: str) -> set[str]:
        block = (self.data or {}).get(key)
        if not isinstance(block, dict):
            return set()
        names = [block.get("vi" if key == "name" else "name"), *block.get("aliases", [])]
        if key == "name":
            names += (self.data or {}).get("aliases", [])
        return {fold(n) for n in names if isinstance(n, str) and n}

    def names(self) -> set[str]:
        return self._folded("name")

    def subjects(self) -> set[str]:
        return self._folded("subject")

    def hand_comments(self) -> list[int]:
        """Lines of comments written by hand (not a TODO or example this tool writes)."""
        ours = {line.strip() for line in render(self.original or {}, preamble=self.preamble)
                .splitlines() if line.lstrip().startswith("#")}
        return [n for n, text in self.comments if text not in ours
                and not text.startswith("# TODO")]

    def text(self) -> str:
        """The file as it will be written."""
        data = copy.deepcopy(self.data or {})
        comments: dict[str, list[str]] = {}
        for i, item in enumerate(data.get("recognitions", [])):
            for key, lines in item.pop(TODO_KEY, {}).items():
                comments[f"recognitions[{i}].{key}"] = lines
        return render(data, preamble=self.preamble, comments=comments)


def _existing(path: Path, root: Path) -> Plan:
    """A product file of the catalogue; its data is None when the file has errors."""
    doc = load_product(path, display_path(path, root))
    data = doc.data if doc.ok else None
    preamble, comments = file_notes(doc.text)
    return Plan(path, data, True, preamble, comments, copy.deepcopy(data))


def load_catalogue(root: Path) -> list[Plan]:
    return [_existing(path, root) for path in discover([root / "products"], root).files]


def match(row: Row, plans: list[Plan]) -> tuple[Plan | None, list[Plan]]:
    """The product a row is about (by folded name and subject, else by id), or the several
    products it could be."""
    name, subject = fold(row.name), fold(row.subject.get("name", ""))
    by_name = [p for p in plans if name in p.names()]
    if subject:
        same = [p for p in by_name if subject in p.subjects()]
        unknown = [p for p in by_name if not p.subjects()]
        candidates = same or unknown
    else:
        candidates = by_name
    if len(candidates) > 1:
        return None, candidates
    if candidates:
        return candidates[0], []
    wanted = product_id(row.name)
    by_id = [p for p in plans if p.id == wanted
             and (not subject or not p.subjects() or subject in p.subjects())]
    return (by_id[0] if by_id else None), []
