"""The portfolio computation: every count table is a partition of the products counted, the
charts are well-formed SVG with one bar per row, and the page escapes officer text."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model.follow_up import Action, FollowUp, Result
from generator.model.product import (
    Content,
    Origin,
    Photo,
    Product,
    Recognition,
    RecordedUnit,
    Source,
    Subject,
    Text,
)
from generator.portfolio.charts import Bar, bar_chart, timeline_chart
from generator.portfolio.compute import compute
from generator.portfolio.gaps import gaps_of
from generator.portfolio.sheets import NAMES_SHOWN, capped, sheets
from generator.rules import PartialDate
from generator.site.config import SiteConfig
from generator.site.images import PhotoPipeline
from generator.site.pages import Planner

SVG = "{http://www.w3.org/2000/svg}"
TODAY = date(2026, 11, 29)
DISTRICTS = ("Huyện Tiên Phước", "Huyện Đông Giang", "Thành phố Hội An", None)
LEGAL = ("cooperative", "llc", "household-business", None)
PROCESSING = ("fresh", "raw", "primary-processed", "processed", "not-applicable")


def _product(i: int, district: str | None, legal: str | None, processing: str, year: int,
             status: str, subject: int) -> Product:
    unit = RecordedUnit(district) if district else None
    return Product(
        id=f"p{i}", source_file=f"products/x/p{i}/product.yaml", folder=Path(f"products/x/p{i}"),
        name=Text(f"Sản phẩm {i}"), product_type="trà", group="Đồ uống", processing=processing,
        recognitions=(Recognition(0, PartialDate(year, 6, 1), 3 + i % 3, recorded_status=status),),
        origin=Origin("pre-2025-07", RecordedUnit("Tỉnh Quảng Nam"), district=unit),
        content=Content(Text("Mô tả")), sources=(Source("https://example.org"),),
        subject=Subject(f"Chủ thể {subject}", legal_form=legal))


products = st.lists(st.tuples(st.sampled_from(DISTRICTS), st.sampled_from(LEGAL),
                              st.sampled_from(PROCESSING), st.integers(2019, 2026),
                              st.sampled_from(("active", "revoked")), st.integers(0, 3)),
                    max_size=25)


@settings(max_examples=60, deadline=None)
@given(products)
def test_every_count_table_sums_to_the_products_counted(items: list[tuple]) -> None:  # type: ignore[type-arg]
    catalogue = [_product(i, *item) for i, item in enumerate(items)]
    portfolio = compute(catalogue, (), TODAY)
    for table in portfolio.counts.values():
        assert table.total == len(catalogue), table.name
        assert sorted(p.id for row in table.rows for p in row.products) == \
            sorted(p.id for p in catalogue)
    little = [p for p in catalogue if p.processing in ("fresh", "raw", "primary-processed")]
    assert portfolio.little_processed.total == len(little)
    for sheet in sheets(portfolio, "vi"):
        if sheet.total is not None and sheet.name.startswith("so-luong-"):
            assert int(sheet.total[1]) == sum(int(row[1]) for row in sheet.rows) == len(catalogue)
    assert sum(m.n for m in portfolio.months) <= len(catalogue)


def test_duplicates_need_two_subjects_in_one_area() -> None:
    same = [_product(0, "Huyện Tiên Phước", None, "processed", 2025, "active", 1),
            _product(1, "Huyện Tiên Phước", None, "processed", 2025, "active", 1)]
    assert compute(same, (), TODAY).same_type == ()
    other = _product(2, "Huyện Tiên Phước", None, "processed", 2025, "active", 2)
    elsewhere = _product(3, "Huyện Đông Giang", None, "processed", 2025, "active", 3)
    groups = compute([*same, other, elsewhere], (), TODAY).same_type
    assert [(g.area, g.subjects, [p.id for p in g.products]) for g in groups] == [
        ("Huyện Tiên Phước", 2, ["p0", "p1", "p2"])]


def test_stand_in_photos_count_as_no_photo() -> None:
    product = _product(0, None, None, "processed", 2025, "active", 1)
    assert "photos" in gaps_of(product)
    stand_in = Photo("a.jpg", "front", Text("Ảnh minh hoạ (chưa có ảnh thật) — trà"))
    assert "photos" in gaps_of(dataclasses.replace(product, photos=(stand_in,)))
    real = Photo("b.jpg", "front", Text("Hộp trà, mặt trước"))
    assert "photos" not in gaps_of(dataclasses.replace(product, photos=(stand_in, real)))


def test_long_product_lists_are_cut_with_a_count_of_the_rest() -> None:
    names = "; ".join(f"SP {i}" for i in range(NAMES_SHOWN + 3))
    assert capped(names, "vi").endswith("SP 11; và 3 sản phẩm khác (xem tệp CSV)")
    assert capped("A; B", "vi") == "A; B"


def test_bar_chart_is_well_formed_svg_with_a_title_and_one_bar_per_row() -> None:
    bars = [Bar("5 sao", 2), Bar("Dược liệu & <sản phẩm> từ dược liệu rất dài", 12), Bar("x", 0)]
    root = ET.fromstring(bar_chart("c1", "Theo hạng sao & nhóm", bars))
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Theo hạng sao & nhóm"  # type: ignore[union-attr]
    assert "5 sao: 2" in root.find(f"{SVG}desc").text  # type: ignore[union-attr, operator]
    rects = root.findall(f".//{SVG}rect[@class='bar']")
    assert len(rects) == 3
    assert float(rects[1].get("width", 0)) > float(rects[0].get("width", 0)) > 0
    assert rects[2].get("width") == "0.0"
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "Dược liệu & <sản phẩ…" in labels  # cut, and escaped in the file


def test_timeline_has_one_column_per_month_and_labels_every_sixth() -> None:
    bars = [Bar(f"{m:02d}/2027", m % 4) for m in range(1, 13)] * 2
    root = ET.fromstring(timeline_chart("c2", "Hết hạn theo tháng", bars))
    assert len(root.findall(f".//{SVG}rect[@class='bar']")) == 24
    months = [t.text for t in root.iter(f"{SVG}text") if t.text and "/" in t.text]
    assert months == ["01/2027", "07/2027", "01/2027", "07/2027"]


def test_follow_up_is_on_no_buyer_page(tmp_path: Path) -> None:
    check = FollowUp(0, PartialDate(2025, 3, 10), "Đoàn kiểm tra bí mật", "spot-check",
                     Result.VIOLATION, ("quality",), (Action("Thu hồi lô hàng XYZ"),),
                     "https://example.org/bien-ban", "Ghi chú nội bộ")
    product = dataclasses.replace(_product(0, "Huyện Tiên Phước", None, "processed", 2025,
                                           "active", 1), follow_up=(check,))
    config = SiteConfig(site_name="S", site_url="https://example.org/", region="R", publisher="P")
    planner = Planner([product], config, TODAY, PhotoPipeline(tmp_path / "cache"))
    page = planner.product_page(planner.views[0]).text or ""
    for secret in ("Đoàn kiểm tra bí mật", "Thu hồi lô hàng XYZ", "bien-ban", "Ghi chú nội bộ"):
        assert secret not in page
    assert all(secret not in (f.text or "") for f in planner.files()
               if not f.path.startswith("ra-soat") for secret in ("Đoàn kiểm tra bí mật",))
