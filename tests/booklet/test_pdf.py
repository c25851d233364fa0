"""The PDF of a booklet, read back: pages, contents, text, fonts, metadata, QR codes."""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image

from generator.booklet.build import Made
from generator.booklet.sets import catalogue
from tests.booklet.conftest import Catalogue, pages_text, rasterise

NAMES = {"nuoc-mam-thu": "Nước mắm nhĩ Thử Nghiệm", "tra-het-han": "Trà thảo mộc Đã Hết Hạn",
         "gom-thanh-ha": 'Gốm "Thanh Hà" & Co <3'}


@pytest.fixture(scope="module")
def whole(site3_repo: Catalogue) -> Made:
    return site3_repo.printer.make(catalogue(site3_repo.products))


@pytest.fixture(scope="module")
def texts(whole: Made) -> list[str]:
    return [unicodedata.normalize("NFC", text) for text in pages_text(whole)]


def product_page(texts: list[str], name: str) -> int:
    """The 1-based page whose heading is ``name`` (the contents page excepted)."""
    found = [i + 1 for i, text in enumerate(texts) if i > 1 and name in text]
    assert len(found) == 1, (name, found)
    return found[0]


def test_a_cover_a_contents_page_a_page_per_product_and_a_closing_page(whole: Made,
                                                                       texts: list[str]) -> None:
    assert whole.pdf.pages == len(texts) == 1 + 1 + 3 + 1
    cover = texts[0]
    for words in ("Danh mục sản phẩm OCOP", "Tỉnh thử nghiệm", "Văn phòng OCOP thử nghiệm",
                  "Dữ liệu tính đến 29/11/2026", "3 sản phẩm"):
        assert words in cover
    assert "Mục lục" in texts[1]
    assert "Cách đọc hạng sao OCOP" in texts[-1]
    assert "https://example.org/ocop/" in texts[-1]


def test_the_contents_gives_the_page_each_product_is_really_on(texts: list[str]) -> None:
    contents = texts[1]
    for name in NAMES.values():
        line = next(line for line in contents.splitlines() if line.startswith(name))
        printed = int(re.search(r"\.{3,}\s*(\d+)$", line).group(1))  # type: ignore[union-attr]
        assert printed == product_page(texts, name), line


def test_names_keep_their_diacritics_and_producers_their_phone(texts: list[str]) -> None:
    page = texts[product_page(texts, NAMES["nuoc-mam-thu"]) - 1]
    assert "Nước mắm nhĩ Thử Nghiệm" in page
    assert "0905 123 456" in page and "lienhe@example.org" in page
    assert "Đồ uống" in texts[1] and "Đã Hết Hạn" in texts[1]


def test_an_expired_star_reads_het_han_and_never_a_current_star(texts: list[str]) -> None:
    page = texts[product_page(texts, NAMES["tra-het-han"]) - 1]
    assert "Đã hết hạn" in page and "Hết hiệu lực từ 01/06/2024" in page
    assert "OCOP 4 sao" not in page and "★" not in page
    current = texts[product_page(texts, NAMES["nuoc-mam-thu"]) - 1]
    assert "OCOP 5 sao" in current and "★★★★★" in current


def test_pages_are_numbered_and_headed(texts: list[str]) -> None:
    for number, text in enumerate(texts[1:-1], start=2):
        lines = text.splitlines()
        assert str(number) in lines or any(line.startswith(f"{number} ") for line in lines), text
        assert "OCOP thử nghiệm" in text  # the running header: the site's name


def test_only_the_booklet_fonts_are_embedded(whole: Made) -> None:
    reader = pypdf.PdfReader(whole.pdf.path)
    fonts = set()
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
            descendant = font.get("/DescendantFonts")
            descriptor = (descendant[0].get_object() if descendant else font)["/FontDescriptor"]
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(name.startswith("OCOP-") for name in fonts), fonts
    assert {"OCOP-Sans", "OCOP-Sans-Bold", "OCOP-Symbols"} <= fonts


def test_metadata_title_language_author_and_tags(whole: Made) -> None:
    reader = pypdf.PdfReader(whole.pdf.path)
    assert reader.metadata is not None
    assert reader.metadata.title == "Danh mục sản phẩm OCOP"
    assert reader.metadata.author == "Văn phòng OCOP thử nghiệm"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "vi"
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert "/OutputIntents" in root  # PDF/A asks for an output intent
    assert b"pdfaid:part" in root["/Metadata"].get_object().get_data()


def test_every_qr_code_decodes_to_its_products_page(whole: Made, texts: list[str],
                                                    tmp_path: Path) -> None:
    for product_id, name in NAMES.items():
        image = Image.open(rasterise(whole.pdf.path, product_page(texts, name), tmp_path))
        decoded = {code.text for code in zxingcpp.read_barcodes(image)}
        assert decoded == {f"https://example.org/ocop/san-pham/{product_id}/"}, name


def test_the_closing_page_code_leads_to_the_online_catalogue(whole: Made, tmp_path: Path) -> None:
    image = Image.open(rasterise(whole.pdf.path, whole.pdf.pages, tmp_path))
    assert {code.text for code in zxingcpp.read_barcodes(image)} == {"https://example.org/ocop/"}


def test_four_cards_a_page(site3_repo: Catalogue) -> None:
    made = site3_repo.printer.make(catalogue(site3_repo.products), "4up")
    texts = pages_text(made)
    # cover, contents, one page per group section (Đồ uống, Hàng thủ công mỹ nghệ, Thực phẩm), closing
    assert made.pdf.pages == 6
    assert all(name.split(" ")[0] in "".join(texts) for name in NAMES.values())


def test_weasyprint_reads_all_of_the_css(site3_repo: Catalogue,
                                         caplog: pytest.LogCaptureFixture) -> None:
    from generator.booklet.pdf import render_pdf

    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        for layout in ("1up", "4up"):
            render_pdf(site3_repo.printer.html(catalogue(site3_repo.products[:1]), layout))
    assert not [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")]


def test_weasyprint_leaves_pillows_settings_alone(whole: Made) -> None:
    """Importing WeasyPrint sets ImageFile.LOAD_TRUNCATED_IMAGES; the photo checks of a later
    validation in the same process (ocop serve) must still refuse a truncated photo."""
    from PIL import ImageFile

    from generator.booklet.pdf import render_pdf

    render_pdf("<p>x</p>")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
