"""The browser test infrastructure works: Chromium, fonts, screenshots, print-to-PDF, serving.

Runs on tiny pages written here, not on the real site (see ``built_site`` for that).
"""

from __future__ import annotations

import unicodedata
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.browser.conftest import (
    PHONE_VIEWPORT,
    pdf_page_count,
    platform_fonts,
    serve_directory,
)
from tests.envcheck import missing_tool

VI_TEXT = unicodedata.normalize("NFC", "Nước mắm Duy Trinh — Đà Nẵng, Quảng Nam: ặ ễ ữ ỹ ộ ở Ứ Ỷ đ Đ")
HEAD = ('<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Sản phẩm OCOP</title>")
PAGE = (HEAD + "<style>body{font-family:sans-serif;font-size:20px;margin:16px;color:#111}</style>"
        f'</head><body><h1 id="vi">{VI_TEXT}</h1><p id="ascii">Nuoc mam Duy Trinh</p>'
        '<p id="thai">Nuoc mam ก</p></body></html>')
# One A4 print page of a product card; LONG is the same with 300 paragraphs (several pages).
PRINT_CSS = "<style>@page{size:A4;margin:15mm}body{font-family:serif;font-size:12pt}</style>"
PRINT = (HEAD + PRINT_CSS + f"</head><body><h1>{VI_TEXT}</h1><p>4 sao · Tiên Phước</p></body></html>")
LONG = (HEAD + PRINT_CSS + "</head><body>"
        + "".join(f"<p>Đoạn {i}: hạt tiêu Tiên Phước</p>" for i in range(300)) + "</body></html>")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    for name, html in {"index.html": PAGE, "print.html": PRINT, "long.html": LONG}.items():
        (site / name).write_text(html, encoding="utf-8")
    return site


# --- without a browser -------------------------------------------------------------------------

def test_missing_tool_skips_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="browser-setup"):
        missing_tool("no Chromium at /nowhere")


def test_missing_tool_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="not a skip"):
        missing_tool("no Chromium at /nowhere")


def test_server_serves_the_directory_then_stops(site: Path) -> None:
    with serve_directory(site) as base:
        assert base.startswith("http://127.0.0.1:") and base.endswith("/")
        with urllib.request.urlopen(base + "index.html", timeout=10) as resp:
            assert resp.read() == (site / "index.html").read_bytes()
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(base + "khong-co.html", timeout=10)
        assert err.value.code == 404
        err.value.close()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(base + "index.html", timeout=5)


# --- in Chromium -------------------------------------------------------------------------------

def test_chromium_renders_vietnamese_with_one_font(page: Any, site: Path,
                                                   site_server: Callable[[Path], str]) -> None:
    page.goto(site_server(site))
    assert page.evaluate("[innerWidth, navigator.language]") == [PHONE_VIEWPORT["width"], "vi-VN"]
    assert page.inner_text("#vi") == VI_TEXT
    vi_fonts = platform_fonts(page, "#vi")
    # Every Vietnamese letter drawn by the page's own sans-serif font, the same one as plain
    # ASCII text: no glyph fell back to another font (mixed shapes) or to empty boxes.
    assert list(vi_fonts) == list(platform_fonts(page, "#ascii")), vi_fonts
    assert sum(vi_fonts.values()) >= len(VI_TEXT.replace(" ", "")), vi_fonts
    # The check can fail: a Thai letter is not in that font and falls back to another one.
    assert len(platform_fonts(page, "#thai")) == 2


def test_screenshot_is_a_phone_sized_picture_with_text(page: Any, site: Path, tmp_path: Path,
                                                       site_server: Callable[[Path], str]) -> None:
    page.goto(site_server(site))
    shot = tmp_path / "phone.png"
    page.screenshot(path=str(shot))
    with Image.open(shot) as img:
        assert img.format == "PNG"
        assert img.size == (PHONE_VIEWPORT["width"], PHONE_VIEWPORT["height"])
        grey = img.convert("L")
        box = page.locator("#vi").bounding_box()
        heading = grey.crop((int(box["x"]), int(box["y"]), int(box["x"] + box["width"]),
                             int(box["y"] + box["height"])))
        assert heading.getextrema()[0] < 80, "no dark text pixels where the heading is"
        below = grey.crop((0, PHONE_VIEWPORT["height"] - 200, PHONE_VIEWPORT["width"],
                           PHONE_VIEWPORT["height"]))
        assert below.getextrema() == (255, 255), "the empty bottom of the page is not white"


def test_print_to_pdf_a4_one_page(page: Any, site: Path, site_server: Callable[[Path], str]) -> None:
    base = site_server(site)
    page.emulate_media(media="print")
    page.goto(base + "print.html")
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    assert pdf_page_count(pdf) == 1
    # A4 is 595.3 x 841.9 pt; Chromium rounds to its own pixel grid.
    width, height = _media_box(pdf)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, (width, height)

    page.goto(base + "long.html")
    assert pdf_page_count(page.pdf(format="A4", prefer_css_page_size=True)) > 1


def test_pdf_page_count_refuses_what_it_cannot_read() -> None:
    with pytest.raises(ValueError, match="cannot count pages"):
        pdf_page_count(b"%PDF-1.7\n1 0 obj <</Type /ObjStm /N 3>> stream ... endstream")


def _media_box(pdf: bytes) -> tuple[float, float]:
    import re

    match = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert match, "no /MediaBox in the PDF"
    x0, y0, x1, y1 = (float(v) for v in match.groups())
    return x1 - x0, y1 - y0
