"""Follow-up after recognition: the model's facts, the review's words, the province setting."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.checks.settings import checks_off
from generator.errors import ConfigError
from generator.model.follow_up import (
    Action,
    FollowUp,
    Result,
    check_due_since,
    overdue_actions,
)
from generator.review.diff import field_changes
from generator.review.snapshot import Snapshot
from generator.rules import PartialDate
from generator.validate import validate
from tests.conftest import ROOT, TODAY


def _check(index: int, when: str, result: Result, deadline: str | None = None) -> FollowUp:
    actions = (Action("Sửa nhãn", PartialDate.parse(deadline)),) if deadline else ()
    parsed = PartialDate.parse(when)
    assert parsed is not None
    return FollowUp(index, parsed, "Phòng Kinh tế", "routine", result, (), actions)


def test_an_action_past_its_deadline_is_overdue_until_a_later_check() -> None:
    told = _check(0, "2025-03-10", Result.NEEDS_IMPROVEMENT, "2025-06-30")
    assert [o.deadline for o in overdue_actions([told], date(2025, 7, 1))] == [date(2025, 6, 30)]
    assert overdue_actions([told], date(2025, 6, 30)) == []  # the deadline day itself
    later = _check(1, "2025-08-01", Result.MEETS)
    assert overdue_actions([told, later], date(2025, 9, 1)) == []
    met = _check(0, "2025-03-10", Result.MEETS, "2025-06-30")
    assert overdue_actions([met], date(2026, 1, 1)) == []


def test_a_check_is_due_twelve_months_after_signing_or_after_the_last_check() -> None:
    signed = PartialDate.parse("2024-06-01")
    assert signed is not None
    assert check_due_since(signed, [], date(2025, 5, 31)) is None
    assert check_due_since(signed, [], date(2025, 6, 1)) == date(2025, 6, 1)
    checked = [_check(0, "2025-03-10", Result.MEETS)]
    assert check_due_since(signed, checked, date(2026, 3, 9)) is None
    assert check_due_since(signed, checked, date(2026, 3, 10)) == date(2026, 3, 10)
    before = [_check(0, "2023-01-10", Result.MEETS)]  # before this recognition: does not count
    assert check_due_since(signed, before, date(2025, 6, 1)) == date(2025, 6, 1)


def test_the_review_words_an_added_and_an_edited_check() -> None:
    check = {"date": "2024-09-12", "authority": "Phòng Kinh tế huyện Tiên Phước", "kind": "routine",
             "result": "needs-improvement", "source": "https://example.vn/a",
             "actions": [{"action": "Sửa nhãn", "deadline": "2024-12-31"}]}
    old = Snapshot("products/a/b", {}, True, None, {}, "a")
    new = Snapshot("products/a/b", {"follow_up": [check]}, True, None, {}, "b")
    assert field_changes(old, new, TODAY, "vi") == [
        "Thêm lần kiểm tra sau công nhận 12/09/2024 (Phòng Kinh tế huyện Tiên Phước): cần khắc "
        "phục — 1 yêu cầu khắc phục, hạn 31/12/2024"]
    fixed = {**check, "result": "meets", "note": "đã sửa"}
    again = Snapshot("products/a/b", {"follow_up": [fixed]}, True, None, {}, "c")
    assert field_changes(new, again, TODAY, "en") == [
        "Follow-up check 12/09/2024 (Phòng Kinh tế huyện Tiên Phước): result needs improvement → "
        "meets", "Changed note of the follow-up check 12/09/2024 (Phòng Kinh tế huyện Tiên Phước)"]
    assert field_changes(again, old, TODAY, "vi") == [
        "Bỏ lần kiểm tra sau công nhận 12/09/2024 (Phòng Kinh tế huyện Tiên Phước)"]


def test_only_switchable_advisories_can_be_turned_off() -> None:
    assert checks_off({"checks_off": ["follow_up.due"]}) == {"follow_up.due"}
    assert checks_off({}) == frozenset()
    with pytest.raises(ConfigError, match=r"follow_up\.before_recognition"):
        checks_off({"checks_off": ["follow_up.before_recognition"]})
    with pytest.raises(ConfigError):
        checks_off({"checks_off": "follow_up.due"})


def test_a_province_turns_the_advisory_off_in_mkdocs_yml(tmp_path: Path) -> None:
    case = tmp_path / "products" / "hoi-an" / "follow-up-overdue"
    shutil.copytree(ROOT / "tests" / "corpus" / "valid" / "follow-up-overdue", case)
    codes = [f.code for f in validate([tmp_path / "products"], tmp_path, TODAY).findings]
    assert "follow_up.due" in codes
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nextra:\n  ocop:\n    checks_off: [follow_up.due]\n", encoding="utf-8")
    codes = [f.code for f in validate([tmp_path / "products"], tmp_path, TODAY).findings]
    assert "follow_up.due" not in codes and "follow_up.action_overdue" in codes
