"""Prose goes stale: a star level stated in free text is warned about, a dated fact is not."""

from __future__ import annotations

import pytest

from generator.checks.prose import stale_phrases


@pytest.mark.parametrize(("text", "phrases"), [
    ("Nước mắm Cửa Đại, là sản phẩm OCOP 4 sao.", ["là sản phẩm OCOP 4 sao"]),
    ("Đây là sản phẩm OCOP 4 sao duy nhất của huyện trong giai đoạn 2018–2021.",
     ["là sản phẩm OCOP 4 sao"]),  # present tense, even with a period of years
    ("Sản phẩm đạt 3 sao, bán ở chợ Hội An.", ["đạt 3 sao"]),
    ("Bánh tráng OCOP 3-sao của làng.", ["OCOP 3-sao"]),
    ("A 5-star OCOP product from Hội An.", ["A 5-star OCOP product"]),
    ("Fish sauce; it is a 4-star product.", ["is a 4-star product"]),
    ("Trà thảo mộc, hiện là sản phẩm 3 sao; bán quanh năm 2024.", ["hiện là sản phẩm 3 sao"]),
])
def test_a_star_level_stated_as_current_is_found(text: str, phrases: list[str]) -> None:
    assert list(stale_phrases(text)) == phrases


@pytest.mark.parametrize("text", [
    "Sản phẩm được công nhận OCOP 4 sao năm 2019.",
    "Sản phẩm đạt OCOP 3 sao năm 2018 và được nâng lên 4 sao năm 2021.",
    "Khăn choàng thổ cẩm, được công nhận OCOP 3 sao.",
    "Năm 2022, sản phẩm đạt 4 sao.",
    "đến năm 2023 đây là sản phẩm 4 sao duy nhất của huyện có chỉ dẫn địa lý.",
    "Recognised as a province-level 3-star OCOP product (the source gives no year).",
    "Rated 3-star OCOP in 2018 and raised to 4 stars in 2021.",
    "Nước mắm ủ chượp 12 tháng, 35 độ đạm, chai 500 ml.",
    "Sao chè bằng tay trên chảo gang.",
])
def test_a_dated_fact_or_other_text_is_quiet(text: str) -> None:
    assert list(stale_phrases(text)) == []
