"""The shipped catalogue's open data, exported once per session without the site engine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.opendata.export import OpenData, OpenFile, Published, export
from generator.site.config import load
from generator.validate import validate
from tests.conftest import ROOT, TODAY


def write(files: list[OpenFile], out: Path) -> Path:
    """The files as a site folder would hold them."""
    for item in files:
        target = out / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if item.content is not None:
            target.write_text(item.content, encoding="utf-8")
        else:
            assert item.source is not None
            shutil.copyfile(item.source, target)
    return out


@pytest.fixture(scope="session")
def shipped_products() -> list[Published]:
    result = validate([ROOT / "products"], ROOT, TODAY)
    assert not result.errors
    return [Published(p) for p in result.products]


@pytest.fixture(scope="session")
def shipped(shipped_products: list[Published]) -> OpenData:
    return export(shipped_products, config=load(ROOT), today=TODAY)


@pytest.fixture(scope="session")
def shipped_dir(shipped: OpenData, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(shipped.files, tmp_path_factory.mktemp("open-data"))
