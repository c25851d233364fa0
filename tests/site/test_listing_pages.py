"""A long listing is cut into pages of LISTING_PAGE_SIZE cards, linked by a pager; every
product is on exactly one page of it, and a short listing stays one page without a pager."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.site import pages
from generator.site.config import load
from generator.site.images import PhotoPipeline
from generator.validate import validate
from tests.site.conftest import FIXTURE, TODAY


def _planner(tmp_path: Path) -> pages.Planner:
    today = date.fromisoformat(TODAY)
    result = validate([FIXTURE / "products"], FIXTURE, today)
    return pages.Planner(result.products, load(FIXTURE), today, PhotoPipeline(tmp_path / "photos"))


def test_a_long_listing_has_pages_and_each_product_once(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "LISTING_PAGE_SIZE", 1)
    planner = _planner(tmp_path)
    listing = max((item for items in planner.listings.values() for item in items),
                  key=lambda item: len(item.views))
    assert len(listing.views) >= 2
    made = planner.listing_pages(listing)
    assert [f.path for f in made] == [f"{listing.kind}/{listing.slug}.md"] + [
        f"{listing.kind}/{listing.slug}/trang-{n}.md" for n in range(2, len(made) + 1)]
    seen: list[str] = []
    for number, item in enumerate(made, start=1):
        assert item.page is not None
        page = BeautifulSoup(item.page.body, "html.parser")
        ids = [li.select_one("a")["href"].rstrip("/").rsplit("/", 1)[-1]
               for li in page.select("ul.ocop-cards > li")]
        assert len(ids) == 1
        seen += ids
        pager = page.select_one("nav.ocop-pager")
        assert pager is not None and pager.select_one("[aria-current=page]").get_text() == str(number)
        assert len(pager.select("ol li")) == len(made)
        assert (pager.select_one("a[rel=prev]") is None) == (number == 1)
        assert (pager.select_one("a[rel=next]") is None) == (number == len(made))
        assert f"Trang {number}/{len(made)}" in page.select_one("p.ocop-muted").get_text()
    assert sorted(seen) == sorted(v.id for v in listing.views)


def test_a_short_listing_is_one_page_without_a_pager(tmp_path: Path) -> None:
    planner = _planner(tmp_path)
    for items in planner.listings.values():
        for listing in items:
            made = planner.listing_pages(listing)
            assert len(made) == 1 and made[0].page is not None
            assert "ocop-pager" not in made[0].page.body


def test_a_card_is_made_once_per_product_and_depth_and_is_the_macros_card(tmp_path: Path) -> None:
    """Product and listing pages repeat each product's card (generator/site/render.py Cards):
    the repeated card is the text the macro gives in that page's context, made once."""
    from generator.site.render import environment

    planner = _planner(tmp_path)
    macro = environment(planner.config.language).from_string(
        '{% from "_macros.html" import card with context %}{{ card(v, root) }}')
    for view in planner.views:
        for root in ("../", "../../", "../../../"):
            made = planner.cards(view, root)
            assert made is planner.cards(view, root)
            assert str(made) == macro.render(v=view, root=root, today=planner.today)
            assert f'href="{root}{view.url}"' in made
    listing = planner.listings["nhom"][0]
    body = planner.listing_pages(listing)[0].page
    assert body is not None and all(str(planner.cards(v, "../../")) in body.body
                                    for v in listing.views)
