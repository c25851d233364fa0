"""The booklet's HTML (before any PDF): what a sheet prints about a lapsed or revoked star."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from generator.booklet.html import printed_texts, render_booklet
from generator.booklet.sets import Booklet, Entry, Section
from generator.booklet.sheet import Sheets, lead
from generator.site.images import PhotoPipeline
from tests.booklet.conftest import Catalogue
from tests.booklet.test_sets import TODAY, product


def sheets(repo: Catalogue, tmp_path: Path, layout: str = "1up") -> Sheets:
    return Sheets(repo.config, TODAY, PhotoPipeline(tmp_path / "photos"), None, layout)


def booklet(*names_and_status: tuple[str, str, str]) -> Booklet:
    entries = tuple(Entry(product(name, signed=signed, status=status))
                    for name, signed, status in names_and_status)
    return Booklet("catalogue", "danh-muc", "Danh mục", (Section("Thực phẩm", entries),))


def sheet_html(html: str, anchor: str) -> BeautifulSoup:
    found = BeautifulSoup(html, "html.parser").find(id=anchor)
    assert found is not None
    return found  # type: ignore[return-value]


def test_a_revoked_or_lapsed_star_is_never_printed_as_current(site3_repo: Catalogue,
                                                              tmp_path: Path) -> None:
    for layout in ("1up", "4up"):
        printed = render_booklet(booklet(("Thu hồi", "2025-01-10", "revoked"),
                                         ("Hết hạn", "2021-06-01", "active"),
                                         ("Còn hạn", "2025-01-10", "active")),
                                 sheets(site3_repo, tmp_path, layout), "", layout)
        revoked = sheet_html(printed.html, "p-thu-hồi").get_text(" ")
        assert "Đã thu hồi" in revoked and "★" not in revoked and "OCOP 3 sao" not in revoked
        lapsed = sheet_html(printed.html, "p-hết-hạn").get_text(" ")
        assert "Đã hết hạn" in lapsed and "Hết hiệu lực từ 01/06/2024" in lapsed
        assert "★" not in lapsed
        current = sheet_html(printed.html, "p-còn-hạn").get_text(" ")
        assert "★★★" in current and "OCOP 3 sao" in current and "Hiệu lực đến 09/01/2028" in current


def test_the_glyph_check_reads_each_sheet_under_its_file(site3_repo: Catalogue,
                                                         tmp_path: Path) -> None:
    printed = render_booklet(booklet(("Còn hạn", "2025-01-10", "active")),
                             sheets(site3_repo, tmp_path), "")
    places = {where for where, _ in printed_texts(printed)}
    assert "products/Còn hạn.yaml (Còn hạn)" in places and "Danh mục" in places


def test_a_long_description_is_cut_after_a_whole_sentence() -> None:
    text = "Câu một. " * 200 + "\n\nĐoạn hai."
    cut = lead(text, 100)
    assert cut.endswith("Câu một.") and len(cut) <= 100
    assert lead("Ngắn.\n\nĐoạn hai.") == "Ngắn."
