"""Find the files the tool ships with: schema/, data/ and site_templates/.

In a checkout they sit at the repository root; in an installed wheel they are copied into
``generator/_resources/`` (see pyproject.toml). Both are looked up the same way.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent


def resource_path(relative: str) -> Path:
    """Path of a shipped resource such as ``schema/product.schema.json``."""
    for base in (_PACKAGE / "_resources", _PACKAGE.parent):
        candidate = base / relative
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"resource not found: {relative}")


@cache
def product_schema() -> dict[str, Any]:
    """The product JSON Schema, parsed once."""
    with resource_path("schema/product.schema.json").open(encoding="utf-8") as handle:
        return json.load(handle)
