"""What a booklet holds: ordered sections of products, each product with an optional booth.

The booklet builder (:mod:`generator.booklet.html`) prints sections and entries in the order
given here; the set builders below decide that order (Vietnamese alphabetical order within a
section, :mod:`generator.booklet.order`). An event's booklet is the same :class:`Booklet` with
its entries in the event page's zone and booth order (:func:`event_booklets`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..events.model import Event
from ..events.stands import by_zone, titled
from ..model.product import Product
from ..site.event_view import SAY as EVENT_SAY
from ..site.event_view import place, when
from ..site.present import current_commune, in_sentence
from ..textfold import slugify
from .order import by_name, by_title
from .texts import SAY

#: the kinds of booklet
KINDS = ("catalogue", "area", "group", "stars", "event", "selection")


@dataclass(frozen=True)
class Entry:
    """One product in a booklet; ``booth`` is its stand at a fair ("A12"), when known."""

    product: Product
    booth: str | None = None


@dataclass(frozen=True)
class Section:
    """A heading of the contents (a commune, a group, a hall) and its products, in order."""

    title: str
    entries: tuple[Entry, ...]
    note: str = ""


@dataclass(frozen=True)
class Booklet:
    """One PDF: ``slug`` names its file (``nhom/thuc-pham``), ``kind`` is one of KINDS and
    ``key`` what it is of (the group's or locality's name, the star count, the event id)."""

    kind: str
    slug: str
    title: str
    sections: tuple[Section, ...]
    subtitle: str = ""
    key: str = ""
    #: a line printed on the cover above the title (an example event's "Sự kiện mẫu")
    banner: str = ""

    @property
    def products(self) -> list[Product]:
        return [entry.product for section in self.sections for entry in section.entries]


def sections_by(products: Iterable[Product], heading: Callable[[Product], tuple[str, str]],
                unknown: frozenset[str] = frozenset()) -> tuple[Section, ...]:
    """Products grouped by ``heading`` (title, note), sections and products in Vietnamese order;
    sections titled in ``unknown`` (a place not recorded) come last."""
    buckets: dict[str, tuple[str, list[Product]]] = {}
    for product in products:
        title, note = heading(product)
        buckets.setdefault(title, (note, []))[1].append(product)
    ordered = sorted(by_title(buckets.items()), key=lambda item: item[0] in unknown)
    return tuple(Section(title, tuple(Entry(p) for p in by_name(items)), note)
                 for title, (note, items) in ordered)


def by_group(product: Product) -> tuple[str, str]:
    return product.group, ""


def by_area(product: Product) -> tuple[str, str]:
    return product.area.name, ""


def by_commune(product: Product, lang: str = "vi") -> tuple[str, str]:
    """Today's commune (and province), with the former district for readers who know it."""
    current = product.origin.current
    former = product.area.name if product.area.key.startswith("d:") else ""
    note = SAY("section.former", lang, name=in_sentence(former)) if former else ""
    commune = current_commune(product)
    if current is None:
        return product.origin.province.name, note
    province = current.province.name
    if commune is None:
        return SAY("section.commune_unknown", lang, province=province), note
    return f"{commune}, {in_sentence(province)}", note


def current_stars(product: Product, today: date) -> int:
    """The star the product may show today (0: none)."""
    current = product.current_recognition(today)
    return current.stars if current is not None else 0


def catalogue(products: Sequence[Product], lang: str = "vi") -> Booklet:
    """The whole catalogue, one section per OCOP group."""
    return Booklet("catalogue", "danh-muc", SAY("title.catalogue", lang),
                   sections_by(products, by_group))


def area_booklets(products: Sequence[Product], lang: str = "vi") -> list[Booklet]:
    """One booklet per locality (the site's ``dia-phuong`` listings), by today's commune."""
    out = []
    for name, items in _bucket(products, lambda p: p.area.name):
        subtitle = SAY("subtitle.area", lang, former=in_sentence(name)) \
            if items[0].area.key.startswith("d:") else ""
        unknown = frozenset(SAY("section.commune_unknown", lang, province=p.origin.current.province.name)
                            for p in items if p.origin.current is not None)
        out.append(Booklet("area", f"dia-phuong/{slugify(name)}", SAY("title.area", lang, name=name),
                           sections_by(items, lambda p: by_commune(p, lang), unknown), subtitle, name))
    return out


def group_booklets(products: Sequence[Product], lang: str = "vi") -> list[Booklet]:
    """One booklet per OCOP group, by locality."""
    return [Booklet("group", f"nhom/{slugify(name)}", SAY("title.group", lang, name=name),
                    sections_by(items, by_area), key=name)
            for name, items in _bucket(products, lambda p: p.group)]


def star_booklets(products: Sequence[Product], today: date, lang: str = "vi") -> list[Booklet]:
    """One booklet per star level held today (5, 4, 3), by group; a lapsed star is in none."""
    out = []
    for stars in (5, 4, 3):
        items = [p for p in products if current_stars(p, today) == stars]
        if items:
            out.append(Booklet("stars", f"sao/{stars}-sao", SAY("title.stars", lang, n=stars),
                               sections_by(items, by_group), SAY("subtitle.stars", lang, n=stars),
                               str(stars)))
    return out


def every_booklet(products: Sequence[Product], today: date, lang: str = "vi",
                  events: Iterable[Event] = ()) -> list[Booklet]:
    """The whole catalogue, then each locality, group, star level and event."""
    return [catalogue(products, lang), *area_booklets(products, lang),
            *group_booklets(products, lang), *star_booklets(products, today, lang),
            *event_booklets(events, products, lang)]


def event_booklet(event_id: str, name: str, halls: Sequence[tuple[str, Sequence[Entry]]],
                  subtitle: str = "", banner: str = "") -> Booklet:
    """An event's booklet, its ``halls`` (a zone's title, its entries with booth numbers)
    printed exactly in the order given — booth order, not alphabetical; a hall without
    entries is left out. ``banner`` is printed on the cover above the title."""
    sections = tuple(Section(title, tuple(entries)) for title, entries in halls if entries)
    return Booklet("event", f"su-kien/{slugify(event_id)}", name, sections, subtitle, event_id,
                   banner)


def event_booklets(events: Iterable[Event], products: Sequence[Product], lang: str = "vi"
                   ) -> list[Booklet]:
    """One booklet per event with participating products among ``products``, its sections the
    event page's zones in the page's order (:func:`generator.events.stands.by_zone`), each
    product with its booth; an example event's cover says it is an example. Soonest first."""
    by_id = {p.id: p for p in products}
    out = []
    for event in sorted(events, key=lambda e: (e.start, e.id)):
        halls = [(zone, [Entry(by_id[p.product], p.booth) for p in items])
                 for zone, items in titled(by_zone(event.participants, by_id),
                                           EVENT_SAY("no_zone", lang))]
        if not halls:
            continue
        subtitle = f"{when(event.start, event.end, lang)} · {place(event.venue)}"
        banner = SAY("example", lang, label=EVENT_SAY("example", lang)) if event.example else ""
        out.append(event_booklet(event.id, SAY("title.event", lang, name=event.name.vi), halls,
                                 subtitle, banner))
    return out


def _bucket(products: Iterable[Product], key: Callable[[Product], str]
            ) -> list[tuple[str, list[Product]]]:
    buckets: dict[str, list[Product]] = {}
    for product in products:
        buckets.setdefault(key(product), []).append(product)
    return by_title(buckets.items())
