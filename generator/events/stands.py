"""Where an event's products stand, in the order a visitor walks them — decided once.

The event page (:mod:`generator.site.event_view`) and the event's printed booklet
(:func:`generator.booklet.sets.event_booklets`) both show the participants through
:func:`by_zone`, so the page and the booklet list the same products in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable

from .model import Participant

Groups = list[tuple[str, list[Participant]]]

#: the zone of the participants the organisers put in no zone (named by the caller)
NO_ZONE = ""


def booth_key(booth: str | None) -> tuple[int, tuple[tuple[int, int, str], ...]]:
    """Booths in the order a visitor walks them: 2 before 12, A2 before A10; no booth last."""
    if not booth:
        return (1, ())
    parts = re.findall(r"\d+|\D+", booth)
    return (0, tuple((0, int(p), "") if p.isdigit() else (1, 0, p.casefold()) for p in parts))


def by_zone(participants: Iterable[Participant], shown: Container[str]
            ) -> list[tuple[str, list[Participant]]]:
    """The participants whose product is in ``shown``, by zone: zones in booth order (the
    zone of the lowest booth first), participants without a zone last (zone ``NO_ZONE``),
    each zone's participants by booth (those without a booth last, as listed)."""
    groups: dict[str, list[Participant]] = {}
    for item in participants:
        if item.product in shown:
            groups.setdefault(item.zone or NO_ZONE, []).append(item)
    ordered = sorted(groups.items(), key=lambda g: (g[0] == NO_ZONE,
                                                    min(booth_key(p.booth) for p in g[1])))
    return [(zone, sorted(items, key=lambda p: booth_key(p.booth))) for zone, items in ordered]


def titled(groups: Groups, other: str) -> Groups:
    """Zone titles as shown: the participants in no zone are ``other`` ("Khu khác") beside named
    zones, but an event that names no zone at all shows one untitled group, not "other"."""
    if len(groups) == 1 and groups[0][0] == NO_ZONE:
        return groups
    return [(zone or other, items) for zone, items in groups]
