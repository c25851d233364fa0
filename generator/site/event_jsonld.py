"""schema.org ``Event`` structured data for a real event page, with the file's facts only.

An example event (``example: true``) gets none: search engines must never list it as a fair.
"""

from __future__ import annotations

from typing import Any

from .config import SiteConfig
from .event_view import EventView


def event_jsonld(view: EventView, config: SiteConfig) -> dict[str, Any] | None:
    event = view.event
    if event.example:
        return None
    online = event.kind == "online_campaign"
    place: dict[str, Any] = {"@type": "VirtualLocation" if online else "Place",
                             "name": event.venue.name}
    if event.venue.address and not online:
        place["address"] = event.venue.address
    if event.venue.coordinates and not online:
        lat, lon = event.venue.coordinates
        place["geo"] = {"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Event", "name": event.name.vi,
        "url": config.absolute(view.url), "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(), "location": place,
        "eventAttendanceMode": "https://schema.org/"
        + ("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
        "organizer": {"@type": "Organization", "name": event.organiser},
    }
    if event.name.en:
        data["alternateName"] = event.name.en
    if view.about:
        data["description"] = view.about[0]
    return data
