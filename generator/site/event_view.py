"""What an event page shows, decided once: :class:`EventView` (dates in words, place, kind,
map link, contact, programme, and the participating products grouped by zone, by booth).

Templates only print these values; "upcoming" is the model's :meth:`Event.timing` for the
build's ``today``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ..dates import day
from ..events.model import Event, Participant, Timing, Venue
from ..events.stands import by_zone, titled
from ..messages import Texts
from .contact import MAP_SEARCH, Action, map_href
from .present import ProductView, tel_href

EVENT_DIR = "xuc-tien"

SAY = Texts("site.events", {
    "title": ("Xúc tiến thương mại", "Trade promotion"),
    "intro": ("Hội chợ, triển lãm, chợ phiên và các sự kiện giới thiệu sản phẩm OCOP: sự kiện sắp "
              "diễn ra trước, rồi các sự kiện đã qua theo năm.",
              "Fairs, exhibitions, market days and other events showing OCOP products: upcoming "
              "events first, then past ones by year."),
    "upcoming": ("Sắp diễn ra", "Upcoming"),
    "none_upcoming": ("Chưa có sự kiện nào sắp diễn ra.", "No upcoming event yet."),
    "past_in": ("Đã diễn ra năm {year}", "Held in {year}"),
    "ongoing": ("Đang diễn ra", "Under way"),
    "past": ("Đã diễn ra", "Held"),
    "example": ("Sự kiện mẫu / example", "Example event"),
    "example_note": ("Đây là sự kiện mẫu để xem thử trang, không phải sự kiện thật.",
                     "This is an example to show the page, not a real event."),
    "products_n": ("{n} sản phẩm tham gia", "{n} participating products"),
    "none_listed": ("Chưa ghi sản phẩm nào của danh mục", "No catalogue product listed"),
    "no_products": ("Nguồn chưa nêu tên sản phẩm tham gia nào có trong danh mục.",
                    "The sources name no participating product from this catalogue."),
    "about": ("Giới thiệu", "About"),
    "when": ("Thời gian", "When"),
    "where": ("Địa điểm", "Where"),
    "kind": ("Loại sự kiện", "Kind"),
    "organiser": ("Đơn vị tổ chức", "Organiser"),
    "co_organisers": ("Đơn vị phối hợp", "Co-organisers"),
    "contact": ("Liên hệ ban tổ chức", "Contact the organisers"),
    "registration": ("Đăng ký tham gia", "Registration"),
    "deadline": ("Hạn đăng ký: {date}", "Registration closes: {date}"),
    "register_page": ("Trang đăng ký", "Registration page"),
    "programme": ("Chương trình", "Programme"),
    "participants": ("Sản phẩm tham gia", "Participating products"),
    "no_zone": ("Khu khác", "Other products"),
    "booth": ("Gian {booth}", "Booth {booth}"),
    "map": ("Xem bản đồ", "Map"),
    "links": ("Liên kết", "Links"),
    "sources": ("Nguồn thông tin", "Sources"),
    "days": ("{start} – {end}", "{start} – {end}"),
    "product_events": ("Sự kiện xúc tiến thương mại", "Trade-promotion events"),
    "next_events": ("Sự kiện sắp diễn ra", "Upcoming events"),
    "all_events": ("Tất cả sự kiện xúc tiến thương mại", "All trade-promotion events"),
    "kind.fair": ("Hội chợ", "Fair"),
    "kind.exhibition": ("Triển lãm", "Exhibition"),
    "kind.trade_mission": ("Đoàn xúc tiến thương mại", "Trade mission"),
    "kind.ocop_week": ("Tuần lễ, ngày hội OCOP", "OCOP week"),
    "kind.market_day": ("Chợ phiên", "Market day"),
    "kind.online_campaign": ("Chiến dịch trực tuyến", "Online campaign"),
    "add_to_calendar": ("Thêm vào lịch (.ics)", "Add to calendar (.ics)"),
    "subscribe": ("Lịch các sự kiện sắp diễn ra (.ics)", "Calendar of upcoming events (.ics)"),
    "call": ("Gọi", "Call"),
    "email": ("Thư điện tử", "E-mail"),
    "website": ("Trang web", "Website"),
})


@dataclass(frozen=True)
class Stand:
    """A participating product's card, with its booth label ("Gian A1") when it has one."""

    view: ProductView
    booth: str


