"""The fixture catalogue with tests/fixtures/promotion/ added: a product meeting every
promotion criterion, a cooperative, plus site3's three (one of them lapsed)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT
from tests.site.conftest import build, copy_fixture

EXTRA = ROOT / "tests" / "fixtures" / "promotion"


def build_promotion_site(target: Path) -> Path:
    """Build the catalogue in ``target``; returns its built ``site/`` folder."""
    root = copy_fixture(target)
    for folder in (p for p in EXTRA.iterdir() if p.is_dir()):
        shutil.copytree(folder, root / "products" / folder.name, dirs_exist_ok=True)
    assert build(root) == 0
    return root / "site"
