"""Write a product file: commented, readable YAML in the order and style of the example product.

``ocop new`` and ``ocop import`` write files an officer then finishes on GitHub's website.
:mod:`.writer` dumps the data (scalars quoted only where :mod:`.scalars` says they must be);
:mod:`.skeleton` adds ``# TODO`` placeholders for what is still unknown, suggests ids and
area folders, and lists what is left to fill. Every file written here loads back through
:mod:`generator.load.yamlload` to exactly the data it was written from (text in NFC).
"""

from __future__ import annotations

from .scalars import quoted, scalar
from .skeleton import (
    ID_PATTERN,
    TO_FILL,
    TODO,
    area_slug,
    file_notes,
    free_id,
    product_id,
    render,
    slug,
    still_to_fill,
    taken_ids,
    with_placeholders,
)
from .writer import HEADER, Placeholder, dump, nfc, parse_path

__all__ = [
    "HEADER", "ID_PATTERN", "TODO", "TO_FILL", "Placeholder", "area_slug", "dump", "file_notes",
    "free_id", "nfc", "parse_path", "product_id", "quoted", "render", "scalar", "slug", "still_to_fill",
    "taken_ids", "with_placeholders",
]
