"""An event page in a real Chromium, as a buyer on a phone: the example event's cards render
with their photos, badges and booths, by zone, and each card opens its product."""

from __future__ import annotations

from pathlib import Path
from typing import Any

EXAMPLE = "xuc-tien/su-kien-mau-phien-cho-ocop/"


def test_event_page_renders_its_product_cards(page: Any, site_server: Any,
                                              built_site: Path) -> None:
    base = site_server(built_site)
    page.goto(f"{base}{EXAMPLE}", wait_until="load")
    assert page.locator("h1").inner_text().startswith("Sự kiện mẫu")
    assert page.locator(".ocop-event__example--banner").is_visible()
    cards = page.locator(".ocop-zone .ocop-card")
    assert cards.count() == 5
    first = cards.first
    assert first.is_visible()
    box = first.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 100
    assert first.locator(".ocop-card__booth").inner_text() == "Gian A1"
    assert first.locator(".ocop-badge").get_attribute("data-state") in ("active", "expiring")
    photos = page.locator(".ocop-zone .ocop-card img")
    photos.first.scroll_into_view_if_needed()
    photos.first.wait_for()
    assert photos.first.evaluate("img => img.complete && img.naturalWidth > 0")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    zones = page.locator(".ocop-zone h3").all_inner_texts()
    assert zones[0] == "Khu thực phẩm" and zones[-1] == "Khu khác"
    first.locator("a").first.click()
    page.wait_for_url(f"{base}san-pham/**")
    assert page.locator(".ocop-product-events a", has_text="Sự kiện mẫu").count() == 1
