"""A trade-promotion event as published: typed, frozen, built once from a valid event file.

Whether an event is upcoming, under way or over is decided here (:meth:`Event.timing`), for a
day passed in, so the site, the review and the open data agree on it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from ..model.product import Text

#: the kinds an event file may name (schema/event.schema.json ``kind``)
KINDS = ("fair", "exhibition", "trade_mission", "ocop_week", "market_day", "online_campaign")


class Timing(enum.StrEnum):
    """An event on one day."""

    UPCOMING = "upcoming"
    ONGOING = "ongoing"
    PAST = "past"

    @property
    def is_ahead(self) -> bool:
        """Still to come or under way: shown among the upcoming events."""
        return self is not Timing.PAST


@dataclass(frozen=True)
class Venue:
    name: str
    address: str | None = None
    #: (latitude, longitude), WGS 84
    coordinates: tuple[float, float] | None = None


@dataclass(frozen=True)
class Contact:
    phone: str | None = None
    email: str | None = None
    website: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.phone or self.email or self.website)


@dataclass(frozen=True)
class Registration:
    deadline: date | None = None
    how: Text | None = None
    url: str | None = None


@dataclass(frozen=True)
class Participant:
    """A product at the event, by id, with its stand and zone when the organisers give them."""

    product: str
    booth: str | None = None
    zone: str | None = None


@dataclass(frozen=True)
class ProgrammeItem:
    day: date
    title: Text
    time: str | None = None


@dataclass(frozen=True)
class Link:
    url: str
    title: str | None = None


@dataclass(frozen=True)
class Event:
    """One event, as published."""

    id: str
    source_file: str
    name: Text
    kind: str
    start: date
    end: date
    venue: Venue
    organiser: str
    co_organisers: tuple[str, ...] = ()
    description: Text | None = None
    contact: Contact = Contact()
    registration: Registration | None = None
    participants: tuple[Participant, ...] = ()
    programme: tuple[ProgrammeItem, ...] = ()
    links: tuple[Link, ...] = ()
    sources: tuple[Link, ...] = ()
    #: an example shown so the upcoming view can be seen, not a real event
    example: bool = False

    def timing(self, today: date) -> Timing:
        if today < self.start:
            return Timing.UPCOMING
        return Timing.ONGOING if today <= self.end else Timing.PAST

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def product_ids(self) -> tuple[str, ...]:
        return tuple(p.product for p in self.participants)
