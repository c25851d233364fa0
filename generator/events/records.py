"""An event as open data: one plain mapping per event (the file's facts, with what the tool
computed in a ``derived`` object beside them, as product records do) and the CSV's columns.

:func:`generator.site.opendata.open_data_files` publishes them as ``du-lieu/su-kien.json``
and ``du-lieu/su-kien.csv``, described in ``datapackage.json``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..model.product import Text
from ..opendata.columns import Column, Record
from .model import Event, Link


def _text(text: Text | None) -> dict[str, str | None] | None:
    return {"vi": text.vi, "en": text.en} if text else None


def _links(links: tuple[Link, ...]) -> list[dict[str, str | None]]:
    return [{"url": link.url, "title": link.title} for link in links]


def _venue(event: Event) -> dict[str, Any]:
    where = event.venue.coordinates
    return {"name": event.venue.name, "address": event.venue.address,
            "coordinates": {"lat": where[0], "lon": where[1]} if where else None}


def _registration(event: Event) -> dict[str, Any] | None:
    reg = event.registration
    if reg is None:
        return None
    return {"deadline": reg.deadline.isoformat() if reg.deadline else None,
            "how": _text(reg.how), "url": reg.url}


def event_record(event: Event, today: date, page_url: str) -> dict[str, Any]:
    """The published record of one event as of ``today``; ``page_url`` is its page's address."""
    return {
        "id": event.id, "example": event.example, "name": _text(event.name), "kind": event.kind,
        "start": event.start.isoformat(), "end": event.end.isoformat(),
        "description": _text(event.description), "venue": _venue(event),
        "organiser": event.organiser, "co_organisers": list(event.co_organisers),
        "contact": {"phone": event.contact.phone, "email": event.contact.email,
                    "website": event.contact.website},
        "registration": _registration(event),
        "participants": [{"product": p.product, "booth": p.booth, "zone": p.zone}
                         for p in event.participants],
        "programme": [{"date": i.day.isoformat(), "time": i.time, "title": _text(i.title)}
                      for i in event.programme],
        "links": _links(event.links), "sources": _links(event.sources),
        "derived": {"timing": str(event.timing(today)), "as_of": today.isoformat(),
                    "url": page_url}}


def _get(*path: str) -> Any:
    def read(record: Record) -> Any:
        value: Any = record
        for step in path:
            value = None if value is None else value.get(step)
        return value
    return read


def _joined(key: str, field: str) -> Any:
    return lambda record: "; ".join(str(i[field]) for i in record[key] if i.get(field))


EVENT_COLUMNS: tuple[Column, ...] = (
    Column("id", "string", "Mã sự kiện (cố định)", "Stable event id", _get("id")),
    Column("example", "boolean", "Sự kiện mẫu (không phải sự kiện thật)",
           "An example, not a real event", _get("example")),
    Column("name_vi", "string", "Tên sự kiện", "Event name (Vietnamese)", _get("name", "vi")),
    Column("name_en", "string", "Tên tiếng Anh", "Event name (English)", _get("name", "en")),
    Column("kind", "string", "Loại: fair = hội chợ; exhibition = triển lãm; trade_mission = "
           "đoàn xúc tiến; ocop_week = tuần lễ, ngày hội OCOP; market_day = chợ phiên; "
           "online_campaign = chiến dịch trực tuyến", "Kind of event", _get("kind")),
    Column("start", "date", "Ngày bắt đầu", "Start date", _get("start")),
    Column("end", "date", "Ngày kết thúc", "End date", _get("end")),
    Column("venue_name", "string", "Địa điểm", "Venue", _get("venue", "name")),
    Column("venue_address", "string", "Địa chỉ (đơn vị hành chính hiện nay)",
           "Address (current administrative units)", _get("venue", "address")),
    Column("latitude", "number", "Vĩ độ (WGS 84)", "Latitude (WGS 84)",
           _get("venue", "coordinates", "lat")),
    Column("longitude", "number", "Kinh độ (WGS 84)", "Longitude (WGS 84)",
           _get("venue", "coordinates", "lon")),
    Column("organiser", "string", "Đơn vị tổ chức", "Organiser", _get("organiser")),
    Column("products", "string", "Mã các sản phẩm tham gia mà nguồn nêu tên (cách nhau bởi ;)",
           "Ids of the participating products a source names (separated by ;)",
           _joined("participants", "product")),
    Column("sources", "string", "Nguồn (địa chỉ, cách nhau bởi ;)", "Sources (addresses, "
           "separated by ;)", _joined("sources", "url")),
    Column("timing", "string", "upcoming = sắp diễn ra; ongoing = đang diễn ra; past = đã "
           "diễn ra (tính đến ngày dựng)", "upcoming, ongoing or past on the as-of day",
           _get("derived", "timing"), derived=True),
    Column("url", "string", "Trang của sự kiện", "The event's page", _get("derived", "url"),
           derived=True),
)
