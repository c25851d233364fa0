"""The one way to load a product file: its bytes (or its path) to a :class:`Document`.

``ocop validate`` and the build (:mod:`generator.validate`), ``ocop review`` (both sides of a
change, read from git) and ``ocop import`` (the catalogue it merges rows into) all read a
product file through :func:`load_product`, so the three agree on what a file says:

1. the size limit (:data:`~generator.load.text.MAX_BYTES`; a file on disk over it is not read);
2. UTF-8 only, a byte-order mark dropped with a warning (:mod:`generator.load.text`);
3. YAML with the line and column of every value, plain scalars read the YAML 1.2 way, text in
   NFC (:mod:`generator.load.yamlload`);
4. unquoted numbers put back as typed text where the schema wants text
   (:mod:`generator.load.coerce`).

Problems become findings on the document, never exceptions; ``doc.data`` is the data (a
mapping) only when loading found no error, and ``doc.text`` is the officer's text whenever it
could be decoded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .coerce import coerce_to_schema
from .document import Document
from .text import read_text
from .yamlload import load_text


def load_document(source: Path | bytes, file: str,
                  coerce: Callable[[Document], None]) -> Document:
    """Steps 1–3 above for any data file (products, events), then its own schema's ``coerce``."""
    doc = Document(file)
    text = read_text(source, doc)
    if text is None:
        return doc
    load_text(text, doc)
    if doc.data is not None:
        coerce(doc)
    return doc


def load_product(source: Path | bytes, file: str) -> Document:
    """Load one product file from disk (``source`` a path) or from its bytes (read from git,
    say); ``file`` is the name findings carry (repository-relative, with ``/``)."""
    return load_document(source, file, coerce_to_schema)
