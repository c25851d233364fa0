"""What each booklet holds, and in which order (pure: no PDF)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.booklet.order import by_name
from generator.booklet.sets import (
    area_booklets,
    catalogue,
    every_booklet,
    group_booklets,
    star_booklets,
)
from generator.model.product import Content, Origin, Product, Recognition, RecordedUnit, Text
from generator.rules import PartialDate

TODAY = date(2026, 11, 29)


def product(name: str, group: str = "Thực phẩm", district: str = "Huyện Tiên Phước",
            signed: str = "2025-01-10", stars: int = 3, status: str = "active") -> Product:
    parsed = PartialDate.parse(signed)
    assert parsed is not None
    return Product(id=name.lower().replace(" ", "-"), source_file=f"products/{name}.yaml",
                   folder=Path("."), name=Text(name), product_type="t", group=group,
                   processing="processed",
                   recognitions=(Recognition(0, parsed, stars, recorded_status=status),),
                   origin=Origin("pre-2025-07", RecordedUnit("Tỉnh Quảng Nam"),
                                 RecordedUnit(district)),
                   content=Content(Text("x")), sources=())


def names(products: list[Product]) -> list[str]:
    return [p.name.vi for p in products]


def test_vietnamese_order_is_not_byte_order() -> None:
    shuffled = ["Ưu đàm", "Ơ mai", "Đào tiên", "Dừa sáp", "Ánh dương", "Ăn liền", "Anh đào",
                "Bánh ít", "Ốc", "Ô liu", "Hà", "Hạ", "Há", "Ha"]
    ordered = names(by_name(product(n) for n in shuffled))  # "d" < "đ" decides before tones
    assert ordered == ["Ánh dương", "Anh đào", "Ăn liền", "Bánh ít", "Dừa sáp", "Đào tiên",
                       "Ha", "Hà", "Há", "Hạ", "Ô liu", "Ốc", "Ơ mai", "Ưu đàm"]
    assert ordered != sorted(shuffled)  # Python's code-point order differs


def test_the_catalogue_has_a_section_per_group_in_vietnamese_order() -> None:
    items = [product("Trà", "Đồ uống"), product("Nón", "Hàng thủ công mỹ nghệ"),
             product("Quế", "Dược liệu và sản phẩm từ dược liệu"), product("Bánh"),
             product("Ấm", "Hàng thủ công mỹ nghệ")]
    booklet = catalogue(items)
    assert [s.title for s in booklet.sections] == [
        "Dược liệu và sản phẩm từ dược liệu", "Đồ uống", "Hàng thủ công mỹ nghệ", "Thực phẩm"]
    assert [e.product.name.vi for e in booklet.sections[2].entries] == ["Ấm", "Nón"]
    assert booklet.slug == "danh-muc" and len(booklet.products) == 5


def test_locality_and_group_booklets_split_the_catalogue() -> None:
    items = [product("A", district="Huyện Đại Lộc"), product("B"), product("C", "Đồ uống")]
    areas = area_booklets(items)
    assert [(b.key, len(b.products)) for b in areas] == [("Huyện Đại Lộc", 1),
                                                          ("Huyện Tiên Phước", 2)]
    assert areas[1].slug == "dia-phuong/huyen-tien-phuoc"
    assert "huyện Tiên Phước (trước 1/7/2025)" in areas[1].subtitle
    assert all("trước 1/7/2025: huyện Tiên Phước" == s.note for s in areas[1].sections)
    groups = group_booklets(items)
    assert [(b.slug, len(b.products)) for b in groups] == [("nhom/do-uong", 1),
                                                           ("nhom/thuc-pham", 2)]


def test_a_star_booklet_holds_only_stars_valid_today() -> None:
    items = [product("Còn 4", stars=4), product("Hết hạn 4", stars=4, signed="2021-06-01"),
             product("Thu hồi 3", status="revoked"), product("Còn 3")]
    booklets = {b.key: names(b.products) for b in star_booklets(items, TODAY)}
    assert booklets == {"4": ["Còn 4"], "3": ["Còn 3"]}
    assert [b.slug for b in every_booklet(items, TODAY)][-2:] == ["sao/4-sao", "sao/3-sao"]

