"""Write the second sample provincial list that `ocop import` is tested on.

    .venv/bin/python tools/make_sample_spreadsheet_2.py [OUT_DIR]

writes ``danh-sach-ocop-tong-hop.xlsx`` (default OUT_DIR: tests/fixtures/import/). Where the
first sample (tools/make_sample_spreadsheet.py) has a two-row header with a commune and a
district column, this one is laid out like the other common kind of list: one header row
with other spellings (``TT``, ``Tên chủ thể sản xuất``, ``Địa chỉ sản xuất``, ``Phân nhóm``,
``Hạng sao đạt được``, ``Số, ngày quyết định``, ``Năm công nhận``, ``SĐT liên hệ``), no commune
or district column (the commune is only in the address), short group names (``Dược liệu``,
``TCMN``, ``Thủ công mỹ nghệ``), national stars written ``5 sao (quốc gia)`` and ``OCOP quốc
gia``, the decision number and date in one cell, and the closing block of an official
document under the table (a totals row, «Nơi nhận», «KT. CHỦ TỊCH», «Người lập biểu»).

Every product row is a real Quảng Nam OCOP product of the sample catalogue in products/:
name, subject, commune, district, group, stars, decision and signing date as those files
give them (one address typed without tone marks, as some lists are). What the files do not
say is left empty — no phone number, no signature names. The output is byte-for-byte
reproducible (fixed timestamps inside the .xlsx).
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_sample_spreadsheet import FIXED, _reproducible

ROOT = Path(__file__).resolve().parent.parent
NAME = "danh-sach-ocop-tong-hop"
WIDTH = 9  # columns A–I

TITLE = [
    {1: "UBND TỈNH QUẢNG NAM"},
    {1: "TỔNG HỢP SẢN PHẨM OCOP ĐÃ ĐƯỢC CÔNG NHẬN"},
    {1: "(Dữ liệu mẫu để kiểm thử lệnh ocop import: sản phẩm thật lấy từ products/; không phải "
        "văn bản của UBND tỉnh.)"},
]
HEADER: list[object] = ["TT", "Tên sản phẩm", "Tên chủ thể sản xuất", "Địa chỉ sản xuất",
                        "Phân nhóm", "Hạng sao đạt được", "Số, ngày quyết định",
                        "Năm công nhận", "SĐT liên hệ"]
# TT, name, subject, production address, group, stars, decision and date, year, phone
ROWS: list[list[object]] = [
    [1, "Tiêu Tiên Phước", "Công ty TNHH Sơn Tiến", "xã Tiên Sơn, huyện Tiên Phước",
     "Thực phẩm", "4 sao", "3610/QĐ-UBND ngày 29/12/2022", 2022, None],
    [2, "Heo thảo dược Xứ Tiên", "HTX Nông nghiệp và KD dịch vụ Tiền Phong",
     "xã Tiên Hiệp, huyện Tiên Phước", "Thực phẩm", "3 sao",
     "QĐ số 3610/QĐ-UBND, ngày 29/12/2022", 2022, None],
    [3, "SAPHRATON", "Công ty TNHH Sâm Sâm", "xã Trà Linh, huyện Nam Trà My", "Dược liệu",
     "5 sao (quốc gia)", "377 (17/01/2025)", 2025, None],
    [4, "Bánh dừa nướng Quý Thu", None, None, "Thực phẩm", "OCOP quốc gia",
     "377 (17/01/2025)", 2025, None],
    [5, "Đĩa Chùa Cầu Hội An", "Cơ sở Mộc truyền thống Kim Bồng Xuân Nguyên",
     "xã Cẩm Kim, thành phố Hội An", "TCMN", "3 sao", "14/QĐ-UBND, 02/01/2020", 2019, None],
    [6, "Khăn choàng thổ cẩm", "Tổ hợp tác thổ cẩm thôn A Reh – Đhơrôông",
     "thôn A Reh, xã Tà Lu, huyện Đông Giang", "Thủ công mỹ nghệ", "3 sao", None, 2018, None],
    [7, "Ớt A Riêu muối", "HTX Nông lâm nghiệp xã Mà Cooih", "xa Ma Cooih, huyen Dong Giang",
     "Thực phẩm", "3*", None, 2018, None],
    [8, "Trà túi lọc Sâm Ngọc Linh", "Hộ kinh doanh Hải Thủy", "xã Trà Mai, huyện Nam Trà My",
     "Dược liệu", "3 sao", None, 2023, None],
]
CLOSING: list[dict[int, object]] = [
    {2: "Tổng cộng: 8 sản phẩm"},
    {},
    {},
    {1: "Nơi nhận:", 6: "KT. CHỦ TỊCH"},
    {1: "- Như trên;", 6: "PHÓ CHỦ TỊCH"},
    {1: "- Lưu: VT, NN."},
    {6: "(Đã ký)"},
    {2: "Người lập biểu"},
]
MERGED = ["A1:I1", "A2:I2", "A3:I3"]


def grid() -> list[list[object]]:
    """Every cell, row by row, as the sheet holds it (merged cells: top-left only)."""
    spread = [[row.get(c) for c in range(1, WIDTH + 1)] for row in (*TITLE, {})]
    closing = [[row.get(c) for c in range(1, WIDTH + 1)] for row in CLOSING]
    return [*spread, HEADER, *ROWS, *closing]


def workbook() -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "Tổng hợp"
    for r, row in enumerate(grid(), start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(r, c, value)
    for cell_range in MERGED:
        sheet.merge_cells(cell_range)
    for r in (1, 2, len(TITLE) + 2):
        for c in range(1, WIDTH + 1):
            sheet.cell(r, c).font = Font(bold=True)
            sheet.cell(r, c).alignment = Alignment(horizontal="center", wrap_text=True)
    for letter, width in zip("ABCDEFGHI", (5, 28, 34, 34, 16, 16, 30, 10, 14), strict=True):
        sheet.column_dimensions[letter].width = width
    book.properties.creator = "ocop-catalogue tools/make_sample_spreadsheet_2.py"
    book.properties.created = FIXED
    return book


def main(argv: list[str]) -> int:
    import io

    folder = Path(argv[0]) if argv else ROOT / "tests" / "fixtures" / "import"
    folder.mkdir(parents=True, exist_ok=True)
    raw = io.BytesIO()
    workbook().save(raw)
    (folder / f"{NAME}.xlsx").write_bytes(_reproducible(raw.getvalue()))
    print(f"wrote {folder / NAME}.xlsx")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
