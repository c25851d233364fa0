"""One validity wording on the page, in JSON-LD and in the meta and social descriptions, and
the page descriptions built from fields, never from the description's prose (it goes stale)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.site.conftest import soup


def _page(site: Path, product_id: str):
    return soup(site / "san-pham" / product_id / "index.html")


def _jsonld(page) -> dict:
    return json.loads(page.find("script", type="application/ld+json").string)


def _meta(page, **attrs: str) -> str:
    return page.head.find("meta", attrs=attrs)["content"]


def test_jsonld_award_says_what_the_badge_says(site3: Path) -> None:
    page = _page(site3, "nuoc-mam-thu")
    detail = page.select_one(".ocop-badge .ocop-badge__detail").get_text()
    # signed 17/01/2025: its last valid day is 16/01/2028
    assert detail == "Hiệu lực đến 16/01/2028"
    assert _jsonld(page)["award"] == "OCOP 5 sao — Hiệu lực đến 16/01/2028"


def test_meta_and_social_descriptions_are_built_from_fields(site3: Path) -> None:
    page = _page(site3, "nuoc-mam-thu")
    expected = ("Nước mắm nhĩ Thử Nghiệm — OCOP 5 sao, hiệu lực đến 16/01/2028 · nước mắm · "
                "Thành phố Hội An · Công ty TNHH Nước mắm Thử Nghiệm")
    assert _meta(page, name="description") == expected
    assert _meta(page, property="og:description") == expected
    assert "ủ chượp" not in expected  # the description's prose is not repeated


def test_an_expired_products_descriptions_say_since_when(site3: Path) -> None:
    page = _page(site3, "tra-het-han")
    # signed 01/06/2021: valid until 31/05/2024, not valid from 01/06/2024
    assert _meta(page, name="description") == (
        "Trà thảo mộc Đã Hết Hạn — Đã hết hạn, hết hiệu lực từ 01/06/2024 · trà thảo mộc · "
        "Thành phố Hội An · HTX Trà Thử Nghiệm")
    assert "sao" not in _meta(page, name="description")


def test_front_matter_description_is_the_fields_one(site3: Path) -> None:
    """The page source's front matter (the golden copy, which tests/site/test_golden.py holds
    equal to what the planner writes)."""
    source = (Path(__file__).parent.parent / "golden" / "site3" / "san-pham" / "gom-thanh-ha.md")
    front = yaml.safe_load(source.read_text(encoding="utf-8").split("---\n")[1])
    assert front["ocop"]["description"] == (
        'Gốm "Thanh Hà" & Co <3 — OCOP 3 sao, hiệu lực đến 09/05/2027 · gốm · Huyện Đại Lộc · '
        'Hộ kinh doanh Gốm & Men "Xanh"')
