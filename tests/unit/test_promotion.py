"""The promotion criteria (generator/promotion/): each rule, its fact, and its boundaries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from generator.model.product import (
    Content,
    Improvement,
    Origin,
    Product,
    Recognition,
    RecordedUnit,
    Specialty,
    Standard,
    Subject,
    Text,
)
from generator.promotion import Criterion, export_ready, priority_key, reasons
from generator.promotion.criteria import (
    advanced_standard,
    craft_village,
    local_specialty,
    new_or_improved,
    subject_form,
    upgrade_potential,
)
from generator.rules import PartialDate

TODAY = date(2026, 11, 29)
SOURCE = "https://baoquangnam.vn/bai-viet"


def when(text: str) -> PartialDate:
    parsed = PartialDate.parse(text)
    assert parsed is not None
    return parsed


def recognition(signed: str = "2025-01-17", stars: int = 4, score: float | None = None,
                status: str = "active") -> Recognition:
    return Recognition(index=0, signed=when(signed), stars=stars, score=score,
                       recorded_status=status)


def make(*recognitions: Recognition, **fields: object) -> Product:
    base = Product(id="x", source_file="x", folder=Path("."), name=Text("Sản phẩm X"),
                   product_type="t", group="Thực phẩm", processing="processed",
                   recognitions=recognitions or (recognition(),),
                   origin=Origin("pre-2025-07", RecordedUnit("Tỉnh Quảng Nam")),
                   content=Content(Text("x")), sources=())
    return replace(base, **fields)  # type: ignore[arg-type]


def haccp(until: date | str | None, start: str | None = None) -> Standard:
    end = when(until.isoformat() if isinstance(until, date) else until) if until else None
    return Standard("haccp", certificate="HACCP-001", valid_from=when(start) if start else None,
                    valid_until=end)


def improvement(on: str, kind: str = "packaging") -> Improvement:
    return Improvement(when(on), kind, Text("Hộp giấy mới", "New paper box"), SOURCE)


# --- advanced standards -------------------------------------------------------------------

def test_a_certificate_valid_today_counts_with_its_number_and_end_date() -> None:
    reason = advanced_standard(make(standards=(haccp("2027-03-12"),)), TODAY)
    assert reason is not None and reason.criterion is Criterion.STANDARD
    assert reason.label == Text("Tiêu chuẩn tiên tiến", "Advanced standard")
    assert reason.fact == Text("HACCP số HACCP-001, hiệu lực đến 12/03/2027",
                               "HACCP no. HACCP-001, valid until 12/03/2027")


def test_a_certificate_ending_today_counts_and_one_that_ended_yesterday_does_not() -> None:
    assert advanced_standard(make(standards=(haccp(TODAY),)), TODAY) is not None
    assert advanced_standard(make(standards=(haccp(TODAY - timedelta(days=1)),)), TODAY) is None


@pytest.mark.parametrize(("standard", "counts"), [
    (haccp(None), False),  # no end date: not known to be valid
    (haccp("2027-03-12", start="2027-01-01"), False),  # not started yet
    (haccp("2026-12"), True),  # a month-only end: valid until the month's first day
    (haccp("2026-11"), False),  # the month it ends in: it may have ended already
    (Standard("vietgap", valid_until=when("2028-01-01")), False),  # not an advanced standard
    (Standard("iso-22000", valid_until=when("2028-01-01")), True),
    (Standard("organic-tcvn-11041", valid_until=when("2028-01-01")), True),
])
def test_which_certificates_count(standard: Standard, counts: bool) -> None:
    assert (advanced_standard(make(standards=(standard,)), TODAY) is not None) is counts


def test_every_valid_certificate_is_in_the_fact() -> None:
    both = (haccp("2027-03-12"), Standard("iso-9001", valid_until=when("2028-05-01")))
    reason = advanced_standard(make(standards=both), TODAY)
    assert reason is not None
    assert reason.fact.vi == ("HACCP số HACCP-001, hiệu lực đến 12/03/2027; "
                              "ISO 9001, hiệu lực đến 01/05/2028")


def test_export_ready_needs_a_current_star_and_a_valid_certificate() -> None:
    valid = (haccp("2027-03-12"),)
    assert export_ready(make(standards=valid), TODAY) == valid
    lapsed = make(recognition("2022-12-29"), standards=valid)
    assert export_ready(lapsed, TODAY) == ()
    assert export_ready(make(standards=(haccp("2026-11-28"),)), TODAY) == ()


# --- new or improved ----------------------------------------------------------------------

def test_a_recent_packaging_improvement_is_new() -> None:
    reason = new_or_improved(make(improvements=(improvement("2024-06"),)), TODAY)
    assert reason is not None
    assert reason.fact == Text("Cải tiến bao bì, mẫu mã (06/2024): Hộp giấy mới",
                               "Improved packaging (06/2024): New paper box")


def test_the_latest_improvement_is_the_fact_and_old_or_recipe_ones_do_not_count() -> None:
    items = (improvement("2024-01-10", "technology"), improvement("2025-03-01", "equipment"))
    reason = new_or_improved(make(improvements=items), TODAY)
    assert reason is not None and reason.fact.vi.startswith("Đầu tư máy móc, thiết bị (01/03/2025)")
    assert new_or_improved(make(improvements=(improvement("2023-11-28"),)), TODAY) is None
    assert new_or_improved(make(improvements=(improvement("2023-11-29"),)), TODAY) is not None
    assert new_or_improved(make(improvements=(improvement("2025-01-01", "recipe"),)), TODAY) is None
    assert new_or_improved(make(improvements=(improvement("2026"),)), TODAY) is not None  # this year
    assert new_or_improved(make(improvements=(improvement("2023-12"),)), TODAY) is not None
    assert new_or_improved(make(improvements=(improvement("2023"),)), TODAY) is None  # maybe older


# --- craft village, subject, specialty ----------------------------------------------------

def test_craft_village() -> None:
    origin = replace(make().origin, craft_village="Làng lụa Mã Châu")
    reason = craft_village(make(origin=origin), TODAY)
    assert reason is not None and reason.fact == Text("Làng nghề: Làng lụa Mã Châu",
                                                      "Craft village: Làng lụa Mã Châu")
    assert craft_village(make(), TODAY) is None


@pytest.mark.parametrize(("form", "rank"), [
    ("joint-stock", 0), ("cooperative", 1), ("llc", 1), ("llc-single-member", 1),
    ("private-enterprise", 1), ("cooperative-group", None), ("household-business", None),
    ("establishment", None), (None, None),
])
def test_subject_form(form: str | None, rank: int | None) -> None:
    reason = subject_form(make(subject=Subject("Công ty CP Hiền Anh", legal_form=form)), TODAY)
    assert (reason.rank if reason else None) == rank
    if form == "joint-stock":
        assert reason is not None
        assert reason.fact == Text("Loại hình: Công ty cổ phần",
                                   "Legal form: Joint-stock company")


def test_a_geographical_indication_or_a_declared_specialty() -> None:
    gi = Standard("geographical-indication", name="Chỉ dẫn địa lý Quế Trà My")
    reason = local_specialty(make(standards=(gi,)), TODAY)
    assert reason is not None
    assert reason.fact.vi == "Chỉ dẫn địa lý: Chỉ dẫn địa lý Quế Trà My"
    lapsed = replace(gi, valid_until=when("2026-11-28"))
    assert local_specialty(make(standards=(lapsed,)), TODAY) is None
    declared = Specialty(Text("Quế trồng tại chỗ", "Locally grown cinnamon"), SOURCE)
    reason = local_specialty(make(specialty=declared), TODAY)
    assert reason is not None
    assert reason.fact == Text("Đặc sản: Quế trồng tại chỗ", "Specialty: Locally grown cinnamon")


# --- upgrade potential --------------------------------------------------------------------

@pytest.mark.parametrize(("stars", "score", "counts"), [
    (3, 65.0, True), (3, 64.9, False), (3, 69.5, True), (4, 85.0, True), (4, 84.9, False),
    (4, 70.9, False), (5, 99.0, False), (4, None, False),
])
def test_within_five_points_of_the_next_threshold(stars: int, score: float | None,
                                                  counts: bool) -> None:
    product = make(recognition(stars=stars, score=score))
    assert (upgrade_potential(product, TODAY) is not None) is counts


def test_the_score_fact_names_the_threshold() -> None:
    reason = upgrade_potential(make(recognition(stars=3, score=66.5)), TODAY)
    assert reason is not None
    assert reason.fact == Text("3 sao, 66,5 điểm; ngưỡng 4 sao: 70 điểm",
                               "3 stars, 66.5 points; 4 stars from 70 points")


def test_an_improvement_after_the_current_recognition_is_upgrade_potential() -> None:
    after = make(recognition("2025-01-17", stars=3), improvements=(improvement("2025-06-01"),))
    reason = upgrade_potential(after, TODAY)
    assert reason is not None
    assert reason.fact.vi == ("Cải tiến sau lần công nhận ngày 17/01/2025: "
                              "Cải tiến bao bì, mẫu mã (01/06/2025): Hộp giấy mới")
    before = make(recognition("2025-01-17", stars=3), improvements=(improvement("2025-01-17"),))
    assert upgrade_potential(before, TODAY) is None
    five = make(recognition("2025-01-17", stars=5), improvements=(improvement("2025-06-01"),))
    assert upgrade_potential(five, TODAY) is None


# --- only current stars, and the order ----------------------------------------------------

def everything(*recognitions: Recognition) -> Product:
    return make(*recognitions, standards=(haccp("2027-03-12"),),
                subject=Subject("HTX Nông nghiệp xanh", legal_form="cooperative"),
                improvements=(improvement("2025-06-01"),),
                origin=replace(make().origin, craft_village="Làng mộc Kim Bồng"))


def test_a_current_product_gets_every_reason_in_the_criteria_order() -> None:
    found = reasons(everything(recognition(stars=3, score=66)), TODAY)
    assert [r.criterion for r in found] == [Criterion.NEW, Criterion.STANDARD, Criterion.CRAFT,
                                            Criterion.SUBJECT, Criterion.UPGRADE]


@pytest.mark.parametrize("lapsed", [recognition("2022-12-29"),
                                    recognition("2025-01-17", status="revoked"),
                                    recognition("2023")])
def test_a_lapsed_revoked_or_unclear_star_is_never_promoted(lapsed: Recognition) -> None:
    assert reasons(everything(lapsed), TODAY) == ()


def test_more_criteria_first_then_joint_stock_first() -> None:
    joint = reasons(make(subject=Subject("Công ty CP A", legal_form="joint-stock")), TODAY)
    coop = reasons(make(subject=Subject("HTX B", legal_form="cooperative")), TODAY)
    more = reasons(everything(), TODAY)
    assert sorted([coop, joint, more], key=priority_key) == [more, joint, coop]
