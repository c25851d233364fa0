"""``ocop report``: the officers' portfolio review of a fixture catalogue built for it
(tests/fixtures/portfolio: two subjects with fish sauce in Hội An, a fresh and a
primary-processed product, a lapsed star, one ending within the notice period, a follow-up
overdue, a violation, and a broken file). Regenerate the golden Markdown after an intended
change with ``OCOP_UPDATE_GOLDEN=1`` and read the diff."""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "portfolio"
GOLDEN = ROOT / "tests" / "golden" / "portfolio" / "report.md"
TODAY = "2026-11-29"


def report(capsys: pytest.CaptureFixture[str], *args: str,
           root: Path = FIXTURE) -> tuple[int, str, str]:
    code = main(["report", "--root", str(root), "--today", TODAY, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_markdown_report_is_exactly_the_golden_copy(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = report(capsys)
    assert code == 0  # a broken file is in the catalogue: a report still never fails
    if os.environ.get("OCOP_UPDATE_GOLDEN"):
        GOLDEN.write_text(out, encoding="utf-8")
    assert out == GOLDEN.read_text(encoding="utf-8")


def test_a_broken_file_is_named_as_not_counted_never_dropped(
        capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = report(capsys)
    assert "**Không tính: 1 tệp có lỗi, xem `ocop validate`:** `products/hoi-an/hong/product.yaml`" \
        in out
    _, text, _ = report(capsys, "--format", "json")
    data = json.loads(text)
    assert data["not_counted"] == ["products/hoi-an/hong/product.yaml"]
    assert data["counted"] == 5


def test_every_count_table_adds_up_to_the_products_counted(
        capsys: pytest.CaptureFixture[str]) -> None:
    _, text, _ = report(capsys, "--format", "json")
    data = json.loads(text)
    for name, table in data["counts"].items():
        assert sum(row["n"] for row in table["rows"]) == table["total"] == data["counted"], name
        ids = [i for row in table["rows"] for i in row["products"]]
        assert sorted(ids) == sorted(p["id"] for p in data["products"]), name


def test_json_sections_hold_the_known_answers(capsys: pytest.CaptureFixture[str]) -> None:
    _, text, _ = report(capsys, "--format", "json")
    data = json.loads(text)
    assert data["same_type"] == [{"product_type": "nước mắm", "area": "Thành phố Hội An",
                                  "subjects": 2, "products": ["nuoc-mam-b", "nuoc-mam-a"]}]
    assert [(r["key"], r["products"]) for r in data["little_processed"]] == [
        ("Huyện Tiên Phước", ["tieu-cu"]), ("Thành phố Hội An", ["rau-tuoi"])]
    months = {m["month"]: m["products"] for m in data["expiring_by_month"] if m["n"]}
    assert months == {"2027-01": ["tra-sap-het"], "2027-05": ["nuoc-mam-a"],
                      "2028-08": ["nuoc-mam-b"]}
    assert len(data["expiring_by_month"]) == 24
    assert data["lapsed"] == [{"id": "tieu-cu", "stars": 4, "since": "2024-06-01", "months": 29}]
    assert data["follow_up"] == {
        "due": [{"id": "nuoc-mam-a", "since": "2025-03-10", "due": "2026-03-10"}],
        "overdue": [{"id": "nuoc-mam-a", "action": "Bổ sung hạn sử dụng trên nhãn",
                     "deadline": "2025-06-30", "checked": "2025-03-10"}],
        "violations": ["nuoc-mam-b"]}
    gaps = {row["key"]: row["products"] for row in data["gaps"]}
    assert gaps["name_en"] == ["nuoc-mam-b"] and gaps["contact"] == []
    places = {x["name"]: (x["n"], x["share"]) for x in data["localities"]}
    assert places == {"Tiên Phước": (2, 0.4), "Đông Giang": (0, 0.0), "Bắc Trà My": (0, 0.0),
                      "Hội An": (3, 0.6)}


def test_csv_files_open_in_the_csv_module_with_their_diacritics(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = report(capsys, "--format", "csv", "-o", str(tmp_path / "csv"))
    assert code == 0 and out == ""
    assert "tệp CSV" in err
    raw = (tmp_path / "csv" / "so-luong-district.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the diacritics
    with (tmp_path / "csv" / "so-luong-district.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows == [["Huyện cũ", "Số sản phẩm", "Tỷ lệ"], ["Huyện Tiên Phước", "2", "40,0 %"],
                    ["Thành phố Hội An", "3", "60,0 %"], ["Tổng", "5", "100,0 %"]]
    with (tmp_path / "csv" / "san-pham.csv").open(encoding="utf-8-sig", newline="") as f:
        products = list(csv.DictReader(f))
    assert [p["id"] for p in products] == ["nuoc-mam-b", "nuoc-mam-a", "rau-tuoi", "tieu-cu",
                                           "tra-sap-het"]
    assert products[2]["Sản phẩm"] == "Rau Trà Quế tươi"
    with (tmp_path / "csv" / "trung-loai-nuoc-mam-thanh-pho-hoi-an.csv").open(
            encoding="utf-8-sig", newline="") as f:  # a stable name (and page anchor)
        assert [row[0] for row in csv.reader(f)] == ["Sản phẩm", "Nước mắm Biển Đông B",
                                                     "Nước mắm Cá Cơm A"]
    with (tmp_path / "csv" / "khong-tinh.csv").open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f)) == [["file"], ["products/hoi-an/hong/product.yaml"]]


def test_area_narrows_the_review_but_still_names_broken_files(
        capsys: pytest.CaptureFixture[str]) -> None:
    for wanted in ("tien-phuoc", "Huyện Tiên Phước", "tien phuoc"):
        _, text, _ = report(capsys, "--format", "json", "--area", wanted)
        data = json.loads(text)
        assert [p["id"] for p in data["products"]] == ["tieu-cu", "tra-sap-het"], wanted
        assert data["not_counted"] == ["products/hoi-an/hong/product.yaml"]
    _, out, _ = report(capsys, "--area", "Tiên Phước")
    assert "**2 sản phẩm được tính (địa phương: Tiên Phước).**" in out


def test_english_output_and_an_output_file(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    target = tmp_path / "review.md"
    code, out, _ = report(capsys, "--lang", "en", "-o", str(target))
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# OCOP portfolio review — 29/11/2026\n")
    assert "## 2. One product type, several subjects in one area" in text


def test_a_catalogue_of_only_broken_files_still_exits_0(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE / "products" / "hoi-an" / "hong", root / "products" / "x" / "hong")
    code, out, _ = report(capsys, root=root)
    assert code == 0
    assert "**0 sản phẩm được tính.**" in out and "`products/x/hong/product.yaml`" in out


def test_no_products_folder_is_a_usage_error(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    code, _, err = report(capsys, root=tmp_path)
    assert code == 2 and "products" in err


def test_weekly_part_lists_follow_up_and_only_this_weeks_new_duplicates(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    added = tmp_path / "added.txt"
    added.write_text("products/hoi-an/rau-tuoi/product.yaml\n", encoding="utf-8")
    code, out, _ = report(capsys, "--format", "weekly", "--added", str(added))
    assert code == 0
    assert out.startswith("### Kiểm tra sau công nhận / Follow-up after recognition\n\n"
                          "1 sản phẩm quá 12 tháng chưa kiểm tra sau công nhận; 1 yêu cầu khắc "
                          "phục quá hạn; 1 sản phẩm vi phạm ở lần kiểm tra gần nhất")
    assert "#### Yêu cầu khắc phục quá hạn" in out and "#### Vi phạm ở lần kiểm tra gần nhất" in out
    assert out.endswith("### Trùng loại sản phẩm mới trong tuần / New duplicate types this week"
                        "\n\nKhông có.\n")  # the fresh vegetables joined no duplicate group
    added.write_text("products/hoi-an/nuoc-mam-b/product.yaml\n", encoding="utf-8")
    _, out, _ = report(capsys, "--format", "weekly", "--added", str(added))
    assert "#### nước mắm — Thành phố Hội An: 2 sản phẩm, 2 chủ thể" in out
