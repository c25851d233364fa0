"""The "Dữ liệu mở / Open data" page of the fixture site, parsed: every file it lists exists
with the size it says, every CSV column and record field is explained, the home page and the
footer link to it; and ``ocop build --emit`` writes the open data as plain sources."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

from generator.opendata.columns import PRODUCT_COLUMNS
from generator.resources import resource_path
from generator.site.opendata import human_size, schema_fields
from tests.conftest import ROOT
from tests.site.conftest import build, copy_fixture, soup

PAGE = "du-lieu-mo/index.html"


def _target(site: Path, page: str, href: str) -> Path:
    path = urljoin("/" + page, href).lstrip("/")
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def test_the_page_lists_every_open_file_with_its_real_size(site3: Path) -> None:
    page = soup(site3 / PAGE)
    assert "Dữ liệu mở" in page.h1.get_text() and "Open data" in page.h1.get_text()
    listed = page.select(".ocop-opendata__list dt")
    names = [dt.code.get_text() for dt in listed if dt.a is not None]
    assert names[:5] == ["san-pham.json", "san-pham.csv", "su-kien.json", "su-kien.csv",
                         "datapackage.json"]  # the fixture has events (tests/fixtures/site3/events)
    assert {"product.schema.json", "product-record.schema.json", "catalogue.schema.json"} <= \
        set(names)
    for dt in listed:
        if dt.a is None:
            continue
        target = _target(site3, PAGE, dt.a["href"])
        assert target.is_file(), dt.a["href"]
        assert dt.select_one(".ocop-muted").get_text() == human_size(target.stat().st_size)
        assert dt.find_next_sibling("dd").select_one('[lang="en"]').get_text().strip()


def test_the_page_explains_every_column_and_field_and_marks_derived_ones(site3: Path) -> None:
    page = soup(site3 / PAGE)
    columns = {dt.code.get_text(): dt for dt in page.select(".ocop-opendata__columns dt")}
    assert list(columns) == [c.name for c in PRODUCT_COLUMNS]
    for column in PRODUCT_COLUMNS:
        assert (columns[column.name].select_one(".ocop-derived") is not None) == column.derived
        dd = columns[column.name].find_next_sibling("dd")
        assert column.vi in dd.get_text() and column.en in dd.get_text()
    schema = json.loads(resource_path("schema/product-record.schema.json").read_text("utf-8"))
    fields = [dt.code.get_text() for dt in page.select(".ocop-opendata__fields dt")]
    assert fields == [path for path, _, _ in schema_fields(schema)]
    assert {"name", "recognitions[].derived.state", "origin.derived.commune",
            "derived.stars"} <= set(fields)


def test_the_page_states_the_licence_as_a_proposal_and_the_publisher(site3: Path) -> None:
    page = soup(site3 / PAGE)
    licence = page.select_one('a[rel="license"]')
    assert licence["href"] == "https://creativecommons.org/licenses/by/4.0/"
    meta = page.select_one(".ocop-opendata__meta").get_text()
    assert "tỉnh chưa xác nhận" in meta and "Văn phòng OCOP thử nghiệm" in meta
    assert "29/11/2026" in page.select_one(".ocop-opendata").get_text()


def test_home_and_footer_link_to_the_page(site3: Path) -> None:
    home = soup(site3 / "index.html")
    link = home.select_one(".ocop-home__opendata a")
    assert _target(site3, "index.html", link["href"]) == site3 / PAGE
    product = "san-pham/nuoc-mam-thu/index.html"
    footer = soup(site3 / product).select_one(".md-footer .ocop-opendata-link a")
    assert footer.get_text() == "Dữ liệu mở / Open data"
    assert _target(site3, product, footer["href"]) == site3 / PAGE


def test_records_sit_beside_product_pages(site3: Path) -> None:
    for folder in (site3 / "san-pham").iterdir():
        if folder.is_dir():
            record = json.loads((site3 / "san-pham" / f"{folder.name}.json").read_text("utf-8"))
            assert record["id"] == folder.name and (folder / "index.html").is_file()


def test_emit_writes_the_open_data_and_plain_mkdocs_publishes_it(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "repo")
    out = tmp_path / "docs"
    assert build(root, emit=out) == 0
    for name in ("du-lieu/san-pham.json", "du-lieu/san-pham.csv", "du-lieu/datapackage.json",
                 "du-lieu/schema/product-record.schema.json", "san-pham/nuoc-mam-thu.json",
                 "du-lieu-mo.md"):
        assert (out / name).is_file(), name
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: OCOP\nsite_url: https://example.org/ocop/\ndocs_dir: docs\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'site_templates'}\n",
        encoding="utf-8")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    done = subprocess.run([str(mkdocs), "build", "-q"], cwd=tmp_path, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site"
    assert (site / "du-lieu-mo" / "index.html").is_file()
    assert (site / "du-lieu" / "datapackage.json").read_bytes() == \
        (out / "du-lieu" / "datapackage.json").read_bytes()
    assert (site / "san-pham" / "nuoc-mam-thu.json").is_file()


def test_the_first_screen_offers_the_csv_and_the_json(site3: Path) -> None:
    buttons = soup(site3 / PAGE).select(".ocop-opendata__downloads a.md-button")
    assert [b["href"] for b in buttons] == ["../du-lieu/san-pham.csv", "../du-lieu/san-pham.json"]
    assert "md-button--primary" in buttons[0]["class"] and buttons[0].has_attr("download")
    assert buttons[0].get_text().startswith("Tải CSV (Excel)")


def test_events_join_the_page_and_the_package_through_the_same_hook(tmp_path: Path) -> None:
    from datetime import date

    from generator.opendata.columns import Column
    from generator.site.config import load
    from generator.site.images import PhotoPipeline
    from generator.site.opendata import open_data_files
    from generator.site.pages import Planner
    from generator.validate import validate
    from tests.site.conftest import TODAY

    root = copy_fixture(tmp_path / "repo")
    today = date.fromisoformat(TODAY)
    result = validate([root / "products"], root, today)
    planner = Planner(result.products, load(root), today, PhotoPipeline(tmp_path / "photos"))
    event = {"id": "cho-phien-mau", "name": {"vi": "Chợ phiên mẫu"}}
    files = {f.path: f for f in open_data_files(
        planner, [event], (Column("id", "string", "Mã", "Id", lambda r: r["id"]),))}
    assert {"du-lieu/su-kien.json", "du-lieu/su-kien.csv"} <= set(files)
    package = json.loads(files["du-lieu/datapackage.json"].content or "")
    assert [r["name"] for r in package["resources"]][-2:] == ["su-kien-json", "su-kien-csv"]
    page = files["du-lieu-mo.md"].text or ""
    assert "su-kien.json" in page and "Các sự kiện xúc tiến thương mại" in page
