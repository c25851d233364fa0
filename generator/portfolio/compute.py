"""One computation of the portfolio review: every count, list and timeline the Markdown, CSV,
JSON and the site page print (they only print it).

Counted are the products the validator accepted; every product file with an error is named in
``not_counted`` (a report never drops a file silently, and never fails: ``ocop validate`` says
what to fix).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..model.follow_up import Due, Overdue, Result, follow_up_due, latest_check, overdue_actions
from ..model.product import Product, RecognitionState
from ..resources import product_schema
from ..site.collate import sort_key
from .gaps import GAPS, gaps_of
from .rules import LITTLE_PROCESSED, SEED_LOCALITIES, SameType, is_seed_locality, same_type_groups
from .timeline import Lapsed, Month, lapsed, months_ahead

#: rows of the count tables, in this order (products with an unknown value are "" and last)
COUNTS = ("stars", "group", "district", "commune", "legal_form", "processing")


@dataclass(frozen=True)
class Row:
    """One line of a count table: a key (a code, or the name shown), how many, which ones."""

    key: str
    products: tuple[Product, ...]

    @property
    def n(self) -> int:
        return len(self.products)


@dataclass(frozen=True)
class Table:
    name: str
    rows: tuple[Row, ...]

    @property
    def total(self) -> int:
        return sum(row.n for row in self.rows)


@dataclass(frozen=True)
class Locality:
    """A locality the directive names: its products and their share of those counted."""

    name: str
    products: tuple[Product, ...]
    share: float  # 0..1 of the products counted


@dataclass(frozen=True)
class FollowUpReview:
    due: tuple[tuple[Product, Due], ...]
    overdue: tuple[tuple[Product, Overdue], ...]
    violations: tuple[Product, ...]  # the latest check found a violation


@dataclass(frozen=True)
class Portfolio:
    today: date
    area: str | None
    products: tuple[Product, ...]
    not_counted: tuple[str, ...]
    counts: dict[str, Table]
    same_type: tuple[SameType, ...]
    little_processed: Table  # by former district
    months: tuple[Month, ...]
    lapsed: tuple[Lapsed, ...]
    follow_up: FollowUpReview
    gaps: tuple[Row, ...]  # a product may lack several things: not a partition
    localities: tuple[Locality, ...]

    @property
    def total(self) -> int:
        return len(self.products)


def star_key(product: Product, today: date) -> str:
    """"5", "4", "3" for a star that holds today; else the latest recognition's state."""
    current = product.current_recognition(today)
    if current is not None:
        return str(current.stars)
    return product.latest_recognition().state(today).value


def _district(product: Product) -> str:
    current = product.origin.current
    if current is not None and current.former_district is not None:
        return current.former_district.name
    return product.origin.district.name if product.origin.district else ""


def _commune(product: Product) -> str:
    current = product.origin.current
    return current.commune.name if current is not None and current.commune else ""


def _enum(*path: str) -> tuple[str, ...]:
    node: Any = product_schema()["properties"]
    for key in path:
        node = node[key]
    return tuple(node["enum"])


#: tables whose rows keep a fixed order: stars (current, then why there is none), and the
#: schema's order of legal forms and processing levels; other tables go by name
FIXED_ORDER: dict[str, tuple[str, ...]] = {
    "stars": ("5", "4", "3", *(s.value for s in RecognitionState if not s.is_current)),
    "legal_form": _enum("subject", "properties", "legal_form"),
    "processing": _enum("processing"),
}


def _order(name: str, key: str) -> tuple[int, int, object]:
    fixed = FIXED_ORDER.get(name)
    if key == "":
        return 1, 0, ""
    if fixed is not None:
        return 0, fixed.index(key) if key in fixed else len(fixed), sort_key(key)
    return 0, 0, sort_key(key)


def table(name: str, products: Sequence[Product], key: Callable[[Product], str]) -> Table:
    """Products counted by ``key``: every product in exactly one row."""
    rows: dict[str, list[Product]] = {}
    for product in products:
        rows.setdefault(key(product), []).append(product)
    ordered = sorted(rows.items(), key=lambda item: _order(name, item[0]))
    return Table(name, tuple(Row(k, tuple(v)) for k, v in ordered))


def _keys(today: date) -> dict[str, Callable[[Product], str]]:
    return {"stars": lambda p: star_key(p, today), "group": lambda p: p.group,
            "district": _district, "commune": _commune,
            "legal_form": lambda p: (p.subject.legal_form or "") if p.subject else "",
            "processing": lambda p: p.processing}


def _follow_up(products: Sequence[Product], today: date) -> FollowUpReview:
    due = [(p, d) for p in products if (d := follow_up_due(p, today)) is not None]
    overdue = [(p, o) for p in products for o in overdue_actions(p.follow_up, today)]
    violations = [p for p in products if (c := latest_check(p.follow_up)) is not None
                  and c.result is Result.VIOLATION]
    return FollowUpReview(tuple(due), tuple(overdue), tuple(violations))


def _localities(products: Sequence[Product]) -> tuple[Locality, ...]:
    out = []
    for name in SEED_LOCALITIES:
        mine = tuple(p for p in products if is_seed_locality(p, name))
        out.append(Locality(name, mine, len(mine) / len(products) if products else 0.0))
    return tuple(out)


def compute(products: Sequence[Product], not_counted: Sequence[str], today: date,
            area: str | None = None) -> Portfolio:
    """The review of ``products`` (already narrowed to ``area``) on ``today``."""
    ordered = tuple(sorted(products, key=lambda p: (sort_key(p.name.vi), p.id)))
    keys = _keys(today)
    little = [p for p in ordered if p.processing in LITTLE_PROCESSED]
    lacking = [gaps_of(p) for p in ordered]  # once a product, not once a gap and product
    return Portfolio(
        today=today, area=area, products=ordered, not_counted=tuple(sorted(not_counted)),
        counts={name: table(name, ordered, keys[name]) for name in COUNTS},
        same_type=tuple(same_type_groups(ordered)),
        little_processed=table("district", little, _district),
        months=months_ahead(ordered, today), lapsed=lapsed(ordered, today),
        follow_up=_follow_up(ordered, today),
        gaps=tuple(Row(gap, tuple(p for p, its in zip(ordered, lacking, strict=True)
                                  if gap in its)) for gap in GAPS),
        localities=_localities(ordered))
