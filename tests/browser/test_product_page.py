"""Product pages in a real Chromium, as a buyer on a phone and a fair organiser printing them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import pdf_page_count


def open_product(page: Any, site_server: Any, built_site: Path, product_id: str) -> str:
    base = site_server(built_site)
    page.goto(f"{base}san-pham/{product_id}/", wait_until="load")
    return base


def test_product_page_shows_photo_badge_and_validity(page: Any, site_server: Any,
                                                     built_site: Path) -> None:
    open_product(page, site_server, built_site, "saphraton")
    photo = page.locator(".ocop-gallery__item--main img")
    photo.wait_for()
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0")
    assert photo.evaluate("img => img.currentSrc.endsWith('.webp')")
    badge = page.locator(".ocop-badge").first
    assert badge.is_visible()
    assert badge.get_attribute("data-state") == "active"
    assert badge.inner_text().replace("\n", " ").endswith("OCOP 5 sao Hiệu lực đến 16/01/2028")
    data = json.loads(page.locator("script[type='application/ld+json']").text_content())
    assert data["@type"] == "Product" and data["name"] == "SAPHRATON"
    assert "aggregateRating" not in data


def test_expired_product_never_shows_a_current_star(page: Any, site_server: Any,
                                                    built_site: Path) -> None:
    open_product(page, site_server, built_site, "tinh-dau-que")
    badge = page.locator(".ocop-badge").first
    assert badge.get_attribute("data-state") == "expired"
    text = badge.inner_text()
    assert "Đã hết hạn" in text and "OCOP 4 sao" not in text
    stars = page.locator(".ocop-badge .ocop-stars").first
    assert stars.evaluate("el => getComputedStyle(el).textDecorationLine") == "line-through"
    assert "award" not in json.loads(
        page.locator("script[type='application/ld+json']").text_content())


def test_nothing_moves_while_photos_load(page: Any, site_server: Any, built_site: Path) -> None:
    open_product(page, site_server, built_site, "den-long-hoi-an")
    sizes = page.eval_on_selector_all(
        ".ocop-gallery img", "imgs => imgs.map(i => [i.getAttribute('width'), "
        "i.getAttribute('height'), i.getAttribute('loading')])")
    assert all(w and h for w, h, _ in sizes)
    assert sizes[0][2] is None and all(loading == "lazy" for _, _, loading in sizes[1:])


def test_contact_links_are_tappable(page: Any, site_server: Any, built_site: Path) -> None:
    open_product(page, site_server, built_site, "den-long-hoi-an")
    link = page.locator(".ocop-subject__name a")
    box = link.bounding_box()
    assert box is not None and link.get_attribute("href") == \
        "../../chu-the/cong-ty-tnhh-dich-vu-hoa-nam/"


@pytest.fixture(scope="module")
def product_ids(built_site: Path) -> list[str]:
    return sorted(p.name for p in (built_site / "san-pham").iterdir() if p.is_dir())


def test_every_product_prints_on_exactly_one_a4_page(browser: Any, site_server: Any,
                                                     built_site: Path,
                                                     product_ids: list[str]) -> None:
    base = site_server(built_site)
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.emulate_media(media="print")
    counts = {}
    for product_id in product_ids:
        page.goto(f"{base}san-pham/{product_id}/", wait_until="load")
        counts[product_id] = pdf_page_count(page.pdf(format="A4", print_background=True))
    context.close()
    assert len(counts) == 58
    assert {k: v for k, v in counts.items() if v != 1} == {}


def test_print_sheet_keeps_the_essentials(browser: Any, site_server: Any,
                                          built_site: Path) -> None:
    base = site_server(built_site)
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto(f"{base}san-pham/saphraton/", wait_until="load")
    visible = {selector: page.locator(selector).first.is_visible() for selector in (
        "h1", ".ocop-badge", ".ocop-gallery__item--main img", ".ocop-qrbox svg",
        ".ocop-subject", ".md-header", ".ocop-related", ".ocop-print")}
    page.close()
    assert visible == {"h1": True, ".ocop-badge": True, ".ocop-gallery__item--main img": True,
                       ".ocop-qrbox svg": True, ".ocop-subject": True, ".md-header": False,
                       ".ocop-related": False, ".ocop-print": False}
