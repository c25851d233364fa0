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
    assert badge.inner_text().replace("\n", " ").endswith(
        "OCOP 5 sao Hiệu lực đến 16/01/2028 Tính đến 29/11/2026")
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


def boxes_while_photos_wait(page: Any, url: str, selector: str, follower: str) -> None:
    """Open ``url`` with every photo held back: each ``selector`` image must already have its
    final box (the one 4:3 shape of every photo, cropped), and ``follower`` (what comes after
    the photos) must not move when they arrive."""
    held: list[Any] = []

    def hold(route: Any) -> None:
        if held and held[0] is None:  # released
            route.continue_()
        else:
            held.append(route)

    page.route("**/media/**", hold)
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(follower)
    before = page.eval_on_selector_all(
        selector, "imgs => imgs.map(i => [i.getBoundingClientRect().width,"
        " i.getBoundingClientRect().height, +i.getAttribute('width'), +i.getAttribute('height'),"
        " i.complete && i.naturalWidth > 0])")
    assert before, selector
    for width, height, attr_w, attr_h, loaded in before:
        assert not loaded, "the photo was held back, yet loaded"
        assert width > 100, f"no width before the photo's bytes: {before}"
        assert attr_w > 0 and attr_h > 0, before  # the photo's own size is still given
        assert abs(height - width * 3 / 4) < 1, before  # every photo is shown 4:3 (ocop.css)
    top = page.eval_on_selector(follower, "el => el.getBoundingClientRect().top")
    waiting, held[:] = list(held), [None]
    for route in waiting:
        route.continue_()
    page.wait_for_function(
        "s => [...document.querySelectorAll(s)].every(i => i.complete && i.naturalWidth > 0)",
        arg=selector + ":not([loading=lazy])")
    # (within rounding: each size of a photo has its own rounded height)
    assert abs(page.eval_on_selector(follower, "el => el.getBoundingClientRect().top") - top) < 2


def test_nothing_moves_while_photos_load(page: Any, site_server: Any, built_site: Path) -> None:
    """Measured: a quarter of cold loads moved the facts 500 px down when the main photo's first
    bytes arrived (Lighthouse CLS 0.32), because Material sizes a figure by its content."""
    base = site_server(built_site)
    boxes_while_photos_wait(page, f"{base}san-pham/den-long-hoi-an/", ".ocop-gallery img",
                            ".ocop-facts")
    sizes = page.eval_on_selector_all(".ocop-gallery img", "imgs => imgs.map(i => i.loading)")
    assert sizes[0] == "auto" and all(loading == "lazy" for loading in sizes[1:])


def test_catalogue_cards_keep_their_place_while_photos_load(page: Any, site_server: Any,
                                                            built_site: Path) -> None:
    base = site_server(built_site)
    boxes_while_photos_wait(page, f"{base}danh-muc/", "#ocop-results .ocop-card img",
                            "#ocop-more")


def test_contact_links_are_tappable(page: Any, site_server: Any, built_site: Path) -> None:
    open_product(page, site_server, built_site, "den-long-hoi-an")
    link = page.locator(".ocop-subject__name a")
    box = link.bounding_box()
    assert box is not None and link.get_attribute("href") == \
        "../../chu-the/cong-ty-tnhh-dich-vu-hoa-nam/"
    # no public contact: the OCOP office is offered, its links big enough for a thumb, and the
    # whole block within the first two screens of a phone
    block = page.locator(".ocop-reach")
    assert "Chủ thể chưa công bố số điện thoại" in block.inner_text()
    office = page.locator(".ocop-reach__none .ocop-action").first
    office_box = office.bounding_box()
    assert office_box is not None and office_box["height"] >= 44
    assert office_box["y"] < 2 * 844
    assert office.get_attribute("href").startswith(("tel:", "mailto:"))


def _share_page(browser: Any, site_server: Any, built_site: Path, script: str) -> Any:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    context.add_init_script(script)
    page = context.new_page()
    page.goto(f"{site_server(built_site)}san-pham/den-long-hoi-an/", wait_until="load")
    return page


def test_share_copies_the_link_without_web_share(browser: Any, site_server: Any,
                                                 built_site: Path) -> None:
    page = _share_page(browser, site_server, built_site, "delete Navigator.prototype.share;")
    button = page.locator("[data-ocop-share]")
    assert button.is_visible()
    button.click()
    status = page.locator(".ocop-sharestatus")
    status.wait_for()
    assert status.inner_text() == "Đã chép đường dẫn"
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == button.get_attribute("data-url")
    assert copied.endswith("/san-pham/den-long-hoi-an/")
    page.context.close()


def test_share_shows_the_link_when_copying_is_refused(browser: Any, site_server: Any,
                                                      built_site: Path) -> None:
    page = _share_page(browser, site_server, built_site,
                       "delete Navigator.prototype.share; Object.defineProperty(navigator, "
                       "'clipboard', {value: {writeText: () => Promise.reject(new Error('no'))}});")
    page.locator("[data-ocop-share]").click()
    field = page.locator(".ocop-sharebox input")
    field.wait_for()
    assert field.input_value().endswith("/san-pham/den-long-hoi-an/")
    assert page.evaluate("document.activeElement.selectionEnd") == len(field.input_value())
    page.context.close()


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


@pytest.mark.parametrize(("viewer_day", "state", "detail"), [
    ("2028-01-16T23:00:00", "active", "Hiệu lực đến 16/01/2028"),
    ("2028-01-17T08:00:00", "expired", "Hết hiệu lực từ 17/01/2028"),
])
def test_a_page_seen_after_its_star_lapsed_says_so(page: Any, site_server: Any, built_site: Path,
                                                   viewer_day: str, state: str,
                                                   detail: str) -> None:
    """The site was built on 29/11/2026; a saved or stale copy opened on a later day must not
    claim SAPHRATON's star (valid until 16/01/2028) once it has lapsed: on the page itself and
    on the cards of related products."""
    page.clock.set_fixed_time(viewer_day)
    open_product(page, site_server, built_site, "saphraton")
    badge = page.locator(".ocop-product__head .ocop-badge")
    page.wait_for_function("() => document.readyState === 'complete'")
    assert badge.get_attribute("data-state") == state
    assert badge.locator(".ocop-badge__detail").inner_text() == detail
    lapsed = "ocop-stars--lapsed" in (badge.locator(".ocop-stars").get_attribute("class") or "")
    assert lapsed == (state == "expired")
    if state == "expired":
        assert badge.locator(".ocop-badge__label").inner_text() == "Đã hết hạn"
        assert page.locator(".ocop-badge[data-valid-until]").evaluate_all(
            "els => els.filter(b => b.dataset.validUntil < '2028-01-17').length") == 0


@pytest.mark.parametrize("width", [360, 412])
def test_a_buyer_on_a_product_page_reaches_search_from_the_header(
        page: Any, site_server: Any, built_site: Path, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    base = open_product(page, site_server, built_site, "saphraton")
    icon = page.locator("header .ocop-header-search")
    assert icon.is_visible()
    box = icon.bounding_box()
    assert box is not None and box["x"] + box["width"] <= width and box["width"] >= 24
    icon.click()
    page.wait_for_url(f"{base}danh-muc/#ocop-search")
    search = page.locator("#ocop-search")
    assert search.is_visible() and search.evaluate(
        "el => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < innerHeight")
