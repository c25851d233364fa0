"""A built copy of the three-product fixture catalogue (tests/fixtures/site3), once per session."""

from __future__ import annotations

import os
import shutil
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
    saved = os.environ.get("OCOP_TODAY")
    os.environ["OCOP_TODAY"] = TODAY
    try:
        return engine.build(root, **kwargs)  # type: ignore[arg-type]
    finally:
        if saved is None:
            os.environ.pop("OCOP_TODAY", None)
        else:
            os.environ["OCOP_TODAY"] = saved


@pytest.fixture(scope="session")
def site3(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_fixture(tmp_path_factory.mktemp("site3") / "repo")
    assert build(root) == 0
    return root / "site"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
