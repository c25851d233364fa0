"""The officers' guide is generated from the message catalogue and kept in sync by this test."""

from __future__ import annotations

import re

import pytest
import yaml

import generator.validate  # noqa: F401  (registers every check's messages)
from generator.commands import guide
from generator.findings import CATALOGUE, Severity
from tests.conftest import ROOT

STALE = "is stale: run `.venv/bin/python -m generator.commands.guide`"


@pytest.mark.parametrize(("relative", "target"), sorted(guide.OUTPUTS.items()))
def test_committed_guide_is_the_generated_text(relative: str, target: str) -> None:
    committed = (ROOT / relative).read_text(encoding="utf-8")
    assert committed == guide.render(target), f"{relative} {STALE}"


@pytest.mark.parametrize("target", ["repo", "site"])
def test_every_registered_code_has_its_entry_with_both_languages_and_examples(target: str) -> None:
    text = guide.render(target)
    headings = re.findall(r"^#### `([^`]+)`$", text, flags=re.MULTILINE)
    assert sorted(headings) == sorted(CATALOGUE)
    for code, message in CATALOGUE.items():
        start = text.index(f"#### `{code}`\n")
        end = text.find("\n#### ", start + 1)
        entry = text[start:] if end == -1 else text[start:end]
        assert message.vi in entry and message.en in entry, code
        severity = "lỗi / error" if message.severity is Severity.ERROR else "cảnh báo / warning"
        assert f"**{severity}**" in entry, code
        for example in (message.bad, message.fix):
            if example:
                assert f"```yaml\n{example.rstrip()}\n```" in entry, code


def test_groups_cover_each_code_once() -> None:
    codes = [m.code for _, _, items in guide.grouped() for m in items]
    assert sorted(codes) == sorted(CATALOGUE)
    assert "Khác" not in [vi for vi, _, _ in guide.grouped()], (
        "a finding code has a prefix no group names: add it to generator.commands.guide.GROUPS")


def test_the_reading_example_is_real_validator_output() -> None:
    text = guide.render("repo")
    section = text[text.index("## 2."):text.index("## 3.")]
    assert "{" not in section.replace("`{…}`", ""), "a sample finding left a placeholder unfilled"
    assert " lỗi recognitions[0].stars: " in section
    assert " warning recognitions[0].signed: " in section


def test_site_page_links_only_to_site_pages_and_is_in_the_officers_corner() -> None:
    site = guide.render("site")
    links = re.findall(r"\]\(([^)]+)\)", site)
    assert links and all(link == "field-reference.md" for link in links)
    assert all(link == "docs/field-reference.md"
               for link in re.findall(r"\]\(([^)]+)\)", guide.render("repo")))
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    # an officers' page: out of the buyers' navigation, linked from the footer (extra.officers)
    assert "huong-dan-dong-gop.md" not in str(config["nav"])
    assert "huong-dan-dong-gop.md" in config["not_in_nav"].split()
    assert {"title": "Hướng dẫn đóng góp", "url": "huong-dan-dong-gop/"} in \
        config["extra"]["officers"]["pages"]


def test_the_weekly_issue_title_is_the_one_the_guide_names() -> None:
    workflow = (ROOT / ".github" / "workflows" / "weekly.yml").read_text(encoding="utf-8")
    assert f"const TITLE = '{guide.EXPIRY_ISSUE_TITLE}';" in workflow
    assert guide.EXPIRY_ISSUE_TITLE in guide.render("repo")
