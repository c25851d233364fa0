"""The typed catalogue: products as every later stage sees them, with derived facts.

Built only by :func:`generator.model.build.build_product`, from documents that passed the
schema. Nothing downstream reads a product's raw data: each part a page, a report or a check
reads is a field here. Validity, rule version, recognising level and the product's area are
decided here, never read from the file.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ..rules import EXPIRY_NOTICE_DAYS, Level, PartialDate, level_on, rules_in_force, valid_until
from ..textfold import fold

if TYPE_CHECKING:
    from ..places import CurrentOrigin


class RecognitionState(enum.StrEnum):
    """What a recognition means on a given day."""

    ACTIVE = "active"
    EXPIRING = "expiring"  # active, but ends within EXPIRY_NOTICE_DAYS
    UNCERTAIN = "uncertain"  # signing date too vague to tell
    EXPIRED = "expired"
    SUPERSEDED = "superseded"
    REVOKED = "revoked"

    @property
    def is_current(self) -> bool:
        """May the product show this star today?"""
        return self in (RecognitionState.ACTIVE, RecognitionState.EXPIRING)


@dataclass(frozen=True)
class Validity:
    """A recognition on one day: its state and the last day it is (or was) valid.

    ``last_day`` is the earliest possible last valid day and ``last_day_latest`` the latest
    (equal for an exact signing date); ``days_left`` counts from ``today`` to ``last_day``.
    """

    state: RecognitionState
    last_day: date
    last_day_latest: date
    days_left: int

    @property
    def first_invalid_day(self) -> date:
        """The first day the star no longer holds (the day after the latest last valid day)."""
        return self.last_day_latest + timedelta(days=1)


@dataclass(frozen=True)
class Text:
    vi: str
    en: str | None = None


@dataclass(frozen=True)
class Recognition:
    index: int
    signed: PartialDate
    stars: int
    decision: str | None = None
    authority: str | None = None
    level: Level | None = None
    rules: str | None = None
    score: float | None = None
    recorded_status: str = "active"
    note: str | None = None
    source: str | None = None
    revoked_on: PartialDate | None = None

    @property
    def derived_rules(self) -> str:
        return self.rules or rules_in_force(self.signed.latest())

    @property
    def derived_level(self) -> Level:
        return self.level or level_on(self.signed.earliest(), self.derived_rules, self.stars)

    @property
    def valid_until(self) -> tuple[date, date]:
        """Last valid day: earliest and latest possible (36 months from signing)."""
        return valid_until(self.signed)

    def validity(self, today: date) -> Validity:
        """The one decision of what this recognition means on ``today``."""
        earliest_end, latest_end = self.valid_until
        if self.recorded_status == "revoked":
            state = RecognitionState.REVOKED
        elif self.recorded_status == "superseded":
            state = RecognitionState.SUPERSEDED
        elif today > latest_end:
            state = RecognitionState.EXPIRED
        elif today > earliest_end:
            state = RecognitionState.UNCERTAIN
        elif earliest_end - today < timedelta(days=EXPIRY_NOTICE_DAYS):
            state = RecognitionState.EXPIRING
        else:
            state = RecognitionState.ACTIVE
        return Validity(state, earliest_end, latest_end, (earliest_end - today).days)

    def state(self, today: date) -> RecognitionState:
        return self.validity(today).state


@dataclass(frozen=True)
class Subject:
    name: str
    legal_form: str | None = None
    aliases: tuple[str, ...] = ()
    tax_code: str | None = None
    address: str | None = None
    phones: tuple[str, ...] = ()
    email: str | None = None
    website: str | None = None


@dataclass(frozen=True)
class Photo:
    file: str
    role: str
    alt: Text
    date: str | None = None


@dataclass(frozen=True)
class RecordedUnit:
    """An administrative unit as the decision wrote it."""

    name: str
    code: str | None = None


@dataclass(frozen=True)
class Area:
    """The locality a product is grouped under: ``key`` compares, ``name`` is shown."""

    key: str
    name: str


@dataclass(frozen=True)
class Origin:
    """Where the product comes from: as recorded in its decision, and in today's units."""

    scheme: str
    province: RecordedUnit
    district: RecordedUnit | None = None
    commune: RecordedUnit | None = None
    village: str | None = None
    craft_village: str | None = None
    current_commune: str | None = None
    coordinates: tuple[float, float] | None = None
    current: CurrentOrigin | None = None

    @property
    def area(self) -> Area:
        """The one rule for a product's area: the former district when known, else the
        current commune, else the current province, else the recorded province."""
        current = self.current
        if current is not None and current.former_district is not None:
            return Area("d:" + current.former_district.code, current.former_district.name)
        if self.district is not None:
            return Area("d:" + fold(self.district.name), self.district.name)
        if current is not None and current.commune is not None:
            return Area("c:" + current.commune.code, current.commune.name)
        if current is not None:
            return Area("p:" + current.province.code, current.province.name)
        return Area("p:" + fold(self.province.name), self.province.name)

    def recorded_names(self) -> list[str]:
        """Commune, district, province as recorded (the most local first)."""
        return [u.name for u in (self.commune, self.district, self.province) if u is not None]


