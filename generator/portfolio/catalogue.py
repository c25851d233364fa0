"""The portfolio of a repository: validate ``products/`` once, count what passed, name the rest."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..validate import validate
from .compute import Portfolio, compute
from .rules import in_area


def review(root: Path, today: date, area: str | None = None,
           products_dir: str = "products") -> Portfolio:
    """The review of ``root/products_dir`` on ``today``, narrowed to ``area`` when given.

    A file with an error is never counted and always named (whatever ``area`` asks: a broken
    file's area cannot be trusted)."""
    result = validate([root / products_dir], root, today)
    broken = sorted({finding.file for finding in result.errors})
    products = [p for p in result.products if area is None or in_area(p, area)]
    return compute(products, broken, today, area)
