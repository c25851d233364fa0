"""The one loader: a path and the same bytes give the same document, coerced to the schema."""

from __future__ import annotations

from generator.load.product import load_product
from generator.load.text import MAX_BYTES
from tests.conftest import ROOT

MINIMAL = ROOT / "tests" / "corpus" / "valid" / "minimal" / "product.yaml"


def test_path_and_bytes_load_the_same() -> None:
    from_disk = load_product(MINIMAL, "p.yaml")
    from_git = load_product(MINIMAL.read_bytes(), "p.yaml")
    assert from_disk.ok and from_disk.data == from_git.data
    assert from_disk.text == from_git.text == MINIMAL.read_text(encoding="utf-8")
    assert from_disk.value_marks == from_git.value_marks


def test_unquoted_digits_come_back_as_typed_text() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace('code: "49"', "code: 49")
    doc = load_product(("\ufeff" + text).encode("utf-8"), "p.yaml")
    assert doc.data["origin"]["recorded"]["province"]["code"] == "49"
    assert [f.code for f in doc.findings] == ["text.bom"]


def test_too_large_bytes_are_not_decoded() -> None:
    doc = load_product(b"#" * (MAX_BYTES + 1), "p.yaml")
    assert doc.data is None and doc.text == ""
    assert [f.code for f in doc.findings] == ["file.too_large"]
