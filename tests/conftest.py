"""Shared test helpers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 29)


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped catalogue (products/) built once per session, as of TODAY."""
    from generator.adapters.engine import build_site

    out_dir = tmp_path_factory.mktemp("built-site")
    build_site(ROOT, out_dir, today=TODAY)
    assert (out_dir / "index.html").is_file()
    return out_dir
