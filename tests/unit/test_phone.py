"""Vietnamese phone numbers: natural grouping accepted, the rest refused with a suggestion."""

from __future__ import annotations

import pytest

from generator.checks import phone


@pytest.mark.parametrize("number", [
    "0905 123 456", "0905123456", "0905.123.456", "0905-123-456", "090 512 3456",
    "0235 3884 123", "0235.3884.123", "02353884123", "024 3825 1234", "028 3829 5555",
    "+84 905 123 456", "+84 235 3884 123", "1900 561 252", "1800 1234", "19001234",
    "0387 654 321", "0777 123 456", "0862 123 456", "0243 825 1234",
])
def test_well_formed_numbers_are_accepted(number: str) -> None:
    assert phone.well_formed(number), number


@pytest.mark.parametrize(("number", "suggested"), [
    ("0235. 3884 123", "0235 3884 123"),      # dot and space
    ("090 5 1 2 3 4 5 6", "0905 123 456"),    # single digits
    ("0905  123 456", "0905 123 456"),        # two spaces
    ("0905 123456", "0905 123 456"),          # a group of 6
    ("0905.123 456", "0905 123 456"),         # mixed separators
    ("(0235) 3884 123", "0235 3884 123"),
    ("+84905123456", "+84 905 123 456"),
    ("+84 (0) 905 123 456", None),            # 0 after +84: 11 digits, not a number
    ("84 905 123 456", "+84 905 123 456"),
    ("1900.561.25 2", "1900 561 252"),
])
def test_badly_grouped_numbers_get_the_usual_form(number: str, suggested: str | None) -> None:
    assert not phone.well_formed(number)
    assert phone.suggestion(number) == suggested


@pytest.mark.parametrize("number", [
    "0123 456 789",     # 01x is no longer a mobile prefix
    "0905 123 45",      # 9 digits
    "0905 123 4567",    # 11 digits from 09
    "0510 3884 123",    # the old Quảng Nam area code (0235 since 2017)
    "1900 56",          # too short
    "+1 202 555 0100",  # not Vietnamese
    "090512345a",
])
def test_numbers_that_are_not_vietnamese_get_no_suggestion(number: str) -> None:
    assert not phone.well_formed(number)
    assert phone.suggestion(number) is None


def test_the_message_params_show_the_fix_as_yaml() -> None:
    params = phone.problem("0235. 3884 123")
    assert params["fix"] == 'viết là `"0235 3884 123"`'
    assert params["fix_en"] == 'write `"0235 3884 123"`'
    assert "0905 123 456" in phone.problem("0123 456 789")["fix"]
