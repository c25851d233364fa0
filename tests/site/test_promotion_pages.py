"""The priority and export-ready pages and the product page's reasons, built from the fixture
catalogue with tests/fixtures/promotion/ added, parsed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.conftest import soup
from tests.site.promotion_site import build_promotion_site

CRITERIA = ["moi-cai-tien", "tieu-chuan-tien-tien", "lang-nghe", "htx-doanh-nghiep", "dac-san",
            "tiem-nang-nang-hang"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_promotion_site(tmp_path_factory.mktemp("promotion") / "repo")


def cards(page) -> dict[str, list[tuple[str, str]]]:
    """Product id → its reasons (criterion, fact), in page order."""
    out = {}
    for card in page.select("#ocop-priority-list > li.ocop-card"):
        product_id = card.a["href"].rstrip("/").rsplit("/", 1)[-1]
        out[product_id] = [(r["data-criterion"], r.select_one(".ocop-reason__fact").get_text())
                           for r in card.select(".ocop-reason")]
    return out


def test_priority_page_lists_current_products_with_their_reasons_in_order(site: Path) -> None:
    page = soup(site / "uu-tien-xuc-tien" / "index.html")
    assert page.h1.get_text() == "Sản phẩm ưu tiên xúc tiến"
    found = cards(page)
    # more criteria first, then by name; the lapsed cooperative (tra-het-han) and the household
    # (gom-thanh-ha) are not there
    assert list(found) == ["gom-lang-nghe", "nuoc-mam-thu", "tra-htx-thu"]
    assert [c for c, _ in found["gom-lang-nghe"]] == CRITERIA
    facts = dict(found["gom-lang-nghe"])
    assert facts["tieu-chuan-tien-tien"] == "GMP số GMP-TODAY-2, hiệu lực đến 29/11/2026"
    assert "ISO" not in facts["tieu-chuan-tien-tien"]  # ended yesterday
    assert facts["lang-nghe"] == "Làng nghề: Làng gốm Thử Nghiệm"
    assert facts["tiem-nang-nang-hang"] == "3 sao, 66,5 điểm; ngưỡng 4 sao: 70 điểm"
    assert facts["htx-doanh-nghiep"] == "Loại hình: Công ty cổ phần"
    assert found["tra-htx-thu"] == [("htx-doanh-nghiep", "Loại hình: Hợp tác xã")]
    assert page.select_one("#ocop-priority-status").get_text() == "3 sản phẩm"


def test_priority_cards_are_the_catalogue_cards(site: Path) -> None:
    page = soup(site / "uu-tien-xuc-tien" / "index.html")
    card = page.select_one("#ocop-priority-list > li.ocop-card")
    assert card.select_one(".ocop-card__name").get_text() == "Gốm làng nghề Thử Nghiệm"
    assert card.select_one(".ocop-badge .ocop-badge__label").get_text() == "OCOP 3 sao"
    assert card.select_one(".ocop-card__place").get_text() == "Thành phố Hội An"
    assert card.a["href"] == "../san-pham/gom-lang-nghe/"


def test_criteria_form_counts_and_address_parameter(site: Path) -> None:
    page = soup(site / "uu-tien-xuc-tien" / "index.html")
    form = page.select_one("form#ocop-criteria")
    assert form.has_attr("hidden")  # shown by assets/promotion.js; without it, all are listed
    boxes = form.select("input[type=checkbox]")
    assert [b["value"] for b in boxes] == CRITERIA
    assert {b["name"] for b in boxes} == {"tieu-chi"}
    counts = [label.select_one(".ocop-muted").get_text() for label in form.select("label")]
    assert counts == ["(1)", "(2)", "(1)", "(3)", "(1)", "(1)"]
    assert page.select_one('script[src="../assets/promotion.js"]') is not None
    assert page.select_one("#ocop-priority-empty").has_attr("hidden")


def test_rules_are_stated_in_plain_words(site: Path) -> None:
    page = soup(site / "uu-tien-xuc-tien" / "index.html")
    rules = page.select_one("section.ocop-rules")
    terms = [dt["id"] for dt in rules.select("dt")]
    assert terms == CRITERIA
    text = rules.get_text(" ", strip=True)
    assert "giấy hết hạn hôm qua thì không tính" in text
    assert "không quá 5 điểm (4 sao từ 70 điểm, 5 sao từ 90 điểm)" in text
    assert "không bao giờ được ưu tiên xúc tiến" in text  # a lapsed star is never promoted
    assert "công ty cổ phần trước" in text
    english = [p.get_text() for p in rules.select('p[lang="en"]')]
    assert len(english) == len(CRITERIA) and "expired yesterday does not count" in english[1]


def test_export_page_lists_valid_certificates_only(site: Path) -> None:
    page = soup(site / "san-sang-xuat-khau" / "index.html")
    assert page.h1.get_text() == "Sẵn sàng xuất khẩu"
    items = page.select("#ocop-export-list > li.ocop-card")
    assert [li.select_one(".ocop-card__name").get_text() for li in items] == [
        "Gốm làng nghề Thử Nghiệm", "Nước mắm nhĩ Thử Nghiệm"]
    certs = [(c.select_one(".ocop-cert__scheme").get_text(), c.select_one(".ocop-cert__no").get_text(),
              c.select_one(".ocop-cert__until").get_text()) for c in page.select(".ocop-cert")]
    assert certs == [("GMP", "GMP-TODAY-2", "29/11/2026"), ("HACCP", "HACCP-001", "30/06/2027")]
    assert "Tổ chức cấp: Tổ chức chứng nhận thử" in items[0].get_text()
    assert page.select_one(".ocop-empty") is None


def test_product_page_shows_its_reasons_and_a_lapsed_one_none(site: Path) -> None:
    page = soup(site / "san-pham" / "gom-lang-nghe" / "index.html")
    block = page.select_one("section.ocop-priority")
    assert block.h2.get_text() == "Ưu tiên xúc tiến thương mại"
    labels = [r.select_one(".ocop-reason__label").get_text() for r in block.select(".ocop-reason")]
    assert labels == ["Sản phẩm mới, cải tiến", "Tiêu chuẩn tiên tiến", "Làng nghề",
                      "Hợp tác xã, doanh nghiệp", "Đặc sản địa phương", "Tiềm năng nâng hạng sao"]
    assert block.select_one("a")["href"] == "../../uu-tien-xuc-tien/"
    for lapsed_or_none in ("tra-het-han", "gom-thanh-ha"):
        assert soup(site / "san-pham" / lapsed_or_none / "index.html").select_one(
            "section.ocop-priority") is None


def test_empty_states_say_so(tmp_path: Path) -> None:
    """site3 alone: no product has a craft village, so ticking it would show nothing; the
    rules say so, and the export page keeps its one product."""
    from tests.site.conftest import build, copy_fixture
    root = copy_fixture(tmp_path / "repo")
    for name in ("nuoc-mam-thu",):
        path = root / "products" / "hoi-an" / name / "product.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("valid_until: 2027-06-30",
                                                                  "valid_until: 2026-11-28"),
                        encoding="utf-8")
    assert build(root) == 0
    export = soup(root / "site" / "san-sang-xuat-khau" / "index.html")
    assert export.select("#ocop-export-list") == []
    assert "chưa có sản phẩm nào" in export.select_one(".ocop-empty").get_text()
    priority = soup(root / "site" / "uu-tien-xuc-tien" / "index.html")
    rule = priority.select_one("dt#lang-nghe").get_text(" ", strip=True)
    assert rule.endswith("hiện chưa có sản phẩm nào")
    assert priority.select_one("#ocop-priority-empty").get_text().startswith("Chưa có sản phẩm")
