"""The national rules: 36-month validity, rule versions by date, who recognises what."""

from __future__ import annotations

from datetime import date

import pytest

from generator.model.product import Recognition, RecognitionState
from generator.rules import (
    Level,
    PartialDate,
    add_months,
    expected_level,
    possible_rules,
    rules_in_force,
    valid_until,
)


@pytest.mark.parametrize(("text", "parsed"), [
    ("2022-12-29", PartialDate(2022, 12, 29)), ("2022-12", PartialDate(2022, 12)),
    ("2019", PartialDate(2019)), ("2022-02-30", None), ("2022-13", None), ("29/12/2022", None),
])
def test_partial_dates(text: str, parsed: PartialDate | None) -> None:
    assert PartialDate.parse(text) == parsed


def test_validity_is_36_months_from_signing() -> None:
    assert valid_until(PartialDate(2022, 12, 29)) == (date(2025, 12, 28), date(2025, 12, 28))
    # a year-only date leaves a range
    assert valid_until(PartialDate(2019)) == (date(2021, 12, 31), date(2022, 12, 30))
    assert add_months(date(2024, 2, 29), 36) == date(2027, 2, 28)


@pytest.mark.parametrize(("day", "version"), [
    (date(2018, 12, 1), "490/2018"), (date(2019, 8, 21), "1048/2019"),
    (date(2023, 2, 23), "1048/2019"), (date(2023, 2, 24), "148/2023"),
    (date(2025, 7, 5), "148/2023"), (date(2025, 7, 6), "148/2023+1489/2025"),
])
def test_rule_version_in_force(day: date, version: str) -> None:
    assert rules_in_force(day) == version


def test_a_year_spanning_a_rule_change_allows_both_versions() -> None:
    assert possible_rules(PartialDate(2023)) == {"1048/2019", "148/2023"}
    assert possible_rules(PartialDate(2021, 5)) == {"1048/2019"}


@pytest.mark.parametrize(("rules", "stars", "level"), [
    ("1048/2019", 3, Level.PROVINCE), ("1048/2019", 4, Level.PROVINCE),
    ("1048/2019", 5, Level.CENTRAL), ("148/2023", 3, Level.DISTRICT),
    ("148/2023", 4, Level.PROVINCE), ("148/2023", 5, Level.CENTRAL),
    ("148/2023+1489/2025", 3, Level.PROVINCE), ("148/2023+1489/2025", 5, Level.CENTRAL),
])
def test_who_recognises_which_star(rules: str, stars: int, level: Level) -> None:
    assert expected_level(rules, stars) is level


@pytest.mark.parametrize(("signed", "status", "today", "state"), [
    (PartialDate(2025, 3, 14), "active", date(2026, 11, 29), RecognitionState.ACTIVE),
    (PartialDate(2024, 1, 15), "active", date(2026, 11, 29), RecognitionState.EXPIRING),
    (PartialDate(2023, 11, 28), "active", date(2026, 11, 29), RecognitionState.EXPIRED),
    (PartialDate(2023, 11, 29), "active", date(2026, 11, 28), RecognitionState.EXPIRING),
    (PartialDate(2023), "active", date(2026, 11, 29), RecognitionState.UNCERTAIN),
    (PartialDate(2025, 3, 14), "revoked", date(2026, 11, 29), RecognitionState.REVOKED),
    (PartialDate(2025, 3, 14), "superseded", date(2026, 11, 29), RecognitionState.SUPERSEDED),
])
def test_state_on_a_given_day(signed: PartialDate, status: str, today: date,
                              state: RecognitionState) -> None:
    rec = Recognition(index=0, signed=signed, stars=4, recorded_status=status)
    assert rec.state(today) is state
    assert rec.state(today).is_current == (state in (RecognitionState.ACTIVE,
                                                     RecognitionState.EXPIRING))


def test_the_last_valid_day_is_still_valid() -> None:
    rec = Recognition(index=0, signed=PartialDate(2023, 11, 29), stars=3)
    assert rec.state(date(2026, 11, 28)).is_current
    assert rec.state(date(2026, 11, 29)) is RecognitionState.EXPIRED
