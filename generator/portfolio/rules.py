"""The seed directive's portfolio questions, decided once for the validator and the review.

The 2020 Quảng Nam directive (/work/shared/seed/ in the project notes; baoquangnam.vn) asks
provinces to limit several subjects registering the same kind of product in one area, products
that are still raw, fresh or unprocessed, and to report on the localities with many products.
:mod:`generator.checks.catalogue` warns file by file from these rules; :mod:`.compute` counts
the whole portfolio from the same ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..model.product import Product
from ..textfold import fold, fold_compact, fold_place, slugify

#: processing levels the validator warns about (``portfolio.raw_product``)
RAW_LEVELS = ("fresh", "raw")
#: the report's "raw, fresh and primary-processed" (the directive: "còn ở dạng thô, chưa qua
#: chế biến, chế biến sâu, các sản phẩm tươi sống")
LITTLE_PROCESSED = (*RAW_LEVELS, "primary-processed")

#: "Các địa phương có nhiều sản phẩm OCOP như: Tiên Phước, Đông Giang, Bắc Trà My, Hội An"
#: (the seed directive): the former districts it names, by their names without the level word
SEED_LOCALITIES = ("Tiên Phước", "Đông Giang", "Bắc Trà My", "Hội An")


def subject_key(product: Product) -> str:
    """Who registered the product: its subject's folded name (a product without a subject
    counts as its own subject)."""
    return fold_compact(product.subject.name) if product.subject else "?" + product.id


@dataclass(frozen=True)
class SameType:
    """One product type registered by several subjects in one area (the directive's
    "trùng lắp về chủng loại")."""

    product_type: str
    area: str
    products: tuple[Product, ...]

    @property
    def subjects(self) -> int:
        return len({subject_key(p) for p in self.products})


def same_type_key(product: Product) -> tuple[str, str]:
    return fold(product.product_type), product.area.key


def same_type_anchor(product_type: str, area: str) -> str:
    """The stable id of a group on the portfolio page (``trung-loai-nuoc-mam-thanh-pho-hoi-an``),
    so a review or an issue can link to it."""
    return f"trung-loai-{slugify(product_type)}-{slugify(area)}"


def same_type_groups(products: Iterable[Product]) -> list[SameType]:
    """Every (product type, area) that more than one subject registered, in input order."""
    buckets: dict[tuple[str, str], list[Product]] = defaultdict(list)
    for product in products:
        buckets[same_type_key(product)].append(product)
    return [SameType(items[0].product_type, items[0].area.name, tuple(items))
            for items in buckets.values() if len({subject_key(p) for p in items}) > 1]


def is_seed_locality(product: Product, name: str) -> bool:
    """Is the product's area (its former district) the locality ``name`` of the directive?"""
    return fold_place(product.area.name) == fold_place(name)


def in_area(product: Product, wanted: str) -> bool:
    """``--area``: the area folder (``tien-phuoc``), the former district or the current
    commune, written with or without tone marks and the level word."""
    key = fold_place(wanted)
    names = [product.area.name, product.folder.parent.name.replace("-", " ")]
    current = product.origin.current
    if current is not None and current.commune is not None:
        names.append(current.commune.name)
    return any(fold_place(name) == key for name in names)
