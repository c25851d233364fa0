"""The typed model's own decisions: validity on a day, a product's area, price display."""

from __future__ import annotations

from datetime import date

import pytest

from generator.model.product import (
    Origin,
    Price,
    Recognition,
    RecognitionState,
    RecordedUnit,
    Standard,
)
from generator.places import CurrentOrigin, Unit
from generator.rules import PartialDate


def rec(signed: str, status: str = "active") -> Recognition:
    parsed = PartialDate.parse(signed)
    assert parsed is not None
    return Recognition(index=0, signed=parsed, stars=4, recorded_status=status)


@pytest.mark.parametrize(("signed", "status", "today", "state", "last", "days"), [
    ("2025-01-17", "active", date(2026, 12, 1), RecognitionState.ACTIVE, date(2028, 1, 16), 411),
    ("2024-01-15", "active", date(2026, 12, 1), RecognitionState.EXPIRING, date(2027, 1, 14), 44),
    ("2022-12-29", "active", date(2026, 12, 1), RecognitionState.EXPIRED, date(2025, 12, 28), -338),
    ("2022-12-29", "active", date(2025, 12, 28), RecognitionState.EXPIRING, date(2025, 12, 28), 0),
    ("2022-12-29", "active", date(2025, 12, 29), RecognitionState.EXPIRED, date(2025, 12, 28), -1),
    ("2025-01-17", "revoked", date(2026, 12, 1), RecognitionState.REVOKED, date(2028, 1, 16), 411),
    ("2025-01-17", "superseded", date(2026, 12, 1), RecognitionState.SUPERSEDED, date(2028, 1, 16),
     411),
])
def test_validity_on_a_day(signed: str, status: str, today: date, state: RecognitionState,
                           last: date, days: int) -> None:
    validity = rec(signed, status).validity(today)
    assert (validity.state, validity.last_day, validity.days_left) == (state, last, days)
    assert rec(signed, status).state(today) is state


def test_vague_signing_date_is_uncertain_between_its_possible_ends() -> None:
    validity = rec("2023").validity(date(2026, 6, 1))
    assert validity.state is RecognitionState.UNCERTAIN
    assert (validity.last_day, validity.last_day_latest) == (date(2025, 12, 31), date(2026, 12, 30))


QUANG_NAM = RecordedUnit("Tỉnh Quảng Nam", "49")
DA_NANG = Unit("48", "Thành phố Đà Nẵng")


def test_area_is_the_former_district_when_known() -> None:
    current = CurrentOrigin(DA_NANG, Unit("20440", "Xã Tiên Phước"), Unit("509", "Huyện Tiên Phước"))
    origin = Origin("pre-2025-07", QUANG_NAM, RecordedUnit("Huyện Tiên Phước", "509"),
                    current=current)
    assert (origin.area.key, origin.area.name) == ("d:509", "Huyện Tiên Phước")


def test_area_falls_back_to_recorded_district_then_current_commune_then_province() -> None:
    recorded = Origin("pre-2025-07", QUANG_NAM, RecordedUnit("Huyện Đông Giang"),
                      RecordedUnit("Xã A Tiêng"))
    assert recorded.area.name == "Huyện Đông Giang"
    commune = Origin("2025-07", RecordedUnit("Thành phố Đà Nẵng", "48"),
                     current=CurrentOrigin(DA_NANG, Unit("20333", "Xã Tây Giang"), None))
    assert (commune.area.key, commune.area.name) == ("c:20333", "Xã Tây Giang")
    province = Origin("2025-07", RecordedUnit("Tỉnh Quảng Nam"), current=CurrentOrigin(DA_NANG, None,
                                                                                      None))
    assert province.area.name == "Thành phố Đà Nẵng"
    assert Origin("pre-2025-07", QUANG_NAM).area.name == "Tỉnh Quảng Nam"


def test_price_display() -> None:
    assert Price(125000, "chai 500 ml").display() == "125.000 ₫ / chai 500 ml"
    assert Price(90000, "hộp", 120000).display() == "90.000 ₫ – 120.000 ₫ / hộp"
    assert Price(90000, "hộp", 90000).display() == "90.000 ₫ / hộp"


def test_standard_expires_after_its_last_day() -> None:
    until = PartialDate.parse("2026-11-30")
    standard = Standard("haccp", valid_until=until)
    assert not standard.expired(date(2026, 11, 30)) and standard.expired(date(2026, 12, 1))


def test_derived_level_follows_the_abolition_of_districts() -> None:
    """A 3★ signed on 3 July 2025 (148/2023 still in force until 6 July) was recognised by the
    province: no district was left. The site and the validator use the same rule."""
    from generator.rules import Level, expected_levels

    before = Recognition(index=0, signed=PartialDate(2025, 6, 30), stars=3)
    between = Recognition(index=0, signed=PartialDate(2025, 7, 3), stars=3)
    assert (before.derived_rules, before.derived_level) == ("148/2023", Level.DISTRICT)
    assert (between.derived_rules, between.derived_level) == ("148/2023", Level.PROVINCE)
    assert expected_levels(between.signed, 3) == {between.derived_level}
