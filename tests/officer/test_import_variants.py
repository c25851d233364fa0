"""`ocop import` keeps what the sheet says: the second sample list (one header row with other
spellings, no commune column, the decision number and date in one cell, short group names,
national stars, an official closing block) and the cell readers behind it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.importer.cells import parse_decision, parse_level
from generator.importer.closing import table_end
from generator.importer.header import cell_fields, find_header
from generator.importer.rows import group_fields
from generator.importer.table import Table, Value
from generator.load.product import load_product
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "import"
SHEET = "danh-sach-ocop-tong-hop.xlsx"
KEPT = ("tien-phuoc/tieu-tien-phuoc", "hoi-an/dia-chua-cau-hoi-an")
NEW = ("dong-giang/khan-choang-tho-cam", "dong-giang/ot-a-rieu-muoi", "nam-tra-my/saphraton",
       "nam-tra-my/tra-tui-loc-sam-ngoc-linh", "quang-nam/banh-dua-nuong-quy-thu",
       "tien-phuoc/heo-thao-duoc-xu-tien")

COLUMNS = """\
Cột / columns:
  A «TT» → số thứ tự, không nhập / row number, not imported
  B «Tên sản phẩm» → name.vi
  C «Tên chủ thể sản xuất» → subject.name
  D «Địa chỉ sản xuất» → xã của origin.recorded (và subject.address khi bảng không có cột địa \
chỉ) / the commune of origin.recorded (and subject.address without an address column)
  E «Phân nhóm» → group, subgroup
  F «Hạng sao đạt được» → recognitions[].stars
  G «Số, ngày quyết định» → recognitions[].decision + signed
  H «Năm công nhận» → recognitions[].signed (năm / year)
  I «SĐT liên hệ» → subject.contact.phones
"""
SAPHRATON = """\
Dòng 8 «SAPHRATON»: tạo mới products/nam-tra-my/saphraton/product.yaml / created
  cột G «Số, ngày quyết định»: lấy ngày ký «17/01/2025» ghi sau số quyết định / signing date \
«17/01/2025» taken from the decision cell
  cột F «Hạng sao đạt được»: «5 sao (quốc gia)»: 5 sao, cấp trung ương (quốc gia) — ghi `level` \
theo ô này / «5 sao (quốc gia)»: 5 stars, central (national) level — `level` written from this \
cell
  cột E «Phân nhóm»: «Dược liệu» ghi là nhóm «Dược liệu và sản phẩm từ dược liệu» (QĐ 148/2023) \
/ «Dược liệu» written as the group «Dược liệu và sản phẩm từ dược liệu» (Decision 148/2023)
  cột D «Địa chỉ sản xuất»: lấy Xã Trà Linh (20950) từ địa chỉ «xã Trà Linh, huyện Nam Trà My» \
(bảng không có cột xã) / Xã Trà Linh (20950) taken from the address «xã Trà Linh, huyện Nam Trà \
My» (the sheet has no commune column)
  còn phải điền / still to fill: product_type, processing, content.description, sources
