"""The trade-promotion section's pages hide Material's sidebar, so each links to the others."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

PAGES = ["xuc-tien", "uu-tien-xuc-tien", "san-sang-xuat-khau", "in-an"]


@pytest.mark.parametrize("here", PAGES)
def test_each_promotion_page_links_the_section_and_marks_itself(site3: Path, here: str) -> None:
    page = BeautifulSoup((site3 / here / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = page.select_one("article nav.ocop-subnav, nav.ocop-subnav")
    assert nav is not None and nav["aria-label"] == "Xúc tiến thương mại"
    links = nav.select("a")
    assert [a.get_text() for a in links] == ["Sự kiện", "Ưu tiên xúc tiến", "Sẵn sàng xuất khẩu", "In ấn"]
    for a, target in zip(links, PAGES, strict=True):
        assert (site3 / here / a["href"] / "index.html").resolve() == \
            (site3 / target / "index.html").resolve()
        assert (site3 / target / "index.html").is_file()
    assert [a.get_text() for a in links if a.get("aria-current") == "page"] == \
        [links[PAGES.index(here)].get_text()]