@dataclass(frozen=True)
class Content:
    description: Text
    ingredients: Text | None = None
    usage: Text | None = None
    storage: Text | None = None

    def sections(self) -> list[tuple[str, Text]]:
        """(key, text) of every section given, in page order."""
        items = (("description", self.description), ("ingredients", self.ingredients),
                 ("usage", self.usage), ("storage", self.storage))
        return [(key, text) for key, text in items if text is not None and text.vi]


@dataclass(frozen=True)
class Packaging:
    description: Text | None = None
    net_contents: str | None = None
    shelf_life: str | None = None
    gtin: str | None = None
    traceability_url: str | None = None


def vnd(amount: int) -> str:
    """``125000`` → ``125.000 ₫``."""
    return f"{amount:,}".replace(",", ".") + " ₫"


@dataclass(frozen=True)
class Price:
    min: int
    unit: str
    max: int | None = None
    as_of: str | None = None

    @property
    def is_range(self) -> bool:
        return self.max is not None and self.max != self.min

    def display(self) -> str:
        """``125.000 ₫ – 150.000 ₫ / chai 500 ml`` (the same in both languages)."""
        text = vnd(self.min)
        if self.is_range:
            assert self.max is not None
            text += " – " + vnd(self.max)
        return f"{text} / {self.unit}"


@dataclass(frozen=True)
class Standard:
    scheme: str
    name: str | None = None
    certificate: str | None = None
    issuer: str | None = None
    valid_from: PartialDate | None = None
    valid_until: PartialDate | None = None
    source: str | None = None

    def expired(self, today: date) -> bool:
        return self.valid_until is not None and self.valid_until.latest() < today

    def valid_on(self, today: date) -> bool:
        """Surely valid on ``today``: started (if a start is given), and an end date that today
        has not passed. A month- or year-only end counts until that month's or year's first
        day (it may end then); a certificate with no end date is not known to be valid."""
        started = self.valid_from is None or self.valid_from.latest() <= today
        return started and self.valid_until is not None and today <= self.valid_until.earliest()


@dataclass(frozen=True)
class Improvement:
    """An improvement the subject declared (new technology, equipment, packaging, …)."""

    date: PartialDate
    kind: str
    description: Text
    source: str


@dataclass(frozen=True)
class Specialty:
    """A source's word that the product is a local specialty with a raw-material advantage."""

    description: Text
    source: str


@dataclass(frozen=True)
class SalesChannel:
    kind: str
    name: str
    url: str | None = None


@dataclass(frozen=True)
class Source:
    url: str
    title: str | None = None


@dataclass(frozen=True)
class Product:
    """One product, as published."""

    id: str
    source_file: str
    folder: Path
    name: Text
    product_type: str
    group: str
    processing: str
    recognitions: tuple[Recognition, ...]
    origin: Origin
    content: Content
    sources: tuple[Source, ...]
    subject: Subject | None = None
    aliases: tuple[str, ...] = ()
    subgroup: str | None = None
    group_recorded: tuple[str, str] | None = None  # (taxonomy, name)
    standards: tuple[Standard, ...] = ()
    packaging: Packaging = Packaging()
    photos: tuple[Photo, ...] = ()
    price: Price | None = None
    sales_channels: tuple[SalesChannel, ...] = ()
    improvements: tuple[Improvement, ...] = ()
    specialty: Specialty | None = None

    @property
    def area(self) -> Area:
        return self.origin.area

    def latest_recognition(self) -> Recognition:
        return max(self.recognitions, key=lambda r: (r.signed.latest(), r.index))

    def current_recognition(self, today: date) -> Recognition | None:
        """The recognition that lets the product show a star today, if any."""
        current = [r for r in self.recognitions if r.state(today).is_current]
        return max(current, key=lambda r: r.signed.latest()) if current else None
