"""Who signed a recognition: the authority classifier and the checks on it and on ``level``."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from generator.checks.authority import classify_authority, level_words
from generator.checks.recognitions import check_recognitions
from generator.load.document import Document
from generator.rules import Level, PartialDate, expected_levels, level_can_recognise

BEFORE, AFTER = date(2024, 5, 1), date(2025, 9, 1)
TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(("text", "level"), [
    ("Bộ Nông nghiệp và Môi trường", Level.CENTRAL),
    ("Bộ Nông nghiệp và Phát triển nông thôn", Level.CENTRAL),
    ("Bộ NN&PTNT", Level.CENTRAL),
    ("BNNMT", Level.CENTRAL),
    ("Bộ trưởng Bộ NN và PTNT", Level.CENTRAL),
    ("Thủ tướng Chính phủ", Level.CENTRAL),
    ("UBND tỉnh Quảng Nam", Level.PROVINCE),
    ("Uỷ ban nhân dân tỉnh Quang Nam", Level.PROVINCE),  # tone marks folded
    ("Chủ tịch UBND tỉnh Quảng Nam", Level.PROVINCE),
    ("UBND thành phố Đà Nẵng", Level.PROVINCE),  # a centrally-run city
    ("UBND TP. Hồ Chí Minh", Level.PROVINCE),
    ("UBND TP HCM", Level.PROVINCE),
    ("UBND huyện Tiên Phước", Level.DISTRICT),
    ("UBND thị xã Điện Bàn", Level.DISTRICT),
    ("UBND quận Hải Châu", Level.DISTRICT),
    ("UBND thành phố Hội An", Level.DISTRICT),  # a city under a province (district table)
    ("UBND TP Tam Kỳ", Level.DISTRICT),
    ("UBND thanh pho Hoi An", Level.DISTRICT),
])
def test_authority_levels(text: str, level: Level) -> None:
    found = classify_authority(text, BEFORE)
    assert found is not None and found.level is level


@pytest.mark.parametrize("text", [
    "Hội đồng đánh giá OCOP tỉnh", "Sở NN&PTNT tỉnh Quảng Nam", "UBND thành phố Xyz",
    "UBND", "", "Ban chỉ đạo OCOP", "Bộ Công Thương",
])
def test_unclear_authorities_are_not_guessed(text: str) -> None:
    assert classify_authority(text, BEFORE) is None


def test_hue_was_a_provincial_city_until_2025() -> None:
    before = classify_authority("UBND thành phố Huế", date(2024, 12, 31))
    after = classify_authority("UBND thành phố Huế", date(2025, 1, 1))
    assert before is not None and before.level is Level.DISTRICT
    assert after is not None and after.level is Level.PROVINCE


def test_the_province_named_is_read_from_the_shipped_tables() -> None:
    quang_nam = classify_authority("UBND tỉnh Quảng Nam", AFTER)
    unknown = classify_authority("UBND tỉnh Nơi Nào Đó", AFTER)
    assert quang_nam is not None and quang_nam.old_province is not None
    assert quang_nam.old_province.code == "49"
    assert unknown is not None and unknown.level is Level.PROVINCE and unknown.old_province is None
    noted = classify_authority("UBND tỉnh Quảng Nam (QĐ 3610/QĐ-UBND)", AFTER)
    assert noted == quang_nam


def test_levels_by_the_rules_of_the_date() -> None:
    assert expected_levels(PartialDate(2024, 5, 1), 3) == {Level.DISTRICT}
    assert expected_levels(PartialDate(2024, 5, 1), 4) == {Level.PROVINCE}
    assert expected_levels(PartialDate(2021, 5, 1), 3) == {Level.PROVINCE}
    assert expected_levels(PartialDate(2025, 7, 3), 3) == {Level.PROVINCE}  # no district left
    assert expected_levels(PartialDate(2023), 3) == {Level.DISTRICT, Level.PROVINCE}
    assert expected_levels(PartialDate(2019), 5) == {Level.CENTRAL}
    assert [level_can_recognise(level, 3) for level in Level] == [True, True, False]
    assert [level_can_recognise(level, 4) for level in Level] == [False, True, False]
    assert [level_can_recognise(level, 5) for level in Level] == [False, False, True]


def test_level_words_are_vietnamese() -> None:
    assert level_words({Level.CENTRAL}, "vi") == "cấp trung ương"
    assert level_words({Level.PROVINCE, Level.DISTRICT}, "vi") == "cấp huyện hoặc cấp tỉnh"
    assert level_words({Level.PROVINCE}, "en") == "provincial level"


def _codes(**recognition: Any) -> list[str]:
    data = {"recognitions": [recognition]}
    doc = Document("p.yaml", data)
    return [f.code for f in check_recognitions(doc, TODAY)
            if f.code.startswith(("recognition.authority", "recognition.level",
                                  "recognition.district"))]


@pytest.mark.parametrize(("recognition", "codes"), [
    ({"signed": "2025-01-17", "stars": 5, "authority": "UBND tỉnh Quảng Nam"},
     ["recognition.authority_wrong_level"]),
    ({"signed": "2024-06-01", "stars": 4, "authority": "UBND huyện Tiên Phước"},
     ["recognition.authority_wrong_level"]),
    ({"signed": "2025-09-15", "stars": 4, "authority": "UBND tỉnh Quảng Nam"},
     ["recognition.authority_province_merged"]),
    ({"signed": "2025-06-30", "stars": 4, "authority": "UBND tỉnh Quảng Nam"}, []),
    ({"signed": "2025-07-01", "stars": 3, "authority": "UBND thị xã Điện Bàn"},
     ["recognition.authority_district_abolished"]),
    ({"signed": "2024-03-01", "stars": 3, "authority": "UBND tỉnh Quảng Nam"},
     ["recognition.authority_level_mismatch"]),  # 148/2023: 3★ by districts, but not certain
    ({"signed": "2024-03-01", "stars": 3, "authority": "UBND thành phố Hội An",
      "level": "province"}, ["recognition.level_mismatch", "recognition.authority_level_conflict"]),
    ({"signed": "2025-09-15", "stars": 3, "authority": "UBND thành phố Đà Nẵng"}, []),
    ({"signed": "2025-08-01", "stars": 5, "authority": "Bộ Nông nghiệp và Môi trường",
      "level": "central"}, []),
    ({"signed": "2022-12-29", "stars": 4, "level": "central"}, ["recognition.level_wrong"]),
    ({"signed": "2020-12-09", "stars": 3, "level": "district"}, ["recognition.level_mismatch"]),
    ({"signed": "2025-09-15", "stars": 4, "authority": "Hội đồng OCOP tỉnh"}, []),
])
def test_checks_on_who_recognised(recognition: dict[str, Any], codes: list[str]) -> None:
    assert _codes(**recognition) == codes
