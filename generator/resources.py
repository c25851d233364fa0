"""Find the files the tool ships with: schema/, data/ and site_templates/.

In a checkout they sit at the repository root; in an installed wheel they are copied into
``generator/_resources/`` (see pyproject.toml). Both are looked up the same way. The product
schema is parsed once, and :func:`subschema` finds the node describing any value in it.
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


def resolve(node: dict[str, Any], schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """Follow a local ``$ref`` of ``schema`` (the product schema unless another is given, e.g.
    the event schema) and merge the referring node's own keywords over it."""
    ref = node.get("$ref")
    if not ref:
        return node
    root = schema if schema is not None else product_schema()
    target = root["$defs"][ref.rsplit("/", 1)[-1]]
    return {**resolve(target, root), **{k: v for k, v in node.items() if k != "$ref"}}


def subschema(path: tuple[str | int, ...],
              schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """The node of ``schema`` (the product schema unless given) describing the value at
    ``path`` (empty when unknown)."""
    root = schema if schema is not None else product_schema()
    node: dict[str, Any] = resolve(root, root)
    for part in path:
        if isinstance(part, int):
            node = resolve(node.get("items", {}), root)
        else:
            node = resolve(node.get("properties", {}).get(part, {}), root)
        if not node:
            return {}
    return node
