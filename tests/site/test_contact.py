"""The contact block of a product page: every way to reach the producer, or the OCOP office."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.site.config import ConfigError, from_mkdocs
from generator.site.contact import map_href, zalo_href
from tests.site.conftest import soup


def reach(site: Path, product_id: str):
    page = soup(site / "san-pham" / product_id / "index.html")
    return page.select_one("article.ocop-product .ocop-reach")


def actions(block) -> list[tuple[str, str, str]]:
    return [(a["class"][1], a.select_one(".ocop-action__text").get_text(), a["href"])
            for a in block.select(".ocop-action")]


def test_contacts_come_right_after_the_photos_with_exact_links(site3: Path) -> None:
    block = reach(site3, "nuoc-mam-thu")
    assert block.find_previous_sibling() is None  # first thing after the gallery
    assert block.parent.find_previous_sibling()["class"] == ["ocop-gallery"]
    address = "Thôn An Bàng, phường Hội An Đông, thành phố Đà Nẵng"
    assert actions(block) == [
        ("ocop-action--tel", "0905 123 456", "tel:+84905123456"),
        ("ocop-action--zalo", "0905 123 456", "https://zalo.me/0905123456"),
        ("ocop-action--email", "lienhe@example.org", "mailto:lienhe@example.org"),
        ("ocop-action--web", "example.org/nuoc-mam", "https://example.org/nuoc-mam"),
        ("ocop-action--map", address,
         "https://www.google.com/maps/search/?api=1&query=Th%C3%B4n%20An%20B%C3%A0ng%2C%20"
         "ph%C6%B0%E1%BB%9Dng%20H%E1%BB%99i%20An%20%C4%90%C3%B4ng%2C%20th%C3%A0nh%20ph%E1%BB%91"
         "%20%C4%90%C3%A0%20N%E1%BA%B5ng"),
    ]
    assert block.select_one(".ocop-reach__none") is None
    assert block.select_one(".ocop-reach__price").get_text(" ", strip=True) == \
        "Giá tham khảo: 120.000 ₫ – 250.000 ₫ / chai 500 ml"
    share = block.select_one("[data-ocop-share]")
    assert share["data-url"] == "https://example.org/ocop/san-pham/nuoc-mam-thu/"
    assert share.has_attr("hidden")  # shown by assets/share.js only


def test_no_public_contact_says_so_and_offers_the_office_of_the_area(site3: Path) -> None:
    block = reach(site3, "gom-thanh-ha")  # Huyện Đại Lộc: its own office
    none = block.select_one(".ocop-reach__none")
    assert none.p.get_text().startswith("Chủ thể chưa công bố số điện thoại, email hay trang web.")
    assert none.select_one(".ocop-reach__office strong").get_text() == \
        "Phòng Kinh tế huyện Đại Lộc (thử nghiệm)"
    assert actions(none) == [
        ("ocop-action--tel", "0235 3865 000", "tel:+842353865000"),
        ("ocop-action--email", "ocop-dailoc@example.org", "mailto:ocop-dailoc@example.org")]
    other = reach(site3, "tra-het-han").select_one(".ocop-reach__none")  # Hội An: the default
    assert other.select_one(".ocop-reach__office strong").get_text() == "Văn phòng OCOP thử nghiệm"
    assert [href for _, _, href in actions(other)] == [
        "tel:+84905000111", "https://zalo.me/0905000111", "mailto:ocop@example.org"]


@pytest.mark.parametrize(("phone", "href"), [
    ("0905 123 456", "https://zalo.me/0905123456"),
    ("+84 389 123 456", "https://zalo.me/0389123456"),
    ("0235 3884 123", None),   # landline: no Zalo
    ("1800 1234", None),
])
def test_zalo_only_for_mobile_numbers(phone: str, href: str | None) -> None:
    assert zalo_href(phone) == href


def test_map_link_needs_no_key() -> None:
    assert map_href("Xã Tiên Sơn, Đà Nẵng") == \
        "https://www.google.com/maps/search/?api=1&query=X%C3%A3%20Ti%C3%AAn%20S%C6%A1n%2C%20" \
        "%C4%90%C3%A0%20N%E1%BA%B5ng"


BASE = {"site_name": "OCOP", "site_url": "https://example.org/",
        "extra": {"ocop": {"region": "Quảng Nam", "publisher": "VP OCOP"}}}


def _with_offices(offices: object) -> dict:
    return {**BASE, "extra": {"ocop": {**BASE["extra"]["ocop"], "offices": offices}}}


@pytest.mark.parametrize(("offices", "message"), [
    ({"name": "x"}, "offices: phải là danh sách"),
    (["VP"], r"offices\[0\]: mỗi văn phòng"),
    ([{"phone": "0235 3810 000"}], r"offices\[0\]: thiếu `name`"),
    ([{"name": "VP", "fax": "1"}], "fax"),
    ([{"name": "VP"}], "cần `phone` hoặc `email`"),
    ([{"name": "VP", "email": "không-phải-email"}], "email"),
    ([{"name": "VP", "email": "a@example.org", "areas": "Huyện Tiên Phước"}], "areas"),
    ([{"name": "A", "email": "a@example.org"}, {"name": "B", "email": "b@example.org"}],
     "chỉ một văn phòng mặc định"),
])
def test_office_settings_are_validated(offices: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        from_mkdocs(_with_offices(offices))


def test_office_settings_are_read() -> None:
    config = from_mkdocs(_with_offices([
        {"name": "Phòng Kinh tế Tiên Phước", "phone": "0235 3881 000",
         "areas": ["Huyện Tiên Phước"]},
        {"name": "VP OCOP", "email": "ocop@example.org"}]))
    assert [o.areas for o in config.offices] == [("Huyện Tiên Phước",), ()]


def test_the_map_searches_a_pre_2025_address_in_todays_units(site3: Path) -> None:
    """Written before 1 July 2025 ("huyện Đại Lộc, tỉnh Quảng Nam", units that no longer
    exist): the page shows it as written; the map searches today's commune and province
    (conversion table: Xã Đại Hiệp → Xã Đại Lộc, Thành phố Đà Nẵng)."""
    block = reach(site3, "gom-thanh-ha")
    maps = [a for a in actions(block) if a[0] == "ocop-action--map"]
    assert maps == [("ocop-action--map", "Thôn 1, xã Đại Hiệp, huyện Đại Lộc, tỉnh Quảng Nam",
                     map_href("Thôn 1, Xã Đại Lộc, Thành phố Đà Nẵng"))]
    # a map is no way to reach the producer: the office is still offered
    assert block.select_one(".ocop-reach__none .ocop-reach__office") is not None