"""
CLOSING = ("Dòng 14–21: phần cuối văn bản, từ «Tổng cộng: 8 sản phẩm» (nơi nhận, chữ ký, tổng "
           "cộng…) — không phải sản phẩm, không nhập / the end of the document, from «Tổng cộng: "
           "8 sản phẩm» (recipients, signatures, totals…) — not products, not imported")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for product in KEPT:
        shutil.copytree(ROOT / "products" / product, root / "products" / product)
    shutil.copy(FIXTURES / SHEET, root)
    return root


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str,
        sheet: str = SHEET) -> tuple[int, str]:
    code = main(["import", str(root / sheet), "--root", str(root), *args])
    return code, capsys.readouterr().out


def product(root: Path, folder: str) -> dict[str, object]:
    data = load_product(root / "products" / folder / "product.yaml", "p").data
    assert isinstance(data, dict)
    return data


def test_the_second_sheet_is_read_with_its_own_headings(repo: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(repo, capsys)
    assert code == 0  # every cell went in, or was left out on purpose and said so
    assert COLUMNS in out
    assert SAPHRATON in out
    assert CLOSING in out.splitlines()
    assert out.splitlines()[-2] == (
        "Tổng kết / summary: 8 dòng sản phẩm / product rows (6 tạo mới / new, 2 cần --update / "
        "need --update); 0 chỗ cần xem lại / to review.")
    written = sorted(p.parent.relative_to(repo / "products").as_posix()
                     for p in (repo / "products").rglob("product.yaml"))
    assert written == sorted(KEPT + NEW)  # the closing block made no product


def test_combined_decision_cells_national_stars_and_short_groups(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(repo, capsys)
    saphraton = product(repo, "nam-tra-my/saphraton")
    assert saphraton["recognitions"] == [
        {"decision": "377", "signed": "2025-01-17", "level": "central", "stars": 5}]
    assert saphraton["group"] == "Dược liệu và sản phẩm từ dược liệu"
    cake = product(repo, "quang-nam/banh-dua-nuong-quy-thu")  # «OCOP quốc gia»
    assert cake["recognitions"] == [
        {"decision": "377", "signed": "2025-01-17", "level": "central", "stars": 5}]
    pig = product(repo, "tien-phuoc/heo-thao-duoc-xu-tien")  # «QĐ số 3610/QĐ-UBND, ngày …»
    assert pig["recognitions"] == [{"decision": "3610/QĐ-UBND", "signed": "2022-12-29",
                                    "stars": 3}]
    scarf = product(repo, "dong-giang/khan-choang-tho-cam")  # «Thủ công mỹ nghệ», a year only
    assert scarf["group"] == "Hàng thủ công mỹ nghệ"
    assert scarf["recognitions"] == [{"signed": "2018", "stars": 3}]


def test_the_commune_comes_from_the_address(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(repo, capsys)
    chili = product(repo, "dong-giang/ot-a-rieu-muoi")  # «xa Ma Cooih, huyen Dong Giang»
    assert chili["origin"] == {"recorded": {
        "scheme": "pre-2025-07", "province": {"name": "Tỉnh Quảng Nam", "code": "49"},
        "district": {"name": "Huyện Đông Giang", "code": "505"},
        "commune": {"name": "Xã Mà Cooi", "code": "20494"}}}
    assert chili["subject"] == {"name": "HTX Nông lâm nghiệp xã Mà Cooih",
                                "address": "xa Ma Cooih, huyen Dong Giang"}
    assert ("  cột D «Địa chỉ sản xuất»: lấy Xã Mà Cooi (20494) từ địa chỉ «xa Ma Cooih, huyen "
            "Dong Giang» (bảng không có cột xã) / Xã Mà Cooi (20494) taken from the address «xa "
            "Ma Cooih, huyen Dong Giang» (the sheet has no commune column)") in out.splitlines()


def test_a_second_run_creates_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(repo, capsys)
    code, out = run(repo, capsys)
    assert code == 0
    assert "tạo mới" not in out.split("Tổng kết")[0]
    assert CLOSING in out.splitlines()


def write_csv(root: Path, lines: list[str]) -> str:
    (root / "list.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return "list.csv"


def test_an_address_naming_several_communes_is_a_note_not_a_guess(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = write_csv(repo, [
        "UBND TỈNH QUẢNG NAM",
        "TT;Tên sản phẩm;Tên chủ thể;Địa chỉ chủ thể;Sao",
        "1;Mật ong thử;Hộ A;thôn 1, xa Tam Thanh;3 sao",
        "2;Mật ong thử hai;Hộ B;thôn 2, xã Tam Thạnh;3 sao",
    ])
    code, out = run(repo, capsys, sheet=sheet)
    assert code == 0
    assert ("  cột D «Địa chỉ chủ thể»: địa chỉ «thôn 1, xa Tam Thanh» ghi «xa Tam Thanh», khớp "
            "nhiều xã: Xã Tam Thanh (20359) (Thành phố Tam Kỳ (502)); Xã Tam Thạnh (20980) "
            "(Huyện Núi Thành (517)); Xã Tam Thành (20365) (Huyện Phú Ninh (518)) — không tự "
            "chọn; ghi `origin.recorded.commune` theo quyết định / the address «thôn 1, xa Tam "
            "Thanh» says «xa Tam Thanh», which matches several communes: Xã Tam Thanh (20359) "
            "(Thành phố Tam Kỳ (502)); Xã Tam Thạnh (20980) (Huyện Núi Thành (517)); Xã Tam "
            "Thành (20365) (Huyện Phú Ninh (518)) — none chosen; write "
            "`origin.recorded.commune` from the decision") in out.splitlines()
    first = product(repo, "quang-nam/mat-ong-thu")
    assert first["origin"] == {"recorded": {"scheme": "pre-2025-07",
                                            "province": {"name": "Tỉnh Quảng Nam", "code": "49"}}}
    second = product(repo, "nui-thanh/mat-ong-thu-hai")  # typed with its tone marks: one commune
    assert second["origin"]["recorded"]["commune"] == {  # type: ignore[index]
        "name": "Xã Tam Thạnh", "code": "20980"}


# --- the readers ------------------------------------------------------------------------------

@pytest.mark.parametrize("heading, field", [
    ("SĐT liên hệ", "phone"), ("Số điện thoại", "phone"), ("Điện thoại liên hệ", "phone"),
    ("Hạng sao đạt được", "stars"), ("Sao", "stars"), ("Số sao", "stars"), ("Hạng", "stars"),
    ("Xếp hạng", "stars"), ("Kết quả xếp hạng", "stars"), ("Địa chỉ sản xuất", "origin_address"),
    ("Địa chỉ chủ thể", "address"), ("Tên chủ thể sản xuất", "subject_name"),
    ("Đơn vị sản xuất", "subject_name"), ("Phân nhóm", "group"), ("Nhóm sản phẩm", "group"),
    ("Số QĐ", "decision"), ("Quyết định công nhận", "decision"), ("Ngày QĐ", "signed"),
    ("Số, ngày quyết định", "decision_signed"), ("Số/ngày QĐ", "decision_signed"),
])
def test_heading_variants(heading: str, field: str) -> None:
    fields = cell_fields(heading)
    assert max(fields, key=lambda name: fields[name]) == field


@pytest.mark.parametrize("cell, number, when", [
    ("3610/QĐ-UBND ngày 29/12/2022", "3610/QĐ-UBND", "29/12/2022"),
    ("QĐ số 3610/QĐ-UBND, ngày 29/12/2022", "3610/QĐ-UBND", "29/12/2022"),
    ("3610/QĐ-UBND (29/12/2022)", "3610/QĐ-UBND", "29/12/2022"),
    ("3610/QĐ-UBND, 29/12/2022", "3610/QĐ-UBND", "29/12/2022"),
    ("3610/QĐ-UBND - 29/12/2022", "3610/QĐ-UBND", "29/12/2022"),
    ("Số 3610/QĐ-UBND ngày 29 tháng 12 năm 2022", "3610/QĐ-UBND", "29 tháng 12 năm 2022"),
    ("14/QĐ-UBND", "14/QĐ-UBND", None),
])
def test_decision_number_and_date_in_one_cell(cell: str, number: str, when: str | None) -> None:
    assert parse_decision(cell) == (number, when)


@pytest.mark.parametrize("cell, level, rest", [
    ("5 sao (quốc gia)", "central", "5 sao"), ("5 sao quốc gia", "central", "5 sao"),
    ("OCOP quốc gia", "central", "5"), ("5 sao - cấp Trung ương", "central", "5 sao"),
    ("4 sao (cấp tỉnh)", "province", "4 sao"), ("4 sao", None, "4 sao"),
])
def test_national_stars(cell: str, level: str | None, rest: str) -> None:
    assert parse_level(cell) == (level, rest)


@pytest.mark.parametrize("cell, group", [
    ("Dược liệu", "Dược liệu và sản phẩm từ dược liệu"),
    ("Thủ công mỹ nghệ", "Hàng thủ công mỹ nghệ"), ("TCMN", "Hàng thủ công mỹ nghệ"),
    ("Sinh vật cảnh", "Sinh vật cảnh"), ("Nhóm Đồ uống", "Đồ uống"),
    ("Du lịch", "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch"),
    ("Dịch vụ du lịch", "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch"),
])
def test_short_group_names(cell: str, group: str) -> None:
    assert group_fields(cell, "2024-05-01", "49")[0] == {"group": group}


def _table(*rows: list[Value]) -> Table:
    width = max(len(r) for r in rows)
    return Table("t", [r + [None] * (width - len(r)) for r in rows])


HEAD: list[Value] = ["STT", "Tên sản phẩm", "Hạng sao"]


def test_a_totals_row_inside_the_list_does_not_end_it() -> None:
    table = _table(HEAD, [1, "A", 4], ["", "Cộng huyện: 1", None], [2, "B", 3],
                   [None, "Tổng cộng", None], [None, "Nơi nhận:", None])
    header = find_header(table.rows)
    assert header is not None
    assert table_end(table, header, len(table.rows)) == 4


def test_a_long_run_of_empty_rows_ends_the_list_when_no_product_follows() -> None:
    gap: list[list[Value]] = [[None, None, None]] * 5
    signature: list[Value] = [None, None, "Nguyễn Văn Ký"]
    table = _table(HEAD, [1, "A", 4], *gap, signature)
    header = find_header(table.rows)
    assert header is not None
    assert table_end(table, header, len(table.rows)) == 2
    more = _table(HEAD, [1, "A", 4], *gap, [2, "B", 3])
    assert table_end(more, header, len(more.rows)) == len(more.rows)


def test_a_combined_decision_column_with_a_date_or_a_number_only(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = write_csv(repo, [
        "UBND TỈNH QUẢNG NAM",
        "TT;Tên sản phẩm;Số, ngày quyết định;Số sao",
        "1;Tinh dầu Quế;29/12/2022;4 sao",
        "2;Tinh dầu Sả;3610/QĐ-UBND;4 sao",
    ])
    code, out = run(repo, capsys, sheet=sheet)
    assert code == 0
    assert product(repo, "quang-nam/tinh-dau-que")["recognitions"] == [
        {"signed": "2022-12-29", "stars": 4}]
    assert product(repo, "quang-nam/tinh-dau-sa")["recognitions"] == [
        {"decision": "3610/QĐ-UBND", "stars": 4}]  # and a TODO line for the signing date
    assert "TODO: bảng không ghi ngày ký" in (
        repo / "products/quang-nam/tinh-dau-sa/product.yaml").read_text(encoding="utf-8")
    assert ("  cột C «Số, ngày quyết định»: cột số, ngày quyết định chỉ có «3610/QĐ-UBND», không "
            "thấy ngày ký — ghi ngày ký theo quyết định / the decision number-and-date column "
            "only has «3610/QĐ-UBND», no signing date — copy it from the decision"
            ) in out.splitlines()


def test_a_subject_named_cong_dong_is_not_a_totals_row() -> None:
    table = _table(["Tên sản phẩm", "Chủ thể"], ["Du lịch A", "Cộng đồng dân cư thôn A"],
                   ["Du lịch B", "Cộng đồng dân cư thôn B"], ["Cộng: 2", None])
    header = find_header(table.rows)
    assert header is not None
    assert table_end(table, header, len(table.rows)) == 3
