"""Vietnamese alphabetical order for booklets (a ă â b c d đ e ê …, tones as a second key).

The one collation is :mod:`generator.site.collate`; this module only applies it to products
and section titles, so a printed contents and the site's listings agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from ..model.product import Product
from ..site.collate import sort_key

T = TypeVar("T")


def by_name(products: Iterable[Product]) -> list[Product]:
    """Products by their Vietnamese name (then id, so equal names keep a fixed order)."""
    return sorted(products, key=lambda p: (sort_key(p.name.vi), p.id))


def by_title(items: Iterable[tuple[str, T]]) -> list[tuple[str, T]]:
    """``(title, value)`` pairs by title in Vietnamese order."""
    return sorted(items, key=lambda item: sort_key(item[0]))
