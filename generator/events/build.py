"""A schema-valid, checked event file's data → :class:`~generator.events.model.Event`."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..model.product import Text
from .model import Contact, Event, Link, Participant, ProgrammeItem, Registration, Venue


def _text(value: dict[str, Any] | None) -> Text | None:
    return Text(value["vi"], value.get("en")) if value else None


def _links(items: list[dict[str, Any]] | None) -> tuple[Link, ...]:
    return tuple(Link(i["url"], i.get("title")) for i in items or ())


def _venue(data: dict[str, Any]) -> Venue:
    where = data.get("coordinates")
    return Venue(data["name"], data.get("address"),
                 (float(where["lat"]), float(where["lon"])) if where else None)


def _registration(data: dict[str, Any] | None) -> Registration | None:
    if not data:
        return None
    deadline = data.get("deadline")
    return Registration(date.fromisoformat(deadline) if deadline else None,
                        _text(data.get("how")), data.get("url"))


def build_event(data: dict[str, Any], source_file: str) -> Event:
    """The typed event of a file the checks passed (dates are real calendar days)."""
    contact = data.get("contact") or {}
    return Event(
        id=data["id"], source_file=source_file,
        name=Text(data["name"]["vi"], data["name"].get("en")),
        kind=data["kind"], start=date.fromisoformat(data["start"]),
        end=date.fromisoformat(data["end"]), venue=_venue(data["venue"]),
        organiser=data["organiser"], co_organisers=tuple(data.get("co_organisers") or ()),
        description=_text(data.get("description")),
        contact=Contact(contact.get("phone"), contact.get("email"), contact.get("website")),
        registration=_registration(data.get("registration")),
        participants=tuple(Participant(p["product"], p.get("booth"), p.get("zone"))
                           for p in data.get("participants") or ()),
        programme=tuple(ProgrammeItem(date.fromisoformat(i["date"]), Text(i["title"]["vi"],
                                      i["title"].get("en")), i.get("time"))
                        for i in data.get("programme") or ()),
        links=_links(data.get("links")), sources=_links(data.get("sources")),
        example=bool(data.get("example", False)))
