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
