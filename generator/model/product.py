"""The typed catalogue: products as the rest of the tool sees them, with derived facts.

Built only from documents that passed the schema, so fields are present and well-typed.
Validity, rule version and recognising level are derived here, never read from the file.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..rules import EXPIRY_NOTICE_DAYS, Level, PartialDate, expected_level, rules_in_force, valid_until


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
class Text:
    vi: str
    en: str | None = None

    @classmethod
    def of(cls, data: dict[str, str] | None) -> Text | None:
        return cls(data["vi"], data.get("en")) if data else None


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

    @property
    def derived_rules(self) -> str:
        return self.rules or rules_in_force(self.signed.latest())

    @property
    def derived_level(self) -> Level:
        return self.level or expected_level(self.derived_rules, self.stars)

    @property
    def valid_until(self) -> tuple[date, date]:
        return valid_until(self.signed)

    def state(self, today: date) -> RecognitionState:
        if self.recorded_status == "revoked":
            return RecognitionState.REVOKED
        if self.recorded_status == "superseded":
            return RecognitionState.SUPERSEDED
        earliest_end, latest_end = self.valid_until
        if today > latest_end:
            return RecognitionState.EXPIRED
        if today > earliest_end:
            return RecognitionState.UNCERTAIN
        if earliest_end - today < timedelta(days=EXPIRY_NOTICE_DAYS):
            return RecognitionState.EXPIRING
        return RecognitionState.ACTIVE


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
    origin: dict[str, Any]
    content: dict[str, Any]
    sources: tuple[dict[str, str], ...]
    subject: Subject | None = None
    aliases: tuple[str, ...] = ()
    subgroup: str | None = None
    group_recorded: dict[str, str] | None = None
    standards: tuple[dict[str, Any], ...] = ()
    packaging: dict[str, Any] = field(default_factory=dict)
    photos: tuple[Photo, ...] = ()
    price: dict[str, Any] | None = None
    sales_channels: tuple[dict[str, Any], ...] = ()
    current_origin: Any = None  # generator.places.CurrentOrigin

    def latest_recognition(self) -> Recognition:
        return max(self.recognitions, key=lambda r: (r.signed.latest(), r.index))

    def current_recognition(self, today: date) -> Recognition | None:
        """The recognition that lets the product show a star today, if any."""
        current = [r for r in self.recognitions if r.state(today).is_current]
        return max(current, key=lambda r: r.signed.latest()) if current else None


def parse_recognition(index: int, data: dict[str, Any]) -> Recognition:
    signed = PartialDate.parse(str(data["signed"]))
    assert signed is not None, "checked before the model is built"
    return Recognition(
        index=index, signed=signed, stars=int(data["stars"]), decision=data.get("decision"),
        authority=data.get("authority"),
        level=Level(data["level"]) if data.get("level") else None,
        rules=data.get("rules"), score=data.get("score"),
        recorded_status=data.get("status", "active"), note=data.get("note"),
        source=data.get("source"))


def _subject(data: dict[str, Any] | None) -> Subject | None:
    if not data:
        return None
    contact = data.get("contact", {})
    return Subject(name=data["name"], legal_form=data.get("legal_form"),
                   aliases=tuple(data.get("aliases", ())), tax_code=data.get("tax_code"),
                   address=data.get("address"), phones=tuple(contact.get("phones", ())),
                   email=contact.get("email"), website=contact.get("website"))


def build_product(data: dict[str, Any], source_file: str, folder: Path,
                  current_origin: Any = None) -> Product:
    """A :class:`Product` from schema-valid data."""
    return Product(
        id=data["id"], source_file=source_file, folder=folder,
        name=Text(data["name"]["vi"], data["name"].get("en")),
        product_type=data["product_type"], group=data["group"], processing=data["processing"],
        recognitions=tuple(parse_recognition(i, r) for i, r in enumerate(data["recognitions"])),
        origin=data["origin"], content=data["content"], sources=tuple(data["sources"]),
        subject=_subject(data.get("subject")), aliases=tuple(data.get("aliases", ())),
        subgroup=data.get("subgroup"), group_recorded=data.get("group_recorded"),
        standards=tuple(data.get("standards", ())), packaging=data.get("packaging", {}),
        photos=tuple(Photo(p["file"], p["role"], Text(p["alt"]["vi"], p["alt"].get("en")),
                           p.get("date")) for p in data.get("photos", ())),
        price=data.get("price"), sales_channels=tuple(data.get("sales_channels", ())),
        current_origin=current_origin)
