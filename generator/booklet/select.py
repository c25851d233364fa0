"""``ocop print --group/--area/--stars`` and ``--event``: the booklet a selection asks for.

One criterion gives the same booklet as the site publishes (a group's, a locality's, a star
level's); several give one booklet of the products matching all of them. Names are matched as
officers type them: "tien phuoc", "Tiên Phước" and "Huyện Tiên Phước" are the same locality.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..errors import UsageError
from ..events.model import Event
from ..model.product import Product
from ..site.i18n import t as site_t
from ..textfold import fold, fold_place, slugify
from .order import by_title
from .sets import (
    Booklet,
    area_booklets,
    by_area,
    by_commune,
    by_group,
    catalogue,
    current_stars,
    event_booklets,
    group_booklets,
    sections_by,
    star_booklets,
)
from .texts import SAY


@dataclass(frozen=True)
class Selection:
    group: str | None = None
    area: str | None = None
    stars: int | None = None

    @property
    def count(self) -> int:
        return sum(value is not None for value in (self.group, self.area, self.stars))


def _match(what: str, typed: str, names: Sequence[str], lang: str) -> str:
    """The one name of ``names`` that ``typed`` means (exact, folded, slug, or without the
    unit's level word), else a UsageError listing the choices."""
    for key in (lambda s: s, fold, slugify, fold_place):
        found = [name for name in names if key(name) == key(typed)]
        if len(found) == 1:
            return found[0]
    choices = ", ".join(name for name, _ in by_title((n, n) for n in names))
    raise UsageError(SAY("unknown_choice", lang, what=SAY(f"what.{what}", lang), value=typed,
                         choices=choices))


def resolve(selection: Selection, products: Sequence[Product], lang: str = "vi") -> Selection:
    """The selection with its group and locality spelled as the catalogue spells them."""
    group = _match("group", selection.group, sorted({p.group for p in products}), lang) \
        if selection.group is not None else None
    area = _match("area", selection.area, sorted({p.area.name for p in products}), lang) \
        if selection.area is not None else None
    if selection.stars is not None and selection.stars not in (3, 4, 5):
        raise UsageError("--stars: 3, 4, 5")
    return Selection(group, area, selection.stars)


def _keeps(selection: Selection, product: Product, today: date) -> bool:
    return ((selection.group is None or product.group == selection.group)
            and (selection.area is None or product.area.name == selection.area)
            and (selection.stars is None or current_stars(product, today) == selection.stars))


def _combined(selection: Selection, products: Sequence[Product], lang: str) -> Booklet:
    parts = [part for part in (selection.area, selection.group,
                               site_t("stars", lang, n=selection.stars)
                               if selection.stars else None) if part]
    heading = (lambda p: by_commune(p, lang)) if selection.area else \
        by_area if selection.group else by_group
    slug = "-".join(slugify(part) for part in parts)
    return Booklet("selection", f"chon/{slug}", SAY("title.selection", lang, parts=" · ".join(parts)),
                   sections_by(products, heading))


def select(selection: Selection, products: Sequence[Product], today: date,
           lang: str = "vi") -> Booklet:
    """The booklet of ``selection`` (the whole catalogue when nothing is selected)."""
    selection = resolve(selection, products, lang)
    kept = [p for p in products if _keeps(selection, p, today)]
    if not kept:
        shown = ", ".join(str(v) for v in (selection.area, selection.group, selection.stars) if v)
        raise UsageError(SAY("nothing_selected", lang, selection=shown))
    if selection.count == 0:
        return catalogue(kept, lang)
    if selection.count > 1:
        return _combined(selection, kept, lang)
    if selection.area is not None:
        return area_booklets(kept, lang)[0]
    if selection.group is not None:
        return group_booklets(kept, lang)[0]
    return star_booklets(kept, today, lang)[0]


def select_event(typed: str, events: Iterable[Event], products: Sequence[Product],
                 lang: str = "vi") -> Booklet:
    """The booklet of the event ``typed`` names (its id, as the site publishes it), else a
    UsageError listing the events that have a booklet (those with participating products)."""
    booklets = {b.key: b for b in event_booklets(events, products, lang)}
    return booklets[_match("event", typed, sorted(booklets), lang)]
