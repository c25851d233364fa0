"""Unquoted values put back as the officer typed them where the schema wants text.

``tax_code: 4000410407`` or ``code: 20857`` is read as a number by any YAML parser; the
officer meant the digits. The YAML step keeps the typed text of every plain scalar it read as a
number, boolean or null (:attr:`Document.plain_text`); this step puts it back wherever the
product schema expects a string. Values in fields that want numbers are left alone.
"""

from __future__ import annotations

from typing import Any

from ..resources import subschema
from .document import Document


def coerce_to_schema(doc: Document, schema: dict[str, Any] | None = None) -> None:
    """Put back, as typed, unquoted numbers/booleans where ``schema`` (the product schema
    unless another is given) expects text.

    Idempotent: a document already coerced is left as it is.
    """
    for path, raw in doc.plain_text.items():
        if subschema(path, schema).get("type") == "string":
            parent: Any = doc.data
            for part in path[:-1]:
                parent = parent[part]
            parent[path[-1]] = raw
