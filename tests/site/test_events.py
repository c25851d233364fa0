"""The trade-promotion pages of the built fixture site, read by parsing their HTML.

tests/fixtures/site3/events/ holds an upcoming fair (three products: two with zone and booth,
one lapsed and without either) and a past market day; the build's day is 29/11/2026.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from urllib.parse import unquote

from frictionless import validate as frictionless_validate
from icalendar import Calendar

from generator.events.records import EVENT_COLUMNS
from tests.site.conftest import soup

FAIR = "xuc-tien/hoi-cho-thu-nghiem-2027/index.html"


def test_events_index_lists_upcoming_first_then_past_by_year(site3: Path) -> None:
    page = soup(site3 / "xuc-tien" / "index.html")
    assert page.h1.get_text() == "Xúc tiến thương mại"
    sections = page.select(".ocop-events > section")
    assert [s.h2.get_text() for s in sections] == ["Sắp diễn ra", "Đã diễn ra năm 2024"]
    upcoming = sections[0].select("li.ocop-event")
    assert [li.select_one(".ocop-event__name a").get_text() for li in upcoming] == [
        'Hội chợ "Thử" & Co <3']
    fair = upcoming[0]
    assert fair.select_one(".ocop-event__name a")["href"] == "../xuc-tien/hoi-cho-thu-nghiem-2027/"
    assert fair.select_one(".ocop-event__when").get_text() == "15/01/2027 – 17/01/2027"
    assert fair.select_one(".ocop-event__kind").get_text() == "Hội chợ"
    assert "Nhà văn hoá thử nghiệm" in fair.select_one(".ocop-event__place").get_text()
    assert fair.select_one(".ocop-event__count").get_text() == "3 sản phẩm tham gia"
    past = sections[1].select_one("li.ocop-event--past")
    assert past.select_one(".ocop-event__when").get_text() == "01/06/2024"


def test_events_are_in_the_main_navigation(site3: Path) -> None:
    home = soup(site3 / "index.html")
    nav = {a.get_text(strip=True): a["href"] for a in home.select("nav.md-nav--primary a.md-nav__link")}
    assert nav.get("Xúc tiến thương mại") == "xuc-tien/"
    shipped = (Path(__file__).parents[2] / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - Xúc tiến thương mại: xuc-tien/index.md\n" in shipped


def test_event_page_says_what_when_where_and_who(site3: Path) -> None:
    page = soup(site3 / FAIR)
    assert page.h1.get_text() == 'Hội chợ "Thử" & Co <3'
    facts = dict(zip([dt.get_text() for dt in page.select(".ocop-event__facts dt")],
                     [dd.get_text() for dd in page.select(".ocop-event__facts dd")], strict=True))
    assert facts["Thời gian"] == "15/01/2027 – 17/01/2027"
    assert facts["Đơn vị tổ chức"] == "Sở Công Thương thử nghiệm"
    assert facts["Đơn vị phối hợp"] == "Hội Nông dân thử nghiệm"
    links = {a["class"][1]: a["href"] for a in page.select(".ocop-actions a")}
    assert links["ocop-action--map"] == "https://www.google.com/maps/search/?api=1&query=15.88,108.33"
    assert "key=" not in links["ocop-action--map"]
    assert links["ocop-action--tel"] == "tel:+84905000111"
    assert links["ocop-action--email"] == "mailto:ocop@example.org"
    assert page.select_one(".ocop-event__deadline").get_text() == "Hạn đăng ký: 05/01/2027"
    assert [p.get_text() for p in page.select(".ocop-event__about > p")] == [
        "Đoạn thứ nhất.", "Đoạn thứ hai."]
    programme = [li.get_text(" ", strip=True) for li in page.select(".ocop-programme li")]
    assert programme[0].startswith("15/01/2027 08:00 Khai mạc")
    assert programme[1].startswith("16/01/2027 09:00 Kết nối giao thương")


def test_event_page_shows_catalogue_cards_by_zone_and_booth(site3: Path) -> None:
    page = soup(site3 / FAIR)
    zones = page.select(".ocop-zone")
    assert [z.h3.get_text() for z in zones] == ["Khu thủ công", "Khu thực phẩm", "Khu khác"]
    cards = [(z.h3.get_text(), c.select_one(".ocop-card__name").get_text(),
              c.select_one(".ocop-card__booth").get_text() if c.select_one(".ocop-card__booth")
              else None) for z in zones for c in z.select("li.ocop-card")]
    assert cards == [("Khu thủ công", 'Gốm "Thanh Hà" & Co <3', "Gian A2"),
                     ("Khu thực phẩm", "Nước mắm nhĩ Thử Nghiệm", "Gian A10"),
                     ("Khu khác", "Trà thảo mộc Đã Hết Hạn", None)]
    # the very card of the catalogue: same link, badge and place markup
    catalogue = soup(site3 / "danh-muc" / "index.html")
    listed = {c.a["href"].removeprefix("../"): c
              for c in catalogue.select("#ocop-results li.ocop-card")}
    for card in page.select(".ocop-zone li.ocop-card"):
        href = card.a["href"].removeprefix("../../")
        twin = listed[href]
        for part in (".ocop-badge", ".ocop-card__place", ".ocop-card__name"):
            assert str(card.select_one(part)) == str(twin.select_one(part))
        assert (site3 / unquote(href) / "index.html").is_file()


def test_past_event_without_named_products_says_so(site3: Path) -> None:
    page = soup(site3 / "xuc-tien" / "cho-phien-thu-nghiem-2024" / "index.html")
    assert "Đã diễn ra" in page.select_one(".ocop-event__when").get_text()
    assert len(page.select(".ocop-zone li.ocop-card")) == 1


def test_product_page_lists_its_events_upcoming_first(site3: Path) -> None:
    page = soup(site3 / "san-pham" / "gom-thanh-ha" / "index.html")
    items = page.select(".ocop-product-events li.ocop-event")
    assert [(li["class"][1], li.a.get_text()) for li in items] == [
        ("ocop-event--upcoming", 'Hội chợ "Thử" & Co <3'),
        ("ocop-event--past", "Chợ phiên thử nghiệm 2024")]
    assert items[0].a["href"] == "../../xuc-tien/hoi-cho-thu-nghiem-2027/"
    alone = soup(site3 / "san-pham" / "nuoc-mam-thu" / "index.html")
    assert len(alone.select(".ocop-product-events li")) == 1


def test_home_page_shows_the_next_events(site3: Path) -> None:
    home = soup(site3 / "index.html")
    section = home.select_one(".ocop-home-events")
    assert section.h2.get_text() == "Sự kiện sắp diễn ra"
    assert [a.get_text() for a in section.select(".ocop-event__name a")] == ['Hội chợ "Thử" & Co <3']
    assert section.select_one(".ocop-events-link a")["href"] == "xuc-tien/"


def _calendar(path: Path) -> list:
    return [c for c in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]


def test_each_event_has_a_calendar_file_that_parses_back(site3: Path) -> None:
    page = soup(site3 / FAIR)
    link = page.select_one(".ocop-event__calendar a")
    assert link["href"] == "../../xuc-tien/hoi-cho-thu-nghiem-2027.ics"
    (entry,) = _calendar(site3 / "xuc-tien" / "hoi-cho-thu-nghiem-2027.ics")
    assert str(entry["summary"]) == 'Hội chợ "Thử" & Co <3'
    assert entry.decoded("dtstart") == date(2027, 1, 15)
    assert entry.decoded("dtend") == date(2027, 1, 18)  # RFC 5545: the day after the last
    assert str(entry["uid"]) == "hoi-cho-thu-nghiem-2027@example.org"
    assert str(entry["url"]) == "https://example.org/ocop/xuc-tien/hoi-cho-thu-nghiem-2027/"
    assert "Nhà văn hoá thử nghiệm" in str(entry["location"])


def test_the_feed_holds_the_upcoming_events_only(site3: Path) -> None:
    index = soup(site3 / "xuc-tien" / "index.html")
    assert index.select_one(".ocop-events__feed a")["href"] == "../xuc-tien/su-kien-sap-dien-ra.ics"
    feed = _calendar(site3 / "xuc-tien" / "su-kien-sap-dien-ra.ics")
    assert [str(e["uid"]) for e in feed] == ["hoi-cho-thu-nghiem-2027@example.org"]


def test_a_real_event_page_has_schema_org_event_data(site3: Path) -> None:
    page = soup(site3 / FAIR)
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Event" and data["name"] == 'Hội chợ "Thử" & Co <3'
    assert (data["startDate"], data["endDate"]) == ("2027-01-15", "2027-01-17")
    assert data["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 15.88,
                                       "longitude": 108.33}
    assert data["organizer"]["name"] == "Sở Công Thương thử nghiệm"


def test_events_are_published_as_open_data(site3: Path) -> None:
    data = json.loads((site3 / "du-lieu" / "su-kien.json").read_text(encoding="utf-8"))
    events = {e["id"]: e for e in data["events"]}
    fair = events["hoi-cho-thu-nghiem-2027"]
    assert fair["name"]["vi"] == 'Hội chợ "Thử" & Co <3'
    assert [p["product"] for p in fair["participants"]] == [
        "nuoc-mam-thu", "gom-thanh-ha", "tra-het-han"]
    assert fair["derived"] == {"timing": "upcoming", "as_of": "2026-11-29",
                               "url": "https://example.org/ocop/xuc-tien/hoi-cho-thu-nghiem-2027/"}
    assert events["cho-phien-thu-nghiem-2024"]["derived"]["timing"] == "past"
    text = (site3 / "du-lieu" / "su-kien.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines()))
    assert list(rows[0]) == [c.name for c in EVENT_COLUMNS]
    by_id = {r["id"]: r for r in rows}
    assert by_id["hoi-cho-thu-nghiem-2027"]["name_vi"] == 'Hội chợ "Thử" & Co <3'
    assert by_id["hoi-cho-thu-nghiem-2027"]["products"] == "nuoc-mam-thu; gom-thanh-ha; tra-het-han"
    assert by_id["hoi-cho-thu-nghiem-2027"]["latitude"] == "15.88"
    report = frictionless_validate(str(site3 / "du-lieu" / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "type", "note"])
