"""Stars over time: how many end in each of the next 24 months, and which have lapsed with no
re-evaluation (the directive's subjects who "register and then give up")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..model.product import Product, Recognition, RecognitionState
from ..rules import add_months

#: how far ahead the expiry timeline looks
MONTHS_AHEAD = 24


@dataclass(frozen=True)
class Month:
    """The current stars whose last valid day falls in the month starting on ``start``."""

    start: date
    products: tuple[Product, ...]

    @property
    def n(self) -> int:
        return len(self.products)

    def label(self) -> str:
        return f"{self.start.month:02d}/{self.start.year}"


@dataclass(frozen=True)
class Lapsed:
    """A product whose latest star expired and was not followed by a new recognition."""

    product: Product
    recognition: Recognition
    since: date  # the first day without the star
    months: int  # whole months since then


def months_ahead(products: Sequence[Product], today: date,
                 count: int = MONTHS_AHEAD) -> tuple[Month, ...]:
    """The ``count`` months from today's month on, each with the stars ending in it."""
    first = today.replace(day=1)
    starts = [add_months(first, i) for i in range(count)]
    ends: dict[tuple[int, int], list[Product]] = {(d.year, d.month): [] for d in starts}
    for product in products:
        current = product.current_recognition(today)
        if current is not None:
            last = current.validity(today).last_day
            ends.get((last.year, last.month), []).append(product)
    return tuple(Month(d, tuple(ends[(d.year, d.month)])) for d in starts)


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def lapsed(products: Sequence[Product], today: date) -> tuple[Lapsed, ...]:
    """Products whose latest recognition has expired, the longest lapsed first."""
    out = []
    for product in products:
        latest = product.latest_recognition()
        validity = latest.validity(today)
        if validity.state is RecognitionState.EXPIRED:
            since = validity.first_invalid_day
            out.append(Lapsed(product, latest, since, _months_between(since, today)))
    return tuple(sorted(out, key=lambda item: (item.since, item.product.id)))
