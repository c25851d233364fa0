"""Calendar files: one ``.ics`` per event and a feed of every upcoming event (RFC 5545),
made with ``icalendar`` so buyers can put a fair in their phone's calendar.

Events are whole days (``DTSTART;VALUE=DATE``, ``DTEND`` the day after the last); ``DTSTAMP``
is the build's day, so the same data and day give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .config import SiteConfig
from .event_view import SAY, EventView

#: the feed of upcoming events, beside the events index
FEED = "xuc-tien/su-kien-sap-dien-ra.ics"


def ics_path(view: EventView) -> str:
    return f"xuc-tien/{view.id}.ics"


def _calendar(config: SiteConfig, name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{urlsplit(config.site_url).netloc}//ocop-catalogue//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _entry(view: EventView, config: SiteConfig, today: date) -> CalendarEvent:
    event = view.event
    entry = CalendarEvent()
    entry.add("uid", f"{event.id}@{urlsplit(config.site_url).netloc}")
    entry.add("dtstamp", datetime(today.year, today.month, today.day, tzinfo=UTC))
    entry.add("dtstart", event.start)
    entry.add("dtend", event.end + timedelta(days=1))
    labelled = not event.example or "mẫu" in event.name.vi.casefold()
    title = event.name.vi if labelled else f"{SAY('example', config.language)}: {event.name.vi}"
    entry.add("summary", title)
    entry.add("location", view.place)
    entry.add("url", config.absolute(view.url))
    about = [view.kind, event.organiser, *view.about[:1], config.absolute(view.url)]
    entry.add("description", "\n".join(about))
    return entry


def event_ics(view: EventView, config: SiteConfig, today: date) -> str:
    """The calendar file of one event."""
    calendar = _calendar(config, view.event.name.vi)
    calendar.add_component(_entry(view, config, today))
    return calendar.to_ical().decode("utf-8")


def feed_ics(views: Iterable[EventView], config: SiteConfig, today: date) -> str:
    """One calendar with every upcoming event (to subscribe to)."""
    calendar = _calendar(config, f"{SAY('title', config.language)} — {config.site_name}")
    for view in views:
        calendar.add_component(_entry(view, config, today))
    return calendar.to_ical().decode("utf-8")
