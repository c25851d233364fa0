"""Bad input that cannot live in the corpus (links, sizes, folders): a finding, never a crash."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from generator.load.text import MAX_BYTES
from generator.validate import validate
from tests.conftest import ROOT, TODAY

MINIMAL = ROOT / "tests" / "corpus" / "valid" / "minimal" / "product.yaml"


def product(root: Path, product_id: str, text: str | None = None) -> Path:
    folder = root / "products" / "hoi-an" / product_id
    folder.mkdir(parents=True)
    body = text if text is not None else MINIMAL.read_text(encoding="utf-8")
    (folder / "product.yaml").write_text(body.replace("id: minimal", f"id: {product_id}"),
                                         encoding="utf-8")
    return folder


def codes(root: Path) -> list[tuple[str, str, int]]:
    result = validate([root / "products"], root, TODAY)
    return [(f.file, f.code, f.line) for f in result.findings]


def test_very_large_file(tmp_path: Path) -> None:
    folder = product(tmp_path, "lon")
    with (folder / "product.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# " + "x" * MAX_BYTES + "\n")
    assert codes(tmp_path) == [("products/hoi-an/lon/product.yaml", "file.too_large", 1)]


def test_folder_named_like_a_product_file(tmp_path: Path) -> None:
    product(tmp_path, "tot")
    (tmp_path / "products" / "hoi-an" / "sai" / "product.yaml").mkdir(parents=True)
    assert codes(tmp_path) == [("products/hoi-an/sai/product.yaml", "file.is_directory", 0)]


def test_symlink_leading_outside_the_repository(tmp_path: Path) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    outside.mkdir()
    shutil.copy(MINIMAL, outside / "product.yaml")
    (repo / "products" / "hoi-an" / "lien-ket").mkdir(parents=True)
    os.symlink(outside / "product.yaml", repo / "products" / "hoi-an" / "lien-ket" / "product.yaml")
    os.symlink(outside, repo / "products" / "thu-muc-ngoai")
    found = codes(repo)
    assert ("products/hoi-an/lien-ket/product.yaml", "file.symlink_outside", 1) in found
    assert ("products/thu-muc-ngoai", "file.symlink_outside", 1) in found
    assert len(found) == 2


def test_stray_yaml_is_reported_not_silently_skipped(tmp_path: Path) -> None:
    product(tmp_path, "tot")
    stray = tmp_path / "products" / "hoi-an" / "nuoc-mam.yaml"
    stray.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    assert codes(tmp_path) == [("products/hoi-an/nuoc-mam.yaml", "file.stray_yaml", 1)]


def test_nested_product_folder(tmp_path: Path) -> None:
    outer = product(tmp_path, "ngoai")
    inner = outer / "trong"
    inner.mkdir()
    shutil.copy(MINIMAL, inner / "product.yaml")
    assert ("products/hoi-an/ngoai/trong/product.yaml", "file.nested_product", 1) in codes(tmp_path)


def test_duplicate_ids_and_one_bad_file_do_not_stop_the_others(tmp_path: Path) -> None:
    product(tmp_path, "mot")
    two = product(tmp_path, "hai")
    (two / "product.yaml").write_text(
        MINIMAL.read_text(encoding="utf-8").replace("id: minimal", "id: mot"), encoding="utf-8")
    product(tmp_path, "ba", "a: [\n")
    result = validate([tmp_path / "products"], tmp_path, TODAY)
    found = {(f.file.split("/")[2], f.code) for f in result.findings if f.is_error}
    assert found == {("hai", "product.id_folder"), ("hai", "product.duplicate_id"),
                     ("mot", "product.duplicate_id"), ("ba", "yaml.syntax")}
    assert result.products == []
    assert len(result.files) == 3


@pytest.mark.parametrize(("name", "make", "code"), [
    ("anh.svg", lambda p: p.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
     "photo.format_svg"),
    ("anh.heic", lambda p: p.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00heicmif1"),
     "photo.format_heic"),
    ("anh.jpg", lambda p: p.write_bytes(_jpeg()[:2000]), "photo.corrupt"),
    ("anh.jpg", lambda p: Image.new("RGB", (900, 600)).save(p, "PNG"), "photo.format_mismatch"),
])
def test_bad_photos(tmp_path: Path, name: str, make: object, code: str) -> None:
    folder = product(tmp_path, "anh")
    make(folder / name)  # type: ignore[operator]
    text = (folder / "product.yaml").read_text(encoding="utf-8")
    text = text.replace("content:", f"photos:\n  - file: {name}\n    role: front\n    alt:\n"
                        "      vi: Ảnh thử\ncontent:")
    (folder / "product.yaml").write_text(text, encoding="utf-8")
    found = codes(tmp_path)
    assert [c for _, c, _ in found] == [code]
    assert found[0][2] == text.splitlines().index(f"  - file: {name}") + 1


def _jpeg() -> bytes:
    import io
    buffer = io.BytesIO()
    Image.effect_noise((900, 700), 60).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()
