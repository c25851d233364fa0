"""The priority products page in a real Chromium: ticking a criterion filters the list, the
tick is written to the address (?tieu-chi=…) and survives a reload."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import pdf_page_count
from tests.site.promotion_site import build_promotion_site


@pytest.fixture(scope="module")
def promotion_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_promotion_site(tmp_path_factory.mktemp("promotion-browser") / "repo")


def visible_names(page: Any) -> list[str]:
    return page.locator("#ocop-priority-list > li:visible .ocop-card__name").all_inner_texts()


def test_ticking_a_criterion_filters_and_the_address_keeps_it(page: Any, site_server: Any,
                                                              promotion_site: Path) -> None:
    base = site_server(promotion_site)
    page.goto(f"{base}uu-tien-xuc-tien/", wait_until="load")
    form = page.locator("#ocop-criteria")
    form.wait_for(state="visible")
    assert visible_names(page) == ["Gốm làng nghề Thử Nghiệm", "Nước mắm nhĩ Thử Nghiệm",
                                   "Trà HTX Thử Nghiệm"]

    page.get_by_role("checkbox", name="Tiêu chuẩn tiên tiến").check()
    assert visible_names(page) == ["Gốm làng nghề Thử Nghiệm", "Nước mắm nhĩ Thử Nghiệm"]
    assert page.url.endswith("/uu-tien-xuc-tien/?tieu-chi=tieu-chuan-tien-tien")
    assert page.locator("#ocop-priority-status").inner_text() == "2 sản phẩm"

    page.get_by_role("checkbox", name="Làng nghề").check()  # every ticked criterion must hold
    assert visible_names(page) == ["Gốm làng nghề Thử Nghiệm"]
    assert "tieu-chi=tieu-chuan-tien-tien&tieu-chi=lang-nghe" in page.url

    page.reload(wait_until="load")
    form.wait_for(state="visible")
    assert page.get_by_role("checkbox", name="Tiêu chuẩn tiên tiến").is_checked()
    assert page.get_by_role("checkbox", name="Làng nghề").is_checked()
    assert visible_names(page) == ["Gốm làng nghề Thử Nghiệm"]

    page.get_by_role("checkbox", name="Làng nghề").uncheck()
    page.get_by_role("checkbox", name="Tiêu chuẩn tiên tiến").uncheck()
    assert len(visible_names(page)) == 3
    assert page.url.endswith("/uu-tien-xuc-tien/")


def test_a_shared_link_opens_filtered_and_unknown_values_are_ignored(
        page: Any, site_server: Any, promotion_site: Path) -> None:
    base = site_server(promotion_site)
    page.goto(f"{base}uu-tien-xuc-tien/?tieu-chi=htx-doanh-nghiep&tieu-chi=khong-co",
              wait_until="load")
    page.locator("#ocop-criteria").wait_for(state="visible")
    assert page.get_by_role("checkbox", name="Hợp tác xã, doanh nghiệp").is_checked()
    assert visible_names(page) == ["Gốm làng nghề Thử Nghiệm", "Nước mắm nhĩ Thử Nghiệm",
                                   "Trà HTX Thử Nghiệm"]
    page.get_by_role("checkbox", name="Tiềm năng nâng hạng sao").check()
    assert visible_names(page) == ["Gốm làng nghề Thử Nghiệm"]
    assert page.locator("#ocop-priority-empty").is_hidden()


def test_product_reasons_show_on_screen_and_leave_the_print_sheet_one_page(
        browser: Any, site_server: Any, promotion_site: Path) -> None:
    base = site_server(promotion_site)
    page = browser.new_page()
    page.goto(f"{base}san-pham/gom-lang-nghe/", wait_until="load")
    assert page.locator("section.ocop-priority .ocop-reason").count() == 6
    assert page.locator("section.ocop-priority").is_visible()
    page.emulate_media(media="print")
    assert page.locator("section.ocop-priority").is_hidden()
    assert pdf_page_count(page.pdf(format="A4", print_background=True)) == 1
    page.close()
