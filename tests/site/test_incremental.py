"""A rebuild with warm caches and the old site in place gives the bytes of a clean full build,
whatever changed; with nothing changed it does nothing (generator/site/uptodate.py)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import generator
from tests.site.conftest import build, copy_fixture

Change = Callable[[Path], None]


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def change_one_product(root: Path) -> None:
    _edit(root / "products" / "hoi-an" / "nuoc-mam-thu" / "product.yaml",
          "vi: Nước mắm nhĩ Thử Nghiệm", "vi: Nước mắm nhĩ Thử Nghiệm loại đặc biệt")


def delete_a_product(root: Path) -> None:
    """The product and the one event line that names it, as an officer removes both."""
    shutil.rmtree(root / "products" / "hoi-an" / "tra-het-han")
    _edit(root / "events" / "hoi-cho-thu-nghiem-2027.yaml", "  - product: tra-het-han\n", "")


def rename_a_photo(root: Path) -> None:
    """Photos are published under their content's name: the site does not change, the
    rebuild must still find the photo."""
    folder = root / "products" / "hoi-an" / "nuoc-mam-thu"
    (folder / "nhan.jpg").rename(folder / "nhan-moi.jpg")
    _edit(folder / "product.yaml", "nhan.jpg", "nhan-moi.jpg")


def change_a_setting(root: Path) -> None:
    _edit(root / "mkdocs.yml", "publisher: Văn phòng OCOP thử nghiệm",
          "publisher: Văn phòng OCOP thử nghiệm (mới)")


CHANGES = [change_one_product, delete_a_product, rename_a_photo, change_a_setting]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_a_rebuild_after_a_change_is_a_clean_build(tmp_path: Path, change: Change) -> None:
    root = copy_fixture(tmp_path / "repo")
    assert build(root) == 0
    change(root)
    assert build(root) == 0
    clean = copy_fixture(tmp_path / "clean")
    change(clean)
    assert build(clean) == 0
    after = _tree(root / "site")
    assert sorted(after) == sorted(_tree(clean / "site"))
    assert [name for name, data in _tree(clean / "site").items() if after[name] != data] == []


def test_a_new_version_of_the_tool_rebuilds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_fixture(tmp_path / "repo")
    assert build(root) == 0
    monkeypatch.setattr(generator, "__version__", generator.__version__ + ".post1")
    capsys.readouterr()
    assert build(root) == 0
    assert "Đã dựng" in capsys.readouterr().out
    clean = copy_fixture(tmp_path / "clean")
    assert build(clean) == 0
    assert _tree(root / "site") == _tree(clean / "site")


def test_nothing_changed_means_nothing_to_do(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_fixture(tmp_path / "repo")
    assert build(root) == 0
    page = root / "site" / "san-pham" / "nuoc-mam-thu" / "index.html"
    stamp = page.stat().st_mtime_ns
    capsys.readouterr()
    assert build(root) == 0
    assert "không có gì để dựng lại" in capsys.readouterr().out
    assert page.stat().st_mtime_ns == stamp
    page.unlink()  # someone touched the published folder: it is built again
    assert build(root) == 0
    assert "Đã dựng" in capsys.readouterr().out and page.is_file()
