"""The officers' portfolio page in a real Chromium: readable on a phone without sideways
scrolling, charts drawn, and printed on A4 landscape."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any


def test_portfolio_page_fits_a_phone_and_draws_its_charts(page: Any, site_server: Any,
                                                           built_site: Path) -> None:
    base = site_server(built_site)
    page.goto(f"{base}ra-soat-danh-muc/", wait_until="load")
    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scroll
    charts = page.locator(".ocop-portfolio__chart svg")
    assert charts.count() >= 6
    box = charts.first.bounding_box()
    assert box is not None and 300 <= box["width"] <= width
    label = page.locator(".ocop-portfolio__chart svg text").first
    assert label.evaluate("t => t.getBoundingClientRect().height") >= 10  # readable, not a speck
    assert page.locator("meta[name=robots][content=noindex]").count() == 1


def test_portfolio_page_prints_landscape_and_product_pages_stay_portrait(
        page: Any, site_server: Any, built_site: Path) -> None:
    base = site_server(built_site)
    page.goto(f"{base}ra-soat-danh-muc/", wait_until="load")
    sheets = _boxes(page.pdf(prefer_css_page_size=True))
    assert sheets and all(w > h and round(w) == 842 for w, h in sheets)  # every sheet A4 landscape
    page.goto(f"{base}san-pham/saphraton/", wait_until="load")
    assert [(round(w), round(h)) for w, h in _boxes(page.pdf(prefer_css_page_size=True))] == [
        (595, 842)]


def _boxes(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) of every page of a PDF Chromium printed."""
    found = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    return [(float(w), float(h)) for w, h in found]
