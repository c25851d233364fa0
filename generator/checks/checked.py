"""One product file's check result in a form that is cheap to keep and to send: what the
per-file cache stores and what the worker processes hand back.

A :class:`Checked` holds the findings of the file, its data and text, the product built from
it (when it has no errors) and where the values stand that the cross-file checks point at
(:data:`CROSS_FILE_PATHS`). It becomes a :class:`CachedDocument` again: a
:class:`~generator.load.document.Document` whose every other line and column is found, when
some finding asks for one, by reading the same bytes again with the line-keeping loader —
so a finding made from a cached result is located exactly as a fresh one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..load.document import Document, PathT
from ..load.product import load_product
from ..model.product import Product
from .catalogue import Entry

#: the values :mod:`generator.checks.catalogue` locates its findings at
CROSS_FILE_PATHS: tuple[PathT, ...] = (("id",), ("product_type",), ("name", "vi"),
                                        ("processing",))


@dataclass
class CachedDocument(Document):
    """A document rebuilt from a :class:`Checked`; marks are read again on first need."""

    hints: dict[PathT, tuple[int, int]] = field(default_factory=dict)
    source: bytes = b""
    filled: bool = False

    def locate(self, path: PathT, *, key: bool = False) -> tuple[int, int]:
        if not key and not self.filled:
            hit = self.hints.get(tuple(path))
            if hit is not None:
                return hit
        self.fill()
        return super().locate(path, key=key)

    def fill(self) -> None:
        """Every mark of the file, from its bytes (the loader is deterministic)."""
        if not self.filled:
            fresh = load_product(self.source, self.file)
            self.value_marks, self.key_marks = fresh.value_marks, fresh.key_marks
            self.plain_text = fresh.plain_text
            self.filled = True


@dataclass(frozen=True)
class Checked:
    """What checking one product file found, as plain values and the model."""

    file: str
    findings: tuple[Any, ...]
    data: Any
    text: str
    hints: dict[PathT, tuple[int, int]]
    product: Product | None

    @classmethod
    def of(cls, doc: Document, entry: Entry | None) -> Checked:
        hints = {path: doc.locate(path) for path in CROSS_FILE_PATHS}
        return cls(doc.file, tuple(doc.findings), doc.data, doc.text, hints,
                   entry.product if entry is not None else None)

    def restore(self, source: bytes) -> tuple[Document, Entry | None]:
        """The document and entry :func:`generator.validate.check_document` gave."""
        doc = CachedDocument(self.file, self.data, list(self.findings), text=self.text,
                             hints=dict(self.hints), source=source)
        return doc, (Entry(doc, self.product) if self.product is not None else None)
