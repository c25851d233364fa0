"""What pages show, decided in Python: badges, contact links, paragraphs, prices."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.model.product import (
    Content,
    Origin,
    Recognition,
    RecognitionState,
    RecordedUnit,
    Text,
    vnd,
)
from generator.model.product import Product as ProductModel
from generator.rules import PartialDate
from generator.site.present import badge, paragraphs, summary, tel_href, validity_rank


def product(*recognitions: Recognition) -> ProductModel:
    return ProductModel(id="x", source_file="x", folder=Path("."), name=Text("X"),
                        product_type="t", group="Thực phẩm", processing="processed",
                        recognitions=recognitions,
                        origin=Origin("pre-2025-07", RecordedUnit("Tỉnh Quảng Nam")),
                        content=Content(Text("x")), sources=())


def rec(index: int, signed: str, stars: int, status: str = "active") -> Recognition:
    parsed = PartialDate.parse(signed)
    assert parsed is not None
    return Recognition(index=index, signed=parsed, stars=stars, recorded_status=status)


TODAY = date(2026, 11, 29)


def test_current_star_badge() -> None:
    b = badge(product(rec(0, "2025-01-17", 5)), TODAY)
    assert (b.current, b.stars, b.label, b.detail) == (True, 5, "OCOP 5 sao",
                                                       "Hiệu lực đến 16/01/2028")
    assert (b.valid_until, b.as_of) == ("2028-01-16", "Tính đến 29/11/2026")


def test_year_only_recognition_says_about() -> None:
    b = badge(product(rec(0, "2025", 3)), TODAY)
    assert b.current and b.detail == "Hiệu lực đến khoảng 31/12/2027"


def test_star_that_went_down_shows_the_current_lower_star() -> None:
    b = badge(product(rec(0, "2020-01-02", 4, "superseded"), rec(1, "2025", 3)), TODAY)
    assert (b.current, b.stars) == (True, 3)


@pytest.mark.parametrize(("signed", "status", "state", "label", "detail"), [
    ("2021-06-01", "active", RecognitionState.EXPIRED, "Đã hết hạn", "Hết hiệu lực từ 01/06/2024"),
    ("2025-01-17", "revoked", RecognitionState.REVOKED, "Đã thu hồi", "Đã bị thu hồi"),
    ("2023", "active", RecognitionState.UNCERTAIN, "Chưa rõ hiệu lực",
     "Chưa rõ còn hiệu lực (hết hạn trong khoảng 31/12/2025 – 30/12/2026)"),
])
def test_no_current_star_when_not_valid(signed: str, status: str, state: RecognitionState,
                                        label: str, detail: str) -> None:
    b = badge(product(rec(0, signed, 4, status)), TODAY)
    assert (b.current, b.state, b.label, b.detail) == (False, state, label, detail)


def test_expiring_soon() -> None:
    b = badge(product(rec(0, "2024-01-15", 4)), TODAY)
    assert b.current and b.state is RecognitionState.EXPIRING
    assert b.detail == "Sắp hết hạn: hiệu lực đến 14/01/2027"


def test_english_strings() -> None:
    b = badge(product(rec(0, "2021-06-01", 4)), TODAY, "en")
    assert (b.label, b.detail) == ("Expired", "Not valid since 01/06/2024")


@pytest.mark.parametrize(("phone", "href"), [
    ("0905 123 456", "tel:+84905123456"), ("0235.3861.234", "tel:+842353861234"),
    ("+84 905 123 456", "tel:+84905123456")])
def test_tel_links(phone: str, href: str) -> None:
    assert tel_href(phone) == href


def test_paragraphs_and_lists_from_plain_text() -> None:
    blocks = paragraphs("Một.\nHai.\n\n- a\n- b\n\nBa <b>x</b>")
    assert [(b.text, b.items) for b in blocks] == [("Một. Hai.", ()), ("", ("a", "b")),
                                                   ("Ba <b>x</b>", ())]
    assert paragraphs("   ") == []


def test_prices_in_dong() -> None:
    assert vnd(1250000) == "1.250.000 ₫"


def test_an_expiring_star_is_filed_under_valid_too() -> None:
    from generator.site.present import validity_facet

    expiring = badge(product(rec(0, "2024-01-15", 4)), TODAY)
    assert validity_facet(expiring, "vi") == ["Còn hiệu lực", "Sắp hết hạn"]
    assert validity_facet(badge(product(rec(0, "2025-01-17", 4)), TODAY), "vi") == ["Còn hiệu lực"]
    assert validity_facet(badge(product(rec(0, "2021-06-01", 4)), TODAY), "vi") == ["Đã hết hạn"]


def test_the_validity_wording_is_one_rule() -> None:
    from generator.validity import describe

    signed = rec(0, "2022-12-29", 4)
    assert describe(signed.validity(date(2025, 12, 28)), True) == \
        "Sắp hết hạn: hiệu lực đến 28/12/2025"
    assert describe(signed.validity(date(2025, 12, 29)), True) == "Hết hiệu lực từ 29/12/2025"
    assert describe(rec(0, "2025-01-17", 4).validity(TODAY), True) == "Hiệu lực đến 16/01/2028"
    assert describe(signed.validity(date(2025, 12, 29)), True, "en") == "Not valid since 29/12/2025"


def test_validity_rank_puts_current_and_expiring_first() -> None:
    assert validity_rank(badge(product(rec(0, "2025-01-17", 5)), TODAY)) == 0
    assert validity_rank(badge(product(rec(0, "2024-01-15", 4)), TODAY)) == 0  # expiring soon
    assert validity_rank(badge(product(rec(0, "2021-06-01", 4)), TODAY)) == 2
    assert validity_rank(badge(product(rec(0, "2021-06-01", 4, "revoked")), TODAY)) == 2


def test_card_summary_is_the_descriptions_first_sentence() -> None:
    assert summary("Nước mắm ủ chượp 12 tháng. Dùng làm nước chấm.\n\nĐoạn hai.") == (
        "Nước mắm ủ chượp 12 tháng.")
    assert summary("- gạo\n- muối") == "gạo muối"
    assert summary("") == ""
    long = summary("Bánh " + "dừa nướng giòn, " * 20)
    assert len(long) <= 141 and long.endswith(" dừa…"), long  # cut at a word
