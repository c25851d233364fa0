"""`ocop review` on event files: an event added or removed, dates moved, a product added to or
dropped from an event, a booth changed, and the validator's findings for the changed files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.review.build import build_review
from generator.review.events import describe
from generator.review.render import render
from tests.conftest import TODAY

SITE3 = Path(__file__).resolve().parents[1] / "fixtures" / "site3"
FAIR = "events/hoi-cho-thu-nghiem-2027.yaml"
NEW = """id: moi
name: {vi: Sự kiện mới}
kind: fair
start: 2027-02-01
end: 2027-02-01
venue: {name: Nơi}
organiser: Sở
sources: [{url: "https://example.org/"}]
participants: [{product: khong-co}]
"""


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.email=o@example.org", "-c",
                    "user.name=Officer", *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    for folder in ("products", "events"):
        shutil.copytree(SITE3 / folder, root / folder)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base")
    fair = root / FAIR
    text = fair.read_text(encoding="utf-8")
    text = text.replace("start: 2027-01-15\nend: 2027-01-17", "start: 2027-01-16\nend: 2027-01-18")
    text = text.replace("  - product: tra-het-han\n", "").replace("booth: A10", "booth: A11")
    text = text.replace("  - date: 2027-01-15\n", "  - date: 2027-01-16\n")
    fair.write_text(text, encoding="utf-8")
    (root / "events" / "moi.yaml").write_text(NEW, encoding="utf-8")
    (root / "events" / "cho-phien-thu-nghiem-2024.yaml").unlink()
    return root


def _section(markdown: str) -> list[str]:
    start = markdown.index("### Sự kiện thay đổi")
    return markdown[start:].split("\n\n### ")[0].splitlines()


def _expect(markdown: str) -> None:
    assert _section(markdown)[2:] == [
        "- **Chợ phiên thử nghiệm 2024** — `events/cho-phien-thu-nghiem-2024.yaml`",
        "  - bỏ sự kiện: 01/06/2024",
        '- **Hội chợ "Thử" \\& Co \\<3** — `events/hoi-cho-thu-nghiem-2027.yaml`',
        "  - đổi ngày: 15/01/2027 – 17/01/2027 → 16/01/2027 – 18/01/2027",
        "  - bỏ sản phẩm `tra-het-han`",
        "  - `nuoc-mam-thu`: gian A10 → A11",
        "- **Sự kiện mới** — `events/moi.yaml`",
        "  - thêm sự kiện: 01/02/2027"]
    assert "3 sự kiện" in markdown
    assert "`participants[0].product`: không có sản phẩm mã `khong-co`" in markdown
    assert "[moi.yaml:9:26](events/moi.yaml#L9)" in markdown


def test_review_of_the_working_tree_describes_event_changes(repo: Path) -> None:
    review = build_review(repo, "main", None, TODAY)
    assert review.changes == [] and review.others == []
    _expect(render(review))


def test_review_of_a_commit_reads_events_from_git(repo: Path) -> None:
    _git(repo, "checkout", "-qb", "proposal")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "events")
    _git(repo, "checkout", "-q", "main")
    _expect(render(build_review(repo, "main", "proposal", TODAY)))


def test_a_booth_given_later_is_a_booth_change(repo: Path) -> None:
    fair = repo / FAIR
    fair.write_text(fair.read_text(encoding="utf-8").replace(
        "participants:\n", "participants:\n  - product: tra-het-han\n    booth: C3\n", 1),
        encoding="utf-8")
    review = build_review(repo, "main", None, TODAY)
    lines = next(c.lines("en") for c in review.events if c.file == FAIR)
    assert "`tra-het-han`: booth none → C3" in lines
    assert not any("product dropped" in line for line in lines)


def test_product_added_names_its_booth() -> None:
    old = {"start": "2027-01-15", "end": "2027-01-15", "participants": [{"product": "a"}]}
    new = {**old, "participants": [{"product": "a"}, {"product": "b", "booth": "A1"}]}
    assert describe(old, new, "vi") == ["thêm sản phẩm `b` (gian A1)"]
    assert describe(new, old, "en") == ["product dropped: `b`"]
    assert describe(old, {**old, "organiser": "Sở"}, "en") == ["other fields"]