@dataclass(frozen=True)
class Zone:
    name: str
    stands: tuple[Stand, ...]


@dataclass(frozen=True)
class DatedItem:
    day: str
    time: str
    title: str
    title_en: str


@dataclass(frozen=True)
class EventView:
    event: Event
    url: str
    timing: Timing
    when: str
    place: str
    kind: str
    zones: tuple[Zone, ...]
    map: Action | None
    contact: tuple[Action, ...]
    programme: tuple[DatedItem, ...]
    deadline: str
    #: the description's paragraphs, Vietnamese and English
    about: tuple[str, ...] = ()
    about_en: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def count(self) -> int:
        return sum(len(z.stands) for z in self.zones)

    @property
    def year(self) -> int:
        return self.event.start.year


def event_url(event_id: str) -> str:
    return f"{EVENT_DIR}/{event_id}/"


def when(start: date, end: date, lang: str) -> str:
    """"11/05/2023 – 14/05/2023", or one day for a one-day event."""
    return day(start) if start == end else SAY("days", lang, start=day(start), end=day(end))


def zones(participants: tuple[Participant, ...], views: Mapping[str, ProductView],
          lang: str) -> tuple[Zone, ...]:
    """The products shown, in the event's one order (:func:`generator.events.stands.by_zone`):
    zones in booth order, products without a zone last, each zone's products by booth."""
    return tuple(Zone(name, tuple(
        Stand(views[p.product], SAY("booth", lang, booth=p.booth) if p.booth else "")
        for p in items)) for name, items in titled(by_zone(participants, views),
                                                   SAY("no_zone", lang)))


def place(venue: Venue) -> str:
    """The venue's name, with its address when that says more."""
    return venue.name if not venue.address or venue.address == venue.name \
        else f"{venue.name}, {venue.address}"


def _map(event: Event, lang: str) -> Action | None:
    venue = event.venue
    if event.kind == "online_campaign":
        return None
    if venue.coordinates:
        href = MAP_SEARCH + f"{venue.coordinates[0]},{venue.coordinates[1]}"
    else:
        href = map_href(", ".join(x for x in (venue.name, venue.address) if x))
    return Action("map", SAY("map", lang), venue.address or venue.name, href)


def _contact(event: Event, lang: str) -> tuple[Action, ...]:
    contact, out = event.contact, []
    if contact.phone:
        out.append(Action("tel", SAY("call", lang), contact.phone, tel_href(contact.phone)))
    if contact.email:
        out.append(Action("email", SAY("email", lang), contact.email, f"mailto:{contact.email}"))
    if contact.website and contact.website.startswith(("https://", "http://")):
        out.append(Action("web", SAY("website", lang), contact.website, contact.website))
    return tuple(out)


def paragraphs(text: str | None) -> tuple[str, ...]:
    """Plain text split at blank lines (the schema's rule for bilingual text)."""
    return tuple(p.strip() for p in (text or "").split("\n\n") if p.strip())


def present_event(event: Event, views: Mapping[str, ProductView], today: date,
                  lang: str = "vi") -> EventView:
    registration = event.registration
    return EventView(
        event=event, url=event_url(event.id), timing=event.timing(today),
        when=when(event.start, event.end, lang), place=place(event.venue),
        kind=SAY(f"kind.{event.kind}", lang), zones=zones(event.participants, views, lang),
        map=_map(event, lang), contact=_contact(event, lang),
        programme=tuple(DatedItem(day(i.day), i.time or "", i.title.vi, i.title.en or "")
                        for i in sorted(event.programme, key=lambda i: (i.day, i.time or ""))),
        deadline=SAY("deadline", lang, date=day(registration.deadline))
        if registration and registration.deadline else "",
        about=paragraphs(event.description.vi if event.description else None),
        about_en=paragraphs(event.description.en if event.description else None))
