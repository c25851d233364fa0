"""A copy of the three-product fixture catalogue (tests/fixtures/site3) and its booklets."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pypdf
import pytest

from generator.booklet.build import Made, Printer
from generator.events.model import Event
from generator.model.product import Product
from generator.site.config import SiteConfig, load
from generator.validate import validate
from tests.envcheck import missing_tool
from tests.site.conftest import TODAY, copy_fixture


@dataclass
class Catalogue:
    root: Path
    config: SiteConfig
    today: date
    products: list[Product]
    printer: Printer
    events: list[Event] = field(default_factory=list)

    def product(self, product_id: str) -> Product:
        return next(p for p in self.products if p.id == product_id)


def open_catalogue(root: Path, today: date) -> Catalogue:
    config = load(root)
    result = validate([root / "products"], root, today)
    assert not result.errors
    return Catalogue(root, config, today, result.products, Printer(root, config, today),
                     list(result.events))


@pytest.fixture(scope="session")
def site3_repo(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    root = copy_fixture(tmp_path_factory.mktemp("booklet") / "repo")
    return open_catalogue(root, date.fromisoformat(TODAY))


def pages_text(made: Made) -> list[str]:
    """The text of each page, as pypdf extracts it."""
    return [page.extract_text() for page in pypdf.PdfReader(made.pdf.path).pages]


def rasterise(pdf: Path, page: int, out: Path, dpi: int = 150) -> Path:
    """One page as PNG, with poppler's pdftoppm (skip or fail when it is missing)."""
    if shutil.which("pdftoppm") is None:
        missing_tool("pdftoppm (Debian's poppler-utils) is not installed")
    prefix = out / f"page-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page),
                    "-l", str(page), str(pdf), str(prefix)], check=True)
    return prefix.with_suffix(".png")
