"""``ocop build`` publishes the booklets: the "In ấn" page, the PDFs, the listings' links."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf

from generator.booklet.texts import size_text
from tests.site.conftest import site3, soup

__all__ = ["site3"]  # the session fixture of tests/site, shared


def booklets(site: Path) -> list[tuple[str, str, Path]]:
    """(title, button text, PDF) of each booklet the print page lists."""
    page = soup(site / "in-an" / "index.html")
    out = []
    for item in page.select(".ocop-booklet"):
        link = item.select_one("a.ocop-booklet__file")
        assert link is not None
        title = item.select_one(".ocop-booklet__title")
        assert title is not None
        out.append((title.get_text(), link.get_text(), (site / "in-an" / link["href"]).resolve()))
    return out


def assert_buttons_say_what_the_files_are(site: Path) -> None:
    for title, button, pdf in booklets(site):
        pages = len(pypdf.PdfReader(pdf).pages)
        assert button == f"PDF, {pages} trang, {size_text(pdf.stat().st_size)}", title


def test_the_print_page_lists_every_booklet_with_pages_and_size(site3: Path) -> None:
    listed = booklets(site3)
    assert [title for title, _, _ in listed] == [
        "Danh mục sản phẩm OCOP", "Danh mục sản phẩm OCOP", "Sản phẩm OCOP — Huyện Đại Lộc",
        "Sản phẩm OCOP — Thành phố Hội An", "Sản phẩm OCOP — Đồ uống",
        "Sản phẩm OCOP — Hàng thủ công mỹ nghệ", "Sản phẩm OCOP — Thực phẩm",
        "Sản phẩm OCOP 5 sao", "Sản phẩm OCOP 3 sao", "Chợ phiên thử nghiệm 2024",
        'Hội chợ "Thử" & Co <3']
    page = soup(site3 / "in-an" / "index.html")
    headings = [h.get_text() for h in page.select(".ocop-print-index h2")]
    assert headings[-1] == "Theo sự kiện xúc tiến thương mại"
    assert_buttons_say_what_the_files_are(site3)


def test_locality_commune_and_group_listings_link_their_booklet(site3: Path) -> None:
    for listing, pdf in (("nhom/do-uong", "nhom/do-uong.pdf"),
                         ("dia-phuong/thanh-pho-hoi-an", "dia-phuong/thanh-pho-hoi-an.pdf")):
        links = soup(site3 / listing / "index.html").select(".ocop-booklet-link a")
        assert [a["href"] for a in links] == [f"../../in-an/{pdf}"], listing
        assert re.fullmatch(r"Tập để in: .+ — PDF, \d+ trang, \d+ kB", links[0].get_text())
        assert (site3 / listing / links[0]["href"]).resolve().is_file()


def test_an_event_page_links_its_booklet_with_its_pages_and_size(site3: Path) -> None:
    page = site3 / "xuc-tien" / "hoi-cho-thu-nghiem-2027" / "index.html"
    section = soup(page).select_one(".ocop-event__products")
    assert section is not None
    links = section.select(".ocop-booklet-link a")
    assert [a["href"] for a in links] == ["../../in-an/su-kien/hoi-cho-thu-nghiem-2027.pdf"]
    pdf = (page.parent / links[0]["href"]).resolve()
    assert pdf.is_file() and links[0]["type"] == "application/pdf"
    pages = len(pypdf.PdfReader(pdf).pages)
    assert links[0].get_text() == ('Tập để in: Hội chợ "Thử" & Co <3 — '
                                   f"PDF, {pages} trang, {size_text(pdf.stat().st_size)}")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    assert text.index("Gian A2") < text.index("Gian A10")


def test_the_shipped_catalogue_publishes_every_booklet(built_site: Path) -> None:
    listed = booklets(built_site)
    titles = [title for title, _, _ in listed]
    assert titles[:2] == ["Danh mục sản phẩm OCOP"] * 2 and len(listed) == 19
    # the example event is the only shipped event whose sources name catalogue products
    assert titles[-1] == "Sự kiện mẫu: Phiên chợ sản phẩm OCOP"
    example = soup(built_site / "xuc-tien" / "su-kien-mau-phien-cho-ocop" / "index.html")
    assert [a["href"] for a in example.select(".ocop-booklet-link a")] == [
        "../../in-an/su-kien/su-kien-mau-phien-cho-ocop.pdf"]
    cover = pypdf.PdfReader(listed[-1][2]).pages[0].extract_text()
    assert "Sự kiện mẫu / example — tập in mẫu" in " ".join(cover.split())
    real = soup(built_site / "xuc-tien" / "ngay-hoi-san-pham-quang-nam-da-nang-2023" / "index.html")
    assert real.select(".ocop-booklet-link") == []  # no participating product named: no booklet
    whole = pypdf.PdfReader(listed[0][2])
    assert len(whole.pages) == 58 + 4  # cover, contents (two pages), 58 products, closing
    assert_buttons_say_what_the_files_are(built_site)
