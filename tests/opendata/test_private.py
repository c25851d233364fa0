"""Nothing private reaches the open data: officers' notes, tax codes, coordinates, the
original photo files. A product that has all of them is built through ``ocop build --emit``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.site.conftest import build, copy_fixture

NOTE = "Ghi chú cho cán bộ, không hiện trên trang."
TAX_CODE = "4000410405"


@pytest.fixture(scope="module")
def emitted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_fixture(tmp_path_factory.mktemp("private") / "repo")
    product = root / "products" / "dai-loc" / "gom-thanh-ha" / "product.yaml"
    text = product.read_text(encoding="utf-8")
    assert NOTE in text
    text = text.replace("  legal_form: household-business\n",
                        f"  legal_form: household-business\n  tax_code: \"{TAX_CODE}\"\n")
    text = text.replace("    commune: {name: Xã Đại Hiệp, code: \"20524\"}\n",
                        "    commune: {name: Xã Đại Hiệp, code: \"20524\"}\n"
                        "  coordinates: {lat: 15.8761234, lon: 108.1187654}\n")
    product.write_text(text, encoding="utf-8")
    out = root.parent / "emitted"
    assert build(root, emit=out) == 0
    return out


def _open_data(folder: Path) -> dict[str, str]:
    files = [*folder.glob("du-lieu/*.*"), *folder.glob("san-pham/*.json"),
             folder / "du-lieu-mo.md"]
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in files}


def test_no_note_tax_code_or_coordinates_in_any_open_file(emitted: Path) -> None:
    texts = _open_data(emitted)
    assert "san-pham/gom-thanh-ha.json" in texts and "du-lieu/san-pham.csv" in texts
    for name, text in texts.items():
        for secret in (NOTE, TAX_CODE, "15.876", "108.118", "binh.png"):
            assert secret not in text, f"{secret!r} leaked into {name}"


def test_the_record_has_no_private_keys_and_links_only_published_photos(emitted: Path) -> None:
    record = json.loads((emitted / "san-pham" / "gom-thanh-ha.json").read_text("utf-8"))
    assert "tax_code" not in record["subject"] and "coordinates" not in record["origin"]
    assert all("note" not in r for r in record["recognitions"])
    (photo,) = record["photos"]
    assert photo["url"].startswith("https://example.org/ocop/media/")
    assert (emitted / photo["url"].removeprefix("https://example.org/ocop/")).is_file()
    assert photo["alt"]["vi"] == 'Bình gốm "Thanh Hà" & men xanh'
