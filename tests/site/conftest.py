"""A built copy of the three-product fixture catalogue (tests/fixtures/site3), once per session."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.adapters import engine
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "site3"
TODAY = "2026-11-29"


def copy_fixture(target: Path) -> Path:
    """Copy the fixture catalogue to ``target`` with its theme path made absolute."""
    shutil.copytree(FIXTURE, target, ignore=shutil.ignore_patterns("site", ".cache"))
    config = target / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "custom_dir: ../../../site_templates", f"custom_dir: {ROOT / 'site_templates'}"),
        encoding="utf-8")
    return target


def build(root: Path, **kwargs: object) -> int:
    """``ocop build`` for ``root`` as of the fixed test date."""
    return engine.build(root, today=date.fromisoformat(TODAY), **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def site3(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_fixture(tmp_path_factory.mktemp("site3") / "repo")
    assert build(root) == 0
    return root / "site"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
