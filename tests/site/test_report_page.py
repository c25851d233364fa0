"""The officers' "Rà soát danh mục" page in the built fixture site, parsed: out of search
engines and the sitemap, every chart a titled SVG whose bars match the table beside it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

from tests.conftest import ROOT
from tests.site.conftest import soup

SVG = "{http://www.w3.org/2000/svg}"


def test_the_page_is_noindex_and_not_in_the_sitemap(site3: Path) -> None:
    page = soup(site3 / "ra-soat-danh-muc" / "index.html")
    assert page.find("meta", attrs={"name": "robots", "content": "noindex"})
    assert page.h1.get_text() == "Rà soát danh mục OCOP"
    assert page.find(attrs={"data-pagefind-body": True}) is None  # search never lists it
    sitemap = (site3 / "sitemap.xml").read_text(encoding="utf-8")
    assert "ra-soat-danh-muc" not in sitemap and "san-pham/tra-het-han/" in sitemap
    product = soup(site3 / "san-pham" / "tra-het-han" / "index.html")
    assert product.find("meta", attrs={"name": "robots"}) is None


def test_every_chart_is_titled_svg_with_one_bar_per_table_row(site3: Path) -> None:
    page = soup(site3 / "ra-soat-danh-muc" / "index.html")
    figures = page.select(".ocop-portfolio__chart")
    assert len(figures) >= 6
    for figure in figures:
        sheet = figure.find_parent(class_="ocop-portfolio__sheet")
        table = sheet.find("table")
        assert table is not None, sheet.get("id")  # a table beside every chart
        svg = ET.fromstring(str(figure.find("svg")))
        title = svg.find(f"{SVG}title")
        assert title is not None and title.text == table.caption.get_text()
        bars = svg.findall(f".//{SVG}rect[@class='bar']")
        assert len(bars) == len(table.tbody.find_all("tr")), sheet.get("id")
        assert page.find(id=svg.get("aria-labelledby", "").split()[0]) is not None


def test_the_counts_add_up_on_the_page(site3: Path) -> None:
    page = soup(site3 / "ra-soat-danh-muc" / "index.html")
    counted = int(page.find("p").find_next("strong").get_text().split()[0])
    assert counted == 3
    for sheet_id in ("so-luong-stars", "so-luong-group", "so-luong-district",
                     "so-luong-commune", "so-luong-legal_form", "so-luong-processing"):
        table = page.find(id=sheet_id).find("table")
        rows = [int(tr.find_all("td")[0].get_text()) for tr in table.tbody.find_all("tr")]
        total = int(table.tfoot.find_all("td")[0].get_text())
        assert sum(rows) == total == counted, sheet_id


def test_the_shipped_footer_lists_the_page_with_the_other_officers_pages() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    urls = [p["url"] for p in config["extra"]["officers"]["pages"]]
    assert "ra-soat-danh-muc/" in urls
    assert "ra-soat-danh-muc.md" in config["not_in_nav"]
