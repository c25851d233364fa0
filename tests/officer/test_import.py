"""`ocop import`: a provincial Excel/CSV list becomes product files; every row and cell that
cannot be used is reported (row as Excel shows it, column letter and heading, why); existing
products are never overwritten without --update, and a second run creates nothing new."""

from __future__ import annotations

import shutil
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest

from generator.cli import main
from generator.importer.cells import (
    parse_date,
    parse_decision,
    parse_phones,
    parse_stars,
    split_place,
    split_subject,
)
from generator.importer.header import find_header
from generator.importer.table import Value, decode_csv
from generator.load.product import load_product
from generator.validate import validate
from tests.conftest import ROOT, TODAY

FIXTURES = ROOT / "tests" / "fixtures" / "import"
SHEET = "danh-sach-ocop-2024"
KEPT = ("tien-phuoc/tieu-tien-phuoc", "hoi-an/nuoc-mam-tu-tai", "hoi-an/tuong-ot-me-daichi",
        "dong-giang/ruou-ta-vac")

DRY_RUN = (
    "Nhập / import: danh-sach-ocop-2024.xlsx — trang tính / sheet «Danh sách»\n"
    "Dòng tiêu đề / header rows: 5–6; tỉnh / province: Tỉnh Quảng Nam (49) — theo dòng 1 / "
    "from row 1\n"
    "Cột / columns:\n"
    "  A «STT» → số thứ tự, không nhập / row number, not imported\n"
    "  B «Tên sản phẩm» → name.vi\n"
    "  C «Chủ thể OCOP › Tên chủ thể» → subject.name\n"
    "  D «Chủ thể OCOP › Địa chỉ» → subject.address\n"
    "  E «Địa bàn › Xã» → origin.recorded.commune\n"
    "  F «Địa bàn › Huyện» → origin.recorded.district\n"
    "  G «Nhóm/Bộ sản phẩm» → group, subgroup\n"
    "  H «Kết quả công nhận › Hạng sao» → recognitions[].stars\n"
    "  I «Kết quả công nhận › Số quyết định» → recognitions[].decision\n"
    "  J «Kết quả công nhận › Ngày ký» → recognitions[].signed\n"
    "  K «Điện thoại» → subject.contact.phones\n"
    "  L «Ghi chú» → không có trường tương ứng, không nhập (dữ liệu ở dòng 18, 19, 21) / no "
    "matching field, not imported (data in rows 18, 19, 21)\n"
    "CHẠY THỬ (--dry-run): không ghi tệp nào. / DRY RUN (--dry-run): no file is written.\n"
    "\n"
    "Dòng 7 «Bánh tráng lề Địch Yên»: sẽ tạo "
    "products/tien-phuoc/banh-trang-le-dich-yen/product.yaml / would be created\n"
    "  còn phải điền / still to fill: product_type, processing, content.description, sources\n"
    "Dòng 8 «Dầu mè đen dinh dưỡng»: sẽ tạo "
    "products/tien-phuoc/dau-me-den-dinh-duong/product.yaml / would be created\n"
    "  còn phải điền / still to fill: product_type, processing, content.description, sources\n"
    "Dòng 9 «Dầu phộng nguyên chất»: sẽ tạo "
    "products/tien-phuoc/dau-phong-nguyen-chat/product.yaml / would be created\n"
    "  còn phải điền / still to fill: product_type, processing, content.description, sources\n"
    "Dòng 10 «Vòng đeo tay từ trầm hương»: sẽ tạo "
    "products/tien-phuoc/vong-deo-tay-tu-tram-huong/product.yaml / would be created\n"
    "  còn phải điền / still to fill: product_type, processing, content.description, sources\n"
    "Dòng 11 «Tiêu Tiên Phước»: đã có products/tien-phuoc/tieu-tien-phuoc/product.yaml, không "
    "có gì mới / already there, nothing new\n"
    "Dòng 12 «Heo thảo dược Xứ Tiên»: sẽ tạo "
    "products/tien-phuoc/heo-thao-duoc-xu-tien/product.yaml / would be created\n"
    "  còn phải điền / still to fill: product_type, processing, content.description, sources\n"
    "Dòng 13: dòng trống — bỏ qua / empty row — skipped\n"
    "Dòng 14 «Nước mắm Tư Tài»: đã có products/hoi-an/nuoc-mam-tu-tai/product.yaml, không có "
    "gì mới / already there, nothing new\n"
    "Dòng 15 «Đèn lồng Hội An»: sẽ tạo products/hoi-an/den-long-hoi-an/product.yaml / would be "
    "created\n"
    "  còn phải điền / still to fill: product_type, processing, content.description, sources\n"
    "Dòng 16 «Sợi mì Cao Lầu»: sẽ tạo products/hoi-an/soi-mi-cao-lau/product.yaml / would be "
    "created\n"
    "  còn phải điền / still to fill: product_type, processing, content.description, sources\n"
    "Dòng 17 «Bánh đậu xanh»: sẽ tạo products/hoi-an/banh-dau-xanh/product.yaml / would be "
    "created\n"
    "  còn phải điền / still to fill: product_type, processing, content.description, sources\n"
    "Dòng 18 «Tương ớt mè Daichi»: đã có products/hoi-an/tuong-ot-me-daichi/product.yaml, "
    "không có gì mới / already there, nothing new\n"
    "  cột J «Kết quả công nhận › Ngày ký»: «31/02/2020» không có trên lịch — xem lại ngày ký "
    "trong quyết định / «31/02/2020» is not a calendar date — check the signing date in the "
    "decision\n"
    "Dòng 19 «Trà rừng Cù Lao Chàm»: sẽ tạo products/hoi-an/tra-rung-cu-lao-cham/product.yaml "
    "/ would be created\n"
    "  cột H «Kết quả công nhận › Hạng sao»: 6 sao không hợp lệ — hạng sao OCOP chỉ là 3, 4 "
    "hoặc 5 / 6 stars is not valid — OCOP stars are 3, 4 or 5\n"
    "  còn phải điền / still to fill: product_type, processing, recognitions[0].stars, "
    "content.description, sources\n"
    "Dòng 20 «Đĩa Chùa Cầu Hội An»: sẽ tạo products/hoi-an/dia-chua-cau-hoi-an/product.yaml / "
    "would be created\n"
    "  còn phải điền / still to fill: product_type, processing, content.description, sources\n"
    "Dòng 21 «Nước mắm Tư Tài»: trùng dòng 14 — bỏ qua / duplicate of row 14 — skipped\n"
    "Dòng 22 «SAPHRATON»: sẽ tạo products/nam-tra-my/saphraton/product.yaml / would be created\n"
    "  còn phải điền / still to fill: product_type, processing, content.description, sources\n"
    "Dòng 23 «Rượu Tà Vạc»: đã có products/dong-giang/ruou-ta-vac/product.yaml, không có gì "
    "mới / already there, nothing new\n"
    "  cột B «Tên sản phẩm»: chữ tổ hợp (NFD) — đã chuẩn hoá sang NFC / decomposed (NFD) text "
    "— normalised to NFC\n"
    "Dòng 24 «Mắm ruốc Duy Trinh»: sẽ tạo products/duy-xuyen/mam-ruoc-duy-trinh/product.yaml / "
    "would be created\n"
    "  còn phải điền / still to fill: product_type, processing, recognitions[0].signed, "
    "content.description, sources\n"
    "Dòng 25 «Dầu mè Xuân Hương»: sẽ tạo products/dai-loc/dau-me-xuan-huong/product.yaml / "
    "would be created\n"
    "  còn phải điền / still to fill: product_type, processing, recognitions, "
    "content.description, sources\n"
    "\n"
    "Tổng kết (chạy thử) / summary (dry run): 18 dòng sản phẩm / product rows (13 tạo mới / "
    "new, 4 không đổi / unchanged, 1 trùng / duplicate); 1 dòng trống / empty; 3 chỗ cần xem "
    "lại / to review.\n"
    "CHẠY THỬ: chưa ghi tệp nào. / DRY RUN: no file written.\n"
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A small catalogue (four real products) with the sample list at its root."""
    root = tmp_path / "repo"
    for product in KEPT:
        shutil.copytree(ROOT / "products" / product, root / "products" / product)
    for suffix in (".xlsx", ".csv"):
        shutil.copy(FIXTURES / f"{SHEET}{suffix}", root)
    return root


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str,
        sheet: str = f"{SHEET}.xlsx") -> tuple[int, str]:
    code = main(["import", str(root / sheet), "--root", str(root), *args])
    return code, capsys.readouterr().out


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / "products").rglob("*")) if p.is_file()}


def row_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("Dòng ") and ":" in line[:12]]


def test_dry_run_report(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = files(repo)
    code, out = run(repo, capsys, "--dry-run")
    assert out == DRY_RUN
    assert code == 1  # a bad date, 6 stars and a column that is not imported
    assert files(repo) == before


def test_csv_export_gives_the_same_rows(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, from_xlsx = run(repo, capsys, "--dry-run")
    code, from_csv = run(repo, capsys, "--dry-run", sheet=f"{SHEET}.csv")
    assert code == 1
    assert from_csv.splitlines()[0] == ("Nhập / import: danh-sach-ocop-2024.csv — trang tính / "
                                        "sheet «danh-sach-ocop-2024.csv», mã hoá / encoding UTF-8 "
                                        "(BOM)")
    assert row_lines(from_csv) == row_lines(from_xlsx)
    assert ("  cột J «Ngày ký»: «31/02/2020» không có trên lịch — xem lại ngày ký trong quyết "
            "định / «31/02/2020» is not a calendar date — check the signing date in the "
            "decision") in from_csv.splitlines()


def test_import_writes_files_that_only_lack_what_the_sheet_cannot_give(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = files(repo)
    code, out = run(repo, capsys)
    assert code == 1
    after = files(repo)
    assert {k: v for k, v in after.items() if k in before} == before  # nothing overwritten
    new = sorted(k for k in after if k not in before)
    assert len(new) == 13 and all(k.endswith("/product.yaml") for k in new)
    assert "Dòng 7 «Bánh tráng lề Địch Yên»: tạo mới products/tien-phuoc/banh-trang-le-dich-yen/" \
           "product.yaml / created" in out
    result = validate([repo / "products"], repo, TODAY)
    placeholders = {("schema.required", "sources"), ("schema.pattern", "product_type"),
                    ("schema.enum", "processing"), ("schema.length", "content.description.vi"),
                    ("schema.required", "recognitions"), ("schema.pattern",
                                                          "recognitions[0].signed"),
                    ("schema.required", "recognitions[0].signed"),
                    ("recognition.stars_range", "recognitions[0].stars")}
    for finding in result.errors:
        assert finding.file in new, finding
        assert (finding.code, finding.path) in placeholders, finding
    data = load_product(repo / "products" / "tien-phuoc" / "heo-thao-duoc-xu-tien" / "product.yaml",
                     "p").data
    assert data["recognitions"] == [{"decision": "3610/QĐ-UBND", "signed": "2022-12-29",
                                     "stars": 3}]
    assert data["subject"] == {"name": "HTX Nông nghiệp và KD dịch vụ Tiền Phong"}
    assert data["origin"]["recorded"] == {
        "scheme": "pre-2025-07", "province": {"name": "Tỉnh Quảng Nam", "code": "49"},
        "district": {"name": "Huyện Tiên Phước", "code": "514"},
        "commune": {"name": "Xã Tiên Hiệp", "code": "20875"}}


def test_cells_that_need_a_fix_leave_a_todo_in_the_file(repo: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(repo / "products" / "hoi-an" / "tuong-ot-me-daichi")
    run(repo, capsys)
    text = (repo / "products" / "hoi-an" / "tuong-ot-me-daichi" / "product.yaml").read_text()
    assert ("recognitions:\n"
            "  - decision: 14/QĐ-UBND\n"
            "    # TODO: bảng (dòng 18, cột J) ghi ngày ký «31/02/2020» — ghi lại theo quyết định, "
            "dạng NĂM-THÁNG-NGÀY / the sheet says «31/02/2020» — copy the signing date from the "
            "decision as YEAR-MONTH-DAY\n"
            "    signed: 31/02/2020\n"
            "    stars: 4\n") in text
    stars = (repo / "products" / "hoi-an" / "tra-rung-cu-lao-cham" / "product.yaml").read_text()
    assert ("    # TODO: bảng (dòng 19, cột H) ghi hạng sao «6 sao» — OCOP chỉ có 3, 4 hoặc 5 sao; "
            "ghi lại theo quyết định / the sheet says «6 sao» — OCOP stars are 3, 4 or 5; copy "
            "them from the decision\n    stars: 6\n") in stars
    undated = (repo / "products" / "duy-xuyen" / "mam-ruoc-duy-trinh" / "product.yaml").read_text()
    assert ("  - stars: 3\n    # TODO: bảng không ghi ngày ký — ghi theo quyết định, dạng "
            "NĂM-THÁNG-NGÀY / the sheet gives no signing date — copy it from the decision as "
            "YEAR-MONTH-DAY\n") in undated


def test_a_second_run_creates_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(repo, capsys)
    first = files(repo)
    code, out = run(repo, capsys)
    assert files(repo) == first
    assert "tạo mới" not in out
    assert out.splitlines()[-2] == (
        "Tổng kết / summary: 18 dòng sản phẩm / product rows (17 không đổi / unchanged, 1 trùng / "
        "duplicate); 1 dòng trống / empty; 3 chỗ cần xem lại / to review.")
    assert code == 1


def _drop_3610(root: Path) -> Path:
    """Make the catalogue's Tiêu Tiên Phước miss the 2022 decision the sheet has."""
    path = root / "products" / "tien-phuoc" / "tieu-tien-phuoc" / "product.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("  - decision: 3610"), text.index("\norigin:")
    text = text[:start] + text[end:]
    text = text.replace("    status: superseded\n", "")
    text = text.replace("docs/field-reference.md\n", "docs/field-reference.md\n# Ghi chú cán bộ: "
                        "đã đối chiếu với hồ sơ.\n")
    path.write_text(text, encoding="utf-8")
    return path


def test_existing_products_are_never_overwritten_without_update(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _drop_3610(repo)
    before = path.read_bytes()
    _, out = run(repo, capsys)
    assert path.read_bytes() == before
    assert ("Dòng 11 «Tiêu Tiên Phước»: đã có products/tien-phuoc/tieu-tien-phuoc/product.yaml; "
            "bảng khác ở: recognitions — không ghi đè, chạy lại với --update để cập nhật / exists; "
            "the sheet differs in: recognitions — not overwritten, run again with --update to "
            "update it") in out.splitlines()


def test_update_changes_only_what_the_sheet_gives(repo: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = _drop_3610(repo)
    original = load_product(ROOT / "products" / "tien-phuoc" / "tieu-tien-phuoc" / "product.yaml",
                         "p").data
    _, out = run(repo, capsys, "--update")
    assert ("Dòng 11 «Tiêu Tiên Phước»: cập nhật products/tien-phuoc/tieu-tien-phuoc/product.yaml: "
            "recognitions / updated") in out.splitlines()
    data = load_product(path, "p").data
    assert data["recognitions"] == [original["recognitions"][0],
                                    {"decision": "3610/QĐ-UBND", "signed": "2022-12-29",
                                     "stars": 4}]
    assert {k: v for k, v in data.items() if k != "recognitions"} == {
        k: v for k, v in original.items() if k != "recognitions"}
    assert path.read_text(encoding="utf-8").splitlines()[2] == ("# Ghi chú cán bộ: đã đối chiếu "
                                                                "với hồ sơ.")
    assert (path.parent / "mat-truoc.jpg").is_file()
    text = path.read_text(encoding="utf-8")
    _, again = run(repo, capsys, "--update")
    assert path.read_text(encoding="utf-8") == text  # the decision is not added twice
    assert ("Dòng 11 «Tiêu Tiên Phước»: đã có products/tien-phuoc/tieu-tien-phuoc/product.yaml, "
            "không có gì mới / already there, nothing new") in again.splitlines()


def test_update_leaves_a_file_with_hand_written_comments_alone(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _drop_3610(repo)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "\norigin:", "\n  # chờ quyết định năm 2022\norigin:"), encoding="utf-8")
    before = path.read_bytes()
    code, out = run(repo, capsys, "--update")
    assert path.read_bytes() == before
    lines = out.splitlines()
    row = lines.index("Dòng 11 «Tiêu Tiên Phước»: không cập nhật products/tien-phuoc/"
                      "tieu-tien-phuoc/product.yaml / not updated")
    assert lines[row + 1] == (
        "  tệp có ghi chú viết tay (dòng 22) nên không tự cập nhật, để khỏi mất ghi chú — sửa "
        "tay: recognitions / the file has hand-written comments (line 22), so it is not updated "
        "automatically, to keep them — edit by hand: recognitions")
    assert code == 1


def write_csv(root: Path, lines: list[str], name: str = "list.csv",
              encoding: str = "utf-8") -> str:
    (root / name).write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return name


def test_rows_of_one_product_merge_and_sections_give_the_district(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = write_csv(repo, [
        "DANH SÁCH SẢN PHẨM OCOP TỈNH QUẢNG NAM",
        "TT;Tên SP;Chủ thể (tên, địa chỉ);Xã/Huyện;Hạng sao;Số QĐ;Nhóm/Bộ sản phẩm",
        "I;HUYỆN TIÊN PHƯỚC;;;;;",
        "1;Tinh dầu Quế;HTX Nông dược xanh Tiên Phước;;4 sao;;Thảo dược",
        "2;Tinh dầu Quế;HTX Nông dược xanh Tiên Phước;;4 sao;3610/QĐ-UBND ngày 29/12/2022;",
        "3;;HTX Trầm hương Tiên Phước;;4;;",
        "II;HUYỆN ĐẠI LỘC;;;;;",
        "4;Trà An Bằng;HTX Nông nghiệp hữu cơ An Bằng, xã Đại An;Đại An;3*;;Đồ uống",
    ])
    code, out = run(repo, capsys, sheet=sheet)
    assert out.split("\n\n")[1].splitlines() == [
        "Dòng 3: dòng tiêu đề mục «I HUYỆN TIÊN PHƯỚC», không phải sản phẩm — bỏ qua / section "
        "heading, not a product — skipped",
        "  các dòng sau không ghi huyện sẽ lấy huyện là Huyện Tiên Phước (514) / the rows below "
        "that give no district get Huyện Tiên Phước (514)",
        "Dòng 4 «Tinh dầu Quế»: tạo mới products/tien-phuoc/tinh-dau-que/product.yaml / created",
        "  cột G «Nhóm/Bộ sản phẩm»: «Thảo dược» không phải một trong 6 nhóm theo QĐ 148/2023 — "
        "ghi vào `subgroup`; chọn `group` trong tệp / «Thảo dược» is not one of the 6 groups of "
        "Decision 148/2023 — written to `subgroup`; choose `group` in the file",
        "  còn phải điền / still to fill: product_type, group, processing, content.description, "
        "sources",
        "Dòng 5 «Tinh dầu Quế»: cùng sản phẩm với dòng 4, gộp vào products/tien-phuoc/"
        "tinh-dau-que/product.yaml: recognitions[0].decision, recognitions[0].signed / same "
        "product as row 4, merged into it",
        "  cột F «Số QĐ»: lấy ngày ký «29/12/2022» ghi sau số quyết định / signing date "
        "«29/12/2022» taken from the decision cell",
        "Dòng 6: không nhập được / not imported",
        "  cột B «Tên SP»: không có tên sản phẩm — không nhập dòng này / no product name — row "
        "not imported",
        "Dòng 7: dòng tiêu đề mục «II HUYỆN ĐẠI LỘC», không phải sản phẩm — bỏ qua / section "
        "heading, not a product — skipped",
        "  các dòng sau không ghi huyện sẽ lấy huyện là Huyện Đại Lộc (506) / the rows below that "
        "give no district get Huyện Đại Lộc (506)",
        "Dòng 8 «Trà An Bằng»: tạo mới products/dai-loc/tra-an-bang/product.yaml / created",
        "  còn phải điền / still to fill: product_type, processing, recognitions[0].signed, "
        "content.description, sources",
    ]
    assert code == 1
    data = load_product(repo / "products" / "tien-phuoc" / "tinh-dau-que" / "product.yaml", "p").data
    assert data["recognitions"] == [{"decision": "3610/QĐ-UBND", "signed": "2022-12-29",
                                     "stars": 4}]
    tea = load_product(repo / "products" / "dai-loc" / "tra-an-bang" / "product.yaml", "p").data
    assert tea["subject"] == {"name": "HTX Nông nghiệp hữu cơ An Bằng", "address": "xã Đại An"}
    assert tea["origin"]["recorded"]["commune"] == {"name": "Xã Đại An", "code": "20547"}


def test_a_product_under_another_subject_gets_the_area_in_its_id(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = write_csv(repo, [
        "Tên sản phẩm,Chủ thể,Huyện,Hạng sao,Ngày ký",
        "Nước mắm Tư Tài,Cơ sở khác,Duy Xuyên,3,2020",
    ])
    run(repo, capsys, sheet=sheet)
    assert (repo / "products" / "duy-xuyen" / "nuoc-mam-tu-tai-duy-xuyen" / "product.yaml").is_file()


def test_area_from_commune(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(repo, capsys, "--dry-run", "--area-from", "commune")
    assert ("Dòng 7 «Bánh tráng lề Địch Yên»: sẽ tạo products/tien-phong/banh-trang-le-dich-yen/"
            "product.yaml / would be created") in out.splitlines()
    assert ("Dòng 8 «Dầu mè đen dinh dưỡng»: sẽ tạo products/tien-phuoc/dau-me-den-dinh-duong/"
            "product.yaml / would be created") in out.splitlines()  # no commune: the district


@pytest.mark.parametrize("heading", ["Tên sản phẩm", "TEN SAN PHAM", "Tên SP", "Ten san pham OCOP",
                                     "Tên sản phẩm OCOP"])
def test_header_spellings(heading: str) -> None:
    rows: list[list[Value]] = [["DANH SÁCH", None, None], [None, None, None],
                               ["STT", heading, "Hạng sao"],
            ["1", "Tiêu Tiên Phước", "4 sao"]]
    header = find_header(rows)
    assert header is not None and (header.first, header.last) == (2, 2)
    assert [c.field for c in header.columns] == ["stt", "name", "stars"]


@pytest.mark.parametrize(("codec", "label"), [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 (BOM)"),
                                              ("cp1252", "Windows-1252")])
def test_csv_encodings(codec: str, label: str) -> None:
    text = "Tên sản phẩm;Chủ thể\nĐèn lồng Hội An;Công ty TNHH Dịch vụ Hoa Nam\n"
    if codec == "cp1252":
        text = "Ten san pham;Chu the\nCafe Cr\u00e8me;Soci\u00e9t\u00e9\n"
    assert decode_csv(text.encode(codec)) == (text, label)


def _cp1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 stores it: â, ê, ơ, ư… precomposed, tone marks combining."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base, marks = parts[0], list(parts[1:])
        for mark in marks:  # a letter of its own (ê, ơ…) combined with one mark
            letter = unicodedata.normalize("NFC", base + mark)
            if len(letter) == 1 and letter.encode("cp1258", errors="ignore"):
                base, marks = letter, [m for m in marks if m != mark]
                break
        out += (base + "".join(marks)).encode("cp1258")
    return out


def test_windows_1258_csv_is_read_as_nfc(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Tên sản phẩm;Chủ thể;Xã;Huyện\nRượu Tà Vạc;Hộ kinh doanh Đinh Văn Đới;A Ting;Đông Giang\n"
    assert decode_csv(_cp1258(text)) == (text, "Windows-1258")
    (repo / "w.csv").write_bytes(_cp1258(text))
    _, out = run(repo, capsys, "--dry-run", sheet="w.csv")
    assert ("Dòng 2 «Rượu Tà Vạc»: đã có products/dong-giang/ruou-ta-vac/product.yaml, không có "
            "gì mới / already there, nothing new") in out.splitlines()


@pytest.mark.parametrize(("value", "stars"), [
    ("4 sao", 4), ("4", 4), ("4*", 4), ("★★★★", 4), ("4★", 4), ("4 SAO", 4), ("Bốn sao", 4),
    (3, 3), (5.0, 5), ("6 sao", 6), ("đề nghị 4 sao", None), (4.5, None), (None, None)])
def test_stars(value: object, stars: int | None) -> None:
    assert parse_stars(value) == stars  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "result"), [
    (44924, ("2022-12-29", "")), (44924.0, ("2022-12-29", "")), ("44924", ("2022-12-29", "")),
    (datetime(2022, 12, 29, 0, 0), ("2022-12-29", "")), (date(2020, 1, 2), ("2020-01-02", "")),
    ("29/12/2022", ("2022-12-29", "")), ("2/1/2020", ("2020-01-02", "")),
    ("29.12.2022", ("2022-12-29", "")), ("2022-12-29", ("2022-12-29", "")),
    ("ngày 29 tháng 12 năm 2022", ("2022-12-29", "")), ("12/2022", ("2022-12", "")),
    ("tháng 12/2022", ("2022-12", "")), ("2018", ("2018", "")), (2018, ("2018", "")),
    ("năm 2019", ("2019", "")), ("31/02/2020", (None, "invalid")),
    ("13/13/2022", (None, "invalid")), ("29/12/22", (None, "unreadable")),
    ("đầu năm", (None, "unreadable")), (12, (None, "unreadable")),
])
def test_dates(value: object, result: tuple[str | None, str]) -> None:
    assert parse_date(value) == result  # type: ignore[arg-type]


def test_decisions_phones_subjects_and_places() -> None:
    assert parse_decision("QĐ số 3610/QĐ-UBND ngày 29/12/2022") == ("3610/QĐ-UBND", "29/12/2022")
    assert parse_decision("Quyết định 14/QĐ-UBND") == ("14/QĐ-UBND", None)
    assert parse_decision(377) == ("377", None)
    assert parse_phones("0235.3884.123 - 0905 123 456") == (["0235.3884.123", "0905 123 456"],
                                                            [], False)
    assert parse_phones(905123456) == (["0905123456"], [], True)
    assert parse_phones("ĐT: (0235) 3884 123; không có") == (["0235 3884 123"], ["không có"],
                                                             False)
    assert split_subject("HTX Nông dược xanh Tiên Phước, thôn Xuân Quê, xã Tiên Sơn") == (
        "HTX Nông dược xanh Tiên Phước", "thôn Xuân Quê, xã Tiên Sơn")
    assert split_subject("Công ty TNHH Sơn Tiến (xã Tiên Sơn, huyện Tiên Phước)") == (
        "Công ty TNHH Sơn Tiến", "xã Tiên Sơn, huyện Tiên Phước")
    assert split_subject("Hộ kinh doanh Đinh Văn Đới\nThôn Ra Đung") == (
        "Hộ kinh doanh Đinh Văn Đới", "Thôn Ra Đung")
    assert split_subject("HTX Quế Trà My – Minh Phúc") == ("HTX Quế Trà My – Minh Phúc", None)
    assert split_place("Xã Tiên Sơn, huyện Tiên Phước") == ("Xã Tiên Sơn", "huyện Tiên Phước")
    assert split_place("Tiên Sơn - Tiên Phước") == ("Tiên Sơn", "Tiên Phước")
    assert split_place("P. Sơn Phong, TP. Hội An, tỉnh Quảng Nam") == ("P. Sơn Phong",
                                                                       "TP. Hội An")
    assert split_place("Thị trấn Nam Phước") == ("Thị trấn Nam Phước", None)
    assert split_place("Đông Giang") == (None, "Đông Giang")


def test_report_files(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(repo, capsys, "--dry-run", "--report", str(repo / "report.txt"))
    assert (repo / "report.txt").read_text(encoding="utf-8") == out
    run(repo, capsys, "--dry-run", "--report", str(repo / "report.csv"))
    lines = (repo / "report.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == ("Dòng / row,Cột / column,Tiêu đề cột / heading,Kết quả / result,"
                        "Tệp / file,Ghi chú / note (vi),Ghi chú / note (en),Cần xem lại / to review")
    assert lines[1] == (",L,Ghi chú,,,không có trường tương ứng — không nhập,no matching field — "
                        "not imported,x")
    assert ('18,J,Kết quả công nhận › Ngày ký,"đã có products/hoi-an/tuong-ot-me-daichi/product.yaml'
            ', không có gì mới / already there, nothing new",products/hoi-an/tuong-ot-me-daichi/'
            "product.yaml,«31/02/2020» không có trên lịch — xem lại ngày ký trong quyết định,"
            "«31/02/2020» is not a calendar date — check the signing date in the decision,x"
            ) in lines


def test_unreadable_input(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(repo / "missing.xlsx"), "--root", str(repo)]) == 2
    (repo / "list.ods").write_bytes(b"x")
    assert main(["import", str(repo / "list.ods"), "--root", str(repo)]) == 1
    write_csv(repo, ["Danh sách", "a,b,c"], name="empty.csv")
    assert main(["import", str(repo / "empty.csv"), "--root", str(repo)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"ocop import: không tìm thấy / not found: {repo / 'missing.xlsx'}"
    assert out[1].endswith("list.ods: không đọc được tệp «.ods» — dùng .xlsx hoặc .csv (Excel: "
                           "File → Save As → Excel Workbook) / cannot read «.ods» files — use .xlsx "
                           "or .csv")
    assert out[2].endswith("empty.csv: không tìm thấy dòng tiêu đề trong 30 dòng đầu: cần một cột "
                           "tên sản phẩm (Tên sản phẩm, Tên SP, Sản phẩm) và ít nhất một cột khác "
                           "/ no header row in the first 30 rows: a product name column (Tên sản "
                           "phẩm, Tên SP, Sản phẩm) and at least one other column are needed")


def test_the_sample_sheet_is_reproducible(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("sample", ROOT / "tools" /
                                                  "make_sample_spreadsheet.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([str(tmp_path)]) == 0
    for suffix in (".xlsx", ".csv"):
        assert (tmp_path / f"{SHEET}{suffix}").read_bytes() == \
            (FIXTURES / f"{SHEET}{suffix}").read_bytes()
