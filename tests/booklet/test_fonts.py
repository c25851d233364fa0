"""Every printed character has a glyph in the embedded fonts, or the booklet is not made."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.booklet import fonts
from generator.cli import main
from tests.site.conftest import TODAY, copy_fixture

NAME = "products/hoi-an/nuoc-mam-thu/product.yaml"


def test_vietnamese_and_the_star_are_covered() -> None:
    text = "ẮẰẲẴẶắằẳẵặĐđƠơƯưỡợựữ ★ ₫ – … “”"
    assert fonts.missing([("x", text)]) == []


def test_a_character_outside_the_fonts_is_named_with_where_it_is() -> None:
    found = fonts.missing([("products/a/product.yaml (Trà 🍵)", "Trà 🍵 漢 🍵")])
    assert [(m.char, m.where) for m in found] == [("🍵", "products/a/product.yaml (Trà 🍵)"),
                                                   ("漢", "products/a/product.yaml (Trà 🍵)")]
    with pytest.raises(fonts.GlyphError) as error:
        fonts.check([("products/a/product.yaml (Trà 漢)", "Trà 漢")])
    message = str(error.value)
    assert "Phông chữ Noto Sans không có ký tự 漢 (U+6F22 CJK UNIFIED IDEOGRAPH-6F22)" in message
    assert "The font Noto Sans has no glyph for 漢" in message
    assert "products/a/product.yaml (Trà 漢)" in message


def test_a_missing_font_file_says_which_package_to_install(tmp_path: Path) -> None:
    with pytest.raises(fonts.GlyphError, match="fonts-noto-core"):
        fonts.font_file("NotoSans-Regular.ttf", dirs=(tmp_path,))


def test_ocop_print_refuses_a_product_name_the_font_cannot_print(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_fixture(tmp_path / "repo")
    shutil.rmtree(root / "products" / "dai-loc")
    shutil.rmtree(root / "events")  # they name dai-loc products: a catalogue with errors never prints
    path = root / NAME
    path.write_text(path.read_text(encoding="utf-8").replace(
        "vi: Nước mắm nhĩ Thử Nghiệm", "vi: Nước mắm nhĩ 漢 Thử Nghiệm"), encoding="utf-8")
    code = main(["print", "--root", str(root), "--today", TODAY, "-o", str(tmp_path / "x.pdf")])
    err = capsys.readouterr().err
    assert code == 1
    assert "漢 (U+6F22" in err and NAME in err and "Nước mắm nhĩ 漢 Thử Nghiệm" in err
    assert not (tmp_path / "x.pdf").exists()
