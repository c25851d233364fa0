"""Plan the trade-promotion pages: the events index (``xuc-tien/``), one page per event, and
what the home and product pages show of events.

:class:`EventPages` is built by the :class:`~generator.site.pages.Planner` with the events the
validator passed; it hands each product view the events the product takes part in, so the
product page only prints them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from itertools import groupby
from typing import Any

from ..events.model import Event
from ..events.records import event_record
from . import pages
from .config import SiteConfig
from .event_ical import FEED, event_ics, feed_ics, ics_path
from .event_jsonld import event_jsonld
from .event_view import EVENT_DIR, SAY, EventView, present_event
from .present import ProductView

#: how many upcoming events the home page shows
HOME_EVENTS = 3


def words(lang: str) -> dict[str, str]:
    """Every event word in ``lang``, for templates (``w.when``); slots filled by the view."""
    return {key.replace(".", "_"): SAY.template(key, lang) for key in SAY}


class EventPages:
    """The events as views, soonest first, linked to the products they show."""

    def __init__(self, events: Iterable[Event], views: Sequence[ProductView], config: SiteConfig,
                 today: date, render: Callable[..., str],
                 booklets: Mapping[str, Sequence[Any]] | None = None) -> None:
        self.config, self.render, self.today = config, render, today
        #: each event's printed booklet (generator/booklet/publish.py), by the event's URL
        self.booklets = booklets or {}
        by_id = {v.id: v for v in views}
        self.views = sorted((present_event(e, by_id, today, config.language) for e in events),
                            key=lambda v: (v.event.start, v.id))
        for view in self.views:
            for zone in view.zones:
                for stand in zone.stands:
                    stand.view.events.append(view)
        for product in views:
            product.events.sort(key=lambda v: (not v.timing.is_ahead, _soonest(v)))

    def upcoming(self) -> list[EventView]:
        """Events to come or under way, soonest first."""
        return [v for v in self.views if v.timing.is_ahead]

    def past_by_year(self) -> list[tuple[int, list[EventView]]]:
        """Events that are over, the latest year first, each year's latest event first."""
        past = sorted((v for v in self.views if not v.timing.is_ahead),
                      key=lambda v: (v.event.start, v.id), reverse=True)
        return [(year, list(items)) for year, items in groupby(past, key=lambda v: v.year)]

    def records(self) -> list[dict[str, Any]]:
        """The events as open data (generator/events/records.py), soonest first."""
        return [event_record(v.event, self.today, self.config.absolute(v.url)) for v in self.views]

    def home(self) -> dict[str, Any]:
        """What the home page shows: the next few events and the words around them."""
        return {"items": self.upcoming()[:HOME_EVENTS], "w": words(self.config.language),
                "index": f"{EVENT_DIR}/"}

    def index_page(self) -> pages.SourceFile:
        lang = self.config.language
        body = self.render("events.html", root="../", upcoming=self.upcoming(),
                           past=self.past_by_year(), w=words(lang), feed=FEED)
        title = SAY("title", lang)
        front = pages.page_meta(title, f"{title}: {SAY('intro', lang)} — {self.config.region}",
                                {"kind": "events"})
        return pages.SourceFile(f"{EVENT_DIR}/index.md", page=pages.PageSource(front, body))

    def event_page(self, view: EventView) -> pages.SourceFile:
        lang, event = self.config.language, view.event
        body = self.render("event.html", root="../../", e=view, w=words(lang), ics=ics_path(view),
                           booklets=self.booklets.get(view.url, ()))
        description = f"{event.name.vi} — {view.kind}, {view.when}, {view.place}"
        extra = {"kind": "event", "canonical": self.config.absolute(view.url)}
        data = event_jsonld(view, self.config)
        if data is not None:
            extra["jsonld"] = json.dumps(data, ensure_ascii=False, sort_keys=True)
        front = pages.page_meta(event.name.vi, description, extra)
        return pages.SourceFile(f"{EVENT_DIR}/{event.id}.md", page=pages.PageSource(front, body))

    def calendars(self) -> list[pages.SourceFile]:
        """One .ics per event, and the feed of the upcoming ones."""
        out = [pages.SourceFile(ics_path(v), event_ics(v, self.config, self.today))
               for v in self.views]
        return [*out, pages.SourceFile(FEED, feed_ics(self.upcoming(), self.config, self.today))]

    def files(self) -> list[pages.SourceFile]:
        return [self.index_page(), *(self.event_page(v) for v in self.views), *self.calendars()]


def _soonest(view: EventView) -> int:
    """Upcoming events soonest first, past ones latest first (as a number to sort by)."""
    ordinal = view.event.start.toordinal()
    return ordinal if view.timing.is_ahead else -ordinal
