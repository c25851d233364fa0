"""The map link searches a producer's address in today's units (generator/places/address.py,
generator/site/contact.py map_query); the page still shows the address as written.

Expected communes are the rows of the official conversion table shipped in
data/admin/conversion-2025-07.csv (e.g. "20857,Xã Sơn Cẩm Hà,20857,Xã Tiên Sơn,Nhập toàn bộ").
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.model.product import Content, Origin, Product, RecordedUnit, Subject, Text
from generator.places import CurrentOrigin, Unit
from generator.places.address import address_now, level
from generator.site.contact import map_href, map_query

DA_NANG = Unit("48", "Thành phố Đà Nẵng")
#: a product recorded in Xã Tiên Sơn, Huyện Tiên Phước (now Xã Sơn Cẩm Hà, Đà Nẵng)
TIEN_SON = CurrentOrigin(DA_NANG, Unit("20857", "Xã Sơn Cẩm Hà"), Unit("514", "Huyện Tiên Phước"))


@pytest.mark.parametrize(("address", "now"), [
    ("Thôn 2, xã Tiên Sơn, huyện Tiên Phước, tỉnh Quảng Nam",
     "Thôn 2, Xã Sơn Cẩm Hà, Thành phố Đà Nẵng"),
    # abbreviations and a province without its level word
    ("Thôn 2, X. Tiên Sơn, H. Tiên Phước, Quảng Nam", "Thôn 2, Xã Sơn Cẩm Hà, Thành phố Đà Nẵng"),
    # a house and street kept, a town (thị trấn) of a district
    ("371 Điện Biên Phủ, khối phố Long Xuyên 1, thị trấn Nam Phước, huyện Duy Xuyên, tỉnh Quảng Nam",
     "371 Điện Biên Phủ, khối phố Long Xuyên 1, Xã Nam Phước, Thành phố Đà Nẵng"),
    ("Thôn An Lương, xã Duy Hải, huyện Duy Xuyên, tỉnh Quảng Nam",
     "Thôn An Lương, Xã Duy Nghĩa, Thành phố Đà Nẵng"),
    # a ward of a former city (thành phố Hội An was a district, not a province)
    ("Phường Thanh Hà, thành phố Hội An, tỉnh Quảng Nam", "Phường Hội An Tây, Thành phố Đà Nẵng"),
])
def test_a_pre_2025_address_is_searched_in_todays_units(address: str, now: str) -> None:
    assert address_now(address, None, "49", None) == now


@pytest.mark.parametrize("address", [
    "Thôn An Bàng, phường Hội An Đông, thành phố Đà Nẵng",  # already today's units
    "Huyện Tiên Phước, tỉnh Quảng Nam",                    # no commune to convert
    "Thôn 1, xã Không Có, huyện Tiên Phước, tỉnh Quảng Nam",  # no such commune
    "Thôn 1, xã Tiên Sơn, Đà Nẵng",                        # today's province: left as written
    "12 Trần Phú",                                          # no unit at all
])
def test_nothing_to_convert_leaves_the_address_as_written(address: str) -> None:
    assert address_now(address, None, "49", None) is None


def test_the_origins_own_current_commune_is_used_when_the_address_names_it() -> None:
    # the recorded commune is the address's commune: the model's current commune, even without
    # the old province to look it up in
    assert address_now("Thôn 2, xã Tiên Sơn, huyện Tiên Phước", "Xã Tiên Sơn", None, TIEN_SON) == \
        "Thôn 2, Xã Sơn Cẩm Hà, Thành phố Đà Nẵng"
    # another commune than the origin's: converted on its own
    assert address_now("Phường Thanh Hà, thành phố Hội An, tỉnh Quảng Nam", "Xã Tiên Sơn", "49",
                       TIEN_SON) == "Phường Hội An Tây, Thành phố Đà Nẵng"


@pytest.mark.parametrize(("part", "kind"), [
    ("tỉnh Quảng Nam", "province"), ("TP. Đà Nẵng", "province"), ("Quảng Nam", "province"),
    ("thành phố Hội An", "district"), ("TP Tam Kỳ", "district"), ("huyện Tiên Phước", "district"),
    ("xã Tiên Sơn", "commune"), ("TT. Nam Phước", "commune"), ("phường An Mỹ", "commune"),
    ("Thôn 2", None), ("khối phố Long Xuyên 1", None), ("371 Điện Biên Phủ", None),
])
def test_parts_of_an_address(part: str, kind: str | None) -> None:
    assert level(part) == kind


def product(address: str | None) -> Product:
    origin = Origin("pre-2025-07", RecordedUnit("Tỉnh Quảng Nam", "49"),
                    RecordedUnit("Huyện Tiên Phước", "514"), RecordedUnit("Xã Tiên Sơn", "20857"),
                    current=TIEN_SON)
    return Product(id="x", source_file="x", folder=Path("."), name=Text("X"), product_type="t",
                   group="Thực phẩm", processing="processed", recognitions=(), origin=origin,
                   content=Content(Text("x")), sources=(),
                   subject=Subject("Cơ sở X", address=address))


def test_the_map_link_needs_no_key_and_searches_todays_units() -> None:
    query = map_query(product("Thôn 2, xã Tiên Sơn, huyện Tiên Phước, tỉnh Quảng Nam"))
    assert query == "Thôn 2, Xã Sơn Cẩm Hà, Thành phố Đà Nẵng"
    url = urlsplit(map_href(query))
    assert (url.scheme, url.netloc, url.path) == ("https", "www.google.com", "/maps/search/")
    assert parse_qs(url.query) == {"api": ["1"], "query": [query]}  # no key
    assert map_query(product("12 Trần Phú, phường Hải Châu, thành phố Đà Nẵng")) == \
        "12 Trần Phú, phường Hải Châu, thành phố Đà Nẵng"
    assert map_query(product(None)) is None
