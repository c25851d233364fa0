"""The national OCOP rules that decide what a recognition means on a given day.

Sources (shared/domain/OCOP.md §1): Decision 490/QĐ-TTg (2018 pilot), 1048/QĐ-TTg
(21 Aug 2019), 148/QĐ-TTg (24 Feb 2023) and 1489/QĐ-TTg (6 Jul 2025); districts were
abolished on 1 Jul 2025. A recognition is valid for 36 months from its signing date.
"""

from __future__ import annotations

import calendar
import enum
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .dates import day

VALIDITY_MONTHS = 36
EXPIRY_NOTICE_DAYS = 90

DECISION_1048 = date(2019, 8, 21)
DECISION_148 = date(2023, 2, 24)
DECISION_1489 = date(2025, 7, 6)
DISTRICTS_ABOLISHED = date(2025, 7, 1)
#: 34 provinces from 63 (Nghị quyết 202/2025/QH15), the same day: Quảng Nam into Đà Nẵng.
PROVINCES_MERGED = date(2025, 7, 1)
#: Bộ NN&PTNT and Bộ TN&MT became Bộ Nông nghiệp và Môi trường (Nghị quyết 176/2025/QH15).
MINISTRY_RENAMED = date(2025, 3, 1)

RULE_VERSIONS = ("490/2018", "1048/2019", "148/2023", "148/2023+1489/2025")


class Level(enum.StrEnum):
    DISTRICT = "district"
    PROVINCE = "province"
    CENTRAL = "central"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year (sources are often vague)."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate | None:
        """``"2022-12-29"``, ``"2022-12"`` or ``"2022"``; None when not a real date."""
        match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
        if not match:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        try:
            if month is not None:
                date(year, month, day or 1)
        except ValueError:
            return None
        return cls(year, month, day)

    @property
    def exact(self) -> bool:
        return self.day is not None

    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        month = self.month or 12
        last = calendar.monthrange(self.year, month)[1]
        return date(self.year, month, self.day or last)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def display(self) -> str:
        """Vietnamese display: dd/mm/yyyy, mm/yyyy or yyyy."""
        if self.day and self.month:
            return day(self.earliest())
        if self.month:
            return f"{self.month:02d}/{self.year}"
        return str(self.year)


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (29 Feb → 28 Feb)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@lru_cache(maxsize=1 << 14)  # a few thousand distinct signing dates in a catalogue
def valid_until(signed: PartialDate) -> tuple[date, date]:
    """Last day of validity: earliest and latest possible (equal for an exact date)."""
    return (add_months(signed.earliest(), VALIDITY_MONTHS) - timedelta(days=1),
            add_months(signed.latest(), VALIDITY_MONTHS) - timedelta(days=1))


def rules_in_force(day: date) -> str:
    """The rule version under which a decision signed on ``day`` was made."""
    if day >= DECISION_1489:
        return "148/2023+1489/2025"
    if day >= DECISION_148:
        return "148/2023"
    if day >= DECISION_1048:
        return "1048/2019"
    return "490/2018"


def possible_rules(signed: PartialDate) -> set[str]:
    """Every rule version in force at some day the (partial) date may mean."""
    return {rules_in_force(signed.earliest()), rules_in_force(signed.latest())} | {
        version for version, start in (("1048/2019", DECISION_1048), ("148/2023", DECISION_148),
                                       ("148/2023+1489/2025", DECISION_1489))
        if signed.earliest() <= start <= signed.latest()
    }


def expected_level(rules: str, stars: int) -> Level:
    """Who recognises a given star level under a rule version.

    148/2023 (until 1489/2025): district 3★, province 4★, centre 5★. Before and after:
    province 3–4★, centre 5★.
    """
    if stars >= 5:
        return Level.CENTRAL
    if rules == "148/2023" and stars == 3:
        return Level.DISTRICT
    return Level.PROVINCE


def level_on(day: date, rules: str, stars: int) -> Level:
    """Who recognised ``stars`` on ``day`` under ``rules``: :func:`expected_level`, except that
    from 1 July 2025 no district is left, so 3★ is provincial even in the days before
    1489/2025 was signed."""
    level = expected_level(rules, stars)
    return Level.PROVINCE if level is Level.DISTRICT and day >= DISTRICTS_ABOLISHED else level


def expected_levels(signed: PartialDate, stars: int, rules: str | None = None) -> set[Level]:
    """The levels that recognised ``stars`` on the days ``signed`` may mean (under ``rules``
    when the file names them)."""
    versions = {rules} if rules else possible_rules(signed)
    return {level_on(signed.earliest(), version, stars) for version in versions}


def level_can_recognise(level: Level, stars: int) -> bool:
    """Whether ``level`` ever recognised ``stars`` under any rules: 5★ only centrally, the
    centre only 5★, a district at most 3★."""
    if stars >= 5 or level is Level.CENTRAL:
        return stars >= 5 and level is Level.CENTRAL
    return level is not Level.DISTRICT or stars == 3


def central_authority(signed: PartialDate) -> str:
    """The ministry that recognised 5★ on that day, as named then (both when unsure)."""
    if signed.earliest() >= MINISTRY_RENAMED:
        return "Bộ Nông nghiệp và Môi trường"
    if signed.latest() < MINISTRY_RENAMED:
        return "Bộ Nông nghiệp và Phát triển nông thôn"
    return "Bộ Nông nghiệp và Phát triển nông thôn / Bộ Nông nghiệp và Môi trường"


def score_band(stars: int) -> tuple[float, float]:
    """Points that give ``stars`` on the 100-point scale (1048/2019; 148 keeps 5 classes)."""
    return {3: (50.0, 69.99), 4: (70.0, 89.99), 5: (90.0, 100.0)}[stars]
