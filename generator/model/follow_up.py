"""Follow-up after recognition: the checks an authority made of a recognised product, and the
facts decided from them (the seed directive asks provinces to check that subjects keep their
quality commitments after a star is recognised).

Officers' data only: the validator, ``ocop review`` and the portfolio review read it; buyers'
pages print nothing of it (a violation that led to revocation shows as the revoked star).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..rules import PartialDate, add_months
from .product import Product, Recognition, RecognitionState

#: a current recognition this many months old (or this long after the last check) is due for
#: a check (the advisory ``follow_up.due`` and the report's "follow-up due")
FOLLOW_UP_MONTHS = 12


class Result(enum.StrEnum):
    MEETS = "meets"
    NEEDS_IMPROVEMENT = "needs-improvement"
    VIOLATION = "violation"

    @property
    def needs_action(self) -> bool:
        return self is not Result.MEETS


@dataclass(frozen=True)
class Action:
    """Something the subject was told to do, by a deadline."""

    what: str
    deadline: PartialDate | None = None


@dataclass(frozen=True)
class FollowUp:
    """One post-recognition check, as its source document records it."""

    index: int
    date: PartialDate
    authority: str
    kind: str  # routine, spot-check, complaint, re-evaluation
    result: Result
    checked: tuple[str, ...] = ()
    actions: tuple[Action, ...] = ()
    source: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Overdue:
    """A required action whose deadline passed with no later check."""

    check: FollowUp
    action: Action
    deadline: date


def latest_check(checks: Sequence[FollowUp]) -> FollowUp | None:
    return max(checks, key=lambda c: (c.date.latest(), c.index)) if checks else None


def _later(check: FollowUp, checks: Sequence[FollowUp]) -> bool:
    return any(other.date.earliest() > check.date.latest() for other in checks)


def overdue_actions(checks: Sequence[FollowUp], today: date) -> list[Overdue]:
    """Actions required by a "needs improvement" or a violation, past their deadline, with no
    check dated after the one that required them."""
    out: list[Overdue] = []
    for check in checks:
        if not check.result.needs_action or _later(check, checks):
            continue
        for action in check.actions:
            if action.deadline is not None and action.deadline.latest() < today:
                out.append(Overdue(check, action, action.deadline.latest()))
    return out


def check_due_since(signed: PartialDate, checks: Sequence[FollowUp], today: date,
                    months: int = FOLLOW_UP_MONTHS) -> date | None:
    """The day a recognition signed on ``signed`` became due for a check (``months`` after
    signing, or after the last check since then), when that day has passed; else None."""
    last = latest_check(_since(signed, checks))
    start = last.date.latest() if last is not None else signed.latest()
    due = add_months(start, months)
    return due if due <= today else None


def _since(signed: PartialDate, checks: Sequence[FollowUp]) -> list[FollowUp]:
    return [c for c in checks if c.date.latest() >= signed.earliest()]


@dataclass(frozen=True)
class Due:
    """An active star nobody has checked for :data:`FOLLOW_UP_MONTHS` months."""

    recognition: Recognition
    since: PartialDate  # the signing date, or the last check since then
    due: date


def follow_up_due(product: Product, today: date) -> Due | None:
    """The one rule of "follow-up due": the product's current star is active (not within its
    expiry notice, when re-evaluation is the next check) and has gone unchecked for
    :data:`FOLLOW_UP_MONTHS` months since signing or since its last check."""
    current = product.current_recognition(today)
    if current is None or current.state(today) is not RecognitionState.ACTIVE:
        return None
    due = check_due_since(current.signed, product.follow_up, today)
    if due is None:
        return None
    last = latest_check(_since(current.signed, product.follow_up))
    return Due(current, last.date if last is not None else current.signed, due)


def _partial(value: object) -> PartialDate | None:
    return PartialDate.parse(str(value)) if value else None


def parse_follow_up(items: Sequence[Mapping[str, Any]]) -> tuple[FollowUp, ...]:
    """``follow_up`` of a schema-valid document. A check whose date is not a real date
    (2024-02-30) is an error of :mod:`generator.checks.follow_up`, so such a product never
    reaches the site or the report; the model leaves that entry out rather than guess."""
    out = []
    for index, item in enumerate(items):
        when = _partial(item["date"])
        if when is None:
            continue
        actions = tuple(Action(a["action"], _partial(a.get("deadline")))
                        for a in item.get("actions", ()))
        out.append(FollowUp(index, when, item["authority"], item["kind"], Result(item["result"]),
                            tuple(item.get("checked", ())), actions, item.get("source"),
                            item.get("note")))
    return tuple(out)
